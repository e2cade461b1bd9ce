"""The command line behaves as its users' other tools do (pdfplumber, csvkit, frictionless):
-h and --version, readable help, -q, --json, a quiet end on a broken pipe, and messages
that name what was found. Expected texts are written out by hand."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.paths import SHARED_PDF, TEXT_DUMP


def recindex(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
    )


def test_version_and_short_help() -> None:
    assert recindex("--version").stdout == "recindex 0.1.0\n"
    short = recindex("-h")
    assert short.returncode == 0
    assert short.stdout == recindex("--help").stdout
    assert short.stdout.startswith("usage: recindex [-h] [--version] COMMAND ...")


def test_help_shows_metavars_and_the_language_codes() -> None:
    text = recindex("extract", "-h").stdout
    assert "usage: recindex extract" in text
    assert "--out DIR" in text
    assert "--lang CODE" in text
    assert "SOURCE" in text
    assert "one of ar, en, es, fr, ru, zh" in " ".join(text.split())
    for raw in ("<bool>", "<path>", "{source}", "list[Path]"):
        assert raw not in text


def test_quiet_prints_nothing(tmp_path: Path) -> None:
    result = recindex("extract", str(TEXT_DUMP), "--out", str(tmp_path / "out"), "-q")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    result = recindex("validate", str(TEXT_DUMP), "-q")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_validate_json(tmp_path: Path) -> None:
    result = recindex("validate", str(TEXT_DUMP), "--json")
    data = json.loads(result.stdout)
    # The dump's findings, counted by hand (README): 11 warnings, 10 infos, no error.
    assert data["counts"] == {"info": 10, "warning": 11, "error": 0}
    assert len(data["diagnostics"]) == 21
    assert data["symbol"] == "CTOC/COP/WG.4/2019/4"


def test_compare_json() -> None:
    result = recindex("compare", str(TEXT_DUMP), str(SHARED_PDF), "--json")
    data = json.loads(result.stdout)
    assert result.returncode == 0
    assert data["identical"] is True
    assert data["differences"] == []
    assert len(data["matches"]) == 78


def test_a_broken_pipe_ends_quietly() -> None:
    result = subprocess.run(
        f"{sys.executable} -m pipeline schema | head -c 10 > /dev/null; "
        'echo "status ${PIPESTATUS[0]}"',
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in result.stderr
    assert result.stderr == ""
    assert result.stdout.strip() in ("status 0", "status 141")


def test_a_wrong_language_names_the_one_found(tmp_path: Path) -> None:
    result = recindex("extract", str(SHARED_PDF), "--lang", "en", "--out", str(tmp_path / "o"))
    assert result.returncode == 2
    assert result.stderr == (
        f"recindex: error: {SHARED_PDF}: no table header in English (en); the header is in "
        "français (fr): use --lang fr or --lang auto\n"
    )
    assert not (tmp_path / "o").exists()


def test_paths_are_printed_as_given(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "dump.txt").write_bytes(TEXT_DUMP.read_bytes())
    result = recindex("extract", "in/dump.txt", "--out", "out", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr.startswith("in/dump.txt: fr, 78 themes, 311 entries")
    assert result.stderr.rstrip().endswith("-> out")


def test_an_internal_error_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    # A bug of recindex's own (here: a stage made to fail) is one line on stderr and exit
    # status 3, and the output folder is not created; RECINDEX_DEBUG=1 shows it whole.
    fail = (
        "import sys, pipeline.api as api\n"
        "def broken(*args, **kwargs): raise ValueError('min() arg is an empty sequence')\n"
        "api.extract_lines = broken\n"
        "from pipeline.cli.commands import run\n"
        "sys.exit(run(['extract', sys.argv[1], '--out', sys.argv[2]]))\n"
    )
    out = tmp_path / "out"
    command = [sys.executable, "-c", fail, str(TEXT_DUMP), str(out)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 3
    assert result.stderr == (
        "recindex: internal error: ValueError: min() arg is an empty sequence "
        "(set RECINDEX_DEBUG=1 for details)\n"
    )
    assert not out.exists()
    env = {**os.environ, "RECINDEX_DEBUG": "1"}
    shown = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    assert shown.returncode == 1
    assert "Traceback" in shown.stderr

"""Every command the README shows runs as written, after the two set-up commands.

The README's ```sh blocks are run line by line with bash (the environment activated as the
README says), and its ```python blocks with the project's Python, in a copy of the
project that shares this checkout's `.venv` (CI makes that from nothing with `make test`).
`make test` itself is the one line not run here: it is what runs this test.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.paths import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCK_RE = re.compile(r"^```(\w+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
NOT_HERE = {"make test"}  # runs this very test
IGNORED = shutil.ignore_patterns(
    ".venv",
    ".git",
    "__pycache__",
    ".pytest_cache",
    ".mypy_cache",
    ".ruff_cache",
    ".hypothesis",
    "test-artifacts",
    ".venv-camelot",
    "*.egg-info",
)


def blocks(kind: str) -> list[str]:
    return [body for fence, body in BLOCK_RE.findall(README) if fence == kind]


def commands() -> list[str]:
    found = []
    for body in blocks("sh"):
        for line in body.splitlines():
            command = line.split("  #", 1)[0].strip()
            if command and command not in NOT_HERE:
                found.append(command)
    return found


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("readme") / "recindex"
    shutil.copytree(ROOT, copy, ignore=IGNORED)
    (copy / ".venv").symlink_to(ROOT / ".venv")
    shutil.rmtree("/tmp/recindex", ignore_errors=True)
    return copy


def test_the_readme_shows_commands() -> None:
    assert commands()[:2] == ["make run", "source .venv/bin/activate"]
    assert len(commands()) >= 10
    assert len(blocks("python")) == 1


def test_every_shell_command_runs(project: Path) -> None:
    script = "set -e\n" + "\n".join(f'echo "$ {command}" >&2\n{command}' for command in commands())
    env = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
    result = subprocess.run(
        ["bash", "-c", script], cwd=project, capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
    # What the commands wrote, checked against the document's counts (counted by hand
    # from the dump: tests/data/fr_rows.tsv).
    assert "recindex 0.1.0" in result.stdout
    entries = Path("/tmp/recindex/fr-pdf/entries.csv").read_text(encoding="utf-8")
    assert len(entries.splitlines()) == 312
    assert Path("/tmp/recindex/index.html").read_bytes().startswith(b"<!DOCTYPE html>")
    assert Path("/tmp/recindex/page-2.png").read_bytes()[:4] == b"\x89PNG"
    assert '"$schema"' in result.stdout


def test_the_python_example_runs(project: Path) -> None:
    (code,) = blocks("python")
    result = subprocess.run(
        [str(project / ".venv" / "bin" / "python"), "-c", code],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # 78 themes and 311 rows; the 11 warnings checked by hand (test_validate.py); True.
    assert lines[0] == "78 311"
    assert lines[-1] == "True"
    assert len(lines) == 1 + 11 + 1

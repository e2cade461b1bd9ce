"""Encodings, line ends and bad files: read exactly, or refuse in one line.

Every transformed dump must give the golden table (tests/data/fr_rows.tsv); every bad
file must give one stderr line, exit code 2, no traceback and no output folder.
"""

from __future__ import annotations

import codecs
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.api import run
from tests.golden import expected_read, read_document
from tests.paths import TEXT_DUMP

ORIGINAL = TEXT_DUMP.read_text(encoding="utf-8")

VARIANTS = {
    "utf-8 with BOM": codecs.BOM_UTF8 + ORIGINAL.encode("utf-8"),
    "utf-16 LE with BOM": ORIGINAL.encode("utf-16"),
    "utf-16 BE with BOM": codecs.BOM_UTF16_BE + ORIGINAL.encode("utf-16-be"),
    "CRLF line ends": ORIGINAL.replace("\n", "\r\n").encode("utf-8"),
    "CR line ends": ORIGINAL.replace("\n", "\r").encode("utf-8"),
    "no-break spaces": ORIGINAL.replace(" et ", "\u00a0et\u00a0").encode("utf-8"),
    "form feed before each header": ORIGINAL.replace(" Thème \n", "\f Thème \n").encode("utf-8"),
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_variants_give_the_golden_table(variant: str, tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_bytes(VARIANTS[variant])
    assert read_document(run(path).index) == expected_read()


def recindex(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


BAD_FILES: dict[str, bytes | None] = {
    "missing.txt": None,
    "empty.txt": b"",
    "blank.txt": b" \n\n \n",
    "latin1.txt": ORIGINAL.encode("latin-1", errors="replace"),
    "binary.txt": b"\x00\x01\x02 random \x00 bytes",
    "no_table.txt": "Un texte en français, sans tableau.\nDeux lignes.\n".encode(),
    "header_only.txt": " Thème \nRapport de réunion Référence dans le document\nDocument Paragraphes\n".encode(),
    "fake.pdf": b"this is not a PDF at all\n",
    "utf16_without_bom.txt": ORIGINAL.encode("utf-16-le"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_input_fails_cleanly(name: str, tmp_path: Path) -> None:
    source = tmp_path / name
    data = BAD_FILES[name]
    if data is not None:
        source.write_bytes(data)
    out = tmp_path / "out"
    result = recindex("extract", str(source), "--out", str(out), cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("recindex: error: ")
    assert name in lines[0] or "language" in lines[0] or "header" in lines[0]
    assert "Traceback" not in result.stderr
    assert not out.exists()
    assert result.stdout == ""


def test_directory_is_refused(tmp_path: Path) -> None:
    result = recindex("extract", str(tmp_path), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 2
    assert "is a directory" in result.stderr


def test_unknown_language_names_the_known_ones(tmp_path: Path) -> None:
    result = recindex(
        "extract", str(TEXT_DUMP), "--lang", "xx", "--out", str(tmp_path / "o"), cwd=tmp_path
    )
    assert result.returncode == 2
    assert (
        "invalid choice: 'xx' (choose from 'auto', 'ar', 'en', 'es', 'fr', 'ru', 'zh')"
        in result.stderr
    )
    assert "fr" in result.stderr


def test_unwritable_output_fails_cleanly(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = recindex("extract", str(TEXT_DUMP), "--out", str(blocker / "out"), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("recindex: error: ")
    assert "cannot write" in result.stderr
    assert "Traceback" not in result.stderr

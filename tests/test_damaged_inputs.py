"""The regression corpus of damaged and edited inputs, each with its exact outcome.

On any such input the tool gives the exact table, refuses with one line, or writes its
best reading with an error finding naming what is missing and exits 1: never exit 0 with
rows missing. Expected outcomes are written out by hand from what each edit removes (the
shared PDF's page 5 carries rows of seven reports; see tests/data/fr_rows.tsv).
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline import load
from tests import damage
from tests.golden import assert_matches_golden
from tests.next_version import replace_exactly
from tests.paths import SHARED_PDF, TEXT_DUMP

# The reports whose rows stand on page 5 of the shared PDF (its link annotations).
PAGE_5_REPORTS = {
    "CTOC/COP/WG.4/2009/2",
    "CTOC/COP/WG.4/2010/6",
    "CTOC/COP/WG.4/2011/8",
    "CTOC/COP/WG.4/2013/5",
    "CTOC/COP/WG.4/2015/6",
    "CTOC/COP/WG.4/2017/4",
    "CTOC/COP/WG.4/2018/3",
}


def extract(path: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", str(path), "--out", str(out), *extra],
        capture_output=True,
        text=True,
        check=False,
    )


def errors(out: Path) -> list[dict[str, str]]:
    rows = csv.DictReader(io.StringIO((out / "diagnostics.csv").read_text(encoding="utf-8")))
    return [row for row in rows if row["severity"] == "error"]


def rows(out: Path) -> int:
    return len((out / "entries.csv").read_text(encoding="utf-8").splitlines()) - 1


PdfEdit = Callable[[bytes], bytes]


@pytest.mark.parametrize(
    ("edit", "engine", "lost_page"),
    [
        (lambda data: damage.zero_bytes(data, 4), "pdfplumber", 5),
        (lambda data: damage.zero_bytes(data, 4), "pdfium", 5),
        # The deleted keyword makes pdfminer run page 5's stream into page 6's object,
        # whose text is lost instead.
        (lambda data: damage.delete_endstream(data, 4), "pdfplumber", 6),
    ],
    ids=["zero-bytes-pdfplumber", "zero-bytes-pdfium", "endstream-deleted-pdfplumber"],
)
def test_a_damaged_page_is_an_error_finding(
    edit: PdfEdit, engine: str, lost_page: int, tmp_path: Path
) -> None:
    source = tmp_path / "damaged.pdf"
    source.write_bytes(edit(SHARED_PDF.read_bytes()))
    result = extract(source, tmp_path / "out", "--engine", engine)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "error finding(s): the data may be incomplete" in result.stderr
    # Nothing the PDF library logs reaches stderr: only recindex's own two lines.
    assert len(result.stderr.splitlines()) == 2, result.stderr
    found = errors(tmp_path / "out")
    assert {(row["code"], row["page"]) for row in found} >= {
        ("page-missing", str(lost_page)),
        ("page-without-rows", str(lost_page)),
    }
    links = {row["report"] for row in found if row["code"] == "link-without-row"}
    assert links
    assert all(row["page"] == str(lost_page) for row in found)
    assert rows(tmp_path / "out") < 311


def test_pdfium_repairs_a_deleted_endstream_exactly(tmp_path: Path) -> None:
    """pdfium reads past the missing keyword (its /Length is right): the exact table,
    which is one of the three outcomes allowed, and no finding of severity error."""
    source = tmp_path / "damaged.pdf"
    source.write_bytes(damage.delete_endstream(SHARED_PDF.read_bytes(), 4))
    result = extract(source, tmp_path / "out", "--engine", "pdfium")
    assert result.returncode == 0, result.stderr
    assert errors(tmp_path / "out") == []
    assert_matches_golden(load(tmp_path / "out" / "index.json"))


def test_a_removed_page_is_an_error_finding(tmp_path: Path) -> None:
    source = tmp_path / "removed.pdf"
    source.write_bytes(damage.remove_page(SHARED_PDF.read_bytes(), 4))
    result = extract(source, tmp_path / "out")
    assert result.returncode == 1
    assert [(row["code"], row["message"]) for row in errors(tmp_path / "out")] == [
        (
            "page-missing",
            "the document numbers its pages up to 13 but 12 were read; printed page(s) 5 not found",
        )
    ]


def test_allow_errors_writes_and_exits_0(tmp_path: Path) -> None:
    source = tmp_path / "removed.pdf"
    source.write_bytes(damage.remove_page(SHARED_PDF.read_bytes(), 4))
    result = extract(source, tmp_path / "out", "--allow-errors")
    assert result.returncode == 0
    assert len(errors(tmp_path / "out")) == 1


def test_the_seven_reports_of_page_5_are_named(tmp_path: Path) -> None:
    source = tmp_path / "damaged.pdf"
    source.write_bytes(damage.zero_bytes(SHARED_PDF.read_bytes(), 4))
    extract(source, tmp_path / "out")
    named = {row["report"] for row in errors(tmp_path / "out") if row["code"] == "link-without-row"}
    assert named == PAGE_5_REPORTS


def test_a_truncated_pdf_is_refused_in_one_line(tmp_path: Path) -> None:
    source = tmp_path / "truncated.pdf"
    source.write_bytes(SHARED_PDF.read_bytes()[:60000])
    result = extract(source, tmp_path / "out")
    assert (result.returncode, result.stderr.count("\n")) == (2, 1)
    assert "damaged or truncated PDF" in result.stderr
    assert not (tmp_path / "out").exists()


# Text edits of the dump: (name, edits, expected error codes).
FIRST_THEME_ROWS = "CTOC/COP/WG.4/2010/6 44 II.37 \n\nCTOC/COP/WG.4/2013/5 22 V.18 \n"
DUMP_EDITS = [
    (
        "row-line-deleted",
        [(FIRST_THEME_ROWS, "CTOC/COP/WG.4/2010/6 44 II.37 \n")],
        ["uri-record-order"],
        310,
    ),
    (
        "lines-swapped",
        [(FIRST_THEME_ROWS, "CTOC/COP/WG.4/2013/5 22 V.18 \n\nCTOC/COP/WG.4/2010/6 44 II.37 \n")],
        ["uri-record-order"],
        311,
    ),
    (
        "a-themes-only-row-deleted",
        [
            (
                "migratoires mixtes) \n\nCTOC/COP/WG.4/2017/4 8 a) à o) VII.2.a à o \n",
                "migratoires mixtes) \n",
            )
        ],
        # The page's link block still holds the lost row's link (page-by-page alignment).
        ["theme-glued", "uri-record-order"],
        310,
    ),
    (
        "huge-range",
        [("CTOC/COP/WG.4/2015/6 5 à 14", "CTOC/COP/WG.4/2015/6 5 à 99999999")],
        ["unparsed-paragraphs"],
        311,
    ),
    (
        "huge-number",
        [("CTOC/COP/WG.4/2013/5 22 V.18", "CTOC/COP/WG.4/2013/5 " + "4" * 5000 + " V.18")],
        ["unparsed-paragraphs"],
        311,
    ),
    (
        "two-letter-subparagraph",
        [("CTOC/COP/WG.4/2018/3 7 c), d) et o)", "CTOC/COP/WG.4/2018/3 7 cd), d) et o)")],
        ["unparsed-paragraphs"],
        311,
    ),
    (
        "malformed-roman",
        [("CTOC/COP/WG.4/2013/5 22 V.18", "CTOC/COP/WG.4/2013/5 22 IXIX.18")],
        ["unparsed-references"],
        311,
    ),
]


@pytest.mark.parametrize(
    ("name", "edits", "codes", "count"), DUMP_EDITS, ids=[e[0] for e in DUMP_EDITS]
)
def test_an_edited_dump_is_an_error_finding(
    name: str, edits: list[tuple[str, str]], codes: list[str], count: int, tmp_path: Path
) -> None:
    text = TEXT_DUMP.read_text(encoding="utf-8")
    for before, after in edits:
        text = replace_exactly(text, before, after)
    source = tmp_path / f"{name}.txt"
    source.write_text(text, encoding="utf-8")
    result = extract(source, tmp_path / "out")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert [row["code"] for row in errors(tmp_path / "out")] == codes
    assert rows(tmp_path / "out") == count


def test_a_foreign_digit_is_a_warning_not_a_silent_reading(tmp_path: Path) -> None:
    text = replace_exactly(
        TEXT_DUMP.read_text(encoding="utf-8"),
        "CTOC/COP/WG.4/2013/5 22 V.18",
        "CTOC/COP/WG.4/2013/5 2٢ V.18",
    )
    source = tmp_path / "digit.txt"
    source.write_text(text, encoding="utf-8")
    result = extract(source, tmp_path / "out")
    assert result.returncode == 0
    rows_ = csv.DictReader(io.StringIO((tmp_path / "out" / "diagnostics.csv").read_text("utf-8")))
    found = [row for row in rows_ if row["code"] == "foreign-digit"]
    assert [(row["severity"], row["report"], row["text"]) for row in found] == [
        ("warning", "CTOC/COP/WG.4/2013/5", "2٢")
    ]

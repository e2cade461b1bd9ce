"""Chinese and Arabic editions as text dumps: the French data back, in their own notation.

Each dump is printed from literal data (tests/text_dump.py): the theme names and their
order from tests/data/themes_<code>.tsv (sorted by hand), the cells from
tests/data/edition_<code>.tsv, in the edition's notation. Nothing tells the pipeline the
language. What each row must expand to is the French golden table's lists; the counts
311 rows and 972 paragraphs are those of the French golden table (tests/golden.py).
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from pipeline.api import Run, run
from pipeline.comparison.editions import compare_documents
from pipeline.languages import known_languages
from pipeline.models import IndexDocument, Severity
from tests import golden
from tests.editions import JOB_NUMBERS, NAMES, TITLES, edition, edition_themes
from tests.paths import TEXT_DUMP
from tests.text_dump import DumpStyle, text_dump

# One theme per edition is cut by a page break after its rows, inside its brackets, as
# the French dump cuts "… en particulier des" / "femmes et des enfants" (the issue's
# "被害人（保护" / "和援助）" is the same case).
STYLES = {
    "zh": DumpStyle(width=24, page_lines=40, cut=("利益攸关方（领事和外交官员）", 9)),
    "ar": DumpStyle(
        width=30, page_lines=44, cut=("الجهات المعنية (الموظفون القنصليون والدبلوماسيون)", 34)
    ),
}


def write_dump(code: str, folder: Path) -> Path:
    path = folder / f"CTOC_COP_WG.4_2019_4_{code}.txt"
    path.write_bytes(text_dump(edition(code), known_languages()[code], STYLES[code]))
    return path


@pytest.fixture(scope="module", params=["zh", "ar"])
def dumped(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Path, IndexDocument]:
    code: str = request.param
    path = write_dump(code, tmp_path_factory.mktemp(code))
    return code, path, run(path).index


def test_the_dump_prints_what_the_issue_describes(dumped: tuple[str, Path, IndexDocument]) -> None:
    """The dump itself: its cut theme continues after a form feed and a repeated header,
    and it holds the notations the issue lists."""
    code, path, _ = dumped
    text = path.read_text("utf-8")
    name, at = STYLES[code].cut or ("", 0)
    pages = [page.split("\n") for page in text.split("\f")]
    # Running symbol, footer, three header lines, then the name's tail.
    (cut,) = [i for i, lines in enumerate(pages) if lines[5:6] == [name[at:].strip()]]
    joiner = "" if code == "zh" else " "
    before = [line for page in pages[:cut] for line in page]
    assert name[:at].strip() in joiner.join(before)
    assert name not in joiner.join(before)
    cells = {cell for _, rows in edition_themes(code) for row in rows for cell in row[1:]}
    if code == "zh":
        assert "7(a)至(j)和8(a)至(o)" in cells
        assert "7（a）、（d）、（g）、（k）、（l）、（n）至（p）和8（c）、（g）和（h）" in cells
        assert "4、18(a)、20(a)和21" in cells
        assert "VII.1.a至j和VII.2.a至o" in cells
        assert not any(
            " " in cell
            for cell in cells
            - {"IV.11、IV.18、IV.27、IV.35、IV. 45.b、IV.45.c和IV.46.a", "II.46. II.56"}
        )
    else:
        assert "7 (أ) إلى (ي) و 8 (أ) إلى (س)" in cells
        assert "VII.1.أ إلى ي و VII.2.أ إلى س" in cells
        assert "8 و9 و17 و23 و24 و32 و45 و51 (أ) إلى (د) و(ط)" in cells
        assert "VIII.1.د وVIII.1.ط وVIII.I.س" in cells


def test_language_and_metadata(dumped: tuple[str, Path, IndexDocument]) -> None:
    code, _, document = dumped
    assert document.language == code
    assert (document.title, document.job_number) == (TITLES[code], JOB_NUMBERS[code])
    assert (document.symbol, document.reference_document) == (
        golden.SYMBOL,
        golden.REFERENCE_DOCUMENT,
    )


def test_themes_in_the_edition_order(dumped: tuple[str, Path, IndexDocument]) -> None:
    code, _, document = dumped
    assert [t.name for t in document.themes] == [name for name, _ in NAMES[code]]
    assert not any(d.code.startswith("theme-") for d in document.diagnostics)


def test_cells_as_the_edition_prints_them(dumped: tuple[str, Path, IndexDocument]) -> None:
    code, _, document = dumped
    assert [
        (t.name, tuple((e.report, e.paragraphs_text, e.references_text) for e in t.entries))
        for t in document.themes
    ] == list(edition_themes(code))


def test_same_rows_and_paragraphs_as_the_french_edition(
    dumped: tuple[str, Path, IndexDocument],
) -> None:
    code, _, document = dumped
    golden.assert_matches_french(document, NAMES[code])
    golden.assert_golden_totals(document)


def test_the_same_warnings_as_the_french_edition(
    dumped: tuple[str, Path, IndexDocument], text_run: Run
) -> None:
    """The translated slips and mistakes are found again, row for row."""
    _, _, document = dumped

    def warnings(d: IndexDocument) -> Counter[tuple[str, str | None]]:
        return Counter((x.code, x.report) for x in d.diagnostics if x.severity is Severity.WARNING)

    assert warnings(document) == warnings(text_run.index)
    assert sum(warnings(document).values()) == 11


def test_compare_with_the_french_edition_finds_no_difference(
    dumped: tuple[str, Path, IndexDocument], text_run: Run
) -> None:
    code, _, document = dumped
    comparison = compare_documents(text_run.index, document)
    assert comparison.differences == ()
    assert comparison.identical
    assert {(m.a_name, m.b_name) for m in comparison.matches} == {
        (french, name) for name, french in NAMES[code]
    }
    assert all(m.score == 1.0 and not m.ambiguous for m in comparison.matches)


def test_compare_command_against_the_french_dump(dumped: tuple[str, Path, IndexDocument]) -> None:
    _, path, _ = dumped
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "compare", str(TEXT_DUMP), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no difference" in result.stdout


def test_batch_runs_over_all_six_editions(tmp_path: Path) -> None:
    """French (the dump), English, Spanish and Russian (typeset PDFs), Chinese and Arabic
    (dumps): one batch, every file read in its own language."""
    import json

    from tests.pdf_factory import build_pdf
    from tests.test_editions import LAYOUTS

    sources = tmp_path / "sources"
    sources.mkdir()
    paths = [sources / TEXT_DUMP.name]
    paths[0].write_bytes(TEXT_DUMP.read_bytes())
    for code in ("en", "es", "ru"):
        path = sources / f"CTOC_COP_WG.4_2019_4_{code}.pdf"
        path.write_bytes(build_pdf(edition(code), LAYOUTS[code], known_languages()[code]))
        paths.append(path)
    paths += [write_dump(code, sources) for code in ("zh", "ar")]
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "batch", *map(str, paths), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
        env={"COLUMNS": "200", "PATH": ""},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    found = {}
    for path in paths:
        index = json.loads((out / path.name / "index.json").read_text("utf-8"))
        rows = sum(len(theme["entries"]) for theme in index["themes"])
        found[index["language"]] = (len(index["themes"]), rows)
    # Themes and rows: the French golden table's 78 and 311 for the full editions; the
    # partial ones as tests/editions.py lists them (17 Spanish themes, 8 Russian).
    assert found == {
        "fr": (78, 311),
        "en": (78, 311),
        "es": (17, len([r for _, rows in edition_themes("es") for r in rows])),
        "ru": (8, len([r for _, rows in edition_themes("ru") for r in rows])),
        "zh": (78, 311),
        "ar": (78, 311),
    }

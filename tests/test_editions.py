"""English, Spanish and Russian editions, typeset from literal tables: the French data back.

Each edition has its own header labels, list and range words, subparagraph form, theme
names and theme order (tests/editions.py, tests/data/edition_<code>.tsv); nothing tells
the pipeline which language it reads. What each row must expand to is the French golden
table's lists (tests/data/fr_rows.tsv), never the pipeline's reading of the French dump.
"""

from __future__ import annotations

import re

import pytest

from pipeline.api import Run, run
from pipeline.comparison.editions import compare_documents
from pipeline.languages import known_languages
from pipeline.models import IndexDocument
from tests import golden
from tests.editions import NAMES, TITLES, edition, edition_themes
from tests.pdf_factory import Layout, build_pdf

LAYOUTS = {
    "en": Layout(paper="Letter", font="sans", size=10, widths=(0.24, 0.27, 0.21, 0.28)),
    "es": Layout(font="serif", size=10, widths=(0.24, 0.27, 0.21, 0.28)),
    "ru": Layout(font="serif", size=9, ruled=True, widths=(0.26, 0.27, 0.19, 0.28)),
}


@pytest.fixture(scope="module", params=sorted(LAYOUTS))
def printed(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, IndexDocument]:
    code: str = request.param
    path = tmp_path_factory.mktemp(code) / f"CTOC_COP_WG.4_2019_4_{code}.pdf"
    path.write_bytes(build_pdf(edition(code), LAYOUTS[code], known_languages()[code]))
    return code, run(path).index


def test_language_is_recognised(printed: tuple[str, IndexDocument]) -> None:
    code, document = printed
    assert document.language == code
    assert document.title == TITLES[code]
    assert (document.symbol, document.reference_document) == (
        golden.SYMBOL,
        golden.REFERENCE_DOCUMENT,
    )


def test_theme_names_in_the_edition_order(printed: tuple[str, IndexDocument]) -> None:
    code, document = printed
    assert [t.name for t in document.themes] == [name for name, _ in NAMES[code]]
    assert not any(d.code == "theme-order" for d in document.diagnostics)


def test_cells_as_the_edition_prints_them(printed: tuple[str, IndexDocument]) -> None:
    code, document = printed
    assert [
        (t.name, tuple((e.report, e.paragraphs_text, e.references_text) for e in t.entries))
        for t in document.themes
    ] == list(edition_themes(code))


def test_same_expanded_data_as_the_french_edition(printed: tuple[str, IndexDocument]) -> None:
    code, document = printed
    golden.assert_matches_french(document, NAMES[code])


def test_compare_matches_every_theme_by_content(
    printed: tuple[str, IndexDocument], text_run: Run
) -> None:
    code, document = printed
    comparison = compare_documents(text_run.index, document)
    assert {(m.a_name, m.b_name) for m in comparison.matches} == {
        (french, name) for name, french in NAMES[code]
    }
    assert all(m.score == 1.0 and not m.ambiguous for m in comparison.matches)
    # The French themes left out of a partial edition are the only differences.
    assert {d.kind for d in comparison.differences} <= {"theme-only-in-a"}
    assert len(comparison.differences) == golden.THEMES - len(NAMES[code])


def test_english_table_is_written_in_english_notation() -> None:
    """The data file itself: English words and dashes, no French left over."""
    cells = {cell for _, rows in edition_themes("en") for row in rows for cell in row[1:]}
    assert "7 (a)–(j) and 8 (a)–(o)" in cells
    assert "5–14" in cells
    assert "VII.1.a–j and VII.2.a–o" in cells
    assert not any(" et " in cell or " à " in cell for cell in cells)
    assert not any(re.search(r"(?<!\()\b[a-z]\)", cell) for cell in cells)  # "a)" unbracketed

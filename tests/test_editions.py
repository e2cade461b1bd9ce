"""English, Spanish and Russian editions, typeset from the French data: same data back.

Each edition has its own header labels, list and range words, subparagraph form, theme
names and theme order; nothing tells the pipeline which language it reads.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.api import Run, run
from pipeline.comparison.editions import compare_documents
from pipeline.languages import known_languages
from pipeline.models import IndexDocument
from pipeline.validation.structure import primary_key
from tests.editions import ENGLISH, RUSSIAN, SPANISH, TITLES, edition
from tests.pdf_factory import Layout, build_pdf

EDITIONS = {
    "en": (ENGLISH, Layout(paper="Letter", font="sans", size=10, widths=(0.24, 0.27, 0.21, 0.28))),
    "es": (SPANISH, Layout(font="serif", size=10, widths=(0.24, 0.27, 0.21, 0.28))),
    "ru": (RUSSIAN, Layout(font="serif", size=9, ruled=True, widths=(0.26, 0.27, 0.19, 0.28))),
}


@pytest.fixture(scope="module", params=sorted(EDITIONS))
def printed(
    request: pytest.FixtureRequest, text_run: Run, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, IndexDocument]:
    code = request.param
    names, layout = EDITIONS[code]
    language = known_languages()[code]
    table = edition(text_run.index, names, language)
    path = tmp_path_factory.mktemp(code) / f"CTOC_COP_WG.4_2019_4_{code}.pdf"
    path.write_bytes(build_pdf(table, layout, language))
    return code, run(path).index


def test_language_is_recognised(printed: tuple[str, IndexDocument]) -> None:
    code, document = printed
    assert document.language == code
    assert document.title == TITLES[code]


def test_theme_names_in_the_edition_order(printed: tuple[str, IndexDocument]) -> None:
    code, document = printed
    names = EDITIONS[code][0]
    expected = sorted(names.values(), key=primary_key)
    assert [t.name for t in document.themes] == expected
    assert not any(d.code == "theme-order" for d in document.diagnostics)


def test_same_expanded_data_as_the_french_edition(
    printed: tuple[str, IndexDocument], text_run: Run
) -> None:
    code, document = printed
    names = EDITIONS[code][0]
    french = {t.name: t for t in text_run.index.themes}
    for theme in document.themes:
        source = next(french[fr] for fr, other in names.items() if other == theme.name)
        assert [(e.report, e.paragraphs, e.references) for e in theme.entries] == [
            (e.report, e.paragraphs, e.references) for e in source.entries
        ]


def test_compare_matches_every_theme_by_content(
    printed: tuple[str, IndexDocument], text_run: Run
) -> None:
    code, document = printed
    names = EDITIONS[code][0]
    comparison = compare_documents(text_run.index, document)
    assert {(m.a_name, m.b_name) for m in comparison.matches} == set(names.items())
    assert all(m.score == 1.0 and not m.ambiguous for m in comparison.matches)
    # The French themes left out of a partial edition are the only differences.
    assert {d.kind for d in comparison.differences} <= {"theme-only-in-a"}
    assert len(comparison.differences) == len(text_run.index.themes) - len(names)


def test_english_cells_use_english_notation(text_run: Run, tmp_path: Path) -> None:
    names, layout = EDITIONS["en"]
    english = known_languages()["en"]
    path = tmp_path / "en.pdf"
    path.write_bytes(build_pdf(edition(text_run.index, names, english), layout, english))
    cells = {e.paragraphs_text for t in run(path).index.themes for e in t.entries}
    assert "7 (a)–(j) and 8 (a)–(o)" in cells
    assert "5–14" in cells
    assert not any(" et " in cell or " à " in cell for cell in cells)

"""A theme name broken at a line end with a hyphen: a word hyphenated by the typesetter is
one word again, a compound broken at its own hyphen keeps it. Expected values are
written by hand."""

from __future__ import annotations

import pytest

from pipeline.models import BBox, Cell, Column, DocumentMeta, Line, SourceInfo, TableLines
from pipeline.normalize import raw_table_to_index
from pipeline.patterns import seen_in, unhyphenate
from pipeline.reassemble import table_lines_to_raw_table

# The table prints these words whole, and hyphen-minus and U+2010 inside words.
WORDS = frozenset(
    {"coopération", "internationale", "femmes", "hommes", "non", "sanction", "-", "\u2010"}
)

CASES = [
    # A word processor's automatic hyphenation prints a soft hyphen: always a break.
    ("Coordination et coopé\u00ad", "ration", "Coordination et coopération"),
    ("des vic\u00ad", "times", "des victimes"),
    # A hyphen (a browser's U+2010, or a hyphen-minus) before the rest of a word the table
    # prints whole elsewhere.
    ("Coordination et coopé\u2010", "ration", "Coordination et coopération"),
    ("Coordination et coopé-", "ration", "Coordination et coopération"),
    # A compound broken at its own hyphen ("femmeshommes" is printed nowhere): no join.
    ("Problématique femmes-", "hommes", None),
    ("Victimes (non-", "sanction et non-poursuite)", None),
    # Before a capital, or with no word before the hyphen: no hyphenation.
    ("Coopération-", "Internationale", None),
    ("II.50.a –", "b", None),
]


@pytest.mark.parametrize(("before", "after", "want"), CASES)
def test_a_line_end_hyphen_joins_only_a_word_the_typesetter_broke(
    before: str, after: str, want: str | None
) -> None:
    assert unhyphenate(before, after, WORDS) == want


def test_a_hyphen_the_table_never_prints_inside_a_word_is_the_typesetters() -> None:
    # A browser prints U+2010 where it breaks a word at a soft hyphen; the table types
    # hyphen-minus ("femmes-hommes"). "interinstitutions" is printed nowhere else.
    seen = seen_in(["Problématique femmes-hommes", "Groupe interins\u2010", "titutions"])
    assert "\u2010" not in seen
    assert unhyphenate("Groupe interins\u2010", "titutions", seen) == "Groupe interinstitutions"
    # Hyphen-minus is always taken for a typed one: the word must be printed whole.
    assert unhyphenate("Groupe interins-", "titutions", seen) is None


def _table(theme_lines: list[str], other_theme: str) -> TableLines:
    """One theme whose name is printed over several lines, beside one row, and another
    theme whose name prints "coopération" whole."""
    box = BBox(x0=50.0, top=100.0, x1=140.0, bottom=110.0)
    lines = [
        Line(
            text=text,
            page=1,
            top=100.0 + 10 * k,
            cells=(Cell(column=Column.THEME, text=text, bbox=box, starts=k == 0 or None),),
        )
        for k, text in enumerate(theme_lines)
    ]
    for k, (name, report) in enumerate(
        [(None, "CTOC/COP/WG.4/2009/2"), (other_theme, "CTOC/COP/WG.4/2010/6")]
    ):
        cells = [
            Cell(column=Column.REPORT, text=report, bbox=box),
            Cell(column=Column.PARAGRAPHS, text="4", bbox=box),
            Cell(column=Column.REFERENCES, text="I.3", bbox=box),
        ]
        if name:
            cells.insert(0, Cell(column=Column.THEME, text=name, bbox=box, starts=True))
        lines.append(Line(text=report, page=1, top=200.0 + 10 * k, cells=tuple(cells)))
    return TableLines(
        source=SourceInfo(name="t.pdf", sha256="0" * 64, kind="pdf", pages=1),
        meta=DocumentMeta(
            symbol="X/1", language="fr", title=None, job_number=None, reference_document=None
        ),
        lines=tuple(lines),
    )


def test_theme_names_are_read_with_the_typesetters_hyphens_taken_out() -> None:
    table = _table(["Coordination et coopé\u2010", "ration nationale"], "Coopération")
    document = raw_table_to_index(table_lines_to_raw_table(table))
    assert [t.name for t in document.themes] == [
        "Coordination et coopération nationale",
        "Coopération",
    ]
    table = _table(["Problématique femmes-", "hommes"], "Coopération")
    document = raw_table_to_index(table_lines_to_raw_table(table))
    assert [t.name for t in document.themes] == ["Problématique femmes-hommes", "Coopération"]

"""What one typesetter does that the others do not, each on lines and pages built by
hand: Pango breaking lines after a dot inside a word ("CTOC/COP/WG." / "4/2010/6",
"IV." / "37"), a row's symbol kept whole on the next page while its other cells start
at this page's foot, rows' shading painted through the theme names, and small capitals
whose glyphs keep one case in the text layer. Expected values are written by hand."""

from __future__ import annotations

import pytest

from pipeline.extraction.pdf_body import BodyRow, ColumnLine, orphaned_tail, rejoin_symbols
from pipeline.extraction.pdf_clip import unmapped
from pipeline.extraction.pdf_evidence import PageFrame, Row
from pipeline.extraction.pdf_header_band import is_any_label_piece
from pipeline.extraction.pdf_layout import Rule, Word
from pipeline.extraction.pdf_shading import (
    rules_through_names,
    shading_through_rows,
    strokes_between_rows,
)
from pipeline.languages import get_language
from pipeline.models import Column
from pipeline.patterns import join_lines
from pipeline.reassemble.joins import word_breaks


def _line(column: Column, text: str, top: float, height: float = 10.0) -> ColumnLine:
    return ColumnLine(column, [Word(text, 100.0, top, 100.0 + 5 * len(text), top + height)])


# --- breaks after a dot --------------------------------------------------------------------

JOINS = [
    # (lines, characters the typesetter breaks words after, text)
    (["IV.31, IV.", "37 à 39"], frozenset("."), "IV.31, IV.37 à 39"),
    (["IV.31, IV.", "37 à 39"], frozenset(), "IV.31, IV. 37 à 39"),  # the source spaced
    (["8 a)", "et b)"], frozenset("."), "8 a) et b)"),  # a break after a word
    (["II.16, II.", "22 et"], frozenset("./"), "II.16, II.22 et"),
]


@pytest.mark.parametrize(("lines", "after", "text"), JOINS)
def test_a_break_after_a_mark_the_typesetter_breaks_words_at_is_no_space(
    lines: list[str], after: frozenset[str], text: str
) -> None:
    assert join_lines(lines, True, False, after) == text


def test_a_break_inside_a_latin_run_of_a_chinese_cell_follows_the_same_evidence() -> None:
    # Without it, a break after the dot is the source's "IV. 45.b" space (`latin_break`).
    assert join_lines(["IV.35、IV.", "45.b和"], False, True) == "IV.35、IV. 45.b和"
    assert join_lines(["IV.35、IV.", "45.b和"], False, True, frozenset(".")) == "IV.35、IV.45.b和"


WORD_BREAKS = [
    # (cells' printed lines, marks a symbol was broken after, marks found)
    ([["IV.31, IV.", "37 à 39"], ["II.8, II.", "56"]], (), {"."}),
    ([["IV.31, IV.", "37 à 39"], ["II.8 et II.56"]], (), set()),  # one break: the source's
    ([["7 a)", "et 8 b)"], ["9 c)", "et d)"], ["5 e)", "à g)"]], (), set()),  # ")" ends words
    # As many breaks after a dot as dots spaced within a line: the source's own spaces.
    ([["IV.", "37"], ["V.", "2"], ["IV. 45, V. 3 et I. 2"]], (), set()),
    ([["II.8 et II.56"]], ("/",), {"/"}),  # a symbol broken after a slash says so
]


@pytest.mark.parametrize(("cells", "shown", "found"), WORD_BREAKS)
def test_marks_a_typesetter_breaks_words_at_are_counted_from_the_cells(
    cells: list[list[str]], shown: tuple[str, ...], found: set[str]
) -> None:
    assert set(word_breaks(cells, shown)) == found


# --- report symbols broken over several lines ----------------------------------------------


def test_a_symbol_broken_after_its_slash_and_its_dot_is_one_symbol() -> None:
    lines = [
        _line(Column.REPORT, "CTOC/COP/", 100.0),
        _line(Column.REPORT, "WG.", 110.0),
        _line(Column.REPORT, "4/2010/6", 120.0),
        _line(Column.REPORT, "CTOC/COP/WG.4/2013/5", 134.0),
        _line(Column.PARAGRAPHS, "44", 100.0),
    ]
    assert rejoin_symbols(lines) == {"/", "."}
    assert [(c.column, c.text) for c in lines] == [
        (Column.REPORT, "CTOC/COP/WG.4/2010/6"),
        (Column.REPORT, "CTOC/COP/WG.4/2013/5"),
        (Column.PARAGRAPHS, "44"),
    ]
    assert lines[0].bottom == 130.0  # down to its last piece


def test_pieces_that_make_no_symbol_stay_apart() -> None:
    lines = [_line(Column.REPORT, "CTOC/COP/", 100.0), _line(Column.REPORT, "WG.", 110.0)]
    lines.append(_line(Column.REPORT, "CTOC/COP/WG.4/2013/5", 120.0))
    assert rejoin_symbols(lines) == set()
    assert [c.text for c in lines] == ["CTOC/COP/", "WG.", "CTOC/COP/WG.4/2013/5"]


def test_words_set_over_each_others_edge_are_one() -> None:
    # "V" cut from "etV" at the column's edge ends at 400.17; ".13," starts at 399.01,
    # under it (kerning); "V.19," starts 5 pt after.
    words = [
        Word("V", 394.02, 412.8, 400.17, 421.8),
        Word(".13,", 399.01, 412.8, 416.19, 421.8),
        Word("V.19,", 421.7, 412.8, 443.9, 421.8),
    ]
    assert ColumnLine(Column.REFERENCES, words).text == "V.13, V.19,"


# --- a row's cells at a page's foot, its symbol on the next page ---------------------------


def _foot_row() -> list[BodyRow]:
    # A two-line symbol (692 to 714) and one-line cells; 4 pt lower, at 718, one-line
    # cells with no symbol: the next row's, whose symbol went to the next page.
    symbol = _line(Column.REPORT, "CTOC/COP/WG.4/2013/5", 692.0, 22.0)
    return [
        BodyRow(
            {
                Column.REPORT: symbol,
                Column.PARAGRAPHS: _line(Column.PARAGRAPHS, "17 et 27", 692.0),
                Column.REFERENCES: _line(Column.REFERENCES, "V.13 et V.23", 692.0),
            }
        ),
        BodyRow(
            {
                Column.PARAGRAPHS: _line(Column.PARAGRAPHS, "45", 718.0),
                Column.REFERENCES: _line(Column.REFERENCES, "II.38", 718.0),
            }
        ),
    ]


def test_cells_at_a_page_foot_go_with_the_symbol_that_opens_the_next_page() -> None:
    alone = [BodyRow({Column.REPORT: _line(Column.REPORT, "CTOC/COP/WG.4/2010/6", 57.0, 22.0)})]
    assert orphaned_tail(_foot_row(), alone, inner=0.0) == 1
    # The symbol's references went with it: the paragraphs at the foot are still its own.
    kept = [BodyRow({**alone[0].parts, Column.REFERENCES: _line(Column.REFERENCES, "II.38", 57.0)})]
    foot = _foot_row()
    del foot[1].parts[Column.REFERENCES]
    assert orphaned_tail(foot, kept, inner=0.0) == 1


def test_cells_split_by_the_page_break_go_on_at_the_next_page_with_their_symbol() -> None:
    # The row's cells start at the foot and go on at the next page's top, beside the
    # symbol kept whole there ("45," / "46"): the foot's cells are that row's first lines.
    going_on = {
        Column.REPORT: _line(Column.REPORT, "CTOC/COP/WG.4/2010/6", 57.0, 22.0),
        Column.PARAGRAPHS: _line(Column.PARAGRAPHS, "46", 57.0),
        Column.REFERENCES: _line(Column.REFERENCES, "II.39", 57.0),
    }
    assert orphaned_tail(_foot_row(), [BodyRow(going_on)], inner=0.0) == 1


def test_a_row_printing_nothing_but_its_symbol_takes_the_foot_set_with_no_gap() -> None:
    # No padding, line height 1.2: rows stand as far apart as the lines of a cell. The
    # next page's first row prints its symbol alone: its cells are the foot's last line.
    alone = [BodyRow({Column.REPORT: _line(Column.REPORT, "CTOC/COP/WG.4/2011/8", 57.0, 22.0)})]
    foot = _foot_row()
    tight = [BodyRow({c: _line(c, p.text, 715.7) for c, p in foot[1].parts.items()})]
    assert orphaned_tail([foot[0], *tight], alone, inner=1.7) == 1


def test_a_row_printing_its_symbol_alone_takes_the_cells_after_the_gap() -> None:
    # The row above: cells of three lines 14 pt apart (gaps of 4 pt), a symbol of two
    # (715 to 743); its third line starts below the symbol, but 4 pt under its cells'
    # second; the next row's cells stand 6 pt under the third.
    def row(top: float, paragraphs: str, references: str) -> BodyRow:
        return BodyRow(
            {
                Column.PARAGRAPHS: _line(Column.PARAGRAPHS, paragraphs, top),
                Column.REFERENCES: _line(Column.REFERENCES, references, top),
            }
        )

    first = row(715.0, "14, 16, 17 à 19,", "V.10, V.12, V.13 à 15, V.17")
    first.parts[Column.REPORT] = _line(Column.REPORT, "CTOC/COP/WG.4/2013/5", 715.0, 28.0)
    group = [first, row(729.0, "21 à 24, 29, 30,", "à 20, V.25"), row(743.0, "34 et 36", "V.32")]
    group.append(row(759.0, "11", "VI.7"))
    alone = [BodyRow({Column.REPORT: _line(Column.REPORT, "CTOC/COP/WG.4/2015/6", 57.0, 28.0)})]
    assert orphaned_tail(group, alone, inner=4.0) == 3


def test_a_cells_next_line_or_a_column_left_unstarted_keeps_the_foot_as_it_is() -> None:
    # The next page's row goes on with its references: its paragraphs may be here.
    going_on = {
        Column.REPORT: _line(Column.REPORT, "CTOC/COP/WG.4/2010/6", 57.0, 22.0),
        Column.REFERENCES: _line(Column.REFERENCES, "II.39", 57.0),
    }
    # Lines of one cell 4 pt apart (line height 1.4): "et 29" at 706 and "et V.25" at
    # 706 are the next lines of the row's cells, whatever the symbol beside them.
    foot = _foot_row()
    foot[1] = BodyRow(
        {
            Column.PARAGRAPHS: _line(Column.PARAGRAPHS, "et 29", 706.0),
            Column.REFERENCES: _line(Column.REFERENCES, "et V.25", 706.0),
        }
    )
    foot[0].parts[Column.REPORT] = _line(Column.REPORT, "CTOC/COP/WG.4/2013/5", 692.0, 10.0)
    assert orphaned_tail(foot, [BodyRow(going_on)], inner=4.0) == 0
    # The next page's row prints its symbol alone, and the foot's line starts no paragraphs.
    alone = [BodyRow({Column.REPORT: going_on[Column.REPORT]})]
    foot = _foot_row()
    del foot[1].parts[Column.PARAGRAPHS]
    assert orphaned_tail(foot, alone, inner=0.0) == 0


# --- shading painted through the names -----------------------------------------------------


def _frame(rules: tuple[Rule, ...], rows_gap: float = 4.0) -> PageFrame:
    # Two names of three lines set at leading 0 (one line every 10 pt), each beside two
    # rows of 18 pt `rows_gap` apart.
    themes = [
        ColumnLine(Column.THEME, [Word(t, 60.0, top, 120.0, top + 10.0)])
        for t, top in (("Agences de", 100.0), ("recrutement", 110.0), ("et frais", 120.0))
    ]
    themes += [
        ColumnLine(Column.THEME, [Word(t, 60.0, top, 120.0, top + 10.0)])
        for t, top in (("Considérations", 160.0), ("culturelles", 170.0), ("et autres", 180.0))
    ]
    step = 18.0 + rows_gap
    rows = [Row(100.0 + k * step, 118.0 + k * step, ()) for k in range(5)]
    return PageFrame(
        page=1,
        rows=tuple(rows),
        themes=tuple(themes),
        rules=rules,
        span=(57.0, 140.0),
        size=10.0,
        first=True,
        previous=(),
    )


def test_edges_between_the_lines_of_one_name_are_shading_not_rules() -> None:
    # Edges at 119 and 179: each in the descenders of a name's line, 0 pt from the next
    # line of the same name, in a table whose rows stand 4 pt apart.
    through = (Rule(50.0, 500.0, 119.0), Rule(50.0, 500.0, 179.0))
    assert rules_through_names([_frame(through)], 0.0, 4.0)
    assert not rules_through_names([_frame(through[:1])], 0.0, 4.0)  # once is no habit
    # Rows as close as a name's lines: a rule between two lines parts two names.
    assert not rules_through_names([_frame(through, 0.0)], 0.0, 0.0)
    # Edges between the names only (under the first name's last line, 10 pt above the next).
    between = (Rule(50.0, 500.0, 131.0), Rule(50.0, 500.0, 145.0))
    assert not rules_through_names([_frame(between)], 0.0, 4.0)


def _rows_frame(rules: tuple[Rule, ...]) -> PageFrame:
    # Five rows of 18 pt, 4 pt apart (gaps at 118-122, 140-144, 162-166, 184-188).
    rows = [Row(100.0 + k * 22.0, 118.0 + k * 22.0, ()) for k in range(5)]
    return PageFrame(
        page=1,
        rows=tuple(rows),
        themes=(),
        rules=rules,
        span=(57.0, 140.0),
        size=10.0,
        first=True,
        previous=(),
    )


def test_borders_between_rows_leave_the_shading_out() -> None:
    # A border under row 1 across the theme column; shading edges under rows 0, 2 and 3.
    shading = tuple(Rule(50.0, 500.0, y, band=True) for y in (120.0, 164.0, 186.0))
    border = (Rule(50.0, 140.0, 142.0),)
    assert strokes_between_rows([_rows_frame(shading + border)])
    assert not strokes_between_rows([_rows_frame(shading)])
    # A border across the report columns only says nothing of the theme cells.
    assert not strokes_between_rows([_rows_frame((Rule(145.0, 500.0, 142.0),))])


def test_shading_at_most_gaps_between_rows_is_rows_backgrounds() -> None:
    # Edges in three of the four gaps: each row's background painted through the names.
    rows = tuple(Rule(50.0, 500.0, y, band=True) for y in (120.0, 142.0, 186.0))
    assert shading_through_rows([_rows_frame(rows)])
    # In two of four: a theme cell's own background, where its group starts and ends.
    cells = tuple(Rule(50.0, 500.0, y, band=True) for y in (120.0, 186.0))
    assert not shading_through_rows([_rows_frame(cells)])
    # Strokes are not shading, however many.
    strokes = tuple(Rule(50.0, 500.0, y) for y in (120.0, 142.0, 164.0, 186.0))
    assert not shading_through_rows([_rows_frame(strokes)])


# --- small capitals ------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["cToc/", "cop/WG.4/2019/5", "CTOC/COP/WG.", "4/2019/5"])
def test_the_header_symbol_is_a_label_piece_whatever_its_glyphs_case(text: str) -> None:
    word = Word(text, 400.0, 90.0, 460.0, 100.0)
    assert is_any_label_piece(word, get_language("fr"))


# --- glyphs without text -------------------------------------------------------------------


def test_glyphs_the_file_gives_no_text_for_are_kept_by_their_boxes() -> None:
    # pdfminer reads a glyph with an empty ToUnicode entry as "", and a code with none
    # as "(cid:…)"; the letters around are read as they are.
    glyphs = [
        ("d", 10.0, 90.0, 16.0, 100.0, True),
        ("i", 16.0, 90.0, 19.0, 100.0, True),
        ("", 19.0, 90.0, 28.0, 100.0, True),
        ("c", 28.0, 90.0, 33.0, 100.0, True),
        ("(cid:1234)", 33.0, 90.0, 40.0, 100.0, True),
    ]
    assert unmapped(glyphs) == [(19.0, 90.0, 28.0, 100.0), (33.0, 90.0, 40.0, 100.0)]

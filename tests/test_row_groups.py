"""Row groups from each kind of evidence, on pages built by hand: rules that alone part
two names set as close as the lines of one, lines a browser pixel apart, the report order
at a page top, and letters printed over other letters. Expected values are written by
hand from the geometry described in each test."""

from __future__ import annotations

import dataclasses

import pytest

from pipeline.extraction.pdf_bidi import Brackets
from pipeline.extraction.pdf_body import BodyRow, ColumnLine, rejoin_across
from pipeline.extraction.pdf_boundaries import PageGroups
from pipeline.extraction.pdf_evidence import Block, PageFrame, Row, blocks, descends
from pipeline.extraction.pdf_glyphs import Glyph, Notes
from pipeline.extraction.pdf_groups import fit_page, read_groups
from pipeline.extraction.pdf_layout import Header, Rule, Word
from pipeline.extraction.pdf_words import words
from pipeline.languages import get_language
from pipeline.languages import names as languages_names
from pipeline.models import Column
from pipeline.patterns import closes_unopened, symbol_key

SPAN = (57.0, 140.0)


def _theme(text: str, top: float, height: float = 10.0) -> ColumnLine:
    return ColumnLine(Column.THEME, [Word(text, 60.0, top, 60.0 + 5 * len(text), top + height)])


def _row(top: float, report: str = "", height: float = 10.0) -> Row:
    return Row(top, top + height, symbol_key(report) if report else ())


def _frame(
    rows: list[Row],
    themes: list[ColumnLine],
    *,
    first: bool,
    rules: tuple[Rule, ...] = (),
    previous: str = "",
    size: float = 10.0,
) -> PageFrame:
    """A page of the table; `previous`: the report of the previous page's last row."""
    return PageFrame(
        page=1 if first else 2,
        rows=tuple(rows),
        themes=tuple(themes),
        rules=rules,
        span=SPAN,
        size=size,
        first=first,
        previous=symbol_key(previous) if previous else (),
    )


def _text(block: Block | None) -> str | None:
    return block.text if block else None


def _groups(page: PageGroups) -> list[tuple[int, int, str | None]]:
    """A page's groups as (first row, end row, name beside them)."""
    return [(g.start, g.end, _text(g.block)) for g in page.groups]


# --- report order --------------------------------------------------------------------------


def test_report_order_compares_the_numbers_of_one_series() -> None:
    a, b, c = (
        _row(0.0, s)
        for s in ("CTOC/COP/WG.4/2009/2", "CTOC/COP/WG.4/2010/6", "CTOC/COP/WG.4/2010/10")
    )
    assert not descends(a, b)
    assert not descends(b, c)  # 10 after 6: numbers, not strings
    assert descends(c, a)
    assert descends(b, b)  # the same report twice is not one theme's order either
    other = _row(0.0, "A/RES/70/1")
    # Another series says nothing.
    assert not descends(c, other)
    assert not descends(other, a)
    assert not descends(_row(0.0), a)  # a row without a symbol says nothing


# --- rules ---------------------------------------------------------------------------------


def test_grid_rules_part_names_set_as_close_as_the_lines_of_one() -> None:
    # No padding, a grid: rows every 10 pt, one line each. "Formes nouvelles" (one line,
    # beside row 0) and "Groupe interinstitutions de" / "coordination" (beside rows 1-2)
    # are 10 pt apart, like the two lines of the second name; only the rule under row 0,
    # across the theme column, parts them. Rows 1-2 have no rule across the theme column
    # (the grid draws one only in the other columns), so the rules mark groups.
    themes = [
        _theme("Formes nouvelles", 100.0),
        _theme("Groupe interinstitutions de", 110.0),
        _theme("coordination", 120.0),
        _theme("Groupes criminels", 130.0),
    ]
    rows = [_row(top) for top in (100.0, 110.0, 120.0, 130.0)]
    rules = (
        Rule(50.0, 300.0, 109.8),  # under row 0, across every column
        Rule(145.0, 300.0, 119.8),  # under row 1, report columns only
        Rule(50.0, 300.0, 129.8),  # under row 2, across every column
    )
    reading = read_groups([_frame(rows, themes, first=True, rules=rules)])
    assert reading.ruled
    assert _groups(reading.pages[0]) == [
        (0, 1, "Formes nouvelles"),
        (1, 3, "Groupe interinstitutions de coordination"),
        (3, 4, "Groupes criminels"),
    ]


def test_rules_under_every_row_say_nothing_about_groups() -> None:
    # A rule across the whole table under every row (drawn through a two-line name beside
    # two rows): the rules cannot mark groups.
    themes = [_theme("Agences de", 100.0), _theme("recrutement", 110.0)]
    rows = [_row(top) for top in (100.0, 110.0, 120.0)]
    rules = tuple(Rule(50.0, 300.0, y) for y in (109.8, 119.8))
    assert not read_groups([_frame(rows, themes, first=True, rules=rules)]).ruled


# --- spacing -------------------------------------------------------------------------------


def test_lines_a_pixel_apart_stay_one_name() -> None:
    # A browser at line height 1.3 sets 10 pt lines 2.75 or 3.5 pt apart (its pixel grid,
    # 0.75 pt): both gaps are the leading of one cell. The next name is 12 pt lower.
    themes = [
        _theme("Conférence des Parties", 100.0),
        _theme("à la Convention des", 112.75),  # 2.75 pt under the line above
        _theme("Nations Unies", 126.25),  # 3.5 pt under
        _theme("Considérations", 148.25),  # 12 pt under: another cell
    ]
    frame = _frame([_row(100.0)], themes, first=True)
    found = blocks(frame, leading=2.75, ruled=False)
    assert [b.text for b in found] == [
        "Conférence des Parties à la Convention des Nations Unies",
        "Considérations",
    ]


def test_two_names_with_no_gap_part_where_the_report_order_goes_back() -> None:
    # Writer, no padding and no rules, names set flush with the foot of their groups:
    # "Offre et demande" stands level with the second line of its last row (report
    # 2015/6, rows 12 pt a line, two lines each), and "Prévention du crime" one leading
    # under it, level with the next row (2010/6). Their gap is the leading of one cell;
    # only the report order, going back from 2015/6 to 2010/6, parts them.
    rows = [
        _row(100.0, "CTOC/COP/WG.4/2013/5", 22.0),
        _row(124.0, "CTOC/COP/WG.4/2015/6", 22.0),
        _row(148.0, "CTOC/COP/WG.4/2010/6", 22.0),
    ]
    themes = [_theme("Offre et demande", 136.0), _theme("Prévention du crime", 148.0)]
    found = blocks(_frame(rows, themes, first=False), leading=2.0, ruled=False)
    assert [b.text for b in found] == ["Offre et demande", "Prévention du crime"]
    # The same two lines beside rows in report order are one name.
    rows[2] = _row(148.0, "CTOC/COP/WG.4/2017/4", 22.0)
    found = blocks(_frame(rows, themes, first=False), leading=2.0, ruled=False)
    assert [b.text for b in found] == ["Offre et demande Prévention du crime"]


# --- a page top under bottom-aligned names -------------------------------------------------


def _bottom_page(reports: tuple[str, str, str]) -> PageFrame:
    # Page 2 (after the first), three one-line rows 17 pt apart, no rule, even gaps; one
    # bottom-aligned name beside the last row. Row 0 may end the previous page's theme or
    # begin this name's group: the alignment fits both.
    rows = [_row(top, report) for top, report in zip((100.0, 117.0, 134.0), reports, strict=True)]
    return _frame(rows, [_theme("Intervenants (détection)", 134.0)], first=False)


def _first_page() -> PageFrame:
    # Page 1: one name beside two rows (bottom-aligned to the second), so that the
    # document's alignment reads as bottom.
    rows = [_row(100.0, "CTOC/COP/WG.4/2009/2"), _row(117.0, "CTOC/COP/WG.4/2011/8")]
    return _frame(rows, [_theme("Intervenants (asile)", 117.0)], first=True)


def test_a_row_back_in_report_order_at_a_page_top_continues_the_previous_theme() -> None:
    # 2018/3 then 2009/2: one theme cannot list them in that order, so row 0 ends the
    # previous page's theme, and nothing is uncertain.
    page = _bottom_page(("CTOC/COP/WG.4/2018/3", "CTOC/COP/WG.4/2009/2", "CTOC/COP/WG.4/2010/6"))
    reading = read_groups([_first_page(), page])
    assert reading.alignment == "bottom"
    assert _groups(reading.pages[1]) == [
        (0, 1, None),
        (1, 3, "Intervenants (détection)"),
    ]
    assert reading.pages[1].groups[1].reason == "order"
    assert reading.pages[1].groups[1].finding is None


def test_a_page_top_the_layout_cannot_settle_carries_a_finding() -> None:
    # 2015/6, 2017/4, 2018/3 in order: row 0 may end the previous theme or start this
    # one; the reading gives it to the name beside the rows and says it could not tell.
    page = _bottom_page(("CTOC/COP/WG.4/2015/6", "CTOC/COP/WG.4/2017/4", "CTOC/COP/WG.4/2018/3"))
    reading = read_groups([_first_page(), page])
    assert _groups(reading.pages[1]) == [(0, 3, "Intervenants (détection)")]
    assert reading.pages[1].groups[0].finding == (
        "the theme boundary could also be 1 row(s) later: read by alignment"
    )


# --- letters printed over letters -----------------------------------------------------------


def _glyphs(text: str, x0: float, advance: float, top: float = 100.0) -> list[Glyph]:
    return [
        (c, x0 + i * advance, top, x0 + (i + 1) * advance, top + 10.0, True)
        for i, c in enumerate(text)
    ]


def test_letters_printed_over_other_letters_are_noted() -> None:
    # "ab" at x 100-110 and "cd" at x 101-111: two texts set on the same line, 1 pt apart
    # (the browser's overflow painted over a cell). Sorted by x: a(100-105) c(101-106)
    # b(105-110) d(106-111). c shares 4 pt of 5 with a, and d 4 pt with b: both over half
    # a letter and over 0.3 of the 10 pt size; b shares only 1 pt with c, but it is drawn
    # before c, which stands left of it: another text's too (`_another_text`).
    notes = Notes()
    got = words(_glyphs("ab", 100.0, 5.0) + _glyphs("cd", 101.0, 5.0), notes)
    assert [w[0] for w in got] == ["acbd"]
    assert notes.overprints == [
        (100.0, 100.0, 106.0, 110.0),
        (101.0, 100.0, 110.0, 110.0),
        (105.0, 100.0, 111.0, 110.0),
    ]


def _placed(text: str, edges: list[float], top: float) -> list[Glyph]:
    """Glyphs of `text` between the given x edges (one more edge than letters)."""
    return [(c, edges[i], top, edges[i + 1], top + 10.0, True) for i, c in enumerate(text)]


@pytest.mark.parametrize(
    ("body", "edges", "mixed"),
    [
        # "IV.45.b," centred: its I starts 1 pt under the a of the label, its V 2.3 pt
        # under the r: less than `overprint` asks, but the r is drawn before the I that
        # stands left of it.
        ("IV.45.b,", [439.8, 443.13, 450.32, 451.5, 456.5, 461.5, 464.0, 469.0, 471.5], "(paIrV"),
        # "II.24.a,": drawn after the label, to its right, but its first I starts 2.1 pt
        # under the r, a point off the label's baseline.
        ("II.24.a,", [443.1, 446.4, 449.7, 452.2, 457.2, 462.2, 464.7, 469.13, 471.63], "(parI"),
    ],
)
def test_a_label_clipped_over_a_centred_cell_is_another_text(
    body: str, edges: list[float], mixed: str
) -> None:
    # Writer, centred cells, no padding (seed 19007): the bold references label's clipped
    # "(par " is written at the top of the first row, at 82.2, and the row's first line
    # of references, centred, at 83.2 overlaps its end. Coordinates as printed.
    label = _placed("(par ", [426.9, 430.2, 435.79, 440.79, 444.99, 447.49], 82.2)
    notes = Notes()
    got = words(label + _placed(body, edges, 83.2), notes)
    assert got[0][0] == mixed
    # Read apart by the order the page draws them: the label's text, and the cell's.
    assert [[w[0] for w in layer] for layer in notes.layers[0]] == [["(par"], [body]]


def test_kerning_marks_and_faked_bold_are_not_overprints() -> None:
    notes = Notes()
    # "V." kerned: the period (3 pt wide) tucked 2 pt under the V (7 pt): over half the
    # period, but only a fifth of the size.
    kerned: list[Glyph] = [
        ("V", 100.0, 100.0, 107.0, 110.0, True),
        (".", 105.0, 100.0, 108.0, 110.0, True),
    ]
    # A combining acute accent over its e.
    marked: list[Glyph] = [
        ("e", 120.0, 100.0, 125.0, 110.0, True),
        ("\u0301", 120.5, 100.0, 124.5, 110.0, True),
    ]
    # Faked bold: the same letter printed twice, 0.3 pt apart.
    bold: list[Glyph] = [
        ("B", 140.0, 100.0, 147.0, 110.0, True),
        ("B", 140.3, 100.0, 147.3, 110.0, True),
    ]
    words(kerned + marked + bold, notes)
    assert notes.overprints == []


def test_rows_at_a_page_top_back_from_the_previous_page_start_the_name_beside_them() -> None:
    # The previous page ended with 2018/3; this page's rows run 2009/2, 2010/6, 2011/8
    # beside one bottom-aligned name: row 0 cannot go on from 2018/3, so all three rows
    # are the name's, and nothing is uncertain.
    page = dataclasses.replace(
        _bottom_page(("CTOC/COP/WG.4/2009/2", "CTOC/COP/WG.4/2010/6", "CTOC/COP/WG.4/2011/8")),
        previous=symbol_key("CTOC/COP/WG.4/2018/3"),
    )
    reading = read_groups([_first_page(), page])
    assert _groups(reading.pages[1]) == [(0, 3, "Intervenants (détection)")]
    assert reading.pages[1].groups[0].finding is None


def test_the_rest_of_a_name_and_the_next_name_at_a_page_top_part_at_the_first_row() -> None:
    # Writer, top-aligned names, no gap: the rest of the previous page's name ("enfants",
    # top 90) stands above the first row (top 100), and the next name's two lines
    # ("Formation et", "renforcement") follow at the cell leading, level with rows 0 and
    # 1. The previous page ended with 2017/4 and row 0 is 2009/2: row 0 starts a theme,
    # so the name starts at the line set level with it, not above. (A line a little above
    # the row, as a browser sets a split cell's rest, would stay the rest.)
    page = _frame(
        [_row(100.0, "CTOC/COP/WG.4/2009/2"), _row(110.0, "CTOC/COP/WG.4/2010/6")],
        [_theme("enfants", 90.0), _theme("Formation et", 100.0), _theme("renforcement", 110.0)],
        first=False,
        previous="CTOC/COP/WG.4/2017/4",
    )
    # Page 1: a name level with the first of its two rows, so the names read as set at
    # the top of their cells.
    first = _frame(
        [_row(100.0, "CTOC/COP/WG.4/2009/2"), _row(117.0, "CTOC/COP/WG.4/2011/8")],
        [_theme("Intervenants (asile)", 100.0)],
        first=True,
    )
    reading = read_groups([first, page])
    assert reading.alignment == "top"
    assert _groups(reading.pages[1]) == [
        (0, 0, "enfants"),
        (0, 2, "Formation et renforcement"),
    ]
    # Had the previous page ended with 2008/1, row 0 could go on with its theme: the
    # whole run of lines is the rest of the name above.
    on = dataclasses.replace(page, previous=symbol_key("CTOC/COP/WG.4/2008/1"))
    assert _groups(read_groups([first, on]).pages[1]) == [
        (0, 0, "enfants Formation et renforcement"),
        (0, 2, None),
    ]


# --- a symbol broken by a page break --------------------------------------------------------


def test_a_symbol_broken_by_a_page_break_is_one_symbol_where_it_starts() -> None:
    def part(column: Column, text: str, top: float) -> ColumnLine:
        return ColumnLine(column, [Word(text, 150.0, top, 150.0 + 5 * len(text), top + 10.0)])

    foot = BodyRow({Column.REPORT: part(Column.REPORT, "CTOC/COP/", 700.0)})
    top = BodyRow(
        {
            Column.REPORT: part(Column.REPORT, "WG.4/2011/8", 100.0),
            Column.REFERENCES: part(Column.REFERENCES, "IV.45.j", 100.0),
        }
    )
    assert rejoin_across([foot], [top]) == [("/", "W")]
    assert foot.parts[Column.REPORT].text == "CTOC/COP/WG.4/2011/8"
    assert top.parts[Column.REPORT].joined  # kept for its page and box, read above
    # A symbol already whole, or halves that make no symbol, are left alone.
    whole = BodyRow({Column.REPORT: part(Column.REPORT, "CTOC/COP/WG.4/2010/6", 700.0)})
    assert not rejoin_across([whole], [BodyRow({Column.REPORT: part(Column.REPORT, "6", 100.0)})])
    half = BodyRow({Column.REPORT: part(Column.REPORT, "CTOC/COP/", 700.0)})
    et = BodyRow({Column.REPORT: part(Column.REPORT, "et 7", 100.0)})
    assert not rejoin_across([half], [et])


def test_a_symbol_broken_over_three_lines_and_a_page_break_is_one_symbol() -> None:
    # WeasyPrint breaks a symbol in a narrow column after its slashes and after a dot:
    # "CTOC/COP/" and "WG." at one page's foot, "4/2009/2" at the next page's top.
    def part(text: str, top: float) -> ColumnLine:
        return ColumnLine(Column.REPORT, [Word(text, 150.0, top, 150.0 + 5 * len(text), top + 9)])

    foot = [BodyRow({Column.REPORT: part("CTOC/COP/", 725.0)})]
    foot.append(BodyRow({Column.REPORT: part("WG.", 735.5)}))
    top = [BodyRow({Column.REPORT: part("4/2009/2", 90.0)})]
    top.append(BodyRow({Column.REPORT: part("CTOC/COP/WG.4/2010/6", 120.0)}))
    assert rejoin_across(foot, top) == [("/", "W"), (".", "4")]
    assert foot[0].parts[Column.REPORT].text == "CTOC/COP/WG.4/2009/2"
    assert foot[1].parts[Column.REPORT].joined
    assert top[0].parts[Column.REPORT].joined
    assert not top[1].parts[Column.REPORT].joined  # the next row's own symbol


# --- two cells run into one word ------------------------------------------------------------


def test_two_cells_set_closer_than_a_word_gap_are_cut_where_the_column_starts() -> None:
    # "c)" ends at x 210 and "I.19.b" starts at 212: two cells with 1 pt of padding each
    # side, closer than pdfplumber's 3 pt, so one word "c)I.19.b". The references column
    # starts at 212: the word is cut there, at its one gap wider than a letter gap.
    notes = Notes()
    glyphs = _glyphs("c)", 200.0, 5.0) + _glyphs("I.19.b", 212.0, 4.0)
    (word,) = words(glyphs, notes)
    assert word[0] == "c)I.19.b"
    assert notes.cuts == [((210.0, 212.0, 2),)]
    french = get_language("fr")
    lefts = {Column.THEME: 50.0, Column.REPORT: 100.0, Column.PARAGRAPHS: 180.0}
    header = Header(french, {**lefts, Column.REFERENCES: 212.0}, 50.0, 60.0, 10.0)
    whole = Word(word[0], word[1], word[2], word[3], word[4], notes.cuts[0])
    assert [(w.text, w.x0, w.x1) for w in header.cells_of(whole)] == [
        ("c)", 200.0, 210.0),
        ("I.19.b", 212.0, 236.0),
    ]
    # Inside one column the gap is left alone.
    wide = Header(french, {**lefts, Column.REFERENCES: 300.0}, 50.0, 60.0, 10.0)
    assert [w.text for w in wide.cells_of(whole)] == ["c)I.19.b"]


def _touching(*parts: tuple[str, float, float]) -> Word:
    """One word of texts set with no gap (each text from x0 at its own advance), with its
    seams as `Notes` records them."""
    notes = Notes()
    glyphs = [g for text, x0, advance in parts for g in _glyphs(text, x0, advance)]
    (word,) = words(glyphs, notes)
    return Word(*word, notes.cuts[0], notes.seams[0])


def test_a_seam_at_the_column_edge_comes_before_a_gap_further_in() -> None:
    # Writer, no padding (the Chinese edition, seed 16007): "（f）" ends the paragraphs cell
    # at x 430 where the references column starts, and "VII.1.c" starts there; 2 pt on,
    # a gap inside the references text ("和VII.", narrower than a word gap). The cut is
    # at the edge, not at the gap past it.
    word = _touching(("（f）", 400.0, 10.0), ("VII.1.c", 430.0, 4.0), ("和VII.", 460.0, 4.0))
    assert (word.text, [c[2] for c in word.cuts]) == ("（f）VII.1.c和VII.", [10])
    chinese = get_language("zh")
    lefts = {Column.THEME: 50.0, Column.REPORT: 100.0, Column.PARAGRAPHS: 300.0}
    header = Header(chinese, {**lefts, Column.REFERENCES: 430.5}, 50.0, 60.0, 10.0)
    assert [(w.text, w.x0, w.x1) for w in header.cells_of(word)] == [
        ("（f）", 400.0, 430.0),
        ("VII.1.c和VII.", 430.0, 480.0),
    ]


def test_two_cells_set_with_no_padding_are_cut_at_the_seam_at_the_column_edge() -> None:
    # No padding: "32 et" ends at x 210 where the references column starts, and "V.9,"
    # starts there; "et" and "V.9," are one word with no gap inside. The column's edge is
    # known to half a point (210.5): the word is cut at its seam at 210.
    word = _touching(("et", 200.0, 5.0), ("V.9,", 210.0, 4.0))
    assert (word.text, word.cuts) == ("etV.9,", ())
    french = get_language("fr")
    lefts = {Column.THEME: 50.0, Column.REPORT: 100.0, Column.PARAGRAPHS: 180.0}
    header = Header(french, {**lefts, Column.REFERENCES: 210.5}, 50.0, 60.0, 10.0)
    assert [(w.text, w.x0, w.x1) for w in header.cells_of(word)] == [
        ("et", 200.0, 210.0),
        ("V.9,", 210.0, 226.0),
    ]
    # A theme's last word run into the report symbol beside it.
    name = _touching(("niveau", 70.0, 5.0), ("CTOC/COP/WG.4/2017/4", 100.0, 4.0))
    assert [w.text for w in header.cells_of(name)] == ["niveau", "CTOC/COP/WG.4/2017/4"]
    # ... or into the end of a symbol wrapped after a slash ("CTOC/COP/" on the line
    # above), as Writer sets a name's "de" with no padding (seed 11000).
    end = _touching(("de", 90.0, 5.0), ("WG.4/2010/6", 100.0, 4.0))
    assert [w.text for w in header.cells_of(end)] == ["de", "WG.4/2010/6"]
    # Not cut: a symbol wider than its column, running over the next column's edge at
    # x 180 (the part before would be no symbol), nor a word whose seams all stand
    # further than a quarter of the size (2.5 pt) from the edge: with 8 pt letters, the
    # seams at 208 and 216 stand 4.5 and 3.5 pt from an edge at 212.5.
    symbol = _touching(("CTOC/COP/WG.4/2010/6", 100.0, 4.5))
    assert [w.text for w in header.cells_of(symbol)] == ["CTOC/COP/WG.4/2010/6"]
    wide = _touching(("et", 200.0, 8.0), ("V.9,", 216.0, 8.0))
    far = Header(french, {**lefts, Column.REFERENCES: 212.5}, 50.0, 60.0, 10.0)
    assert [w.text for w in far.cells_of(wide)] == ["etV.9,"]


def test_rows_at_a_page_foot_wait_for_no_name_when_the_next_page_goes_back() -> None:
    # Writer, names in the middle of their cells, yet "Offre et demande" printed level
    # with the first of its five rows (2009/2 … 2015/6, 24 pt tall, 10 pt apart). Centred
    # on row 0 alone, it leaves rows 1-4 to wait for a name on the next page; but that
    # page opens with 2010/6, back from 2015/6: no theme runs on, so the five are its own.
    reports = ("2009/2", "2010/6", "2011/8", "2013/5", "2015/6")
    rows = [
        Row(100.0 + 34 * k, 124.0 + 34 * k, symbol_key(f"CTOC/COP/WG.4/{r}"))
        for k, r in enumerate(reports)
    ]
    page = _frame(
        rows,
        [_theme("Offre et demande", 106.0)],
        first=False,
        previous="CTOC/COP/WG.4/2018/3",
    )
    found = blocks(page, leading=2.0, ruled=False)
    waiting = fit_page(page, "middle", 2.0, 10.0, False, found)
    assert _groups(waiting) == [
        (0, 1, "Offre et demande"),
        (1, 5, None),
    ]
    closed = dataclasses.replace(page, following=symbol_key("CTOC/COP/WG.4/2010/6"))
    ended = fit_page(closed, "middle", 2.0, 10.0, False, found)
    assert _groups(ended) == [
        (0, 5, "Offre et demande"),
    ]


def test_the_rest_of_a_split_name_level_with_the_first_row_goes_on() -> None:
    # Chromium, names at the foot of their cells: the rest of a name split by the page
    # break ("juridiques)") is set at the top of the cell's part, level with the first
    # row (2017/4); the next name stands at the foot of its rows (2009/2, 2010/6). Fitted
    # at the foot, "juridiques)" would take row 0 alone and leave 2018/3 to the next name.
    rows = [
        _row(100.0, "CTOC/COP/WG.4/2017/4"),
        _row(112.0, "CTOC/COP/WG.4/2018/3"),
        _row(124.0, "CTOC/COP/WG.4/2009/2"),
        _row(136.0, "CTOC/COP/WG.4/2010/6"),
    ]
    themes = [
        _theme("juridiques)", 100.0),
        _theme("Intervenants (services", 124.0),
        _theme("médicaux)", 136.0),
    ]
    page = _frame(rows, themes, first=False, previous="CTOC/COP/WG.4/2015/6")
    found = blocks(page, leading=2.0, ruled=False)
    fitted = fit_page(page, "bottom", 2.0, 2.0, False, found)
    assert _groups(fitted) == [
        (0, 0, "juridiques)"),
        (0, 2, None),
        (2, 4, "Intervenants (services médicaux)"),
    ]
    # A rest that opens with a bracket: its first letter is in lower case.
    bracket = dataclasses.replace(page, themes=(_theme("(concepts)", 100.0), *page.themes[1:]))
    found = blocks(bracket, leading=2.0, ruled=False)
    fitted = fit_page(bracket, "bottom", 2.0, 2.0, False, found)
    assert [_text(g.block) for g in fitted.groups][:2] == ["(concepts)", None]


def test_the_rest_of_a_split_name_centred_in_its_part_goes_on() -> None:
    # LibreOffice Writer, names in the middle of their cells (seed 8048): a cell split by
    # the page break is centred in each part, so the rest of "Protocole relatif à la
    # traite des personnes" / "(concepts et définitions)" stands beside the middle of the
    # three rows that go on (2011/8, 2013/5, 2015/6, in report order after the previous
    # page's 2010/6). Fitted as a name, it would fit these rows just as well and start a
    # theme; it starts in lower case, so it is the rest. Tops as printed, 10 pt lines.
    rows = [
        _row(93.4, "CTOC/COP/WG.4/2011/8"),
        _row(109.6, "CTOC/COP/WG.4/2013/5"),
        _row(125.7, "CTOC/COP/WG.4/2015/6"),
        _row(141.9, "CTOC/COP/WG.4/2009/2"),
        _row(158.0, "CTOC/COP/WG.4/2010/6"),
    ]
    themes = [
        _theme("(concepts et définitions)", 117.6),
        _theme("Recherche et collecte", 142.0),
        _theme("de données", 154.0),
    ]
    page = _frame(rows, themes, first=False, previous="CTOC/COP/WG.4/2010/6")
    found = blocks(page, leading=2.0, ruled=False)
    fitted = fit_page(page, "middle", 2.0, 6.0, False, found)
    assert _groups(fitted) == [
        (0, 0, "(concepts et définitions)"),
        (0, 3, None),
        (3, 5, "Recherche et collecte de données"),
    ]
    # The first page of the table has no name to go on: there it is a name (a finding
    # of the theme order says it is out of place).
    alone = dataclasses.replace(page, first=True, page=1, previous=())
    fitted = fit_page(alone, "middle", 2.0, 6.0, False, blocks(alone, leading=2.0, ruled=False))
    assert _groups(fitted) == [
        (0, 3, "(concepts et définitions)"),
        (3, 5, "Recherche et collecte de données"),
    ]


def test_the_rest_of_a_split_name_stretches_the_rows_going_on_beside_it() -> None:
    # Chromium, a narrow theme column, names at the foot of their cells (seed 8012): the
    # rest of "Intervenants (conflits et action humanitaire)" takes four lines beside the
    # two rows that go on (2017/4, 2018/3), so those rows stand a name's line apart, as
    # wide as the gap between two groups. The name beside them makes that gap, as a name
    # makes the gaps of its own rows: the rows go on, and the next name (at the foot of
    # 2009/2 … 2011/8, back in report order) keeps its three. Tops as printed, 9.5 pt.
    rows = [
        _row(77.31, "CTOC/COP/WG.4/2017/4", 9.49),
        _row(108.06, "CTOC/COP/WG.4/2018/3", 9.49),
        _row(138.06, "CTOC/COP/WG.4/2009/2", 9.49),
        _row(158.31, "CTOC/COP/WG.4/2010/6", 23.74),
        _row(192.81, "CTOC/COP/WG.4/2011/8", 9.49),
    ]
    themes = [
        _theme("(conflits", 74.31, 9.49),
        _theme("et action", 88.56, 9.49),
        _theme("humani‐", 102.81, 9.49),
        _theme("taire)", 117.06, 9.49),
        _theme("Intervenants", 178.56, 9.49),
        _theme("(détection)", 192.81, 9.49),
    ]
    page = _frame(rows, themes, first=False, previous="CTOC/COP/WG.4/2015/6", size=9.5)
    found = blocks(page, leading=4.75, ruled=False)
    fitted = fit_page(page, "bottom", 4.75, 10.75, False, found)
    assert _groups(fitted) == [
        (0, 0, "(conflits et action humani‐ taire)"),
        (0, 2, None),
        (2, 5, "Intervenants (détection)"),
    ]


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("Nations Unies et fonctions)", True),  # the rest of "Intervenants (organes des …"
        ("fonctions)", True),
        ("judiciaire] et autres", True),
        ("社会）", True),  # a full-width bracket closed, never opened
        ("Intervenants (personnel judiciaire)", False),
        ("Intervenants (organes des", False),  # opened, not closed: the start of a name
        ("Protocole (adhésion) et (interprétation)", False),
        ("Coopération internationale", False),
        (")(", True),
    ],
)
def test_a_text_closing_a_bracket_it_never_opened_is_a_rest(text: str, rest: bool) -> None:
    assert closes_unopened(text) is rest


@pytest.mark.parametrize(
    ("brackets", "name", "rest"),
    [
        # The Arabic edition, read mirrored: a line's words stand in reading order, each in
        # visual order with its brackets as stored, so "تدابير العدالة الجنائية (الشهود)"
        # reads "ريبادت ةلادعلا ةيئانجلا )دوهشلا(", a bracket closed before it is opened.
        # In logical order it is a whole name; "القضائية)" (stored ")ةيئاضقلا") is a rest.
        ("codes", "ريبادت ةلادعلا ةيئانجلا )دوهشلا(", ")ةيئاضقلا"),
        # The same page as a browser stores it: each bracket as the shape shown, so the
        # whole name reads "ريبادت ةلادعلا ةيئانجلا (دوهشلا)" and the rest "(ةيئاضقلا".
        ("shapes", "ريبادت ةلادعلا ةيئانجلا (دوهشلا)", "(ةيئاضقلا"),
    ],
)
def test_a_mirrored_page_says_its_names_in_logical_order(
    brackets: Brackets, name: str, rest: str
) -> None:
    rows = [_row(100.0, "CTOC/COP/WG.4/2009/2"), _row(112.0, "CTOC/COP/WG.4/2010/6")]
    page = dataclasses.replace(
        _frame(rows, [_theme(name, 100.0)], first=False, previous="CTOC/COP/WG.4/2008/1"),
        mirrored=brackets,
    )
    fitted = fit_page(page, "top", 2.0, 2.0, False, blocks(page, leading=2.0, ruled=False))
    assert _groups(fitted) == [(0, 2, name)]
    after = dataclasses.replace(page, themes=(_theme(rest, 100.0),))
    fitted = fit_page(after, "top", 2.0, 2.0, False, blocks(after, leading=2.0, ruled=False))
    assert _groups(fitted) == [
        (0, 0, rest),
        (0, 2, None),
    ]


def test_a_split_names_overflow_painted_across_the_rule_goes_on_its_cell() -> None:
    # Chromium, a grid, no padding, names at the top of their cells (seed 5022): the rest
    # of "Intervenants (organes des Nations Unies et fonctions)" has one row at the page
    # top (2013/5, after the previous page's 2011/8); its last line "fonctions)" does not
    # fit and is painted past the cell's bottom rule, over the next name's first line
    # ("Intervenants", level with 2010/6, which goes back in report order). The overflow
    # is the cell's above the rule, and the rest, which closes a bracket it never opened,
    # goes on the previous page's name: the rows beside it are that theme's. Tops as
    # printed, 10.5 pt lines.
    rows = [
        _row(136.48, "CTOC/COP/WG.4/2013/5", 10.5),
        _row(149.98, "CTOC/COP/WG.4/2010/6", 10.5),
        _row(175.48, "CTOC/COP/WG.4/2010/6", 10.5),
    ]
    themes = [
        _theme("Nations Unies et", 135.73, 10.5),
        _theme("fonctions)", 148.48, 10.5),
        _theme("Intervenants", 149.98, 10.5),
        _theme("(personnel judiciaire)", 162.73, 10.5),
        _theme("Intervenants", 175.48, 10.5),
        _theme("(prestataires)", 188.23, 10.5),
    ]
    rules = tuple(Rule(50.0, 300.0, y) for y in (147.75, 173.5))
    page = _frame(rows, themes, first=False, rules=rules, previous="CTOC/COP/WG.4/2011/8")
    page = dataclasses.replace(page, size=10.5)
    found = blocks(page, leading=2.25, ruled=True)
    assert [b.text for b in found] == [
        "Nations Unies et fonctions)",
        "Intervenants (personnel judiciaire)",
        "Intervenants (prestataires)",
    ]
    fitted = fit_page(page, "top", 2.25, 3.0, True, found)
    assert _groups(fitted) == [
        (0, 0, "Nations Unies et fonctions)"),
        (0, 1, None),
        (1, 2, "Intervenants (personnel judiciaire)"),
        (2, 3, "Intervenants (prestataires)"),
    ]


def test_of_two_lines_painted_over_each_other_the_overflow_is_a_leading_under() -> None:
    # Chromium, no rules, line height 1.5 (seed 9024): at the page top the rest of
    # "Consommateurs, clients … fournis par des victimes de la traite" overflows its part
    # and "victimes de la traite" is painted over "Coopération", the first line of the next
    # name, level with 2009/2 (back in report order from the previous page's 2013/5). The
    # overflow stands a leading (5.5 pt) under "fournis par des"; "Coopération" stands
    # 1.5 pt higher, level with its row. Tops as printed, 11 pt lines.
    rows = [
        _row(75.3, "CTOC/COP/WG.4/2009/2", 11.0),
        _row(114.3, "CTOC/COP/WG.4/2010/6", 11.0),
        _row(153.3, "CTOC/COP/WG.4/2011/8", 11.0),
    ]
    themes = [
        _theme("fournis par des", 60.3, 11.0),
        _theme("Coopération", 75.3, 11.0),
        _theme("victimes de la traite", 76.8, 11.0),
        _theme("internationale", 91.8, 11.0),
    ]
    page = _frame(rows, themes, first=False, previous="CTOC/COP/WG.4/2013/5", size=11.0)
    found = blocks(page, leading=5.5, ruled=False)
    assert [b.text for b in found] == [
        "fournis par des victimes de la traite",
        "Coopération internationale",
    ]
    fitted = fit_page(page, "top", 5.5, 28.0, False, found)
    assert _groups(fitted) == [
        (0, 0, "fournis par des victimes de la traite"),
        (0, 3, "Coopération internationale"),
    ]


def test_a_line_stands_where_its_words_of_the_common_height_do() -> None:
    # Writer, 1 pt padding (seed 11011): "criminalité" touched the report symbol beside
    # it ("criminalitéCTOC/COP/WG.4/2011/8") and, once cut, keeps the box of both: top
    # 227.7 (the symbol's, level with the row), bottom 239.7, taller than its letters.
    # The line is where its words of a letter's height are (229.7): a leading (1.5 pt)
    # under the line above, at the name's pitch, so the name goes on. 10 pt lines.
    rows = [_row(206.6, "CTOC/COP/WG.4/2009/2"), _row(227.7, "CTOC/COP/WG.4/2011/8")]
    boxes = [("Unies", 57.8, 229.7), ("contre", 84.7, 229.7), ("la", 113.2, 229.7)]
    words = [Word(t, x, top, x + 20.0, top + 10.0) for t, x, top in boxes]
    words.append(Word("criminalité", 124.0, 227.7, 154.0, 239.7))
    line = ColumnLine(Column.THEME, words)
    themes = [_theme("Conférence des Parties", 206.6), _theme("Convention des Nations", 218.1)]
    page = _frame(rows, [*themes, line], first=True)
    found = blocks(page, leading=1.5, ruled=False)
    assert [b.text for b in found] == [
        "Conférence des Parties Convention des Nations Unies contre la criminalité"
    ]
    # Seed 9000, 8 pt: "(concepts" (708.8) and "et" cut from "etCTOC/COP/…" (706.8 to
    # 716.8, level with the row): a line of two words, where a median would stand
    # between them, 1 pt off the name's pitch (9.3 pt).
    rows = [_row(690.2, "CTOC/COP/WG.4/2009/2", 8.0), _row(706.8, "CTOC/COP/WG.4/2010/6", 8.0)]
    two = ColumnLine(
        Column.THEME,
        [Word("(concepts", 58.0, 708.8, 98.0, 716.8), Word("et", 100.0, 706.8, 110.0, 716.8)],
    )
    themes = [_theme("la traite des", 690.2, 8.0), _theme("personnes", 699.5, 8.0)]
    page = _frame(rows, [*themes, two], first=True, size=8.0)
    found = blocks(page, leading=1.3, ruled=False)
    assert [b.text for b in found] == ["la traite des personnes (concepts et"]


def test_a_rest_set_a_padding_above_a_first_row_going_back_is_the_rest() -> None:
    # Writer, 1 pt padding, names in the middle (seed 13017): the page opens back in
    # report order (2009/2 after 2018/3) under the rest of "… non mentionnées dans le
    # Protocole", whose "Protocole" stands a point (the padding) above the first row;
    # the next name starts under it, beside that row. Within a baseline's jitter (1 pt)
    # of the row, but more than half of it above: the rest's. Tops as printed, 10 pt.
    rows = [_row(top, f"CTOC/COP/WG.4/{r}") for top, r in [(119.6, "2009/2"), (134.8, "2010/6")]]
    lines = [("mentionnées dans le", 105.3), ("Protocole", 118.6)]
    lines += [("Formes de traite des", 130.2), ("personnes à des fins", 143.4)]
    themes = [_theme(text, top) for text, top in lines]
    page = _frame(rows, themes, first=False, previous="CTOC/COP/WG.4/2018/3")
    found = blocks(page, leading=3.3, ruled=False)
    assert [b.text for b in found] == [
        "mentionnées dans le Protocole",
        "Formes de traite des personnes à des fins",
    ]


def test_the_line_painted_under_an_overflow_is_another_cells() -> None:
    # Chromium, line height 1.5 (seed 12031): "Formes nouvelles", level with its row
    # (2018/3), stands a quarter point under "prélèvement", and "d’organes", the rest's
    # overflow, is painted over it, a leading (5.5 pt) under "prélèvement". Of the two
    # lines over each other the overflow goes on the rest; the other is another cell's,
    # though it sits close under the rest. Tops as printed, 11 pt lines.
    rows = [_row(175.83, "CTOC/COP/WG.4/2018/3", 11.0), _row(234.33, "CTOC/COP/WG.4/2009/2", 11.0)]
    lines = [("prélèvement", 164.58), ("Formes nouvelles", 175.83), ("d’organes", 181.08)]
    lines += [("de la traite des", 192.33), ("personnes", 208.83)]
    themes = [_theme(text, top, 11.0) for text, top in lines]
    page = _frame(rows, themes, first=False, previous="CTOC/COP/WG.4/2017/4", size=11.0)
    found = blocks(page, leading=5.5, ruled=False)
    assert [b.text for b in found] == [
        "prélèvement d’organes",
        "Formes nouvelles de la traite des personnes",
    ]


def test_an_overflow_of_two_lines_interleaved_with_the_next_name_goes_on_its_cell() -> None:
    # Chromium, no padding, names at the top of their cells (seed 9043): the rest of
    # "Formes de traite … d’exploitation sexuelle" overflows the page top and its two
    # lines are painted each 1.5 pt above a line of the next name ("Formes de traite" /
    # "des personnes à", level with 2009/2). Each line goes on the cell whose last line
    # it stands a leading (3 pt) under. Tops as printed, 9 pt lines.
    rows = [_row(108.45, "CTOC/COP/WG.4/2009/2", 9.0), _row(137.7, "CTOC/COP/WG.4/2010/6", 9.0)]
    lines = [("d’exploitation", 106.95), ("Formes de traite", 108.45), ("sexuelle", 118.95)]
    lines += [("des personnes à", 120.45), ("des fins de", 132.45), ("prélèvement", 143.7)]
    themes = [_theme(text, top, 9.0) for text, top in lines]
    page = _frame(rows, themes, first=False, previous="CTOC/COP/WG.4/2018/3", size=9.0)
    found = blocks(page, leading=3.0, ruled=False)
    assert [b.text for b in found] == [
        "d’exploitation sexuelle",
        "Formes de traite des personnes à des fins de prélèvement",
    ]


def test_a_rests_overflow_beside_a_first_row_going_back_stays_the_rests() -> None:
    # Chromium, no padding, names at the top of their cells (seed 4022): the page opens
    # back in report order (2009/2 after 2018/3) with the rest of "… non mentionnées dans
    # le Protocole", whose last line "Protocole" is painted 0.75 pt above "Formes de
    # traite", the next name's first line, level with 2009/2. "Protocole" stands a leading
    # (1.5 pt) under "dans le", so it is the rest's, though nearly level with the row.
    # Tops as printed, 9 pt lines.
    rows = [
        _row(top, f"CTOC/COP/WG.4/{r}", 9.0) for top, r in [(148.2, "2009/2"), (159.45, "2010/6")]
    ]
    lines = [("mentionnées", 125.7), ("dans le", 136.2), ("Protocole", 147.45)]
    lines += [("Formes de traite", 148.2), ("des personnes à", 159.45)]
    themes = [_theme(text, top, 9.0) for text, top in lines]
    page = _frame(rows, themes, first=False, previous="CTOC/COP/WG.4/2018/3", size=9.0)
    found = blocks(page, leading=1.5, ruled=False)
    fitted = fit_page(page, "top", 1.5, 1.5, False, found)
    assert _groups(fitted) == [
        (0, 0, "mentionnées dans le Protocole"),
        (0, 2, "Formes de traite des personnes à"),
    ]


def test_a_names_line_level_with_a_row_at_the_names_pitch_goes_on() -> None:
    # Chromium, a wide theme column, names at the foot of their cells (seed 13053): most
    # names are one line, so the median gap between theme lines (the leading measured,
    # 4.25 pt) is the gap between cells. "Protocole" ends "… non mentionnées dans le" a
    # line below it, 2.75 pt under, level with the row 2013/5: a block of one line shows
    # no pitch to break, and the name goes on. Tops as printed, 8.5 pt lines.
    rows = [
        _row(top, f"CTOC/COP/WG.4/{r}", 8.5) for top, r in [(432.09, "2011/8"), (445.59, "2013/5")]
    ]
    themes = [_theme("non mentionnées dans le", 434.34, 8.5), _theme("Protocole", 445.59, 8.5)]
    page = _frame(rows, themes, first=True, size=8.5)
    found = blocks(page, leading=4.25, ruled=False)
    assert [b.text for b in found] == ["non mentionnées dans le Protocole"]


def test_a_line_level_with_a_row_closer_than_its_blocks_pitch_starts_a_cell() -> None:
    # Chromium, rules under rows, names at the top of their cells (seed 9035): the rest of
    # "Formes de traite … de prélèvement d’organes" stands above every row of the page, a
    # line every 12.75 pt, and the next name starts level with the first row (2018/3,
    # after the previous page's 2017/4), 10.5 pt under the rest's last line: off the
    # rest's pitch by more than a baseline's jitter, so a cell of its own. Tops as
    # printed, 11 pt lines.
    rows = [_row(178.83, "CTOC/COP/WG.4/2018/3", 11.0), _row(262.0, "CTOC/COP/WG.4/2009/2", 11.0)]
    lines = [("de pré‐", 142.83), ("lèvement", 155.58), ("d’organes", 168.33)]
    lines += [("Formes", 178.83), ("nouvelles", 191.58), ("de la traite", 204.33)]
    themes = [_theme(text, top, 11.0) for text, top in lines]
    page = _frame(rows, themes, first=False, previous="CTOC/COP/WG.4/2017/4", size=11.0)
    found = blocks(page, leading=1.75, ruled=False)
    assert [b.text for b in found] == [
        "de pré‐ lèvement d’organes",
        "Formes nouvelles de la traite",
    ]
    fitted = fit_page(page, "top", 1.75, 8.5, False, found)
    assert _groups(fitted) == [
        (0, 0, "de pré‐ lèvement d’organes"),
        (0, 1, "Formes nouvelles de la traite"),
        (1, 2, None),
    ]


def test_a_name_whose_rows_run_on_to_the_next_page_may_stand_at_their_top() -> None:
    # Writer, names in the middle of their cells (seed 11004): a name whose rows run on
    # to the next page ("Recherche et collecte …", 2009/2 … 2015/6 here, more after the
    # page break) is set at the top of its cell's first part, not in its middle. Read as
    # centred, it would take the row above (2015/6, back in report order) and leave the
    # name above one row short. Tops and bottoms as printed, 10.5 pt lines.
    spans = [(111.1, 158.3), (172.0, 200.9), (214.6, 243.5), (257.2, 286.1), (299.8, 328.7)]
    spans += [(342.4, 371.3), (385.0, 413.9), (427.6, 456.5), (470.2, 499.1), (512.8, 560.0)]
    spans += [(573.8, 621.0), (634.7, 663.6), (677.3, 706.2)]
    reports = ["2011/8", "2013/5", "2015/6", "2009/2", "2010/6", "2011/8", "2013/5"]
    reports += ["2015/6", "2009/2", "2010/6", "2011/8", "2013/5", "2015/6"]
    rows = [
        Row(top, bottom, symbol_key(f"CTOC/COP/WG.4/{r}"))
        for (top, bottom), r in zip(spans, reports, strict=True)
    ]
    lines = [("Protocole relatif à la", 324.1), ("traite des personnes", 342.4)]
    lines += [("(concepts et", 360.8), ("définitions)", 379.1), ("Recherche et collecte", 470.2)]
    lines += [("et analyse de", 488.6), ("données", 506.9)]
    themes = [_theme(text, top, 10.5) for text, top in lines]
    page = dataclasses.replace(
        _frame(rows, themes, first=False, previous="CTOC/COP/WG.4/2010/6", size=10.5),
        following=symbol_key("CTOC/COP/WG.4/2017/4"),
    )
    found = blocks(page, leading=7.9, ruled=False)
    fitted = fit_page(page, "middle", 7.9, 13.8, False, found)
    assert _groups(fitted) == [
        (0, 3, None),
        (3, 8, "Protocole relatif à la traite des personnes (concepts et définitions)"),
        (8, 13, "Recherche et collecte et analyse de données"),
    ]


def test_rows_beside_the_rest_of_a_name_go_on_with_it() -> None:
    # Writer, names at the foot of their cells (seed 15024): the rest of "… des fins de
    # prélèvement d’organes" stands at the foot of the page's first row (2011/8, 103.6 to
    # 131.1); "Formes nouvelles …", at the foot of the next (2018/3), would fit rows 0-1
    # as well, but the row beside the rest goes on with its theme. Tops as printed, 10 pt.
    rows = [
        Row(103.6, 131.1, symbol_key("CTOC/COP/WG.4/2011/8")),
        Row(142.5, 169.9, symbol_key("CTOC/COP/WG.4/2018/3")),
    ]
    themes = [
        _theme("prélèvement d’organes", 121.1),
        _theme("Formes nouvelles de la", 142.5),
        _theme("traite des personnes", 159.9),
    ]
    page = _frame(rows, themes, first=False, previous="CTOC/COP/WG.4/2010/6")
    found = blocks(page, leading=7.5, ruled=False)
    fitted = fit_page(page, "bottom", 7.5, 11.4, False, found)
    assert _groups(fitted) == [
        (0, 0, "prélèvement d’organes"),
        (0, 1, None),
        (1, 2, "Formes nouvelles de la traite des personnes"),
    ]


def test_under_names_at_the_foot_the_next_name_starts_level_with_the_first_row() -> None:
    # Chromium, no padding, names at the foot of their cells: the rest of the previous
    # page's name ("mentionnées" / "dans le" / "Protocole") runs on with no gap into the
    # next name, as tall as its five rows, whose first line is level with row 0 (2009/2,
    # back from the previous page's 2013/5). Tops as printed, 9.5 pt lines.
    tops = (128.27, 140.27, 153.02, 165.02, 177.77)
    reports = ("2009/2", "2010/6", "2011/8", "2013/5", "2015/6")
    rows = [
        Row(top, top + 9.49, symbol_key(f"CTOC/COP/WG.4/{r}"))
        for top, r in zip(tops, reports, strict=True)
    ]
    names = ["mentionnées", "dans le", "Protocole", "Formes de traite", "des personnes à"]
    names += ["des fins", "d’exploitation par", "le travail"]
    lines = zip(names, (93.77, 106.52, 118.52, *tops), strict=True)
    page = _frame(
        rows,
        [_theme(text, top, 9.49) for text, top in lines],
        first=False,
        previous="CTOC/COP/WG.4/2013/5",
        size=9.49,
    )
    found = blocks(page, leading=2.5, ruled=False)
    fitted = fit_page(page, "bottom", 2.5, 3.25, False, found)
    assert _groups(fitted) == [
        (0, 0, "mentionnées dans le Protocole"),
        (0, 5, "Formes de traite des personnes à des fins d’exploitation par le travail"),
    ]


def test_rows_beside_a_rest_stop_where_the_report_order_goes_back() -> None:
    # Writer, names centred in their cells, 1.5 line spacing, no rules (seed 20012): the
    # rest of "Consommateurs, … par des" / "victimes de la traite", two lines, stands
    # beside the page's first row (2013/5, the theme's last) and the next (2009/2), which
    # goes back in report order: the first row of "Coopération internationale", centred
    # beside its seven rows (2009/2 to 2018/3). Tops as printed, 11 pt lines.
    rows = [
        Row(125.5, 136.5, symbol_key("CTOC/COP/WG.4/2013/5")),
        Row(145.0, 172.5, symbol_key("CTOC/COP/WG.4/2009/2")),
        Row(185.6, 196.6, symbol_key("CTOC/COP/WG.4/2010/6")),
        Row(206.5, 250.5, symbol_key("CTOC/COP/WG.4/2011/8")),
        Row(264.7, 292.2, symbol_key("CTOC/COP/WG.4/2013/5")),
        Row(304.6, 315.6, symbol_key("CTOC/COP/WG.4/2015/6")),
        Row(324.8, 352.3, symbol_key("CTOC/COP/WG.4/2017/4")),
        Row(364.7, 375.7, symbol_key("CTOC/COP/WG.4/2018/3")),
    ]
    themes = [
        _theme("services fournis par des", 125.5, 11.0),
        _theme("victimes de la traite", 145.0, 11.0),
        _theme("Coopération internationale", 255.0, 11.0),
    ]
    page = _frame(rows, themes, first=False, previous="CTOC/COP/WG.4/2011/8", size=11.0)
    found = blocks(page, leading=8.5, ruled=False)
    fitted = fit_page(page, "middle", 8.5, 13.0, False, found)
    assert _groups(fitted) == [
        (0, 0, "services fournis par des victimes de la traite"),
        (0, 1, None),
        (1, 8, "Coopération internationale"),
    ]


def test_a_name_set_off_its_alignment_does_not_break_the_report_order() -> None:
    # Writer, names at the foot of their cells, no padding (seed 13008): "Victimes
    # (réparation)" stands beside the first of its five rows (2009/2 to 2018/3), not the
    # last; "Victimes (retour et réintégration)" at the foot of its three (2010/6 to
    # 2018/3). Reading réparation's name as fitting its first row alone would give the
    # second name a group going back from 2018/3 to 2010/6: the order wins over the
    # alignment. One-line rows 10 pt high, 17 pt apart.
    reports = ("2009/2", "2010/6", "2011/8", "2013/5", "2018/3", "2010/6", "2011/8", "2018/3")
    rows = [_row(100.0 + 17.0 * k, f"CTOC/COP/WG.4/{report}") for k, report in enumerate(reports)]
    themes = [
        _theme("Victimes (réparation)", 100.0),
        _theme("Victimes (retour et", 209.0),
        _theme("réintégration)", 219.0),
    ]
    page = _frame(rows, themes, first=False, previous="CTOC/COP/WG.4/2018/3")
    found = blocks(page, leading=0.0, ruled=False)
    assert [b.text for b in found] == [
        "Victimes (réparation)",
        "Victimes (retour et réintégration)",
    ]
    fitted = fit_page(page, "bottom", 0.0, 7.0, False, found)
    assert _groups(fitted) == [
        (0, 5, "Victimes (réparation)"),
        (5, 8, "Victimes (retour et réintégration)"),
    ]


def test_the_rest_of_a_name_goes_on_over_a_capital_while_it_cannot_end() -> None:
    # Chromium, no padding, names at the foot of their cells (seed 22016): page 3 opens
    # with the rest of "… d’exploitation non" / "mentionnées dans le" / "Protocole", then
    # "Formes de traite des personnes à des fins d’exploitation par le travail" at the
    # foot of its five rows; the page's first row (2009/2) goes back from the previous
    # page's last (2013/5). "Protocole" starts with a capital, but the rest cannot end
    # on "le": it goes on the rest, and the five rows are the next name's, in the fit and
    # after the tight-table passes (a rest given no row keeps none). Tops as printed.
    reports = ("2009/2", "2010/6", "2011/8", "2013/5", "2015/6")
    tops = (102.77, 116.27, 129.77, 144.02, 157.52)
    rows = [
        Row(top, top + 10.5, symbol_key(f"CTOC/COP/WG.4/{report}"))
        for top, report in zip(tops, reports, strict=True)
    ]
    names = ["mentionnées dans le", "Protocole", "Formes de traite des"]
    names += ["personnes à des fins", "d’exploitation par le travail"]
    lines = zip(names, (99.77, 113.27, 129.77, 144.02, 157.52), strict=True)
    page = _frame(
        rows,
        [_theme(text, top, 10.5) for text, top in lines],
        first=False,
        previous="CTOC/COP/WG.4/2013/5",
        size=10.5,
    )
    french = get_language("fr")

    def cannot_end(name: str) -> bool:
        return languages_names.cannot_end(name, french)

    expected = [
        (0, 0, "mentionnées dans le Protocole"),
        (0, 5, "Formes de traite des personnes à des fins d’exploitation par le travail"),
    ]
    found = blocks(page, leading=3.0, ruled=False)
    fitted = fit_page(page, "bottom", 3.0, 3.0, False, found, None, cannot_end)
    assert _groups(fitted) == expected
    # The tight-table passes leave the rest its rows (none) and cut the next name at
    # each line level with a row, for the theme-name grammar to join ("… des" / "…").
    reading = read_groups([page], (), cannot_end)
    assert reading.tight
    assert _groups(reading.pages[0]) == [
        (0, 0, "mentionnées dans le Protocole"),
        (0, 3, "Formes de traite des"),
        (3, 4, "personnes à des fins"),
        (4, 5, "d’exploitation par le travail"),
    ]

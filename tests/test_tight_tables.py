"""Tight tables: rows as close as the lines of a cell, no rule or gap between groups.

There a name that runs on to the next name's first row cannot be told from one cell by
spacing; the extractor cuts the block where a line stands level with a row top, leaves
the cut to the theme-name grammar, and says so with a warning where only a capital
decided. Expected values are written by hand."""

from __future__ import annotations

from pipeline.extraction.pdf_body import ColumnLine
from pipeline.extraction.pdf_evidence import PageFrame, Row, row_gap, theme_leading
from pipeline.extraction.pdf_groups import fit_page, read_groups
from pipeline.extraction.pdf_layout import Rule, Word
from pipeline.extraction.pdf_tight import is_tight, settle_tight, split_tight
from pipeline.models import (
    BBox,
    Cell,
    Column,
    DocumentMeta,
    Line,
    Severity,
    SourceInfo,
    TableLines,
)
from pipeline.normalize import raw_table_to_index
from pipeline.reassemble import table_lines_to_raw_table

# 10 pt lines every 10 pt (leading 1.0, no padding): rows at these tops, one line each.
ROWS = [100.0, 110.0, 120.0, 130.0]


def _theme(text: str, top: float) -> ColumnLine:
    return ColumnLine(Column.THEME, [Word(text, 60.0, top, 60.0 + 5 * len(text), top + 10.0)])


def test_a_block_level_with_a_later_row_is_cut_for_the_grammar() -> None:
    # Two names of two lines each, run together: "Agences de" / "recrutement" beside rows
    # 0-1, "Corruption et" / "fraude" beside rows 2-3. Spacing alone shows one block.
    themes = (
        _theme("Agences de", 100.0),
        _theme("recrutement", 110.0),
        _theme("Corruption et", 120.0),
        _theme("fraude", 130.0),
    )
    frame = PageFrame(
        page=2,
        rows=tuple(Row(top, top + 10.0) for top in ROWS),
        themes=themes,
        rules=(),
        span=(57.0, 140.0),
        size=10.0,
        first=True,
    )
    reading = read_groups([frame])
    assert reading.tight
    groups = [(g.start, g.end, g.grammar) for g in reading.pages[0].groups]
    # Cut at every line level with a row top after the first: rows 1, 2 and 3.
    assert groups == [(0, 1, False), (1, 2, True), (2, 3, True), (3, 4, True)]


def _lines(theme_cells: list[tuple[str, float]], reports: list[tuple[str, float]]) -> TableLines:
    """Theme cells left to the grammar (as the extractor gives them in a tight table),
    each before the row level with it: the first a new cell, the others with a finding."""
    cells = [
        (text, top, 100.0, True if k == 0 else None) for k, (text, top) in enumerate(theme_cells)
    ]
    return _boxed_lines("fr", cells, reports)


def test_the_grammar_reads_the_cuts_and_a_capital_alone_is_a_warning() -> None:
    a, b = "CTOC/COP/WG.4/2009/2", "CTOC/COP/WG.4/2010/6"
    table = _lines(
        [("Agences de", 100.0), ("recrutement", 110.0), ("Corruption", 120.0)],
        [(a, 100.0), (b, 110.0), (a, 120.0), (b, 130.0)],
    )
    document = raw_table_to_index(table_lines_to_raw_table(table))
    # "recrutement" continues (lower case: certain); "Corruption" starts a theme, and its
    # row goes back in report order (2009 after 2010): certain too, so no warning.
    assert [t.name for t in document.themes] == ["Agences de recrutement", "Corruption"]
    assert [d.code for d in document.diagnostics] == []


def test_a_name_started_by_a_capital_alone_carries_a_warning_on_its_row() -> None:
    a, b, c = "CTOC/COP/WG.4/2009/2", "CTOC/COP/WG.4/2010/6", "CTOC/COP/WG.4/2011/8"
    table = _lines(
        [("Agences", 100.0), ("Corruption", 110.0)],
        [(a, 100.0), (b, 110.0), (c, 120.0)],
    )
    document = raw_table_to_index(table_lines_to_raw_table(table))
    # Forward in report order (2010 after 2009): only the capital says a name starts.
    assert [t.name for t in document.themes] == ["Agences", "Corruption"]
    [warning] = document.diagnostics
    assert (warning.code, warning.severity) == ("theme-boundary-uncertain", Severity.WARNING)
    assert (warning.theme, warning.report, warning.page) == ("Corruption", b, 2)
    corruption = document.themes[1]
    assert corruption.entries[0].diagnostics == (warning,)


def test_a_rule_through_the_descenders_of_the_row_above_parts_the_groups() -> None:
    # No padding: each 10 pt row's box ends where the next begins, and the producer draws
    # the rule under a cell on its last baseline, 2.4 pt above the box's bottom (the
    # descent). The rule under row 2 (y = 127.6) still parts the groups.
    themes = (
        _theme("Agences de", 100.0),
        _theme("recrutement", 110.0),
        _theme("et frais", 120.0),
        _theme("Corruption", 130.0),
    )
    frame = PageFrame(
        page=2,
        rows=tuple(Row(top, top + 10.0) for top in ROWS),
        themes=themes,
        rules=(Rule(50.0, 300.0, 127.6),),
        span=(57.0, 140.0),
        size=10.0,
        first=True,
    )
    reading = read_groups([frame])
    assert reading.ruled
    assert not reading.tight
    groups = reading.pages[0].groups
    assert [(g.start, g.end) for g in groups] == [(0, 3), (3, 4)]
    assert [g.block.text if g.block else None for g in groups] == [
        "Agences de recrutement et frais",
        "Corruption",
    ]


def test_a_level_line_left_uncut_is_named_in_a_finding() -> None:
    # Five one-line rows (tops 100 to 140) and a three-line name centred on them (tops
    # 110, 120, 130: its middle, 125, is the rows' middle). Its second line is level with
    # row 2, but cut there the halves are not centred on their rows (115 against 110, and
    # 135 against 135... of rows 2-4, whose middle is 135: the first half misses by half
    # a line), so the name stays whole and the finding names the row two rows later.
    themes = (
        _theme("Coopération", 110.0),
        _theme("Internationale", 120.0),
        _theme("régionale", 130.0),
    )
    frame = PageFrame(
        page=3,
        rows=tuple(Row(top, top + 10.0) for top in (100.0, 110.0, 120.0, 130.0, 140.0)),
        themes=themes,
        rules=(),
        span=(57.0, 140.0),
        size=10.0,
        first=False,
    )
    reading = read_groups([frame])
    assert reading.alignment == "middle"
    assert reading.tight
    groups = reading.pages[0].groups
    assert [(g.start, g.end) for g in groups] == [(0, 5)]
    assert groups[0].finding is not None
    assert groups[0].finding.startswith("the theme boundary could also be 2 row(s) later")


def _line(text: str, top: float) -> ColumnLine:
    return ColumnLine(Column.THEME, [Word(text, 60.0, top, 60.0 + 4 * len(text), top + 9.0)])


def test_a_trailing_row_goes_to_the_next_name_where_the_names_then_sit_exactly() -> None:
    # Page 4 of seed 1007 of `make layouts`, as dumped (9 pt, 1.5 spacing: a line every
    # 13.5 pt, no padding, names bottom-aligned; a name taller than its rows fills its cell
    # from the top). Read by hand from the PDF: "Formes nouvelles …" beside row 12,
    # "Groupe interinstitutions …" rows 13-14 (its third line runs below row 14 and pushes
    # row 15 down), "Groupes criminels organisés" rows 15-17 (level with the bottom of row
    # 17), "Intervenants (affaires intérieures)" row 18. Spacing alone joins the first two
    # into one block with the name above them, and the last two into another.
    tops = [92.4, 126.1, 159.9, 173.4, 186.9, 200.4, 213.9, 227.4, 240.9, 254.4, 267.9]
    tops += [288.1, 308.4, 335.4, 355.6, 375.9, 389.4, 402.9, 416.4, 443.4, 456.9, 470.4]
    tops += [483.9, 497.4, 510.9, 524.4, 537.9, 551.4, 564.9, 578.4, 591.9, 618.9, 632.4]
    tops += [659.4, 672.9, 686.4]
    tall = {591.9, 632.4, 686.4}  # rows of two lines
    names = [
        (92.4, "Formes de traite des", "personnes à des fins", "d’exploitation non"),
        (132.9, "mentionnées dans le", "Protocole"),
        (186.9, "Formes de traite des", "personnes à des fins", "d’exploitation par le travail"),
        (227.4, "Formes de traite des", "personnes à des fins", "d’exploitation sexuelle"),
        (267.9, "Formes de traite des", "personnes à des fins de", "prélèvement d’organes"),
        (308.4, "Formes nouvelles de la", "traite des personnes"),
        (335.4, "Groupe interinstitutions de", "coordination contre la", "traite des personnes"),
        (389.4, "Groupes criminels", "organisés", "Intervenants (affaires", "intérieures)"),
        (483.9, "Intervenants (agents", "consulaires et", "diplomatiques)"),
        (524.4, "Intervenants (asile)"),
        (551.4, "Intervenants (conflits et", "action humanitaire)"),
        (686.4, "Intervenants (détection et", "répression)"),
    ]
    themes = tuple(
        _line(text, top + 13.5 * k)
        for top, *texts in names
        for k, text in enumerate(texts)
        if isinstance(top, float) and isinstance(text, str)
    )
    frame = PageFrame(
        page=4,
        rows=tuple(Row(top, top + (22.5 if top in tall else 9.0)) for top in tops),
        themes=themes,
        rules=(),
        span=(57.0, 140.0),
        size=9.0,
        first=False,
    )
    # The document's other pages settle the alignment (bottom); this page alone cannot.
    leading, usual = theme_leading([frame]), row_gap([frame])
    assert is_tight([frame], leading, usual, ruled=False)
    page = fit_page(frame, "bottom", leading, usual, ruled=False)
    settle_tight(frame, page, "bottom", usual)
    split_tight(frame, page, "bottom")
    found = {
        g.block.lines[0].text: (g.start, g.end, g.finding)
        for g in page.groups
        if g.block is not None
    }
    assert found["Formes nouvelles de la"] == (12, 13, None)
    assert found["Groupe interinstitutions de"] == (13, 15, None)
    assert found["Groupes criminels"] == (15, 17, None)
    assert found["organisés"] == (17, 18, None)
    assert found["Intervenants (affaires"] == (18, 19, None)


def test_a_cell_the_layout_starts_in_lower_case_goes_on_the_name_above() -> None:
    # The layout marks both theme cells as new (a shading edge or a row rule through the
    # name), but "travail" starts in lower case: no name does, so it ends the one above,
    # with a warning on the row where the layout saw a boundary.
    a, b = "CTOC/COP/WG.4/2010/6", "CTOC/COP/WG.4/2015/6"
    table = _lines(
        [("Formes de traite par le", 100.0), ("travail", 110.0)],
        [(a, 100.0), (b, 110.0)],
    )
    marked = [
        line.model_copy(update={"cells": (line.cells[0].model_copy(update={"starts": True}),)})
        if line.cells[0].column is Column.THEME
        else line
        for line in table.lines
    ]
    document = raw_table_to_index(
        table_lines_to_raw_table(table.model_copy(update={"lines": tuple(marked)}))
    )
    assert [t.name for t in document.themes] == ["Formes de traite par le travail"]
    [warning] = document.diagnostics
    assert (warning.code, warning.report) == ("theme-boundary-uncertain", b)
    assert warning.message.endswith("starts in lower case: read as the name above going on")


def test_the_rest_of_a_name_at_a_page_top_is_cut_where_a_row_starts_level() -> None:
    # Writer, no padding, line spacing 1.5, names in the middle (seed 12002): at a page
    # top the rest of "Formes de traite … de prélèvement d’organes" ("des fins de" /
    # "d’organes") beside its last row, then "Formes nouvelles" / "de la traite" level with
    # the next row, at the same pitch: spacing shows one block, which goes on from the
    # previous page. It is cut where the next row starts, for the grammar to decide.
    # Rows: 10 pt lines every 20 pt, the first two lines a row of their own.
    themes = (
        _theme("des fins de", 100.0),
        _theme("d’organes", 110.0),
        _theme("Formes nouvelles", 120.0),
        _theme("de la traite", 130.0),
    )
    frame = PageFrame(
        page=3,
        rows=(Row(100.0, 110.0), Row(120.0, 130.0)),
        themes=themes,
        rules=(),
        span=(57.0, 140.0),
        size=10.0,
        first=False,
    )
    page = fit_page(frame, "middle", 0.0, 0.0, False)
    assert [(g.start, g.end, g.block.text if g.block else None) for g in page.groups] == [
        (0, 0, "des fins de d’organes Formes nouvelles de la traite"),
        (0, 2, None),
    ]
    split_tight(frame, page, "middle")
    groups = [(g.start, g.end, g.block.text if g.block else None, g.grammar) for g in page.groups]
    assert groups == [
        (0, 0, "des fins de d’organes", False),
        (0, 1, None, False),
        (1, 2, "Formes nouvelles de la traite", True),
    ]


def _boxed_lines(
    language: str,
    theme_cells: list[tuple[str, float, float, bool | None]],
    reports: list[tuple[str, float]],
) -> TableLines:
    """Theme cells (text, top, right edge, what the layout says: True a new cell, None
    left to the grammar with a finding), each from x = 60, before the row level with it;
    rows in report order."""
    out: list[tuple[float, int, Line]] = []
    for text, top, right, starts in theme_cells:
        box = BBox(x0=60.0, top=top, x1=right, bottom=top + 10.0)
        cell = Cell(
            column=Column.THEME,
            text=text,
            bbox=box,
            starts=starts,
            finding="tight" if starts is None else None,
        )
        out.append((top, 0, Line(text=text, page=2, top=top, cells=(cell,))))
    for symbol, top in reports:
        box = BBox(x0=160.0, top=top, x1=250.0, bottom=top + 10.0)
        cells = (
            Cell(column=Column.REPORT, text=symbol, bbox=box),
            Cell(column=Column.PARAGRAPHS, text="4", bbox=box),
            Cell(column=Column.REFERENCES, text="I.3", bbox=box),
        )
        out.append((top, 1, Line(text=symbol, page=2, top=top, cells=cells)))
    return TableLines(
        source=SourceInfo(name="t.pdf", sha256="0" * 64, kind="pdf", pages=2),
        meta=DocumentMeta(
            symbol="X/1", language=language, title=None, job_number=None, reference_document=None
        ),
        lines=tuple(line for _, _, line in sorted(out, key=lambda t: (t[0], t[1]))),
    )


REPORTS = [f"CTOC/COP/WG.4/{year}" for year in ("2009/2", "2010/6", "2011/8", "2013/5")]
# One row of each report, level with theme lines every 10 pt from 100.
FOUR_ROWS = list(zip(REPORTS, (100.0, 110.0, 120.0, 130.0), strict=True))


def test_a_chinese_name_whose_line_runs_to_the_edge_goes_on() -> None:
    # Chinese has no capitals. 10 pt characters, the column 90 pt wide (its widest line,
    # nine characters). "打击贩运人口机构间" fills its line, so "协调小组" goes on it;
    # "协调小组" leaves room for five more, so "儿童" starts a name; both with the
    # tight table's warning, as neither is certain.
    table = _boxed_lines(
        "zh",
        [
            ("打击贩运人口机构间", 100.0, 150.0, True),
            ("协调小组", 110.0, 100.0, None),
            ("儿童", 120.0, 80.0, None),
        ],
        FOUR_ROWS,
    )
    document = raw_table_to_index(table_lines_to_raw_table(table))
    assert [(t.name, len(t.entries)) for t in document.themes] == [
        ("打击贩运人口机构间协调小组", 2),
        ("儿童", 2),
    ]
    assert [(d.code, d.theme, d.report) for d in document.diagnostics] == [
        ("theme-boundary-uncertain", "打击贩运人口机构间协调小组", REPORTS[1]),
        ("theme-boundary-uncertain", "儿童", REPORTS[2]),
    ]


def test_a_line_short_of_the_edge_by_one_character_still_fills_it() -> None:
    # "对所执行措施的审" stops one character short: "查" went down with the "、" after it,
    # which may not start a line. "被害人（二次受害）" runs to the edge, but its bracket
    # has closed the name: "查明的差距和挑战" starts one.
    table = _boxed_lines(
        "zh",
        [
            ("对所执行措施的审", 100.0, 140.0, True),
            ("查、监测和评价", 110.0, 130.0, None),
            ("被害人（二次受害）", 120.0, 150.0, True),
            ("查明的差距和挑战", 130.0, 140.0, None),
        ],
        [(REPORTS[0], 100.0), (REPORTS[1], 120.0), (REPORTS[2], 130.0)],
    )
    document = raw_table_to_index(table_lines_to_raw_table(table))
    assert [t.name for t in document.themes] == [
        "对所执行措施的审查、监测和评价",
        "被害人（二次受害）",
        "查明的差距和挑战",
    ]


def test_a_line_goes_on_the_phrase_the_name_above_began() -> None:
    # A narrow English column: "and Working" / "Group on" split the Working Group's name,
    # a phrase of the language file, though the line starts with a capital.
    table = _boxed_lines(
        "en",
        [
            ("Organized Crime", 100.0, 140.0, True),
            ("and Working", 110.0, 130.0, False),
            ("Group on", 120.0, 120.0, None),
            ("Trafficking in", 130.0, 130.0, None),
            ("Persons", 140.0, 110.0, False),
        ],
        FOUR_ROWS,
    )
    document = raw_table_to_index(table_lines_to_raw_table(table))
    assert [t.name for t in document.themes] == [
        "Organized Crime and Working Group on Trafficking in Persons"
    ]
    assert document.diagnostics == ()


def test_the_words_overrule_a_cut_no_name_can_end_at() -> None:
    # The layout read new cells at "Group on" and "(practitioner networks)", but a name
    # does not end inside a phrase, nor does one start in lower case: each goes on the name
    # above, with a warning saying the layout showed otherwise.
    table = _boxed_lines(
        "en",
        [
            ("Crime and Working", 100.0, 150.0, True),
            ("Group on Trafficking", 110.0, 150.0, True),
            ("Criminal justice measures", 120.0, 150.0, True),
            ("(practitioner networks)", 130.0, 150.0, True),
        ],
        FOUR_ROWS,
    )
    document = raw_table_to_index(table_lines_to_raw_table(table))
    assert [(t.name, len(t.entries)) for t in document.themes] == [
        ("Crime and Working Group on Trafficking", 2),
        ("Criminal justice measures (practitioner networks)", 2),
    ]
    assert [(d.code, d.report) for d in document.diagnostics] == [
        ("theme-boundary-uncertain", REPORTS[1]),
        ("theme-boundary-uncertain", REPORTS[3]),
    ]


def test_a_name_closed_by_its_bracket_goes_on_no_further() -> None:
    # Chromium (seed 17021): a split name's rest "(réseaux" / "d’intervenants)" and the next
    # name's "Mesures de" / "justice pénale" set closer than the cell leading, so the
    # layout read one cell. A name ends with its bracketed qualifier: "Mesures de" starts
    # a name, with a warning saying the layout showed otherwise.
    table = _boxed_lines(
        "fr",
        [
            ("Victimes (réparation)", 100.0, 150.0, True),
            ("Mesures de", 120.0, 150.0, False),
            ("justice pénale", 130.0, 150.0, False),
        ],
        [(REPORTS[0], 100.0), (REPORTS[1], 130.0)],
    )
    document = raw_table_to_index(table_lines_to_raw_table(table))
    assert [(t.name, len(t.entries)) for t in document.themes] == [
        ("Victimes (réparation)", 1),
        ("Mesures de justice pénale", 1),
    ]
    assert [(d.code, d.theme, d.report) for d in document.diagnostics] == [
        ("theme-boundary-uncertain", "Mesures de justice pénale", REPORTS[1]),
    ]

"""The header band against the body, on lines built by hand: a cell's continuation under
a repeated header is no label piece, a row set level with the header's last line is the
body's, a piece of the header's document symbol below the header is the header's, and a
title ending "par thème" is no label, nor is a glyph repeated from the page before.
Expected values are written by hand."""

from __future__ import annotations

from pipeline.extraction.pdf_header import find_header
from pipeline.extraction.pdf_header_band import (
    header_body_words,
    header_lines,
    is_symbol_piece,
)
from pipeline.extraction.pdf_layout import Header, PageContent, PrintedLine, Word
from pipeline.extraction.pdf_page import PageReading
from pipeline.languages import get_language
from pipeline.models import Column

# Columns start at x 50 (theme), 150 (report), 260 (paragraphs) and 340 (references).
LEFTS = {Column.THEME: 50.0, Column.REPORT: 150.0, Column.PARAGRAPHS: 260.0}
HEADER = Header(get_language("fr"), {**LEFTS, Column.REFERENCES: 340.0}, 60.0, 90.0, 10.0, ends={})


def _line(top: float, *words: tuple[str, float]) -> PrintedLine:
    return PrintedLine([Word(text, x, top, x + 6 * len(text), top + 10) for text, x in words])


LABELS = [
    _line(60.0, ("Rapport", 150.0), ("de", 195.0), ("réunion", 210.0), ("Référence", 340.0)),
    _line(75.0, ("Thème", 50.0), ("Document", 150.0), ("Paragraphes", 260.0)),
    _line(90.0, ("CTOC/COP/WG.4/2019/5", 340.0), ("(par", 470.0)),
    _line(102.0, ("section/paragraphe/alinéa)", 340.0)),
]


def test_a_continued_cell_under_a_repeated_header_is_not_a_label() -> None:
    # "a)" ends the paragraphs cell of the row broken at the previous page's foot: "a" is
    # a letter of "paragraphes", but no word of a label.
    lines = [*LABELS, _line(114.0, ("a)", 260.0)), _line(128.0, ("CTOC/COP/WG.4/2011/8", 150.0))]
    assert header_lines(lines, HEADER) == [0, 1, 2, 3]


def test_a_row_level_with_the_last_label_line_is_the_bodys() -> None:
    line = _line(
        102.0,
        ("personnes", 50.0),
        ("CTOC/COP/WG.4/2011/8", 150.0),
        ("41", 260.0),
        ("section/paragraphe/alinéa)", 340.0),
        ("IV.36", 500.0),
    )
    assert [w.text for w in header_body_words(line, HEADER)] == [
        "personnes",
        "CTOC/COP/WG.4/2011/8",
        "41",
        "IV.36",
    ]
    # The end of a row broken at the previous page's foot, level with a clipped label
    # line ("CTOC/COP/WG.4/", a piece of the header's symbol, stays the header's).
    ends = _line(102.0, ("20", 260.0), ("b)", 275.0), ("CTOC/COP/WG.4/", 340.0), ("I.18.b,", 440.0))
    assert [w.text for w in header_body_words(ends, HEADER)] == ["20", "b)", "I.18.b,"]
    # A label line, with no number nor symbol of its own, carries nothing of the body.
    assert header_body_words(LABELS[3], HEADER) == []
    # The end of the header's symbol wrapped after its slash ("CTOC/COP/WG.4/2019/" on the
    # line above), after other columns' labels on its line, is still the label's.
    wrapped = _line(90.0, ("Document", 150.0), ("Paragraphes", 260.0), ("5", 340.0))
    assert header_body_words(wrapped, HEADER, "CTOC/COP/WG.4/2019/") == []
    assert [w.text for w in header_body_words(wrapped, HEADER, "dans")] == ["5"]


def test_a_label_word_inside_a_cells_text_is_the_cells() -> None:
    # Writer, 1 pt padding (seed 12009): the first row at a page top stands 4 pt under the
    # header's last label line, one printed line with it. "Thème" ends at x 80, so a word
    # right of it may be a piece of the report label, and "de" is one ("Rapport de
    # réunion"); but it stands inside "Formes de traite", a word gap from the body's
    # words on both sides: the name's.
    ends = {Column.THEME: 80.0, Column.REPORT: 240.0, Column.PARAGRAPHS: 330.0}
    header = Header(HEADER.language, HEADER.lefts, 60.0, 90.0, 10.0, ends=ends)
    line = _line(
        87.7,
        ("Formes", 50.0),
        ("de", 88.0),
        ("traite", 102.0),
        ("CTOC/COP/WG.4/2010/6", 150.0),
        ("40", 260.0),
    )
    assert [w.text for w in header_body_words(line, header)] == [
        "Formes",
        "de",
        "traite",
        "CTOC/COP/WG.4/2010/6",
        "40",
    ]
    # Ending the name's line, a word gap after its text, it is the name's too: Writer, 1 pt
    # padding (seed 20026), "Trafic illicite de" / "migrants" under a references label
    # clipped level with it; "de" was lost from two names, with no finding.
    end = _line(
        87.7,
        ("Trafic", 50.0),
        ("illicite", 90.0),
        ("de", 142.0),
        ("CTOC/COP/", 160.0),
        ("51", 260.0),
        ("a)", 275.0),
    )
    assert [w.text for w in header_body_words(end, header)] == [
        "Trafic",
        "illicite",
        "de",
        "CTOC/COP/",
        "51",
        "a)",
    ]
    # A run of such words, too ("… de le" is no label's run there: "de" leads to the text).
    run = _line(87.7, ("Formes", 50.0), ("de", 88.0), ("le", 104.0), ("40", 260.0))
    assert [w.text for w in header_body_words(run, header)] == ["Formes", "de", "le", "40"]
    # A label word further than a word gap from the body's text stays the label's.
    apart = _line(87.7, ("Formes", 50.0), ("de", 110.0), ("CTOC/COP/WG.4/2010/6", 150.0))
    assert [w.text for w in header_body_words(apart, header)] == [
        "Formes",
        "CTOC/COP/WG.4/2010/6",
    ]


def test_a_piece_of_the_header_symbol_in_the_references_column() -> None:
    (clipped,) = _line(120.0, ("CTOC/COP/WG.4/201", 340.0)).words
    (cited,) = _line(120.0, ("VII.2.k", 340.0)).words
    (report,) = _line(120.0, ("CTOC/COP/WG.4/2017/4", 150.0)).words
    (tail,) = _line(120.0, ("/5", 340.0)).words  # the symbol's end, wrapped before a slash
    # Writer breaks a symbol before a dot in a narrow column: "CTOC/COP/WG" / ".4/2019/5".
    (dotted,) = _line(120.0, (".4/2019/5", 340.0)).words
    (decimal,) = _line(120.0, (".5", 340.0)).words  # no slash: no piece of a symbol
    assert is_symbol_piece(clipped, HEADER)
    assert is_symbol_piece(tail, HEADER)
    assert is_symbol_piece(dotted, HEADER)
    assert not is_symbol_piece(decimal, HEADER)
    assert not is_symbol_piece(cited, HEADER)
    assert not is_symbol_piece(report, HEADER)
    # On the label line, beside "(par", that end is the label's: nothing of the body.
    wrapped = _line(90.0, (".4/2019/5", 340.0), ("(par", 400.0))
    assert header_body_words(wrapped, HEADER, "CTOC/COP/WG") == []


def test_the_title_ending_par_theme_is_not_the_theme_label() -> None:
    # ReportLab, a table narrower than the text block: the title's last line "par thème"
    # (x 62.6, top 228) stands 27 pt above the header, whose reference label wraps over
    # seven lines and whose "Thème" is set at the foot of its cell (top 324.6, x 78.6).
    # Counted as the label, the title's "thème" would make the tighter header. It runs
    # on from "par", a word gap to its left: text, not the first column's label.
    words = [
        Word(text, x0, top, x0 + 6 * len(text), top + 11)
        for text, x0, top in [
            ("par", 62.6, 228.0),
            ("thème", 91.4, 228.0),
            ("Rapport", 178.8, 255.6),
            ("de", 223.1, 255.6),
            ("réunion", 238.6, 255.6),
            ("Référence", 429.4, 255.6),
            ("dans", 484.3, 255.6),
            ("le", 429.4, 267.1),
            ("document", 441.7, 267.1),
            ("CTOC/COP/", 429.4, 278.6),
            ("WG.4/2019/5", 429.4, 290.1),
            ("Document", 178.8, 296.1),
            ("Paragraphes", 334.2, 296.1),
            ("(par", 429.4, 301.6),
            ("section/", 453.6, 301.6),
            ("paragraphe/", 429.4, 313.1),
            ("Thème", 78.6, 324.6),
            ("alinéa)", 429.4, 324.6),
        ]
    ]
    header = find_header(words, get_language("fr"))
    assert header is not None
    assert (header.lefts[Column.THEME], header.top) == (78.6, 255.6)


def test_the_title_s_last_line_thème_alone_above_the_header_is_not_the_label() -> None:
    # ReportLab, upper-case labels: the title wraps so that "thème" stands alone on its
    # last line (x 64.1, top 223.1), 27 pt above "RAPPORT DE RÉUNION"; the label "THÈME",
    # centred at the foot of its cell (x 97.8, top 331.1), stands under the others' top.
    # The title's word would make the tighter header (the reference label is tall).
    words = [
        Word(text, x0, top, x0 + 6 * len(text), top + 11)
        for text, x0, top in [
            ("thème", 64.1, 223.1),
            ("RAPPORT", 225.7, 250.6),
            ("DE", 275.6, 250.6),
            ("RÉUNION", 292.8, 250.6),
            ("RÉFÉRENCE", 411.2, 250.6),
            ("DANS", 419.2, 262.1),
            ("LE", 450.7, 262.1),
            ("DOCUMENT", 411.7, 273.6),
            ("CTOC/COP/", 413.1, 285.1),
            ("DOCUMENT", 209.3, 296.9),
            ("PARAGRAPHES", 317.5, 296.9),
            ("WG.4/2019/5", 408.0, 296.6),
            ("(PAR", 403.7, 308.1),
            ("SECTION/", 430.6, 308.1),
            ("PARAGRAPHE/", 405.2, 319.6),
            ("THÈME", 97.8, 331.1),
            ("ALINÉA)", 420.9, 331.1),
        ]
    ]
    header = find_header(words, get_language("fr"))
    assert header is not None
    assert (header.lefts[Column.THEME], header.top) == (97.8, 250.6)


def test_a_label_word_broken_by_a_narrow_cell_is_found_by_its_pieces() -> None:
    # Writer, a paragraphs column narrower than "Paragraphes": the label is printed
    # "Paragraph" (x 265.9, top 174.6) and "es" under it (top 190.3), each piece where the
    # cell's text starts.
    words = [
        Word(text, x0, top, x0 + 6 * len(text), top + 10)
        for text, x0, top in [
            ("Thème", 58.8, 111.6),
            ("Rapport", 160.8, 111.6),
            ("de", 204.7, 111.6),
            ("réunion", 220.4, 111.6),
            ("Référence", 323.8, 111.6),
            ("dans", 378.3, 111.6),
            ("le", 405.8, 111.6),
            ("document", 323.8, 127.3),
            ("CTOC/COP/WG.4/2", 323.8, 143.1),
            ("019/5", 323.8, 158.8),
            ("(par", 355.2, 158.8),
            ("Paragraph", 265.9, 174.6),
            ("section/paragrap", 323.8, 174.6),
            ("Document", 160.8, 190.3),
            ("es", 265.9, 190.3),
            ("he/alinéa)", 323.8, 190.3),
        ]
    ]
    header = find_header(words, get_language("fr"))
    assert header is not None
    assert header.lefts == {
        Column.THEME: 58.8,
        Column.REPORT: 160.8,
        Column.PARAGRAPHS: 265.9,
        Column.REFERENCES: 323.8,
    }


def test_a_glyph_of_the_line_split_by_the_page_break_repeated_at_the_top_is_no_cell() -> None:
    # Chromium paints a name's line split by the page break on both pages, clipped: page
    # 1 ends with "(forces de" (x 60, top 712); page 2 opens with its "(" alone, at the same
    # x (top 62), then "sécurité)" beside the first row. The "(" is no cell.
    def page(number: int, *words: tuple[str, float, float]) -> PageContent:
        return PageContent(
            number, 612.0, 792.0, tuple(Word(t, x, y, x + 6 * len(t), y + 10) for t, x, y in words)
        )

    above = PageReading(
        page(1, ("Intervenants", 60.0, 700.0), ("(forces", 60.0, 712.0)), None, HEADER
    )
    below = PageReading(
        page(
            2, ("(", 60.0, 62.0), ("sécurité)", 60.0, 72.0), ("CTOC/COP/WG.4/2013/5", 150.0, 74.0)
        ),
        None,
        HEADER,
    )
    below.echoes_of(above)
    assert [below.lines[i].text for i in below.echoes] == ["("]
    # A word with letters repeated at the top (a name printed again) is no copy.
    again = PageReading(
        page(2, ("Intervenants", 60.0, 62.0), ("(suite)", 60.0, 72.0)), None, HEADER
    )
    again.echoes_of(above)
    assert again.echoes == set()


def test_a_label_found_whole_starts_where_its_first_word_does() -> None:
    # Writer, the Chinese edition (seed 16001): "在 CTOC/COP/WG.4/2019/ 5 号文件中的参考段落"
    # over three lines, "在" at x 423.5 and "号文件中的参考段落" at 431.8. The label's
    # shorter variant "号文件中的参考段落" is found inside the whole one; the references
    # column starts at "在". Boxes as printed (10.5 pt labels, the symbol in 8 pt).
    words = [
        Word("会议报告", 187.5, 176.5, 229.5, 187.0),
        Word("在", 423.5, 176.5, 434.0, 187.0),
        Word("CTOC/COP/WG.4/2019/", 436.7, 179.0, 537.1, 187.0),
        Word("主题", 56.8, 194.9, 77.8, 205.4),
        Word("5", 423.5, 197.4, 429.1, 205.4),
        Word("号文件中的参考段落", 431.8, 194.9, 526.3, 205.4),
        Word("文件", 187.5, 213.4, 208.5, 223.9),
        Word("段落", 313.2, 213.4, 334.2, 223.9),
        Word("（按节/段/分段）", 423.5, 213.4, 502.9, 223.9),
    ]
    header = find_header(words, get_language("zh"))
    assert header is not None
    assert header.lefts == {
        Column.THEME: 56.8,
        Column.REPORT: 187.5,
        Column.PARAGRAPHS: 313.2,
        Column.REFERENCES: 423.5,
    }


def test_a_label_broken_after_one_character_where_the_script_breaks_anywhere() -> None:
    # Chromium, the Chinese edition: "在 CTOC/COP/WG.4/2019/5 号" / "文件中的参考段落", the
    # rest at the label's left. Boxes as printed (10 pt).
    words = [
        Word("主题", 82.7, 131.2, 102.7, 141.2),
        Word("会议报告", 160.4, 131.2, 200.4, 141.2),
        Word("在", 375.8, 131.2, 385.8, 141.2),
        Word("CTOC/COP/WG.4/2019/5", 389.0, 131.2, 500.0, 141.2),
        Word("号", 503.4, 131.2, 513.4, 141.2),
        Word("文件中的参考段落", 375.8, 144.0, 455.8, 154.0),
        Word("文件", 160.4, 153.0, 180.4, 163.0),
        Word("段落", 284.8, 153.0, 304.8, 163.0),
    ]
    header = find_header(words, get_language("zh"))
    assert header is not None
    assert header.lefts[Column.REFERENCES] == 375.8


def test_a_header_taller_than_its_usual_reach_is_found_whole() -> None:
    # Writer, a narrow references column at line spacing 1.5 (seed 18039): the references
    # label wraps over eight lines, so the second header row ("Document", "Paragraphes")
    # stands 141 pt under "Thème", past the header's usual reach (14 sizes); every line
    # between is a piece of a label or of the symbol. Boxes as printed (10 pt).
    words = [
        Word("Thème", 114.7, 231.0, 152.6, 241.0),
        Word("Rapport", 227.3, 231.0, 272.8, 241.0),
        Word("de", 276.2, 231.0, 289.6, 241.0),
        Word("réunion", 293.1, 231.0, 336.9, 241.0),
        Word("Référence", 421.3, 231.0, 477.9, 241.0),
        Word("dans", 421.3, 248.6, 447.6, 258.6),
        Word("le", 451.1, 248.6, 461.2, 258.6),
        Word("document", 421.3, 266.2, 477.1, 276.2),
        Word("CTOC/COP/W", 421.3, 283.8, 496.0, 293.8),
        Word("G.4/2019/5", 421.3, 301.4, 481.9, 311.4),
        Word("(par", 421.3, 319.0, 444.7, 329.0),
        Word("section/para", 421.3, 336.6, 490.5, 346.6),
        Word("graphe/aliné", 421.3, 354.2, 491.9, 364.2),
        Word("Document", 227.3, 371.8, 284.8, 381.8),
        Word("Paragraphes", 333.2, 371.8, 403.6, 381.8),
        Word("a)", 421.3, 371.8, 432.5, 381.8),
        Word("CTOC/COP/", 247.5, 395.2, 306.9, 405.2),
        Word("44", 367.9, 395.2, 380.6, 405.2),
        Word("II.37", 447.6, 395.2, 471.3, 405.2),
    ]
    header = find_header(words, get_language("fr"))
    assert header is not None
    assert header.lefts == {
        Column.THEME: 114.7,
        Column.REPORT: 227.3,
        Column.PARAGRAPHS: 333.2,
        Column.REFERENCES: 421.3,
    }
    # Cut short before the last label line, the band does not reach the second row.
    assert find_header([w for w in words if w.text != "graphe/aliné"], get_language("fr")) is None


def test_table_rows_on_a_page_before_the_first_header_are_an_error() -> None:
    # A page whose header was not found: the report symbols of the table's rows, wrapped
    # after a slash, stand one under another at one edge. The preamble's own citation of
    # a report, alone on its line, is not a column.
    from pipeline.extraction.pdf_faults import rows_before_table

    reports = {"CTOC/COP/WG.4/2010/6", "CTOC/COP/WG.4/2013/5", "CTOC/COP/WG.4/2009/2"}
    words = (
        Word("see", 56.8, 120.0, 70.0, 130.0),
        Word("CTOC/COP/WG.4/2009/2", 74.0, 120.0, 180.0, 130.0),
        Word("CTOC/COP/", 247.5, 395.2, 306.9, 405.2),
        Word("WG.4/2010/6", 244.3, 412.6, 310.2, 422.6),
        Word("CTOC/COP/", 247.5, 430.0, 306.9, 440.0),
        Word("WG.4/2013/5", 244.3, 447.4, 310.2, 457.4),
    )
    before = PageReading(PageContent(number=1, width=612.0, height=792.0, words=words), None, None)
    [complaint] = rows_before_table([before], reports)
    assert (complaint.code, complaint.severity, complaint.page) == (
        "rows-outside-table",
        "error",
        1,
    )
    assert complaint.text == "WG.4/2010/6, WG.4/2013/5"
    # One citation alone is no column of rows.
    alone = PageContent(number=1, width=612.0, height=792.0, words=words[:2])
    assert rows_before_table([PageReading(alone, None, None)], reports) == []


def test_a_clipped_label_end_glued_to_the_label_beside_it_is_cut_at_its_column() -> None:
    # Writer, line spacing 1.5, no room for "(par section/paragraphe/alinéa)" in its cell
    # (seed 18056): the cell's clipped end "a)" is written right after "Paragraphes",
    # touching it, at x 314.2 where "Référence" starts its column. Read as one word,
    # "Paragraphesa)" was no label, and no header was found. Boxes as printed (9 pt).
    glued = Word(
        "Paragraphesa)",
        248.2,
        298.6,
        324.25,
        307.6,
        seams=((306.47, 306.45, 10), (311.51, 314.2, 11), (320.02, 320.0, 12)),
    )
    words = [
        Word("Rapport", 144.4, 219.1, 185.31, 228.1),
        Word("de", 188.46, 219.1, 200.47, 228.1),
        Word("réunion", 203.64, 219.1, 243.06, 228.1),
        Word("Référence", 314.2, 219.1, 365.17, 228.1),
        Word("dans", 368.24, 219.1, 391.98, 228.1),
        Word("le", 395.11, 219.1, 404.24, 228.1),
        Word("document", 314.2, 235.0, 364.41, 244.0),
        Word("CTOC/COP/WG.4/2019/5", 314.2, 250.9, 436.08, 259.9),
        Word("(par", 314.2, 266.8, 335.32, 275.8),
        Word("section/paragraphe/aliné", 314.2, 282.7, 440.12, 291.7),
        Word("Thème", 57.8, 298.6, 92.01, 307.6),
        Word("Document", 144.4, 298.6, 196.12, 307.6),
        glued,
    ]
    header = find_header(words, get_language("fr"))
    assert header is not None
    assert header.lefts == {
        Column.THEME: 57.8,
        Column.REPORT: 144.4,
        Column.PARAGRAPHS: 248.2,
        Column.REFERENCES: 314.2,
    }

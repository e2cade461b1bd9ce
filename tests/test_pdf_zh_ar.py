"""Chinese and Arabic editions typeset as PDFs with real shaping: the French data back.

The PDFs are set by tests/pdf_factory.py with fpdf2 and HarfBuzz (uharfbuzz): Chinese in
WenQuanYi Micro Hei, wrapped anywhere, even inside a reference; Arabic in Amiri, letters
joined, each line laid out by fpdf2's own bidirectional algorithm so that the file holds
its glyphs in visual order, the table mirrored (theme column on the right). One Arabic
edition prints its numbers in Arabic-Indic digits. The cells are the literal tables of
tests/data/edition_<code>.tsv (for the Arabic-Indic edition, their digits transliterated
one for one); what each row expands to is the French golden table's lists.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable
from functools import cache

import pytest

from pipeline.api import Run, run
from pipeline.comparison.editions import compare_documents
from pipeline.extraction.pdf_bidi import mirror_page
from pipeline.extraction.pdf_layout import Header, PageContent, Word
from pipeline.languages import known_languages
from pipeline.models import Column
from tests import golden
from tests.editions import NAMES, TITLES, edition, edition_themes
from tests.pdf_factory import Layout, TableData, build_pdf

# Western digits to Arabic-Indic, one for one (U+0660 to U+0669).
INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

EDITIONS = {
    "zh": ("zh", Layout(font="cjk", size=9, widths=(0.22, 0.27, 0.24, 0.27)), False),
    "ar": ("ar", Layout(font="arabic", size=10, widths=(0.26, 0.27, 0.21, 0.26)), False),
    "ar-indic": (
        "ar",
        Layout(font="arabic", paper="Letter", ruled=True, widths=(0.25, 0.27, 0.22, 0.26)),
        True,
    ),
}

Printed = tuple[str, bool, bytes, Run]


def _cells(code: str, indic: bool) -> list[tuple[str, tuple[tuple[str, str, str], ...]]]:
    """The edition's table as printed: its literal cells, digits transliterated for the
    Arabic-Indic edition (report symbols keep Latin digits)."""
    themes = edition_themes(code)
    if not indic:
        return list(themes)
    return [
        (name, tuple((r, p.translate(INDIC), q.translate(INDIC)) for r, p, q in rows))
        for name, rows in themes
    ]


@pytest.fixture(scope="module")
def typeset(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Printed]:
    """Each edition typeset and read once, when a test first asks for it."""

    @cache
    def get(name: str) -> Printed:
        code, layout, indic = EDITIONS[name]
        data = edition(code)
        table = TableData(
            data.symbol,
            data.title,
            data.job_number,
            data.reference_document,
            tuple(_cells(code, indic)),
        )
        pdf = build_pdf(table, layout, known_languages()[code])
        path = tmp_path_factory.mktemp(name) / f"CTOC_COP_WG.4_2019_4_{code}.pdf"
        path.write_bytes(pdf)
        return code, indic, pdf, run(path)

    return get


@pytest.fixture(params=sorted(EDITIONS))
def printed(request: pytest.FixtureRequest, typeset: Callable[[str], Printed]) -> Printed:
    return typeset(request.param)


def test_language_and_metadata(printed: Printed) -> None:
    code, _, _, result = printed
    document = result.index
    assert document.language == code
    assert document.title == TITLES[code]
    assert (document.symbol, document.reference_document) == (
        golden.SYMBOL,
        golden.REFERENCE_DOCUMENT,
    )


def test_themes_in_the_edition_order(printed: Printed) -> None:
    code, _, _, result = printed
    assert [t.name for t in result.index.themes] == [name for name, _ in NAMES[code]]
    assert not any(d.code.startswith("theme-") for d in result.index.diagnostics)


def test_cells_as_the_edition_prints_them(printed: Printed) -> None:
    code, indic, _, result = printed
    got = [
        (t.name, tuple((e.report, e.paragraphs_text, e.references_text) for e in t.entries))
        for t in result.index.themes
    ]
    assert got == _cells(code, indic)


def test_same_rows_and_paragraphs_as_the_french_edition(printed: Printed) -> None:
    code, _, _, result = printed
    document = result.index
    golden.assert_matches_french(document, NAMES[code])
    golden.assert_golden_totals(document)
    # Arabic-Indic digits are the edition's own: read without a finding.
    assert not any(d.code == "foreign-digit" for d in document.diagnostics)


def test_compare_with_the_french_edition_finds_no_difference(
    printed: Printed, text_run: Run
) -> None:
    _, _, _, result = printed
    comparison = compare_documents(text_run.index, result.index)
    assert comparison.differences == ()
    assert comparison.identical


def test_text_is_nfc(printed: Printed) -> None:
    _, _, _, result = printed
    texts = [result.index.title or ""]
    for theme in result.index.themes:
        texts.append(theme.name)
        texts += [t for e in theme.entries for t in (e.paragraphs_text, e.references_text)]
    assert all(unicodedata.is_normalized("NFC", text) for text in texts)


@pytest.mark.parametrize("name", ["ar", "ar-indic"])
def test_arabic_is_stored_in_visual_order_and_the_table_mirrored(
    name: str, typeset: Callable[[str], Printed]
) -> None:
    """What the reader faced: pdfplumber's words of the first table page show the first
    theme's name reversed, not as written; the theme cell stands right of its rows."""
    import pdfplumber

    _, _, pdf, result = typeset(name)
    first = NAMES["ar"][0][0]  # "الإرهاب"
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        words = {w["text"] for w in document.pages[1].extract_words()}
    assert first[::-1] in words
    assert first not in words
    theme = result.raw.themes[0]
    (name_box,) = [b.bbox for b in theme.boxes if b.column is Column.THEME]
    report_box = next(b.bbox for b in theme.entries[0].boxes if b.column is Column.REPORT)
    refs_box = next(b.bbox for b in theme.entries[0].boxes if b.column is Column.REFERENCES)
    assert refs_box.x1 < report_box.x0 < report_box.x1 < name_box.x0


def test_chinese_lines_break_inside_references(typeset: Callable[[str], Printed]) -> None:
    """The Chinese PDF breaks a references cell inside a reference ("II.50.a、II" /
    ".50.b…"): the pieces are joined without a space and read as one reference."""
    _, _, _, result = typeset("zh")
    pieces = [
        cell.text
        for line in result.lines.lines
        for cell in line.cells
        if cell.column is Column.REFERENCES
    ]
    assert any(piece.startswith(".") for piece in pieces)
    assert not any(" " in cell for _, rows in edition_themes("zh") for r in rows for cell in r[1:2])


# Lines as a mirrored page hands them to `logical`: the words from right to left, each
# word's glyphs as stored (visual order: Arabic reversed, brackets mirrored). Written out
# by hand from the visual line, which for the first row fpdf2 printed exactly so.
MIRRORED_LINES = [
    ("4 و 18 )أ( و 20 )أ( و 21", "4 و 18 (أ) و 20 (أ) و 21"),
    ("أ.VII.1 ىلإ ي و أ.VII.2 ىلإ س", "VII.1.أ إلى ي و VII.2.أ إلى س"),
    ("II.56 II.46.", "II.46. II.56"),  # a left-to-right run of two words keeps its order
    ("باهرإلا", "الإرهاب"),
    ("عجرملا يف ةقيثولا CTOC/COP/WG.4/2019/5", "المرجع في الوثيقة CTOC/COP/WG.4/2019/5"),
]


@pytest.mark.parametrize(("mirrored", "text"), MIRRORED_LINES)
def test_mirrored_lines_read_in_logical_order(mirrored: str, text: str) -> None:
    from pipeline.extraction.pdf_bidi import logical

    assert logical(mirrored) == text


# The same lines as a producer stores them that writes each bracket as the shape shown
# (Chromium): "(أ)" reads "(أ)" left to right. Written out by hand from the words
# pdfplumber gives for the browser-printed Arabic edition (tests/test_layouts_editions.py).
SHAPED_LINES = [
    ("4 و 18 (أ) و 20 (أ) و 21", "4 و 18 (أ) و 20 (أ) و 21"),
    ("8 (ن)", "8 (ن)"),
    ("(ـه)", "(هـ)"),
    ("ن.VII.2", "VII.2.ن"),  # no bracket: both ways read alike
    # A name broken inside its brackets: each line holds one of them, unpaired.
    ("ريبادت ةلادعلا ةيئانجلا تاءارجإلا)", "تدابير العدالة الجنائية (الإجراءات"),
    ("(ةيئاضقلا", "القضائية)"),
]


@pytest.mark.parametrize(("mirrored", "text"), SHAPED_LINES)
def test_brackets_stored_as_shapes_read_in_logical_order(mirrored: str, text: str) -> None:
    from pipeline.extraction.pdf_bidi import logical

    assert logical(mirrored, "shapes") == text


# A references cell of the Arabic edition with the source's "IV. 45.ب", broken at that
# space, as a browser lays it out (levels resolved over the cell, then each line laid
# out): the page shows "IV.و IV.35" over "ج.IV.45و ب.45", the dot at the right of "IV".
# Read alone, the first line would put the dot before "IV" ("و.IV"), and the cell would
# not parse. Lines written by hand as `MIRRORED_LINES`: words right to left.
PARAGRAPH_LINES = [
    # The column's next line goes on left to right ("45"): the dot ends the Latin run.
    (["IV.35 IV.و", "ب.45 ج.IV.45و"], ["IV.35 وIV.", "45.ب وIV.45.ج"]),
    # It goes on with an Arabic letter: read as the line alone reads.
    (["IV.35 IV.و", "ب.IV.46و"], ["IV.35 و.IV", "وIV.46.ب"]),
    # The source's "VI، 7" broken before its comma (Writer): the page shows "VI و VI.5"
    # over "VI.12 و ، 7". The comma stands between two left-to-right runs, so it starts
    # the second line's run; read alone, it would follow the "7".
    (["VI.5 و VI", "7 ، و VI.12"], ["VI.5 و VI", "، 7 و VI.12"]),
]


@pytest.mark.parametrize(("mirrored", "texts"), PARAGRAPH_LINES)
def test_punctuation_at_a_line_end_is_read_within_its_paragraph(
    mirrored: list[str], texts: list[str]
) -> None:
    from pipeline.extraction.pdf_bidi import restore_lines
    from pipeline.models import Cell, Line

    lines = [
        Line(text=t, page=1, top=10.0 * i, cells=(Cell(column=Column.REFERENCES, text=t),))
        for i, t in enumerate(mirrored)
    ]
    restored = restore_lines(lines, 600.0, "codes")
    assert [line.cells[0].text for line in restored] == texts
    assert [line.text for line in restored] == texts


def test_a_line_starting_a_row_is_read_alone() -> None:
    # The same second line, but the first of a new row (a report symbol beside it): the
    # line above is another cell's, and says nothing of this one's paragraph.
    from pipeline.extraction.pdf_bidi import restore_lines
    from pipeline.models import Cell, Line

    above = Line(
        text="VI.5 و VI", page=1, top=0.0, cells=(Cell(column=Column.REFERENCES, text="VI.5 و VI"),)
    )
    row = Line(
        text="7 ، و VI.12",
        page=1,
        top=10.0,
        cells=(
            Cell(column=Column.REPORT, text="CTOC/COP/WG.4/2015/6"),
            Cell(column=Column.REFERENCES, text="7 ، و VI.12"),
        ),
    )
    restored = restore_lines([above, row], 600.0, "codes")
    assert restored[1].cells[1].text == "7 ، و VI.12"


def test_how_brackets_are_stored_is_read_from_the_bracketed_letters() -> None:
    from pipeline.extraction.pdf_bidi import brackets_stored
    from pipeline.extraction.pdf_layout import PageContent, Word

    def page(*texts: str) -> PageContent:
        words = tuple(Word(t, 10.0 * k, 20.0, 10.0 * k + 8, 30.0) for k, t in enumerate(texts))
        return PageContent(number=1, width=600.0, height=800.0, words=words)

    assert brackets_stored([page("18", "(أ)", "(ب)", "و")]) == "shapes"
    assert brackets_stored([page("18", ")أ(", ")ب(", "و")]) == "codes"
    # Latin brackets and no bracket at all say nothing: the characters, as before.
    assert brackets_stored([page("I.3(a)", "(b)", "الإرهاب")]) == "codes"
    # One stray pair against two.
    assert brackets_stored([page(")أ(", "(ب)", "(ج)")]) == "shapes"


@pytest.mark.parametrize(
    ("stored", "text"),
    [
        # Chromium's Amiri stretches the join of lām and kāf: no letter of the word.
        ("وكـلهتسم", "مستهلكو"),
        # The subparagraph letter hā' is written with a tatweel after it: kept.
        (")ـه(", "(هـ)"),
        ("ـه", "هـ"),
    ],
)
def test_a_tatweel_inside_a_word_only_stretches_it(stored: str, text: str) -> None:
    from pipeline.extraction.pdf_bidi import logical

    assert logical(stored) == text


@pytest.mark.parametrize(
    ("words", "text"),
    [
        # A justified Chinese line: the browser spreads it between every two characters.
        (["被", "害", "人", "（", "残疾）"], "被害人（残疾）"),
        (["15(b)", "、18(b)", "、19(a)"], "15(b)、18(b)、19(a)"),
        (["23", "、", "28", "、", "47", "、57(a)和(b)"], "23、28、47、57(a)和(b)"),
        # A gap between two characters of a spaced script stays a space.
        (["IV.", "45.b"], "IV. 45.b"),
        (["Victimes", "(protection"], "Victimes (protection"),
    ],
)
def test_a_gap_at_a_wide_character_is_no_space(words: list[str], text: str) -> None:
    from pipeline.patterns import line_text

    assert line_text(words) == text


@pytest.mark.parametrize(
    ("glyph", "stored"),
    [
        # A lām-alif ligature's letters, in logical order, turned to the page's visual order.
        ("لإ", "إل"),
        ("لا", "ال"),
        # One letter, or a Latin ligature ("ﬁ" read as "fi"): as they are.
        ("ب", "ب"),
        ("fi", "fi"),
    ],
)
def test_a_glyph_of_several_arabic_letters_is_stored_in_visual_order(
    glyph: str, stored: str
) -> None:
    from pipeline.extraction.pdf_chars import _visual_glyph

    assert _visual_glyph(glyph) == stored


def test_two_cells_run_into_one_word_on_a_mirrored_page_are_cut_at_the_column_edge() -> None:
    # Writer, an Arabic table with no padding (seed 16101): the paragraphs' first number
    # "23" (x 290.0-299.1) touches the report symbol (299.1-408.1), one word, its seam at
    # 299.1 after two characters. Mirrored on a 612 pt page, the symbol stands left
    # (203.9-312.9) and "23" right (312.9-322.0): the seam turns with the box, and the text
    # before it, "23", is the part on the right.
    glued = Word(
        "23CTOC/COP/WG.4/2010/6",
        290.0,
        220.0,
        408.1,
        229.0,
        seams=((299.1, 299.1, 2),),
    )
    (word,) = mirror_page(PageContent(2, 612.0, 792.0, (glued,))).words
    assert (word.x0, word.x1, word.mirrored) == (612.0 - 408.1, 612.0 - 290.0, True)
    assert word.seams == ((612.0 - 299.1, 612.0 - 299.1, 2),)
    left, right = word.cut(word.seams[0])
    assert (left.text, left.x0, left.x1) == ("CTOC/COP/WG.4/2010/6", 612.0 - 408.1, 612.0 - 299.1)
    assert (right.text, right.x0, right.x1) == ("23", 612.0 - 299.1, 612.0 - 290.0)
    # Read against the mirrored columns (report from 203.9, paragraphs from 312.9), the
    # word gives the report its symbol and the paragraphs their number.
    columns = (Column.THEME, Column.REPORT, Column.PARAGRAPHS, Column.REFERENCES)
    header = Header(
        language=known_languages()["ar"],
        lefts=dict(zip(columns, (160.0, 612.0 - 408.1, 612.0 - 299.1, 400.0), strict=True)),
        ends={},
        top=90.0,
        bottom=160.0,
        size=9.0,
    )
    assert [(p.text, header.column_of(p)) for p in header.cells_of(word)] == [
        ("CTOC/COP/WG.4/2010/6", Column.REPORT),
        ("23", Column.PARAGRAPHS),
    ]


# Footer lines as a page gives them, left to right or, on a mirrored page, from the right
# edge (Writer's Arabic first page: "V.19-07094 (F) 290819 300819" read from its end).
FOOTER_LINES = [
    ("V.19-07094 (F) 290819 300819", True),
    ("300819 290819 (F) V.19-07094", True),
    ("V.19-07098 2/13", True),
    ("2/13 V.19-07098", True),
    ("*1907098*", True),
    ("IV.45.د V.19-07094 (F) 290819 300819", False),  # a cell before it: not furniture
]


@pytest.mark.parametrize(("text", "furniture"), FOOTER_LINES)
def test_a_footer_line_is_furniture_read_in_either_order(text: str, furniture: bool) -> None:
    from pipeline.patterns import is_furniture_text

    assert is_furniture_text(text) is furniture


def test_a_spaced_line_is_full_when_the_next_line_s_first_word_did_not_fit() -> None:
    # A theme column 100 pt wide; the line below, 16 characters over 64 pt (4 pt each),
    # starts with a word of 6 letters: with its space, 28 pt. Numbers chosen by hand.
    from pipeline.models import BBox, Cell, Column
    from pipeline.reassemble.continue_names import fills_line

    def cell(text: str, width: float) -> Cell:
        return Cell(column=Column.THEME, text=text, bbox=BBox(x0=0, top=0, x1=width, bottom=9))

    below = cell("لأغراض الاستغلال", 64.0)
    assert fills_line(cell("أشكال الاتجار بالأشخاص", 80.0), below, 100.0, spaced=True)
    assert not fills_line(cell("أشكال الاتجار", 70.0), below, 100.0, spaced=True)
    # Without spaces, only two characters' room (8 pt) counts as full.
    assert not fills_line(cell("贩运人口", 80.0), below, 100.0)
    assert fills_line(cell("贩运人口", 93.0), below, 100.0)

"""The French index printed by WeasyPrint (tests/layouts/weasyprint_producer.py), the
browser layouts of `chromium_producer.Page` typeset by an HTML engine of its own that
breaks lines, pages and small capitals its own way. Each layout must read exactly as the
golden table (tests/data/fr_rows.tsv), every cell, with no error finding."""

from __future__ import annotations

import pytest

from pipeline import extract
from pipeline.models import IndexDocument
from tests.golden import assert_matches_golden, expected_read, expected_table, read_document
from tests.layouts.chromium_producer import Page
from tests.layouts.weasyprint_producer import print_pdf

EXACT = {
    # A grid with no padding, zebra rows: Pango breaks references after a dot ("IV." /
    # "37 à 39"), ten times, where the source spaces after a dot within a line twice: the
    # breaks are read as no space, each with a `line-break-unspaced` note.
    "grid-tight-breaks-after-dots": Page(
        font="Arial",
        size="8.5pt",
        rules="grid",
        paper="Letter",
        line_height="1.2",
        padding="0pt",
        header_align="bottom",
        header_case="uppercase",
        zebra=True,
        columns=(21, 24, 25, 30),
    ),
    # Small capitals made from the bold font's capitals: the text layer maps each glyph
    # to one case ("documenT", "cToc/" / "cop/WG.4/2019/5"), and the reference symbol's
    # piece in the header is still the header's, not a cell of the row above.
    "small-caps-glyph-case": Page(
        font="Liberation Sans",
        rules="grid",
        line_height="1.15",
        header_align="middle",
        header_case="small-caps",
        text_align="center",
        margin="1in",
    ),
    # Small capitals again, names at the foot of their cells, rules under rows: a row's
    # paragraphs cell ("7 l), o) et h)") is printed at a page's foot while its two-line
    # symbol and references, kept together, open the next page.
    "row-cells-before-their-symbol": Page(
        theme_align="bottom",
        font="Arial",
        size="9.5pt",
        rules="rows",
        line_height="normal",
        padding="3pt",
        place="left",
        header_align="middle",
        header_case="small-caps",
        text_align="justify",
        columns=(24, 25, 19, 32),
        margin="2.5cm",
        soft_hyphens=True,
    ),
    # A grid and zebra rows: WeasyPrint paints each shaded row's background across the
    # theme column, so its edges cut the theme cells at every other row; the grid's
    # borders are strokes, and they alone part the names.
    "grid-zebra-shading-through-names": Page(
        theme_align="middle",
        font="Liberation Serif",
        size="8pt",
        line_height="normal",
        padding="4pt",
        place="left",
        header_align="top",
        zebra=True,
        text_align="center",
        margin="2.5cm",
        soft_hyphens=True,
    ),
    # Rows kept whole (`break-inside: avoid`), justified cells, names in the middle.
    "rows-kept-whole-justified": Page(
        theme_align="middle",
        font="Liberation Serif",
        size="9pt",
        line_height="1.0",
        padding="3pt",
        place="left",
        header_align="top",
        keep_rows=True,
        text_align="justify",
        columns=(25, 26, 23, 26),
        margin="2.5cm",
    ),
}

# Zebra rows, names at the foot of their cells, line height 1.0, a narrow report column.
# WeasyPrint paints each row's shading across the theme column, through the names: those
# edges are no rules. Every symbol is broken after its dot ("CTOC/COP/WG." /
# "4/2013/5"), and a row whose two-line symbol did not fit a page's foot has its one-line
# cells there and its symbol on the next page.
ZEBRA = Page(
    theme_align="bottom",
    font="Liberation Sans",
    size="11pt",
    rules="none",
    paper="Letter",
    line_height="1.0",
    padding="2pt",
    header_align="top",
    repeat_header=False,
    zebra=True,
    columns=(17, 24, 23, 36),
)


def _extract(page: Page) -> IndexDocument:
    return extract(print_pdf(expected_table(), page), name="printed.pdf")


@pytest.mark.parametrize("name", sorted(EXACT))
def test_a_weasyprint_printed_index_reads_exactly(name: str) -> None:
    document = _extract(EXACT[name])
    assert_matches_golden(document)
    assert [d.code for d in document.diagnostics if d.severity == "error"] == []


def test_a_break_at_the_sources_own_space_is_read_unspaced_and_says_so() -> None:
    """The source prints "IV. 45.b" once, with a space. Where WeasyPrint breaks the line
    at that space, the page cannot show the space: in a document whose typesetter breaks
    after dots inside words, the break reads "IV.45.b", and the row says how it was
    read. Every other cell reads exactly."""
    document = _extract(ZEBRA)
    got, want = read_document(document), expected_read()
    assert [name for name, _ in got] == [name for name, _ in want]
    differ = [
        (name, g[0], g[2], w[2])
        for (name, rows), (_, wanted) in zip(got, want, strict=True)
        for g, w in zip(rows, wanted, strict=True)
        if g != w
    ]
    # The golden table's row of "Législation" for CTOC/COP/WG.4/2011/8 (tests/data/fr_rows.tsv).
    assert differ == [
        (
            "Législation",
            "CTOC/COP/WG.4/2011/8",
            "IV.11, IV.18, IV.27, IV.35, IV.45.b, IV.45.c et IV.46.a",
            "IV.11, IV.18, IV.27, IV.35, IV. 45.b, IV.45.c et IV.46.a",
        )
    ]
    notes = {
        (d.theme, d.report, d.text)
        for d in document.diagnostics
        if d.code == "line-break-unspaced" and d.theme == "Législation"
    }
    assert ("Législation", "CTOC/COP/WG.4/2011/8", differ[0][2]) in notes
    assert [d.code for d in document.diagnostics if d.severity == "error"] == []


def test_a_glyph_the_file_gives_no_text_for_is_an_error_not_a_reading() -> None:
    """With soft hyphens in the names, WeasyPrint sets DejaVu's "ffi" ligature across a
    hyphenation point and maps that glyph to no text: the page prints "difficultés" and
    "Office", the file says "di cultés" and "O ce". Each such glyph is an error finding
    naming the words around it; every other cell reads exactly."""
    page = Page(
        theme_align="bottom",
        font="DejaVu Sans",
        line_height="1.0",
        padding="1pt",
        header_align="top",
        header_shading=True,
        text_align="justify",
        margin="2.5cm",
        soft_hyphens=True,
    )
    document = _extract(page)
    got, want = read_document(document), expected_read()
    # The golden table's two names with "ffi" (tests/data/fr_rows.tsv), as the file gives them.
    garbled = {
        "Lacunes et difficultés recensées": "Lacunes et di cultés recensées",
        "Secrétariat et Office des Nations Unies contre la drogue et le crime": (
            "Secrétariat et O ce des Nations Unies contre la drogue et le crime"
        ),
    }
    assert got == [(garbled.get(name, name), rows) for name, rows in want]
    errors = {(d.code, d.text) for d in document.diagnostics if d.severity == "error"}
    assert errors == {("glyph-without-text", "di cultés"), ("glyph-without-text", "O ce")}

"""The French index typed as a Writer document and printed by LibreOffice
(tests/layouts/libreoffice_producer.py), a producer the layout reading was not built on.
Each layout must read exactly as the golden table (tests/data/fr_rows.tsv); a layout
found not to would go in as xfail(strict=True) with what goes wrong, as the browser
layouts do. Every layout must first hold every word of the table: a failure must be the
reading's, never a page Writer left incomplete."""

from __future__ import annotations

from functools import cache

import pytest

from pipeline import extract
from pipeline.api import run
from pipeline.export import index_to_files
from pipeline.extraction.engines import ENGINES
from tests.golden import TITLE, assert_matches_golden, expected_table
from tests.layouts.libreoffice_producer import SOFFICE, Writer, convert, document, unprinted

EXACT = {
    # A row broken by the page break ends ("a)") right under the repeated header: a cell's
    # letter, not a piece of the "Paragraphes" label.
    "row-end-under-repeated-header": Writer(
        theme_align="bottom",
        borders="header",
        size=8.0,
        widths=(0.228, 0.289, 0.195, 0.288),
        padding=3.0,
        zebra=True,
    ),
    # No borders, 1 pt padding: Writer sets the repeated header's last label line level
    # with the first row, or with a broken row's end, and writes the clipped label
    # ("CTOC/COP/WG.4/201") into the body: rows to the body, labels to the header.
    "row-level-with-repeated-header": Writer(
        borders="none",
        paper="Letter",
        table_align="center",
        widths=(0.195, 0.254, 0.171, 0.38),
        padding=1.0,
        first_page=True,
    ),
    "row-end-level-with-clipped-label": Writer(
        theme_align="bottom",
        borders="none",
        font="DejaVu Sans",
        size=11.0,
        table_align="left",
        widths=(0.258, 0.29, 0.223, 0.229),
        padding=1.0,
        cell_align="center",
    ),
    # 1 pt of padding: a paragraphs cell and the references cell beside it are set 2 pt
    # apart, closer than a word gap ("24 c)I.19.b"): cut where the column starts.
    "padding-1pt-centred-grid": Writer(
        size=9.0,
        widths=(0.276, 0.29, 0.187, 0.247),
        padding=1.0,
        header_shading=True,
        cell_align="center",
    ),
    # Symbols centred under a label set flush left: the symbols bound the report column.
    "centred-symbols-landscape": Writer(
        split_rows=False,
        borders="none",
        size=9.0,
        paper="Letter",
        landscape=True,
        table_width=0.76,
        widths=(0.247, 0.296, 0.221, 0.236),
        padding=3.0,
        cell_align="center",
    ),
    # Line spacing 1.5 on page 1: the title stands 1.66 pitches under the preamble.
    "first-page-loose-landscape": Writer(
        repeat_header=False,
        borders="header",
        font="Liberation Sans",
        size=10.5,
        paper="Letter",
        landscape=True,
        table_width=0.78,
        widths=(0.216, 0.28, 0.223, 0.281),
        padding=4.0,
        line_spacing=1.5,
        first_page=True,
        header_shading=True,
    ),
    # Bottom-aligned names, a rule under each row, zebra shading: a page-top row that goes
    # on from the previous page is told by the report order.
    "zebra-rows-bottom-11pt": Writer(
        theme_align="bottom",
        borders="rows",
        size=11.0,
        table_align="left",
        widths=(0.221, 0.277, 0.243, 0.259),
        line_spacing=1.15,
        first_page=True,
        zebra=True,
    ),
    # Report symbols wrap after a slash in the narrow column, and a row breaks across the
    # page between "CTOC/COP/" and "WG.4/2011/8": the symbol is joined again where its
    # first part stands, and its second part gives the row the next page (11 times).
    "narrow-letter-11pt-symbols-split": Writer(
        paper="Letter",
        table_width=0.75,
        table_align="center",
        size=11.0,
        borders="header",
        header_align="middle",
        line_spacing=1.5,
    ),
    # Writer sets DejaVu's fi/ff/ffi/fl ligatures as one glyph mapped to its letters
    # ("fi"): pdfium finds no width for it by its unicode, and the pdfium engine takes the
    # width of the glyph's loose box instead (it read "fi ns" before).
    "dejavu-serif-ligatures": Writer(font="DejaVu Serif", size=9.0),
    # No rules, names at the bottom, header on page 1 only: Writer prints the name of a
    # cell split by a page break ("Victimes (identification)") beside its first row, and
    # the 6 other rows at the page foot stand beside no name; the next page's first name
    # lists 2010/6 after their 2018/3, so they end the theme above (report order), as do
    # rows at a page top that go back from the previous page's last row.
    "no-rules-bottom-no-repeated-header": Writer(
        repeat_header=False, borders="none", theme_align="bottom", header_bold=False
    ),
    # Rows kept whole, names centred: on page 8 Writer closes the merged cell of
    # "Recherche et collecte et analyse de données" after two rows (a rule across the
    # theme column, an empty theme cell beside its 5 other rows); the next page's first
    # name starts back at 2009/2, so those rows stay in "Recherche…" (report order).
    "kept-rows-middle-rows-rules-11pt": Writer(
        split_rows=False, theme_align="middle", borders="rows", size=11.0
    ),
    "grid-top-serif-a4": Writer(),
    "rows-bottom-sans-9pt": Writer(
        theme_align="bottom", borders="rows", font="Liberation Sans", size=9.0
    ),
    "header-rules-middle-letter": Writer(
        theme_align="middle", borders="header", paper="Letter", line_spacing=1.15
    ),
    "landscape-narrow-centred-11pt-first-page": Writer(
        landscape=True, table_width=0.8, table_align="center", size=11.0, first_page=True
    ),
    # No padding and no borders: cells' texts touch, run into one word at the column's
    # edge ("32 etV.9", centred cells) and cut at the seam there.
    "no-padding-centred-cells-touch": Writer(
        header_align="bottom",
        header_bold=False,
        repeat_header=False,
        borders="none",
        size=10.5,
        paper="Letter",
        table_align="center",
        widths=(0.2933539, 0.2913424, 0.1685541, 0.2467496),
        padding=0.0,
        line_spacing=1.5,
        first_page=True,
        header_shading=True,
        cell_align="center",
    ),
    # No padding, rules under rows: a paragraphs cell's end runs into the references
    # ("44IV.3,").
    "no-padding-rows-ruled": Writer(
        header_align="top",
        repeat_header=False,
        borders="rows",
        size=8.0,
        paper="Letter",
        table_align="center",
        widths=(0.225, 0.283, 0.191, 0.301),
        padding=0.0,
        first_page=True,
    ),
    # No padding, no rules, names flush with their groups' foot: a name's last word runs
    # into the report symbol beside it ("organiséeCTOC/COP/"), and two names stand with no
    # gap ("Offre et demande" / "Prévention du crime"), parted by the report order.
    "no-padding-names-touch-symbols": Writer(
        theme_align="bottom",
        header_align="bottom",
        header_bold=False,
        repeat_header=False,
        split_rows=False,
        borders="none",
        font="Liberation Sans",
        size=10.0,
        paper="Letter",
        table_width=0.84,
        table_align="left",
        widths=(0.262, 0.254, 0.239, 0.245),
        padding=0.0,
        line_spacing=1.15,
        links=False,
    ),
    # No padding, a repeated header in rows of fixed height: Writer clips the reference
    # label's last line ("section/paragraphe/alinéa)") and writes it over the first row's
    # references, letters among letters; told apart by the order the page draws them,
    # and the label's line left to the header.
    "clipped-label-over-first-row": Writer(
        theme_align="bottom",
        header_align="top",
        header_bold=False,
        borders="rows",
        font="Liberation Sans",
        size=8.0,
        table_align="center",
        widths=(0.2628752, 0.2855277, 0.2061623, 0.2454348),
        padding=0.0,
        links=False,
    ),
    # No padding or borders, names at the top of their cells: the rest of a name split by
    # the page break ("enfants") and the next name run on with no gap at the page top,
    # parted where the first row, back in report order, starts a theme.
    "rest-of-name-over-next-name": Writer(
        header_align="middle",
        header_bold=False,
        repeat_header=False,
        borders="none",
        font="Liberation Sans",
        size=11.0,
        table_align="center",
        widths=(0.2677667, 0.2530327, 0.1846187, 0.2945819),
        padding=0.0,
        cell_align="center",
    ),
    # The clipped label written over a first row whose two cells touch ("24 c)I.8,"):
    # told apart by drawing order, the row's text is still cut at the column's edge.
    "clipped-label-over-touching-cells": Writer(
        theme_align="middle",
        header_align="top",
        split_rows=False,
        borders="header",
        paper="Letter",
        landscape=True,
        table_width=0.77,
        table_align="left",
        widths=(0.2839342, 0.2629197, 0.2431394, 0.2100067),
        padding=0.0,
        first_page=True,
        header_shading=True,
        zebra=True,
    ),
    # Names in the middle of their cells, yet one set level with the first of its rows
    # at a page foot: the next page opens back in report order, so no row waits there.
    "middle-name-level-with-first-row": Writer(
        theme_align="middle",
        header_align="middle",
        borders="none",
        font="DejaVu Sans",
        size=11.0,
        paper="Letter",
        widths=(0.2927219, 0.2742837, 0.2212937, 0.2117008),
        padding=4.0,
        first_page=True,
    ),
    # A paragraphs column narrower than its label: "Paragraph" / "es".
    "label-word-broken-by-narrow-cell": Writer(
        theme_align="middle",
        header_align="top",
        split_rows=False,
        borders="header",
        font="DejaVu Sans",
        size=9.0,
        table_width=0.75,
        table_align="left",
        widths=(0.2821138, 0.2909433, 0.160182, 0.2667610),
        padding=2.0,
        line_spacing=1.5,
        cell_align="justify",
    ),
    # A grid with no padding: the reference label's last line, clipped, is written level
    # with the first body line of a page whose first row's references ended on the page
    # before: the label's words alone in the column are the header's.
    "clipped-label-alone-in-first-line": Writer(
        header_align="middle",
        font="DejaVu Serif",
        size=9.0,
        paper="Letter",
        table_align="left",
        widths=(0.2017637, 0.2742568, 0.2119855, 0.3119940),
        padding=0.0,
        line_spacing=1.15,
        first_page=True,
        header_shading=True,
        cell_align="center",
    ),
    # Names in the middle of their cells, rows split by the page break: Writer centres
    # each part of a split name in its part, so the rest ("(concepts et définitions)")
    # stands beside the middle of the rows that go on, not level with the first.
    "rest-of-name-centred-in-its-part": Writer(
        theme_align="middle",
        header_align="top",
        font="DejaVu Sans",
        paper="Letter",
        landscape=True,
        table_align="center",
        widths=(0.1975484, 0.2853532, 0.2488015, 0.2682969),
        zebra=True,
    ),
    # The same with rows kept whole, rules under rows and 1.5 line spacing: the rest of
    # "Consommateurs, clients et …" stands beside the middle of its one row on the next
    # page, right above the next name's rows; read as a name, the two ran together.
    "rest-of-name-centred-beside-one-row": Writer(
        theme_align="middle",
        header_align="top",
        repeat_header=False,
        split_rows=False,
        borders="rows",
        size=11.0,
        table_width=0.75,
        widths=(0.2851600, 0.2662075, 0.1774262, 0.2712063),
        padding=3.0,
        line_spacing=1.5,
        zebra=True,
        cell_align="center",
    ),
    # No padding, 8 pt: the clipped reference label's last line is written into the first
    # row, its ")" touching the row's last word "I.23.c" under the header's "(par": two
    # words, not one broken by the line above.
    "clipped-label-touching-a-reference": Writer(
        theme_align="bottom",
        header_align="top",
        split_rows=False,
        borders="header",
        font="DejaVu Sans",
        size=8.0,
        table_align="left",
        widths=(0.1924363, 0.2880037, 0.1953979, 0.3241621),
        padding=0.0,
        links=False,
    ),
    # A narrow references column: Writer breaks the header's symbol before a dot
    # ("CTOC/COP/WG" / ".4/2019/5"), the end on the line of "(par": the label's.
    "header-symbol-broken-before-a-dot": Writer(
        theme_align="middle",
        header_align="middle",
        borders="none",
        size=10.5,
        table_width=0.94,
        widths=(0.2958222, 0.2846576, 0.2400145, 0.1795058),
        padding=4.0,
        line_spacing=1.5,
        first_page=True,
        links=False,
        cell_align="center",
    ),
    # No padding: a name's last word touches the end of the report symbol wrapped after
    # its slash ("deWG.4/2010/6"): cut where the report column starts.
    "name-touching-a-wrapped-symbol": Writer(
        header_align="middle",
        header_bold=False,
        split_rows=False,
        borders="header",
        font="DejaVu Serif",
        size=9.0,
        paper="Letter",
        table_width=0.85,
        table_align="center",
        widths=(0.2512102, 0.2655295, 0.2147824, 0.2684779),
        padding=0.0,
    ),
    # Names in the middle of their cells: a name whose rows run on to the next page is
    # set at the top of its cell's first part.
    "split-name-first-part-at-top": Writer(
        theme_align="middle",
        borders="header",
        font="DejaVu Sans",
        size=10.5,
        paper="Letter",
        widths=(0.2472583, 0.2546347, 0.2271645, 0.2709425),
        padding=3.0,
        line_spacing=1.5,
        cell_align="center",
    ),
    # 1 pt padding, justified: a name's word cut from the report symbol it touched keeps
    # the symbol's top, a little above its line, level with the row.
    "name-word-cut-from-a-symbol": Writer(
        theme_align="middle",
        header_align="top",
        header_bold=False,
        borders="header",
        table_width=0.79,
        widths=(0.2317036, 0.2832326, 0.2476391, 0.2374247),
        padding=1.0,
        cell_align="justify",
    ),
    # No padding, line spacing 1.5: at a page top the rest of a split name and the next
    # name run on at one pitch; the next name stands level with its row: cut there, and
    # the theme-name grammar reads two names.
    "rest-and-next-name-at-one-pitch": Writer(
        theme_align="middle",
        header_align="middle",
        split_rows=False,
        borders="header",
        font="Liberation Sans",
        paper="Letter",
        table_width=0.93,
        widths=(0.1755236, 0.2622766, 0.2370464, 0.3251534),
        padding=0.0,
        line_spacing=1.5,
    ),
    # 1 pt padding, no borders: a page's first row stands 4 pt under the header's last
    # label line; the "de" of "Formes de traite" is the name's, not "Rapport de réunion"'s.
    "label-word-inside-a-name": Writer(
        header_align="middle",
        borders="none",
        size=10.5,
        paper="Letter",
        table_align="left",
        widths=(0.2468323, 0.27623, 0.2378062, 0.2391316),
        padding=1.0,
    ),
    # 1 pt padding, centred names: a page opens back in report order under the rest of a
    # split name, its last line a padding above the first row; the next name starts
    # under it, beside that row.
    "rest-a-padding-above-the-first-row": Writer(
        theme_align="middle",
        header_align="top",
        borders="header",
        paper="Letter",
        table_align="left",
        widths=(0.199401, 0.2806199, 0.2082851, 0.311694),
        padding=1.0,
        line_spacing=1.15,
        first_page=True,
        cell_align="center",
    ),
    # 8 pt, 1 pt padding, justified: a name's word cut from the symbol it touched keeps
    # the symbol's box, taller than its letters; its line stands where its others do.
    "justified-word-cut-from-a-symbol": Writer(
        theme_align="bottom",
        header_align="top",
        header_bold=False,
        split_rows=False,
        borders="header",
        font="DejaVu Serif",
        size=8.0,
        table_width=0.87,
        table_align="left",
        widths=(0.2021267, 0.2581734, 0.1635982, 0.3761017),
        padding=1.0,
        first_page=True,
        cell_align="justify",
    ),
    # Names at the foot of their cells, no borders: the rest of a split name stands at
    # the foot of its one row at the page top; the next name fits that row and its own
    # as well, but the row beside the rest goes on with it.
    "rest-at-the-foot-of-its-row": Writer(
        theme_align="bottom",
        header_align="top",
        borders="none",
        font="DejaVu Serif",
        paper="Letter",
        table_align="center",
        widths=(0.282787, 0.2513327, 0.2013983, 0.2644821),
        line_spacing=1.5,
        first_page=True,
    ),
    # A narrow references column at line spacing 1.5: its label wraps over eight lines,
    # and the second header row stands past the header's usual reach; the table starts on
    # page 1, whose rows were lost with no finding until the band was followed (18039).
    "header-taller-than-its-reach": Writer(
        theme_align="bottom",
        header_align="top",
        split_rows=False,
        borders="none",
        font="DejaVu Serif",
        paper="Letter",
        table_width=0.78,
        table_align="center",
        widths=(0.29007, 0.27279, 0.22636, 0.21078),
        padding=3.0,
        line_spacing=1.5,
        first_page=True,
        header_shading=True,
        cell_align="center",
    ),
    # The references label's clipped end "a)" written right after "Paragraphes", touching
    # it, where the references column starts: no header was found at all (18056).
    "clipped-label-end-glued": Writer(
        theme_align="middle",
        font="DejaVu Serif",
        size=9.0,
        table_width=0.8,
        table_align="left",
        widths=(0.22464, 0.26927, 0.17113, 0.33496),
        padding=1.0,
        line_spacing=1.5,
        first_page=True,
    ),
    # Names at the foot of their cells, no padding, no borders, shaded rows: Writer sets
    # "Victimes (réparation)" beside the first of its five rows; read as fitting that row
    # alone, the next theme's rows went back in report order (13008; 9009, 14027 and
    # 17025 alike).
    "bottom-name-beside-its-first-row": Writer(
        theme_align="bottom",
        header_align="middle",
        borders="none",
        font="Liberation Sans",
        size=9.0,
        paper="Letter",
        widths=(0.208995, 0.2942023, 0.2341705, 0.2626322),
        padding=0.0,
        links=False,
        zebra=True,
    ),
    # Centred names, 1.5 line spacing, no borders: the two-line rest of a split name
    # stands beside the page's first row and the next one, which goes back in report
    # order and is the next theme's first (20012).
    "rest-beside-a-row-going-back": Writer(
        theme_align="middle",
        header_align="top",
        borders="none",
        size=11.0,
        table_align="left",
        widths=(0.2803134, 0.2810423, 0.1905734, 0.2480709),
        padding=1.0,
        line_spacing=1.5,
        first_page=True,
    ),
    # 11 pt, 1 pt padding: the references label's clipped line stands level with a
    # page's first row; "de" ending "Trafic illicite de" is the name's (20026).
    "label-word-ending-a-names-line": Writer(
        header_align="top",
        borders="header",
        font="DejaVu Serif",
        size=11.0,
        paper="Letter",
        table_align="left",
        widths=(0.2363332, 0.2626546, 0.1633928, 0.3376194),
        padding=1.0,
    ),
    # Centred cells, no padding, a grid: the references label's clipped "(par " is written
    # over the first row's centred references, a point off their baseline, overlapping
    # them by less than a letter; read apart by drawing order and baseline (19007).
    "label-clipped-over-a-centred-cell": Writer(
        theme_align="bottom",
        header_align="middle",
        paper="Letter",
        table_align="center",
        widths=(0.2265384, 0.2820166, 0.2338012, 0.2576438),
        padding=0.0,
        cell_align="center",
    ),
    # 8 pt, no padding, rows kept whole: the paragraphs' lines that fill their cell end
    # where the references label starts, touching the references; text set flush left,
    # so the columns do not start at the labels' ends (9035, broken by a first version of
    # the flush-end rule for tables set flush right).
    "touching-cells-set-flush-left": Writer(
        theme_align="bottom",
        split_rows=False,
        borders="rows",
        size=8.0,
        paper="Letter",
        table_align="center",
        widths=(0.1966844, 0.2885498, 0.2030117, 0.311754),
        padding=0.0,
    ),
}
LAYOUTS = EXACT


@cache
def _printed() -> dict[str, bytes]:
    """Every layout printed once per session, in one start of Writer."""
    table = expected_table()
    return convert({name: document(table, w) for name, w in LAYOUTS.items()})


def _pdf(name: str) -> bytes:
    if not SOFFICE.exists():
        pytest.fail(f"{SOFFICE} is missing: `make libreoffice` installs Debian's LibreOffice")
    return _printed()[name]


def _read(name: str) -> None:
    document = extract(_pdf(name), name=f"{name}.pdf")
    assert_matches_golden(document)
    assert document.title == TITLE
    assert [d.code for d in document.diagnostics if d.severity == "error"] == []


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_writer_printed_every_word_of_the_table(name: str) -> None:
    assert unprinted(_pdf(name), expected_table()) == []


@pytest.mark.parametrize("name", sorted(EXACT))
def test_a_writer_document_reads_exactly(name: str) -> None:
    _read(name)


@pytest.mark.parametrize("name", ["dejavu-serif-ligatures", "grid-top-serif-a4"])
def test_both_engines_write_the_same_index(name: str) -> None:
    pdf = _pdf(name)
    files = []
    for engine in ENGINES:
        result = run(pdf, name=f"{name}.pdf", engine=engine)
        files.append(index_to_files(result.index, result.mapping))
    assert files[0] == files[1]

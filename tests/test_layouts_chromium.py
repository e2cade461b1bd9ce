"""The French index printed by a web browser (tests/layouts/chromium_producer.py), a
producer the layout reading was not built on. Each layout must read exactly as the golden
table (tests/data/fr_rows.tsv); the ones that do not yet are known gaps of issue 10,
marked xfail(strict=True) with what goes wrong, so that a fix shows up as a failure to
remove the mark."""

from __future__ import annotations

import pytest

from pipeline import extract
from tests.chromium import CHROMIUM
from tests.golden import assert_matches_golden, expected_read, expected_table, read_document
from tests.layouts.chromium_producer import Page, print_pdf

EXACT = {
    # A row broken by a page break under a middle-aligned name: its last paragraph line
    # ("f)") opens the next page, and belongs to the row held for a name, not the one above.
    "header-rules-middle-narrow": Page(
        theme_align="middle",
        size="9pt",
        rules="header",
        paper="Letter",
        width="70%",
        line_height="1.15",
        padding="1pt",
    ),
    # Bottom-aligned names without rules: a page-top row whose name ended the previous
    # page is told from the next name's first row by the report order (2018/3, then
    # 2009/2); the lines of one name, a pixel apart at line height 1.3, stay one name.
    "bottom-no-rules": Page(
        theme_align="bottom",
        font="sans-serif",
        rules="none",
        line_height="1.3",
    ),
    # No padding: two one-line names sit as close as the lines of one name; the grid's
    # rules across the theme column tell them apart.
    "landscape-grid-tight": Page(
        size="8pt",
        rules="grid",
        paper="A4 landscape",
        width="90%",
        line_height="1.0",
        padding="0pt",
    ),
    "grid-bottom-aligned": Page(theme_align="bottom", rules="grid"),
    "tight-no-rules-middle-letter": Page(
        theme_align="middle",
        font="sans-serif",
        size="8pt",
        rules="none",
        paper="Letter",
        line_height="1.0",
        padding="0pt",
    ),
}
KNOWN_GAPS = {
    # A theme cell split by a page break: Chromium paints the overflow of its second part
    # ("d’intervenants)") over the first line of the next cell ("Mesures de"), so the two
    # names' letters are mixed on the page itself; read as a text-overprinted error
    # (`test_overprinted_text_is_an_error_not_a_reading`), not exactly.
    "rows-11pt-loose-narrow": Page(
        font="sans-serif",
        size="11pt",
        rules="rows",
        width="80%",
        line_height="1.5",
        padding="3pt",
    ),
}


def _read(page: Page) -> None:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make browser` installs Debian's chromium")
    document = extract(print_pdf(expected_table(), page), name="printed.pdf")
    assert_matches_golden(document)
    assert [d.code for d in document.diagnostics if d.severity == "error"] == []


@pytest.mark.parametrize("name", sorted(EXACT))
def test_a_browser_printed_index_reads_exactly(name: str) -> None:
    _read(EXACT[name])


@pytest.mark.parametrize("name", sorted(KNOWN_GAPS))
@pytest.mark.xfail(strict=True, reason="issue 10: browser layouts not yet read exactly")
def test_known_gaps_of_browser_layouts(name: str) -> None:
    _read(KNOWN_GAPS[name])


def test_overprinted_text_is_an_error_not_a_reading() -> None:
    """Where the page itself prints one name over another, the garbled words are error
    findings and every other theme still reads exactly."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make browser` installs Debian's chromium")
    document = extract(
        print_pdf(expected_table(), KNOWN_GAPS["rows-11pt-loose-narrow"]), name="p.pdf"
    )
    overprinted = [d for d in document.diagnostics if d.code == "text-overprinted"]
    # Seen on page 11 of the printed PDF: "d’intervenants)" over "Mesures de".
    assert {(d.severity, d.page, d.text) for d in overprinted} == {
        ("error", 11, "dM’iensteurrveesn"),
        ("error", 11, "daents)"),
    }
    # Themes 53 and 54 of the golden table are the garbled pair; the rest read exactly.
    got, want = read_document(document), expected_read()
    assert len(got) == len(want) == 78
    assert got[:52] == want[:52]
    assert got[54:] == want[54:]

"""The French index printed by a web browser (tests/layouts/chromium_producer.py), a
producer the layout reading was not built on. Each layout must read exactly as the golden
table (tests/data/fr_rows.tsv); the ones that do not yet are known gaps of issue 10,
marked xfail(strict=True) with what goes wrong, so that a fix shows up as a failure to
remove the mark."""

from __future__ import annotations

import pytest

from pipeline import extract
from tests.chromium import CHROMIUM
from tests.golden import assert_matches_golden, expected_table
from tests.layouts.chromium_producer import Page, print_pdf

EXACT = {
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
    # Two theme names run together at a page break, a name is garbled by overlapping
    # lines; flagged only with theme-boundary-uncertain warnings.
    "rows-11pt-loose-narrow": Page(
        font="sans-serif",
        size="11pt",
        rules="rows",
        width="80%",
        line_height="1.5",
        padding="3pt",
    ),
    # A cell continuation lands in the wrong row: an unparsed-paragraphs error.
    "header-rules-middle-narrow": Page(
        theme_align="middle",
        size="9pt",
        rules="header",
        paper="Letter",
        width="70%",
        line_height="1.15",
        padding="1pt",
    ),
    # Landscape grid without padding: names glued (a theme-glued error).
    "landscape-grid-tight": Page(
        size="8pt",
        rules="grid",
        paper="A4 landscape",
        width="90%",
        line_height="1.0",
        padding="0pt",
    ),
    # Bottom-aligned names without rules: rows before their names (row-without-theme).
    "bottom-no-rules": Page(
        theme_align="bottom",
        font="sans-serif",
        rules="none",
        line_height="1.3",
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

"""A fixed dozen of the layout corpus (tests/layouts): every issue-10 feature at least once,
from both producers. `make layouts` runs a hundred and more random ones."""

from __future__ import annotations

import pytest

from tests.layouts.check import check, expected_table
from tests.layouts.features import Variant, draw
from tests.pdf_factory import find_font

SAMPLE = {
    # Header labels spanning both header rows, level with the second row, in capitals;
    # theme cells centred on their rows, no rules at all, tight padding.
    "span-middle-no-rules-upper": Variant(
        rules="none", theme_align="middle", header_align="bottom", header_case="upper", padding=0.5
    ),
    # Bottom-aligned theme cells under a full grid, header cells centred, small capitals.
    "span-bottom-grid-smallcaps": Variant(
        rules="grid", theme_align="bottom", header_align="middle", header_case="smallcaps"
    ),
    # The name repeated with "(suite)" at a page top; rows split across pages.
    "repeat-mark-split-rows": Variant(
        merge="rows", repeat_theme="mark", split_rows=True, rules="rows", size=9.0
    ),
    # The name repeated as is, single line spacing.
    "repeat-plain-tight": Variant(merge="rows", repeat_theme="plain", rules="header", leading=1.0),
    # A narrow centred table starting on page 1 under the preamble, above the UN footer.
    "narrow-centred-first-page": Variant(
        table_width=0.8, table_place="centre", first_page=True, theme_align="middle", rules="rows"
    ),
    # Landscape, indented, shaded groups, spacer rows, right-aligned cells, bold symbols.
    "landscape-shading-spacers": Variant(
        landscape=True,
        table_width=0.7,
        table_place="indent",
        rules="shading",
        spacer_rows=True,
        cell_align="right",
        report_style="bold",
    ),
    # Letter, 8 pt sans, 1.5 line spacing, centred cells, symbols in another font.
    "letter-8-sans-loose": Variant(
        paper="Letter",
        font="sans",
        size=8.0,
        leading=1.5,
        cell_align="centre",
        report_style="other",
        theme_align="bottom",
        rules="none",
    ),
    # 11 pt serif, header shaded, no links.
    "serif-11-shaded-header": Variant(size=11.0, shaded_header=True, links=False, rules="header"),
    # The fpdf2 word-processor producer: theme text flowing over page breaks, split rows.
    "fpdf-a4-serif": Variant(producer="fpdf", rules="none", split_rows=True),
    "fpdf-letter-sans-ruled": Variant(
        producer="fpdf", paper="Letter", font="sans", size=9.0, rules="grid", split_rows=True
    ),
    # The tightest case: no cell padding, single line spacing, no rules; names that run
    # on to the next name are cut by the theme-name grammar (tests/test_tight_tables.py).
    "tight-no-padding-no-rules": Variant(
        rules="none", padding=0.0, leading=1.0, theme_align="middle"
    ),
    # Report symbols broken after a slash in a narrow report column.
    "report-wrap": Variant(report_wrap=True, size=11.0, rules="rows"),
    # Header labels centred in their cells (they start right of the text under them),
    # spanning cells centred too, in a narrow table with centred body cells.
    "labels-centred": Variant(
        header_align_h="centre",
        header_align="middle",
        table_width=0.8,
        cell_align="centre",
        rules="header",
    ),
    # Header labels set flush right, over flush-right body cells and no rules.
    "labels-right": Variant(header_align_h="right", cell_align="right", rules="none"),
    # Two random draws, fixed by their seeds.
    "seed-1001": draw(1001),
    "seed-1020": draw(1020),
}


@pytest.mark.parametrize("name", sorted(SAMPLE))
def test_layout_variant_reads_exactly(name: str) -> None:
    assert find_font("serif"), "`make test` installs fonts-dejavu-core"
    assert find_font("sans"), "`make test` installs fonts-dejavu-core"
    expected_table()
    outcome = check(SAMPLE[name])
    assert outcome.problems == [], outcome.variant.label()

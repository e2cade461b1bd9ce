"""The French index typeset by Typst (tests/layouts/typst_producer.py), a typesetter the
layout reading was not built on. Each layout must read exactly as the golden table
(tests/data/fr_rows.tsv), every cell, with no error finding."""

from __future__ import annotations

import pytest

from pipeline import extract
from tests.golden import assert_matches_golden, expected_table
from tests.layouts.typst_producer import Document, print_pdf

EXACT = {
    # Hyphenation on: Typst adds a hyphen where it breaks a word ("vo-" / "lontaires"),
    # whose marked content's /ActualText is a soft hyphen, and breaks "femmes-hommes" at
    # its own hyphen, without one: the first joined, the second kept.
    "hyphenated-top-no-rules": Document(
        paper="us-letter",
        font="Liberation Sans",
        rules="none",
        hyphenate=True,
        leading="0.8em",
    ),
    # Names at the foot of their cells, a line above each row, tight leading.
    "hyphenated-bottom-rows": Document(
        font="Liberation Sans",
        size=9,
        theme_align="bottom",
        rules="rows",
        hyphenate=True,
        leading="0.5em",
    ),
    # The title hyphenated too ("per-" / "sonnes"), 8 pt, no rules.
    "hyphenated-title-8pt": Document(
        paper="us-letter",
        font="DejaVu Serif",
        size=8,
        rules="none",
        hyphenate=True,
        leading="0.5em",
    ),
    # No inset, justified: the paragraphs cell's "et" touches the references cell's
    # "V.13,", whose "." the kerning tucks under the "V": the word cut at the column's
    # edge ("etV") and the rest (".13,") make "V.13," again.
    "touching-cells-kerned": Document(
        font="DejaVu Sans",
        size=9,
        rules="none",
        inset="0pt",
        columns="(25%, 25%, 20%, 30%)",
        justify=True,
        hyphenate=True,
        leading="0.8em",
    ),
    # Names in the middle of their cells, justified, unequal columns.
    "justified-middle-grid": Document(
        paper="us-letter",
        font="DejaVu Sans",
        size=11,
        theme_align="horizon",
        justify=True,
        columns="(25%, 25%, 20%, 30%)",
        leading="0.8em",
    ),
}


@pytest.mark.parametrize("name", sorted(EXACT))
def test_a_typst_typeset_index_reads_exactly(name: str) -> None:
    document = extract(print_pdf(expected_table(), EXACT[name]), name="typeset.pdf")
    assert_matches_golden(document)
    assert document.title == expected_table().title
    assert [d.code for d in document.diagnostics if d.severity == "error"] == []

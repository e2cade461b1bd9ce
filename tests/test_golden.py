"""The golden table checks itself against the counts its header says were made by hand.

These tests read only tests/data/fr_rows.tsv and the dump, never the pipeline: they catch
a slip in the golden table (a miscounted cell, a row put in the wrong theme, a line of the
dump that is not the row it claims) before the other tests rely on it.
"""

from __future__ import annotations

from collections import Counter

from tests import golden
from tests.paths import TEXT_DUMP

# Rows per meeting report, counted with grep over the dump's non-URI lines.
ROWS_PER_REPORT = {
    "CTOC/COP/WG.4/2009/2": 47,
    "CTOC/COP/WG.4/2010/6": 45,
    "CTOC/COP/WG.4/2011/8": 52,
    "CTOC/COP/WG.4/2013/5": 48,
    "CTOC/COP/WG.4/2015/6": 37,
    "CTOC/COP/WG.4/2017/4": 38,
    "CTOC/COP/WG.4/2018/3": 44,
}

# The rows whose paragraph and reference counts differ, each a slip of the document read
# by hand: dump line -> references minus paragraphs.
COUNT_SLIPS = {1024: -1, 1538: +6, 1903: -1, 1968: -1}


def test_totals() -> None:
    rows = golden.expected_rows()
    assert len(rows) == golden.ROWS == 311
    assert len(golden.expected_themes()) == golden.THEMES == 78
    assert sum(row.paragraphs for row in rows) == golden.PARAGRAPHS == 972
    assert sum(len(row.reference_items) for row in rows) == 972 + 3


def test_counts_are_the_items() -> None:
    for row in golden.expected_rows():
        assert row.paragraphs == len(row.paragraph_items), row.dump_line


def test_paragraphs_and_references_agree_but_on_the_four_slips() -> None:
    differences = {
        row.dump_line: len(row.reference_items) - row.paragraphs
        for row in golden.expected_rows()
        if len(row.reference_items) != row.paragraphs
    }
    assert differences == COUNT_SLIPS


def test_rows_per_report() -> None:
    assert Counter(row.report for row in golden.expected_rows()) == ROWS_PER_REPORT


def test_positions_number_the_themes_in_order() -> None:
    names = [name for name, _ in golden.expected_themes()]
    assert len(set(names)) == len(names)
    positions = {row.theme: row.position for row in golden.expected_rows()}
    assert [positions[name] for name in names] == list(range(1, 79))


def test_each_row_is_on_its_dump_line() -> None:
    """The cited line prints the row's report symbol and the first words of its cells."""
    lines = TEXT_DUMP.read_text(encoding="utf-8").split("\n")
    rows = golden.expected_rows()
    for row in rows:
        line = " ".join(lines[row.dump_line - 1].split())
        assert row.report in line, row.dump_line
        after = line.split(row.report, 1)[1].split()
        assert after[0] == row.paragraphs_text.split()[0], row.dump_line
    assert [row.dump_line for row in rows] == sorted(row.dump_line for row in rows)

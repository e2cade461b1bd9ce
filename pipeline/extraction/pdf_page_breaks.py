"""Rows broken by a page break, read whole: a report symbol begun at one page's foot and
finished at the next page's top, and a row whose symbol the typesetter moved to the next
page while its other cells start at this page's foot. Both are read where the row
starts; what the next page prints of it goes on as that page's lead, kept (marked
`joined`) for its page, box and link.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from pipeline.extraction.pdf_body import (
    BodyRow,
    ColumnLine,
    inner_gap,
    orphaned_tail,
    rejoin_across,
    word_break,
)
from pipeline.extraction.pdf_layout import Word
from pipeline.extraction.pdf_page import PageReading
from pipeline.models import Column
from pipeline.patterns import SYMBOL_RE
from pipeline.settings import SETTINGS


def rows_across_breaks(tables: Sequence[PageReading]) -> None:
    """Join every row broken by a page break between two successive table pages."""
    inner = inner_gap(group for page in tables for group in page.rows)
    for upper, lower in itertools.pairwise(tables):
        take_symbol(upper, lower)
        take_row(upper, lower, inner)


def take_symbol(upper: PageReading, lower: PageReading) -> None:
    """A report symbol broken by the page break (`rejoin_across`): the lines at the upper
    page's foot that hold its first pieces become a row of their own, and its cells on
    the lower page (the symbol's other pieces among them) go on as that page's lead."""
    tail = upper.rows[-1] if upper.rows else upper.lead
    if not tail or not lower.lead:
        return
    k = len(tail)
    while k > 0 and len(tail) - k < SETTINGS.symbol_lines and _piece(tail[k - 1]):
        k -= 1
    pieces = rejoin_across(tail[k:], lower.lead)
    if not pieces:
        return
    upper.word_breaks.update(b for b in map(word_break, pieces) if b)
    upper.rows.append(tail[k:])
    del tail[k:]


def take_row(upper: PageReading, lower: PageReading, inner: float) -> None:
    """A row whose cells start at the upper page's foot and whose report symbol the
    typesetter moved to the lower page (`orphaned_tail`): its cells there become a row,
    its symbol read there; the lower page's line of that symbol goes on as its lead.
    `inner`: the document's usual gap between two lines of one cell (`inner_gap`)."""
    if not upper.rows or lower.lead or not lower.rows or upper.table is None:
        return
    group = upper.rows[-1]
    k = orphaned_tail(group, lower.rows[0], inner)
    if not k:
        return
    tail = group[k:]
    del group[k:]
    lower.lead = lower.rows.pop(0)
    symbol = lower.lead[0].parts[Column.REPORT]
    symbol.joined = True
    x0, anchor = upper.table.lefts[Column.REPORT], tail[0]
    word = Word(symbol.text, x0, anchor.top, x0, anchor.top + symbol.size)
    anchor.parts[Column.REPORT] = ColumnLine(Column.REPORT, [word], borrowed=True)
    upper.rows.append(tail)


def _piece(row: BodyRow) -> bool:
    """A line whose report column holds a piece of a symbol, not a whole one."""
    report = row.parts.get(Column.REPORT)
    return report is not None and bool(report.words) and not SYMBOL_RE.fullmatch(report.text)

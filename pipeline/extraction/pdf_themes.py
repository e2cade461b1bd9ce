"""Where a theme cell starts, decided over the whole document from page geometry.

A theme cell is printed in the first column beside its rows and may run on over a page
break; its name must be cut from the theme column's lines. Within a page, a rule across
the column or a gap wider than the cell leading separates two cells. At a page top the
geometry only answers for a top-aligned table; otherwise the theme-name grammar decides
(None). Like `pdf_layout`, this works on plain objects and never touches pdfplumber.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.extraction.pdf_layout import ColumnLine, Rule
from pipeline.settings import SETTINGS


@dataclass(frozen=True)
class ThemeLine:
    page: int
    line: ColumnLine
    # Tops of this page's rows (lines with a report symbol), to test alignment.
    row_tops: tuple[float, ...]
    rules: tuple[Rule, ...]
    # The theme column's horizontal extent, for rules that cross it.
    span: tuple[float, float]
    # The top and bottom of everything printed in this page's table body.
    body: tuple[float, float]


def _aligned(item: ThemeLine) -> bool:
    tolerance = SETTINGS.same_line * item.line.size
    return any(abs(top - item.line.top) <= tolerance for top in item.row_tops)


def _ruled_between(item: ThemeLine, above: float) -> bool:
    left, right = item.span
    reach = SETTINGS.rule_reach * (right - left)
    return any(
        above - SETTINGS.rule_slop_pt <= rule.y <= item.line.top + SETTINGS.rule_slop_pt
        and rule.x0 <= left + reach
        and rule.x1 >= right - reach
        for rule in item.rules
    )


def _within_page(item: ThemeLine, before: ThemeLine, leading: float) -> bool:
    """A rule across the theme column, or a gap clearly wider than the leading of one
    cell, separates two cells; the normal leading continues one."""
    gap = item.line.top - before.line.bottom
    return (
        _ruled_between(item, before.line.bottom)
        or gap > leading + SETTINGS.cell_gap * item.line.size
    )


def _first_on_page(item: ThemeLine, before: ThemeLine | None) -> bool | None:
    """The first theme line of a page, in a top-aligned table (text at the top of its
    cell, cells starting beside a row).

    A cell continued from the previous page resumes at the very top of the body, so a
    line with body text above it starts a new cell, and a line with no row beside it
    continues one. A line beside a row at the top starts a new cell when the last theme
    text before it stopped with rows still printed below it (the cell had room for more
    text, so its text was complete); if that text filled its page to the end, nothing
    shows whether the name goes on, and None leaves it to the grammar.
    """
    size = item.line.size
    if item.body[0] < item.line.top - SETTINGS.same_line * size:
        return True if _aligned(item) else None
    if not _aligned(item):
        return False
    if before is None or before.page < item.page - 1:
        return True
    return before.body[1] - before.line.bottom >= SETTINGS.room_left * size or None


def theme_starts(items: Sequence[ThemeLine]) -> list[bool | None]:
    """For each theme-column line in reading order: does a new theme cell start here?

    Within a page, spacing and rules decide (`_within_page`). At a page top, only a
    table whose cells are seen to be top-aligned gives an answer (`_first_on_page`);
    otherwise the answer is None and the theme-name grammar decides.
    """
    gaps = [
        b.line.top - a.line.bottom
        for a, b in itertools.pairwise(items)
        if a.page == b.page and b.line.top - a.line.bottom < b.line.size
    ]
    leading = statistics.median(gaps) if gaps else 0.0
    out: list[bool | None] = [
        _within_page(item, items[i - 1], leading) if i and items[i - 1].page == item.page else None
        for i, item in enumerate(items)
    ]
    decided = [item for item, starts in zip(items, out, strict=True) if starts]
    if not decided or sum(map(_aligned, decided)) < SETTINGS.top_aligned_share * len(decided):
        return out
    for i, item in enumerate(items):
        if out[i] is None:
            out[i] = _first_on_page(item, items[i - 1] if i else None)
    return out

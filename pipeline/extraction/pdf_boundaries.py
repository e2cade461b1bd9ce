"""Row groups as a page's reading gives them, and why each boundary stands.

A group is one page's part of a theme: its rows and the name beside them. Each boundary
between two named groups says what decided it (a rule, a gap, the report order, the
alignment), and where moving it by some rows would fit as well, it carries a finding: the
page cannot settle it, and the output says so rather than guess silently.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from pipeline.extraction.pdf_evidence import (
    INF,
    Alignment,
    Block,
    PageFrame,
    carried_cost,
    gap_penalty,
    misfit,
)
from pipeline.settings import SETTINGS


@dataclass
class Group:
    """One page's part of a row group: rows [start, end) and the block beside them."""

    start: int
    end: int
    block: Block | None
    # Why a group starts here: rule, gap, alignment, page (first on its page).
    reason: str
    finding: str | None = None
    # The layout cannot tell whether the block starts a theme or continues the one above:
    # the theme-name grammar decides (see `split_tight`).
    grammar: bool = False


@dataclass
class PageGroups:
    page: int
    groups: list[Group] = field(default_factory=list)
    cost: float = 0.0
    # The theme name printed again at the top of the page (not a cell of its own).
    repeat: Block | None = None


def give_reasons(
    frame: PageFrame, result: PageGroups, align: Alignment, usual: float, wide: Sequence[bool]
) -> None:
    """Say what decided each boundary between two groups with blocks, and flag the ones
    where moving the boundary by some rows fits as well (a finding, not a silent guess)."""
    rows = frame.rows
    first = next((group for group in result.groups if group.block is not None), None)
    if not frame.first and first is not None and first.end > first.start:
        _continued_reason(frame, first, align, wide)
    for before, after in itertools.pairwise(result.groups):
        k = after.start
        if after is first:
            continue
        if before.block is None or after.block is None or not 0 < k < after.end:
            if after.start == after.end:
                after.reason = "below last row"
            continue
        if rows[k].top - rows[k - 1].bottom > usual + SETTINGS.group_gap * frame.size:
            after.reason = "gap"
        elif frame.descents[k - 1]:
            after.reason = "order"
        here = _pair_cost(frame, before, after, k, align, wide)
        for other in range(before.start + 1, after.end):
            if other == k:
                continue
            cost = _pair_cost(frame, before, after, other, align, wide)
            if cost <= here + SETTINGS.ambiguity_margin:
                after.finding = (
                    f"the theme boundary could also be {abs(other - k)} row(s) "
                    f"{'later' if other > k else 'earlier'}: read by {after.reason}"
                )
                break


def _continued_reason(
    frame: PageFrame, after: Group, align: Alignment, wide: Sequence[bool]
) -> None:
    """The first name on a page after the first, and where its rows start: rows above it
    may continue the previous page's theme. Where a name may stand beside its group's
    last rows (bottom or middle alignment), the rows at the page top could as well be
    either, unless a gap, a rule or the report order says where the boundary is."""
    block = after.block
    assert block is not None

    def cost(k: int) -> float:
        miss = misfit(block, frame.rows, k, after.end, align)
        if miss == INF:
            return INF
        head = carried_cost(frame) + gap_penalty(frame, wide, 0, k) if k else 0.0
        return head + min(miss, SETTINGS.misfit_cap) + gap_penalty(frame, wide, k, after.end, block)

    k = after.start
    if k and wide[k - 1]:
        after.reason = "gap"
    elif k and frame.descents[k - 1]:
        after.reason = "order"
    here = cost(k)
    for other in range(after.end):
        if other != k and cost(other) <= here + SETTINGS.ambiguity_margin:
            after.finding = (
                f"the theme boundary could also be {abs(other - k)} row(s) "
                f"{'later' if other > k else 'earlier'}: read by {after.reason}"
            )
            break


def _pair_cost(
    frame: PageFrame, before: Group, after: Group, k: int, align: Alignment, wide: Sequence[bool]
) -> float:
    assert before.block is not None
    assert after.block is not None
    one = misfit(before.block, frame.rows, before.start, k, align)
    two = misfit(after.block, frame.rows, k, after.end, align)
    return (
        min(one, SETTINGS.misfit_cap)
        + min(two, SETTINGS.misfit_cap)
        + gap_penalty(frame, wide, before.start, k, before.block)
        + gap_penalty(frame, wide, k, after.end, after.block)
        + (0.0 if one < INF and two < INF else INF)
    )

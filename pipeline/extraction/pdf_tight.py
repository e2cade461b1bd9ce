"""Tight tables: rows set as close as the lines of one cell, with no rule between groups.

There the spacing cannot tell where one theme's name ends and the next one's starts; only
the rows a name stands beside and what the name says can. `settle_tight` moves a boundary
between two named groups where the names cut out of the blocks clearly fit better;
`split_tight` cuts a block where a line stands level with a row and both halves sit in
their rows, leaving the decision to the theme-name grammar (and a finding where the page
cannot settle it). `read_groups` runs both after fitting the pages (`pdf_groups`).
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence

from pipeline.extraction.pdf_body import ColumnLine
from pipeline.extraction.pdf_boundaries import Group, PageGroups
from pipeline.extraction.pdf_evidence import (
    INF,
    Alignment,
    Block,
    PageFrame,
    Row,
    cell_slack,
    gap_penalty,
    misfit,
    wide_gaps,
)
from pipeline.settings import SETTINGS


def is_tight(frames: Sequence[PageFrame], leading: float, usual: float, ruled: bool) -> bool:
    """Whether rows follow each other as closely as the lines of one cell (no padding, no
    rule between groups): then a name that runs on to the next name's first row cannot be
    told from one cell by spacing, only by what it says."""
    sizes = [frame.size for frame in frames if frame.rows]
    if ruled or not sizes:
        return False
    return usual <= leading + cell_slack(statistics.median(sizes))


# Why a name standing level with a row is read as one name (`split_tight`).
_LEVEL = (
    "the theme boundary could also be {} row(s) later: a line of the name stands level "
    "with that row, but the name read as two does not sit in its rows as the others do"
)


_Piece = tuple[int, list[ColumnLine]]


def _cut(
    rows: Sequence[Row], start: int, end: int, block: Block, align: Alignment
) -> tuple[list[_Piece], dict[int, str], float]:
    """A tight group's block cut at every line level with the top of a row other than the
    first, where both sides sit in their rows as the document's alignment puts them (a
    centred name is not cut into two uncentred halves). Where a cut does not stand, the
    name is read as one and the row it might start at is named in a finding: the layout
    could not settle it. Also returns how far the pieces stand from their places (capped
    misfits, as the fitter counts them). Rows and lines are both in order, so one pass."""
    k = start + 1
    pieces: list[_Piece] = [(start, [])]
    for line in block.lines:
        tol = SETTINGS.tight_level * line.size
        while k < end and rows[k].top < line.top - tol:
            k += 1
        if pieces[-1][1] and k < end and abs(rows[k].top - line.top) <= tol:
            pieces.append((k, []))
        pieces[-1][1].append(line)
    kept = pieces[:1]
    doubts: dict[int, str] = {}
    for n, (first, lines) in enumerate(pieces[1:], start=1):
        last = pieces[n + 1][0] if n + 1 < len(pieces) else end
        before = Block(tuple(kept[-1][1]))
        if (
            max(
                misfit(before, rows, kept[-1][0], first, align),
                misfit(Block(tuple(lines)), rows, first, last, align),
            )
            <= SETTINGS.same_line
        ):
            kept.append((first, lines))
        else:
            doubts.setdefault(kept[-1][0], _LEVEL.format(first - kept[-1][0]))
            kept[-1][1].extend(lines)
    ends = [first for first, _ in kept[1:]] + [end]
    cost = sum(
        min(misfit(Block(tuple(lines)), rows, first, last, align), SETTINGS.misfit_cap)
        for (first, lines), last in zip(kept, ends, strict=True)
    )
    return kept, doubts, cost


def _tight_cost(
    frame: PageFrame, wide: Sequence[bool], start: int, end: int, block: Block, align: Alignment
) -> float:
    """What a group of a tight table costs once its block is cut into names (`_cut`)."""
    if end - start < 2:
        cost = min(misfit(block, frame.rows, start, end, align), SETTINGS.misfit_cap)
    else:
        cost = _cut(frame.rows, start, end, block, align)[2]
    return cost + gap_penalty(frame, wide, start, end, block)


def settle_tight(frame: PageFrame, page: PageGroups, align: Alignment, usual: float) -> None:
    """In a tight table a block may hold several names (nothing in the spacing parts
    them), so the fitter weighs a boundary by a block that is not one cell and may give
    a group a row of the next. Weigh each boundary between two groups with blocks again
    by the names cut out of them, and move it where that reading is clearly the best of
    all (by `ambiguity_margin`); where none is, the boundary stays as fitted. The rest of
    a name at a page top that the fitter gave no row (the page's first rows go back in
    report order, say) keeps none: its boundary cannot be weighed against itself."""
    wide = wide_gaps(frame, usual)
    margin = SETTINGS.ambiguity_margin
    for before, after in itertools.pairwise(page.groups):
        if before.block is None or after.block is None or before.end != after.start:
            continue
        if before.start == before.end:
            continue
        one, two = before.block, after.block
        costs: dict[int, float] = {}
        for k in range(before.start + 1, after.end):
            if (
                misfit(one, frame.rows, before.start, k, align) < INF
                and misfit(two, frame.rows, k, after.end, align) < INF
            ):
                costs[k] = _tight_cost(frame, wide, before.start, k, one, align) + _tight_cost(
                    frame, wide, k, after.end, two, align
                )
        here = costs.get(after.start, INF)
        if not costs:
            continue
        k = min(costs, key=lambda k: (costs[k], k))
        rivals = [c for other, c in costs.items() if other != k]
        if costs[k] < here - margin and all(c > costs[k] + margin for c in rivals):
            before.end = after.start = k
            after.reason, after.finding = "alignment", None


def split_tight(frame: PageFrame, page: PageGroups, align: Alignment) -> None:
    """In a tight table, cut each block at every line that stands level with the top of
    a row of its group other than the first (where another name could start), leaving the
    cut to the theme-name grammar (`_cut`)."""
    rows = frame.rows
    out: list[Group] = []
    groups = _split_rest(rows, page.groups, align)
    for group in groups:
        if group.block is None or group.end - group.start < 2:
            out.append(group)
            continue
        pieces, doubts, _ = _cut(rows, group.start, group.end, group.block, align)
        ends = [start for start, _ in pieces[1:]] + [group.end]
        for n, ((start, lines), end) in enumerate(zip(pieces, ends, strict=True)):
            if n == 0:
                finding = group.finding or doubts.get(start)
                block = Block(tuple(lines))
                out.append(Group(start, end, block, group.reason, finding, group.grammar))
            else:
                block = Block(tuple(lines))
                out.append(Group(start, end, block, "grammar", doubts.get(start), grammar=True))
    page.groups = out


def _split_rest(rows: Sequence[Row], groups: list[Group], align: Alignment) -> list[Group]:
    """The rest of the name above, at a page top, beside the rows going on: cut at its
    first line (not its first) level with the top of one of those rows, where the lines
    from there sit in the rows from there as the document's alignment puts them: another
    name may start there (the rest and the next name run on at one pitch), and the
    theme-name grammar decides, as for `_cut`."""
    if len(groups) < 2:
        return groups
    lead, going = groups[0], groups[1]
    if lead.block is None or lead.end != 0 or going.block is not None or going.end < 2:
        return groups
    lines = lead.block.lines
    for n, line in enumerate(lines[1:], start=1):
        tol = SETTINGS.tight_level * line.size
        k = next((k for k in range(1, going.end) if abs(rows[k].top - line.top) <= tol), None)
        if k is None:
            continue
        name = Block(tuple(lines[n:]))
        if misfit(name, rows, k, going.end, align) > SETTINGS.same_line:
            continue
        return [
            Group(0, 0, Block(tuple(lines[:n])), lead.reason, lead.finding, lead.grammar),
            Group(0, k, None, going.reason, going.finding, going.grammar),
            Group(k, going.end, name, "grammar", None, grammar=True),
            *groups[2:],
        ]
    return groups

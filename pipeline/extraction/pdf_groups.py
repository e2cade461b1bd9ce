"""Which rows share a theme cell: the table's row groups, read from every piece of evidence.

A theme cell spans the rows of its group; its name may stand beside the first rows
(top-aligned), the middle ones or the last ones, and a group may run over a page break.
The evidence, strongest first:

1. rules and cell borders: when the document draws a stroke (or a shading edge) across
   the theme column between groups and never through a theme cell, those strokes are the
   boundaries (`ruled`);
2. whitespace: a gap between two rows clearly wider than the gap between the rows of one
   group ends a group, and theme lines further apart than the cell leading are two cells;
3. the alignment of each theme block within its group, inferred once for the document
   (top, middle or bottom: one style, not a per-theme choice) by fitting every page under
   each hypothesis and keeping the best;
4. at a page top, the name repeated (with or without a continuation mark) continues the
   theme; anything else is left to the theme-name grammar in `reassemble`.

Each page is fitted by a dynamic programme over (block, first row) whose transitions are
pruned to the rows beside a block, so the work grows linearly with the number of lines.
Every boundary records the evidence that decided it; where another reading fits as well,
the boundary carries a finding instead of a silent guess.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from pipeline.extraction.pdf_layout import ColumnLine, Rule
from pipeline.patterns import label_key
from pipeline.settings import SETTINGS

Alignment = Literal["top", "middle", "bottom"]
ALIGNMENTS: tuple[Alignment, ...] = ("top", "middle", "bottom")
INF = float("inf")


@dataclass
class Row:
    """One table row on one page: its report-symbol line and everything printed beside or
    under it up to the next symbol (the theme column excepted)."""

    top: float
    bottom: float


@dataclass(frozen=True)
class Block:
    """Theme-column lines printed as one run (one cell, or one page's part of it).

    Its lines are a tuple and its bottom is measured once: the fitter asks for it for
    every pair of rows it weighs."""

    lines: tuple[ColumnLine, ...]
    bottom: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "bottom", max(line.bottom for line in self.lines))

    @property
    def top(self) -> float:
        return self.lines[0].top

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)


@dataclass(frozen=True)
class PageFrame:
    """What group inference needs from one page of the table body."""

    page: int
    rows: tuple[Row, ...]
    themes: tuple[ColumnLine, ...]
    rules: tuple[Rule, ...]
    # The theme column's horizontal extent, for rules that cross it.
    span: tuple[float, float]
    size: float
    # The first page of the table (no group can continue from an earlier page).
    first: bool


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


# --- evidence ------------------------------------------------------------------------------


def _crosses(rule: Rule, span: tuple[float, float]) -> bool:
    left, right = span
    reach = SETTINGS.rule_reach * (right - left)
    return rule.x0 <= left + reach and rule.x1 >= right - reach


def _rule_between(frame: PageFrame, above: float, below: float, descent: bool = True) -> bool:
    """Whether a rule across the theme column lies between a line ending at `above` and
    one starting at `below`; with `descent`, also through the descenders of the upper
    line (`rule_descent`)."""
    slop = SETTINGS.rule_slop_pt
    low = above - slop - (SETTINGS.rule_descent * frame.size if descent else 0.0)
    return any(low <= rule.y <= below + slop and _crosses(rule, frame.span) for rule in frame.rules)


def theme_leading(frames: Sequence[PageFrame]) -> float:
    """The usual gap between two lines of one theme cell (the median, as most consecutive
    theme lines are in one cell)."""
    gaps = [
        b.top - a.bottom
        for frame in frames
        for a, b in itertools.pairwise(frame.themes)
        if b.top - a.bottom < b.size
    ]
    return statistics.median(gaps) if gaps else 0.0


def row_gap(frames: Sequence[PageFrame]) -> float:
    """The usual gap between two rows (most consecutive rows share a group)."""
    gaps = [b.top - a.bottom for frame in frames for a, b in itertools.pairwise(frame.rows)]
    return statistics.median(gaps) if gaps else 0.0


def blocks(frame: PageFrame, leading: float, ruled: bool) -> list[Block]:
    """Theme lines cut into cells: a line further from the one above than the cell leading
    (by more than `block_gap`), or a rule between them, starts another block."""
    out: list[Block] = []
    for line in frame.themes:
        if out:
            before = out[-1].lines[-1]
            gap = line.top - before.bottom
            apart = gap > leading + SETTINGS.block_gap * line.size
            if not apart and not (ruled and _rule_between(frame, before.bottom, line.top)):
                out[-1] = Block((*out[-1].lines, line))
                continue
        out.append(Block((line,)))
    return out


def is_ruled(frames: Sequence[PageFrame], leading: float) -> bool:
    """Whether the document draws a stroke across the theme column between row groups:
    some rule crosses it between two rows, and none crosses a theme cell's text (in the
    gap between two of its lines: a rule through the descenders of a line that abuts the
    next is a cell border set on the last baseline, as between two rows)."""
    between = False
    for frame in frames:
        for a, b in itertools.pairwise(frame.rows):
            if _rule_between(frame, a.bottom, b.top):
                between = True
                break
        for block in blocks(frame, leading, ruled=False):
            for upper, lower in itertools.pairwise(block.lines):
                if _rule_between(frame, upper.bottom, lower.top, descent=False):
                    return False
    return between


# --- fitting one page ----------------------------------------------------------------------


def misfit(
    block: Block,
    rows: Sequence[Row],
    start: int,
    end: int,
    align: Alignment,
    bottom: float | None = None,
) -> float:
    """How far (in font sizes) the block stands from where `align` puts it beside rows
    [start, end), or infinity if it lies outside the group's rows. `bottom` is the
    lowest bottom of those rows, when the caller keeps it as it extends a group."""
    first = rows[start]
    size = block.lines[0].size
    tol = SETTINGS.same_line * size
    if block.top < first.top - tol or (end < len(rows) and block.bottom > rows[end].top + tol):
        return INF
    if bottom is None:
        bottom = max(row.bottom for row in rows[start:end])
    if align == "top" or block.bottom - block.top > bottom - first.top + tol:
        miss = block.top - first.top  # a block taller than its rows fills the cell
    elif align == "middle":
        miss = (block.top + block.bottom) / 2 - (first.top + bottom) / 2
    else:
        miss = block.bottom - bottom
    return abs(miss) / size


def wide_gaps(frame: PageFrame, usual: float) -> list[bool]:
    """For each row but the last, whether the gap under it is as wide as a gap between
    groups, or a rule crosses it (computed once per page, not once per reading weighed)."""
    wide = SETTINGS.group_gap * frame.size
    return [
        b.top - a.bottom > usual + wide or _rule_between(frame, a.bottom, b.top)
        for a, b in itertools.pairwise(frame.rows)
    ]


def _runs_beside(frame: PageFrame, block: Block | None, k: int) -> bool:
    """Whether the block's text runs on below row k (so the gap under it is stretched)."""
    return (
        block is not None and block.bottom > frame.rows[k].bottom + SETTINGS.same_line * frame.size
    )


def gap_penalty(
    frame: PageFrame, wide: Sequence[bool], start: int, end: int, block: Block | None = None
) -> float:
    """A gap inside a group as wide as a gap between groups counts against the group,
    unless the group's theme text runs on beside it (a row stretched by a tall name).
    `wide` is the page's `wide_gaps`."""
    count = sum(1 for k in range(start, end - 1) if wide[k] and not _runs_beside(frame, block, k))
    return count * SETTINGS.wide_gap_cost


def squash(text: str) -> str:
    """A theme name as compared for repeats: no case, accents or spaces."""
    return label_key(text).replace(" ", "")


def find_repeat(
    frame: PageFrame, found: list[Block], previous: str | None, marks: Sequence[str]
) -> Block | None:
    """The first block of a page when it only repeats a theme name: it carries a
    continuation mark ("(suite)"), or it says what the last block of the previous page
    said (the name printed beside the group's first rows), or what the next block on this
    page says (the name printed again above a name placed lower in its cell)."""
    if frame.first or not found or not frame.rows:
        return None
    block = found[0]
    if block.top > frame.rows[0].bottom:
        return None
    key = squash(block.text)
    bare = key
    for mark in (squash(m) for m in marks):
        bare = bare.removesuffix(mark).removeprefix(mark)
    if not bare or bare != key:
        return block
    after = squash(found[1].text) if len(found) > 1 else None
    return block if key in (previous and squash(previous), after) else None


def fit_page(
    frame: PageFrame,
    align: Alignment,
    leading: float,
    usual: float,
    ruled: bool,
    found: list[Block] | None = None,
    repeat: Block | None = None,
) -> PageGroups:
    """The cheapest reading of one page as groups, each with at most one block.

    Only the first group (continuing from the previous page) and the last (its name on
    the next page) may have no block; a block above every row continues the previous
    page's theme. With `ruled`, rules fix the boundaries and the blocks are placed by
    position."""
    rows = frame.rows
    found = list(blocks(frame, leading, ruled) if found is None else found)
    n = len(rows)
    lead: list[Block] = []
    tol = SETTINGS.same_line * frame.size
    while found and n and found[0].bottom <= rows[0].top + tol and found[0].top < rows[0].top - tol:
        lead.append(found.pop(0))
    if not n:
        lead, found = lead + found, []
    result = (
        _ruled_groups(frame, found, align) if ruled else _fit(frame, found, align, usual, repeat)
    )
    if lead:
        merged = Block(tuple(line for block in lead for line in block.lines))
        result.groups.insert(0, Group(0, 0, merged, "page"))
    return result


def _ruled_groups(frame: PageFrame, found: list[Block], align: Alignment) -> PageGroups:
    """Groups cut by the rules across the theme column; rows and blocks fall between them.
    A block below the last row, past a rule, is a theme whose rows start on the next page."""
    rows = frame.rows
    cuts = sorted(
        rule.y
        for rule in frame.rules
        if _crosses(rule, frame.span) and rows and rule.y > rows[0].top + SETTINGS.rule_slop_pt
    )

    def segment(y: float) -> int:
        return sum(1 for cut in cuts if cut <= y + SETTINGS.rule_slop_pt)

    members: dict[int, tuple[list[int], list[Block]]] = {}
    for k, row in enumerate(rows):
        members.setdefault(segment(row.top), ([], []))[0].append(k)
    for block in found:
        members.setdefault(segment(block.top), ([], []))[1].append(block)
    result = PageGroups(frame.page)
    start = 0
    for index in sorted(members):
        ks, bs = members[index]
        end = ks[-1] + 1 if ks else start
        joined = Block(tuple(line for b in bs for line in b.lines)) if bs else None
        result.groups.append(Group(start, end, joined, "rule" if result.groups else "page"))
        if joined is not None and end > start:
            miss = misfit(joined, rows, start, end, align)
            result.cost += min(miss, SETTINGS.misfit_cap)
        start = end
    return result


def _fit(
    frame: PageFrame, found: list[Block], align: Alignment, usual: float, repeat: Block | None
) -> PageGroups:
    rows = frame.rows
    n, m = len(rows), len(found)
    wide = wide_gaps(frame, usual)
    # best[b][i]: cost of reading rows [0, i) with blocks [0, b); back[b][i] the choice.
    best = [[INF] * (n + 1) for _ in range(m + 1)]
    back: list[list[int]] = [[-1] * (n + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    if not frame.first:
        for i in range(1, n + 1):
            # A name repeated beside the first rows stretches them like any name.
            gaps = gap_penalty(frame, wide, 0, i, repeat)
            best[0][i] = SETTINGS.blockless_cost + gaps
            back[0][i] = 0
    for b, block in enumerate(found):
        limit = found[b + 1].top + SETTINGS.same_line * frame.size if b + 1 < m else INF
        for i in range(n):
            if (
                best[b][i] == INF
                or rows[i].top > block.top + SETTINGS.same_line * block.lines[0].size
            ):
                continue
            # The group [i, j) grows a row at a time: its lowest bottom and its wide gaps
            # are carried along rather than counted again.
            bottom, count = rows[i].bottom, 0
            for j in range(i + 1, n + 1):
                if rows[j - 1].top > limit:
                    break
                if j - 1 > i:
                    bottom = max(bottom, rows[j - 1].bottom)
                    if wide[j - 2] and not _runs_beside(frame, block, j - 2):
                        count += 1
                miss = misfit(block, rows, i, j, align, bottom)
                if miss == INF:
                    continue
                gaps = count * SETTINGS.wide_gap_cost
                cost = best[b][i] + min(miss, SETTINGS.misfit_cap) + gaps
                if cost < best[b + 1][j]:
                    best[b + 1][j], back[b + 1][j] = cost, i
    # A last block below every row is a theme whose rows start on the next page.
    if (
        m
        and n
        and found[-1].top >= rows[-1].bottom
        and best[m - 1][n] + SETTINGS.blockless_cost < best[m][n]
    ):
        best[m][n], back[m][n] = best[m - 1][n] + SETTINGS.blockless_cost, n
    # The rows after the last block may form a last group whose name is on the next page.
    end, total = n, best[m][n]
    for i in range(n):
        tail = best[m][i] + SETTINGS.blockless_cost + gap_penalty(frame, wide, i, n)
        if tail < total:
            end, total = i, tail
    result = PageGroups(frame.page, cost=total)
    if total == INF:
        # Nothing fits (a producer's own quirk): one block per group, in order, by position.
        return _by_position(frame, found)
    if end < n:
        result.groups.append(Group(end, n, None, "alignment"))
    j = end
    for b in range(m, 0, -1):
        i = back[b][j]
        result.groups.append(Group(i, j, found[b - 1], "alignment"))
        j = i
    if j > 0:
        result.groups.append(Group(0, j, None, "page"))
    result.groups.reverse()
    _reasons(frame, result, align, usual, wide)
    return result


def _by_position(frame: PageFrame, found: list[Block]) -> PageGroups:
    rows = frame.rows
    # Costlier than any fitted reading, so that an alignment under which pages do not fit
    # loses to one under which they do.
    result = PageGroups(frame.page, cost=10 * SETTINGS.misfit_cap * (len(found) + 1))
    starts: list[int] = []
    for block in found:
        k = min(range(len(rows)), key=lambda k: abs(rows[k].top - block.top)) if rows else 0
        if not starts or k > starts[-1]:
            starts.append(k)
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    bounds = [*starts, len(rows)]
    for start, end in itertools.pairwise(bounds):
        result.groups.append(Group(start, end, None, "position", "no reading of the page fits"))
    for block in found:
        middle = (block.top + block.bottom) / 2
        index = max(
            (i for i, s in enumerate(starts) if rows[s].top <= middle + frame.size), default=0
        )
        group = result.groups[index]
        lines = group.block.lines if group.block else ()
        group.block = Block((*lines, *block.lines))
    return result


def _reasons(
    frame: PageFrame, result: PageGroups, align: Alignment, usual: float, wide: Sequence[bool]
) -> None:
    """Say what decided each boundary between two groups with blocks, and flag the ones
    where moving the boundary by some rows fits as well (a finding, not a silent guess)."""
    rows = frame.rows
    for before, after in itertools.pairwise(result.groups):
        k = after.start
        if before.block is None or after.block is None or not 0 < k < after.end:
            if after.start == after.end:
                after.reason = "below last row"
            continue
        if rows[k].top - rows[k - 1].bottom > usual + SETTINGS.group_gap * frame.size:
            after.reason = "gap"
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


# --- the document --------------------------------------------------------------------------


@dataclass
class Reading:
    alignment: Alignment
    ruled: bool
    pages: list[PageGroups]
    # Rows set as close as the lines of a cell, with no rule between groups.
    tight: bool = False


def read_groups(frames: Sequence[PageFrame], marks: Sequence[str] = ()) -> Reading:
    """Fit every page under each alignment and keep the alignment that fits the document
    best (ties go to the first of top, middle, bottom). `marks` are the language's
    continuation marks, for names repeated at a page top."""
    leading = theme_leading(frames)
    usual = row_gap(frames)
    ruled = is_ruled(frames, leading)
    found = [blocks(frame, leading, ruled) for frame in frames]
    repeats: list[Block | None] = []
    for i, frame in enumerate(frames):
        previous = found[i - 1][-1].text if i and found[i - 1] else None
        repeats.append(find_repeat(frame, found[i], previous, marks))
    best: Reading | None = None
    best_cost = INF
    for align in ALIGNMENTS:
        pages = []
        for frame, page_blocks, repeat in zip(frames, found, repeats, strict=True):
            kept = [block for block in page_blocks if block is not repeat]
            page = fit_page(frame, align, leading, usual, ruled, kept, repeat)
            page.repeat = repeat
            pages.append(page)
        cost = sum(page.cost for page in pages)
        if cost < best_cost - 1e-6:
            best, best_cost = Reading(align, ruled, pages), cost
    assert best is not None
    # Imported here: the tight-table passes build on this module's groups and costs.
    from pipeline.extraction.pdf_tight import is_tight, settle_tight, split_tight

    if is_tight(frames, leading, usual, ruled):
        best.tight = True
        for frame, page in zip(frames, best.pages, strict=True):
            settle_tight(frame, page, best.alignment, usual)
            split_tight(frame, page, best.alignment)
    return best

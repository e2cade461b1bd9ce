"""What a page shows about its row groups, measured once: rows and theme blocks, rules
across the theme column, gaps, the report order, a name repeated at the page top.

`pdf_groups` weighs this evidence into a reading; the measures live here, apart from
the weighing, so that each can be tested on a page built by hand.
"""

from __future__ import annotations

import bisect
import itertools
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from pipeline.extraction.pdf_bidi import Brackets
from pipeline.extraction.pdf_body import ColumnLine
from pipeline.extraction.pdf_layout import Rule
from pipeline.patterns import SymbolKey, goes_back, label_key
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
    # The report symbol's sort key (`symbol_key`); rows of one theme are listed in report
    # order, so a step down between two rows is a theme boundary.
    order: SymbolKey = ()


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
    # The report of the previous page's last row: rows at this page's top that go back
    # from it cannot continue its theme.
    previous: SymbolKey = ()
    # The report of the next page's first row (set by `read_groups`): when it goes back
    # from this page's last row, no theme runs on from this page to the next.
    following: SymbolKey = ()
    # A right-to-left edition's page, read mirrored: its texts stand in visual order
    # (`pdf_bidi`), their brackets stored as this says, so what a name says is read from
    # their logical order. None: a left-to-right page.
    mirrored: Brackets | None = None
    # For each row but the last: whether the next row's report sorts before it.
    descents: tuple[bool, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        steps = tuple(descends(a, b) for a, b in itertools.pairwise(self.rows))
        object.__setattr__(self, "descents", steps)


# --- evidence ------------------------------------------------------------------------------


def crosses(rule: Rule, span: tuple[float, float]) -> bool:
    left, right = span
    reach = SETTINGS.rule_reach * (right - left)
    return rule.x0 <= left + reach and rule.x1 >= right - reach


def rule_between(frame: PageFrame, above: float, below: float, descent: bool = True) -> bool:
    """Whether a rule across the theme column lies between a line ending at `above` and
    one starting at `below`; with `descent`, also through the descenders of the upper
    line (`rule_descent`)."""
    slop = SETTINGS.rule_slop_pt
    low = above - slop - (SETTINGS.rule_descent * frame.size if descent else 0.0)
    return any(low <= rule.y <= below + slop and crosses(rule, frame.span) for rule in frame.rules)


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


def cell_slack(size: float) -> float:
    """How much wider than the cell leading a gap between two lines of one cell may be."""
    return max(SETTINGS.block_gap * size, SETTINGS.block_gap_pt)


def overlaps(upper: ColumnLine, lower: ColumnLine) -> bool:
    """Whether two lines of one column are printed over each other: they share more than
    `overprint` of the size in height (the lines of one cell, even at the tightest
    leading, share a sliver) and some width."""
    shared = upper.bottom - lower.top
    wide = min(upper.x1, lower.x1) - max(upper.x0, lower.x0)
    return shared > SETTINGS.overprint * lower.size and wide > 0


def blocks(frame: PageFrame, leading: float, ruled: bool) -> list[Block]:
    """Theme lines cut into cells: a line further from the one above than the cell leading
    (by more than `cell_slack`), or a rule between them, starts another block. So does a
    line set over the one above, closer than the leading (by as much): two
    cells, one painted over the other (a browser paints a split cell's overflow over the
    next cell). Where their lines interleave, such a line goes on the cell before when it
    stands a leading under that cell's last line, and so does a line painted over the next
    across the cell's bottom rule: of two lines painted over each other, the overflow is
    the one a leading under the cell above. And a line beside a row that goes back in
    report order from the row beside the line above (or from the previous page's last
    row) starts another block: a cell's lines never reach past its own group of rows,
    and a theme lists its reports in order, so the two lines are two names set with no
    gap between them. So does a line level with a row's top set closer to the line above
    than the block's own pitch (`_restarts`)."""

    def crowds(before: ColumnLine, line: ColumnLine) -> bool:
        # Boxes overlapping by more than `crowd` of the size, closer than the leading (a
        # median, which a few gaps between cells can raise; and a line with a glyph of a
        # taller font overlaps its neighbours by a sliver: neither is crowding).
        gap = line.top - before.bottom
        slack = max(cell_slack(line.size), SETTINGS.crowd * line.size)
        return gap < min(0.0, leading) - slack or overlaps(before, line)

    def follows(block: Block, line: ColumnLine, overflow: bool = False) -> bool:
        # An overflow is painted past its cell's border and beside rows not its own: no
        # rule or row parts it from its cell.
        before = block.lines[-1]
        return (
            line.top - before.bottom <= leading + cell_slack(line.size)
            and not crowds(before, line)
            and not (
                not overflow
                and (
                    (ruled and rule_between(frame, before.bottom, line.top))
                    or _across_descent(frame, tops, before, line, back)
                    or _restarts(tops, block, line)
                )
            )
        )

    def off_pitch(block: Block, line: ColumnLine) -> float:
        # How far a line stands from a leading under the block's last line.
        return abs(line.top - block.lines[-1].bottom - leading)

    tops = [row.top for row in frame.rows]
    back = goes_back_from_previous(frame)
    lines = frame.themes

    out: list[Block] = []
    for k, line in enumerate(lines):
        # Of two lines painted over each other, the one a leading under a cell's last
        # line is that cell's overflow; the other goes on (or starts) the next cell.
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        over_next = nxt is not None and crowds(line, nxt)
        over_last = bool(out) and crowds(out[-1].lines[-1], line)
        # Painted over the next line: this one is the last block's overflow, or the next
        # line is and this one is another cell's.
        overflow = other = False
        if out and nxt is not None and over_next:
            overflow = off_pitch(out[-1], line) < off_pitch(out[-1], nxt)
            other = not overflow
        if (
            len(out) > 1
            and (over_next or over_last)
            and off_pitch(out[-2], line) < off_pitch(out[-1], line)
            and follows(out[-2], line, overflow=True)
        ):
            out[-2] = Block((*out[-2].lines, line))
        elif out and not other and follows(out[-1], line, overflow):
            out[-1] = Block((*out[-1].lines, line))
        elif len(out) > 1 and over_last and follows(out[-2], line, overflow=True):
            out[-2] = Block((*out[-2].lines, line))
        else:
            out.append(Block((line,)))
    return out


def _restarts(tops: Sequence[float], block: Block, line: ColumnLine) -> bool:
    """Whether a line starts a cell beside a row after the block above: it stands level
    with the row's top and closer to the block's last line than the block's own lines
    stand to each other, by more than a baseline's jitter. The lines of one cell keep
    their pitch; a cell set right under the one above (no padding) starts level with its
    row, wherever the other's lines end. A block of one line shows no pitch (and the
    leading measured is no measure: where most names are one line, its median is the gap
    between cells). Each line stands where its words do (`_level`)."""
    if len(block.lines) < 2:
        return False
    top = _level(line)
    tol = SETTINGS.tight_level * line.size
    k = bisect.bisect_left(tops, top - tol)
    if not (k < len(tops) and abs(tops[k] - top) <= tol):
        return False
    last, before = _level(block.lines[-1]), _level(block.lines[-2])
    return top - last < last - before - SETTINGS.jitter * line.size


def _level(line: ColumnLine) -> float:
    """Where a line stands: the tops of its words of the common height. A word cut from
    a symbol it touched keeps the box of both, taller than its own letters: "et" from
    "etCTOC/COP/…" stands 2 pt higher than "(concepts" beside it."""
    low = min(w.bottom - w.top for w in line.words)
    tol = SETTINGS.jitter * line.size
    return statistics.median(w.top for w in line.words if w.bottom - w.top <= low + tol)


def _across_descent(
    frame: PageFrame,
    tops: Sequence[float],
    upper: ColumnLine,
    lower: ColumnLine,
    back: bool = False,
) -> bool:
    """Whether the rows beside two theme lines (the last row starting at or above each
    line's top, give or take a baseline's jitter) have a step back in report order
    between them. A line a little above a row's top is not beside it: Writer sets the
    rest of a name split by a page break past the foot of its only row there. With
    `back` (the first row goes back from the previous page's last), a line above every
    row and one level with the first or below have that step between them: above by more
    than half a jitter, as the next name's first line stands level with its row to a
    tenth, and Writer sets the rest of the name above a padding higher (a point for 1 pt
    of padding)."""
    tol = SETTINGS.jitter * lower.size
    if back and tops and upper.top < tops[0] - tol / 2 <= lower.top:
        return True
    first = bisect.bisect_right(tops, upper.top + tol) - 1
    last = bisect.bisect_right(tops, lower.top + tol) - 1
    return any(frame.descents[max(first, 0) : max(last, 0)])


def is_ruled(frames: Sequence[PageFrame]) -> bool:
    """Whether the rules across the theme column mark the row groups: some gap between two
    rows is crossed by one and some is not. Rules under every row (drawn through the theme
    names) or under none say nothing about groups. Rules between theme lines do not count
    against it: with no cell padding two one-line names sit as close as the lines of one
    name, and only the rule tells them apart."""
    crossed = plain = False
    for frame in frames:
        for a, b in itertools.pairwise(frame.rows):
            if rule_between(frame, a.bottom, b.top):
                crossed = True
            else:
                plain = True
            if crossed and plain:
                return True
    return False


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
        b.top - a.bottom > usual + wide or rule_between(frame, a.bottom, b.top)
        for a, b in itertools.pairwise(frame.rows)
    ]


def runs_beside(frame: PageFrame, block: Block | None, k: int) -> bool:
    """Whether the block's text runs on below row k (so the gap under it is stretched)."""
    return (
        block is not None and block.bottom > frame.rows[k].bottom + SETTINGS.same_line * frame.size
    )


def descends(upper: Row, lower: Row) -> bool:
    """Whether `lower`'s report sorts before (or with) `upper`'s (`goes_back`)."""
    return goes_back(upper.order, lower.order)


def goes_back_from_previous(frame: PageFrame) -> bool:
    """Whether the page's first row goes back in report order from the previous page's
    last row: it cannot go on with that row's theme."""
    return bool(frame.rows) and descends(Row(0.0, 0.0, frame.previous), frame.rows[0])


def ends_on_page(frame: PageFrame) -> bool:
    """Whether the next page's first row goes back in report order from this page's last
    row: the page's last theme ends on it, and no rows here wait for a name there."""
    return bool(frame.rows and frame.following) and descends(
        frame.rows[-1], Row(0.0, 0.0, frame.following)
    )


def carried_cost(frame: PageFrame) -> float:
    """What it costs to read the page's first rows as the previous page's theme going on:
    a row without a name beside it (`blockless_cost`), and one back in report order from
    the previous page's last row (`order_cost`)."""
    back = goes_back_from_previous(frame)
    return SETTINGS.blockless_cost + (SETTINGS.order_cost if back else 0.0)


def gap_penalty(
    frame: PageFrame, wide: Sequence[bool], start: int, end: int, block: Block | None = None
) -> float:
    """A gap inside a group as wide as a gap between groups counts against the group,
    unless the group's theme text runs on beside it (a row stretched by a tall name); so
    does a report sorting before the one above it. `wide` is the page's `wide_gaps`."""
    count = sum(1 for k in range(start, end - 1) if wide[k] and not runs_beside(frame, block, k))
    steps = sum(1 for k in range(start, end - 1) if frame.descents[k])
    return count * SETTINGS.wide_gap_cost + steps * SETTINGS.order_cost


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

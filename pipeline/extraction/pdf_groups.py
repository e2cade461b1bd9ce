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
Every boundary records the evidence that decided it (`pdf_boundaries`); where another
reading fits as well, the boundary carries a finding instead of a silent guess.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from pipeline.extraction.pdf_bidi import logical
from pipeline.extraction.pdf_boundaries import Group, PageGroups, give_reasons
from pipeline.extraction.pdf_evidence import (
    ALIGNMENTS,
    INF,
    Alignment,
    Block,
    PageFrame,
    blocks,
    carried_cost,
    crosses,
    descends,
    ends_on_page,
    find_repeat,
    gap_penalty,
    goes_back_from_previous,
    is_ruled,
    misfit,
    row_gap,
    runs_beside,
    theme_leading,
    wide_gaps,
)
from pipeline.extraction.pdf_shading import structural
from pipeline.patterns import closes_unopened
from pipeline.settings import SETTINGS

# --- fitting one page ----------------------------------------------------------------------


def fit_page(
    frame: PageFrame,
    align: Alignment,
    leading: float,
    usual: float,
    ruled: bool,
    found: list[Block] | None = None,
    repeat: Block | None = None,
    cannot_end: Callable[[str], bool] | None = None,
) -> PageGroups:
    """The cheapest reading of one page as groups, each with at most one block.

    Only the first group (continuing from the previous page) and the last (its name on
    the next page) may have no block; a block above every row, or level with the first
    and starting in lower case, continues the previous page's theme, and so does a block
    after such a rest that the rest cannot end before (`cannot_end`: "… dans le" /
    "Protocole", the language's open words). With `ruled`, rules fix the boundaries and
    the blocks are placed by position."""
    rows = frame.rows
    found = list(blocks(frame, leading, ruled) if found is None else found)
    n = len(rows)
    lead: list[Block] = []
    tol = SETTINGS.same_line * frame.size
    # A name above the first row goes on from the previous page; on a later page, so does
    # a name that merely starts above the first row's top and reaches beside it (a
    # browser sets the rest of a split cell without its top padding): no cell of this
    # page starts above its first row.
    while found and n:
        above = found[0].bottom <= rows[0].top + tol and found[0].top < rows[0].top - tol
        higher = found[0].top < rows[0].top - SETTINGS.tight_level * frame.size
        # The rest of a name split by the page break, wherever it stands beside the rows:
        # a browser sets it at the top of the cell's part, a word processor aligns it in
        # the part as it aligns the names. No name starts in lower case ("(concepts": its
        # first letter; a script without case gives no such sign), and none closes a
        # bracket it did not open ("Nations Unies et fonctions)").
        said = _said(frame, found[0])
        letter = next((c for c in said if c.isalpha()), "")
        rest = " ".join(_said(frame, block) for block in lead)
        goes_on = (
            letter.islower()
            or closes_unopened(said)
            or bool(lead and cannot_end is not None and cannot_end(rest))
        )
        if not (above or ((higher or goes_on) and not frame.first)):
            break
        # Where the first row goes back in report order from the previous page's last,
        # `blocks` has parted the rest of the name above from a name beside that row; a
        # line of the rest still beside it is the rest's overflow, painted over the name.
        lead.append(found.pop(0))
    if not n:
        lead, found = lead + found, []
    merged = Block(tuple(line for block in lead for line in block.lines)) if lead else None
    # The rest of a name stretches the rows going on beside it as a repeated name does.
    beside = repeat or merged
    if ruled:
        result = _ruled_groups(frame, found, align, usual)
    else:
        going_on = _beside_rest(frame, merged, found)
        result = _fit(frame, found, align, usual, beside, going_on)
        if going_on and any(g.reason == "position" for g in result.groups):
            # No reading keeps those rows with the rest: the rest reaches past them.
            result = _fit(frame, found, align, usual, beside)
    if merged is not None:
        result.groups.insert(0, Group(0, 0, merged, "page"))
    return result


def _beside_rest(frame: PageFrame, rest: Block | None, found: list[Block]) -> int:
    """How many of the page's first rows stand beside the rest of the name above, and so
    go on with its theme: the rows its lines reach, up to the first row a later name
    starts level with (a browser paints a rest's overflow over the next cell), and up
    to the first row that goes back in report order from the row above it (a theme
    lists its reports in order: a word processor's rest, taller than the one row left
    of its theme, reaches beside the next theme's first row). None where the first row
    goes back in report order: the theme above ends there."""
    if rest is None or goes_back_from_previous(frame):
        return 0
    rows = frame.rows
    tol = SETTINGS.same_line * frame.size
    reach = sum(1 for row in rows if row.top < rest.bottom - tol and row.bottom > rest.top + tol)
    level = SETTINGS.tight_level * frame.size
    starts = [
        k for k in range(1, len(rows)) if any(abs(b.top - rows[k].top) <= level for b in found)
    ]
    backs = [k for k in range(1, len(rows)) if descends(rows[k - 1], rows[k])]
    return min([reach, *starts, *backs])


def _said(frame: PageFrame, block: Block) -> str:
    """What a block's name says, in logical order (a mirrored page's lines are visual)."""
    if not frame.mirrored:
        return block.text
    return " ".join(logical(line.text, frame.mirrored) for line in block.lines)


def _ruled_groups(
    frame: PageFrame, found: list[Block], align: Alignment, usual: float
) -> PageGroups:
    """Groups cut by the rules across the theme column; rows and blocks fall between them.
    A block below the last row, past a rule, is a theme whose rows start on the next page.
    Rules mark boundaries but need not mark all of them (shading drawn only behind some
    cells): where two names stand apart between the same two rules, that stretch is
    fitted like a page of its own (`_split_segment`)."""
    rows = frame.rows
    cuts = sorted(
        rule.y
        for rule in frame.rules
        if crosses(rule, frame.span) and rows and rule.y > rows[0].top + SETTINGS.rule_slop_pt
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
        # Several names between two rules, a name whose first rows may go on from the
        # previous page, or rows that go back in report order (a rule that is not a
        # boundary, as a shading edge cut short by a page break): weigh the stretch as a
        # page of its own.
        back = any(frame.descents[start : max(start, end - 1)])
        carried = bool(bs) and ((not frame.first and start == 0) or back)
        split = (
            _split_segment(frame, bs, start, end, align, usual, back)
            if len(bs) > 1 or carried
            else None
        )
        if split is not None:
            split[0].reason = "rule" if result.groups else "page"
            result.groups.extend(split)
            start = end
            continue
        joined = Block(tuple(line for b in bs for line in b.lines)) if bs else None
        result.groups.append(Group(start, end, joined, "rule" if result.groups else "page"))
        if joined is not None and end > start:
            miss = misfit(joined, rows, start, end, align)
            result.cost += min(miss, SETTINGS.misfit_cap)
        start = end
    return result


def _split_segment(
    frame: PageFrame,
    found: list[Block],
    start: int,
    end: int,
    align: Alignment,
    usual: float,
    back: bool,
) -> list[Group] | None:
    """The groups of rows [start, end) between two rules when several names stand there,
    each beside rows of its own; None where the stretch does not show it, and the names
    are one cell. Each boundary the fit places must stand where the rows go back in
    report order, or between two names that both sit within `same_line` of where the
    document's alignment puts them. `back`: whether the stretch's rows go back in report
    order somewhere."""
    if end - start < len(found):
        return None
    # The stretch at the top of a page after the first may begin with rows that go on from
    # the previous page's theme, and a stretch whose rows go back in report order with
    # rows that go on from the stretch above.
    part = replace(
        frame,
        rows=frame.rows[start:end],
        first=frame.first if start == 0 else not back,
        previous=frame.previous if start == 0 else frame.rows[start - 1].order,
        rules=(),
    )
    fitted = _fit(part, found, align, usual, None, open_end=False)
    groups = [g for g in fitted.groups if g.block is not None or g.start > 0]
    if len(groups) != len(found) or any(g.block is None or g.end <= g.start for g in groups):
        return None
    groups = fitted.groups

    def placed(group: Group) -> bool:
        block = group.block
        return block is None or misfit(block, part.rows, group.start, group.end, align) <= (
            SETTINGS.same_line
        )

    for upper, lower in itertools.pairwise(groups):
        if not part.descents[lower.start - 1] and not (placed(upper) and placed(lower)):
            return None
    return [
        Group(g.start + start, g.end + start, g.block, g.reason, g.finding, g.grammar)
        for g in groups
    ]


def _fit(
    frame: PageFrame,
    found: list[Block],
    align: Alignment,
    usual: float,
    beside: Block | None,
    going_on: int = 0,
    open_end: bool = True,
) -> PageGroups:
    """The dynamic programme of `fit_page`. Without `open_end` (a stretch closed by a
    rule below) no last group may leave its name to the next page."""
    rows = frame.rows
    n, m = len(rows), len(found)
    wide = wide_gaps(frame, usual)
    # Whether the page's last rows may run on to the next page's (open, and not closed by
    # the next page opening back in report order).
    runs_on = open_end and not ends_on_page(frame)
    # best[b][i]: cost of reading rows [0, i) with blocks [0, b); back[b][i] the choice.
    best = [[INF] * (n + 1) for _ in range(m + 1)]
    back: list[list[int]] = [[-1] * (n + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    if not frame.first:
        for i in range(1, n + 1):
            # A name beside the first rows (repeated, or the rest of the name above)
            # stretches them like any name.
            gaps = gap_penalty(frame, wide, 0, i, beside)
            best[0][i] = carried_cost(frame) + gaps
            back[0][i] = 0
    for b, block in enumerate(found):
        limit = found[b + 1].top + SETTINGS.same_line * frame.size if b + 1 < m else INF
        for i in range(n):
            if (
                best[b][i] == INF
                or rows[i].top > block.top + SETTINGS.same_line * block.lines[0].size
                or (b == 0 and i < going_on)  # rows beside the rest above go on with it
            ):
                continue
            # The group [i, j) grows a row at a time: its lowest bottom and its wide gaps
            # are carried along rather than counted again.
            bottom, count, steps = rows[i].bottom, 0, 0
            for j in range(i + 1, n + 1):
                if rows[j - 1].top > limit:
                    break
                if j - 1 > i:
                    bottom = max(bottom, rows[j - 1].bottom)
                    if wide[j - 2] and not runs_beside(frame, block, j - 2):
                        count += 1
                    steps += frame.descents[j - 2]
                miss = misfit(block, rows, i, j, align, bottom)
                if j == n and runs_on and align != "top":
                    # A cell split by the page break: a word processor sets the text of
                    # its first part from the top, whatever the alignment.
                    miss = min(miss, misfit(block, rows, i, j, "top", bottom))
                if miss == INF:
                    continue
                gaps = count * SETTINGS.wide_gap_cost + steps * SETTINGS.order_cost
                cost = best[b][i] + min(miss, SETTINGS.misfit_cap) + gaps
                if cost < best[b + 1][j]:
                    best[b + 1][j], back[b + 1][j] = cost, i
    # A last block below every row is a theme whose rows start on the next page.
    if (
        open_end
        and m
        and n
        and found[-1].top >= rows[-1].bottom
        and best[m - 1][n] + SETTINGS.blockless_cost < best[m][n]
    ):
        best[m][n], back[m][n] = best[m - 1][n] + SETTINGS.blockless_cost, n
    # The rows after the last block may form a last group whose name is on the next page.
    end, total = n, best[m][n]
    # Rows whose name is on the next page run on there: not when its first row goes back.
    closed = SETTINGS.misfit_cap if ends_on_page(frame) else 0.0
    for i in range(n if open_end else 0):
        tail = best[m][i] + SETTINGS.blockless_cost + gap_penalty(frame, wide, i, n) + closed
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
    give_reasons(frame, result, align, usual, wide)
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


# --- the document --------------------------------------------------------------------------


@dataclass
class Reading:
    alignment: Alignment
    ruled: bool
    pages: list[PageGroups]
    # Rows set as close as the lines of a cell, with no rule between groups.
    tight: bool = False


def read_groups(
    frames: Sequence[PageFrame],
    marks: Sequence[str] = (),
    cannot_end: Callable[[str], bool] | None = None,
) -> Reading:
    """Fit every page under each alignment and keep the alignment that fits the document
    best (ties go to the first of top, middle, bottom). `marks` are the language's
    continuation marks, for names repeated at a page top; `cannot_end` says where a name
    cannot end (`languages.names.cannot_end`), for the rest of a name at a page top."""
    frames = [
        replace(frame, following=next((f.rows[0].order for f in frames[i + 1 :] if f.rows), ()))
        for i, frame in enumerate(frames)
    ]
    leading = theme_leading(frames)
    usual = row_gap(frames)
    frames = structural(frames, leading, usual)
    ruled = is_ruled(frames)
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
            page = fit_page(frame, align, leading, usual, ruled, kept, repeat, cannot_end)
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

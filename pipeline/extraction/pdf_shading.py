"""Which rules across the theme column tell the row groups apart, and which are shading.

A table's borders part its cells; its shading colours them. In most producers the two
agree: a cell spanning rows has one background, whose edges are its borders. WeasyPrint
paints each row's background across the whole row, under a theme cell spanning rows too,
so the edges of that shading run through the theme cells, between the lines of one name
or at nearly every row. Such edges are left out of the reading (`structural`): all
rules where they run through names, the shading's edges where the table's borders or
the shading itself show them to be rows' backgrounds.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace

from pipeline.extraction.pdf_evidence import PageFrame, cell_slack, rule_between


def structural(frames: Sequence[PageFrame], leading: float, usual: float) -> list[PageFrame]:
    """The frames with only the rules that may tell row groups apart (`leading`: a name's
    lines; `usual`: the gap between two rows)."""
    if rules_through_names(frames, leading, usual):
        return [replace(frame, rules=()) for frame in frames]
    if strokes_between_rows(frames) or shading_through_rows(frames):
        return [_only(frame, band=False) for frame in frames]
    return list(frames)


def _only(frame: PageFrame, band: bool) -> PageFrame:
    """The frame with only its edges of shading (`band`), or only its strokes."""
    return replace(frame, rules=tuple(r for r in frame.rules if r.band is band))


def strokes_between_rows(frames: Sequence[PageFrame]) -> bool:
    """Whether rules drawn as strokes (not edges of shading) cross the theme column
    between two rows somewhere: the borders of a ruled table. Its shading then says
    nothing more: where WeasyPrint paints each row's background across a cell spanning
    rows, the edges of that shading run through the theme cells."""
    for frame in frames:
        strokes = _only(frame, band=False)
        if any(rule_between(strokes, a.bottom, b.top) for a, b in itertools.pairwise(frame.rows)):
            return True
    return False


def rules_through_names(frames: Sequence[PageFrame], leading: float, usual: float) -> bool:
    """Whether rules run through theme names: where the cells are padded (rows stand
    further apart than the `leading` of a name's lines: `usual`), rules between two theme
    lines set at that leading, twice or more. They are the edges of rows' shading painted
    across the theme column (WeasyPrint paints a row's background under a cell spanning
    rows), and say nothing of the table's structure."""
    count = 0
    for frame in frames:
        if usual <= leading + cell_slack(frame.size):
            continue
        lines = sorted(frame.themes, key=lambda line: line.top)
        for above, below in itertools.pairwise(lines):
            near = below.top - above.bottom <= leading + cell_slack(below.size)
            if near and rule_between(frame, above.bottom, below.top):
                count += 1
    return count >= 2


def shading_through_rows(frames: Sequence[PageFrame]) -> bool:
    """Whether edges of shading cross the theme column at more than half the gaps between
    two rows: rows' backgrounds painted through the theme cells. A background of the
    theme cell itself (Chromium, Writer) has its edges where its group starts and ends,
    at a fraction of the gaps."""
    crossed = gaps = 0
    for frame in frames:
        bands = _only(frame, band=True)
        for a, b in itertools.pairwise(frame.rows):
            gaps += 1
            crossed += rule_between(bands, a.bottom, b.top)
    return gaps > 0 and crossed > gaps / 2

"""Where each column's text starts, read from the table body rather than from its label.

The header labels name the columns and give their order, but where a label starts says
little about where its column's text starts: a label centred or set flush right in its
cell starts well right of the text under it, and body text read against such a label
falls into the column on its left. The body is surer evidence. Between two columns runs
whitespace that no word crosses, on every line of every page; and text set flush left
starts at one x line after line (report symbols start every row). So each column starts
at the place, between the end of the label before it and the start of its own label, where
body text starts after whitespace that no word crosses; of several such places, the one
where most words start (the column's left edge; a place inside a cell where every line
happens to leave a space is where fewer start). Where the body shows no such place (a word
across the gap, or no body at all) the label's start stays the column's start.

All pages set out under one header geometry are read together, so that a sparse last page
cannot show a gap inside a column that the other pages fill. One sort of the words and
one sweep: linear after sorting.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import replace

from pipeline.extraction.pdf_layout import COLUMNS, Header, Word
from pipeline.models import Column
from pipeline.settings import SETTINGS


def text_starts(words: Iterable[Word]) -> tuple[list[float], list[float]]:
    """The x positions where body text starts after whitespace no word crosses, in order,
    and every word's start, sorted (to count the words starting at a place)."""
    ordered = sorted(words, key=lambda w: w.x0)
    starts: list[float] = []
    reach = float("-inf")
    for word in ordered:
        if word.x0 > reach:
            starts.append(word.x0)
        reach = max(reach, word.x1)
    return starts, [w.x0 for w in ordered]


def _best(
    starts: list[float], lefts: list[float], low: float, high: float, tolerance: float
) -> float | None:
    """Of the starts within [low, high], the one where most words start (the leftmost of
    equals), or None."""
    best: tuple[int, float] | None = None
    for x in starts[bisect.bisect_left(starts, low) : bisect.bisect_right(starts, high)]:
        count = bisect.bisect_right(lefts, x + tolerance) - bisect.bisect_left(lefts, x - tolerance)
        if best is None or count > best[0]:
            best = (count, x)
    return best[1] if best else None


def fit_columns(header: Header, words: Iterable[Word]) -> Header:
    """The header with each column's left bound moved to where the body's text shows the
    column starts (never right of where its label starts)."""
    starts, lefts = text_starts(words)
    if not starts or not header.ends:
        return header
    slack = SETTINGS.column_slack * header.size
    tolerance = SETTINGS.column_edge_pt
    fitted = dict(header.lefts)
    for previous, column in itertools.pairwise(COLUMNS):
        found = _best(starts, lefts, header.ends[previous], header.lefts[column] + slack, tolerance)
        if found is not None:
            fitted[column] = min(found, header.lefts[column])
    theme = _best(starts, lefts, float("-inf"), header.lefts[Column.THEME] + slack, tolerance)
    if theme is not None:
        fitted[Column.THEME] = min(theme, header.lefts[Column.THEME])
    return replace(header, lefts=fitted)


def by_geometry(headers: Sequence[Header | None]) -> list[tuple[Header, list[int]]]:
    """The indices of the pages set out under each header geometry (a header repeated on
    every page in the same place is one), in page order; pages without a table are left
    out."""
    groups: dict[tuple[float, ...], tuple[Header, list[int]]] = {}
    for k, header in enumerate(headers):
        if header is None:
            continue
        key = tuple(round(x, 1) for x in (*header.lefts.values(), *header.ends.values()))
        groups.setdefault(key, (header, []))[1].append(k)
    return list(groups.values())

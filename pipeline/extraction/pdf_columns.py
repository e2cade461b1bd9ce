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
across the gap, or no body at all) the label's start stays the column's start; unless the
body sets its text flush with the columns' ends, as a right-to-left table read mirrored
does: then labels set the same way end where their columns do, and a column whose text
touches the one before it (no padding) starts where that one's label ends.

All pages set out under one header geometry are read together, so that a sparse last page
cannot show a gap inside a column that the other pages fill. One sort of the words and
one sweep: linear after sorting.
"""

from __future__ import annotations

import bisect
import itertools
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import replace

from pipeline.extraction.pdf_layout import COLUMNS, Header, Word
from pipeline.models import Column
from pipeline.patterns import SYMBOL_RE
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


def _best(starts: list[float], lefts: list[float], low: float, high: float) -> float | None:
    """Of the starts within [low, high], the one where most words start (within
    `column_edge_pt`; the leftmost of equals), or None."""
    best: tuple[int, float] | None = None
    for x in starts[bisect.bisect_left(starts, low) : bisect.bisect_right(starts, high)]:
        count = _count(lefts, x)
        if best is None or count > best[0]:
            best = (count, x)
    return best[1] if best else None


def _count(values: list[float], place: float) -> int:
    """How many of the sorted values lie within `column_edge_pt` of `place`."""
    tolerance = SETTINGS.column_edge_pt
    return bisect.bisect_right(values, place + tolerance) - bisect.bisect_left(
        values, place - tolerance
    )


def _set_flush_end(header: Header, fitted: dict[Column, float], words: list[Word]) -> bool:
    """Whether the body sets its text flush with each column's end (its label's end, as
    a right-to-left table read mirrored, or cells aligned right): in some column many
    more lines end at its label's end than start at its start, and in none the other
    way. Report symbols, all of one width, say nothing either way; one style is the
    document's, not a column's choice."""
    prose = [w for w in words if not SYMBOL_RE.fullmatch(w.text)]
    ends, starts = sorted(w.x1 for w in prose), sorted(w.x0 for w in prose)
    verdicts = set()
    for column in COLUMNS[:-1]:
        at_end, at_start = _count(ends, header.ends[column]), _count(starts, fitted[column])
        if max(at_end, at_start) >= SETTINGS.flush_lines:
            verdicts.add(at_end > SETTINGS.flush_share * at_start)
    return verdicts == {True}


def _crossed(words: list[Word], x: float) -> int:
    """How many words run across `x` (two cells' texts run into one word, say)."""
    tolerance = SETTINGS.column_edge_pt
    return sum(1 for w in words if w.x0 < x - tolerance and w.x1 > x + tolerance)


def fit_columns(header: Header, words: Iterable[Word]) -> Header:
    """The header with each column's left bound moved to where the body's text shows the
    column starts (never right of where its label starts). Report symbols are the report
    column's text wherever they stand (centred under a label set flush left, say): the
    next column starts right of where any of them starts. Where no whitespace parts two
    columns (cells set with no padding, their texts touching) and the body sets its text
    flush with the columns' ends (`_set_flush_end`), the column starts where the label
    before it ends, unless more than a few words run across that place."""
    words = list(words)
    starts, lefts = text_starts(words)
    if not starts or not header.ends:
        return header
    slack = SETTINGS.column_slack * header.size
    tolerance = SETTINGS.column_edge_pt
    symbols = [w.x0 for w in words if SYMBOL_RE.fullmatch(w.text)]
    fitted = dict(header.lefts)
    touching: list[tuple[Column, Column]] = []
    for previous, column in itertools.pairwise(COLUMNS):
        low = header.ends[previous]
        if previous is Column.REPORT and symbols:
            low = max(low, max(symbols) + tolerance)
        found = _best(starts, lefts, low, header.lefts[column] + slack)
        if found is not None:
            fitted[column] = min(found, header.lefts[column])
        else:
            touching.append((previous, column))
    if touching and _set_flush_end(header, fitted, words):
        ends = sorted(w.x1 for w in words)
        for previous, column in touching:
            end = header.ends[previous]
            if _count(ends, end) > SETTINGS.flush_share * _crossed(words, end):
                fitted[column] = min(end, header.lefts[column])
    theme = _best(starts, lefts, float("-inf"), header.lefts[Column.THEME] + slack)
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


def _symbol_x(words: Sequence[Word]) -> float | None:
    """Where a page's report symbols start (the median), or None without any."""
    found = [w.x0 for w in words if SYMBOL_RE.fullmatch(w.text)]
    return statistics.median(found) if found else None


def page_shifts(
    bodies: Sequence[Sequence[Word]], headed: Sequence[bool], size: float
) -> list[float]:
    """How far right each page's table stands from where its header says. A producer
    may set even and odd pages with mirrored margins, and a page that repeats no header
    is then read against the header of a page shifted the other way. Report symbols
    start every row, so where they start on a page, against where they start on the
    pages that print the header, is the shift: 0 for those pages, and for a shift within
    the column slack."""
    starts = [_symbol_x(body) for body in bodies]
    found = [x for x, own in zip(starts, headed, strict=True) if own and x is not None]
    if not found:
        return [0.0] * len(bodies)
    reference = statistics.median(found)
    slack = SETTINGS.column_slack * size
    out = []
    for x, own in zip(starts, headed, strict=True):
        dx = 0.0 if own or x is None else x - reference
        out.append(dx if abs(dx) > slack else 0.0)
    return out


def shifted(header: Header, dx: float) -> Header:
    """The header's columns moved right by `dx` (a page set with another margin)."""
    return replace(
        header,
        lefts={c: x + dx for c, x in header.lefts.items()},
        ends={c: x + dx for c, x in header.ends.items()},
    )

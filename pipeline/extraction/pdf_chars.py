"""Words and horizontal rules of one PDF page, read straight from pdfminer's layout.

pdfplumber's `page.extract_words()` and `page.horizontal_edges` first turn every layout
object into a dict (`page.objects`: each attribute of each glyph resolved and copied),
which costs about as much as interpreting the page itself. The extractor needs five
numbers per glyph, so this module walks `page.layout` once and keeps just those, as
tuples. The results are meant to be exactly pdfplumber's, not merely close: the same
coordinate transform (top-left origin, relative to the media box), the same word
grouping (`WordExtractor` with its defaults: lines clustered by top within 3 pt, glyphs
sorted by x0, a word broken at a blank glyph, a step back, a gap over 3 pt or a top
3 pt off) and the same edges, so cell boxes and every downstream decision are unchanged.
`tests/test_pdf_extract.py` checks the equality against pdfplumber itself.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterator
from typing import Any

from pdfminer.layout import LTChar, LTContainer, LTCurve, LTLine, LTRect

from pipeline.settings import SETTINGS

TOLERANCE = SETTINGS.word_tolerance_pt

# pdfplumber's ligatures, expanded as its extract_words does: the seven Latin ligatures of
# Alphabetic Presentation Forms (U+FB00 ff to U+FB06 st), each to its letters (NFKC).
_LIGATURES = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}

# A glyph as pdfplumber places it: (text, x0, top, x1, bottom, upright).
Glyph = tuple[str, float, float, float, float, bool]
# A word or a rule, in the same page coordinates.
WordBox = tuple[str, float, float, float, float]
RuleBox = tuple[float, float, float]
# A glyph's extent along its line (start, end) and its position across it (the line key).
_Frame = tuple[float, float, float]


def _objects(items: Any) -> Iterator[Any]:
    """Layout objects depth first, as pdfplumber's `iter_layout_objects` visits them
    (the page is opened without LAParams, so containers are figures holding objects)."""
    for item in items:
        if isinstance(item, LTContainer):
            yield from _objects(item)
        else:
            yield item


def read_layout(page: Any) -> tuple[list[WordBox], list[RuleBox]]:
    """The words (pdfplumber's `extract_words()` with its defaults) and the horizontal
    rules (`horizontal_edges`: x0, x1, top) of a pdfplumber page, from one walk."""
    # pdfminer's coordinates are relative to the media box, origin bottom-left;
    # pdfplumber flips them with exactly these operations, kept here in the same order.
    height = page.height
    mb_x0, mb_top = page.mediabox[0], page.mediabox[1]
    glyphs: list[Glyph] = []
    lines: list[RuleBox] = []
    rects: list[RuleBox] = []
    curves: list[RuleBox] = []
    for obj in _objects(page.layout):
        kind = type(obj)
        if kind is LTChar:
            glyphs.append(
                (
                    obj.get_text(),
                    obj.x0 + mb_x0,
                    (height - obj.y1) + mb_top,
                    obj.x1 + mb_x0,
                    (height - obj.y0) + mb_top,
                    obj.upright,
                )
            )
        elif kind is LTLine:
            top = (height - obj.y1) + mb_top
            if top == (height - obj.y0) + mb_top:
                lines.append((obj.x0 + mb_x0, obj.x1 + mb_x0, top))
        elif kind is LTRect:
            top = (height - obj.y1) + mb_top
            x0, x1 = obj.x0 + mb_x0, obj.x1 + mb_x0
            rects += [(x0, x1, top), (x0, x1, top + obj.height)]
        elif kind is LTCurve:
            points = [(mb_x0 + x, mb_top + height - y) for x, y in obj.pts]
            curves += [
                (min(a[0], b[0]), max(a[0], b[0]), a[1])
                for a, b in itertools.pairwise(points)
                if a[0] != b[0] and a[1] == b[1]
            ]
    return words(glyphs), lines + rects + curves


def _upright(glyph: Glyph) -> _Frame:
    return glyph[1], glyph[3], glyph[2]


def _rotated(glyph: Glyph) -> _Frame:
    return glyph[2], glyph[4], glyph[1]


def words(glyphs: list[Glyph]) -> list[WordBox]:
    """Group glyphs (in content-stream order) into words, as pdfplumber's WordExtractor
    does with its defaults: runs of upright and rotated glyphs apart, then lines, then
    words. Rotated glyphs read top to bottom, their lines clustered by x0."""
    out: list[WordBox] = []
    for upright, run in itertools.groupby(glyphs, key=lambda g: g[5]):
        frame = _upright if upright else _rotated
        for line in _cluster([(frame(g), g) for g in run]):
            # pdfplumber's sort keys: (x0, x0), or (top, bottom) for rotated glyphs.
            second = 0 if upright else 1
            line.sort(key=lambda item: (item[0][0], item[0][second]))
            out.extend(_split(line))
    return out


def _cluster(items: list[tuple[_Frame, Glyph]]) -> list[list[tuple[_Frame, Glyph]]]:
    """pdfplumber's `cluster_objects` on the line key (across): distinct values sorted
    and chained while each is within the tolerance of the previous one; glyphs keep
    their order within a cluster."""
    cluster: dict[float, int] = {}
    last: float | None = None
    index = -1
    for value in sorted({frame[2] for frame, _ in items}):
        if last is None or value > last + TOLERANCE:
            index += 1
        cluster[value] = index
        last = value
    groups: list[list[tuple[_Frame, Glyph]]] = [[] for _ in range(index + 1)]
    for item in items:
        groups[cluster[item[0][2]]].append(item)
    return groups


def _split(line: list[tuple[_Frame, Glyph]]) -> Iterator[WordBox]:
    """Words of one sorted line: a blank glyph ends a word, an empty one is a word of its
    own (pdfplumber's `text in split_at_punctuation` holds for "" against ""), and a
    glyph starts a new word when it steps back, jumps ahead more than the tolerance
    past the previous glyph's end, or sits off its line."""
    word: list[Glyph] = []
    prev: _Frame = (0.0, 0.0, 0.0)
    for frame, glyph in line:
        text = glyph[0]
        if text.isspace() or not text:
            if word:
                yield _merge(word)
            if not text:
                yield _merge([glyph])
            word = []
            continue
        if word and (
            frame[0] < prev[0]
            or frame[0] > prev[1] + TOLERANCE
            or abs(frame[2] - prev[2]) > TOLERANCE
        ):
            yield _merge(word)
            word = []
        word.append(glyph)
        prev = frame
    if word:
        yield _merge(word)


def _merge(word: list[Glyph]) -> WordBox:
    return (
        "".join(_LIGATURES.get(g[0], g[0]) for g in word),
        min(g[1] for g in word),
        min(g[2] for g in word),
        max(g[3] for g in word),
        max(g[4] for g in word),
    )

"""Glyphs a page paints outside its clip: in the file, not on the page.

A clipping path limits what the painting operators after it can mark. Producers paint
text there that no reader sees: a browser prints a cell line broken by the page foot on
both pages and clips the copy that overflows the content box (Chromium's "差" in the
bottom margin, under a line that the next page repeats whole); a word processor writes a
header label its cell clips into the row below. pdfminer ignores clipping (its `W` is a
no-op) and pdfium's text page keeps every character, so both engines would read such
glyphs as text, and a stray character became a theme of its own.

The clip is kept as the box bounding its paths (the intersection of the boxes of every
path in force: a clip only ever narrows), which is exact for the rectangles producers
clip text with and errs towards showing for any other shape. A glyph is shown when the
middle of its box lies inside that box: the rule xpdf applies when it discards clipped
text. A glyph half cut by a page's edge is still read (the reader sees most of it); one
painted past it is not. Both engines give the same boxes in pdfplumber's frame and use
this module to decide, so that they keep the same glyphs.

The body is read from the glyphs shown. A page's header is looked for among all its
glyphs (`RawPage.unclipped`): Writer repeats a header row whose label its cell clips
("在 CTOC/COP/WG.4/2019/5 号文件" shown, "中的参考段落（按…" clipped), and the labels,
whole, are what tell the columns apart; the clipped part never enters a cell.
"""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.extraction.pdf_glyphs import Box, Glyph, LinkBox, Notes, RawPage, RuleBox
from pipeline.extraction.pdf_words import words
from pipeline.patterns import CID_RE


def extent(points: Iterable[tuple[float, float]]) -> Box | None:
    """The box bounding some points (a path's, control points included: the curve lies
    within them), or None for none."""
    xs: list[float] = []
    ys: list[float] = []
    for x, y in points:
        xs.append(x)
        ys.append(y)
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


def narrow(clip: Box | None, box: Box) -> Box:
    """A clip narrowed by one more path's box (an empty intersection stays empty: its
    right edge left of its left one, or its bottom above its top, so nothing is inside)."""
    if clip is None:
        return box
    return max(clip[0], box[0]), max(clip[1], box[1]), min(clip[2], box[2]), min(clip[3], box[3])


def shown(glyph: Glyph, clip: Box) -> bool:
    """Whether a glyph's middle lies inside the clip (edges included)."""
    x = (glyph[1] + glyph[3]) / 2
    y = (glyph[2] + glyph[4]) / 2
    return clip[0] <= x <= clip[2] and clip[1] <= y <= clip[3]


def clipped_page(
    width: float,
    height: float,
    glyphs: list[Glyph],
    hidden: list[bool],
    rules: list[RuleBox],
    links: list[LinkBox],
) -> RawPage:
    """A page as an engine read it: the words of the glyphs shown, the glyphs hidden and,
    where there are any, the page as all its glyphs give it (for its header); and where
    a glyph shown has no text (`unmapped`)."""
    notes = Notes()
    shown_glyphs = [g for g, h in zip(glyphs, hidden, strict=True) if not h]
    missing = unmapped(shown_glyphs)
    if not any(hidden):
        found = words(glyphs, notes)
        return notes.page(width, height, found, rules, links, unmapped=missing)
    found = words(shown_glyphs, notes)
    whole = Notes()
    unclipped = whole.page(width, height, words(glyphs, whole), rules, links)
    left_out = [g for g, h in zip(glyphs, hidden, strict=True) if h]
    return notes.page(width, height, found, rules, links, left_out, unclipped, missing)


def unmapped(glyphs: list[Glyph]) -> list[Box]:
    """The boxes of the glyphs whose text the file does not give: no ToUnicode entry, or
    an empty one (WeasyPrint's "ffi" ligature), which pdfminer reads as nothing or as
    "(cid:…)". What the page says there is unknown: the words read around it are not
    what it prints, and `pdf_faults` says so."""
    return [(g[1], g[2], g[3], g[4]) for g in glyphs if not g[0] or CID_RE.fullmatch(g[0])]

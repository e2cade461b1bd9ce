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

This is the `pdfplumber` engine (`read_document`); the grouping into words is shared with
the pdfium engine (`pdf_words`).
"""

from __future__ import annotations

import io
import itertools
import unicodedata
from collections.abc import Iterator
from typing import Any

from pdfminer.layout import LTChar, LTContainer, LTCurve, LTLine, LTRect

from pipeline.extraction.pdf_chars_actual import actual_text_device
from pipeline.extraction.pdf_chars_clip import ClipInterpreter, clip_of
from pipeline.extraction.pdf_clip import clipped_page, shown
from pipeline.extraction.pdf_glyphs import Box, Glyph, Notes, RawPage, RuleBox, WordBox
from pipeline.extraction.pdf_words import words
from pipeline.patterns import SOFT_HYPHEN
from pipeline.settings import SETTINGS

__all__ = ["Glyph", "iter_document", "read_document", "read_layout", "words"]


def _objects(items: Any) -> Iterator[Any]:
    """Layout objects depth first, as pdfplumber's `iter_layout_objects` visits them
    (the page is opened without LAParams, so containers are figures holding objects)."""
    for item in items:
        if isinstance(item, LTContainer):
            yield from _objects(item)
        else:
            yield item


def _visual_glyph(text: str) -> str:
    """A glyph's text in the order the page stores its glyphs. A glyph standing for
    several right-to-left letters (a lām-alif ligature, "لا") holds them in logical order,
    while a right-to-left line stores its glyphs in visual order (`pdf_bidi`): reversed,
    the ligature reads like the letters around it, and the line's logical order comes out
    whole ("الإرهاب", not "اإلرهاب")."""
    if len(text) > 1 and all(unicodedata.bidirectional(c) in ("R", "AL", "NSM") for c in text):
        return text[::-1]
    return text


def _glyph_text(shown: str, actual: str | None) -> str | None:
    """What a glyph says: its marked content's actual text where it has one (None for
    the glyphs after the first of such content, which say nothing more), else its own.
    Invisible actual text (a soft hyphen) over a space glyph says nothing either: a
    browser writes one under the next letter where it did not break at a soft hyphen,
    and the glyph reads as the space it is (`pdf_words`); over the hyphen a typesetter
    adds where it broke a word, it marks that hyphen as the typesetter's."""
    if actual is None:
        return shown
    if actual == "":
        return None
    if not shown.strip() and all(unicodedata.category(c) == "Cf" for c in actual):
        return shown
    # A soft hyphen among letters was not broken at (Chromium's "ffi" ligature of
    # "dif\u00adficultés" says "f\u00adfi"): only alone does it mark a break.
    visible = actual.replace(SOFT_HYPHEN, "")
    return visible or actual


def _union(a: tuple[float, ...], b: tuple[float, ...]) -> tuple[float, float, float, float]:
    return min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])


def _layout(page: Any) -> Any:
    """pdfplumber's `page.layout`, interpreted keeping each glyph's clip (`pdf_chars_clip`)
    and the text marked content gives its glyphs (`actual_text_device`)."""
    device = actual_text_device(page.pdf.rsrcmgr, page.page_number, page.pdf.laparams)
    ClipInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    return device.get_result()


def read_layout(page: Any, notes: Notes | None = None) -> tuple[list[WordBox], list[RuleBox]]:
    """The words (pdfplumber's `extract_words()` with its defaults, of the glyphs shown)
    and the horizontal rules (`horizontal_edges`: x0, x1, top) of a pdfplumber page."""
    glyphs, hidden, rules = read_glyphs(page)
    return words([g for g, h in zip(glyphs, hidden, strict=True) if not h], notes), rules


def read_glyphs(page: Any) -> tuple[list[Glyph], list[bool], list[RuleBox]]:
    """A pdfplumber page's glyphs, whether each is painted outside its clip (`pdf_clip`),
    and its horizontal rules (`horizontal_edges`: x0, x1, top), from one walk."""
    # pdfminer's coordinates are relative to the media box, origin bottom-left;
    # pdfplumber flips them with exactly these operations, kept here in the same order.
    height = page.height
    mb_x0, mb_top = page.mediabox[0], page.mediabox[1]
    glyphs: list[Glyph] = []
    hidden: list[bool] = []
    lines: list[RuleBox] = []
    rects: list[RuleBox] = []
    curves: list[RuleBox] = []
    for obj in _objects(_layout(page)):
        kind = type(obj)
        if kind is LTChar:
            text = _glyph_text(obj.get_text(), getattr(obj, "actual", None))
            box = (
                obj.x0 + mb_x0,
                (height - obj.y1) + mb_top,
                obj.x1 + mb_x0,
                (height - obj.y0) + mb_top,
            )
            if text is None:
                if glyphs:  # the glyph carrying the sequence's text stretches over it
                    first = glyphs[-1]
                    glyphs[-1] = (first[0], *_union(first[1:5], box), first[5])
                continue
            glyph = (_visual_glyph(text), *box, obj.upright)
            clip = clip_of(obj.graphicstate)
            glyphs.append(glyph)
            hidden.append(
                clip is not None and not shown(glyph, _flipped(clip, height, mb_x0, mb_top))
            )
        elif kind is LTLine:
            top = (height - obj.y1) + mb_top
            if top == (height - obj.y0) + mb_top:
                lines.append((obj.x0 + mb_x0, obj.x1 + mb_x0, top, False))
        elif kind is LTRect:
            top = (height - obj.y1) + mb_top
            x0, x1 = obj.x0 + mb_x0, obj.x1 + mb_x0
            band = bool(obj.fill) and not obj.stroke and obj.height > SETTINGS.band_pt
            rects += [(x0, x1, top, band), (x0, x1, top + obj.height, band)]
        elif kind is LTCurve:
            points = [(mb_x0 + x, mb_top + height - y) for x, y in obj.pts]
            curves += [
                (min(a[0], b[0]), max(a[0], b[0]), a[1], False)
                for a, b in itertools.pairwise(points)
                if a[0] != b[0] and a[1] == b[1]
            ]
    return glyphs, hidden, lines + rects + curves


def _flipped(clip: Box, height: float, mb_x0: float, mb_top: float) -> Box:
    """A clip's box in device space, in pdfplumber's frame (as a glyph's box is)."""
    x0, y0, x1, y1 = clip
    return x0 + mb_x0, (height - y1) + mb_top, x1 + mb_x0, (height - y0) + mb_top


def iter_document(data: bytes) -> Iterator[RawPage]:
    """Every page of the PDF in turn (so that what the parser logs can be told apart by
    page): pdfplumber's words, horizontal edges and hyperlinks."""
    import pdfplumber  # slow to import, needed only when this engine reads

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            glyphs, hidden, strokes = read_glyphs(page)
            links = [
                (h["x0"], h["top"], h["x1"], h["bottom"], str(h["uri"]))
                for h in page.hyperlinks
                if h.get("uri")
            ]
            yield clipped_page(page.width, page.height, glyphs, hidden, strokes, links)


def read_document(data: bytes) -> list[RawPage]:
    """Every page of the PDF: pdfplumber's words, horizontal edges and hyperlinks."""
    return list(iter_document(data))

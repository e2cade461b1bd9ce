"""The pdfium engine: pdfplumber's words, rules and links, read with pdfium in a fraction
of the time pdfminer takes to interpret the same pages.

pdfium gives each character's unicode, origin, text object, font and size; pdfminer's box
for it is rebuilt from those with pdfminer's own arithmetic, operation for operation, so
that the coordinates are equal to the last bit, not merely close (they decide where a
2-decimal rounding of a cell box falls). The inputs pdfium keeps in single precision
(the text matrix, the font size, the media box) are the decimals the file wrote, which
are recovered as the shortest decimal that gives the same single-precision number; the
advance from one glyph to the next is pdfminer's (width times size, minus the TJ array's
kerning), the kerning being read back from pdfium's positions as the whole number of
thousandths it must be; the descent and the media box as written come from the file's
dictionaries (`pdf_rawdicts`).

pdfium's text page is also a text extractor with opinions, which are undone: the spaces
it invents between words are dropped (and a real space it merged into one of them is
restored), a ligature it split into letters is one glyph again, a line-end hyphen it
marked with U+0002 is a hyphen, and characters are put back in content-stream order,
which is the order pdfminer gives (its text objects are sorted by position within a
line). Where a page holds something whose pdfminer reading cannot be rebuilt this way
(rotated pages, fonts whose metrics pdfminer substitutes or pdfium rounds, spacing that
is not whole thousandths, character spacing, right-to-left text, marked-content
replacement text, text pdfium leaves out), `UnsupportedError` is raised and the document
is read with pdfplumber instead.

This module reads a document page by page; `pdf_pdfium_text` turns characters into
glyphs, `pdf_pdfium_paths` finds rules and links, `pdf_pdfium_frame` holds pdfminer's
arithmetic and pdfplumber's page frame, `pdf_pdfium_lib` the bound pdfium functions and
`pdf_rawdicts` what only the file's dictionaries say.
"""

from __future__ import annotations

import ctypes
from typing import Any

from pipeline.extraction.pdf_clip import clipped_page, shown
from pipeline.extraction.pdf_glyphs import Box, Glyph, RawPage
from pipeline.extraction.pdf_pdfium_frame import Affine, PageFrame, UnsupportedError
from pipeline.extraction.pdf_pdfium_lib import (
    OBJECT_UNKNOWN,
    PAGEOBJ_PATH,
    PAGEOBJ_TEXT,
    pdfium,
)
from pipeline.extraction.pdf_pdfium_paths import clip_box, links, rules, walk
from pipeline.extraction.pdf_pdfium_text import Fonts, characters, object_glyphs
from pipeline.extraction.pdf_rawdicts import FileFacts, read_dicts

__all__ = ["UnsupportedError", "read_document"]


def _replaced(lib: Any, obj: int) -> bool:
    """Whether marked content gives the object's text as /ActualText (pdfium shows that
    text instead of the glyphs; pdfminer shows the glyphs)."""
    for i in range(lib.FPDFPageObj_CountMarks(obj)):
        mark = lib.FPDFPageObj_GetMark(obj, i)
        if lib.FPDFPageObjMark_GetParamValueType(mark, b"ActualText") != OBJECT_UNKNOWN:
            return True
    return False


def _wide(lib: Any, obj: int) -> bool:
    box = [ctypes.c_float() for _ in range(4)]
    lib.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in box))
    return abs(box[2].value - box[0].value) >= 0.01


def _read_page(lib: Any, doc: int, index: int, fonts: Fonts, facts: FileFacts) -> RawPage:
    handle = lib.FPDF_LoadPage(doc, index)
    if not handle:
        raise UnsupportedError(f"pdfium cannot load page {index + 1}")
    try:
        page = PageFrame(lib, handle, facts.boxes)
        order: dict[int, int] = {}
        clips: dict[int, Box | None] = {}
        paths: list[tuple[int, Affine | None]] = []
        for seq, (obj, kind, form, clipped) in enumerate(walk(lib, None, handle, None)):
            if kind == PAGEOBJ_TEXT:
                if _replaced(lib, obj):
                    raise UnsupportedError("marked-content /ActualText")
                clips[obj] = clip_box(lib, obj, page)
                if form is not None and (clipped or clips[obj] is not None):
                    # pdfium keeps a form's clip on the form, not on what it draws, and
                    # a clip inside a form (its bounding box's, or a path's) is not known
                    # to be in the frame pdfminer's reading has it in.
                    raise UnsupportedError("text clipped in a form")
                order[obj] = seq
            elif kind == PAGEOBJ_PATH:
                paths.append((obj, form))
        text_page = lib.FPDFText_LoadPage(handle)
        try:
            found = characters(lib, text_page)
            by_object = found.by_object
            if any(obj not in order for obj in by_object):
                raise UnsupportedError("a character outside the page's text objects")
            if any(_wide(lib, obj) for obj in order if obj not in by_object):
                raise UnsupportedError("text pdfium leaves out (overprinted or replaced)")
            glyphs: list[Glyph] = []
            hidden: list[bool] = []
            for obj in sorted(by_object, key=order.__getitem__):
                clip = clips[obj]
                drawn = object_glyphs(
                    lib,
                    page,
                    fonts,
                    text_page,
                    obj,
                    found.first[obj],
                    by_object[obj],
                    obj in found.special,
                    found.loose,
                )
                glyphs.extend(drawn)
                if clip is None:
                    hidden.extend([False] * len(drawn))
                else:
                    hidden.extend(not shown(glyph, clip) for glyph in drawn)
        finally:
            lib.FPDFText_ClosePage(text_page)
        return clipped_page(
            page.width,
            page.height,
            glyphs,
            hidden,
            rules(lib, page, paths),
            links(lib, doc, handle, page),
        )
    finally:
        lib.FPDF_ClosePage(handle)


def read_document(data: bytes) -> list[RawPage]:
    """Every page's words, rules and links; raises `UnsupportedError` (never anything else for
    a bad file) when the document must be read by pdfplumber, including when pdfium
    cannot open it (pdfplumber then says why)."""
    try:
        facts = read_dicts(data)
    except ValueError as error:
        raise UnsupportedError(f"font dictionaries: {error}") from None
    lib = pdfium()
    doc = lib.FPDF_LoadMemDocument64(data, len(data), None)
    if not doc:
        raise UnsupportedError(f"pdfium cannot open the file (error {lib.FPDF_GetLastError()})")
    try:
        fonts = Fonts(lib, facts.fonts)
        count = lib.FPDF_GetPageCount(doc)
        return [_read_page(lib, doc, i, fonts, facts) for i in range(count)]
    finally:
        lib.FPDF_CloseDocument(doc)

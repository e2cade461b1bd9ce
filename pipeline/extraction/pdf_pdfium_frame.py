"""pdfminer's arithmetic and pdfplumber's page frame, for the pdfium engine.

The pdfium engine rebuilds pdfminer's numbers operation for operation: the matrix
products and point transforms are pdfminer's own (`mult_matrix`, `apply_matrix_pt`, in
its order of operations, so that each result is the same double), the page frame is the
one pdfplumber sets up (media box as written, origin moved to the top left), and the
inputs pdfium keeps in single precision are the decimals the file wrote (`as_written`).
"""

from __future__ import annotations

import ctypes
import struct
from typing import Any

from pipeline.extraction.pdf_glyphs import Glyph, RuleBox
from pipeline.extraction.pdf_rawdicts import Box

# pdfminer's matrix (a, b, c, d, e, f).
Affine = tuple[float, float, float, float, float, float]

_PACK = struct.Struct("f")


class UnsupportedError(Exception):
    """The document holds something whose pdfplumber reading this engine cannot rebuild
    exactly; the message says what."""


_WRITTEN: dict[float, float] = {}


def as_written(value: float) -> float:
    """The number the file wrote, from the single-precision copy pdfium keeps: the shortest
    decimal that rounds to the same single-precision number."""
    known = _WRITTEN.get(value)
    if known is not None:
        return known
    target = _PACK.pack(value)
    for digits in (6, 7):
        found = float(f"{value:.{digits}g}")
        if _PACK.pack(found) == target:
            _WRITTEN[value] = found
            return found
    raise UnsupportedError(f"a number that needs more digits than pdfium keeps ({value})")


def written_matrix(m: Any) -> Affine:
    """A pdfium matrix (its six single-precision numbers) as the file wrote it."""
    return (
        as_written(m.a),
        as_written(m.b),
        as_written(m.c),
        as_written(m.d),
        as_written(m.e),
        as_written(m.f),
    )


def mult_matrix(m1: Affine, m0: Affine) -> Affine:
    """pdfminer's `mult_matrix`, operation for operation."""
    a1, b1, c1, d1, e1, f1 = m1
    a0, b0, c0, d0, e0, f0 = m0
    return (
        a0 * a1 + c0 * b1,
        b0 * a1 + d0 * b1,
        a0 * c1 + c0 * d1,
        b0 * c1 + d0 * d1,
        a0 * e1 + c0 * f1 + e0,
        b0 * e1 + d0 * f1 + f0,
    )


def apply_matrix_pt(m: Affine, x: float, y: float) -> tuple[float, float]:
    """pdfminer's `apply_matrix_pt`."""
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


class PageFrame:
    """One page's geometry as pdfplumber sets it up: the media box, the matrix pdfminer
    starts from, and pdfplumber's flip to a top-left origin."""

    def __init__(self, lib: Any, page: int, boxes: dict[Box, set[Box]]) -> None:
        if lib.FPDFPage_GetRotation(page) != 0:
            raise UnsupportedError("rotated page")
        kept = [ctypes.c_float() for _ in range(4)]
        if lib.FPDFPage_GetMediaBox(page, *(ctypes.byref(v) for v in kept)):
            written = boxes.get((kept[0].value, kept[1].value, kept[2].value, kept[3].value))
        else:  # inherited from the page tree, which pdfium does not look up here
            written = set().union(*boxes.values()) if len(boxes) == 1 else None
        written = written or set()
        if len(written) != 1:
            raise UnsupportedError(f"media box: {len(written)} matching arrays in the file")
        x0, y0, x1, y1 = next(iter(written))
        if x0 > x1 or y0 > y1:
            raise UnsupportedError("media box written from its top right corner")
        self.ctm: Affine = (1.0, 0.0, 0.0, 1.0, -x0, -y0)
        mb_height = y1 - y0
        self.mb_x0 = x0
        self.mb_top = mb_height - y1
        self.width = x1 - x0
        self.height = (mb_height - y0) - (mb_height - y1)

    def flip(self, y: float) -> float:
        """pdfplumber's top-left vertical coordinate."""
        return (self.height - y) + self.mb_top

    def glyph(
        self, text: str, x0: float, top: float, x1: float, bottom: float, upright: bool
    ) -> Glyph:
        if self.mb_x0 != 0:
            x0, x1 = x0 + self.mb_x0, x1 + self.mb_x0
        return (text, x0, top, x1, bottom, upright)

    def edge(self, x0: float, x1: float, y: float, band: bool = False) -> RuleBox:
        if self.mb_x0 != 0:
            x0, x1 = x0 + self.mb_x0, x1 + self.mb_x0
        return (x0, x1, (self.height - y) + self.mb_top, band)

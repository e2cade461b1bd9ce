"""Page objects, rules and links, for the pdfium engine (see `pdf_pdfium`).

Page objects are walked depth first, a form's objects where the form is drawn, as pdfminer
renders them; each path is classified as pdfminer's `paint_path` does (line, rectangle or
curve) and its horizontal edges are pdfplumber's `horizontal_edges`; URI link annotations
are pdfplumber's `hyperlinks`.
"""

from __future__ import annotations

import ctypes
import itertools
from collections.abc import Iterator
from typing import Any

from pipeline.extraction.pdf_clip import extent, narrow
from pipeline.extraction.pdf_glyphs import Box, LinkBox, RuleBox
from pipeline.extraction.pdf_pdfium_frame import (
    Affine,
    PageFrame,
    apply_matrix_pt,
    as_written,
    mult_matrix,
    written_matrix,
)
from pipeline.extraction.pdf_pdfium_lib import (
    ACTION_URI,
    PAGEOBJ_FORM,
    SEGMENT_BEZIERTO,
    SEGMENT_MOVETO,
    Matrix,
    RectF,
)
from pipeline.settings import SETTINGS


def walk(
    lib: Any, container: int | None, page: int, form: Affine | None, clipped: bool = False
) -> Iterator[tuple[int, int, Affine | None, bool]]:
    """Page objects depth first (a form's objects where the form is drawn), with the
    matrix of the form they are in and whether a form they are in is clipped."""
    count = (
        lib.FPDFFormObj_CountObjects(container) if container else lib.FPDFPage_CountObjects(page)
    )
    for i in range(count):
        obj = (
            lib.FPDFFormObj_GetObject(container, i)
            if container
            else lib.FPDFPage_GetObject(page, i)
        )
        kind = lib.FPDFPageObj_GetType(obj)
        if kind == PAGEOBJ_FORM:
            inner = object_matrix(lib, obj)
            yield from walk(
                lib,
                obj,
                page,
                inner if form is None else mult_matrix(inner, form),
                clipped or _has_clip(lib, obj),
            )
        else:
            yield obj, kind, form, clipped


def _has_clip(lib: Any, obj: int) -> bool:
    clip = lib.FPDFPageObj_GetClipPath(obj)
    return bool(clip) and lib.FPDFClipPath_CountPaths(clip) > 0


def object_matrix(lib: Any, obj: int) -> Affine:
    m = Matrix()
    lib.FPDFPageObj_GetMatrix(obj, ctypes.byref(m))
    return written_matrix(m)


def clip_box(lib: Any, obj: int, page: PageFrame) -> Box | None:
    """The box bounding the clip an object is painted in (`pdf_clip`), in pdfplumber's
    frame, or None when nothing clips it. pdfium gives the clip's paths in page space."""
    clip = lib.FPDFPageObj_GetClipPath(obj)
    if not clip:
        return None
    box: Box | None = None
    x, y = ctypes.c_float(), ctypes.c_float()
    for i in range(lib.FPDFClipPath_CountPaths(clip)):  # -1: no clip
        points = []
        for j in range(lib.FPDFClipPath_CountPathSegments(clip, i)):
            segment = lib.FPDFClipPath_GetPathSegment(clip, i, j)
            lib.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
            points.append(apply_matrix_pt(page.ctm, x.value, y.value))
        found = extent(points)
        if found is not None:
            box = narrow(box, found)
    if box is None:
        return None
    x0, y0, x1, y1 = box
    return x0 + page.mb_x0, page.flip(y1), x1 + page.mb_x0, page.flip(y0)


def _path_ops(lib: Any, path: int) -> list[tuple[str, float, float]]:
    """A path's operators as pdfminer keeps them: "m", "l", "c" (its end point) and "h"
    (a closing, at the subpath's start point)."""
    ops: list[tuple[str, float, float]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    beziers = 0
    for i in range(lib.FPDFPath_CountSegments(path)):
        segment = lib.FPDFPath_GetPathSegment(path, i)
        lib.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
        kind = lib.FPDFPathSegment_GetType(segment)
        point = (as_written(x.value), as_written(y.value))
        if kind == SEGMENT_BEZIERTO:
            beziers += 1
            if beziers % 3:
                continue  # a control point
            ops.append(("c", *point))
        else:
            ops.append(("m" if kind == SEGMENT_MOVETO else "l", *point))
        if lib.FPDFPathSegment_GetClose(segment):
            start = next((op for op in reversed(ops) if op[0] == "m"), ops[0])
            ops.append(("h", start[1], start[2]))
    return ops


def _path_edges(
    page: PageFrame, ctm: Affine, ops: list[tuple[str, float, float]], filled: bool = False
) -> Iterator[tuple[int, RuleBox]]:
    """The horizontal edges pdfplumber finds in one path, each with its kind (0 line, 1
    rectangle, 2 curve: pdfplumber lists the kinds in that order), as pdfminer's
    `paint_path` classifies each subpath. `filled`: the path is filled and not stroked,
    so that its rectangles taller than `band_pt` are shading."""
    starts = [i for i, op in enumerate(ops) if op[0] == "m"] + [len(ops)]
    for begin, end in itertools.pairwise(starts):
        sub = ops[begin:end]
        if len(sub) < 2:
            continue
        shape = "".join(op[0] for op in sub)
        pts = [apply_matrix_pt(ctm, op[1], op[2]) for op in sub]
        if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
            shape = shape[:-2] + "h"
            pts.pop()
        if shape in ("mlh", "ml"):
            (x0, y0), (x1, y1) = pts[0], pts[1]
            if y0 == y1:
                yield 0, page.edge(min(x0, x1), max(x0, x1), y1)
            continue
        if shape in ("mlllh", "mllll"):
            (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
            closed = pts[0] == pts[4]
            square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
                y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
            )
            if closed and square:
                left, right = min(x0, x2), max(x0, x2)
                low, high = min(y0, y2), max(y0, y2)
                band = filled and high - low > SETTINGS.band_pt
                top = page.edge(left, right, high, band)
                yield 1, top
                yield 1, (top[0], top[1], top[2] + (high - low), band)
                continue
        flipped = [(page.mb_x0 + x, page.mb_top + page.height - y) for x, y in pts]
        for (ax, ay), (bx, by) in itertools.pairwise(flipped):
            if ax != bx and ay == by:
                yield 2, (min(ax, bx), max(ax, bx), ay, False)


def rules(lib: Any, page: PageFrame, paths: list[tuple[int, Affine | None]]) -> list[RuleBox]:
    found: list[tuple[int, RuleBox]] = []
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    for obj, form in paths:
        matrix = object_matrix(lib, obj)
        ctm = mult_matrix(mult_matrix(matrix, form) if form else matrix, page.ctm)
        lib.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke))
        filled = bool(fill.value) and not stroke.value
        found.extend(_path_edges(page, ctm, _path_ops(lib, obj), filled))
    return [edge for kind in (0, 1, 2) for k, edge in found if k == kind]


def links(lib: Any, doc: int, handle: int, page: PageFrame) -> list[LinkBox]:
    """URI link annotations, as pdfplumber's `hyperlinks` places them."""
    links: list[LinkBox] = []
    position, link, rect = ctypes.c_int(0), ctypes.c_void_p(), RectF()
    while lib.FPDFLink_Enumerate(handle, ctypes.byref(position), ctypes.byref(link)):
        action = lib.FPDFLink_GetAction(link)
        if not action or lib.FPDFAction_GetType(action) != ACTION_URI:
            continue
        size = lib.FPDFAction_GetURIPath(doc, action, None, 0)
        buffer = ctypes.create_string_buffer(size)
        lib.FPDFAction_GetURIPath(doc, action, buffer, size)
        raw = buffer.raw[:size].rstrip(b"\0")
        try:
            uri = raw.decode("utf-8")
        except UnicodeDecodeError:
            uri = raw.decode("utf-16", errors="replace")
        if not uri:
            continue
        lib.FPDFLink_GetAnnotRect(link, ctypes.byref(rect))
        xs = sorted((as_written(rect.left), as_written(rect.right)))
        ys = sorted((as_written(rect.bottom), as_written(rect.top)))
        links.append((xs[0], page.height - ys[1], xs[1], page.height - ys[0], uri))
    return links

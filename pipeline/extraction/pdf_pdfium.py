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
thousandths it must be; the descent comes from the font descriptor (`pdf_fontdicts`).

pdfium's text page is also a text extractor with opinions, which are undone: the spaces
it invents between words are dropped (and a real space it merged into one of them is
restored), a ligature it split into letters is one glyph again, a line-end hyphen it
marked with U+0002 is a hyphen, and characters are put back in content-stream order,
which is the order pdfminer gives (its text objects are sorted by position within a
line). Where a page holds something whose pdfminer reading cannot be rebuilt this way
(rotated pages, fonts whose metrics pdfminer substitutes, kerning that is not whole
thousandths, character or word spacing, right-to-left text, marked-content replacement
text), `UnsupportedError` is raised and the document is read with pdfplumber instead.
"""

from __future__ import annotations

import ctypes
import itertools
import struct
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pipeline.extraction.pdf_pdfium_lib import (
    ACTION_URI,
    OBJECT_UNKNOWN,
    PAGEOBJ_FORM,
    PAGEOBJ_PATH,
    PAGEOBJ_TEXT,
    SEGMENT_BEZIERTO,
    SEGMENT_MOVETO,
    Matrix,
    RectF,
    pdfium,
)
from pipeline.extraction.pdf_rawdicts import Box, FileFacts, FontFacts, read_dicts, subset_free
from pipeline.extraction.pdf_words import Glyph, LinkBox, RawPage, RuleBox, words

# pdfminer's matrix (a, b, c, d, e, f).
Affine = tuple[float, float, float, float, float, float]

_PACK = struct.Struct("f")
# pdfium splits these ligatures into letters; pdfminer keeps the ligature.
_LIGATURES = {"ff": "ﬀ", "fi": "ﬁ", "fl": "ﬂ", "ffi": "ﬃ", "ffl": "ﬄ", "ſt": "ﬅ", "st": "ﬆ"}
_GENERATED = (0x20, 0x0D, 0x0A)
# pdfium's mark for a hyphen at a line end, before a word that goes on on the next line.
_HYPHEN_MARK = 0x02
# How far (in thousandths of the font size) a kerning read back from single-precision
# positions may be from a whole number: pdfium's rounding error is below 0.05 at 4 pt.
_KERN_SLACK = 0.1


class UnsupportedError(Exception):
    """The document holds something whose pdfplumber reading this engine cannot rebuild
    exactly; the message says what."""


_DECIMALS: dict[float, float] = {}


def _decimal(value: float) -> float:
    """The number the file wrote, from the single-precision copy pdfium keeps: the shortest
    decimal that rounds to the same single-precision number."""
    known = _DECIMALS.get(value)
    if known is not None:
        return known
    target = _PACK.pack(value)
    found = value
    for digits in (6, 7, 8, 9):
        found = float(f"{value:.{digits}g}")
        if _PACK.pack(found) == target:
            break
    _DECIMALS[value] = found
    return found


def _mult(m1: Affine, m0: Affine) -> Affine:
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


def _point(m: Affine, x: float, y: float) -> tuple[float, float]:
    """pdfminer's `apply_matrix_pt`."""
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


class _Page:
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

    def edge(self, x0: float, x1: float, y: float) -> RuleBox:
        if self.mb_x0 != 0:
            x0, x1 = x0 + self.mb_x0, x1 + self.mb_x0
        return (x0, x1, (self.height - y) + self.mb_top)


class _Fonts:
    """Per pdfium font handle: the descriptor facts, and glyph widths by character."""

    def __init__(self, lib: Any, table: dict[str, set[FontFacts]]) -> None:
        self.lib = lib
        self.table = table
        self.facts: dict[int, FontFacts] = {}
        self.by_font: dict[int, dict[str, float]] = {}
        self.name = ctypes.create_string_buffer(256)
        self.value = ctypes.c_float()

    def descent(self, font: int) -> float:
        facts = self.facts.get(font)
        if facts is None:
            self.lib.FPDFFont_GetBaseFontName(font, self.name, 256)
            name = self.name.value.decode("latin-1")
            found = self.table.get(name) or self.table.get(subset_free(name)) or set()
            if len(found) != 1:
                raise UnsupportedError(f"font {name!r}: {len(found)} readings of its dictionary")
            facts = self.facts[font] = next(iter(found))
        if facts.problem:
            raise UnsupportedError(facts.problem)
        return facts.descent

    def widths(self, font: int) -> dict[str, float]:
        """Glyph widths of one font in thousandths of the font size (whole numbers, as
        pdfium keeps them), by character; filled as characters are met (`width`)."""
        table = self.by_font.get(font)
        if table is None:
            table = self.by_font[font] = {}
        return table

    def width(self, font: int, text: str) -> float:
        code = ord(_LIGATURES.get(text, text)) if len(text) > 1 else ord(text)
        self.lib.FPDFFont_GetGlyphWidth(font, code, 1000.0, ctypes.byref(self.value))
        width = self.widths(font)[text] = float(round(self.value.value))
        return width


# One character as pdfium gives it: (unicode text, origin x, origin y, generated space?).
_Char = tuple[str, float, float, bool]


def _characters(lib: Any, text_page: int) -> _Characters:
    """The characters of a page by text object (objects in pdfium's order), the index of
    each object's first character (for its matrix and size), and the objects whose
    characters need `_real`."""
    by_object: dict[int, list[_Char]] = {}
    first: dict[int, int] = {}
    special: set[int] = set()
    get_unicode, is_generated = lib.FPDFText_GetUnicode, lib.FPDFText_IsGenerated
    count = lib.FPDFText_CountChars(text_page)
    buffer = ctypes.create_string_buffer(2 * count + 2)
    written = lib.FPDFText_GetText(text_page, 0, count, buffer) if count else 1
    # One call for all the text, when it has one UTF-16 unit per character (pdfium leaves
    # its control characters out of the text, and splits characters beyond the BMP); a
    # character it writes as U+FFFE (a marked hyphen, a glyph without unicode) is asked.
    text = buffer.raw[: 2 * (written - 1)].decode("utf-16-le", errors="replace")
    codes = [ord(c) for c in text] if written - 1 == count else [0xFFFE] * count
    pages = itertools.repeat(text_page, count)
    if any(map(lib.FPDFText_HasUnicodeMapError, pages, range(count))):
        raise UnsupportedError("a character without a unicode mapping")
    objects = list(
        map(lib.FPDFText_GetTextObject, itertools.repeat(text_page, count), range(count))
    )
    cell = (ctypes.c_double * 2)()
    at_x = ctypes.addressof(cell)
    at_y = at_x + ctypes.sizeof(ctypes.c_double)
    get_origin = lib.FPDFText_GetCharOrigin
    for k, obj in enumerate(objects):
        code = codes[k]
        if code == 0xFFFE:
            code = get_unicode(text_page, k)
        generated = code in _GENERATED and bool(is_generated(text_page, k))
        if generated and (code != 0x20 or not obj):
            continue  # a line break, or a space between two text objects
        if not obj:
            raise UnsupportedError("a character without a text object")
        if code == _HYPHEN_MARK and lib.FPDFText_IsHyphen(text_page, k):
            code = 0x2D
        elif code == 0 or code == 0xFFFE:
            raise UnsupportedError("a character without a unicode mapping")
        elif code >= 0x590 and unicodedata.bidirectional(chr(code)) in ("R", "AL"):
            raise UnsupportedError("right-to-left text")
        get_origin(text_page, k, at_x, at_y)
        char = (chr(code), cell[0], cell[1], generated)
        chars = by_object.get(obj)
        if chars is None:
            by_object[obj] = [char]
            first[obj] = k
        else:
            if generated or (chars[-1][1] == char[1] and chars[-1][2] == char[2]):
                special.add(obj)
            chars.append(char)
        if generated:
            special.add(obj)
    return _Characters(by_object, first, special)


@dataclass
class _Characters:
    by_object: dict[int, list[_Char]]
    first: dict[int, int]
    special: set[int]


def _real(chars: list[_Char]) -> Iterator[_Char]:
    """An object's characters as the content stream has them. A space pdfium generated
    stands for a real space it dropped (two spaces in a row are merged) when the next
    character starts after it, or when it ends the object; otherwise it is pdfium's own.
    Letters of a ligature pdfium split (one origin) are joined again."""
    i = 0
    while i < len(chars):
        text, x, y, generated = chars[i]
        if generated:
            nxt = chars[i + 1] if i + 1 < len(chars) else None
            if nxt is not None and (nxt[1], nxt[2]) == (x, y):
                i += 1
                continue
        j = i + 1
        while j < len(chars) and (chars[j][1], chars[j][2]) == (x, y) and not chars[j][3]:
            joined = text + chars[j][0]
            if not any(ligature.startswith(joined) for ligature in _LIGATURES):
                break
            text, j = joined, j + 1
        if len(text) > 1 and text not in _LIGATURES:
            raise UnsupportedError("a glyph mapped to several characters")
        yield text, x, y, False
        i = j


def _object_glyphs(
    lib: Any,
    page: _Page,
    fonts: _Fonts,
    text_page: int,
    obj: int,
    index: int,
    chars: list[_Char],
    special: bool,
) -> list[Glyph]:
    """pdfminer's glyphs for one text object (a Tj or TJ), rebuilt as its
    `render_string_horizontal` and `LTChar` compute them."""
    m = Matrix()
    lib.FPDFText_GetMatrix(text_page, index, ctypes.byref(m))
    text_matrix: Affine = (
        _decimal(m.a),
        _decimal(m.b),
        _decimal(m.c),
        _decimal(m.d),
        _decimal(m.e),
        _decimal(m.f),
    )
    a, b, c, d, e, f = _mult(text_matrix, page.ctm)
    size = _decimal(lib.FPDFText_GetFontSize(text_page, index))
    font = lib.FPDFTextObj_GetFont(obj)
    descent = fonts.descent(font) * 0.001 * size
    scaling = 100 * 0.01
    dxscale = 0.001 * size * scaling
    upright = a * d * scaling > 0 and b * c <= 0
    # The common case, unrotated text: the box is [x, x + a * adv] by a fixed height, and
    # pdfminer's four corner products reduce to these (adding a zero changes no bit).
    plain = b == 0 and c == 0 and a > 0 and d > 0 and page.mb_x0 == 0
    low, high = page.flip(d * descent + f), page.flip(d * (descent + size) + f)
    along = 1 if abs(m.a) >= abs(m.b) else 2
    start, step = (m.e, m.a) if along == 1 else (m.f, m.b)
    zero_c = 0 * c
    widths = fonts.widths(font)
    out: list[Glyph] = []
    x = 0.0
    previous = -1.0  # no glyph yet
    kerns: set[int] = set()
    for char in _real(chars) if special else chars:
        text = char[0]
        if previous >= 0:
            x += previous
        # Where pdfium put the glyph along the text line, in pdfminer's text space; what
        # is left after the advances is the TJ array's kerning, in thousandths.
        kern = (x - (char[along] - start) / step) / dxscale
        whole = round(kern)
        if abs(kern - whole) > _KERN_SLACK:
            raise UnsupportedError("character spacing, word spacing or fractional kerning")
        if previous >= 0:
            kerns.add(whole)
        if whole:
            x -= whole * dxscale
        units = widths.get(text)
        adv = (fonts.width(font, text) if units is None else units) * 0.001 * size * scaling
        if plain and adv >= 0:
            x0 = x * a + zero_c + e
            out.append((text, x0, high, a * adv + x0, low, upright))
        else:
            out.append(
                _glyph(
                    page,
                    (a, b, c, d, x * a + zero_c + e, x * b + 0 * d + f),
                    adv,
                    descent,
                    size,
                    text,
                    upright,
                )
            )
        previous = adv
    if len(out) > 2 and len(kerns) == 1 and 0 not in kerns:
        # The same step before every glyph is character spacing (Tc), which pdfminer adds
        # as a length of its own: the sum could differ in the last bit.
        raise UnsupportedError("character spacing")
    return out


def _glyph(
    page: _Page, matrix: Affine, adv: float, descent: float, size: float, text: str, upright: bool
) -> Glyph:
    """pdfminer's `LTChar` box: the four corners of [0, adv] by [descent, descent + size]
    through the glyph's matrix, as `apply_matrix_rect` takes them."""
    corners = [
        _point(matrix, 0, descent),
        _point(matrix, adv, descent),
        _point(matrix, adv, descent + size),
        _point(matrix, 0, descent + size),
    ]
    xs, ys = [p[0] for p in corners], [p[1] for p in corners]
    return page.glyph(text, min(xs), page.flip(max(ys)), max(xs), page.flip(min(ys)), upright)


def _walk(
    lib: Any, container: int | None, page: int, form: Affine | None
) -> Iterator[tuple[int, int, Affine | None]]:
    """Page objects depth first (a form's objects where the form is drawn), with the
    matrix of the form they are in."""
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
            inner = _matrix(lib, obj)
            yield from _walk(lib, obj, page, inner if form is None else _mult(inner, form))
        else:
            yield obj, kind, form


def _matrix(lib: Any, obj: int) -> Affine:
    m = Matrix()
    lib.FPDFPageObj_GetMatrix(obj, ctypes.byref(m))
    return (
        _decimal(m.a),
        _decimal(m.b),
        _decimal(m.c),
        _decimal(m.d),
        _decimal(m.e),
        _decimal(m.f),
    )


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
        point = (_decimal(x.value), _decimal(y.value))
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
    page: _Page, ctm: Affine, ops: list[tuple[str, float, float]]
) -> Iterator[tuple[int, RuleBox]]:
    """The horizontal edges pdfplumber finds in one path, each with its kind (0 line, 1
    rectangle, 2 curve: pdfplumber lists the kinds in that order), as pdfminer's
    `paint_path` classifies each subpath."""
    starts = [i for i, op in enumerate(ops) if op[0] == "m"] + [len(ops)]
    for begin, end in itertools.pairwise(starts):
        sub = ops[begin:end]
        if len(sub) < 2:
            continue
        shape = "".join(op[0] for op in sub)
        pts = [_point(ctm, op[1], op[2]) for op in sub]
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
                top = page.edge(left, right, high)
                yield 1, top
                yield 1, (top[0], top[1], top[2] + (high - low))
                continue
        flipped = [(page.mb_x0 + x, page.mb_top + page.height - y) for x, y in pts]
        for (ax, ay), (bx, by) in itertools.pairwise(flipped):
            if ax != bx and ay == by:
                yield 2, (min(ax, bx), max(ax, bx), ay)


def _rules(lib: Any, page: _Page, paths: list[tuple[int, Affine | None]]) -> list[RuleBox]:
    found: list[tuple[int, RuleBox]] = []
    for obj, form in paths:
        matrix = _matrix(lib, obj)
        ctm = _mult(_mult(matrix, form) if form else matrix, page.ctm)
        found.extend(_path_edges(page, ctm, _path_ops(lib, obj)))
    return [edge for kind in (0, 1, 2) for k, edge in found if k == kind]


def _links(lib: Any, doc: int, handle: int, page: _Page) -> list[LinkBox]:
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
        xs = sorted((_decimal(rect.left), _decimal(rect.right)))
        ys = sorted((_decimal(rect.bottom), _decimal(rect.top)))
        links.append((xs[0], page.height - ys[1], xs[1], page.height - ys[0], uri))
    return links


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


def _read_page(lib: Any, doc: int, index: int, fonts: _Fonts, facts: FileFacts) -> RawPage:
    handle = lib.FPDF_LoadPage(doc, index)
    if not handle:
        raise UnsupportedError(f"pdfium cannot load page {index + 1}")
    try:
        page = _Page(lib, handle, facts.boxes)
        order: dict[int, int] = {}
        paths: list[tuple[int, Affine | None]] = []
        for seq, (obj, kind, form) in enumerate(_walk(lib, None, handle, None)):
            if kind == PAGEOBJ_TEXT:
                if _replaced(lib, obj):
                    raise UnsupportedError("marked-content /ActualText")
                order[obj] = seq
            elif kind == PAGEOBJ_PATH:
                paths.append((obj, form))
        text_page = lib.FPDFText_LoadPage(handle)
        try:
            found = _characters(lib, text_page)
            by_object = found.by_object
            if any(obj not in order for obj in by_object):
                raise UnsupportedError("a character outside the page's text objects")
            if any(_wide(lib, obj) for obj in order if obj not in by_object):
                raise UnsupportedError("text pdfium leaves out (overprinted or replaced)")
            glyphs: list[Glyph] = []
            for obj in sorted(by_object, key=order.__getitem__):
                glyphs.extend(
                    _object_glyphs(
                        lib,
                        page,
                        fonts,
                        text_page,
                        obj,
                        found.first[obj],
                        by_object[obj],
                        obj in found.special,
                    )
                )
        finally:
            lib.FPDFText_ClosePage(text_page)
        return RawPage(
            page.width,
            page.height,
            words(glyphs),
            _rules(lib, page, paths),
            _links(lib, doc, handle, page),
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
        fonts = _Fonts(lib, facts.fonts)
        count = lib.FPDF_GetPageCount(doc)
        return [_read_page(lib, doc, i, fonts, facts) for i in range(count)]
    finally:
        lib.FPDF_CloseDocument(doc)

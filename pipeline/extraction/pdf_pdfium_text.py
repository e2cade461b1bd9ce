"""Characters to pdfminer's glyphs, for the pdfium engine (see `pdf_pdfium`).

pdfium's text page gives each character's unicode, origin and text object; the glyph box
pdfminer would draw is rebuilt per text object (a Tj or TJ) from the object's matrix and
font size, the font's widths and descriptor descent, and the advance from glyph to glyph
with the TJ array's kerning read back from pdfium's positions. What pdfium's text page
adds or changes is undone first (`characters`, `_real`).
"""

from __future__ import annotations

import ctypes
import itertools
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pipeline.extraction.pdf_glyphs import Glyph
from pipeline.extraction.pdf_pdfium_frame import (
    Affine,
    PageFrame,
    UnsupportedError,
    apply_matrix_pt,
    as_written,
    mult_matrix,
    written_matrix,
)
from pipeline.extraction.pdf_pdfium_lib import Matrix, RectF
from pipeline.extraction.pdf_rawdicts import FontFacts, subset_free

# pdfium splits these ligatures into letters; pdfminer keeps the ligature.
_LIGATURES = {
    "".join(chr(int(code, 16)) for code in unicodedata.decomposition(chr(c)).split()[1:]): chr(c)
    for c in range(0xFB00, 0xFB07)
}
_GENERATED = (0x20, 0x0D, 0x0A)
# pdfium's mark for a hyphen at a line end, before a word that goes on on the next line.
_HYPHEN_MARK = 0x02
# How far (in thousandths of the font size) a kerning read back from single-precision
# positions may be from a whole number: pdfium's rounding error is below 0.05 at 4 pt.
_KERN_SLACK = 0.1


class Fonts:
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

    def width(self, font: int, text: str, loose: float | None = None) -> float:
        """A glyph's width, asked by its unicode. pdfium finds the glyph from the unicode
        through the font's ToUnicode map, which may map a ligature glyph to its letters
        ("fi") rather than to the ligature (U+FB01): then it finds none and says 0 (a
        simple font), or the default width of a character code it takes the ligature's
        unicode for (a CID font: WeasyPrint's). So a ligature's width is `loose`, the width
        pdfium's loose box gives that glyph (in thousandths), found from the glyph itself;
        without one, this engine cannot read the text."""
        if len(text) > 1:
            if loose is None:
                raise UnsupportedError("a ligature glyph pdfium gives no width")
            width = float(round(loose))
        else:
            self.lib.FPDFFont_GetGlyphWidth(font, ord(text), 1000.0, ctypes.byref(self.value))
            width = float(round(self.value.value))
        self.widths(font)[text] = width
        return width


# One character as pdfium gives it: (unicode text, origin x, origin y, generated space?).
_Char = tuple[str, float, float, bool]


def characters(lib: Any, text_page: int) -> Characters:
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
    loose: dict[tuple[int, float, float], float] = {}
    box = RectF()
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
            if not generated and chars[-1][1] == char[1] and chars[-1][2] == char[2]:
                # A letter of a ligature pdfium split: the glyph's loose box is its width.
                lib.FPDFText_GetLooseCharBox(text_page, k, ctypes.byref(box))
                loose[(obj, char[1], char[2])] = box.right - box.left
            chars.append(char)
        if generated:
            special.add(obj)
    return Characters(by_object, first, special, loose)


@dataclass
class Characters:
    by_object: dict[int, list[_Char]]
    first: dict[int, int]
    special: set[int]
    # The loose box's width (page units) of each ligature pdfium split, by object and origin.
    loose: dict[tuple[int, float, float], float]


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


def object_glyphs(
    lib: Any,
    page: PageFrame,
    fonts: Fonts,
    text_page: int,
    obj: int,
    index: int,
    chars: list[_Char],
    special: bool,
    loose: dict[tuple[int, float, float], float],
) -> list[Glyph]:
    """pdfminer's glyphs for one text object (a Tj or TJ), rebuilt as its
    `render_string_horizontal` and `LTChar` compute them."""
    m = Matrix()
    lib.FPDFText_GetMatrix(text_page, index, ctypes.byref(m))
    a, b, c, d, e, f = mult_matrix(written_matrix(m), page.ctm)
    size = as_written(lib.FPDFText_GetFontSize(text_page, index))
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
        if units is None:
            # The loose box spans the advance along an unrotated line: in thousandths.
            flat = len(text) > 1 and along == 1 and step > 0
            box = loose.get((obj, char[1], char[2])) if flat else None
            units = fonts.width(font, text, None if box is None else box / (step * dxscale))
        adv = units * 0.001 * size * scaling
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
    page: PageFrame,
    matrix: Affine,
    adv: float,
    descent: float,
    size: float,
    text: str,
    upright: bool,
) -> Glyph:
    """pdfminer's `LTChar` box: the four corners of [0, adv] by [descent, descent + size]
    through the glyph's matrix, as `apply_matrix_rect` takes them."""
    corners = [
        apply_matrix_pt(matrix, 0, descent),
        apply_matrix_pt(matrix, adv, descent),
        apply_matrix_pt(matrix, adv, descent + size),
        apply_matrix_pt(matrix, 0, descent + size),
    ]
    xs, ys = [p[0] for p in corners], [p[1] for p in corners]
    return page.glyph(text, min(xs), page.flip(max(ys)), max(xs), page.flip(min(ys)), upright)

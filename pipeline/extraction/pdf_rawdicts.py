"""The facts pdfminer reads from a PDF's dictionaries and pdfium does not expose.

pdfminer draws a glyph's box from the baseline down to the font descriptor's `/Descent`
and up one font size, and flips it over the page's `/MediaBox` as written (LibreOffice
writes 841.889763779528); pdfium keeps the descent of the font program instead, and the
media box in single precision, and its API gives no access to PDF dictionaries. This
module reads just those dictionaries from the file's bytes: plain objects are found by
their `N G obj` headers, compressed ones by inflating the object streams, and only font
and font-descriptor objects (and the arrays they point to) and media boxes are parsed,
with a few anchored patterns.

It also says when pdfminer's metrics are ones the pdfium engine cannot reproduce exactly
(`FontFacts.problem`): pdfminer substitutes its own metrics for a standard-14 name,
Type 3 fonts have their own glyph space, vertical writing stacks glyphs, and pdfium keeps
widths as whole numbers. The PDF engine then reads the document with pdfplumber instead,
so that both engines always agree.
"""

from __future__ import annotations

import bisect
import re
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

# The names pdfminer looks up in its own metrics table (pdfminer.fontmetrics) before it
# reads a Type 1 or TrueType font's own widths and descriptor.
_PDFMINER_METRICS = frozenset(
    {
        "Courier",
        "Courier-Bold",
        "Courier-BoldOblique",
        "Courier-Oblique",
        "Helvetica",
        "Helvetica-Bold",
        "Helvetica-BoldOblique",
        "Helvetica-Oblique",
        "Symbol",
        "Times-Bold",
        "Times-BoldItalic",
        "Times-Italic",
        "Times-Roman",
        "ZapfDingbats",
        "Arial",
        "Arial,Bold",
        "Arial,BoldItalic",
        "Arial,Italic",
        "CourierNew",
        "CourierNew,Bold",
        "CourierNew,BoldItalic",
        "CourierNew,Italic",
        "TimesNewRoman",
        "TimesNewRoman,Bold",
        "TimesNewRoman,BoldItalic",
        "TimesNewRoman,Italic",
    }
)

_HEADER = re.compile(rb"(\d+)\s+(\d+)\s+$")
_NAME = rb"/([^\s/<>\[\]()%{}]*)"
_NUMBER = rb"([+-]?(?:\d+\.?\d*|\.\d+))"
_REF = rb"(\d+)\s+\d+\s+R"
_SUBTYPE = re.compile(rb"/Subtype\s*" + _NAME)
_BASEFONT = re.compile(rb"/BaseFont\s*" + _NAME)
_DESCRIPTOR = re.compile(rb"/FontDescriptor\s*" + _REF)
_DESCENDANTS = re.compile(rb"/DescendantFonts\s*(?:\[\s*" + _REF + rb"|" + _REF + rb")")
_DESCENT = re.compile(rb"/Descent\s*(?:" + _REF + rb"|" + _NUMBER + rb")")
_ENCODING = re.compile(rb"/Encoding\s*(?:" + _NAME + rb"|(\S))")
_WIDTHS = re.compile(rb"/(Widths|W|DW)(?![A-Za-z])\s*(?:" + _REF + rb"|(\[)|" + _NUMBER + rb")")
_FRACTION = re.compile(rb"\d\.\d*[1-9]")
_OBJSTM = re.compile(rb"/Type\s*/ObjStm\b")
_MEDIABOX = re.compile(rb"/MediaBox\s*\[\s*" + rb"\s+".join([_NUMBER] * 4) + rb"\s*\]")
_SINGLE = struct.Struct("f")
_STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")


@dataclass(frozen=True)
class FontFacts:
    """What pdfminer takes from one font dictionary for a glyph's box."""

    # The descriptor's /Descent in glyph units (1/1000 em), negative, as pdfminer reads it.
    descent: float
    # Why pdfminer's box for this font cannot be reproduced from pdfium, or None.
    problem: str | None = None


def subset_free(name: str) -> str:
    """A font name without its subset tag ("BAAAAA+LiberationSerif" -> "LiberationSerif"),
    the form pdfium reports for simple fonts."""
    tag, plus, rest = name.partition("+")
    return rest if plus and len(tag) == 6 and tag.isalpha() and tag.isupper() else name


def _name(raw: bytes) -> str:
    """A PDF name's characters, with #xx escapes decoded."""
    return re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), raw).decode(
        "latin-1"
    )


def _number(raw: bytes) -> float:
    """pdfminer keeps an integer token as int; the arithmetic gives the same either way."""
    return float(int(raw)) if raw.lstrip(b"+-").isdigit() else float(raw)


class _Objects:
    """The file's objects by number: plain ones by their header, compressed ones from the
    object streams, which are inflated only when a number is not found otherwise."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.starts: dict[int, int] = {}  # object number -> offset after "obj"
        self.offsets: list[int] = []  # every header's end, ascending
        position = data.find(b"obj")
        while position != -1:
            if data[position - 3 : position] != b"end":
                header = _HEADER.search(data, max(0, position - 24), position)
                if header is not None:
                    # Incremental updates append new versions: the last one counts.
                    self.starts[int(header.group(1))] = position + 3
                    self.offsets.append(position + 3)
            position = data.find(b"obj", position + 3)
        self.packed: dict[int, bytes] | None = None

    def body(self, number: int) -> bytes | None:
        start = self.starts.get(number)
        if start is not None:
            end = self.data.find(b"endobj", start)
            return self.data[start : end if end != -1 else len(self.data)]
        return self.unpacked().get(number)

    def enclosing(self, position: int) -> bytes:
        """The plain object a position of the file lies in."""
        i = bisect.bisect_right(self.offsets, position) - 1
        start = self.offsets[i] if i >= 0 else 0
        end = self.data.find(b"endobj", position)
        return self.data[start : end if end != -1 else len(self.data)]

    def unpacked(self) -> dict[int, bytes]:
        """Every object of every object stream (inflated once); raises ValueError when a
        stream cannot be read (a filter other than Flate, or encryption)."""
        if self.packed is None:
            self.packed = {}
            for match in _OBJSTM.finditer(self.data):
                self.packed.update(_object_stream(self.enclosing(match.start())))
        return self.packed

    def everywhere(self, pattern: re.Pattern[bytes]) -> Iterator[re.Match[bytes]]:
        yield from pattern.finditer(self.data)
        for body in self.unpacked().values():
            yield from pattern.finditer(body)

    def fonts(self) -> Iterator[bytes]:
        """The body of every object that names a base font or is a Type 3 font."""
        seen: set[int] = set()
        for pattern in (b"/BaseFont", b"/Type3"):
            position = self.data.find(pattern)
            while position != -1:
                i = bisect.bisect_right(self.offsets, position) - 1
                if i not in seen:
                    seen.add(i)
                    yield self.enclosing(position)
                position = self.data.find(pattern, position + 1)
        for body in self.unpacked().values():
            if b"/BaseFont" in body or b"/Type3" in body:
                yield body


def _object_stream(body: bytes) -> dict[int, bytes]:
    head, _, _ = body.partition(b"stream")
    if b"/Filter" in head and not re.search(rb"/Filter\s*/FlateDecode\b", head):
        raise ValueError("object stream with a filter other than Flate")
    if b"/DecodeParms" in head:
        raise ValueError("object stream with a predictor")
    count = re.search(rb"/N\s+(\d+)", head)
    first = re.search(rb"/First\s+(\d+)", head)
    start = _STREAM.search(body)
    if count is None or first is None or start is None:
        raise ValueError("object stream without /N, /First or data")
    raw = body[start.end() :]
    try:
        text = zlib.decompressobj().decompress(raw) if b"/Filter" in head else raw
    except zlib.error as error:
        raise ValueError("object stream that does not inflate (encrypted?)") from error
    numbers = [int(n) for n in text[: int(first.group(1))].split()]
    pairs = list(zip(numbers[0::2], numbers[1::2], strict=False))[: int(count.group(1))]
    offset = int(first.group(1))
    out: dict[int, bytes] = {}
    for i, (number, at) in enumerate(pairs):
        end = offset + pairs[i + 1][1] if i + 1 < len(pairs) else len(text)
        out[number] = text[offset + at : end]
    return out


def _array(body: bytes, start: int) -> bytes:
    """The bracketed array that starts at `start` (nested brackets included)."""
    depth = 0
    for i in range(start, len(body)):
        if body[i : i + 1] == b"[":
            depth += 1
        elif body[i : i + 1] == b"]":
            depth -= 1
            if depth == 0:
                return body[start : i + 1]
    return body[start:]


def _width_problem(objects: _Objects, body: bytes, simple: bool) -> str | None:
    """pdfium keeps widths as whole numbers, and a simple font without /Widths takes the
    font program's; pdfminer takes the numbers as written (or zero)."""
    found = False
    for match in _WIDTHS.finditer(body):
        key, ref, bracket, number = match.groups()
        if simple and key != b"Widths":
            continue
        if ref is not None:
            text = objects.body(int(ref)) or b""
        elif bracket is not None:
            text = _array(body, match.start(3))
        else:
            text = number or b""
        found = found or key == b"Widths"
        if _FRACTION.search(text):
            return "fractional glyph widths"
    return "no /Widths" if simple and not found else None


def _descent(objects: _Objects, font: bytes) -> tuple[float, str | None]:
    reference = _DESCRIPTOR.search(font)
    if reference is None:
        return 0.0, None
    descriptor = objects.body(int(reference.group(1)))
    if descriptor is None:
        return 0.0, "font descriptor not found"
    match = _DESCENT.search(descriptor)
    if match is None:
        return 0.0, None
    ref, number = match.groups()
    raw = (objects.body(int(ref)) or b"").strip() if ref is not None else number
    try:
        value = _number(raw)
    except ValueError:
        return 0.0, "unreadable /Descent"
    return (-value if value > 0 else value), None


def _facts(objects: _Objects, font: bytes) -> tuple[str, FontFacts] | None:
    base = _BASEFONT.search(font)
    subtype = _SUBTYPE.search(font)
    kind = subtype.group(1) if subtype else b""
    if kind == b"Type3":
        return "", FontFacts(0.0, "Type 3 font")
    if base is None or kind not in (b"Type0", b"Type1", b"MMType1", b"TrueType"):
        return None  # a descendant CIDFont, read through its Type0 parent
    name = _name(base.group(1))
    if kind == b"Type0":
        encoding = _ENCODING.search(font)
        if encoding is None or encoding.group(1) is None or encoding.group(1).endswith(b"-V"):
            return name, FontFacts(0.0, "vertical or embedded CMap")
        descendants = _DESCENDANTS.search(font)
        if descendants is None:
            return name, FontFacts(0.0, "no descendant font")
        number = int(descendants.group(1) or descendants.group(2))
        child = objects.body(number) or b""
        if descendants.group(2) is not None:  # an indirect array: [ N 0 R ]
            inner = re.search(rb"\[\s*" + _REF, child)
            child = objects.body(int(inner.group(1))) or b"" if inner else b""
        if not child:
            return name, FontFacts(0.0, "descendant font not found")
        descent, problem = _descent(objects, child)
        return name, FontFacts(descent, problem or _width_problem(objects, child, False))
    if name in _PDFMINER_METRICS:
        return name, FontFacts(0.0, "pdfminer's own standard-14 metrics")
    descent, problem = _descent(objects, font)
    return name, FontFacts(descent, problem or _width_problem(objects, font, True))


Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class FileFacts:
    # Font facts by base font name, under the name as written and without its subset tag.
    fonts: dict[str, set[FontFacts]]
    # Media boxes as written, by the single-precision numbers pdfium keeps of them.
    boxes: dict[Box, set[Box]]


def single(value: float) -> float:
    """The single-precision number pdfium keeps of a value."""
    result: float = _SINGLE.unpack(_SINGLE.pack(value))[0]
    return result


def read_dicts(data: bytes) -> FileFacts:
    """Raises ValueError when the file's dictionaries cannot all be read."""
    objects = _Objects(data)
    fonts: dict[str, set[FontFacts]] = {}
    for body in objects.fonts():
        found = _facts(objects, body)
        if found is None:
            continue
        name, facts = found
        for key in {name, subset_free(name)}:
            fonts.setdefault(key, set()).add(facts)
    boxes: dict[Box, set[Box]] = {}
    for match in objects.everywhere(_MEDIABOX):
        x0, y0, x1, y1 = (_number(v) for v in match.groups())
        boxes.setdefault((single(x0), single(y0), single(x1), single(y1)), set()).add(
            (x0, y0, x1, y1)
        )
    return FileFacts(fonts, boxes)

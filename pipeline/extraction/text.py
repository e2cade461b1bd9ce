"""Text dumps: decode exactly, split into lines (NFC), mark URIs and form-feed page breaks.

Decoding never guesses: UTF-8 (with or without BOM) and UTF-16 with a BOM are read;
anything else is refused with the offset of the first bad byte, because a mis-decoded
"à" would silently break the range grammar.
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from pipeline.errors import InputError
from pipeline.models import Line, Lines, SourceInfo
from pipeline.patterns import URI_RE, fold


def decode(data: bytes, name: str) -> str:
    """Decode a text dump strictly; the error names the file and the first bad byte."""
    if data.startswith(codecs.BOM_UTF8):
        encoding, body = "utf-8", data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding, body = "utf-16", data
    else:
        encoding, body = "utf-8", data
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(
            f"{name}: not valid {encoding.upper()} text (byte 0x{body[error.start]:02x} at "
            f"offset {error.start}); convert it to UTF-8"
        ) from None
    if "\x00" in text:
        raise InputError(f"{name}: binary data (NUL bytes), not a text dump")
    return text


def text_to_lines(data: bytes, source: SourceInfo, shown: str | None = None) -> Lines:
    """Split a dump into lines; a form feed starts a new page."""
    text = decode(data, shown or source.name).replace("\r\n", "\n").replace("\r", "\n")
    has_form_feeds = "\f" in text
    lines: list[Line] = []
    for page_number, page in enumerate(text.split("\f"), start=1):
        for number, raw in enumerate(page.split("\n")):
            # NFC, as the PDF path: a decomposed "é" or "أ" reads as the composed one.
            folded = unicodedata.normalize("NFC", fold(raw))
            if not folded:
                continue
            kind = "uri" if URI_RE.match(folded) else "text"
            lines.append(Line(text=folded, page=page_number, top=float(number), kind=kind))
    pages = len(text.split("\f")) if has_form_feeds else 1
    return Lines(
        source=source.model_copy(update={"pages": pages}),
        lines=tuple(lines),
        pages_known=has_form_feeds,
    )


def read_source(path: Path) -> bytes:
    """Read a file, turning every OS-level failure into one clear InputError."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None
    if not data.strip():
        raise InputError(f"{path}: empty file")
    return data

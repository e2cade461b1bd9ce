"""Damaged copies of a PDF, made the way files get damaged: bytes zeroed inside one page's
content stream (a bad sector, a broken download), a deleted `endstream` keyword (a hand
edit), a page removed with a PDF tool. Used by tests/test_damaged_inputs.py."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFObjRef


def _content_stream_start(data: bytes, page_index: int) -> int:
    """Offset of the first byte of the (first) content stream's data of a page."""
    document = PDFDocument(PDFParser(io.BytesIO(data)))
    page = list(PDFPage.create_pages(document))[page_index]
    contents = page.attrs["Contents"]
    reference = contents[0] if isinstance(contents, list) else contents
    assert isinstance(reference, PDFObjRef)
    for xref in document.xrefs:
        if reference.objid in xref.get_objids():
            _, offset, _ = xref.get_pos(reference.objid)
            break
    else:
        raise AssertionError(f"object {reference.objid} not in the cross-reference table")
    keyword = data.index(b"stream", offset) + len(b"stream")
    return keyword + (2 if data[keyword : keyword + 2] == b"\r\n" else 1)


def zero_bytes(data: bytes, page_index: int, count: int = 64, skip: int = 40) -> bytes:
    """`count` zero bytes written over a page's content stream, `skip` bytes into it."""
    start = _content_stream_start(data, page_index) + skip
    return data[:start] + b"\x00" * count + data[start + count :]


def delete_endstream(data: bytes, page_index: int) -> bytes:
    """The `endstream` keyword after a page's content stream removed."""
    end = data.index(b"endstream", _content_stream_start(data, page_index))
    return data[:end] + data[end + len(b"endstream") :]


def remove_page(data: bytes, page_index: int) -> bytes:
    """The page removed as a PDF tool removes it (pdfium: delete, then save)."""
    document = pdfium.PdfDocument(data)
    document.del_page(page_index)
    out = io.BytesIO()
    document.save(out)
    document.close()
    return out.getvalue()

"""A finding's row cut out of the PDF page, for the HTML page.

An editor believes a slip when they see it on the page itself: each finding on a row gets
the row as printed, with the cell it concerns outlined, as PNG bytes. Only the boxes that
extraction recorded (`Entry.boxes`) are used, so an `index.json` and its PDF give the same
pictures as the PDF alone. pypdfium2 renders (it is what pdfplumber renders with); PNGs
carry no timestamp or text chunk, so the same PDF always gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from pipeline.errors import InputError
from pipeline.models import BBox, Column, Diagnostic, Entry, IndexDocument
from pipeline.settings import PAGE_SETTINGS, PageSettings

# Stroke of the outline around the concerned cell: a red that stays visible in grey print.
OUTLINE = (200, 0, 0)


@dataclass(frozen=True)
class RowImage:
    page: int
    png: bytes
    width: int
    height: int


def concerned_column(entry: Entry, diagnostic: Diagnostic) -> Column | None:
    """The cell a finding is about: the one whose printed text it quotes (None: the row)."""
    cells = (
        (Column.REFERENCES, entry.references_text),
        (Column.PARAGRAPHS, entry.paragraphs_text),
        (Column.REPORT, entry.report),
    )
    for column, text in cells:
        if diagnostic.text is not None and diagnostic.text == text:
            return column
    return None


def _span(document: IndexDocument) -> tuple[float, float] | None:
    """Left and right of the table's row cells over the whole document."""
    boxes = [box.bbox for theme in document.themes for e in theme.entries for box in e.boxes]
    if not boxes:
        return None
    return min(b.x0 for b in boxes), max(b.x1 for b in boxes)


def _extents(document: IndexDocument) -> dict[int, list[tuple[float, float]]]:
    """Each page's row extents (top, bottom), so that a cut stops between two rows."""
    extents: dict[int, list[tuple[float, float]]] = {}
    for theme in document.themes:
        for entry in theme.entries:
            for page in {box.page for box in entry.boxes}:
                on_page = [box.bbox for box in entry.boxes if box.page == page]
                top, bottom = min(b.top for b in on_page), max(b.bottom for b in on_page)
                extents.setdefault(page, []).append((top, bottom))
    return extents


class RowCutter:
    """Cuts rows out of the PDF's pages, rendering only the strip each row needs."""

    def __init__(self, pdf: Any, document: IndexDocument, settings: PageSettings) -> None:
        self._pdf = pdf
        self._settings = settings
        self._span = _span(document)
        self._extents = _extents(document)

    def cut(self, entry: Entry, column: Column | None) -> tuple[RowImage, ...]:
        """One image per page the row is printed on, the concerned cell outlined."""
        if self._span is None:
            return ()
        images = []
        for page in sorted({box.page for box in entry.boxes}):
            if not 1 <= page <= len(self._pdf):
                continue
            boxes = [box for box in entry.boxes if box.page == page]
            row = boxes[0].bbox
            for box in boxes[1:]:
                row = row.union(box.bbox)
            marked = [b.bbox for b in boxes if column is None or b.column == column]
            images.append(self._crop(page, row, marked))
        return tuple(images)

    def _crop(self, number: int, row: BBox, marked: list[BBox]) -> RowImage:
        from PIL import ImageDraw

        assert self._span is not None
        s = self._settings
        scale, margin = s.image_scale, s.crop_margin_pt
        page = self._pdf[number - 1]
        width, height = page.get_size()
        # Stop half-way to the row above and the row below, never cutting their glyphs.
        above = [b for _, b in self._extents.get(number, []) if b <= row.top]
        below = [t for t, _ in self._extents.get(number, []) if t >= row.bottom]
        upper = max([row.top - margin, *((b + row.top) / 2 for b in above)])
        lower = min([row.bottom + margin, *((t + row.bottom) / 2 for t in below)])
        # The stroke grows inwards from the rectangle: keep it all outside the text, and
        # keep the whole outline inside the picture.
        pad = s.outline_margin_pt + s.outline_width_px / scale
        outlines = [(b.x0 - pad, b.top - pad, b.x1 + pad, b.bottom + pad) for b in marked]
        # The strip's edges in whole pixels of the page rendered at `scale`, so that the
        # outline computed in page pixels lands where pdfium drew the text.
        left = max(0, round((min(self._span[0], row.x0) - margin) * scale))
        right = min(round(width * scale), round((max(self._span[1], row.x1) + margin) * scale))
        top = max(0, round(min([upper, *(o[1] for o in outlines)]) * scale))
        bottom = min(
            round(height * scale), round(max([lower, *(o[3] for o in outlines)]) * scale) + 1
        )
        crop = (left / scale, height - bottom / scale, width - right / scale, top / scale)
        piece = page.render(scale=scale, crop=crop, draw_annots=False).to_pil().convert("RGB")
        draw = ImageDraw.Draw(piece)
        # What the outline's room uncovered of the neighbouring rows is blanked.
        blank = (255, 255, 255)
        above_row, below_row = round(upper * scale) - top, round(lower * scale) - top
        if above_row > 0:
            draw.rectangle((0, 0, piece.width, above_row - 1), fill=blank)
        if below_row < piece.height - 1:
            draw.rectangle((0, below_row + 1, piece.width, piece.height), fill=blank)
        for x0, y0, x1, y1 in outlines:
            draw.rectangle(
                (
                    round(x0 * scale) - left,
                    round(y0 * scale) - top,
                    round(x1 * scale) - left,
                    round(y1 * scale) - top,
                ),
                outline=OUTLINE,
                width=s.outline_width_px,
            )
        buffer = io.BytesIO()
        # zlib level 6: within 3 % of the smallest file, at a sixth of the time.
        piece.save(buffer, format="PNG", compress_level=6)
        return RowImage(number, buffer.getvalue(), piece.width, piece.height)


@contextmanager
def row_cutter(
    pdf: bytes, document: IndexDocument, settings: PageSettings = PAGE_SETTINGS
) -> Iterator[RowCutter]:
    """A cutter over the PDF `document` was extracted from (checked by SHA-256)."""
    import hashlib

    import pypdfium2

    if hashlib.sha256(pdf).hexdigest() != document.source.sha256:
        raise InputError(
            f"the PDF is not the source of this index (SHA-256 differs from {document.source.name})"
        )
    try:
        handle = pypdfium2.PdfDocument(pdf)
    except pypdfium2.PdfiumError as error:
        raise InputError(f"{document.source.name}: cannot render the PDF ({error})") from None
    try:
        yield RowCutter(handle, document, settings)
    finally:
        handle.close()

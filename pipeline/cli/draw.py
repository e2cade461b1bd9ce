"""Draw what the PDF extractor saw on one page, for a person to check against the print.

The table area, the column bounds found from the header labels, the header, every theme
cell and every row's cells (one box per cell and page) are drawn over pdfplumber's page
image. Nothing here feeds the data: it only shows the intermediates a `Run` keeps.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.api import Run
from pipeline.errors import InputError
from pipeline.models import BBox, Column, PageLayout

# Stroke and translucent fill per column (RGBA), so adjacent cells stay distinguishable.
_COLOURS: dict[Column, tuple[tuple[int, int, int], tuple[int, int, int, int]]] = {
    Column.THEME: ((0, 128, 0), (0, 160, 0, 40)),
    Column.REPORT: ((0, 0, 200), (0, 0, 255, 35)),
    Column.PARAGRAPHS: ((200, 100, 0), (255, 140, 0, 40)),
    Column.REFERENCES: ((150, 0, 150), (180, 0, 180, 35)),
}


def _rect(box: BBox) -> tuple[float, float, float, float]:
    return (box.x0, box.top, box.x1, box.bottom)


def draw_page(result: Run, source: Path, page: int, out: Path, resolution: int = 110) -> None:
    """Write a PNG of `page` with the detected table, columns, rows and cells."""
    import pdfplumber

    if result.lines.source.kind != "pdf":
        raise InputError(f"{source}: debug drawings need a PDF source")
    if not 1 <= page <= result.lines.source.pages:
        raise InputError(f"{source}: no page {page} (the PDF has {result.lines.source.pages})")
    layout = next((item for item in result.lines.layouts if item.page == page), None)
    with pdfplumber.open(source) as pdf:
        image = pdf.pages[page - 1].to_image(resolution=resolution)
        if layout is not None:
            # The theme column starts the table: at its left, or its right when mirrored.
            left, right = sorted((layout.columns[Column.THEME], layout.right))
            image.draw_rect(
                (left, layout.top, right, layout.bottom),
                fill=(0, 0, 0, 0),
                stroke=(220, 0, 0),
                stroke_width=2,
            )
            if layout.header is not None:
                image.draw_rect(
                    _rect(layout.header),
                    fill=(120, 120, 120, 40),
                    stroke=(120, 120, 120),
                    stroke_width=1,
                )
            top = layout.header.top if layout.header else layout.top
            for x in layout.columns.values():
                image.draw_line([(x, top), (x, layout.bottom)], stroke=(220, 0, 0), stroke_width=1)
            _draw_groups(image, layout)
        for theme in result.raw.themes:
            for box in theme.boxes:
                if box.page == page:
                    stroke, fill = _COLOURS[box.column]
                    image.draw_rect(_rect(box.bbox), fill=fill, stroke=stroke, stroke_width=2)
            for entry in theme.entries:
                for box in entry.boxes:
                    if box.page == page:
                        stroke, fill = _COLOURS[box.column]
                        image.draw_rect(_rect(box.bbox), fill=fill, stroke=stroke, stroke_width=1)
        out.parent.mkdir(parents=True, exist_ok=True)
        image.save(out, format="PNG")


# Row groups: orange, red where the page could not settle the boundary (a finding).
_GROUP = (230, 130, 0)
_UNSURE = (220, 0, 0)


def _draw_groups(image: Any, layout: PageLayout) -> None:
    """Each row group's box, with the evidence that started it written at its top left."""
    draw = image.draw
    for group in layout.groups:
        colour = _UNSURE if group.finding else _GROUP
        box = group.bbox
        image.draw_rect(
            (box.x0 - 3, box.top - 1, box.x1 + 3, box.bottom + 1),
            fill=(0, 0, 0, 0),
            stroke=colour,
            stroke_width=2,
        )
        x, y = image._reproject((box.x0 - 3, box.top - 1))
        draw.text((x + 2, y + 1), group.reason, fill=colour)

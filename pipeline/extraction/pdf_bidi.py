"""Right-to-left pages: read a mirrored table as the left-to-right code expects, then put
every text back in logical order and every box back on the page.

A right-to-left edition prints its table mirrored (the theme column on the right) and a
PDF producer stores its glyphs in visual order, left to right, each run of Arabic letters
reversed, brackets mirrored. Rather than teach every geometric rule both directions, a
page of such an edition is mirrored (x -> width - x) before its layout is read: the
theme column comes first, words follow each other in reading order, and the header's
labels are looked for in the form they take there (each label in visual order, its words
in reading order). Once the cells are cut, each text is put back in logical order with
the Unicode bidirectional algorithm (python-bidi, a maintained implementation: never a
hand-made reversal, since numbers and Latin references run left to right inside the
Arabic), and each box is mirrored back.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from functools import cache

from pipeline.extraction.pdf_layout import Link, PageContent, Rule
from pipeline.languages import HeaderLabels, Language
from pipeline.models import BBox, Cell, Column, Line, PageLayout


def is_mirrored(language: Language) -> bool:
    return language.direction == "rtl"


def _visual(text: str) -> str:
    """A logical text as a right-to-left line shows it, left to right."""
    from bidi import get_display  # a compiled extension: loaded for such editions only

    return str(get_display(text, base_dir="R"))


def _mirrored_label(label: str) -> str:
    """A label as it reads on a mirrored page: its words in visual order (each as its
    glyphs are stored), taken from right to left."""
    return " ".join(reversed(_visual(label).split()))


@cache
def mirrored_language(language: Language) -> Language:
    """The language with its header labels as a mirrored page shows them; the language
    itself where it is written left to right."""
    if not is_mirrored(language):
        return language
    labels = language.header

    def mirror(texts: Iterable[str]) -> tuple[str, ...]:
        return tuple(_mirrored_label(text) for text in texts)

    header = HeaderLabels(
        theme=mirror(labels.theme),
        report=mirror(labels.report),
        document=mirror(labels.document),
        paragraphs=mirror(labels.paragraphs),
        references=mirror(labels.references),
        extra=mirror(labels.extra),
    )
    return language.model_copy(update={"header": header})


def oriented(content: PageContent, language: Language) -> PageContent:
    """The page as its layout is read: mirrored for a right-to-left edition."""
    return mirror_page(content) if is_mirrored(language) else content


def mirror_page(content: PageContent) -> PageContent:
    """The page seen in a mirror: every x measured from the right edge. A word's cuts are
    dropped: its letters stay in visual order while its box turns, so a cut would give
    each part the other's place (two cells of a mirrored table run into one word stay
    one word)."""
    width = content.width
    return replace(
        content,
        words=tuple(
            replace(w, x0=width - w.x1, x1=width - w.x0, cuts=(), seams=()) for w in content.words
        ),
        rules=tuple(Rule(width - r.x1, width - r.x0, r.y) for r in content.rules),
        links=tuple(
            Link(width - k.x1, k.top, width - k.x0, k.bottom, k.uri) for k in content.links
        ),
    )


def logical(text: str) -> str:
    """The logical text of a line read on a mirrored page, whose words stand in reading
    order but each in visual order: the words put back left to right give the line as
    shown, and the bidirectional algorithm (base direction right to left) reads it."""
    shown = " ".join(reversed(text.split()))
    return unicodedata.normalize("NFC", _visual(shown))


def _box(box: BBox, width: float) -> BBox:
    return BBox(x0=width - box.x1, top=box.top, x1=width - box.x0, bottom=box.bottom)


def _cell(cell: Cell, width: float) -> Cell:
    bbox = _box(cell.bbox, width) if cell.bbox is not None else None
    return cell.model_copy(update={"text": logical(cell.text), "bbox": bbox})


def restore_lines(lines: Iterable[Line], width: float) -> list[Line]:
    """Lines of a mirrored page in logical order, their cells' boxes back on the page."""
    out: list[Line] = []
    for line in lines:
        if line.cells:
            cells = tuple(_cell(cell, width) for cell in line.cells)
            text = " ".join(cell.text for cell in cells)
            out.append(line.model_copy(update={"cells": cells, "text": text}))
        else:
            out.append(line.model_copy(update={"text": logical(line.text)}))
    return out


def restore_layout(layout: PageLayout) -> PageLayout:
    """A mirrored page's layout back on the page: each column's x is where it starts in
    reading order (its right edge), `right` the table's far (left) edge, row groups'
    boxes mirrored back."""
    width = layout.width
    columns: dict[Column, float] = {c: width - x for c, x in layout.columns.items()}
    header = _box(layout.header, width) if layout.header is not None else None
    groups = tuple(g.model_copy(update={"bbox": _box(g.bbox, width)}) for g in layout.groups)
    return layout.model_copy(
        update={
            "columns": columns,
            "header": header,
            "right": width - layout.right,
            "groups": groups,
        }
    )

"""What a page prints wrongly, as complaints for the findings: text printed over other
text (told apart by drawing order, a warning; mixed beyond reading, an error), theme lines
painted over each other, the lines read as repeated page furniture, and table rows on a
page before the first header found (an error).

Kept apart from `pdf_page`, which reads the page: these only report what the reading met.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence, Set
from typing import TYPE_CHECKING

from pipeline.extraction.pdf_evidence import overlaps
from pipeline.models import Complaint, Severity
from pipeline.settings import SETTINGS

if TYPE_CHECKING:
    from pipeline.extraction.pdf_layout import PageContent, Word
    from pipeline.extraction.pdf_page import PageReading


def page_complaints(page: PageReading) -> list[Complaint]:
    """Text printed over other text: one warning per word whose letters mixed two
    texts that the drawing order tells apart (`PageContent.layered`); one error per
    word whose letters mix two texts otherwise (what is read there is not what either
    says), and per two words of a line printed over each other (the line mixes two
    texts); one warning per theme line set over another (each still legible, read as
    two cells). Also a note per line read as repeated page furniture, and one for the
    text the page's clips hide."""
    number = page.content.number
    out: dict[str, Complaint] = {}

    def note(code: str, severity: Severity, text: str, message: str) -> None:
        out.setdefault(
            text,
            Complaint(page=number, code=code, severity=severity, message=message, text=text),
        )

    for text in dict.fromkeys(page.repeats):
        note(
            "text-repeated",
            Severity.INFO,
            text,
            f"{text!r} is printed at the same place on most pages, inside the table on "
            f"page {number}: read as page furniture, not a cell",
        )
    for text in dict.fromkeys(page.echoed):
        note(
            "text-repeated",
            Severity.INFO,
            text,
            f"{text!r} at the top of page {number} repeats, at the same place, the start "
            "of a word of the previous page's last line (a line split by the page break, "
            "painted on both pages): read as page furniture, not a cell",
        )
    if page.content.hidden:
        hidden = " ".join(page.content.hidden)
        note(
            "text-clipped",
            Severity.INFO,
            hidden,
            f"page {number} paints {hidden!r} outside the area its clipping path leaves "
            "visible: not shown on the page, so not read",
        )
    for _, texts in page.content.layered:
        read = [" ".join(w.text for w in text) for text in texts]
        clipped = [t for t in read if t in page.clipped]
        note(
            "text-overlap",
            Severity.WARNING,
            " | ".join(read),
            f"text printed over other text on page {number}: the letters of "
            f"{' and '.join(map(repr, read))} are mixed where they overlap, and are read "
            "apart by the order the page draws them"
            + (
                f"; {' '.join(clipped)!r} is the header's label, clipped by its cell, "
                "and is left out of the body"
                if clipped
                else ""
            ),
        )
    for x0, top, x1, bottom in page.content.overprints:
        x, y = (x0 + x1) / 2, (top + bottom) / 2
        if any(a <= x <= c and b <= y <= d for (a, b, c, d), _ in page.content.layered):
            continue
        word = next(
            (w for w in page.content.words if w.x0 <= x <= w.x1 and w.top <= y <= w.bottom),
            None,
        )
        if word is not None:
            note(
                "text-overprinted",
                Severity.ERROR,
                word.text,
                f"text printed over other text on page {number}: {word.text!r} mixes the "
                "letters of both, so neither can be read there",
            )
    for box in page.content.unmapped:
        around = _words_around(page.content, box)
        note(
            "glyph-without-text",
            Severity.ERROR,
            around,
            f"page {number} prints a glyph whose text the file does not give, in "
            f"{around!r}: what it says there is unknown, and the words read around it "
            "are not what the page prints (a ligature such as 'ffi' mapped to nothing)",
        )
    body = page.lines[page.start : page.end] if page.table is not None else []
    for line in (*body, *page.themes):
        for left, right in itertools.pairwise(sorted(line.words, key=lambda w: w.x0)):
            if left.x1 - right.x0 > SETTINGS.overprint * min(left.size, right.size):
                note(
                    "text-overprinted",
                    Severity.ERROR,
                    f"{left.text} {right.text}",
                    f"text printed over other text on page {number}: the words "
                    f"{left.text!r} and {right.text!r} stand over each other, so the "
                    "line mixes two texts",
                )
    ordered = sorted(page.themes, key=lambda line: line.top)
    for upper, lower in itertools.pairwise(ordered):
        if overlaps(upper, lower):
            note(
                "text-overlap",
                Severity.WARNING,
                lower.text,
                f"two theme lines are printed over each other on page {number} "
                f"({upper.text!r} and {lower.text!r}): read as two cells, one painted "
                "over the other",
            )
    return list(out.values())


def _words_around(content: PageContent, box: tuple[float, float, float, float]) -> str:
    """The words of the glyph's line within a glyph's height of it, left to right."""
    x0, top, x1, bottom = box
    y, reach = (top + bottom) / 2, bottom - top
    near = [
        w
        for w in content.words
        if w.top <= y <= w.bottom and w.x0 - reach <= x1 and x0 <= w.x1 + reach
    ]
    return " ".join(w.text for w in sorted(near, key=lambda w: w.x0)) or "?"


def rows_before_table(pages: Sequence[PageReading], reports: Set[str]) -> list[Complaint]:
    """An error on each page before the first header found that prints, one under
    another at one edge, report symbols the table's rows cite (whole, or their ends
    wrapped after a slash): rows of the table the reading did not take, because it
    found no header on that page. What the page shows exists is not silently missing."""
    out: list[Complaint] = []
    for page in pages:
        if page.table is not None:
            break
        cited = [w for w in page.content.words if _cites(w.text, reports)]
        for side in ("x0", "x1"):  # a left-to-right column's left edge, or its right one
            column = _aligned(cited, side)
            if len(column) >= 2:
                texts = ", ".join(dict.fromkeys(w.text for w in column))
                out.append(
                    Complaint(
                        page=page.content.number,
                        code="rows-outside-table",
                        severity=Severity.ERROR,
                        message=f"page {page.content.number} prints report symbols of the "
                        f"table's rows one under another ({texts}) before any table header "
                        "was found: those rows are not read",
                        text=texts,
                    )
                )
                break
    return out


def _cites(text: str, reports: Set[str]) -> bool:
    """A report symbol of the table's rows, or its end wrapped after a slash or a dot."""
    return text in reports or (
        "/" in text and len(text) > 4 and any(r.endswith(("/" + text, "." + text)) for r in reports)
    )


def _aligned(words: Sequence[Word], side: str) -> list[Word]:
    """The largest set of words on distinct lines whose `side` edges meet within a point."""
    best: list[Word] = []
    for word in words:
        edge = getattr(word, side)
        same = [w for w in words if abs(getattr(w, side) - edge) <= 1.0]
        tops = {round(w.top) for w in same}
        if len(tops) > len(best):
            best = same
    return best

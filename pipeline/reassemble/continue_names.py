"""Whether a theme line goes on the name above it: what the name's end and the line's start
say, and, where the script gives neither sign, how full the line above is.

`reassemble` asks these where the layout did not settle a boundary (or settled it against
what the words say). A name cannot end with a bracket open, on an open word ("… de"), a
comma or a dash (`languages.names.unfinished`), nor inside one of the language's phrases
("… Nations" / "Unies"); a line starting in lower case goes on the name above. A script
without case (Chinese, Arabic) has no lower case to show: there a name whose line runs to
the column's edge goes on below (`fills_line`), unless its bracketed qualifier has just
closed it. Where the words overrule the layout, or the layout left the boundary to them,
the reading carries a `theme-boundary-uncertain` warning (`doubt_finding`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from pipeline.models import BBox, Cell, Diagnostic, Severity


def first_letter(text: str) -> str:
    """The first letter of a line: a name's qualifier in brackets, "(practitioner
    networks)", starts in lower case as much as "networks" does."""
    return next((c for c in text if c.isalpha()), "")


def phrase_across(name: str, text: str, phrases: tuple[str, ...]) -> bool:
    """Whether the name so far ends with words of a phrase and the line goes on with the
    next ones ("… des Nations" / "Unies contre …"; in a narrow cell the line may hold
    only some of them: "and Working" / "Group on"). The name's end holds the phrase's
    first words, or two or more from further in: its first word may be printed with a
    prefix ("ومكتب الأمم المتحدة المعني" / "بالمخدرات والجريمة", "and the Office …").
    Only the name's end is read."""
    tail = name[-120:].casefold().split()
    head = text.casefold().split()
    for phrase in phrases:
        words = phrase.casefold().split()
        for end in range(1, len(words)):
            rest = words[end:][: len(head)]
            if not rest or head[: len(rest)] != rest:
                continue
            for start in range(end):
                k = end - start
                if (start == 0 or k >= 2) and tail[-k:] == words[start:end]:
                    return True
    return False


def closed(name: str) -> bool:
    """Whether a name ends with the bracket that closes its qualifier ("Victimes
    (protection et assistance)", "被害人（残疾）"): no name goes on after it."""
    return unicodedata.normalize("NFKC", name).rstrip().endswith(")")


def line_width(cells: Iterable[Cell]) -> float:
    """How wide the theme column's lines may run: the widest theme line printed (a name
    longer than one line fills the column's width before it wraps). 0 if none has a box."""
    return max((c.bbox.x1 - c.bbox.x0 for c in cells if c.bbox is not None), default=0.0)


def fills_line(above: Cell, below: Cell, width: float, spaced: bool = False) -> bool:
    """Whether the line above runs to the column's edge, so that a name wrapped there goes
    on below: less room is left than the line below's first characters take (each
    counted alike). A typesetter that wraps a name fills the line. Without spaces, a
    wrapped line stops a character short at most, or two where a character that may not
    start a line ("）", "、") takes the one before it down. Where words are spaced, it
    stops short by no more than the next word and its space: the line below's first word
    did not fit. The last line of a name stops anywhere, so a line that left room for the
    next word was not wrapped. Without boxes (a text dump) nothing is known: False."""
    if above.bbox is None or below.bbox is None or not below.text.strip() or width <= 0:
        return False
    room = width - _width(above.bbox)
    each = _width(below.bbox) / len(below.text)
    if spaced:
        return room < (len(below.text.split()[0]) + 1) * each
    return room < 2 * each


def _width(box: BBox) -> float:
    return box.x1 - box.x0


# Why the words overrule the layout's cell boundary (`reassemble._flush_pending`).
LOWER = (
    "the layout shows a new cell here, but its first line starts in lower case: read as "
    "the name above going on"
)
CLOSED = (
    "the layout shows this line going on the name above, but that name's bracket has "
    "closed it: read as a new name"
)
UNFINISHED = (
    "the layout shows a new cell here, but the name above cannot end where it does (a "
    "bracket open, an open word, a phrase begun): read as that name going on"
)


def doubt_finding(name: str, finding: str, page: int, report: str | None, text: str) -> Diagnostic:
    """A theme boundary the PDF layout could not settle, as a warning on the row where
    the theme cell was read to start: the reading is taken, and the output says so."""
    row = report or "the next row"
    return Diagnostic(
        code="theme-boundary-uncertain",
        severity=Severity.WARNING,
        message=f"the layout cannot settle whether {row} starts this theme: {finding}",
        page=page,
        theme=name,
        report=report,
        text=text,
    )

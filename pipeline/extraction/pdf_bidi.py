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

Producers store a bracket of right-to-left text in one of two ways (`brackets_stored`):
as the character the text holds, though a mirrored glyph shows it (HarfBuzz-based
producers: a logical "(" stored where ")" shows), or as the shape shown (Chromium): the
logical order of the second has its brackets mirrored back where the text runs right to
left (`logical`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from typing import Literal

import regex

from pipeline.extraction.pdf_layout import Link, PageContent, Rule
from pipeline.languages import HeaderLabels, Language
from pipeline.models import BBox, Cell, Column, Line, PageLayout
from pipeline.patterns import BRACKETS, SYMBOL_RE

# How a right-to-left edition's PDF stores its brackets: "codes", the characters the text
# holds; "shapes", the glyphs as shown.
Brackets = Literal["codes", "shapes"]

# A bracket pair around right-to-left letters inside one stored word, as each way stores
# "(أ)": shown left to right, the shapes read "(أ)", the characters ")أ(".
_RTL_CLASSES = r"\p{Bidi_Class=R}\p{Bidi_Class=AL}"
_RTL = f"[{_RTL_CLASSES}]"
_PAIR = {
    "shapes": regex.compile(rf"\([^()]*{_RTL}[^()]*\)"),
    "codes": regex.compile(rf"\)[^()]*{_RTL}[^()]*\("),
}
# Each bracket a theme name prints (`patterns.BRACKETS`), and the Arabic quotation marks,
# to its mirror image.
_MIRRORS = {
    **BRACKETS,
    **{close: open_ for open_, close in BRACKETS.items()},
    "«": "»",
    "»": "«",
}


# A tatweel between two letters only stretches their join: a font or a justified line sets
# it (Chromium's Amiri prints "مستهلـكو" for "مستهلكو"); one after a letter's last, as in
# the subparagraph letter "هـ", is written.
_KASHIDA_RE = regex.compile(r"(?<=\p{L})\u0640+(?=\p{L})")


def is_mirrored(language: Language) -> bool:
    return language.direction == "rtl"


def brackets_stored(pages: Iterable[PageContent]) -> Brackets:
    """How the document stores the brackets of its right-to-left text, by the bracketed
    words of its pages (subparagraph letters, "(أ)"): the way more of them read; "codes"
    when none do (their reading is then the same either way)."""
    votes = {"shapes": 0, "codes": 0}
    for page in pages:
        for word in page.words:
            if "(" in word.text and ")" in word.text:
                for way, pair in _PAIR.items():
                    votes[way] += len(pair.findall(word.text))
    return "shapes" if votes["shapes"] > votes["codes"] else "codes"


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
    """The page seen in a mirror: every x measured from the right edge. A word's letters
    stay in visual order while its box turns (`Word.mirrored`): each cut and seam turns
    with the box, left to right, and still counts the text before it, which now stands
    on the right (two cells of a mirrored table run into one word are cut as any)."""
    width = content.width

    def turned(marks: tuple[tuple[float, float, int], ...]) -> tuple[tuple[float, float, int], ...]:
        return tuple((width - start, width - end, k) for end, start, k in reversed(marks))

    return replace(
        content,
        words=tuple(
            replace(
                w,
                x0=width - w.x1,
                x1=width - w.x0,
                cuts=turned(w.cuts),
                seams=turned(w.seams),
                mirrored=True,
            )
            for w in content.words
        ),
        rules=tuple(Rule(width - r.x1, width - r.x0, r.y, r.band) for r in content.rules),
        links=tuple(
            Link(width - k.x1, k.top, width - k.x0, k.bottom, k.uri) for k in content.links
        ),
        unclipped=None if content.unclipped is None else mirror_page(content.unclipped),
        unmapped=tuple(
            (width - x1, top, width - x0, bottom) for x0, top, x1, bottom in content.unmapped
        ),
    )


def logical(text: str, brackets: Brackets = "codes") -> str:
    """The logical text of a line read on a mirrored page, whose words stand in reading
    order but each in visual order: the words put back left to right give the line as
    shown, and the bidirectional algorithm (base direction right to left) reads it.
    python-bidi reorders and mirrors nothing, which is right for brackets stored as the
    characters; stored as shapes ("(أ)" as shown), they are first turned back into the
    characters they stand for (")أ(", `_as_codes`)."""
    shown = " ".join(reversed(text.split()))
    if brackets == "shapes":
        shown = _as_codes(shown)
    return unicodedata.normalize("NFC", _KASHIDA_RE.sub("", _visual(shown)))


def _as_codes(shown: str) -> str:
    """A line stored as shapes, with each bracket of a right-to-left run turned back into
    the character it stands for. A bracket runs right to left unless the nearest strong
    characters on both sides run left to right (numbers count as right to left, and so
    do the line's ends: the bidirectional algorithm's rule N1 in a right-to-left line)."""
    if not any(c in _MIRRORS for c in shown):
        return shown
    sides = [_strong(c) for c in shown]
    out = list(shown)
    for i, c in enumerate(shown):
        if c in _MIRRORS:
            before = next((d for d in reversed(sides[:i]) if d), "R")
            after = next((d for d in sides[i + 1 :] if d), "R")
            if not before == after == "L":
                out[i] = _MIRRORS[c]
    return "".join(out)


def _strong(char: str) -> str:
    """Which way a character sets the neutrals beside it: "L", "R", or "" for none."""
    kind = unicodedata.bidirectional(char)
    return "L" if kind == "L" else "R" if kind in ("R", "AL", "EN", "AN") else ""


def _box(box: BBox, width: float) -> BBox:
    return BBox(x0=width - box.x1, top=box.top, x1=width - box.x0, bottom=box.bottom)


def _cell(cell: Cell, width: float, brackets: Brackets) -> Cell:
    bbox = _box(cell.bbox, width) if cell.bbox is not None else None
    return cell.model_copy(update={"text": logical(cell.text, brackets), "bbox": bbox})


def restore_lines(lines: Iterable[Line], width: float, brackets: Brackets) -> list[Line]:
    """Lines of a mirrored page in logical order, their cells' boxes back on the page."""
    out: list[Line] = []
    for line in lines:
        if line.cells:
            cells = tuple(_cell(cell, width, brackets) for cell in line.cells)
            out.append(line.model_copy(update={"cells": cells}))
        else:
            out.append(line.model_copy(update={"text": logical(line.text, brackets)}))
    done: list[Line] = []  # each line read within its paragraph, the one above first
    for i, line in enumerate(out):
        done.append(_in_paragraph(line, done, out[i + 1 :]) if line.cells else line)
    return done


# A line read alone that ends with punctuation between right-to-left text and a Latin run
# ("و.IV"): the punctuation, the run (a Latin letter first, no space or right-to-left
# letter in it, a Latin letter or digit last), trailing space.
_MARK = r"[^\s\p{L}\p{N}\p{Ps}\p{Pe}]"  # punctuation, brackets aside (paired apart)
_ENDING_RUN_RE = regex.compile(
    rf"(?<={_RTL})({_MARK}+)(\p{{Bidi_Class=L}}[^\s{_RTL_CLASSES}]*[\p{{Bidi_Class=L}}\p{{Bidi_Class=EN}}])(\s*)$"
)
# A line read alone that starts with a Latin run or number, then punctuation, then
# right-to-left text ("7 ، و"): the run, the punctuation (in the order read), the rest.
_STARTING_RUN_RE = regex.compile(
    rf"^(\s*[\p{{Bidi_Class=L}}\p{{Bidi_Class=EN}}][^\s{_RTL_CLASSES}]*?)((?:\s*{_MARK})+)(\s*{_RTL}.*)$"
)
_LEFT_TO_RIGHT_START_RE = regex.compile(r"\s*[\p{Bidi_Class=L}\p{Bidi_Class=EN}]")
_LEFT_TO_RIGHT_END_RE = regex.compile(r"[\p{Bidi_Class=L}\p{Bidi_Class=EN}]\s*$")


def _in_paragraph(line: Line, before: list[Line], after: list[Line]) -> Line:
    """A line's cells as read within their paragraph. A browser or word processor resolves
    the bidirectional levels over the whole paragraph, and only then breaks it into lines
    and lays each line out (UAX #9, rules L1 and L2): punctuation between two Latin runs
    or numbers is part of them and prints inside their left-to-right run, though a line
    break falls beside it. Read line by line, the same glyphs are punctuation outside the
    run, and both readings print alike; the paragraph's is taken where the column's
    neighbouring line goes on left to right:
    - at a line's end, before a next line starting with a Latin letter or digit:
      "وIV." / "45.ب" (the source's "IV. 45.ب" broken at its space), not "و.IV";
    - at a line's start, after a line ending with one: "VI" / "، 7 و" (the source's
      "VI، 7" broken before its comma), not "7 ، و"."""
    cells = []
    for cell in line.cells:
        text = cell.text
        ending = _ENDING_RUN_RE.search(text)
        if ending is not None and _LEFT_TO_RIGHT_START_RE.match(_below(cell, after)):
            marks, run, tail = ending.groups()
            text = text[: ending.start()] + run + marks + tail
        starting = _STARTING_RUN_RE.match(text)
        if starting is not None and _LEFT_TO_RIGHT_END_RE.search(_above(cell, line, before)):
            run, marks, rest = starting.groups()
            text = marks[::-1] + run.strip() + rest
        cells.append(cell if text == cell.text else cell.model_copy(update={"text": text}))
    text = " ".join(cell.text for cell in cells)
    return line.model_copy(update={"cells": tuple(cells), "text": text})


def _below(cell: Cell, after: list[Line]) -> str:
    """The text of the cell's next line in its column and row ("" for none): a line that
    starts a row (a report symbol) starts another cell."""
    for other in after:
        if _starts_row(other):
            return ""
        found = next((c.text for c in other.cells if c.column is cell.column), None)
        if found is not None:
            return found
    return ""


def _above(cell: Cell, line: Line, before: list[Line]) -> str:
    """The text of the cell's line before in its column and row ("" for none)."""
    if _starts_row(line):
        return ""
    for other in reversed(before):
        found = next((c.text for c in other.cells if c.column is cell.column), None)
        if found is not None:
            return found
        if _starts_row(other):
            return ""
    return ""


def _starts_row(line: Line) -> bool:
    return any(c.column is Column.REPORT and SYMBOL_RE.fullmatch(c.text) for c in line.cells)


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

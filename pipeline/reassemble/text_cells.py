"""Which cell a line of a text dump continues, by what its tokens say: the dump keeps no
columns, so a line that reads as a list of paragraph numbers, or of references, goes on
the cell of that kind (`read_text_line`; the PDF's lines come with their cells).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING

from pipeline.languages.grammar import GrammarError, Token, grammar_for
from pipeline.models import Cell, Column, Line
from pipeline.patterns import REFERENCE_START_RE, SYMBOL_RE

if TYPE_CHECKING:
    from pipeline.reassemble import _Builder

Tokens = Callable[[str], list[Token]]


def is_fragment(text: str, read: Tokens) -> bool:
    try:
        return bool(read(text))
    except GrammarError:
        return False


def dangling(parts: list[str], read: Tokens) -> bool:
    """Whether a cell's text so far ends with a separator or range word. Only its last
    line is read: a token never spans lines, and re-reading the whole cell at every
    line would make a long cell cost the square of its length."""
    last = next((part for part in reversed(parts) if part.strip()), "")
    try:
        tokens = read(last)
    except GrammarError:
        return False
    return bool(tokens) and tokens[-1].kind in ("comma", "list", "range", "dash")


def reference_fragment(text: str, read: Tokens) -> bool:
    """A line of reference tokens holding a reference ("إلى د وIV.46.ط", "和II.35"),
    where the separator is attached to it and no space marks where it starts."""
    try:
        tokens = read(text)
    except GrammarError:
        return False
    return any(a.kind == "roman" and b.kind == "dot" for a, b in itertools.pairwise(tokens))


def opens_with_range(text: str, read: Tokens) -> bool:
    """A line that starts with a range word ("إلى 36"): it ends a range begun on the line
    before, so it continues the cell printed last, the references."""
    try:
        tokens = read(text)
    except GrammarError:
        return False
    return bool(tokens) and tokens[0].kind in ("range", "dash")


def read_text_line(builder: _Builder, line: Line) -> None:
    """Place a line of a text dump, whose columns are not known, by its grammar."""
    grammar = grammar_for(builder.language)
    symbol = SYMBOL_RE.search(line.text)
    if symbol:
        prefix, rest = line.text[: symbol.start()].strip(), line.text[symbol.end() :]
        if prefix:
            builder.theme_line(Cell(column=Column.THEME, text=prefix), line.page)
        start = REFERENCE_START_RE.search(rest)
        paragraphs, references = (
            (rest[: start.start()], rest[start.start() :]) if start else (rest, "")
        )
        cells = {
            column: Cell(column=column, text=text.strip())
            for column, text in (
                (Column.PARAGRAPHS, paragraphs),
                (Column.REFERENCES, references),
            )
            if text.strip()
        }
        builder.row(symbol.group(0), line.page, cells)
        return
    entry = builder.entry
    start = REFERENCE_START_RE.search(line.text)
    if entry is not None and start is not None:
        head = line.text[: start.start()].strip()
        if head and not entry.references:
            builder.cell(Column.PARAGRAPHS, head, line.page)
            builder.cell(Column.REFERENCES, line.text[start.start() :], line.page)
        else:
            builder.cell(Column.REFERENCES, line.text, line.page)
    elif entry is not None and reference_fragment(line.text, grammar.reference_tokens):
        builder.cell(Column.REFERENCES, line.text, line.page)
    elif (
        entry is not None
        and is_fragment(line.text, grammar.paragraph_tokens)
        and (not entry.references or dangling(entry.paragraphs, grammar.paragraph_tokens))
    ):
        builder.cell(Column.PARAGRAPHS, line.text, line.page)
    elif (
        entry is not None
        and entry.references
        and (
            dangling(entry.references, grammar.reference_tokens)
            or opens_with_range(line.text, grammar.reference_tokens)
        )
        and is_fragment(line.text, grammar.reference_tokens)
    ):
        builder.cell(Column.REFERENCES, line.text, line.page)
    else:
        builder.theme_line(Cell(column=Column.THEME, text=line.text), line.page)

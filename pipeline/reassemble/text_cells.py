"""Which cell a line of a text dump continues, by what its tokens say: the dump keeps no
columns, so a line that reads as a list of paragraph numbers, or of references, goes on
the cell of that kind (`reassemble._read_text_line` asks these).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from pipeline.languages.grammar import GrammarError, Token

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

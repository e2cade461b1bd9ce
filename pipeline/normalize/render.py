"""Write expanded lists back in an edition's own notation.

Used for the suggested reading of an irregular cell ("VI, 7" -> "… VI.7 …") and, in the
tests, for the round trip list -> text -> list. Runs of three or more consecutive items
are written as ranges, as the UN editors do ("5 à 14", "VII.1.a à j"); shorter runs are
listed ("18 et 19").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from pipeline.languages import LATIN_ALPHABET, Language
from pipeline.models import Paragraph, Reference
from pipeline.patterns import DASHES

_MIN_RUN = 3
T = TypeVar("T", Paragraph, Reference)


def _follows(a: Paragraph | Reference, b: Paragraph | Reference) -> bool:
    """Whether `b` is the item right after `a` (next letter, or next bare paragraph)."""
    key_a: tuple[str | None, int]
    key_b: tuple[str | None, int]
    if isinstance(a, Paragraph) and isinstance(b, Paragraph):
        key_a, key_b = (None, a.number), (None, b.number)
    elif isinstance(a, Reference) and isinstance(b, Reference):
        key_a, key_b = (a.section, a.paragraph), (b.section, b.paragraph)
    else:
        return False
    if a.letter and b.letter:
        return key_a == key_b and ord(b.letter) == ord(a.letter) + 1
    if a.letter or b.letter:
        return False
    return key_a[0] == key_b[0] and key_b[1] == key_a[1] + 1


def _runs(items: Sequence[T]) -> list[list[T]]:
    runs: list[list[T]] = []
    for item in items:
        if runs and _follows(runs[-1][-1], item):
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def _space(language: Language) -> str:
    """What stands between words: a space, or nothing in a script without spaces."""
    return " " if language.writing.join == "space" else ""


def _range_mark(language: Language) -> str:
    """A dash joins the ends directly ("5–14"); a word is spaced ("5 à 14") where the
    script spaces its words ("5至14")."""
    word = language.grammar.range[0]
    return word if word in DASHES else f"{_space(language)}{word}{_space(language)}"


def _enumerate(parts: list[str], language: Language) -> str:
    """ "a, b et c": commas, then the list word before the last item ("a、b和c"); or the
    list word between every two ("a و b و c")."""
    if len(parts) <= 1:
        return "".join(parts)
    space = _space(language)
    word = f"{space}{language.grammar.list[0]}{space}"
    if language.grammar.enumerate_with == "list":
        return word.join(parts)
    return f"{language.grammar.comma[0]}{space}".join(parts[:-1]) + word + parts[-1]


def _printed(letter: str, language: Language) -> str:
    """The edition's own letter at the Latin letter's position ("f" -> "و")."""
    return language.grammar.alphabet[LATIN_ALPHABET.index(letter)]


def _render(
    items: Sequence[T],
    language: Language,
    full: Callable[[T, T | None], str],
    tail: Callable[[T], str],
) -> str:
    """Ranges for long runs; `full` writes an item (given the one before), `tail` the end
    of a range."""
    parts: list[str] = []
    previous: T | None = None
    for run in _runs(items):
        if len(run) >= _MIN_RUN:
            parts.append(f"{full(run[0], previous)}{_range_mark(language)}{tail(run[-1])}")
            previous = run[-1]
            continue
        for item in run:
            parts.append(full(item, previous))
            previous = item
    return _enumerate(parts, language)


def render_paragraphs(items: Sequence[Paragraph], language: Language) -> str:
    """ "7 a) à j) et 8 a) à o)", "4, 18 a), 20 a) et 21", "5 à 14"."""
    form = language.grammar.subparagraph[0]
    first = language.grammar.alphabet[0]

    def letter(latin: str) -> str:
        return form.replace(first, _printed(latin, language), 1)

    def full(item: Paragraph, previous: Paragraph | None) -> str:
        if item.letter is None:
            return str(item.number)
        same = previous is not None and previous.number == item.number and previous.letter
        return (
            letter(item.letter) if same else f"{item.number}{_space(language)}{letter(item.letter)}"
        )

    def tail(item: Paragraph) -> str:
        return letter(item.letter) if item.letter else str(item.number)

    return _render(items, language, full, tail)


def show_reference(item: Reference, language: Language | None = None) -> str:
    """ "VII.1.a", with the edition's letter when a language is given ("VII.1.أ")."""
    letter = item.letter and (_printed(item.letter, language) if language else item.letter)
    return f"{item.section}.{item.paragraph}" + (f".{letter}" if letter else "")


def render_references(items: Sequence[Reference], language: Language) -> str:
    """ "I.3, I.17.a et I.21", "V.41 à 44", "VII.1.a à j et VII.2.a à o"."""

    def tail(item: Reference) -> str:
        return _printed(item.letter, language) if item.letter else str(item.paragraph)

    return _render(items, language, lambda item, _: show_reference(item, language), tail)

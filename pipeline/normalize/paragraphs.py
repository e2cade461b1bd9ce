"""Meeting-report paragraph cells: "4, 18 a), 20 a) et 21", "7 a) à j) et 8 a) à o)".

A letter belongs to the last paragraph number read, so "51 b) à e), g), h) et j)" gives
51 b–e, g, h and j; a number followed by a range word and a number is a range of numbers.
"""

from __future__ import annotations

from pipeline.languages import Language
from pipeline.languages.grammar import (
    Grammar,
    GrammarError,
    Parsed,
    Reader,
    check_size,
    grammar_for,
    letter_range,
    parse_enumeration,
    range_note,
)
from pipeline.models import Paragraph


def parse_paragraphs(text: str, language: Language) -> Parsed[Paragraph]:
    """Expand a paragraphs cell; on any doubt the cell is left unparsed with the reason."""
    grammar = grammar_for(language)
    current: int | None = None

    def read_item(reader: Reader, out: Parsed[Paragraph]) -> None:
        nonlocal current
        if reader.at("letter") and current is not None:
            _read_letters(reader, grammar, current, out)
        else:
            current = _read_number(reader, grammar, out)

    return parse_enumeration(text, grammar.paragraph_tokens, read_item)


def _read_number(reader: Reader, grammar: Grammar, out: Parsed[Paragraph]) -> int:
    """Read "44", "5 à 14" or "7 a)…"; returns the paragraph later letters attach to."""
    number = grammar.number(reader.take("num"), out)
    if reader.at("range", "dash") and reader.next_is(1, "num"):
        mark = reader.take()
        last = grammar.number(reader.take("num"), out)
        if last <= number:
            raise GrammarError(f"descending range {number}–{last}")
        check_size(last - number + 1, out)
        note = range_note(grammar, mark)
        if note:
            out.notes.append(note)
        out.items.extend(Paragraph(number=n) for n in range(number, last + 1))
        return last
    if reader.at("letter"):
        _read_letters(reader, grammar, number, out)
    else:
        check_size(1, out)
        out.items.append(Paragraph(number=number))
    return number


def _read_letters(reader: Reader, grammar: Grammar, number: int, out: Parsed[Paragraph]) -> None:
    """Read "a)" or "a) à j)" after a paragraph number (or after a separator)."""
    first = reader.take("letter").value
    if reader.at("range", "dash") and reader.next_is(1, "letter"):
        mark = reader.take()
        last = reader.take("letter").value
        note = range_note(grammar, mark)
        if note:
            out.notes.append(note)
        letters = letter_range(first, last)
        check_size(len(letters), out)
        out.items.extend(Paragraph(number=number, letter=x) for x in letters)
    else:
        check_size(1, out)
        out.items.append(Paragraph(number=number, letter=first))

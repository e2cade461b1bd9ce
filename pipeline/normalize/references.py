"""Compilation-document reference cells: "I.3, I.17.a, I.19.a et I.21", "VII.1.a à j".

A reference is section.paragraph[.letter]. What follows a range word depends on what it
holds: a full reference ("VI.11 à VI.18"), a paragraph number ("V.41 à 44") or a letter
("VII.1.a à j"). A bare number after a separator continues the current section
("I.14 et 15"). Source slips are read where certain and noted: "VI, 7" (comma for dot),
"IV. 45.b" (space after the dot), "VIII.I.o" (capital I for 1), "II.46. II.56" (a period
as separator).
"""

from __future__ import annotations

from pipeline.languages import Language
from pipeline.languages.grammar import (
    Grammar,
    GrammarError,
    Note,
    Parsed,
    Reader,
    check_size,
    grammar_for,
    letter_range,
    parse_enumeration,
    range_note,
)
from pipeline.models import Reference, Severity
from pipeline.normalize.render import show_reference


def parse_references(text: str, language: Language) -> Parsed[Reference]:
    """Expand a references cell; on any doubt the cell is left unparsed with the reason."""
    grammar = grammar_for(language)
    current: Reference | None = None

    def read_item(reader: Reader, out: Parsed[Reference]) -> None:
        nonlocal current
        start = _read_reference(reader, grammar, current, out)
        current = _read_range(reader, grammar, start, out)

    return parse_enumeration(text, grammar.reference_tokens, read_item, _period_separator)


def _period_separator(reader: Reader, out: Parsed[Reference]) -> bool:
    """ "II.46. II.56": a period where the list word belongs; read as a separator."""
    if not (reader.at("dot") and reader.next_is(1, "roman")):
        return False
    reader.take()
    out.notes.append(Note("period-separator", Severity.INFO, "a period separates two references"))
    return True


def _letter(reader: Reader, grammar: Grammar) -> str | None:
    """A subparagraph letter (Latin); a list or range word that is also a letter of the
    alphabet can stand for one (Spanish "e", Arabic "و" for f)."""
    token = reader.peek()
    if token is None:
        return None
    if token.kind == "letter":
        reader.take()
        return token.value
    if token.kind in ("range", "list") and (latin := grammar.letter(token.value)) is not None:
        reader.take()
        return latin
    return None


def _read_reference(
    reader: Reader, grammar: Grammar, current: Reference | None, out: Parsed[Reference]
) -> Reference:
    """Read one item: a full reference, or a bare paragraph/letter continuing `current`."""
    if reader.at("num") and current is not None:
        number = grammar.number(reader.take(), out)
        ref = Reference(section=current.section, paragraph=number)
        ref = _read_letter_suffix(reader, grammar, ref)
        out.notes.append(
            Note("bare-number", Severity.INFO, f"paragraph {number} printed without its section")
        )
        return ref
    section = reader.take("roman").value
    separator = reader.take("dot", "comma")
    if separator.kind == "comma":
        if not reader.at("num"):
            raise GrammarError(f"comma after section {section}")
        out.notes.append(
            Note("comma-for-dot", Severity.INFO, f"comma instead of a dot after {section}")
        )
    token = reader.take("num", "roman")
    if token.spaced and separator.kind == "dot":
        out.notes.append(
            Note("space-after-dot", Severity.INFO, f"space after {section}{separator.value}")
        )
    if token.kind == "roman":
        if token.value != "I" or not (reader.at("dot") and reader.next_is(1, "letter")):
            raise GrammarError(f"{section}.{token.value} is not a paragraph")
        out.notes.append(
            Note("letter-i-for-one", Severity.INFO, "capital I printed for the digit 1")
        )
        number = 1
    else:
        number = grammar.number(token, out)
    return _read_letter_suffix(reader, grammar, Reference(section=section, paragraph=number))


def _read_letter_suffix(reader: Reader, grammar: Grammar, ref: Reference) -> Reference:
    if reader.at("dot") and not reader.next_is(1, "roman", "num"):
        reader.take()
        letter = _letter(reader, grammar)
        if letter is None:
            raise GrammarError(f"no letter after {show_reference(ref)}.")
        return Reference(section=ref.section, paragraph=ref.paragraph, letter=letter)
    return ref


def _read_range(
    reader: Reader, grammar: Grammar, start: Reference, out: Parsed[Reference]
) -> Reference:
    """Expand "start à …" if a range follows; returns the last reference read."""
    if not reader.at("range", "dash"):
        check_size(1, out)
        out.items.append(start)
        return start
    mark = reader.take()
    if reader.at("roman"):
        end = _read_reference(reader, grammar, None, out)
        if end.section != start.section:
            raise GrammarError(
                f"range across sections {show_reference(start)}–{show_reference(end)}"
            )
    elif reader.at("num"):
        if start.letter is not None:
            raise GrammarError(f"paragraph range after a letter in {show_reference(start)}")
        end = Reference(section=start.section, paragraph=grammar.number(reader.take(), out))
    else:
        letter = _letter(reader, grammar)
        if letter is None or start.letter is None:
            raise GrammarError(f"unreadable range after {show_reference(start)}")
        end = Reference(section=start.section, paragraph=start.paragraph, letter=letter)
    check_size(_span(start, end), out)
    items = _expand(start, end)
    note = range_note(grammar, mark)
    if note:
        out.notes.append(note)
    out.items.extend(items)
    return end


def _span(start: Reference, end: Reference) -> int:
    """How many items `_expand` would give (paragraphs, or letters), before giving them."""
    if start.letter and end.letter:
        return ord(end.letter) - ord(start.letter) + 1
    return end.paragraph - start.paragraph + 1


def _expand(start: Reference, end: Reference) -> list[Reference]:
    if start.letter is None and end.letter is None:
        if end.paragraph <= start.paragraph:
            raise GrammarError(f"descending range {show_reference(start)}–{show_reference(end)}")
        return [
            Reference(section=start.section, paragraph=n)
            for n in range(start.paragraph, end.paragraph + 1)
        ]
    if start.letter and end.letter and start.paragraph == end.paragraph:
        return [
            Reference(section=start.section, paragraph=start.paragraph, letter=x)
            for x in letter_range(start.letter, end.letter)
        ]
    raise GrammarError(
        f"range {show_reference(start)}–{show_reference(end)} mixes paragraphs and letters"
    )

"""Enumeration grammar: "7 a) à j) et 8 a) à o)" and "VII.1.a à j et VII.2.a à o".

The grammar is assembled from a language's data (list and range words, subparagraph
form); the code knows notation, not languages. Parsing is a tokenizer plus a small
left-to-right reader with one item of state (the current paragraph or section), which is
how a person reads these cells. Irregular notation is read where the intent is certain and
reported as a `Note`; what cannot be read makes the whole cell unparsed (nothing guessed).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

import regex

from pipeline.languages import Language
from pipeline.models import Paragraph, Reference, Severity
from pipeline.patterns import DASHES, ROMAN, WELL_FORMED_ROMAN_RE, fold
from pipeline.settings import LIMITS

TokenKind = Literal["num", "letter", "roman", "dot", "comma", "list", "range", "dash"]

# Cyrillic letters that look like Latin subparagraph letters or roman digits; a Cyrillic
# edition may type either. Words of the language data go through the same map.
_LOOKALIKES = str.maketrans("асеорхІХСМ", "aceopxIXCM")


@dataclass(frozen=True)
class Token:
    kind: TokenKind
    value: str
    spaced: bool  # whitespace stood before it: "IV. 45" is a slip, "IV.45" is not


@dataclass(frozen=True)
class Note:
    """An irregularity met while reading a cell; `normalize` locates it and adds the
    reading taken (the whole cell rewritten) as its suggestion."""

    code: str
    severity: Severity
    message: str


T = TypeVar("T", Paragraph, Reference)


@dataclass
class Parsed(Generic[T]):
    items: list[T] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    error: str | None = None


class GrammarError(Exception):
    pass


@dataclass(frozen=True)
class Grammar:
    """The compiled grammar of one language."""

    language: Language
    paragraph_token: regex.Pattern[str]
    reference_token: regex.Pattern[str]

    def is_regular_range(self, value: str) -> bool:
        return value in {prepare(word) for word in self.language.grammar.range}

    def number(self, token: Token, out: Parsed[Any]) -> int:
        """A number token's value, within `LIMITS.max_number`; digits of a script the
        edition does not print are read by their value and noted."""
        value = token.value
        if len(value) > len(str(LIMITS.max_number)):
            shown = value[:12] + "…" if len(value) > 12 else value
            raise GrammarError(f"number {shown} beyond {LIMITS.max_number}")
        allowed = "".join(self.language.grammar.digits)
        foreign = sorted({c for c in value if c not in allowed})
        number = int("".join(str(unicodedata.decimal(c)) for c in value))
        if number > LIMITS.max_number:
            raise GrammarError(f"number {number} beyond {LIMITS.max_number}")
        if foreign:
            names = ", ".join(f"{c} ({unicodedata.name(c, 'digit').title()})" for c in foreign)
            out.notes.append(
                Note(
                    "foreign-digit",
                    Severity.WARNING,
                    f"{value!r}: digit {names} is not of a script this edition uses; "
                    f"read as {number}",
                )
            )
        return number


def _words(words: tuple[str, ...]) -> str:
    ordered = sorted((prepare(w) for w in words), key=len, reverse=True)
    return "|".join(regex.escape(w) for w in ordered)


# Grammars by the identity of their language (the entry keeps the language alive, so the
# identity is not reused): hashing a language model on every cell costs more than a cell.
_GRAMMARS: dict[int, tuple[Language, Grammar]] = {}


def grammar_for(language: Language) -> Grammar:
    """The language's grammar, assembled once per language object."""
    known = _GRAMMARS.get(id(language))
    if known is not None and known[0] is language:
        return known[1]
    grammar = _assemble(language)
    _GRAMMARS[id(language)] = (language, grammar)
    return grammar


def _assemble(language: Language) -> Grammar:
    """Assemble the token patterns from the language's words."""
    words = language.grammar
    forms = {"a)": r"(?P<letter>[a-z]{1,2})\)", "(a)": r"\((?P<letter>[a-z]{1,2})\)"}
    letter = "|".join(forms[form] for form in words.subparagraph)
    list_words = _words(words.list)
    range_words = _words(tuple(w for w in words.range if w not in DASHES))
    common = [
        rf"(?P<range>(?<!\w)(?:{range_words})(?!\w))" if range_words else None,
        rf"(?P<list>(?<!\w)(?:{list_words})(?!\w))",
        r"(?P<comma>,)",
        rf"(?P<dash>[{regex.escape(DASHES)}])",
    ]
    alternatives = "|".join(p for p in common if p)
    # Anything else is one "other" character: every position of a cell matches, so that
    # `tokenize` reads the cell in one `finditer` and stops at the first "other".
    paragraph = regex.compile(
        rf"(?P<ws>\s*)(?:(?P<num>\d+)|{letter}|{alternatives}|(?P<other>.))", regex.DOTALL
    )
    reference = regex.compile(
        rf"(?P<ws>\s*)(?:(?P<roman>{ROMAN})(?![a-z])|(?P<num>\d+)|(?P<dot>\.)|{alternatives}"
        rf"|(?P<rletter>[a-z])(?![a-z])|(?P<other>.))",
        regex.DOTALL,
    )
    return Grammar(language, paragraph, reference)


# Pattern group -> token kind; a references cell's bare letter ("rletter") is a letter.
# Each token pattern is the last group a match closes, so `lastgroup` names its kind.
_KINDS: dict[str, TokenKind] = {
    "num": "num",
    "letter": "letter",
    "rletter": "letter",
    "roman": "roman",
    "dot": "dot",
    "range": "range",
    "list": "list",
    "comma": "comma",
    "dash": "dash",
}


def tokenize(text: str, pattern: regex.Pattern[str]) -> list[Token]:
    """Split a cell into tokens in one pass (`pattern` matches at every position, see
    `grammar_for`); text that is no token of the grammar is an error."""
    tokens: list[Token] = []
    for match in pattern.finditer(text.rstrip()):
        group = match.lastgroup
        value = match.group(group) if group is not None else ""
        if group is None or group == "other" or not value:
            rest = match.string[match.start() :].strip()
            raise GrammarError(f"unexpected {rest[:12]!r}")
        kind = _KINDS[group]
        if kind == "letter" and len(value) != 1:
            raise GrammarError(f"{value!r} is not one subparagraph letter")
        if kind == "roman" and not WELL_FORMED_ROMAN_RE.fullmatch(value):
            raise GrammarError(f"{value!r} is not a well-formed roman numeral")
        tokens.append(Token(kind, value, match.start(group) > match.start()))
    return tokens


def prepare(text: str) -> str:
    """Map Cyrillic look-alike letters to Latin and fold odd spaces."""
    return fold(text).translate(_LOOKALIKES)


class Reader:
    """A cursor over tokens, with the separators between items consumed in one place."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.i = 0

    def peek(self, offset: int = 0) -> Token | None:
        j = self.i + offset
        return self.tokens[j] if j < len(self.tokens) else None

    def take(self, *kinds: TokenKind) -> Token:
        token = self.peek()
        if token is None or (kinds and token.kind not in kinds):
            found = "end of cell" if token is None else repr(token.value)
            raise GrammarError(f"expected {' or '.join(kinds)}, found {found}")
        self.i += 1
        return token

    def at(self, *kinds: TokenKind) -> bool:
        token = self.peek()
        return token is not None and token.kind in kinds

    def next_is(self, offset: int, *kinds: TokenKind) -> bool:
        token = self.peek(offset)
        return token is not None and token.kind in kinds

    def done(self) -> bool:
        return self.i >= len(self.tokens)


def letter_range(first: str, last: str) -> list[str]:
    if len(first) != 1 or len(last) != 1 or last < first:
        raise GrammarError(f"bad letter range {first}–{last}")
    return [chr(c) for c in range(ord(first), ord(last) + 1)]


def check_size(count: int, out: Parsed[Any]) -> None:
    """Refuse a cell whose expansion would pass `LIMITS.max_items`, before expanding."""
    if len(out.items) + count > LIMITS.max_items:
        raise GrammarError(f"expands to more than {LIMITS.max_items} items")


def range_note(grammar: Grammar, token: Token) -> Note | None:
    if token.kind == "range" or grammar.is_regular_range(token.value):
        return None
    return Note(
        "hyphen-range",
        Severity.INFO,
        f"range written with {token.value!r} instead of the edition's range word",
    )


def read_separator(reader: Reader, out: Parsed[Any]) -> None:
    """Consume the separator between two items: ",", the list word, or both (a serial
    comma, noted). Anything else between items means the cell is not an enumeration."""
    taken: list[Token] = []
    while reader.at("comma", "list"):
        taken.append(reader.take())
    kinds = [t.kind for t in taken]
    if not taken:
        token = reader.peek()
        raise GrammarError(f"missing separator before {token.value if token else 'end'!r}")
    if kinds == ["comma", "list"]:
        out.notes.append(
            Note(
                "serial-comma",
                Severity.INFO,
                f"comma before {taken[1].value!r} (not the edition's usage)",
            )
        )
    elif len(kinds) > 1:
        raise GrammarError("doubled separator")
    if reader.done():
        raise GrammarError("cell ends with a separator")


def parse_enumeration(
    text: str,
    pattern: regex.Pattern[str],
    read_item: Callable[[Reader, Parsed[T]], None],
    read_between: Callable[[Reader, Parsed[T]], bool] | None = None,
) -> Parsed[T]:
    """The loop both cell grammars share: items separated by "," or the list word, any
    doubt making the whole cell unparsed. `read_item` keeps its own state (the current
    paragraph or section); `read_between` may read an irregular separator instead (and
    says so by returning True)."""
    result: Parsed[T] = Parsed()
    try:
        reader = Reader(tokenize(prepare(text), pattern))
        if reader.done():
            raise GrammarError("empty cell")
        while True:
            read_item(reader, result)
            if reader.done():
                break
            if read_between is not None and read_between(reader, result):
                if reader.done():
                    raise GrammarError("cell ends with a separator")
                continue
            read_separator(reader, result)
    except GrammarError as error:
        return Parsed(error=str(error))
    return result

"""Enumeration grammar: "7 a) à j) et 8 a) à o)" and "VII.1.a à j et VII.2.a à o".

The grammar is assembled from a language's data (list and range words, subparagraph
form); the code knows notation, not languages. Parsing is a tokenizer plus a small
left-to-right reader with one item of state (the current paragraph or section), which is
how a person reads these cells. Irregular notation is read where the intent is certain and
reported as a `Note`; what cannot be read makes the whole cell unparsed (nothing guessed).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

import regex

from pipeline.languages import LATIN_ALPHABET, Language
from pipeline.models import Paragraph, Reference, Severity
from pipeline.patterns import DASHES, ROMAN, WELL_FORMED_ROMAN_RE, fold
from pipeline.settings import LIMITS

TokenKind = Literal["num", "letter", "roman", "dot", "comma", "list", "range", "dash"]


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


# Cells a grammar keeps tokenized (a document has a few thousand).
_READ_LIMIT = 50_000


@dataclass(frozen=True)
class Grammar:
    """The compiled grammar of one language."""

    language: Language
    paragraph_token: regex.Pattern[str]
    reference_token: regex.Pattern[str]
    # Each subparagraph letter as a cell shows it once prepared -> the Latin letter of the
    # same position in the alphabet.
    letters: dict[str, str]
    # Cells already tokenized, by pattern and text: every stage reads the same cells
    # again (reassembly, parsing, the notation checks), and a token list is immutable.
    _read: dict[tuple[bool, str], tuple[Token, ...] | str] = field(
        default_factory=dict, compare=False, repr=False
    )

    def is_regular_range(self, value: str) -> bool:
        return value in {prepare(word, self.language) for word in self.language.grammar.range}

    def letter(self, value: str) -> str | None:
        """The Latin letter a printed subparagraph letter stands for, or None."""
        return self.letters.get(value)

    def paragraph_tokens(self, text: str) -> list[Token]:
        return self._tokens(False, text)

    def reference_tokens(self, text: str) -> list[Token]:
        return self._tokens(True, text)

    def _tokens(self, references: bool, text: str) -> list[Token]:
        known = self._read.get((references, text))
        if known is None:
            pattern = self.reference_token if references else self.paragraph_token
            try:
                known = tuple(tokenize(prepare(text, self.language), pattern, self.letters))
            except GrammarError as error:
                known = str(error)
            if len(self._read) >= _READ_LIMIT:
                self._read.clear()  # a long-running process reads document after document
            self._read[(references, text)] = known
        if isinstance(known, str):
            raise GrammarError(known)
        return list(known)

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


def _alternatives(words: Iterable[str]) -> str:
    """Any of the words, longest first so that a word wins over its own prefix."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w) for w in ordered)


def _letter_form(form: str, first: str, letter: str) -> str:
    """A subparagraph form ("(a)", "a)", "（a）") as a pattern around the letter group."""
    before, after = form.split(first, 1)
    return f"{regex.escape(before)}(?P<letter>(?:{letter}){{1,2}}){regex.escape(after)}"


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
    """Assemble the token patterns from the language's words, alphabet and forms."""
    words = language.grammar
    alphabet = [prepare(letter, language) for letter in words.alphabet]
    letters = dict(zip(alphabet, LATIN_ALPHABET, strict=False))
    letter = _alternatives(alphabet)
    forms = {_letter_form(prepare(f, language), alphabet[0], letter) for f in words.subparagraph}
    subparagraph = "|".join(sorted(forms, key=lambda f: (-len(f), f)))
    # A list or range word stands as a word of its own unless the edition attaches it.
    before, after = ("", "") if words.attached else (r"(?<!\w)", r"(?!\w)")
    list_words = _alternatives(prepare(w, language) for w in words.list)
    range_words = _alternatives(prepare(w, language) for w in words.range if w not in DASHES)
    commas = _alternatives(prepare(w, language) for w in words.comma)
    common = [
        rf"(?P<range>{before}(?:{range_words}){after})" if range_words else None,
        rf"(?P<list>{before}(?:{list_words}){after})",
        rf"(?P<comma>{commas})",
        rf"(?P<dash>[{regex.escape(DASHES)}])",
    ]
    alternatives = "|".join(p for p in common if p)
    paragraph = regex.compile(rf"(?P<ws>\s*)(?:(?P<num>\d+)|{subparagraph}|{alternatives})")
    reference = regex.compile(
        rf"(?P<ws>\s*)(?:(?P<roman>{ROMAN})(?![a-z])|(?P<num>\d+)|(?P<dot>\.)|{alternatives}"
        rf"|(?P<rletter>{letter})(?!{letter}))"
    )
    return Grammar(language, paragraph, reference, letters)


# Pattern group -> token kind; a references cell's bare letter ("rletter") is a letter.
# Each alternative of a token pattern is one of these groups, closed after "ws", so a
# match's last group names the token.
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


def tokenize(
    text: str, pattern: regex.Pattern[str], letters: dict[str, str] | None = None
) -> list[Token]:
    """Split a prepared cell into tokens; text that is no token of the grammar is an
    error. A letter token's value is the Latin letter it stands for (`letters`)."""
    tokens: list[Token] = []
    position = 0
    text = text.rstrip()
    while position < len(text):
        match = pattern.match(text, position)
        if match is None or match.end() == position:
            rest = text[position:].strip()
            raise GrammarError(f"unexpected {rest[:12]!r}")
        group = match.lastgroup
        kind = _KINDS.get(group) if group is not None else None
        if kind is None or group is None:
            raise GrammarError(f"unexpected {text[position:].strip()[:12]!r}")
        value = match.group(group)
        if kind == "letter":
            latin = letters.get(value) if letters is not None else value
            if latin is None or len(latin) != 1:
                raise GrammarError(f"{value!r} is not one subparagraph letter")
            value = latin
        if kind == "roman" and not WELL_FORMED_ROMAN_RE.fullmatch(value):
            raise GrammarError(f"{value!r} is not a well-formed roman numeral")
        after_space = match.end("ws")
        if match.end() > after_space:
            tokens.append(Token(kind, value, after_space > position))
        position = match.end()
    return tokens


def prepare(text: str, language: Language) -> str:
    """A cell as the grammar reads it: odd spaces folded, the language's ignorable
    characters dropped and its look-alike letters mapped (Cyrillic "а" to Latin "a");
    full-width forms read as ordinary ones where the language says so."""
    folded = fold(text)
    if language.grammar.compatibility:
        folded = unicodedata.normalize("NFKC", folded)
    for char in language.grammar.ignorable:
        folded = folded.replace(char, "")
    for lookalike, letter in language.grammar.lookalikes:
        folded = folded.replace(lookalike, letter)
    return folded


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
    """Latin letters first to last (a printed range was mapped to Latin when read)."""
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
    tokens: Callable[[str], list[Token]],
    read_item: Callable[[Reader, Parsed[T]], None],
    read_between: Callable[[Reader, Parsed[T]], bool] | None = None,
) -> Parsed[T]:
    """The loop both cell grammars share: items separated by "," or the list word, any
    doubt making the whole cell unparsed. `read_item` keeps its own state (the current
    paragraph or section); `read_between` may read an irregular separator instead (and
    says so by returning True)."""
    result: Parsed[T] = Parsed()
    try:
        reader = Reader(tokens(text))
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

"""Sort keys for theme names, by the collation each language file names.

The theme-order check must not raise a false warning on a correctly sorted edition, so it
compares only what the edition's order is known to follow: the Unicode first level (base
letters; case and accents do not count) with the language's own expansions and ignored
word prefixes, or, for Chinese, Hanyu Pinyin by syllable then tone, read by the pypinyin
library. Where a language names no collation the order is not checked (`key_for` gives
None) rather than guessed. Characters a key cannot tell apart compare equal, and equal
keys are never out of order.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import cache

import regex

from pipeline.languages import Collation, Language

# (class, letter or syllable, number): classes sort spaces < punctuation and symbols <
# digits < letters < syllables, as the Unicode Collation Algorithm orders the first four.
Weight = tuple[int, str, int]
CollationKey = tuple[Weight, ...]
KeyFunction = Callable[[str], CollationKey]

_HAN_RUN_RE = regex.compile(r"\p{Han}+")


@cache
def _weight(char: str) -> Weight:
    """Primary weight of a base character; letters by code point, which is alphabetical
    within the Latin, Cyrillic, Greek and Arabic base letters. Cached: a document's
    names use a few dozen characters, each weighed again in every name."""
    category = unicodedata.category(char)
    if char.isspace():
        return (0, "", 0)
    if category[0] in "PS":
        return (1, "", ord(char))
    if category == "Nd":
        return (2, "", unicodedata.decimal(char))
    return (3, char, 0)


@cache
def _prefixes(prefixes: tuple[str, ...]) -> regex.Pattern[str] | None:
    if not prefixes:
        return None
    body = "|".join(regex.escape(p) for p in sorted(prefixes, key=len, reverse=True))
    return regex.compile(rf"(?<!\w)(?:{body})(?=\w)")


def _bases(text: str, collation: Collation) -> str:
    """The text at the first level: case folded, expansions applied, ignored prefixes
    dropped, decomposed (NFKD) without its combining marks, runs of spaces counted once."""
    folded = text.casefold()
    for letter, expansion in collation.expansions:
        folded = folded.replace(letter, expansion)
    prefixes = _prefixes(collation.ignore_prefixes)
    if prefixes is not None:
        folded = prefixes.sub("", folded)
    decomposed = unicodedata.normalize("NFKD", folded)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _primary(collation: Collation) -> KeyFunction:
    def key(text: str) -> CollationKey:
        return tuple(_weight(c) for c in _bases(text, collation))

    return key


def _syllable(reading: str) -> Weight:
    """A pypinyin TONE3 reading ("zhong1", "lv4"; neutral tone 5) as a weight."""
    tone = reading[-1]
    if tone.isdigit():
        return (4, reading[:-1], int(tone))
    return (4, reading, 5)


def _pinyin(collation: Collation) -> KeyFunction:
    from pypinyin import Style, lazy_pinyin  # a large dictionary: loaded when needed

    def key(text: str) -> CollationKey:
        out: list[Weight] = []
        position = 0
        for run in _HAN_RUN_RE.finditer(text):
            out += _primary(collation)(text[position : run.start()])
            # A whole run at once, so that a character's reading follows its word.
            readings = lazy_pinyin(run.group(), style=Style.TONE3, neutral_tone_with_five=True)
            out += [_syllable(reading) for reading in readings]
            position = run.end()
        out += _primary(collation)(text[position:])
        return tuple(out)

    return key


def key_for(language: Language) -> KeyFunction | None:
    """The sort key of the language's collation, or None when it names none."""
    collation = language.collation
    if collation.method == "pinyin":
        return _pinyin(collation)
    if collation.method == "primary":
        return _primary(collation)
    return None

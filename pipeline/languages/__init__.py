"""Language data: one TOML file per language, keyed by fixed concepts.

Adding a language is adding a file to `languages/` (plus examples); no code names a
language. The model forbids unknown keys so that a typo in a data file fails loudly.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, model_validator

from pipeline.errors import InputError


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class HeaderLabels(_Strict):
    theme: tuple[str, ...]
    report: tuple[str, ...]
    document: tuple[str, ...]
    paragraphs: tuple[str, ...]
    references: tuple[str, ...]
    extra: tuple[str, ...] = ()

    def all_labels(self) -> tuple[str, ...]:
        return (
            *self.theme,
            *self.report,
            *self.document,
            *self.paragraphs,
            *self.references,
            *self.extra,
        )


LATIN_ALPHABET = tuple("abcdefghijklmnopqrstuvwxyz")


def _pairs(value: Any) -> Any:
    """A TOML table of replacements, kept as sorted pairs so that a language stays
    hashable (grammars are compiled once per language)."""
    return tuple(sorted(value.items())) if isinstance(value, dict) else value


# Replacements written as a TOML table: {"œ" = "oe"}.
Replacements = Annotated[tuple[tuple[str, str], ...], BeforeValidator(_pairs)]


class GrammarWords(_Strict):
    list: tuple[str, ...]
    range: tuple[str, ...]
    # Separators between items other than the list word: ",", or "、" and "，" in Chinese.
    # The first is the edition's own (used when writing a reading back).
    comma: tuple[str, ...] = (",",)
    # How a subparagraph letter is printed after its paragraph number, the alphabet's first
    # letter standing for any letter: "a)", "(a)", "（a）", "(أ)". The first form is the
    # edition's own.
    subparagraph: tuple[str, ...]
    # The subparagraph letters in order, as printed; the output's `letter` is always the
    # Latin letter of the same position, so that editions compare.
    alphabet: tuple[str, ...] = LATIN_ALPHABET
    # Letters of another script that look like the ones the grammar reads (Cyrillic "а"
    # for Latin "a", "І" for the roman "I"), mapped before a cell is read.
    lookalikes: Replacements = ()
    # Whether a cell is read in compatibility form (NFKC): full-width digits, letters,
    # brackets and commas ("１８（ａ）") as their ordinary forms. The raw text is kept.
    compatibility: bool = False
    # Characters that carry no meaning in a cell and are dropped before it is read (the
    # Arabic tatweel that lengthens a letter).
    ignorable: tuple[str, ...] = ()
    # The digit sets the edition prints numbers with, each its ten digits 0 to 9 in order.
    # A digit of any other script is still read by its value, with a warning finding.
    digits: tuple[str, ...] = ("0123456789",)
    # Whether list and range words may touch what stands beside them ("20(a)和21",
    # "و21"); otherwise they stand as words of their own.
    attached: bool = False
    # How items are separated when a reading is written back: commas and the list word
    # before the last item ("a, b et c"), or the list word between every two ("a و b و c").
    enumerate_with: Literal["comma", "list"] = "comma"

    @model_validator(mode="after")
    def _forms_have_a_letter(self) -> GrammarWords:
        first = self.alphabet[0]
        for form in self.subparagraph:
            if form.count(first) != 1:
                raise ValueError(f"subparagraph form {form!r} must hold {first!r} once")
        if len(set(self.alphabet)) != len(self.alphabet) or not self.alphabet:
            raise ValueError("the alphabet must list distinct letters")
        if len(self.alphabet) > len(LATIN_ALPHABET):
            raise ValueError("the alphabet has more letters than the Latin one it maps to")
        for digits in self.digits:
            if len(digits) != 10 or any(not c.isdecimal() for c in digits):
                raise ValueError(f"digit set {digits!r} is not ten decimal digits")
        return self


class Writing(_Strict):
    # How the printed lines of a cell join: "space" (a space between lines, none after a
    # dash, none where a wide CJK character meets the break) or "none" (the script puts
    # no space between words, and a line may break anywhere, even inside "I.17").
    join: Literal["space", "none"] = "space"


class ThemeRules(_Strict):
    open_words: tuple[str, ...] = ()
    # A theme name printed again at a page top may carry one of these marks.
    continued: tuple[str, ...] = ()
    # Names of several capitalised words ("Nations Unies") that a line break inside a
    # theme cell may split: the capital on the next line does not start a new theme.
    phrases: tuple[str, ...] = ()


class Collation(_Strict):
    """How the edition sorts its themes, for the theme-order check.

    "primary": the Unicode first level (base letters: case and accents do not count),
    with the language's own expansions and ignored word prefixes; "pinyin": Chinese
    characters by their Hanyu Pinyin syllable, then tone (the pypinyin library), other
    characters at the first level; "none": the order is not checked (an info finding
    says so)."""

    method: Literal["primary", "pinyin", "none"] = "primary"
    # Letters sorted as other letters at the first level ("œ" as "oe").
    expansions: Replacements = ()
    # Prefixes a word is sorted without (the Arabic article).
    ignore_prefixes: tuple[str, ...] = ()


class Furniture(_Strict):
    patterns: tuple[str, ...] = ()


class Example(_Strict):
    text: str
    expected: str


class Examples(_Strict):
    paragraphs: tuple[Example, ...] = ()
    references: tuple[Example, ...] = ()


class Interface(_Strict):
    """The words of the HTML page (`recindex html`) in this language. `{name}` marks stand
    for numbers the page fills in; the page falls back to another language's words
    (the `program` language's) when a file has none."""

    index: str
    matrix: str
    findings: str
    search: str
    search_hint: str
    count: str  # {rows} {total} {themes} {themes_total}
    clear: str
    expand: str
    only_findings: str
    language: str
    source: str
    pages: str
    page: str
    reference_document: str
    themes: str
    rows: str
    paragraphs: str
    # Severities: plural for the counts in the page header, singular for one finding.
    errors: str
    warnings: str
    infos: str
    error: str
    warning: str
    info: str
    severity: str
    printed: str
    suggested: str
    why: str
    total: str
    matrix_note: str
    items: str  # {n}
    image: str  # {page}
    document_findings: str
    to_row: str
    no_findings: str


class Language(_Strict):
    code: str
    name: str
    # Writing direction of the edition: a "rtl" table is mirrored (the theme column on the
    # right), a PDF stores its glyphs in visual order (see extraction/pdf_bidi.py), and the
    # HTML page is laid out right to left.
    direction: Literal["ltr", "rtl"]
    # The language recindex writes its own messages in (one file says so); its interface
    # words serve an edition whose file has no [interface] table.
    program: bool = False
    header: HeaderLabels
    grammar: GrammarWords
    writing: Writing = Writing()
    collation: Collation = Collation()
    theme: ThemeRules = ThemeRules()
    furniture: Furniture = Furniture()
    examples: Examples = Examples()
    interface: Interface | None = None


def _language_files() -> dict[str, str]:
    folder = resources.files("pipeline.languages")
    return {
        entry.name.removesuffix(".toml"): entry.read_text(encoding="utf-8")
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".toml")
    }


@cache
def known_languages() -> dict[str, Language]:
    """Every language file, parsed and validated, by code."""
    languages: dict[str, Language] = {}
    for stem, text in _language_files().items():
        language = Language.model_validate(tomllib.loads(text))
        if language.code != stem:
            raise ValueError(f"languages/{stem}.toml declares code {language.code!r}")
        languages[language.code] = language
    return languages


def program_language() -> Language:
    """The language of recindex's own messages (the file that says `program = true`)."""
    found = [language for language in known_languages().values() if language.program]
    if len(found) != 1:
        raise ValueError(f"{len(found)} language files say program = true; one must")
    return found[0]


def get_language(code: str) -> Language:
    languages = known_languages()
    if code not in languages:
        raise InputError(
            f"unknown language {code!r}; known languages: {', '.join(sorted(languages))}"
        )
    return languages[code]

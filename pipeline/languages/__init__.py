"""Language data: one TOML file per language, keyed by fixed concepts.

Adding a language is adding a file to `languages/` (plus examples); no code names a
language. The model forbids unknown keys so that a typo in a data file fails loudly.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict

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


class GrammarWords(_Strict):
    list: tuple[str, ...]
    range: tuple[str, ...]
    # How a subparagraph letter follows its paragraph number, "a)" or "(a)"; the first
    # form is the edition's own (used when writing a reading back).
    subparagraph: tuple[Literal["a)", "(a)"], ...]
    # The digit sets the edition prints numbers with, each its ten digits 0 to 9 in order.
    # A digit of any other script is still read by its value, with a warning finding.
    digits: tuple[str, ...] = ("0123456789",)


class ThemeRules(_Strict):
    open_words: tuple[str, ...] = ()
    # A theme name printed again at a page top may carry one of these marks.
    continued: tuple[str, ...] = ()
    # Names of several capitalised words ("Nations Unies") that a line break inside a
    # theme cell may split: the capital on the next line does not start a new theme.
    phrases: tuple[str, ...] = ()


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
    (`PageSettings.fallback_interface`) when a file has none."""

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
    collation: str
    # Writing direction of the edition: the HTML page is laid out right to left for "rtl".
    direction: Literal["ltr", "rtl"]
    header: HeaderLabels
    grammar: GrammarWords
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


def get_language(code: str) -> Language:
    languages = known_languages()
    if code not in languages:
        raise InputError(
            f"unknown language {code!r}; known languages: {', '.join(sorted(languages))}"
        )
    return languages[code]

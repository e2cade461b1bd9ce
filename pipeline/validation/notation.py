"""Notation irregularities the cell grammar cannot see, because they concern a whole cell.

The grammar notes slips inside one separator or one reference (a hyphen range, a serial
comma, "VI, 7"); whether the last two items are joined by the list word ("VI.4, VI.10,
VI.12" for "VI.4, VI.10 et VI.12") is only known once the cell has been read to its end.
The reading is certain (the items are the same), so these are info.
"""

from __future__ import annotations

from collections.abc import Callable

from pipeline.languages import Language, get_language
from pipeline.languages.grammar import GrammarError, Token, grammar_for
from pipeline.models import Diagnostic, Entry, IndexDocument, Severity, Theme
from pipeline.normalize.render import render_paragraphs, render_references

COMMA_FOR_LIST_WORD = "comma-for-list-word"


def _last_separator(tokens: list[Token]) -> str | None:
    """The kind of the last separator between items: "list" or "comma". A comma right
    after a roman section is a slip for a dot ("VI, 7"), not a separator."""
    last: str | None = None
    for i, token in enumerate(tokens):
        if token.kind == "list":
            last = "list"
        elif token.kind == "comma" and not (i > 0 and tokens[i - 1].kind == "roman"):
            last = "comma"
    return last


def _ends_with_comma(text: str, read: Callable[[str], list[Token]]) -> bool:
    try:
        tokens = read(text)
    except GrammarError:
        return False
    return _last_separator(tokens) == "comma"


def _diagnostic(theme: Theme, entry: Entry, column: str, text: str, reading: str) -> Diagnostic:
    return Diagnostic(
        code=COMMA_FOR_LIST_WORD,
        severity=Severity.INFO,
        message=f"{column} cell: the last two items are joined by a comma, not the list word",
        page=entry.pages[0] if entry.pages else None,
        theme=theme.name,
        report=entry.report,
        text=text,
        suggestion=reading,
    )


def _entry(theme: Theme, entry: Entry, language: Language) -> list[Diagnostic]:
    grammar = grammar_for(language)
    found: list[Diagnostic] = []
    if len(entry.paragraphs) > 1 and _ends_with_comma(
        entry.paragraphs_text, grammar.paragraph_tokens
    ):
        reading = render_paragraphs(entry.paragraphs, language)
        found.append(_diagnostic(theme, entry, "paragraphs", entry.paragraphs_text, reading))
    if len(entry.references) > 1 and _ends_with_comma(
        entry.references_text, grammar.reference_tokens
    ):
        reading = render_references(entry.references, language)
        found.append(_diagnostic(theme, entry, "references", entry.references_text, reading))
    return found


def check_list_word(document: IndexDocument) -> list[Diagnostic]:
    """Cells of two or more items whose last separator is a comma ("VI.4, VI.10, VI.12").

    Only cells that were read are looked at: an unread cell already has an error."""
    language = get_language(document.language)
    return [
        diagnostic
        for theme in document.themes
        for entry in theme.entries
        for diagnostic in _entry(theme, entry, language)
    ]

"""What the HTML page says in the edition's language, and the anchors its parts share.

Interface words come from the `[interface]` table of the language file and column labels
from its `[header]` labels, so that the page speaks the edition's language without any
language being named in code. A language file without interface words borrows another
language's, and the page then marks those words with their own `lang`.
"""

from __future__ import annotations

from html import escape

from pipeline.languages import Interface, Language, known_languages
from pipeline.models import Column, IndexDocument
from pipeline.settings import PAGE_SETTINGS, PageSettings


class Words:
    """The interface words, escaped for HTML."""

    def __init__(self, interface: Interface, borrowed: Language | None = None) -> None:
        self.interface = interface
        # The language the words are borrowed from, when the page's own file has none.
        self.borrowed = borrowed

    def text(self, key: str, **numbers: int) -> str:
        """The plain words (for an attribute, after escaping, or for the script)."""
        value: str = getattr(self.interface, key)
        return value.format(**numbers) if numbers else value

    def __call__(self, key: str, **numbers: int) -> str:
        text = escape(self.text(key, **numbers))
        if self.borrowed is None:
            return text
        return f"<span {language_attributes(self.borrowed)}>{text}</span>"


def language_attributes(language: Language) -> str:
    """`lang` and `dir` of text in `language` standing in a page of another language."""
    return f'lang="{escape(language.code)}" dir="{language.direction}"'


def words_for(language: Language, settings: PageSettings = PAGE_SETTINGS) -> Words:
    if language.interface is not None:
        return Words(language.interface)
    fallback = known_languages().get(settings.fallback_interface)
    if fallback is None or fallback.interface is None:
        raise ValueError(f"languages/{settings.fallback_interface}.toml has no [interface]")
    return Words(fallback.interface, fallback)


def messages_attributes(settings: PageSettings = PAGE_SETTINGS) -> str:
    """`lang` and `dir` of the validator's messages (see `PageSettings.messages_language`)."""
    language = known_languages().get(settings.messages_language)
    if language is None:
        return f'lang="{escape(settings.messages_language)}"'
    return language_attributes(language)


def column_label(language: Language, column: Column, document: IndexDocument) -> str:
    """The edition's own header label of a column, escaped; the references column names
    the compilation document as the printed header does."""
    header = language.header
    labels = {
        Column.THEME: header.theme,
        Column.REPORT: header.report,
        Column.PARAGRAPHS: header.paragraphs,
        Column.REFERENCES: header.references,
    }
    label = labels[column][0]
    if column == Column.REFERENCES and document.reference_document:
        label = f"{label} {document.reference_document}"
    return escape(label)


def theme_id(position: int) -> str:
    return f"t{position}"


def row_id(position: int, index: int) -> str:
    """The anchor of the `index`-th row (from 1) of theme `position`."""
    return f"r{position}-{index}"

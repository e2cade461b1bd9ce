"""What the HTML page says in the edition's language, and the anchors its parts share.

Interface words come from the `[interface]` table of the language file and column labels
from its `[header]` labels, so that the page speaks the edition's language without any
language being named in code. A language file without interface words borrows another
language's, and the page then marks those words with their own `lang`.
"""

from __future__ import annotations

from html import escape

from pipeline.languages import Interface, Language, program_language
from pipeline.models import Column, IndexDocument


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


def words_for(language: Language) -> Words:
    if language.interface is not None:
        return Words(language.interface)
    fallback = program_language()
    if fallback.interface is None:
        raise ValueError(f"languages/{fallback.code}.toml has no [interface]")
    return Words(fallback.interface, fallback)


def messages_attributes() -> str:
    """`lang` and `dir` of the validator's messages (the `program` language)."""
    return language_attributes(program_language())


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

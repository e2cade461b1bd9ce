"""Parse every cell with the language's grammar: RawTable -> IndexDocument.

Raw text is copied as is; parsed lists sit beside it. A cell that cannot be read keeps its
text, gets an empty list and an error diagnostic: nothing is guessed.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pipeline.languages import Language, get_language
from pipeline.languages.grammar import Parsed
from pipeline.models import (
    Diagnostic,
    Entry,
    IndexDocument,
    Paragraph,
    RawEntry,
    RawTable,
    Reference,
    Severity,
    Theme,
)
from pipeline.normalize.paragraphs import parse_paragraphs
from pipeline.normalize.references import parse_references
from pipeline.normalize.render import render_paragraphs, render_references


def _diagnostics(
    parsed: Parsed[Any], column: str, text: str, theme: str, entry: RawEntry, reading: str
) -> list[Diagnostic]:
    """Turn grammar notes into located diagnostics; the suggestion is the whole cell
    rewritten in the edition's regular notation, i.e. the reading that was taken."""
    page = entry.pages[0] if entry.pages else None
    if parsed.error is not None:
        return [
            Diagnostic(
                code=f"unparsed-{column}",
                severity=Severity.ERROR,
                message=f"{column} cell not read: {parsed.error}",
                page=page,
                theme=theme,
                report=entry.report,
                text=text,
            )
        ]
    return [
        Diagnostic(
            code=note.code,
            severity=note.severity,
            message=note.message,
            page=page,
            theme=theme,
            report=entry.report,
            text=text,
            suggestion=reading,
        )
        for note in parsed.notes
    ]


Item = TypeVar("Item", Paragraph, Reference)


def _shared(items: list[Item], seen: dict[Any, Any]) -> tuple[Item, ...]:
    """The items, each equal one replaced by the first instance met. The models are
    frozen, so sharing is safe, and an index of 50,000 rows cites a few hundred distinct
    paragraphs: memory follows the distinct items, not the citations."""
    return tuple(seen.setdefault(item, item) for item in items)


def _entry(raw: RawEntry, theme: str, language: Language, seen: dict[Any, Any]) -> Entry:
    paragraphs = parse_paragraphs(raw.paragraphs_text, language)
    references = parse_references(raw.references_text, language)
    diagnostics = [
        *_diagnostics(
            paragraphs,
            "paragraphs",
            raw.paragraphs_text,
            theme,
            raw,
            render_paragraphs(paragraphs.items, language),
        ),
        *_diagnostics(
            references,
            "references",
            raw.references_text,
            theme,
            raw,
            render_references(references.items, language),
        ),
    ]
    return Entry(
        report=raw.report,
        paragraphs_text=raw.paragraphs_text,
        references_text=raw.references_text,
        paragraphs=_shared(paragraphs.items, seen),
        references=_shared(references.items, seen),
        pages=raw.pages,
        boxes=raw.boxes,
        link=raw.link,
        diagnostics=tuple(diagnostics),
    )


def _owning(theme: Theme, found: tuple[Diagnostic, ...]) -> Theme:
    """The theme with each reading finding about one of its rows (same theme, same
    report: the first such row) on that row, so that the row carries it."""
    mine = [d for d in found if d.theme == theme.name and d.report is not None]
    if not mine:
        return theme
    entries = list(theme.entries)
    for diagnostic in mine:
        index = next((i for i, e in enumerate(entries) if e.report == diagnostic.report), None)
        if index is not None:
            entry = entries[index]
            entries[index] = entry.model_copy(
                update={"diagnostics": (diagnostic, *entry.diagnostics)}
            )
    return theme.model_copy(update={"entries": tuple(entries)})


def raw_table_to_index(raw: RawTable) -> IndexDocument:
    """Expand every enumeration; collect entry diagnostics into the document's list."""
    language = get_language(raw.meta.language)
    seen: dict[Any, Any] = {}
    themes = tuple(
        _owning(
            Theme(
                position=position,
                name=theme.name,
                pages=theme.pages,
                entries=tuple(_entry(e, theme.name, language, seen) for e in theme.entries),
            ),
            raw.diagnostics,
        )
        for position, theme in enumerate(raw.themes, start=1)
    )
    owned = {d for theme in themes for entry in theme.entries for d in entry.diagnostics}
    diagnostics = (
        *(d for d in raw.diagnostics if d not in owned),
        *(d for theme in themes for entry in theme.entries for d in entry.diagnostics),
    )
    return IndexDocument(
        symbol=raw.meta.symbol,
        language=raw.meta.language,
        title=raw.meta.title,
        job_number=raw.meta.job_number,
        reference_document=raw.meta.reference_document,
        source=raw.source,
        themes=themes,
        diagnostics=diagnostics,
    )

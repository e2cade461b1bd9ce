"""Cross-checks that add diagnostics and never change raw text.

Today: structure checks that need the whole document (duplicate themes, themes without
rows). The consistency audit between paragraphs and references comes with its own stage
work; every check is a function from the document to a list of diagnostics.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from pipeline.models import Diagnostic, IndexDocument, Severity

Check = Callable[[IndexDocument], list[Diagnostic]]


def duplicate_themes(document: IndexDocument) -> list[Diagnostic]:
    counts = Counter(theme.name for theme in document.themes)
    return [
        Diagnostic(
            code="duplicate-theme",
            severity=Severity.WARNING,
            message=f"theme printed {counts[theme.name]} times",
            page=theme.pages[0] if theme.pages else None,
            theme=theme.name,
        )
        for theme in document.themes
        if counts[theme.name] > 1
    ]


def empty_themes(document: IndexDocument) -> list[Diagnostic]:
    return [
        Diagnostic(
            code="theme-without-entries",
            severity=Severity.WARNING,
            message="theme has no meeting-report row",
            page=theme.pages[0] if theme.pages else None,
            theme=theme.name,
        )
        for theme in document.themes
        if not theme.entries
    ]


CHECKS: tuple[Check, ...] = (duplicate_themes, empty_themes)


def validate_index(document: IndexDocument) -> IndexDocument:
    """Run every check; the document's diagnostics gain what they find."""
    found = [diagnostic for check in CHECKS for diagnostic in check(document)]
    if not found:
        return document
    return document.model_copy(update={"diagnostics": (*document.diagnostics, *found)})

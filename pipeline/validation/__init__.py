"""Cross-checks that add diagnostics and never change raw text or parsed lists.

Each check is a function from the document (plus what it needs: the inferred mapping, the
URI record of a text dump) to a list of diagnostics, in its own module of this package:

- `completeness`: the table against what the source shows exists (page numbers, link
  annotations, pages with rows, theme names that swallowed a lost row's neighbour);
- `consistency`: paragraphs against references, through the section and offset
  each report's recommendations take in the compilation document (`infer_mapping`);
- `notation`: whole-cell notation slips the cell grammar cannot see;
- `links`: PDF links and the text dump's URI record against the report symbols;
- `structure`: theme order, duplicates, empty themes, report symbols.

Diagnostics about one row are also attached to that row, so `entries.csv` counts them.
Validation is idempotent: validating a validated document (an `index.json` read back)
adds nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pipeline.models import Diagnostic, Entry, Evidence, IndexDocument, Mapping, Theme
from pipeline.validation.completeness import check_completeness
from pipeline.validation.consistency import check_consistency, infer_mapping
from pipeline.validation.links import check_pdf_links, check_uri_record
from pipeline.validation.notation import check_list_word
from pipeline.validation.structure import (
    check_duplicate_themes,
    check_empty_themes,
    check_report_symbols,
    check_theme_order,
)

__all__ = ["CHECKS", "Check", "infer_mapping", "run_checks", "validate_index"]

Check = Callable[[IndexDocument], list[Diagnostic]]

# Checks that need only the document, in the order their diagnostics are listed.
CHECKS: tuple[Check, ...] = (
    check_duplicate_themes,
    check_empty_themes,
    check_theme_order,
    check_report_symbols,
    check_pdf_links,
    check_list_word,
)


def run_checks(
    document: IndexDocument,
    uris: Sequence[str] | None = None,
    mapping: Mapping | None = None,
    evidence: Evidence | None = None,
    uri_pages: Sequence[int] | None = None,
) -> list[Diagnostic]:
    """Every check's findings, in a fixed order (completeness, structure, links, notation,
    consistency).

    `mapping` is `infer_mapping(document)`, passed in when the caller already has it;
    `evidence` is what the source showed besides the table (`RawTable.evidence`), None
    for an index.json read back."""
    found = check_completeness(document, evidence) if evidence is not None else []
    found += [diagnostic for check in CHECKS for diagnostic in check(document)]
    if uris is not None:
        found.extend(check_uri_record(document, uris, uri_pages))
    found.extend(
        check_consistency(document, infer_mapping(document) if mapping is None else mapping)
    )
    return found


def _owner(theme: Theme, diagnostic: Diagnostic) -> int | None:
    """The row of `theme` a diagnostic is about: the one with its report; when a report
    has two rows in the theme, the one whose cell the diagnostic quotes, else the first."""
    if diagnostic.theme != theme.name or diagnostic.report is None:
        return None
    rows = [i for i, e in enumerate(theme.entries) if e.report == diagnostic.report]
    quoting = [
        i
        for i in rows
        if diagnostic.text in (theme.entries[i].paragraphs_text, theme.entries[i].references_text)
    ]
    chosen = quoting or rows
    return chosen[0] if chosen else None


def _attach(theme: Theme, found: list[Diagnostic]) -> Theme:
    """Give each row the new diagnostics about it, so that a row carries its findings."""
    owned: dict[int, list[Diagnostic]] = {}
    for diagnostic in found:
        index = _owner(theme, diagnostic)
        if index is not None and diagnostic not in theme.entries[index].diagnostics:
            owned.setdefault(index, []).append(diagnostic)
    if not owned:
        return theme
    entries: list[Entry] = [
        entry.model_copy(update={"diagnostics": (*entry.diagnostics, *owned[i])})
        if i in owned
        else entry
        for i, entry in enumerate(theme.entries)
    ]
    return theme.model_copy(update={"entries": tuple(entries)})


def validate_index(
    document: IndexDocument,
    uris: Sequence[str] | None = None,
    mapping: Mapping | None = None,
    evidence: Evidence | None = None,
    uri_pages: Sequence[int] | None = None,
) -> IndexDocument:
    """Run every check; the document (and each row concerned) gains what they find.

    `uris` is the URI record of a text dump (`RawTable.uris`, with `RawTable.uri_pages`);
    None when there is none to check (a PDF, or an index.json read back). `mapping` and
    `evidence`: see `run_checks`."""
    known = set(document.diagnostics)
    checked = run_checks(document, uris, mapping, evidence, uri_pages)
    found = [d for d in dict.fromkeys(checked) if d not in known]
    if not found:
        return document
    by_theme: dict[str | None, list[Diagnostic]] = {}
    for diagnostic in found:
        by_theme.setdefault(diagnostic.theme, []).append(diagnostic)
    return document.model_copy(
        update={
            "themes": tuple(
                _attach(theme, by_theme.get(theme.name, [])) for theme in document.themes
            ),
            "diagnostics": (*document.diagnostics, *found),
        }
    )

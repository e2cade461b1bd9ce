"""What the terminal shows a person: findings (a summary by code, then each finding) and
the differences between two versions.

`recindex validate` prints this and exits with `exit_code`, so CI can fail on errors (or
on warnings) while a person reads, for each finding, where it is (page, theme, report),
what is printed and what the suggested reading is. Cell text is shown as plain text, never
as console markup (a cell may contain brackets).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Literal

from rich.console import Console
from rich.table import Table
from rich.text import Text

from pipeline.cli.batch import BatchResult
from pipeline.comparison.editions import Comparison
from pipeline.comparison.versions import DocumentDiff, EntryChange, EntryRef
from pipeline.languages import Language, get_language
from pipeline.models import Diagnostic, IndexDocument, Severity
from pipeline.normalize.render import render_paragraphs, render_references

_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}
_STYLE = {Severity.INFO: "cyan", Severity.WARNING: "yellow", Severity.ERROR: "bold red"}


def _order(diagnostic: Diagnostic) -> tuple[int, int, str]:
    """Most severe first, then by page (document-wide findings first), then by code."""
    page = diagnostic.page if diagnostic.page is not None else 0
    return (-_RANK[diagnostic.severity], page, diagnostic.code)


def summary_table(document: IndexDocument) -> Table:
    """One row per diagnostic code: its severity and how many times it occurs."""
    counts = Counter((d.code, d.severity) for d in document.diagnostics)
    table = Table(title=f"{len(document.diagnostics)} diagnostics", title_justify="left")
    table.add_column("code")
    table.add_column("severity")
    table.add_column("count", justify="right")
    for (code, severity), count in sorted(
        counts.items(), key=lambda item: (-_RANK[item[0][1]], item[0][0])
    ):
        table.add_row(code, Text(severity.value, style=_STYLE[severity]), str(count))
    return table


def render_diagnostic(diagnostic: Diagnostic, console: Console) -> None:
    """A heading line (severity, code, page), then one labelled line per known field, in
    a grid so that long values wrap under their own column, not under the labels."""
    heading = Text()
    heading.append(f"{diagnostic.severity.value:<8}", style=_STYLE[diagnostic.severity])
    heading.append(diagnostic.code, style="bold")
    if diagnostic.page is not None:
        heading.append(f"  p. {diagnostic.page}", style="dim")
    console.print(heading)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3)
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(overflow="fold")
    fields = (
        ("theme", diagnostic.theme, ""),
        ("report", diagnostic.report, ""),
        ("printed", diagnostic.text, ""),
        ("suggested", diagnostic.suggestion, "green"),
        ("why", diagnostic.message, ""),
    )
    for label, value, style in fields:
        if value is not None:
            grid.add_row("", label, Text(value, style=style))
    console.print(grid)


def render_report(document: IndexDocument, console: Console) -> None:
    """The summary table by code, then every diagnostic, most severe first."""
    name = document.symbol or document.source.name
    console.print(Text(f"{name} ({document.language}): {document.source.name}", style="bold"))
    if not document.diagnostics:
        console.print("no diagnostics")
        return
    console.print(summary_table(document))
    for diagnostic in sorted(document.diagnostics, key=_order):
        render_diagnostic(diagnostic, console)


def report_json(document: IndexDocument) -> dict[str, object]:
    """What `validate --json` prints: the source, counts by severity, every finding."""
    counts = Counter(d.severity.value for d in document.diagnostics)
    return {
        "symbol": document.symbol,
        "language": document.language,
        "source": document.source.model_dump(mode="json"),
        "counts": {severity.value: counts[severity.value] for severity in Severity},
        "diagnostics": [d.model_dump(mode="json") for d in document.diagnostics],
    }


def batch_summary(results: Sequence[BatchResult]) -> str:
    """One line per file, full names and output folders, tab-free plain text for stdout."""
    header = ("file", "language", "themes", "entries", "errors", "seconds", "result")
    rows = [
        (
            r.source,
            r.language or "",
            "" if r.error else str(r.themes),
            "" if r.error else str(r.entries),
            "" if r.error else str(r.errors),
            f"{r.seconds:.2f}",
            f"failed: {r.error}" if r.error else f"-> {r.out}",
        )
        for r in results
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
        + "  "
        + row[-1]
        for row in [header, *rows]
    ]
    ok = sum(1 for r in results if not r.error)
    lines.append(f"{ok} of {len(results)} file(s) extracted")
    return "\n".join(line.rstrip() for line in lines) + "\n"


def exit_code(document: IndexDocument, fail_on: Literal["error", "warning"] | None) -> int:
    """1 when a diagnostic reaches the `fail_on` severity, else 0 (always 0 for None)."""
    if fail_on is None:
        return 0
    threshold = _RANK[Severity(fail_on)]
    return int(any(_RANK[d.severity] >= threshold for d in document.diagnostics))


# --- differences between two versions ------------------------------------------------------


def _rows_table(title: str, rows: Sequence[EntryRef], style: str) -> Table:
    table = Table(title=title, title_justify="left", title_style=f"bold {style}")
    for column in ("Theme", "Report", "Paragraphs", "References"):
        table.add_column(column, overflow="fold")
    for ref in rows:
        table.add_row(
            Text(ref.theme), Text(ref.report), Text(ref.paragraphs_text), Text(ref.references_text)
        )
    return table


def _gain_loss(gained: str, lost: str) -> Text:
    text = Text()
    if gained:
        text.append(f"+ {gained}", style="green")
    if lost:
        text.append(("\n" if gained else "") + f"− {lost}", style="red")
    return text


def _changes_table(changes: Sequence[EntryChange], language: Language) -> Table:
    """Per row, the items gained and lost (written compactly, as ranges where they run);
    when only the printed text changed, the old and new text."""
    table = Table(title="Rows changed", title_justify="left", title_style="bold yellow")
    for column in ("Theme", "Report", "Paragraphs", "References"):
        table.add_column(column, overflow="fold")
    for c in changes:
        paragraphs = _gain_loss(
            render_paragraphs(c.paragraphs_gained, language),
            render_paragraphs(c.paragraphs_lost, language),
        )
        references = _gain_loss(
            render_references(c.references_gained, language),
            render_references(c.references_lost, language),
        )
        if not paragraphs and c.old_paragraphs_text != c.new_paragraphs_text:
            paragraphs = Text(f"{c.old_paragraphs_text} → {c.new_paragraphs_text}")
        if not references and c.old_references_text != c.new_references_text:
            references = Text(f"{c.old_references_text} → {c.new_references_text}")
        table.add_row(Text(c.theme), Text(c.report), paragraphs, references)
    return table


def render_diff(diff: DocumentDiff, console: Console) -> None:
    """A report for a person: a heading, then one section per kind of change, each a
    table; "no differences" when there is nothing to show."""
    console.rule(Text(f"{diff.old_label} → {diff.new_label}"))
    if diff.identical:
        console.print("no differences")
        return
    if diff.metadata_changed:
        table = Table(title="Document", title_justify="left", title_style="bold")
        for column in ("Field", "Old", "New"):
            table.add_column(column, overflow="fold")
        for m in diff.metadata_changed:
            table.add_row(Text(m.field), Text(str(m.old)), Text(str(m.new)))
        console.print(table)
    if diff.themes_added or diff.themes_removed or diff.themes_renamed:
        table = Table(title="Themes", title_justify="left", title_style="bold")
        table.add_column("Change")
        table.add_column("Theme", overflow="fold")
        for name in diff.themes_added:
            table.add_row(Text("added", style="green"), Text(name))
        for name in diff.themes_removed:
            table.add_row(Text("removed", style="red"), Text(name))
        for r in diff.themes_renamed:
            table.add_row(Text("renamed", style="yellow"), Text(f"{r.old_name} → {r.new_name}"))
        console.print(table)
    if diff.entries_added:
        console.print(_rows_table("Rows added", diff.entries_added, "green"))
    if diff.entries_removed:
        console.print(_rows_table("Rows removed", diff.entries_removed, "red"))
    if diff.entries_changed:
        console.print(_changes_table(diff.entries_changed, get_language(diff.language)))
    console.print(
        f"{len(diff.themes_added)} theme(s) added, {len(diff.themes_removed)} removed, "
        f"{len(diff.themes_renamed)} renamed; {len(diff.entries_added)} row(s) added, "
        f"{len(diff.entries_removed)} removed, {len(diff.entries_changed)} changed; "
        f"{len(diff.metadata_changed)} metadata field(s) changed",
        markup=False,
    )


# --- two editions ------------------------------------------------------------------------


def render_comparison(comparison: Comparison, a: str, b: str, console: Console) -> None:
    """The themes matched by content, ambiguous matches, then a table of differences."""
    heading = Text()
    heading.append(a, style="bold")
    heading.append(f" ({comparison.a_language}) ↔ ")
    heading.append(b, style="bold")
    heading.append(
        f" ({comparison.b_language}): {len(comparison.matches)} themes matched by content"
    )
    console.print(heading)
    if comparison.a_symbol != comparison.b_symbol:
        console.print(
            Text("different symbols", style="red")
            + Text(f": {comparison.a_symbol} ≠ {comparison.b_symbol}")
        )
    for m in comparison.matches:
        if m.ambiguous:
            console.print(
                Text("ambiguous match", style="yellow")
                + Text(f" (same rows): {m.a_name} ↔ {m.b_name}")
            )
    if not comparison.differences:
        console.print(Text("no difference in the data", style="green"))
        return
    table = Table(title=f"{len(comparison.differences)} differences")
    for column in ("kind", "theme (a)", "theme (b)", "report", "a", "b"):
        table.add_column(column)
    for d in comparison.differences:
        table.add_row(*(Text(v or "") for v in (d.kind, d.theme_a, d.theme_b, d.report, d.a, d.b)))
    console.print(table)

"""Diagnostics for a person at a terminal: a summary by code, then each finding.

`recindex validate` prints this and exits with `exit_code`, so CI can fail on errors (or
on warnings) while a person reads, for each finding, where it is (page, theme, report),
what is printed and what the suggested reading is. Cell text is shown as plain text, never
as console markup (a cell may contain brackets).
"""

from __future__ import annotations

from collections import Counter
from typing import Literal

from rich.console import Console
from rich.table import Table
from rich.text import Text

from pipeline.models import Diagnostic, IndexDocument, Severity

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


def exit_code(document: IndexDocument, fail_on: Literal["error", "warning"] | None) -> int:
    """1 when a diagnostic reaches the `fail_on` severity, else 0 (always 0 for None)."""
    if fail_on is None:
        return 0
    threshold = _RANK[Severity(fail_on)]
    return int(any(_RANK[d.severity] >= threshold for d in document.diagnostics))

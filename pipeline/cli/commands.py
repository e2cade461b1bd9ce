"""The `recindex` command.

Imports of the pipeline happen inside the commands so that `recindex --help` starts
without loading pydantic models or pdfplumber. Every failure the user can fix (bad file,
unknown language) is one line on stderr and exit code 2; no traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    name="recindex",
    help="Turn a UN thematic index of recommendations into exact, validated JSON and CSV.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

SourceArg = Annotated[Path, typer.Argument(help="The index: a PDF or a UTF-8/UTF-16 text dump.")]
LangOpt = Annotated[
    str, typer.Option("--lang", help="Language edition: auto (from the header labels) or a code.")
]


def fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"recindex: error: {message}", err=True)
    return typer.Exit(code)


def guarded(action: Callable[[], int | None]) -> None:
    """Run a command body; input errors become one stderr line and exit code 2, and a
    non-zero status the body returns (findings, differences) becomes the exit code."""
    from pipeline.errors import InputError

    try:
        status = action()
    except InputError as error:
        raise fail(str(error)) from None
    except Exception as error:
        if os.environ.get("RECINDEX_DEBUG"):
            raise
        raise fail(
            f"internal error: {type(error).__name__}: {error} (set RECINDEX_DEBUG=1 for details)",
            3,
        ) from None
    if status:
        raise typer.Exit(status)


@app.command()
def extract(
    source: SourceArg,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Output folder (default: output/<source file name>/)."),
    ] = None,
    lang: LangOpt = "auto",
    allow_errors: Annotated[
        bool,
        typer.Option(
            "--allow-errors",
            help="Exit 0 even when a finding of severity error says the data is incomplete.",
        ),
    ] = False,
    with_html: Annotated[
        bool,
        typer.Option("--html", help="Also write index.html, the index as one page."),
    ] = False,
) -> None:
    """Extract SOURCE into index.json, four CSV tables, datapackage.json and manifest.json
    (and index.html with --html).

    The data is written even when a finding of severity error says that something the
    document shows (a page, a row) is missing from it; the exit status is then 1."""

    def body() -> int:
        from pipeline.api import run
        from pipeline.export import index_to_files
        from pipeline.export.folder import write_folder

        result = run(source, lang=lang)
        folder = out or Path("output") / source.name
        extra = {}
        if with_html:
            from pipeline.cli.html import page_for

            extra["index.html"] = page_for(result.index, source)
        write_folder(index_to_files(result.index, result.mapping, extra), folder)
        document = result.index
        entries = sum(len(t.entries) for t in document.themes)
        errors = sum(1 for d in document.diagnostics if d.severity == "error")
        typer.echo(
            f"{source.name}: {document.language}, {len(document.themes)} themes, "
            f"{entries} entries, {len(document.diagnostics)} diagnostics -> {folder}",
            err=True,
        )
        if errors:
            typer.echo(
                f"{source.name}: {errors} error finding(s): the data may be incomplete; "
                f"see {folder / 'diagnostics.csv'}",
                err=True,
            )
        return 1 if errors and not allow_errors else 0

    guarded(body)


@app.command()
def schema() -> None:
    """Print the JSON Schema of index.json."""

    def body() -> None:
        import json

        from pipeline.models import IndexDocument

        document = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            **IndexDocument.model_json_schema(),
        }
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")

    guarded(body)


class FailOn(StrEnum):
    error = "error"
    warning = "warning"


@app.command()
def validate(
    source: Annotated[Path, typer.Argument(help="A source (PDF or text) or an index.json.")],
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on", help="Exit 1 when a diagnostic of this severity or worse exists."
        ),
    ] = None,
    lang: LangOpt = "auto",
) -> None:
    """Print every diagnostic (summary by code, then each with page, theme, report, text and
    suggestion)."""

    def body() -> int:
        from rich.console import Console

        from pipeline.api import validate
        from pipeline.cli.render import exit_code, render_report

        document = validate(source, lang=lang)
        render_report(document, Console())
        return exit_code(document, fail_on.value if fail_on else None)

    guarded(body)


@app.command()
def html(
    source: Annotated[Path, typer.Argument(help="A source (PDF or text) or an index.json.")],
    out: Annotated[Path, typer.Option("--out", help="HTML file to write.")],
    pdf: Annotated[
        Path | None,
        typer.Option("--pdf", help="For an index.json: its source PDF, to picture findings."),
    ] = None,
    lang: LangOpt = "auto",
) -> None:
    """Write the index as one self-contained HTML page: search, theme x meeting matrix, and
    every finding beside its row (pictured from the PDF page for a PDF source)."""

    def body() -> None:
        from pipeline.api import load
        from pipeline.cli.html import page_for
        from pipeline.errors import InputError
        from pipeline.export.folder import write_file

        document = load(source, lang=lang)
        from_json = source.name.lower().endswith(".json")
        if pdf is not None and not from_json:
            raise InputError("--pdf is for an index.json; a source PDF is pictured by itself")
        if pdf is not None and document.source.kind != "pdf":
            raise InputError(f"{source}: extracted from a text dump, there is no page to picture")
        page = page_for(document, pdf if from_json else source)
        write_file(out.name, page, out.parent)
        typer.echo(f"{source.name}: {len(document.themes)} themes -> {out}", err=True)

    guarded(body)


@app.command()
def debug(
    source: Annotated[Path, typer.Argument(help="A PDF source.")],
    page: Annotated[int, typer.Option("--page", min=1, help="Page number, from 1.")],
    out: Annotated[Path, typer.Option("--out", help="PNG file to write.")] = Path("page.png"),
    lang: LangOpt = "auto",
) -> None:
    """Draw a page with the detected table area, column bounds, rows and cells."""

    def body() -> None:
        from pipeline.api import run
        from pipeline.cli.draw import draw_page

        draw_page(run(source, lang=lang), source, page, out)
        typer.echo(f"{source.name}: page {page} -> {out}", err=True)

    guarded(body)


@app.command()
def batch(
    sources: Annotated[list[Path], typer.Argument(help="Source files (PDF or text dumps).")],
    out: Annotated[Path, typer.Option("--out", help="Parent folder: one folder per source.")],
    jobs: Annotated[int, typer.Option("--jobs", min=1, help="Parallel processes.")] = 2,
    lang: LangOpt = "auto",
) -> None:
    """Extract many sources in parallel, with progress and a summary; exit 1 if any failed."""

    def body() -> int:
        from rich.console import Console
        from rich.table import Table

        from pipeline.cli.batch import run_batch

        results = run_batch(sources, out, jobs, lang)
        table = Table(title="recindex batch")
        for column in ("file", "language", "themes", "entries", "diagnostics", "seconds"):
            table.add_column(column, justify="left" if column == "file" else "right")
        table.add_column("result")
        for r in results:
            table.add_row(
                Path(r.source).name,
                r.language or "",
                str(r.themes) if not r.error else "",
                str(r.entries) if not r.error else "",
                str(r.diagnostics) if not r.error else "",
                f"{r.seconds:.2f}",
                f"[red]{r.error}[/red]" if r.error else f"[green]ok[/green] -> {r.out}",
            )
        Console(stderr=True).print(table)
        return 1 if any(r.error for r in results) else 0

    guarded(body)


@app.command()
def compare(
    a: Annotated[Path, typer.Argument(help="First edition: index.json or a source.")],
    b: Annotated[Path, typer.Argument(help="Second edition: index.json or a source.")],
    concordance: Annotated[
        Path | None, typer.Option("--concordance", help="Write the theme-name concordance CSV.")
    ] = None,
) -> None:
    """Check that two editions carry the same entries; exit 1 when they differ."""

    def body() -> int:
        from rich.console import Console

        from pipeline.api import compare
        from pipeline.cli.render import render_comparison
        from pipeline.comparison.editions import concordance_csv
        from pipeline.export.folder import write_file

        comparison = compare(a, b)
        render_comparison(comparison, a.name, b.name, Console())
        if concordance is not None:
            write_file(concordance.name, concordance_csv(comparison), concordance.parent)
        return 0 if comparison.identical else 1

    guarded(body)


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="The earlier version: a source or an index.json.")],
    new: Annotated[Path, typer.Argument(help="The later version: a source or an index.json.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the differences as one JSON object.")
    ] = False,
    lang: LangOpt = "auto",
) -> None:
    """Compare two versions of an index; exit 0 when they hold the same data, 1 if not."""

    def body() -> int:
        import json

        from rich.console import Console

        from pipeline.api import diff
        from pipeline.cli.render import render_diff
        from pipeline.comparison.versions import to_json

        result = diff(old, new, lang=lang)
        if as_json:
            sys.stdout.write(json.dumps(to_json(result), ensure_ascii=False, indent=2) + "\n")
        else:
            render_diff(result, Console())
        return 0 if result.identical else 1

    guarded(body)

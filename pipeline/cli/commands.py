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


class EngineName(StrEnum):
    """`pipeline.extraction.engines.ENGINES`, as choices (a test keeps the two equal)."""

    pdfium = "pdfium"
    pdfplumber = "pdfplumber"


EngineOpt = Annotated[
    EngineName,
    typer.Option(
        "--engine",
        help="PDF engine: pdfium (fast) or pdfplumber; both give the same data.",
    ),
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
    engine: EngineOpt = EngineName.pdfium,
) -> None:
    """Extract SOURCE into index.json, four CSV tables, datapackage.json and manifest.json."""

    def body() -> None:
        from pipeline.api import run
        from pipeline.export import index_to_files
        from pipeline.export.folder import write_folder

        result = run(source, lang=lang, engine=engine.value)
        folder = out or Path("output") / source.name
        write_folder(index_to_files(result.index, result.mapping), folder)
        document = result.index
        entries = sum(len(t.entries) for t in document.themes)
        typer.echo(
            f"{source.name}: {document.language}, {len(document.themes)} themes, "
            f"{entries} entries, {len(document.diagnostics)} diagnostics -> {folder}",
            err=True,
        )

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
    engine: EngineOpt = EngineName.pdfium,
) -> None:
    """Print every diagnostic (summary by code, then each with page, theme, report, text and
    suggestion)."""

    def body() -> int:
        from rich.console import Console

        from pipeline.api import validate
        from pipeline.cli.render import exit_code, render_report

        document = validate(source, lang=lang, engine=engine.value)
        render_report(document, Console())
        return exit_code(document, fail_on.value if fail_on else None)

    guarded(body)


@app.command()
def debug(
    source: Annotated[Path, typer.Argument(help="A PDF source.")],
    page: Annotated[int, typer.Option("--page", min=1, help="Page number, from 1.")],
    out: Annotated[Path, typer.Option("--out", help="PNG file to write.")] = Path("page.png"),
    lang: LangOpt = "auto",
    engine: EngineOpt = EngineName.pdfium,
) -> None:
    """Draw a page with the detected table area, column bounds, rows and cells."""

    def body() -> None:
        from pipeline.api import run
        from pipeline.cli.draw import draw_page

        draw_page(run(source, lang=lang, engine=engine.value), source, page, out)
        typer.echo(f"{source.name}: page {page} -> {out}", err=True)

    guarded(body)


@app.command()
def batch(
    sources: Annotated[list[Path], typer.Argument(help="Source files (PDF or text dumps).")],
    out: Annotated[Path, typer.Option("--out", help="Parent folder: one folder per source.")],
    jobs: Annotated[int, typer.Option("--jobs", min=1, help="Parallel processes.")] = 2,
    lang: LangOpt = "auto",
    engine: EngineOpt = EngineName.pdfium,
) -> None:
    """Extract many sources in parallel, with progress and a summary; exit 1 if any failed."""

    def body() -> int:
        from rich.console import Console
        from rich.table import Table

        from pipeline.cli.batch import run_batch

        results = run_batch(sources, out, jobs, lang, engine.value)
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

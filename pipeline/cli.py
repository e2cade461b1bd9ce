"""The `recindex` command.

Imports of the pipeline happen inside the commands so that `recindex --help` starts
without loading pydantic models or pdfplumber. Every failure the user can fix (bad file,
unknown language) is one line on stderr and exit code 2; no traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer

app = typer.Typer(
    name="recindex",
    help="Turn a UN thematic index of recommendations into exact, validated JSON and CSV.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

T = TypeVar("T")

SourceArg = Annotated[Path, typer.Argument(help="The index: a PDF or a UTF-8/UTF-16 text dump.")]
LangOpt = Annotated[
    str, typer.Option("--lang", help="Language edition: auto (from the header labels) or a code.")
]


def fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"recindex: error: {message}", err=True)
    return typer.Exit(code)


def guarded(action: Callable[[], T]) -> T:
    """Run a command body; input errors become one stderr line and exit code 2."""
    from pipeline.errors import InputError

    try:
        return action()
    except InputError as error:
        raise fail(str(error)) from None
    except KeyboardInterrupt:
        raise fail("interrupted", 130) from None
    except Exception as error:
        if os.environ.get("RECINDEX_DEBUG"):
            raise
        raise fail(
            f"internal error: {type(error).__name__}: {error} (set RECINDEX_DEBUG=1 for details)",
            3,
        ) from None


@app.command()
def extract(
    source: SourceArg,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Output folder (default: output/<source file name>/)."),
    ] = None,
    lang: LangOpt = "auto",
) -> None:
    """Extract SOURCE into index.json, four CSV tables, datapackage.json and manifest.json."""

    def body() -> None:
        from pipeline.export import index_to_files, write_files
        from pipeline.run import run

        result = run(source, lang)
        folder = out or Path("output") / source.name
        write_files(index_to_files(result.index), folder)
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


def main() -> None:
    app()

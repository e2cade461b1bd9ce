"""The `recindex` command, on the standard library's argparse.

The command line is parsed before anything heavy is imported: `recindex --help` loads
argparse and this module only, and each command imports the stages it runs inside its
body. (Typer, used before, imported pydantic and rich to parse and print the options:
more than a text dump takes to process.) Every failure the user can fix (bad file,
unknown language) is one line on stderr and exit code 2; no traceback. A usage error
(unknown option, missing argument) is argparse's usage line and its message, exit 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any

DESCRIPTION = "Turn a UN thematic index of recommendations into exact, validated JSON and CSV."


class EngineName(StrEnum):
    """`pipeline.extraction.engines.ENGINES`, as choices (a test keeps the two equal)."""

    pdfium = "pdfium"
    pdfplumber = "pdfplumber"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"


def fail(message: str, code: int = 2) -> SystemExit:
    sys.stderr.write(f"recindex: error: {message}\n")
    return SystemExit(code)


def guarded(action: Callable[[], int | None]) -> int:
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
    return status or 0


def extract(args: argparse.Namespace) -> int | None:
    from pipeline.api import run
    from pipeline.export import index_to_files
    from pipeline.export.folder import write_folder

    source: Path = args.source
    result = run(source, lang=args.lang, engine=args.engine)
    folder = args.out or Path("output") / source.name
    write_folder(index_to_files(result.index, result.mapping), folder)
    document = result.index
    entries = sum(len(t.entries) for t in document.themes)
    sys.stderr.write(
        f"{source.name}: {document.language}, {len(document.themes)} themes, "
        f"{entries} entries, {len(document.diagnostics)} diagnostics -> {folder}\n"
    )
    return None


def schema(args: argparse.Namespace) -> int | None:
    import json

    from pipeline.models import IndexDocument

    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **IndexDocument.model_json_schema(),
    }
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return None


def validate(args: argparse.Namespace) -> int | None:
    from rich.console import Console

    from pipeline.api import validate
    from pipeline.cli.render import exit_code, render_report

    document = validate(args.source, lang=args.lang, engine=args.engine)
    render_report(document, Console())
    return exit_code(document, args.fail_on)


def debug(args: argparse.Namespace) -> int | None:
    from pipeline.api import run
    from pipeline.cli.draw import draw_page

    draw_page(
        run(args.source, lang=args.lang, engine=args.engine), args.source, args.page, args.out
    )
    sys.stderr.write(f"{args.source.name}: page {args.page} -> {args.out}\n")
    return None


def batch(args: argparse.Namespace) -> int | None:
    from rich.console import Console
    from rich.table import Table

    from pipeline.cli.batch import run_batch

    results = run_batch(args.sources, args.out, args.jobs, args.lang, args.engine)
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


def compare(args: argparse.Namespace) -> int | None:
    from rich.console import Console

    from pipeline.api import compare
    from pipeline.cli.render import render_comparison
    from pipeline.comparison.editions import concordance_csv
    from pipeline.export.folder import write_file

    comparison = compare(args.a, args.b)
    render_comparison(comparison, args.a.name, args.b.name, Console())
    if args.concordance is not None:
        write_file(args.concordance.name, concordance_csv(comparison), args.concordance.parent)
    return 0 if comparison.identical else 1


def diff(args: argparse.Namespace) -> int | None:
    import json

    from rich.console import Console

    from pipeline.api import diff
    from pipeline.cli.render import render_diff
    from pipeline.comparison.versions import to_json

    result = diff(args.old, args.new, lang=args.lang)
    if args.json:
        sys.stdout.write(json.dumps(to_json(result), ensure_ascii=False, indent=2) + "\n")
    else:
        render_diff(result, Console())
    return 0 if result.identical else 1


def _at_least_one(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not at least 1")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="recindex", description=DESCRIPTION)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, run: Callable[[argparse.Namespace], int | None], summary: str) -> Any:
        sub = commands.add_parser(name, help=summary, description=summary)
        sub.set_defaults(run=run)
        return sub

    def source(sub: argparse.ArgumentParser, help: str) -> None:
        sub.add_argument("source", type=Path, help=help)

    def lang(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--lang",
            default="auto",
            help="Language edition: auto (from the header labels) or a code (default: auto).",
        )

    def engine(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--engine",
            choices=[e.value for e in EngineName],
            default=EngineName.pdfium.value,
            help="PDF engine: pdfium (fast) or pdfplumber; both give the same data "
            "(default: pdfium).",
        )

    sub = command(
        "extract",
        extract,
        "Extract SOURCE into index.json, four CSV tables, datapackage.json and manifest.json.",
    )
    source(sub, "The index: a PDF or a UTF-8/UTF-16 text dump.")
    sub.add_argument(
        "--out", type=Path, help="Output folder (default: output/<source file name>/)."
    )
    lang(sub)
    engine(sub)

    command("schema", schema, "Print the JSON Schema of index.json.")

    sub = command(
        "validate",
        validate,
        "Print every diagnostic (summary by code, then each with page, theme, report, text "
        "and suggestion).",
    )
    source(sub, "A source (PDF or text) or an index.json.")
    sub.add_argument(
        "--fail-on",
        choices=[f.value for f in FailOn],
        help="Exit 1 when a diagnostic of this severity or worse exists.",
    )
    lang(sub)
    engine(sub)

    sub = command(
        "debug", debug, "Draw a page with the detected table area, column bounds, rows and cells."
    )
    source(sub, "A PDF source.")
    sub.add_argument("--page", type=_at_least_one, required=True, help="Page number, from 1.")
    sub.add_argument(
        "--out", type=Path, default=Path("page.png"), help="PNG file to write (default: page.png)."
    )
    lang(sub)
    engine(sub)

    sub = command(
        "batch",
        batch,
        "Extract many sources in parallel, with progress and a summary; exit 1 if any failed.",
    )
    sub.add_argument("sources", type=Path, nargs="+", help="Source files (PDF or text dumps).")
    sub.add_argument(
        "--out", type=Path, required=True, help="Parent folder: one folder per source."
    )
    sub.add_argument(
        "--jobs", type=_at_least_one, default=2, help="Parallel processes (default: 2)."
    )
    lang(sub)
    engine(sub)

    sub = command(
        "compare",
        compare,
        "Check that two editions carry the same entries; exit 1 when they differ.",
    )
    sub.add_argument("a", type=Path, help="First edition: index.json or a source.")
    sub.add_argument("b", type=Path, help="Second edition: index.json or a source.")
    sub.add_argument("--concordance", type=Path, help="Write the theme-name concordance CSV.")

    sub = command(
        "diff",
        diff,
        "Compare two versions of an index; exit 0 when they hold the same data, 1 if not.",
    )
    sub.add_argument("old", type=Path, help="The earlier version: a source or an index.json.")
    sub.add_argument("new", type=Path, help="The later version: a source or an index.json.")
    sub.add_argument(
        "--json",
        action="store_true",
        help="Print the differences as one JSON object.",
    )
    lang(sub)
    return parser


def app(argv: Sequence[str] | None = None) -> None:
    """Parse the command line and run the command; exits with its status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        raise SystemExit(2)
    status = guarded(lambda: args.run(args))
    if status:
        raise SystemExit(status)

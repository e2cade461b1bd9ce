"""The `recindex` command: argument parsing and one function per command.

Built on argparse, as pdfplumber's and csvkit's command lines are, so that help reads the
way their users expect (`-h`, `--version`, metavars such as SOURCE and DIR, the language
codes listed) and `recindex --help` imports nothing but the standard library. The
commands call `pipeline.api`; everything they print for a person goes through
`render`. Every failure the user can fix (bad file, unknown language) is one line on
stderr and exit code 2; no traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from pipeline import __version__
from pipeline.extraction.engines import DEFAULT_ENGINE, ENGINES

Handler = Callable[[argparse.Namespace], int]


def _language_codes() -> list[str]:
    """The codes of the language files, read from their names: neither a file nor the
    loader (which needs pydantic) is touched, so that --help stays instant."""
    folder = Path(__file__).resolve().parent.parent / "languages"
    names = [entry.name for entry in folder.iterdir()]
    return sorted(name.removesuffix(".toml") for name in names if name.endswith(".toml"))


def _say(args: argparse.Namespace, message: str) -> None:
    """An informational line on stderr, unless --quiet."""
    if not args.quiet:
        sys.stderr.write(message + "\n")


# --- commands ------------------------------------------------------------------------------


def cmd_extract(args: argparse.Namespace) -> int:
    from pipeline.api import run
    from pipeline.export import index_to_files
    from pipeline.export.folder import write_folder

    source: Path = args.source
    result = run(source, lang=args.lang, engine=args.engine)
    folder: Path = args.out or Path("output") / source.name
    extra = {}
    if args.html:
        from pipeline.cli.html import page_for

        extra["index.html"] = page_for(result.index, source)
    write_folder(index_to_files(result.index, result.mapping, extra), folder)
    document = result.index
    entries = sum(len(t.entries) for t in document.themes)
    errors = sum(1 for d in document.diagnostics if d.severity == "error")
    _say(
        args,
        f"{source}: {document.language}, {len(document.themes)} themes, {entries} entries, "
        f"{len(document.diagnostics)} diagnostics -> {folder}",
    )
    if errors:
        sys.stderr.write(
            f"{source}: {errors} error finding(s): the data may be incomplete; "
            f"see {folder / 'diagnostics.csv'}\n"
        )
    return 1 if errors and not args.allow_errors else 0


def cmd_schema(args: argparse.Namespace) -> int:
    import json

    from pipeline.models import IndexDocument

    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **IndexDocument.model_json_schema(),
    }
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from pipeline.api import validate
    from pipeline.cli.render import exit_code, render_report, report_json

    document = validate(args.source, lang=args.lang, engine=args.engine)
    if args.json:
        _write_json(report_json(document))
    elif not args.quiet:
        from rich.console import Console

        render_report(document, Console())
    return exit_code(document, args.fail_on)


def cmd_html(args: argparse.Namespace) -> int:
    from pipeline.api import load
    from pipeline.cli.html import page_for
    from pipeline.errors import InputError
    from pipeline.export.folder import write_file

    source: Path = args.source
    out: Path = args.out
    document = load(source, lang=args.lang)
    from_json = source.name.lower().endswith(".json")
    if args.pdf is not None and not from_json:
        raise InputError("--pdf is for an index.json; a source PDF is pictured by itself")
    if args.pdf is not None and document.source.kind != "pdf":
        raise InputError(f"{source}: extracted from a text dump, there is no page to picture")
    page = page_for(document, args.pdf if from_json else source)
    write_file(out.name, page, out.parent)
    _say(args, f"{source}: {len(document.themes)} themes -> {out}")
    return 0


def cmd_debug(args: argparse.Namespace) -> int:
    from pipeline.api import run
    from pipeline.cli.draw import draw_page

    draw_page(
        run(args.source, lang=args.lang, engine=args.engine), args.source, args.page, args.out
    )
    _say(args, f"{args.source}: page {args.page} -> {args.out}")
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    from pipeline.cli.batch import run_batch
    from pipeline.cli.render import batch_summary

    results = run_batch(
        args.sources, args.out, args.jobs, args.lang, args.engine, show=not args.quiet
    )
    if not args.quiet:
        sys.stdout.write(batch_summary(results))
    failed = any(r.error for r in results)
    errors = any(r.errors for r in results) and not args.allow_errors
    return 1 if failed or errors else 0


def cmd_compare(args: argparse.Namespace) -> int:
    from pipeline.api import compare
    from pipeline.comparison.editions import concordance_csv
    from pipeline.export.folder import write_file

    comparison = compare(args.a, args.b)
    if args.json:
        _write_json({"identical": comparison.identical, **comparison.model_dump(mode="json")})
    elif not args.quiet:
        from rich.console import Console

        from pipeline.cli.render import render_comparison

        render_comparison(comparison, str(args.a), str(args.b), Console())
    if args.concordance is not None:
        concordance: Path = args.concordance
        write_file(concordance.name, concordance_csv(comparison), concordance.parent)
    return 0 if comparison.identical else 1


def cmd_diff(args: argparse.Namespace) -> int:
    from pipeline.api import diff
    from pipeline.comparison.versions import to_json

    result = diff(args.old, args.new, lang=args.lang, engine=args.engine)
    if args.json:
        _write_json(to_json(result))
    elif not args.quiet:
        from rich.console import Console

        from pipeline.cli.render import render_diff

        render_diff(result, Console())
    return 0 if result.identical else 1


def _write_json(value: object) -> None:
    import json

    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


# --- the parser ----------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    codes = ", ".join(_language_codes())
    parser = argparse.ArgumentParser(
        prog="recindex",
        description="Turn a UN thematic index of recommendations into exact, validated "
        "JSON and CSV.",
        epilog="Exit status: 0 success; 1 error findings (extract), findings at --fail-on "
        "(validate), differences (compare, diff) or a failed file (batch); 2 unusable "
        "input; 3 internal error; 130/143 interrupted.",
    )
    parser.add_argument("--version", action="version", version=f"recindex {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name: str, handler: Handler, help: str, description: str = "") -> Parser:
        sub = commands.add_parser(name, help=help, description=description or help)
        sub.set_defaults(handler=handler)
        sub.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
        return sub

    def lang(sub: Parser) -> None:
        sub.add_argument(
            "--lang",
            default="auto",
            metavar="CODE",
            choices=["auto", *_language_codes()],
            help=f"language edition: auto (from the header labels, the default) or one of {codes}",
        )

    def engine(sub: Parser) -> None:
        sub.add_argument(
            "--engine",
            default=DEFAULT_ENGINE,
            choices=ENGINES,
            help="what reads a PDF's characters: pdfium (the default, faster) or pdfplumber "
            "(the reference); both give the same data",
        )

    source_help = "the index: a PDF or a text dump (UTF-8, or UTF-16 with a BOM)"
    any_help = "a source (PDF or text dump) or a published index.json"

    sub = command(
        "extract",
        cmd_extract,
        "extract SOURCE into index.json, four CSV tables, datapackage.json, manifest.json",
        "Extract SOURCE into index.json, themes.csv, entries.csv, references.csv, "
        "diagnostics.csv, datapackage.json and manifest.json (and index.html with --html). "
        "The data is written even when a finding of severity error says that something the "
        "document shows (a page, a row) is missing from it; the exit status is then 1.",
    )
    sub.add_argument("source", metavar="SOURCE", type=Path, help=source_help)
    sub.add_argument(
        "--out", metavar="DIR", type=Path, help="output folder (default: output/<file name>/)"
    )
    lang(sub)
    sub.add_argument("--html", action="store_true", help="also write index.html")
    engine(sub)
    sub.add_argument(
        "--allow-errors", action="store_true", help="exit 0 even when error findings exist"
    )

    command("schema", cmd_schema, "print the JSON Schema of index.json")

    sub = command(
        "validate",
        cmd_validate,
        "print every finding: a summary by code, then each with its place and reading",
    )
    sub.add_argument("source", metavar="SOURCE", type=Path, help=any_help)
    sub.add_argument(
        "--fail-on",
        choices=["error", "warning"],
        help="exit 1 when a finding of this severity or worse exists",
    )
    sub.add_argument("--json", action="store_true", help="print the findings as JSON")
    lang(sub)
    engine(sub)

    sub = command(
        "html",
        cmd_html,
        "write the index as one self-contained HTML page",
        "Write the index as one self-contained HTML page: search, theme x meeting matrix, "
        "and every finding beside its row (pictured from the PDF page for a PDF source).",
    )
    sub.add_argument("source", metavar="SOURCE", type=Path, help=any_help)
    sub.add_argument("--out", metavar="FILE", type=Path, required=True, help="HTML file")
    sub.add_argument(
        "--pdf",
        metavar="PDF",
        type=Path,
        help="for an index.json: its source PDF (SHA-256 checked), to picture findings",
    )
    lang(sub)

    sub = command(
        "debug", cmd_debug, "draw a page with the detected table, columns, rows and cells"
    )
    sub.add_argument("source", metavar="SOURCE", type=Path, help="a PDF source")
    sub.add_argument("--page", metavar="N", type=_positive, required=True, help="page, from 1")
    sub.add_argument(
        "--out", metavar="PNG", type=Path, default=Path("page.png"), help="default: page.png"
    )
    lang(sub)
    engine(sub)

    sub = command(
        "batch",
        cmd_batch,
        "extract many sources in parallel into one folder each, with a summary",
    )
    sub.add_argument("sources", metavar="SOURCE", type=Path, nargs="+", help=source_help)
    sub.add_argument(
        "--out", metavar="DIR", type=Path, required=True, help="parent folder: one per source"
    )
    sub.add_argument(
        "--jobs", metavar="N", type=_positive, default=2, help="parallel processes (default 2)"
    )
    sub.add_argument(
        "--allow-errors", action="store_true", help="exit 0 even when error findings exist"
    )
    lang(sub)
    engine(sub)

    sub = command("compare", cmd_compare, "check that two language editions carry the same data")
    sub.add_argument("a", metavar="A", type=Path, help=any_help)
    sub.add_argument("b", metavar="B", type=Path, help=any_help)
    sub.add_argument(
        "--concordance", metavar="FILE", type=Path, help="write the theme-name concordance CSV"
    )
    sub.add_argument("--json", action="store_true", help="print the comparison as JSON")

    sub = command("diff", cmd_diff, "list what changed between two versions of an index")
    sub.add_argument("old", metavar="OLD", type=Path, help=any_help)
    sub.add_argument("new", metavar="NEW", type=Path, help=any_help)
    sub.add_argument("--json", action="store_true", help="print the differences as JSON")
    lang(sub)
    engine(sub)
    return parser


Parser = argparse.ArgumentParser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more: {value}")
    return value


def run(argv: Sequence[str] | None = None) -> int:
    """Parse `argv`, run the command; input errors become one stderr line and status 2."""
    args = build_parser().parse_args(argv)
    from pipeline.errors import InputError

    try:
        status: int = args.handler(args)
    except InputError as error:
        sys.stderr.write(f"recindex: error: {error}\n")
        return 2
    except BrokenPipeError:
        raise
    except Exception as error:
        if os.environ.get("RECINDEX_DEBUG"):
            raise
        sys.stderr.write(
            f"recindex: internal error: {type(error).__name__}: {error} "
            "(set RECINDEX_DEBUG=1 for details)\n"
        )
        return 3
    return status

"""Larger inputs for the growth measurement: the index with k times its rows.

The text dump is repeated as a dump would print a longer index: its table pages (header
runs, rows, URI blocks) follow each other k times, the footers count the pages on, and
each copy's theme names get a prefix that sorts after every earlier theme ("Zzb ",
"Zzc ", ...), so that the index stays a valid one (themes in order, none repeated)
rather than one that only exercises the error paths. The PDF is typeset the same way,
from the golden table with its themes repeated under the same prefixes
(`tests/pdf_factory`, the layout of the tests' first variant).
"""

from __future__ import annotations

import string
from pathlib import Path

from tests.paths import TEXT_DUMP

FOOTER = "V.19-07098"
PAGES = 13  # the dump's page count; its table runs from page 2
HEADER_LINE = "Thème"


def prefix(copy: int) -> str:
    """The theme prefix of the copy-th repetition (0 for the original: none)."""
    return "" if copy == 0 else "Zz" + string.ascii_lowercase[copy] + " "


def _theme_starts(lines: list[str], first: int) -> set[int]:
    """The dump lines (from `first` on) where each theme's name begins, found in order
    from the names the text path reads (no pattern guesses what a theme line is)."""
    from pipeline.api import run
    from pipeline.patterns import SYMBOL_RE

    names = [" ".join(theme.name.split()) for theme in run(TEXT_DUMP).raw.themes]
    starts: set[int] = set()
    i = first
    for name in names:
        # A theme's first line, or the part of a row's line before its report symbol.
        while not (head := " ".join(SYMBOL_RE.split(lines[i])[0].split())) or not (
            name.startswith(head)
        ):
            i += 1
        starts.add(i)
        i += 1
    return starts


def repeated_dump(k: int, source: Path = TEXT_DUMP) -> str:
    """The dump with its table printed k times."""
    lines = source.read_text(encoding="utf-8").split("\n")
    first = next(i for i, line in enumerate(lines) if line.strip() == HEADER_LINE)
    starts = _theme_starts(lines, first)
    table_pages = PAGES - 1
    total = 1 + table_pages * k

    def footer(line: str, copy: int) -> str:
        if not line.startswith(FOOTER):
            return line
        page = int(line.split()[1].split("/")[0])
        offset = table_pages * copy if page > 1 else 0
        return f"{FOOTER} {page + offset}/{total} "

    out = [footer(line, 0) for line in lines[:first]]
    for copy in range(k):
        for i in range(first, len(lines)):
            line = footer(lines[i], copy)
            out.append(prefix(copy) + line if i in starts else line)
    return "\n".join(out)


def repeated_pdf(k: int) -> bytes:
    """The golden table typeset with its themes k times."""
    from pipeline.languages import get_language
    from tests.golden import expected_table
    from tests.pdf_factory import Layout, TableData, build_pdf

    table = expected_table()
    themes = tuple((prefix(copy) + name, rows) for copy in range(k) for name, rows in table.themes)
    data = TableData(table.symbol, table.title, table.job_number, table.reference_document, themes)
    return build_pdf(data, Layout(), get_language("fr"))

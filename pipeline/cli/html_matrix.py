"""The theme x meeting matrix of the HTML page: which meeting recommended how much on what.

Themes run down in the document's order, meeting reports across in date order (the
symbols' numeric parts, year then serial, compared as numbers), each cell the number of
paragraphs the theme cites from that report, shaded in five steps (square-root scale), and
a link to the row (the first, if a theme lists one report twice).
"""

from __future__ import annotations

import math
from html import escape

from pipeline.cli.html_words import Words, column_label, row_id, theme_id
from pipeline.languages import Language
from pipeline.models import Column, IndexDocument

SHADES = 5


def symbol_key(symbol: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key of a UN symbol: numeric parts as numbers ("2009/2" < "2010/6" < "2010/10")."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part) for part in symbol.split("/")
    )


def short_labels(symbols: list[str]) -> dict[str, str]:
    """Each symbol less the slash-separated head all share ("CTOC/COP/WG.4/2010/6" ->
    "2010/6"), keeping at least two parts (a year and a serial, even with one report), so
    that the columns stay narrow; the full symbol is the abbreviation's title."""
    if not symbols:
        return {}
    split = [symbol.split("/") for symbol in symbols]
    shared = 0
    while (
        all(len(parts) > shared + 2 for parts in split)
        and len({parts[shared] for parts in split}) == 1
    ):
        shared += 1
    return {symbol: "/".join(parts[shared:]) for symbol, parts in zip(symbols, split, strict=True)}


def shade(count: int, largest: int) -> int:
    """1..SHADES by the square root of the cell's share of the largest cell: most cells
    are small, and a linear scale would paint them all alike."""
    return max(1, min(SHADES, math.ceil(SHADES * math.sqrt(count / largest))))


def matrix_section(document: IndexDocument, language: Language, words: Words) -> str:
    reports = sorted(
        {entry.report for theme in document.themes for entry in theme.entries}, key=symbol_key
    )
    labels = short_labels(reports)
    cells: dict[tuple[int, str], tuple[int, str]] = {}
    for theme in document.themes:
        for index, entry in enumerate(theme.entries, 1):
            key = (theme.position, entry.report)
            count, target = cells.get(key, (0, row_id(theme.position, index)))
            cells[key] = (count + len(entry.paragraphs), target)
    largest = max((count for count, _ in cells.values()), default=1) or 1

    head = [f'<th scope="col">{column_label(language, Column.THEME, document)}</th>']
    head += [
        f'<th scope="col"><abbr title="{escape(symbol)}" dir="ltr">{escape(labels[symbol])}'
        "</abbr></th>"
        for symbol in reports
    ]
    head.append(f'<th scope="col">{words("total")}</th>')
    body = []
    for theme in document.themes:
        tid = theme_id(theme.position)
        row = [
            f'<tr data-theme="{tid}"><th scope="row"><a href="#{tid}">{escape(theme.name)}</a></th>'
        ]
        for symbol in reports:
            count, target = cells.get((theme.position, symbol), (0, ""))
            if target:
                row.append(
                    f'<td class="l{shade(count, largest)}"><a href="#{target}">{count}</a></td>'
                )
            else:
                row.append("<td></td>")
        total = sum(len(entry.paragraphs) for entry in theme.entries)
        row.append(f'<td class="total">{total}</td></tr>')
        body.append("".join(row))
    sums = [
        sum(cells.get((t.position, symbol), (0, ""))[0] for t in document.themes)
        for symbol in reports
    ]
    foot = (
        f'<tr><th scope="row">{words("total")}</th>'
        + "".join(f"<td>{n}</td>" for n in sums)
        + f"<td>{sum(sums)}</td></tr>"
    )
    return "\n".join(
        [
            f'<h2 id="matrix-title">{words("matrix")}</h2>',
            f'<p class="note">{words("matrix_note")}</p>',
            '<div class="scroll"><table class="matrix">',
            f"<thead><tr>{''.join(head)}</tr></thead>",
            "<tbody>",
            *body,
            "</tbody>",
            f"<tfoot>{foot}</tfoot>",
            "</table></div>",
        ]
    )

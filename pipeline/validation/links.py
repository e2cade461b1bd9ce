"""Hyperlinks against report symbols.

In the PDF every report symbol carries a link to its document; a link to another document
means the row's symbol or its link is wrong (an error: a reader following the link lands
on the wrong report). In a text dump the links survive only as a record of URI lines,
printed in blocks at page ends, usually twice, some pages' blocks missing; taken in order
they must be a subsequence of the rows' symbols, so only a link that contradicts the row
order is an error, and the coverage is reported once.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.models import Diagnostic, Entry, IndexDocument, Severity
from pipeline.settings import LIMITS

LINK_MISMATCH = "link-mismatch"
LINK_MISSING = "link-missing"
URI_COVERAGE = "uri-record-coverage"
URI_ORDER = "uri-record-order"


def links_to(link: str, symbol: str) -> bool:
    """Whether a document link ends with the symbol ("…/fr/CTOC/COP/WG.4/2010/6")."""
    path = link.rstrip("/")
    return path == symbol or path.endswith("/" + symbol)


def _rows(document: IndexDocument) -> list[tuple[str, Entry]]:
    return [(theme.name, entry) for theme in document.themes for entry in theme.entries]


def check_pdf_links(document: IndexDocument) -> list[Diagnostic]:
    """Every link must point to its row's report; rows without a link are summarised in one
    info diagnostic (only a PDF has links, so a text source is not concerned)."""
    found: list[Diagnostic] = []
    missing: list[Entry] = []
    for theme, entry in _rows(document):
        if entry.link is None:
            missing.append(entry)
        elif not links_to(entry.link, entry.report):
            found.append(
                Diagnostic(
                    code=LINK_MISMATCH,
                    severity=Severity.ERROR,
                    message=f"the report symbol links to {entry.link}",
                    page=entry.pages[0] if entry.pages else None,
                    theme=theme,
                    report=entry.report,
                    text=entry.link,
                )
            )
    if document.source.kind == "pdf" and missing:
        pages = sorted({e.pages[0] for e in missing if e.pages})
        found.append(
            Diagnostic(
                code=LINK_MISSING,
                severity=Severity.INFO,
                message=f"{len(missing)} of {len(_rows(document))} rows have no link on their "
                f"report symbol (pages {', '.join(map(str, pages)) or 'unknown'})",
            )
        )
    return found


@dataclass(frozen=True)
class _Group:
    """Consecutive rows citing one report: one link block entry stands for all of them."""

    symbol: str
    rows: tuple[tuple[str, Entry], ...]


def _groups(rows: list[tuple[str, Entry]]) -> list[_Group]:
    runs: list[list[tuple[str, Entry]]] = []
    for row in rows:
        if runs and runs[-1][0][1].report == row[1].report:
            runs[-1].append(row)
        else:
            runs.append([row])
    return [_Group(run[0][1].report, tuple(run)) for run in runs]


def _collapse(symbols: Sequence[str], pages: Sequence[int]) -> tuple[list[str], list[int]]:
    """Adjacent duplicates collapsed; each link keeps the page of its first copy."""
    kept = [i for i, s in enumerate(symbols) if i == 0 or symbols[i - 1] != s]
    return [symbols[i] for i in kept], [pages[i] for i in kept]


# Alignment costs. A link that matches no row costs more than a gap in the rows (rows
# whose links were not recorded), so every link that can be placed is placed; among such
# alignments the one with the fewest gaps wins, a gap starting at the top of a page being
# slightly cheaper than one starting mid-page (link blocks are lost a page at a time).
_UNMATCHED_LINK = 30
_PAGE_GAP = 10
_MID_PAGE_GAP = 11


def align(
    links: Sequence[str], rows: Sequence[str], page_starts: Sequence[bool] | None = None
) -> list[tuple[int, int]]:
    """Match links to rows in order, as (link index, row index) pairs.

    Link blocks cover the rows of their page and some pages have no block, so the record
    is a subsequence of the rows made of a few contiguous runs. The alignment (affine
    gaps) minimises unmatched links, then gaps in the rows, preferring gaps that begin
    where a page begins (`page_starts[j]`: row j is the first on its page); a plain longest
    common subsequence would spread a block over the periodic report sequence of the
    pages around it."""
    n, m = len(links), len(rows)
    if n * m > LIMITS.max_alignment_cells:
        return _greedy(links, rows)
    starts = page_starts if page_starts is not None else [False] * m
    opening = [_PAGE_GAP if starts[j] else _MID_PAGE_GAP for j in range(m)]
    # after[s][i][j]: least cost to align links[i:] with rows[j:]; s = 1 when the step
    # before skipped a row (continuing that gap is free).
    after = [[[0] * (m + 1) for _ in range(n + 1)] for _ in range(2)]
    for i in range(n):
        after[0][i][m] = after[1][i][m] = _UNMATCHED_LINK * (n - i)
    for j in range(m):
        after[0][n][j] = opening[j]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            skip_link = _UNMATCHED_LINK + after[0][i + 1][j]
            match = after[0][i + 1][j + 1] if links[i] == rows[j] else skip_link
            gap = after[1][i][j + 1]
            after[1][i][j] = min(match, skip_link, gap)
            after[0][i][j] = min(match, skip_link, gap + opening[j])
    pairs: list[tuple[int, int]] = []
    i = j = s = 0
    while i < n and j < m:
        # Among equally good alignments, skip rows first: a link block is printed after
        # its page's rows, so a link belongs to the latest row that fits.
        here = after[s][i][j]
        if here == after[1][i][j + 1] + (0 if s else opening[j]):
            j, s = j + 1, 1
        elif links[i] == rows[j] and here == after[0][i + 1][j + 1]:
            pairs.append((i, j))
            i, j, s = i + 1, j + 1, 0
        else:
            i, s = i + 1, 0
    return pairs


def _greedy(links: Sequence[str], rows: Sequence[str]) -> list[tuple[int, int]]:
    """Each link, in order, with the next row of its report: linear (with a binary search
    per link), for blocks too large for `align`'s exact alignment."""
    where: dict[str, list[int]] = {}
    for j, symbol in enumerate(rows):
        where.setdefault(symbol, []).append(j)
    pairs: list[tuple[int, int]] = []
    after = 0
    for i, link in enumerate(links):
        places = where.get(link, [])
        k = bisect.bisect_left(places, after)
        if k < len(places):
            pairs.append((i, places[k]))
            after = places[k] + 1
    return pairs


def _page_starts(groups: Sequence[_Group]) -> list[bool]:
    """Whether each group is the first on its page (a gap there costs less)."""
    return [
        j == 0 or g.rows[0][1].pages[:1] != groups[j - 1].rows[-1][1].pages[:1]
        for j, g in enumerate(groups)
    ]


def _by_page(
    links: Sequence[str], link_pages: Sequence[int], groups: Sequence[_Group]
) -> list[tuple[int, int]]:
    """`align` run page by page: a link block sits at the end of its page and covers that
    page's rows, so each block is aligned with the rows that start on its page. The work
    is quadratic in the rows of one page only, linear in the document."""
    pages = [g.rows[0][1].pages[0] if g.rows[0][1].pages else 0 for g in groups]
    starts = _page_starts(groups)
    rows_on: dict[int, list[int]] = {}
    for j, page in enumerate(pages):
        rows_on.setdefault(page, []).append(j)
    links_on: dict[int, list[int]] = {}
    for i, page in enumerate(link_pages):
        links_on.setdefault(page, []).append(i)
    pairs: list[tuple[int, int]] = []
    for page in sorted(links_on):
        mine, theirs = links_on[page], rows_on.get(page, [])
        local = align(
            [links[i] for i in mine],
            [groups[j].symbol for j in theirs],
            [starts[j] for j in theirs],
        )
        pairs.extend((mine[a], theirs[b]) for a, b in local)
    return pairs


def check_uri_record(
    document: IndexDocument, uris: Sequence[str], uri_pages: Sequence[int] | None = None
) -> list[Diagnostic]:
    """Align the URI record of a text dump with the rows, report its coverage once, and
    an error for each link that sits between matched links but fits nowhere in the row
    order. Links before the first or after the last matched one, and links to documents
    that no row cites, come from the text around the table: counted, not errors.

    `uri_pages` gives the page each URI line is printed on (`RawTable.uri_pages`); without
    it the record is aligned with all rows at once, which takes time in the product of
    their numbers."""
    if document.source.kind != "text":
        return []
    rows = _rows(document)
    groups = _groups(rows)
    if uri_pages is not None and len(uri_pages) == len(uris):
        links, link_pages = _collapse(uris, uri_pages)
        pairs = _by_page(links, link_pages, groups)
    else:
        links, _ = _collapse(uris, [0] * len(uris))
        pairs = align(links, [g.symbol for g in groups], _page_starts(groups))
    covered = sum(len(groups[j].rows) for _, j in pairs)
    cited = {g.symbol for g in groups}
    found: list[Diagnostic] = []
    outside = 0
    if pairs:
        first, last = pairs[0][0], pairs[-1][0]
        matched_at = dict(pairs)
        matched_links = [k for k, _ in pairs]  # ascending: pairs follow the link order
        for i, link in enumerate(links):
            if i in matched_at:
                continue
            if i < first or i > last or link not in cited:
                outside += 1
                continue
            before = pairs[bisect.bisect_left(matched_links, i) - 1][1]
            row_before = groups[before].rows[-1]
            found.append(
                Diagnostic(
                    code=URI_ORDER,
                    severity=Severity.ERROR,
                    message=f"link {i + 1} of the URI record (duplicates collapsed) points to "
                    f"{link}, which does not follow the row order after this row",
                    page=row_before[1].pages[0] if row_before[1].pages else None,
                    theme=row_before[0],
                    report=row_before[1].report,
                    text=link,
                )
            )
    else:
        outside = len(links)
    matched_rows = {r for _, r in pairs}
    uncovered = {
        e.pages[0]
        for j, g in enumerate(groups)
        if j not in matched_rows
        for _, e in g.rows
        if e.pages
    }
    covered_pages = {e.pages[0] for _, j in pairs for _, e in groups[j].rows if e.pages}
    bare = sorted(uncovered - covered_pages)
    message = f"URI record covers {covered} of {len(rows)} rows"
    if bare:
        message += f"; no link recorded for any row on page(s) {', '.join(map(str, bare))}"
    if outside:
        message += f"; {outside} link(s) point outside the table"
    found.insert(0, Diagnostic(code=URI_COVERAGE, severity=Severity.INFO, message=message))
    return found

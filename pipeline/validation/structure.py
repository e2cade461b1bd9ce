"""Structure of the table: theme order, duplicates, empty themes, report symbols.

The index is an alphabetical list of themes, each with one row per meeting report. A theme
out of order, printed twice or left without rows, and a report symbol that is malformed,
of another series or repeated within a theme, all point to an editing slip or to a
reassembly error (two cells merged, a theme cut by a page break not joined); either way a
reader of the data should know.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict

from pipeline.languages import get_language
from pipeline.models import Diagnostic, IndexDocument, Severity, Theme
from pipeline.patterns import SYMBOL_RE, goes_back, symbol_key
from pipeline.validation.collation import CollationKey, key_for


def _page(theme: Theme) -> int | None:
    return theme.pages[0] if theme.pages else None


def _longest_ordered(keys: list[CollationKey]) -> list[int]:
    """Indices of a longest non-decreasing subsequence of keys: the themes that are in
    order; the others are the fewest themes whose moving would sort the table."""
    tails: list[CollationKey] = []
    tail_index: list[int] = []
    parent: list[int] = [-1] * len(keys)
    for i, key in enumerate(keys):
        slot = bisect_right(tails, key)
        if slot == len(tails):
            tails.append(key)
            tail_index.append(i)
        else:
            tails[slot] = key
            tail_index[slot] = i
        parent[i] = tail_index[slot - 1] if slot else -1
    chain: list[int] = []
    i = tail_index[-1] if tail_index else -1
    while i >= 0:
        chain.append(i)
        i = parent[i]
    return chain[::-1]


def check_theme_order(document: IndexDocument) -> list[Diagnostic]:
    """Themes must follow the language's alphabetical order, by the collation its language
    file names (see `collation`). Only the fewest themes that break the order are
    flagged, each with where it belongs. A language without a collation gets one info
    finding: its order was not checked."""
    themes = document.themes
    key = key_for(get_language(document.language))
    if key is None:
        return [
            Diagnostic(
                code="theme-order-unchecked",
                severity=Severity.INFO,
                message=f"theme order not checked: the {document.language} language file "
                "names no collation",
            )
        ]
    keys = [key(theme.name) for theme in themes]
    ordered = _longest_ordered(keys)
    kept = set(ordered)
    ordered_keys = [keys[i] for i in ordered]
    found: list[Diagnostic] = []
    for i, theme in enumerate(themes):
        if i in kept:
            continue
        slot = bisect_right(ordered_keys, keys[i])
        after = themes[ordered[slot - 1]].name if slot else None
        before = themes[ordered[slot]].name if slot < len(ordered) else None
        place = f"after «{after}»" if after is not None else f"before «{before}»"
        found.append(
            Diagnostic(
                code="theme-order",
                severity=Severity.WARNING,
                message="theme out of alphabetical order",
                page=_page(theme),
                theme=theme.name,
                suggestion=place,
            )
        )
    return found


def check_duplicate_themes(document: IndexDocument) -> list[Diagnostic]:
    """A theme printed twice (equal by the language's collation, or identical where it
    has none) splits its rows."""
    key = key_for(get_language(document.language)) or (lambda name: ((0, name, 0),))
    groups: defaultdict[CollationKey, list[Theme]] = defaultdict(list)
    for theme in document.themes:
        groups[key(theme.name)].append(theme)
    return [
        Diagnostic(
            code="duplicate-theme",
            severity=Severity.WARNING,
            message=f"theme printed {len(group)} times (positions "
            f"{', '.join(str(t.position) for t in group)})",
            page=_page(theme),
            theme=theme.name,
        )
        for group in groups.values()
        if len(group) > 1
        for theme in group[1:]
    ]


def check_empty_themes(document: IndexDocument) -> list[Diagnostic]:
    """A theme without rows is usually a cell split in two by reassembly."""
    return [
        Diagnostic(
            code="theme-without-entries",
            severity=Severity.WARNING,
            message="theme has no meeting-report row",
            page=_page(theme),
            theme=theme.name,
        )
        for theme in document.themes
        if not theme.entries
    ]


def series(symbol: str) -> str:
    """The series of a UN symbol: its parts before the first all-digit part
    ("CTOC/COP/WG.4" for "CTOC/COP/WG.4/2010/6", "A/RES" for "A/RES/70/1")."""
    parts = symbol.split("/")
    head = next((i for i, part in enumerate(parts) if part.isdigit()), len(parts))
    return "/".join(parts[:head])


def check_report_symbols(document: IndexDocument) -> list[Diagnostic]:
    """Every report symbol must be a well-formed UN symbol (an error: the row cannot be
    linked to its report), of the series most rows use (a warning: one body's reports are
    indexed together), and cited once per theme (a warning: two rows for one report)."""
    found: list[Diagnostic] = []
    well_formed = Counter(
        series(entry.report)
        for theme in document.themes
        for entry in theme.entries
        if SYMBOL_RE.fullmatch(entry.report)
    )
    usual = well_formed.most_common(1)[0][0] if well_formed else None
    for theme in document.themes:
        seen: Counter[str] = Counter()
        last: str | None = None
        for entry in theme.entries:
            page = entry.pages[0] if entry.pages else None
            where = {"page": page, "theme": theme.name, "report": entry.report}
            if last is not None and goes_back(
                symbol_key(last), symbol_key(entry.report), strict=True
            ):
                found.append(
                    Diagnostic(
                        code="report-order",
                        severity=Severity.WARNING,
                        message=(
                            f"this theme lists {entry.report} after {last}: its rows go "
                            "back in report order, so a theme boundary may be misread here, "
                            "or the source lists them out of order"
                        ),
                        **where,
                    )
                )
            last = entry.report
            seen[entry.report] += 1
            if seen[entry.report] == 2:
                found.append(
                    Diagnostic(
                        code="duplicate-report",
                        severity=Severity.WARNING,
                        message="the same report has more than one row in this theme",
                        **where,
                    )
                )
            if not SYMBOL_RE.fullmatch(entry.report):
                found.append(
                    Diagnostic(
                        code="malformed-report",
                        severity=Severity.ERROR,
                        message="report cell is not a well-formed document symbol",
                        text=entry.report,
                        **where,
                    )
                )
            elif usual is not None and series(entry.report) != usual:
                found.append(
                    Diagnostic(
                        code="report-series",
                        severity=Severity.WARNING,
                        message=f"report of series {series(entry.report)}, the others are {usual}",
                        text=entry.report,
                        **where,
                    )
                )
    return found

"""How rows and themes of two documents are put side by side: one rule for `diff` and
`compare`, so that the two commands can never disagree about which rows are the same.

A row is identified within its theme by its report symbol and, when a theme has several
rows for one report (the index does this where a report's recommendations fall under a
theme twice), by the order of those rows: (report, occurrence). Keying by report alone
would pair the second row of a report with nothing and report it twice as a difference.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from pipeline.models import Entry, Paragraph, Reference, Theme

RowKey = tuple[str, int]
RowContent = tuple[str, tuple[Paragraph, ...], tuple[Reference, ...]]


def row_keys(entries: Sequence[Entry]) -> list[RowKey]:
    """Each row's (report, occurrence of that report so far in the theme)."""
    seen: Counter[str] = Counter()
    keys: list[RowKey] = []
    for entry in entries:
        keys.append((entry.report, seen[entry.report]))
        seen[entry.report] += 1
    return keys


def match_rows(a: Sequence[Entry], b: Sequence[Entry]) -> list[tuple[Entry | None, Entry | None]]:
    """The rows of two versions of one theme paired by (report, occurrence): every row of
    `a` in its order with its partner in `b` or None, then the rows of `b` left over."""
    by_key = dict(zip(row_keys(b), b, strict=True))
    pairs: list[tuple[Entry | None, Entry | None]] = []
    for key, entry in zip(row_keys(a), a, strict=True):
        pairs.append((entry, by_key.pop(key, None)))
    pairs.extend((None, entry) for entry in by_key.values())
    return pairs


def row_content(entry: Entry) -> RowContent:
    """What a row says, whatever the edition's language and notation: report, expanded
    paragraphs, expanded references (printed text left out)."""
    return (entry.report, entry.paragraphs, entry.references)


def theme_content(theme: Theme) -> Counter[RowContent]:
    """A theme's rows as a multiset of their content: what a translated, re-sorted or
    renamed theme keeps."""
    return Counter(row_content(e) for e in theme.entries)

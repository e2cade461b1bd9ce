"""Two editions of one index must carry the same data: match them and list what differs.

Theme names are translated and re-sorted in each language, so themes are matched by what
they contain (their rows: report, expanded paragraphs, expanded references), never by
position or name. The match is one-to-one, best overlap first.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from functools import partial
from typing import Literal

from pydantic import BaseModel, ConfigDict

from pipeline.comparison.match import RowContent, match_rows, theme_content
from pipeline.models import IndexDocument, Theme


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ThemeMatch(_Frozen):
    a_position: int
    a_name: str
    b_position: int
    b_name: str
    score: float
    ambiguous: bool = False


class Difference(_Frozen):
    kind: Literal[
        "only-in-a", "only-in-b", "paragraphs", "references", "theme-only-in-a", "theme-only-in-b"
    ]
    theme_a: str | None
    theme_b: str | None
    report: str | None
    a: str | None = None
    b: str | None = None


class Comparison(_Frozen):
    a_language: str
    b_language: str
    a_symbol: str | None
    b_symbol: str | None
    matches: tuple[ThemeMatch, ...]
    differences: tuple[Difference, ...]

    @property
    def identical(self) -> bool:
        return not self.differences and self.a_symbol == self.b_symbol


def _keys(theme: Theme) -> frozenset[RowContent]:
    return frozenset(theme_content(theme))


def match_themes(a: IndexDocument, b: IndexDocument) -> list[ThemeMatch]:
    """One-to-one matching by overlap (Jaccard) of rows; ties go to document order and
    are flagged, since two themes with the same rows cannot be told apart by content."""
    keys_a = [_keys(t) for t in a.themes]
    keys_b = [_keys(t) for t in b.themes]
    candidates: list[tuple[float, int, int]] = []
    for i, ka in enumerate(keys_a):
        for j, kb in enumerate(keys_b):
            shared = len(ka & kb)
            if shared:
                candidates.append((shared / len(ka | kb), i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    matches: list[ThemeMatch] = []
    for score, i, j in candidates:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        rivals = sum(1 for s, x, y in candidates if s == score and (x == i) != (y == j))
        ta, tb = a.themes[i], b.themes[j]
        matches.append(
            ThemeMatch(
                a_position=ta.position,
                a_name=ta.name,
                b_position=tb.position,
                b_name=tb.name,
                score=round(score, 4),
                ambiguous=score == 1.0 and rivals > 0,
            )
        )
    return sorted(matches, key=lambda m: m.a_position)


def _entry_differences(ta: Theme, tb: Theme) -> Iterable[Difference]:
    """Rows paired by (report, occurrence), the rule `diff` uses too (`match.match_rows`)."""
    for ea, eb in match_rows(ta.entries, tb.entries):
        either = ea if ea is not None else eb
        report = either.report if either is not None else None
        differ = partial(Difference, theme_a=ta.name, theme_b=tb.name, report=report)
        if eb is None and ea is not None:
            yield differ(kind="only-in-a", a=ea.paragraphs_text)
        elif ea is None and eb is not None:
            yield differ(kind="only-in-b", b=eb.paragraphs_text)
        elif ea is not None and eb is not None:
            if ea.paragraphs != eb.paragraphs:
                yield differ(kind="paragraphs", a=ea.paragraphs_text, b=eb.paragraphs_text)
            if ea.references != eb.references:
                yield differ(kind="references", a=ea.references_text, b=eb.references_text)


def compare_documents(a: IndexDocument, b: IndexDocument) -> Comparison:
    matches = match_themes(a, b)
    by_position_a = {t.position: t for t in a.themes}
    by_position_b = {t.position: t for t in b.themes}
    differences: list[Difference] = []
    for match in matches:
        differences += _entry_differences(
            by_position_a[match.a_position], by_position_b[match.b_position]
        )
    matched_a = {m.a_position for m in matches}
    matched_b = {m.b_position for m in matches}
    differences += [
        Difference(kind="theme-only-in-a", theme_a=t.name, theme_b=None, report=None)
        for t in a.themes
        if t.position not in matched_a
    ]
    differences += [
        Difference(kind="theme-only-in-b", theme_a=None, theme_b=t.name, report=None)
        for t in b.themes
        if t.position not in matched_b
    ]
    return Comparison(
        a_language=a.language,
        b_language=b.language,
        a_symbol=a.symbol,
        b_symbol=b.symbol,
        matches=tuple(matches),
        differences=tuple(differences),
    )


def concordance_csv(comparison: Comparison) -> bytes:
    """Theme names side by side, one row per matched theme, in the first edition's order."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    a, b = comparison.a_language, comparison.b_language
    if a == b:
        a, b = f"{a}_a", f"{b}_b"
    writer.writerow(
        [f"position_{a}", f"name_{a}", f"position_{b}", f"name_{b}", "score", "ambiguous"]
    )
    for m in comparison.matches:
        writer.writerow(
            [m.a_position, m.a_name, m.b_position, m.b_name, m.score, "yes" if m.ambiguous else ""]
        )
    return buffer.getvalue().encode("utf-8")

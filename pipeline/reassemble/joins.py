"""A cell's printed lines joined into its text, and the reading recorded where the
document's own evidence, not the language, decided a break.

A break after a dot before a digit ("IV." / "37") is a space in most typesetters'
output: they never break inside "IV.37", so the source had "IV. 37" (the French source
prints "IV. 45.b" once). A typesetter breaking lines by Pango's rules does break there.
It shows it by breaking a report symbol, which never holds a space, the same way
("CTOC/COP/WG." / "4/2010/6"), or by breaking cells after a dot more often than the
source spaces after one within a line. In such a document the break is read as no
space, and each cell so read says so: the source's rare spaced reference broken at its
space reads unspaced too, and nothing is silently changed.
"""

from __future__ import annotations

import collections
import itertools
from collections.abc import Iterable, Mapping, Sequence

from pipeline.models import Diagnostic, Severity
from pipeline.patterns import JOINED_MARK_RE, SPACED_MARK_RE, fold, join_lines


def word_breaks(cells: Iterable[Sequence[str]], shown: Iterable[str]) -> dict[str, str]:
    """The characters after which this document's typesetter breaks a line inside a word,
    each with its evidence: `shown`, those a report symbol was broken after
    (`Evidence.word_breaks`); and a punctuation mark that the cells hold inside words
    ("IV.45") more often than before a space ("IV. 45", where the source's own spaces
    mostly fall: within a line), and break a line after, inside a word and before a
    letter or digit, at least twice and more often than they space it. A mark never
    inside words (")" in "b) et") is never one."""
    found = dict.fromkeys(shown, "a report symbol broken over two lines after it")
    broken: collections.Counter[str] = collections.Counter()
    spaced: collections.Counter[str] = collections.Counter()
    joined: collections.Counter[str] = collections.Counter()
    for lines in cells:
        texts = [text for text in (fold(line) for line in lines) if text]
        for text in texts:
            spaced.update(SPACED_MARK_RE.findall(text))
            joined.update(JOINED_MARK_RE.findall(text))
        for before, after in itertools.pairwise(texts):
            mark = before[-1]
            inside = len(before) > 1 and before[-2].isalnum()
            if inside and not mark.isalnum() and after[0].isalnum():
                broken[mark] += 1
    for mark, count in sorted(broken.items()):
        in_words = joined[mark] > spaced[mark]
        if mark not in found and in_words and count >= 2 and count > spaced[mark]:
            found[mark] = (
                f"the cells break a line after it {count} times and print it before a "
                f"space within a line {spaced[mark]} times"
            )
    return found


def cell_text(
    lines: list[str], spaced: bool, latin_spaced: bool, unspaced_after: frozenset[str]
) -> tuple[str, str | None]:
    """The cell's text, and the text the language alone would have read when the
    document's word breaks (`unspaced_after`) read it otherwise (else None)."""
    text = join_lines(lines, spaced, latin_spaced, unspaced_after)
    if not unspaced_after:
        return text, None
    plain = join_lines(lines, spaced, latin_spaced)
    return text, (plain if plain != text else None)


def unspaced_finding(
    theme: str, report: str, text: str, plain: str, reasons: Mapping[str, str]
) -> Diagnostic:
    """The reading of a cell whose line break the document's word breaks decided."""
    why = "; ".join(f"'{mark}': {reason}" for mark, reason in sorted(reasons.items()))
    return Diagnostic(
        code="line-break-unspaced",
        severity=Severity.INFO,
        message=f"a line break after a mark inside a word is read as no space ({plain!r} "
        f"read {text!r}): this document's typesetter breaks words there ({why})",
        report=report,
        theme=theme,
        text=text,
    )

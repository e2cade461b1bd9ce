"""The table body's lines and rows: each printed line cut into its columns' lines, symbols
broken over two lines or a page break joined again, and the column lines gathered into
rows (a theme line printed beside its first row read before that row).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pipeline.extraction.pdf_layout import (
    COLUMNS,
    Header,
    Word,
    WordRun,
    printed_lines,
)
from pipeline.models import Column
from pipeline.patterns import SYMBOL_RE, line_text
from pipeline.settings import SETTINGS


@dataclass
class ColumnLine(WordRun):
    """The words of one column on one printed line of the table body.

    Its top, bottom and size are measured once, when it is made: row grouping asks for
    them tens of thousands of times. Its words change only through `fold`, which measures
    again."""

    column: Column
    words: list[Word]
    # The bottom of a second printed line folded into this one (a rejoined symbol).
    below: float = 0.0
    # The second part of a symbol broken by a page break, already joined to the first
    # (`rejoin_across`): printed here, read there.
    joined: bool = False
    _top: float = field(init=False, repr=False, compare=False, default=0.0)
    _bottom: float = field(init=False, repr=False, compare=False, default=0.0)
    _size: float = field(init=False, repr=False, compare=False, default=0.0)

    def __post_init__(self) -> None:
        self._measure()

    def _measure(self) -> None:
        if self.words:
            self._top = super().top
            self._bottom = max(self.below, *(w.bottom for w in self.words))
            self._size = super().size

    @property
    def text(self) -> str:
        """Within one column, a gap where a wide character meets a letter or another is
        no space (`line_text`): the typesetter spread the line."""
        return line_text(w.text for w in self.words)

    def fold(self, words: list[Word], below: float) -> None:
        """Take these words instead (a symbol rejoined from two lines, `below` the bottom
        of the second; no words: a line emptied into the one above)."""
        self.words, self.below = words, below
        self._measure()

    @property
    def top(self) -> float:
        return self._top

    @property
    def bottom(self) -> float:
        return self._bottom

    @property
    def size(self) -> float:
        return self._size


@dataclass
class BodyRow:
    """Column lines printed side by side, read as one `Line`."""

    parts: dict[Column, ColumnLine] = field(default_factory=dict)

    @property
    def top(self) -> float:
        return min(part.top for part in self.parts.values())


def column_lines(words: Iterable[Word], header: Header) -> list[ColumnLine]:
    """Split body words into columns first, then into lines within each column: a theme
    cell's lines keep their own pitch beside the rows, so a page-wide grouping would mix
    them with report rows a point or two away."""
    by_column: dict[Column, list[Word]] = {column: [] for column in COLUMNS}
    for word in words:
        for part in header.cells_of(word):
            by_column[header.column_of(part)].append(part)
    out: list[ColumnLine] = []
    for column, found in by_column.items():
        out.extend(ColumnLine(column, line.words) for line in printed_lines(found))
    rejoin_symbols(out)
    return sorted(out, key=lambda c: (c.top, COLUMNS.index(c.column)))


def rejoin_symbols(lines: list[ColumnLine]) -> None:
    """A report symbol broken after a slash in a narrow column is one symbol again."""
    reports = sorted((c for c in lines if c.column is Column.REPORT), key=lambda c: c.top)
    for first, second in itertools.pairwise(reports):
        if not first.words or SYMBOL_RE.fullmatch(first.text) or not first.text.endswith("/"):
            continue
        if second.top - first.bottom > first.size:
            continue
        if SYMBOL_RE.fullmatch(first.text + second.text):
            right = max(first.x1, second.x1)
            joined = Word(first.text + second.text, first.x0, first.top, right, first.bottom)
            first.fold([joined], second.bottom)
            second.fold([], 0.0)
    lines[:] = [c for c in lines if c.words]


def rejoin_across(upper: BodyRow, lower: BodyRow) -> bool:
    """A report symbol broken after a slash at the foot of a page (`upper`, the page's last
    row) and finished at the top of the next (`lower`, that page's first row): one
    symbol again, standing where its first part is printed. The second part leaves its
    row, where it stays (marked `joined`) for its page and box."""
    first, second = upper.parts.get(Column.REPORT), lower.parts.get(Column.REPORT)
    if first is None or second is None or not first.words or not first.text.endswith("/"):
        return False
    if SYMBOL_RE.fullmatch(first.text) or not SYMBOL_RE.fullmatch(first.text + second.text):
        return False
    joined = Word(first.text + second.text, first.x0, first.top, first.x1, first.bottom)
    first.fold([joined], 0.0)
    second.joined = True
    return True


def body_rows(lines: Sequence[ColumnLine]) -> list[BodyRow]:
    """Gather column lines whose tops are within a fraction of a line of each other, so
    that a theme line printed beside its first row is read before that row."""
    rows: list[BodyRow] = []
    anchor = 0.0
    for line in lines:
        row = rows[-1] if rows else None
        if (
            row is not None
            and line.column not in row.parts
            and line.top - anchor <= SETTINGS.same_line * line.size
        ):
            row.parts[line.column] = line
        else:
            rows.append(BodyRow({line.column: line}))
            anchor = line.top
    return rows

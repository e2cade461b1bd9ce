"""The table body's lines and rows: each printed line cut into its columns' lines, symbols
broken over two lines or a page break joined again, and the column lines gathered into
rows (a theme line printed beside its first row read before that row).
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pipeline.extraction.pdf_layout import (
    COLUMNS,
    SYMBOL_PIECE_RE,
    Header,
    Word,
    WordRun,
    printed_lines,
)
from pipeline.models import Column
from pipeline.patterns import SYMBOL_RE, line_text
from pipeline.settings import SETTINGS

# What kerning tucks under the letter before it ("V." / "T,"): a word starting so, set
# over the end of the word before, goes on that word (`ColumnLine.text`).
_TUCKED = frozenset(".,;:)")


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
    # A report symbol printed on the next page, read here (`orphaned_tail`): no box here.
    borrowed: bool = False
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
        no space (`line_text`): the typesetter spread the line. A word starting with a
        punctuation mark set over the end of the word before goes on that word: a word
        cut where two cells set with no padding touched ("etV" of "et" and "V.13,"),
        whose part in this column the kerning of "V." tucks under the rest ".13," that
        pdfplumber grouped apart."""
        texts: list[str] = []
        right = 0.0
        for word in self.words:
            if texts and word.x0 < right - SETTINGS.touch_pt and word.text[:1] in _TUCKED:
                texts[-1] += word.text
            else:
                texts.append(word.text)
            right = word.x1
        return line_text(texts)

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
    return sorted(out, key=lambda c: (c.top, COLUMNS.index(c.column)))


def symbol_break(first: str, second: str) -> tuple[str, str] | None:
    """Where a report symbol printed over two lines was broken: the characters on either
    side of the break; None when the two texts are not one symbol's pieces. A browser
    wraps after a slash ("CTOC/COP/WG.4/" / "2010/6"), a typesetter breaking lines by
    Pango's rules after a dot ("CTOC/COP/WG." / "4/2010/6"); a whole symbol is a piece
    only when the next line goes on with a slash or a dot, and a line that is a whole
    symbol itself only after a slash."""
    if not first or not second or not SYMBOL_RE.fullmatch(first + second):
        return None
    if SYMBOL_RE.fullmatch(first) and second[0] not in "/.":
        return None
    if SYMBOL_RE.fullmatch(second) and not first.endswith("/"):
        return None
    return first[-1], second[0]


def word_break(pieces: tuple[str, str] | None) -> str | None:
    """The character after which a typesetter broke a line inside a word, where
    `symbol_break` shows one: a punctuation mark before a letter or digit ("." in
    "WG." / "4"), which other cells' lines may then break after too."""
    if pieces is None or pieces[0].isalnum() or not pieces[1].isalnum():
        return None
    return pieces[0]


def rejoin_symbols(lines: list[ColumnLine]) -> set[str]:
    """A report symbol broken over two lines or more in a narrow column ("CTOC/COP/" /
    "WG." / "4/2010/6") is one symbol again. Returns the characters it was broken after
    (`word_break`)."""
    breaks: set[str] = set()
    reports = sorted((c for c in lines if c.column is Column.REPORT), key=lambda c: c.top)
    k = 0
    while k < len(reports):
        run = reports[k : k + _symbol_lines(reports[k : k + SETTINGS.symbol_lines])]
        if len(run) < 2:
            k += 1
            continue
        texts = [c.text for c in run]
        right = max(c.x1 for c in run)
        joined = Word("".join(texts), run[0].x0, run[0].top, right, run[0].bottom)
        run[0].fold([joined], run[-1].bottom)
        for line in run[1:]:
            line.fold([], 0.0)
        found = (word_break((a[-1], b[0])) for a, b in itertools.pairwise(texts))
        breaks.update(b for b in found if b)
        k += len(run)
    lines[:] = [c for c in lines if c.words]
    return breaks


def symbol_run(texts: Sequence[str]) -> int:
    """How many of these successive texts, from the first, print one report symbol broken
    over them (0 when the first is not a symbol's broken start): every piece but the last
    the start of a symbol and none a whole one, the last finishing it (`symbol_break`)."""
    head = texts[0] if texts else ""
    for k in range(1, len(texts)):
        if not head or not texts[k]:
            return 0
        if symbol_break(head, texts[k]) is not None:
            return k + 1
        if SYMBOL_RE.fullmatch(head) or SYMBOL_RE.fullmatch(texts[k]):
            return 0
        head += texts[k]
        if not SYMBOL_PIECE_RE.match(head):
            return 0
    return 0


def _symbol_lines(run: Sequence[ColumnLine]) -> int:
    """How many of these successive report lines, from the first, print one symbol
    between them (`symbol_run`), each line close under the one above."""
    close = 1
    while (
        close < len(run)
        and run[close].words
        and run[close].top - run[close - 1].bottom <= run[close - 1].size
    ):
        close += 1
    return symbol_run([line.text for line in run[:close]])


def rejoin_across(upper: Sequence[BodyRow], lower: Sequence[BodyRow]) -> list[tuple[str, str]]:
    """A report symbol broken at the foot of a page and finished at the top of the next:
    one symbol again, standing where its first piece is printed. `upper`: the page's
    last lines, each holding a piece of it ("CTOC/COP/", "WG."); `lower`: the next
    page's first lines, before its first row, holding the rest ("4/2010/6"). Every piece
    after the first stays (marked `joined`) for its page and box. Returns where the
    symbol was broken (`symbol_break`, once per break), nothing when it was not."""
    if not upper or any(not _report_words(row) for row in upper):
        return []
    firsts = [row.parts[Column.REPORT] for row in upper]
    rests: list[ColumnLine] = []
    for row in lower[: SETTINGS.symbol_lines]:
        if not _report_words(row):
            break
        rests.append(row.parts[Column.REPORT])
    pieces = [part.text for part in (*firsts, *rests)]
    count = symbol_run(pieces)
    if count <= len(firsts):
        return []
    pieces = pieces[:count]
    first = firsts[0]
    joined = Word("".join(pieces), first.x0, first.top, first.x1, first.bottom)
    first.fold([joined], 0.0)
    for part in [*firsts[1:], *rests[: count - len(firsts)]]:
        part.joined = True
    return [(a[-1], b[0]) for a, b in itertools.pairwise(pieces)]


def _report_words(row: BodyRow) -> bool:
    """Whether the line prints something in the report column."""
    part = row.parts.get(Column.REPORT)
    return part is not None and bool(part.words)


# The columns every row of the table fills besides its report symbol.
_TEXT_COLUMNS = (Column.PARAGRAPHS, Column.REFERENCES)


def orphaned_tail(group: Sequence[BodyRow], first: Sequence[BodyRow], inner: float) -> int:
    """Where, among the lines of a page's last row (`group`), the cells of the next page's
    first row (`first`) start, when the typesetter printed them at this page's foot and
    moved that row's report symbol to the next page with what else it keeps together
    (CSS widows and orphans, a word processor's widow control: a cell of two lines).
    0 when it did not. Such a line holds no report text, starts every column that every
    row fills (paragraphs, references) and that `first` does not, and at least one; it
    stands below every line of the row before; and each column it starts stands further
    from that column's line above than two lines of one cell (`inner`): a new cell, not
    the next line of the row's own (with no cell padding, its row is still told apart
    by the line its taller symbol left empty in the other columns). Where `first` prints
    its symbol alone, its cells can only be here: failing such a line, the first line
    below the row before that starts them all is taken, whatever the gap."""
    missing = {c for c in _TEXT_COLUMNS if not any(c in line.parts for line in first)}
    below: list[int] = []  # the lines that may start the cells, by the first rules
    for k in range(1, len(group)):
        line = group[k]
        starts = [c for c in _TEXT_COLUMNS if c in line.parts]
        if Column.REPORT in line.parts or not starts or not missing <= set(starts):
            continue
        slack = SETTINGS.jitter * max(part.size for part in line.parts.values())
        above = max(part.bottom for row in group[:k] for part in row.parts.values())
        if line.top - above < -slack:
            continue
        below.append(k)
        lowest = [
            max(row.parts[column].bottom for row in group[:k] if column in row.parts)
            for column in starts
            if any(column in row.parts for row in group[:k])
        ]
        if all(line.top - bottom > inner + slack for bottom in lowest):
            return k
    return below[0] if below and len(missing) == len(_TEXT_COLUMNS) else 0


def inner_gap(groups: Iterable[Sequence[BodyRow]]) -> float:
    """The usual gap between two successive lines of one cell in these rows: the median,
    as a row's cells printed at a page's foot below its report line (`orphaned_tail`)
    stand further down (0 when no cell has two lines)."""
    gaps = [
        below.top - above.bottom
        for group in groups
        for column in COLUMNS
        for above, below in itertools.pairwise(
            row.parts[column] for row in group if column in row.parts
        )
    ]
    return statistics.median(gaps) if gaps else 0.0


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

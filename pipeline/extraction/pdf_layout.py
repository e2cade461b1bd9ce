"""Page geometry for the PDF extractor: words, printed lines, the header's columns, rows.

Everything here works on plain objects (words, rules, links with their boxes) and never
touches pdfplumber, so it can be tested and reasoned about without a PDF. No coordinate is
fixed: distances are measured in units of the words' own font size, and the columns come
from where the language's header labels are printed (found by `pdf_header`). Where a
theme cell starts, which is decided across pages, is in `pdf_groups`.
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import regex

from pipeline.languages import Language
from pipeline.models import Column
from pipeline.patterns import SYMBOL_RE, fold, line_text
from pipeline.settings import SETTINGS

COLUMNS = (Column.THEME, Column.REPORT, Column.PARAGRAPHS, Column.REFERENCES)
# A piece of a document symbol wrapped at a slash: "CTOC/COP/WG.4/2019/", "WG.4/2019/5",
# its end when the slash opens the next line ("/5"), or when a word processor broke the
# symbol before a dot (".4/2019/5": a slash still in it, so no reference such as ".5").
SYMBOL_PIECE_RE = regex.compile(
    r"^\(?(?:[A-Z0-9][A-Za-z0-9.]*(?:/[A-Za-z0-9.]*)+|/[A-Za-z0-9.]+(?:/[A-Za-z0-9.]*)*"
    r"|\.[A-Za-z0-9.]*(?:/[A-Za-z0-9.]*)+)\)?[.,;]?$"
)


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    # Where the word may be cut in two (`pdf_words.Notes`): (end of the text before, start
    # of the text after, length of the text before).
    cuts: tuple[tuple[float, float, int], ...] = ()
    # Every boundary between two of its glyphs, in the same form, unrounded (the engines
    # may differ in their last bit); not compared, as two readings of one word are equal.
    seams: tuple[tuple[float, float, int], ...] = field(default=(), compare=False, repr=False)

    def cut(self, at: tuple[float, float, int]) -> tuple[Word, Word]:
        """The word's two parts on either side of one of its cuts or seams."""
        end, start, k = at
        return (
            Word(
                self.text[:k],
                self.x0,
                self.top,
                end,
                self.bottom,
                tuple(c for c in self.cuts if c[2] < k),
                tuple(c for c in self.seams if c[2] < k),
            ),
            Word(
                self.text[k:],
                start,
                self.top,
                self.x1,
                self.bottom,
                tuple((a, b, j - k) for a, b, j in self.cuts if j > k),
                tuple((a, b, j - k) for a, b, j in self.seams if j > k),
            ),
        )

    @property
    def size(self) -> float:
        """The font size, read from the glyph box (pdfplumber's top/bottom span the em)."""
        return max(self.bottom - self.top, 1.0)


@dataclass(frozen=True)
class Rule:
    """A horizontal stroke (a line or the edge of a thin rectangle)."""

    x0: float
    x1: float
    y: float


@dataclass(frozen=True)
class Link:
    x0: float
    top: float
    x1: float
    bottom: float
    uri: str


@dataclass(frozen=True)
class PageContent:
    """What the extractor reads from one page, in one pass."""

    number: int
    width: float
    height: float
    words: tuple[Word, ...]
    rules: tuple[Rule, ...] = ()
    links: tuple[Link, ...] = ()
    # Places where letters are printed over other letters (x0, top, x1, bottom).
    overprints: tuple[tuple[float, float, float, float], ...] = ()
    # Words whose letters mixed texts drawn apart (`pdf_words._layers`): the mixed word's
    # box and, for each text, the words read there instead.
    layered: tuple[tuple[tuple[float, float, float, float], tuple[tuple[Word, ...], ...]], ...] = ()


# A word's text and place on its page, to a tenth of a point (`repeated_words`).
PlaceKey = tuple[str, float, float]


def place_key(word: Word) -> PlaceKey:
    return word.text, round(word.x0, 1), round(word.top, 1)


def repeated_words(pages: Sequence[PageContent]) -> frozenset[PlaceKey]:
    """Words printed with the same text at the same place on most pages (three at
    least): running heads and feet, the repeated header, and whatever a producer writes
    on every page (a browser's clipped accents of the repeated header, at every page
    foot). No cell of the body stands at one place on most pages."""
    counts = Counter(key for page in pages for key in {place_key(w) for w in page.words})
    need = max(3, math.ceil(SETTINGS.repeated_share * len(pages)))
    return frozenset(key for key, n in counts.items() if n >= need)


class _WordRun:
    """Geometry and text of a run of words (a printed line, or one column of it)."""

    words: list[Word]

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def size(self) -> float:
        return statistics.median(w.size for w in self.words)

    @property
    def text(self) -> str:
        return fold(" ".join(w.text for w in self.words))


@dataclass
class PrintedLine(_WordRun):
    """Words sharing a baseline, left to right."""

    words: list[Word]


def _over(one: Word, other: Word) -> bool:
    """Whether two words of one line stand over each other by more than `overprint`."""
    shared = min(one.x1, other.x1) - max(one.x0, other.x0)
    return shared > SETTINGS.overprint * min(one.size, other.size)


def printed_lines(words: Iterable[Word]) -> list[PrintedLine]:
    """Group words into lines: a word joins the line whose first word's top is within a
    fraction of its size (anchoring on the first word avoids chaining lines together),
    unless it stands over one of that line's words: two texts printed over each other a
    little apart (a browser painting a cell's overflow over the next cell) are two
    lines, not one line whose words alternate between them."""
    lines: list[PrintedLine] = []
    anchor = 0.0
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if (
            lines
            and word.top - anchor <= SETTINGS.same_line * min(word.size, lines[-1].words[0].size)
            and not (word.top > anchor and any(_over(w, word) for w in lines[-1].words))
        ):
            lines[-1].words.append(word)
        else:
            lines.append(PrintedLine([word]))
            anchor = word.top
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    return lines


# --- the header ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Header:
    """Where a page's table header is, and the left edge of each column it names.

    `lefts` starts as where each label starts; `pdf_columns` moves it to where the body's
    text shows the column starts. `ends` is where each label ends (a column's text never
    starts left of the end of the label before it)."""

    language: Language
    lefts: dict[Column, float]
    top: float
    bottom: float
    size: float
    ends: dict[Column, float] = field(default_factory=dict)

    def column_of(self, word: Word) -> Column:
        """The column whose left edge is the greatest one at or left of the word."""
        slack = SETTINGS.column_slack * word.size
        found = COLUMNS[0]
        for column in COLUMNS:
            if self.lefts[column] <= word.x0 + slack:
                found = column
        return found

    def cells_of(self, word: Word, seams: bool = True) -> Iterator[Word]:
        """The word cut where a column starts inside it: the texts of two cells set closer
        than the gap between words, run into one word. At a gap inside it (`Word.cuts`)
        that stands in another column; failing that, at the seam nearest the next
        column's edge when the word runs over that edge (`_seam_at`); `seams=False`
        cuts at gaps only (while the columns' edges are still the labels' starts)."""
        while True:
            if not word.cuts and not (seams and word.seams and self._runs_over(word)):
                yield word
                return
            here = self.column_of(word)
            at = next(
                (
                    c
                    for c in word.cuts
                    if self.column_of(Word("", c[1], word.top, word.x1, word.bottom)) != here
                ),
                None,
            ) or (self._seam_at(word, here) if seams else None)
            if at is None:
                yield word
                return
            left, word = word.cut(at)
            yield left

    def _runs_over(self, word: Word) -> bool:
        reach = SETTINGS.seam_reach * word.size
        return any(word.x0 + reach < x < word.x1 - reach for x in self.lefts.values())

    def _seam_at(self, word: Word, here: Column) -> tuple[float, float, int] | None:
        """Where to cut a word that runs over the left edge of the column after its own:
        two cells set with no padding, their texts touching ("32 etV.9"). The seam
        whose glyph after it starts nearest the edge, within `seam_reach` of the size,
        and only where both parts can stand in their columns: a report column's part
        is a document symbol or its start wrapped at a slash (`_symbol_part`), so a
        symbol overflowing a narrow column is not cut; no other part starts with
        closing punctuation or ends with a slash."""
        following = COLUMNS.index(here) + 1
        if following == len(COLUMNS) or not word.seams:
            return None
        edge = self.lefts[COLUMNS[following]]
        reach = SETTINGS.seam_reach * word.size
        if not word.x0 + reach < edge < word.x1 - reach:
            return None
        end, start, k = min(word.seams, key=lambda s: abs(s[1] - edge))
        before, after = word.text[:k], word.text[k:]
        if abs(start - edge) > reach or not _parts_fit(here, before, after):
            return None
        # To a thousandth of a point, as `Word.cuts` (the engines' last bits differ); a
        # float even where pdfminer kept an integer.
        return round(float(end), 3), round(float(start), 3), k

    def label_columns(self, word: Word) -> set[Column]:
        """The columns a word of the header may belong to: by where the labels start, and
        by where the label before ends (a centred label's second line may start left of
        its first)."""
        found = {self.column_of(word)}
        if self.ends:
            after = [c for p, c in itertools.pairwise(COLUMNS) if self.ends[p] <= word.x0]
            found.add(after[-1] if after else COLUMNS[0])
        return found


def _symbol_part(text: str) -> bool:
    """A report cell's text on one line: a whole symbol, or a piece of one wrapped at a
    slash (its start "CTOC/COP/", or its end "WG.4/2010/6" on the next line)."""
    return bool(SYMBOL_RE.fullmatch(text) or ("/" in text and SYMBOL_PIECE_RE.match(text)))


def _parts_fit(column: Column, before: str, after: str) -> bool:
    """Whether a word's two parts can be the ends of two adjacent cells' texts, the first
    in `column` (`Header._seam_at`)."""
    if column is Column.REPORT and not _symbol_part(before):
        return False
    if column is Column.THEME and not _symbol_part(after):
        return False
    return not (after[:1] in ",.;:)/" or (before.endswith("/") and column is not Column.REPORT))


# --- the body ------------------------------------------------------------------------------


@dataclass
class ColumnLine(_WordRun):
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

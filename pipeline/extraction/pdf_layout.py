"""Page geometry for the PDF extractor: words, printed lines, the header's columns (the
body's lines and rows are `pdf_body`).

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
from pipeline.patterns import SYMBOL_RE, fold
from pipeline.settings import SETTINGS

COLUMNS = (Column.THEME, Column.REPORT, Column.PARAGRAPHS, Column.REFERENCES)
# A piece of a document symbol wrapped at a slash: "CTOC/COP/WG.4/2019/", "WG.4/2019/5",
# its end when the slash opens the next line ("/5"), or when a word processor broke the
# symbol before a dot (".4/2019/5": a slash still in it, so no reference such as ".5").
SYMBOL_PIECE_RE = regex.compile(
    r"^\(?(?:[A-Z0-9][A-Za-z0-9.]*(?:/[A-Za-z0-9.]*)+|/[A-Za-z0-9.]+(?:/[A-Za-z0-9.]*)*"
    r"|\.[A-Za-z0-9.]*(?:/[A-Za-z0-9.]*)+)\)?[.,;]?$"
)
# A symbol's piece on a line of its own after a piece ending with a slash or a dot: a
# series ("WG." under "CTOC/COP/") or a number ("5" under "CTOC/COP/WG.4/2019/").
SYMBOL_NEXT_PIECE_RE = regex.compile(r"^(?:\d+|[A-Z][A-Z0-9]*[./])$")


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    # Where the word may be cut in two (`pdf_glyphs.Notes`): (end of the part on the left,
    # start of the part on the right, length of the text before the cut).
    cuts: tuple[tuple[float, float, int], ...] = ()
    # Every boundary between two of its glyphs, in the same form, unrounded (the engines
    # may differ in their last bit); not compared, as two readings of one word are equal.
    seams: tuple[tuple[float, float, int], ...] = field(default=(), compare=False, repr=False)
    # A word of a mirrored page (`pdf_bidi.mirror_page`): its text stays in the order the
    # page shows it while its box turns, so the text before a cut stands on the right.
    mirrored: bool = field(default=False, compare=False, repr=False)

    def parts(self, k: int) -> tuple[str, str]:
        """The texts on the left and on the right of a cut after `k` characters."""
        if self.mirrored:
            return self.text[k:], self.text[:k]
        return self.text[:k], self.text[k:]

    def cut(self, at: tuple[float, float, int]) -> tuple[Word, Word]:
        """The word's two parts, left and right, on either side of a cut or seam."""
        end, start, k = at
        before = (
            self.text[:k],
            tuple(c for c in self.cuts if c[2] < k),
            tuple(c for c in self.seams if c[2] < k),
        )
        after = (
            self.text[k:],
            tuple((a, b, j - k) for a, b, j in self.cuts if j > k),
            tuple((a, b, j - k) for a, b, j in self.seams if j > k),
        )
        left, right = (after, before) if self.mirrored else (before, after)
        top, bottom, mirrored = self.top, self.bottom, self.mirrored
        return (
            Word(left[0], self.x0, top, end, bottom, left[1], left[2], mirrored),
            Word(right[0], start, top, self.x1, bottom, right[1], right[2], mirrored),
        )

    @property
    def size(self) -> float:
        """The font size, read from the glyph box (pdfplumber's top/bottom span the em)."""
        return max(self.bottom - self.top, 1.0)


@dataclass(frozen=True)
class Rule:
    """A horizontal stroke (a line or the edge of a thin rectangle), or an edge of
    shading (`band`: of a filled rectangle taller than `band_pt`, not stroked)."""

    x0: float
    x1: float
    y: float
    band: bool = False


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
    # The words of the glyphs painted outside their clip (`pdf_clip`): not read.
    hidden: tuple[str, ...] = ()
    # Where some are, the page read from all its glyphs: where its header is looked for.
    unclipped: PageContent | None = None
    # Glyphs shown whose text the file does not give (x0, top, x1, bottom).
    unmapped: tuple[tuple[float, float, float, float], ...] = ()

    @property
    def header_words(self) -> tuple[Word, ...]:
        """The words a header is looked for among: all the page prints, clipped or not
        (a label its cell clips is still the label)."""
        return (self.unclipped or self).words


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


class WordRun:
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
class PrintedLine(WordRun):
    """Words sharing a baseline, left to right."""

    words: list[Word]


def _over(one: Word, other: Word) -> bool:
    """Whether two words of one line stand over each other by more than `overprint`."""
    shared = min(one.x1, other.x1) - max(one.x0, other.x0)
    return shared > SETTINGS.overprint * min(one.size, other.size)


def _level(anchor: Word, word: Word) -> bool:
    """Whether a word stands on the line `anchor` starts: their boxes share all but a
    fraction of the smaller one's height. Of one size, that is a top within that fraction
    of a size; of two sizes or fonts on one baseline (Arabic set larger, or in a font
    with a deeper descent, than the Latin symbols among it), the smaller box lies within
    the larger."""
    shared = min(anchor.bottom, word.bottom) - max(anchor.top, word.top)
    return shared >= (1 - SETTINGS.same_line) * min(anchor.size, word.size)


def printed_lines(words: Iterable[Word]) -> list[PrintedLine]:
    """Group words into lines: a word joins the line whose first word it stands level
    with (`_level`; anchoring on the first word avoids chaining lines together), unless
    it stands over one of that line's words: two texts printed over each other a little
    apart (a browser painting a cell's overflow over the next cell) are two lines, not
    one line whose words alternate between them."""
    lines: list[PrintedLine] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        first = lines[-1].words[0] if lines else None
        if (
            first is not None
            and _level(first, word)
            and not (word.top > first.top and any(_over(w, word) for w in lines[-1].words))
        ):
            lines[-1].words.append(word)
        else:
            lines.append(PrintedLine([word]))
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
        that stands in another column, or at the seam nearest the next column's edge
        when the word runs over that edge (`_seam_at`), whichever comes first (two cells'
        texts touching at the edge, then a gap between two words of the second);
        `seams=False` cuts at gaps only (while the columns' edges are still the labels'
        starts)."""
        while True:
            if not word.cuts and not (seams and word.seams and self._runs_over(word)):
                yield word
                return
            here = self.column_of(word)
            gap = next(
                (
                    c
                    for c in word.cuts
                    if self.column_of(Word("", c[1], word.top, word.x1, word.bottom)) != here
                ),
                None,
            )
            seam = self._seam_at(word, here) if seams else None
            # The next column's edge comes first: the gap stands further in it, between
            # two words of that column ("（f）" | "VII.1.c、VII.1.d" | "和VII.").
            at = seam if seam is not None and (gap is None or seam[1] < gap[1]) else gap
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
        before, after = word.parts(k)
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

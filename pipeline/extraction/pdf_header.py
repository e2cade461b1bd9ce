"""The table header: where the language's labels are printed, and so where each column
starts (which printed lines and words around the body belong to the header is
`pdf_header_band`).

The labels are found anywhere within the header band (any vertical alignment, wrapped or
split over lines, repeated on every page or only on the first) and compared whatever their
case, accents or spacing (`label_key`).
"""

from __future__ import annotations

import bisect
import statistics
from collections.abc import Iterable, Sequence
from functools import cache

from pipeline.extraction.pdf_header_band import is_any_label_piece, shortest_piece, vocabulary
from pipeline.extraction.pdf_layout import (
    COLUMNS,
    Header,
    Word,
    printed_lines,
)
from pipeline.languages import Language
from pipeline.models import Column
from pipeline.patterns import LINE_HYPHENS, label_key
from pipeline.settings import SETTINGS


def _clean_label_word(text: str) -> str:
    return label_key(text).rstrip(":")


def _label_hits(
    words: Sequence[Word], cleaned: Sequence[str], label: str, shortest: int
) -> list[list[Word]]:
    """Every place where a label is printed, possibly wrapped over several lines.

    Words are compared by `label_key` (any case, small capitals, accents or not); the
    following words must follow the first in reading order within a few lines below and
    not to its left. A word of the label broken inside by a narrow cell ("Paragraph" /
    "es", or "号文" / "件中的参考段落" where the script breaks anywhere) is matched by its
    pieces (`_pieces`, a first piece of at least `shortest` letters). `cleaned` holds each
    word's key (computed once per page rather than once per label and word).
    """
    parts = label_key(label).split()
    hits: list[list[Word]] = []
    # A word can only begin the label if it is the first part or a beginning of it, the
    # condition `_pieces` starts from: testing it first spares a call per word and label.
    starts = [i for i, key in enumerate(cleaned) if parts[0].startswith(key.rstrip(LINE_HYPHENS))]
    for i in starts:
        start = words[i]
        first = _pieces(words, cleaned, i, parts[0], (start.x0,), shortest)
        if not first:
            continue
        slack = SETTINGS.column_slack * start.size
        depth = start.top + (len(parts) + 3) * SETTINGS.label_line_pitch * start.size
        pitch = SETTINGS.same_line * start.size
        window = sorted(
            (
                j
                for j, w in enumerate(words)
                if w.x0 >= start.x0 - slack
                and start.top - slack <= w.top <= depth
                and (w.top > start.top + pitch or w.x0 > start.x0)
            ),
            key=lambda j: (round(words[j].top / pitch), words[j].x0),
        )
        found, rest, complete = [words[k] for k in first], iter(window), True
        for part in parts[1:]:
            match = next(
                (
                    m
                    for j in rest
                    if (m := _pieces(words, cleaned, j, part, (start.x0, words[j].x0), shortest))
                ),
                None,
            )
            if match is None:
                complete = False
                break
            found.extend(words[k] for k in match)
        if complete:
            hits.append(found)
    return hits


def _pieces(
    words: Sequence[Word],
    cleaned: Sequence[str],
    i: int,
    part: str,
    lefts: tuple[float, ...],
    shortest: int,
) -> list[int]:
    """The word at `i` as the label's `part`: the word itself, or the word and the pieces
    of it the cell wrapped onto the lines below, each starting at one of `lefts` (where the
    word starts, when a narrow cell breaks a label's word alone on its line: "Paragraph" /
    "es", or with a hyphen; where the label starts, when the word ends a line of it).
    A first piece shorter than `shortest` letters is no piece. Empty if not."""
    if cleaned[i] == part:
        return [i]
    head = cleaned[i].rstrip(LINE_HYPHENS)
    if len(head) < shortest or not part.startswith(head):
        return []
    word = words[i]
    slack = SETTINGS.column_slack * word.size
    below = [
        j
        for j, w in enumerate(words)
        if any(abs(w.x0 - left) <= slack for left in lefts)
        and word.top + SETTINGS.same_line * word.size
        < w.top
        <= word.top + 2 * SETTINGS.label_line_pitch * word.size
    ]
    for j in sorted(below, key=lambda j: words[j].top):
        rest = _pieces(words, cleaned, j, part[len(head) :], lefts, shortest)
        if rest:
            return [i, *rest]
    return []


def _cut_at_label_edges(words: Sequence[Word], language: Language) -> list[Word]:
    """The words with each one cut where it runs over the left edge of a label's first
    word on another line: a word processor writes a label its cell clips right after the
    label beside it, touching ("Paragraphes" and the end "a)" of "… alinéa)" read as one
    word, "Paragraphesa)"), at the exact x where that clipped label's column starts. Only
    a word that is no label word itself is cut, and only where its part before is one."""
    firsts = _first_label_words(language)
    edges = sorted(
        (w for w in words if _clean_label_word(w.text) in firsts and not _runs_on(words, w)),
        key=lambda w: w.x0,
    )
    if not edges:
        return list(words)
    xs = [edge.x0 for edge in edges]
    known = [v.words for v in vocabulary(language).values()]

    def label_word(text: str) -> bool:
        key = _clean_label_word(text)
        return any(key in vocab for vocab in known)

    out: list[Word] = []
    for word in words:
        seam = None
        reach = SETTINGS.cell_gap * word.size
        # Only a word across some edge, off that edge's line, can be cut there: the test
        # (a bisection) that spares the label-word lookups on nearly every word of a page.
        lo = bisect.bisect_left(xs, word.x0 - reach)
        hi = bisect.bisect_right(xs, word.x1 + reach)
        across = [
            edge
            for edge in edges[lo:hi]
            if abs(edge.top - word.top) > SETTINGS.same_line * word.size
        ]
        if across and word.seams and not label_word(word.text):
            seam = next(
                (
                    seam
                    for seam in word.seams
                    for edge in across
                    if abs(seam[1] - edge.x0) <= reach and label_word(word.parts(seam[2])[0])
                ),
                None,
            )
        out.extend(word.cut(seam) if seam is not None else (word,))
    return out


@cache
def _first_label_words(language: Language) -> frozenset[str]:
    """The first word of each theme, report and references label: the words that start
    a column of the header."""
    h = language.header
    return frozenset(
        label_key(label).split()[0]
        for texts in (h.theme, h.report, h.references)
        for label in texts
        if label.strip()
    )


def _band_depth(words: Sequence[Word], head: Word, language: Language) -> float:
    """How far below the theme label the header's label lines run on, each a label line's
    pitch or two under the one before and every word of it a piece of some column's
    labels or of the reference document's symbol (its pieces on lines of their own,
    "WG." under "CTOC/COP/"); plus two such pitches, for the line of the second header
    row under them."""
    pitch = SETTINGS.label_line_pitch * head.size
    last, previous = head.top, ""
    for line in printed_lines(w for w in words if w.top > head.top + pitch / 2):
        if line.top - last > 2 * pitch or not all(
            is_any_label_piece(w, language, previous) for w in line.words
        ):
            break
        last, previous = line.top, line.words[-1].text
    return last - head.top + 2 * pitch


def _whole(hits: list[list[Word]]) -> list[list[Word]]:
    """The hits that are not part of a longer one: a label's shorter variant is found
    inside its longer ("号文件中的参考段落" inside "在 … 号文件中的参考段落"), and the label
    starts where the longer one does."""
    sets = [frozenset(map(id, hit)) for hit in hits]
    return [
        hit for hit, own in zip(hits, sets, strict=True) if not any(own < other for other in sets)
    ]


def _runs_on(words: Sequence[Word], word: Word) -> bool:
    """Whether a word of the same line ends just left of `word`, within a word gap: the
    word goes on a line of running text, while the theme label heads the first column
    and nothing stands left of it."""
    reach = SETTINGS.word_gap * word.size
    line = SETTINGS.same_line * word.size
    return any(abs(w.top - word.top) <= line and word.x0 - reach <= w.x1 <= word.x0 for w in words)


def find_header(words: Sequence[Word], language: Language) -> Header | None:
    """This language's labels laid out left to right as the four column heads (theme,
    report document, paragraphs, references), or None.

    Labels of cells spanning both header rows ("Thème", "Référence …") may stand level with
    the first row, the second or between them, so the labels are looked for above and below
    each other within the header's reach. Of several candidate "Thème" words (the title may
    end "… par thème"), one that a word of its line runs on to (`_runs_on`) is text, not
    the first column's label; of the others, one set below the top of the other labels
    wins over one above them all, then the one whose labels lie closest together. A word of another
    label ("document" in "Référence dans le document") is never the "Document" label: that
    label stands between the theme and paragraphs labels, level with "Paragraphes".
    """
    labels = language.header
    words = _cut_at_label_edges(words, language)
    cleaned = [_clean_label_word(w.text) for w in words]

    shortest = shortest_piece(language)

    def hits(texts: Iterable[str]) -> list[list[Word]]:
        found = [hit for text in texts for hit in _label_hits(words, cleaned, text, shortest)]
        return _whole(found)

    themes = sorted(
        (h for h in hits(labels.theme) if not _runs_on(words, h[0])), key=lambda h: h[0].top
    )
    if not themes:  # most pages of another language, and pages without the table
        return None
    documents = hits(labels.document)
    reports = hits(labels.report)
    paragraphs = hits(labels.paragraphs)
    references = hits(labels.references)
    best: tuple[tuple[bool, float], Header] | None = None
    for theme in themes:
        head = theme[0]
        reach = SETTINGS.header_span * head.size
        if not any(abs(h[0].top - head.top) <= reach for h in paragraphs):
            # A label cell taller than the header's usual reach (a narrow references
            # column wrapping its label over many lines): the second row stands under it.
            reach = max(reach, _band_depth(words, head, language))

        def close(hit: list[Word], head: Word = head, reach: float = reach) -> bool:
            return abs(hit[0].top - head.top) <= reach

        para = min(
            (h for h in paragraphs if close(h) and h[0].x0 > head.x0),
            key=lambda h: abs(h[0].top - head.top),
            default=None,
        )
        if para is None:
            continue
        first = para[0]
        refs = min(
            (h for h in references if close(h) and h[0].x0 > first.x0),
            key=lambda h: abs(h[0].top - head.top),
            default=None,
        )
        between = [h for h in documents + reports if close(h) and head.x0 < h[0].x0 < first.x0]
        # The document label is level with the paragraphs label; failing that, the report
        # label (a header that names only the meeting report) gives the column.
        level = [h for h in between if abs(h[0].top - first.top) <= SETTINGS.same_line * first.size]
        report = min(
            level or between, key=lambda h: (abs(h[0].top - first.top), h[0].x0), default=None
        )
        if refs is None or report is None:
            continue
        core = [theme, para, refs, report]
        top = min(w.top for hit in core for w in hit)
        bottom = max(w.bottom for hit in core for w in hit)
        # A label cell's text is never set above every other label of the header: such a
        # "thème" is the title's, whatever the spread.
        others = min(w.top for hit in core[1:] for w in hit)
        rank = (head.top < others - SETTINGS.same_line * head.size, bottom - top)
        # The meeting-report label spans the document and paragraphs columns above them.
        core += [
            h
            for h in reports
            if h is not report
            and head.x0 < h[0].x0 < refs[0].x0
            and top - SETTINGS.label_line_pitch * 3 * h[0].size <= h[0].top <= bottom
        ]
        lefts = {
            Column.THEME: head.x0,
            Column.REPORT: report[0].x0,
            Column.PARAGRAPHS: first.x0,
            Column.REFERENCES: refs[0].x0,
        }
        placed = [w for hit in core for w in hit]
        header = Header(
            language=language,
            lefts=lefts,
            ends=_label_ends(
                lefts,
                {
                    Column.THEME: theme,
                    Column.REPORT: report,
                    Column.PARAGRAPHS: para,
                    Column.REFERENCES: refs,
                },
            ),
            top=min(w.top for w in placed),
            bottom=max(w.bottom for w in placed),
            size=statistics.median(w.size for w in placed),
        )
        if best is None or rank < best[0]:
            best = (rank, header)
    return best[1] if best else None


def _label_ends(lefts: dict[Column, float], hits: dict[Column, list[Word]]) -> dict[Column, float]:
    """Where each label ends, counting only its words that end before the next label
    starts: a label spanning two columns ("Rapport de réunion") says nothing of where the
    first of them ends."""
    ends: dict[Column, float] = {}
    for column, following in zip(COLUMNS, (*COLUMNS[1:], None), strict=True):
        limit = lefts[following] if following is not None else float("inf")
        inside = [w.x1 for w in hits[column] if w.x1 <= limit]
        ends[column] = max(inside, default=lefts[column])
    return ends

"""Words that pdfplumber's grouping broke into letters, joined again.

pdfplumber clusters a page's glyphs into lines by their tops, chained: each top within
3 pt of the one before. Small capitals set a word's first letter taller than the rest
(Chromium prints "RÉFÉRENCE" as a 9 pt R and 6 pt ÉFÉRENCE, 2.4 pt lower), and the next
line of a two-line header label may then stand within 3 pt of those small letters: the
chain makes the two printed lines one. Sorted by x, the glyphs of the two lines
alternate, and every word breaks where a glyph of the other line comes between
("R", "É", "F", "ÉR" … and "C", "T", "O" … for "CTOC"). The words stay exactly as
pdfplumber gives them (`pdf_words`); this reads the page as printed, as the layout needs.

Two words are fragments of one when they abut on one printed line (no gap between them,
bottoms within a quarter of the size: small capitals share the baseline with the
capital, whose bottom stands lower by a sliver) and a word of another line stands across
the point where they meet: what broke them. So are two abutting words whose tops stand
further apart than pdfplumber's tolerance on one baseline: one word printed in two sizes
or fonts (Writer sets Arabic in its own font and size, and "وV.23" is one word). Words
that merely abut are left alone (a producer may set a zero-width space between two
words), and so are the words of a text read apart from another by drawing order, which
are whole (Writer's clipped label written into the first row, its ")" touching the row's
"I.23.c" under the header's "(par").
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence, Set

from pipeline.extraction.pdf_layout import Word
from pipeline.settings import SETTINGS


def _abut(left: Word, right: Word) -> bool:
    size = min(left.size, right.size)
    return (
        abs(right.x0 - left.x1) <= SETTINGS.cell_gap * size
        and abs(right.bottom - left.bottom) <= SETTINGS.small_caps_drop * size
    )


def join_words(left: Word, right: Word) -> Word:
    """Two words printed as one, the second right after the first: where they meet is a
    seam of the joined word."""
    k = len(left.text)
    junction = (left.x1, right.x0, k)
    return Word(
        left.text + right.text,
        left.x0,
        min(left.top, right.top),
        right.x1,
        max(left.bottom, right.bottom),
        (*left.cuts, *((a, b, j + k) for a, b, j in right.cuts)),
        (*left.seams, junction, *((a, b, j + k) for a, b, j in right.seams)),
    )


def rejoin_fragments(words: Sequence[Word], whole: Set[int] = frozenset()) -> tuple[Word, ...]:
    """The words with fragments of one printed word joined, each where its first
    fragment stood in `words`. The words at `whole` are no fragments: a text read apart
    from another by drawing order (`pdf_words._layers`) runs as far as its glyphs are
    drawn on, so its words are whole."""
    if len(words) < 3:
        return tuple(words)
    by_x = sorted(range(len(words)), key=lambda i: (words[i].x0, words[i].top))
    starts = [words[i].x0 for i in by_x]

    def broken(left: Word, right: Word) -> bool:
        # Two sizes or fonts on one baseline, their tops further apart than pdfplumber's
        # tolerance (an Arabic "و" set larger than the "V.23" it is written onto);
        if abs(right.top - left.top) > SETTINGS.word_tolerance_pt:
            return True
        # or a word of another line (its top more than that tolerance away) across the
        # point where the two meet, within the three sizes of small capitals that
        # pdfplumber's chain of tops (3 pt a step) spans: 5 pt letters under the line
        # above 14 pt higher (Chromium, 8 pt small capitals at line height 1.15).
        at = left.x1
        reach = 3 * max(left.size, right.size)
        return any(
            words[i].x1 > at and SETTINGS.word_tolerance_pt < abs(words[i].top - left.top) <= reach
            for i in by_x[: bisect.bisect_right(starts, at)]
        )

    # Each word's abutting successor on its line: candidates start where it ends.
    follower: dict[int, int] = {}
    taken: set[int] = set()
    for i, word in enumerate(words):
        low = bisect.bisect_left(starts, word.x1 - SETTINGS.cell_gap * word.size)
        high = bisect.bisect_right(starts, word.x1 + SETTINGS.cell_gap * word.size)
        for j in by_x[low:high]:
            if (
                j != i
                and j not in taken
                and i not in whole
                and j not in whole
                and _abut(word, words[j])
                and broken(word, words[j])
            ):
                follower[i] = j
                taken.add(j)
                break
    if not follower:
        return tuple(words)
    out: list[Word] = []
    for i, word in enumerate(words):
        if i in taken:
            continue
        # Successors stand further right each time: the chain ends.
        while i in follower:
            i = follower[i]
            word = join_words(word, words[i])
        out.append(word)
    return tuple(out)

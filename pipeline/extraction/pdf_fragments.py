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
the point where they meet: what broke them. That word is broken too (it abuts a word of
its line), as the same glyphs broke both lines. Words that merely abut are left alone (a
producer may set a zero-width space between two words), and so are words that abut under
a whole word of the line above (Writer's clipped label written into the first row, its
")" touching the row's "I.23.c" under the header's "(par").
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

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


def rejoin_fragments(words: Sequence[Word]) -> tuple[Word, ...]:
    """The words with fragments of one printed word joined, each where its first
    fragment stood in `words`."""
    if len(words) < 3:
        return tuple(words)
    by_x = sorted(range(len(words)), key=lambda i: (words[i].x0, words[i].top))
    starts = [words[i].x0 for i in by_x]

    def successors(i: int) -> list[int]:
        # The words abutting word i on its right: candidates start where it ends.
        word = words[i]
        low = bisect.bisect_left(starts, word.x1 - SETTINGS.cell_gap * word.size)
        high = bisect.bisect_right(starts, word.x1 + SETTINGS.cell_gap * word.size)
        return [j for j in by_x[low:high] if j != i and _abut(word, words[j])]

    pairs = {i: successors(i) for i in range(len(words))}
    # Words abutting another: the glyphs that broke two words of one line broke the
    # other line's words too, so a word across where two meet is one of these.
    abutting = {i for i, after in pairs.items() if after} | {j for a in pairs.values() for j in a}

    def broken(left: Word, right: Word) -> bool:
        # A broken word of another line (its top more than pdfplumber's tolerance away)
        # across the point where the two meet. A whole word there (the header line above
        # a clipped label written into the body) broke nothing.
        at = left.x1
        reach = 2 * max(left.size, right.size)
        return any(
            i in abutting
            and words[i].x1 > at
            and SETTINGS.word_tolerance_pt < abs(words[i].top - left.top) <= reach
            for i in by_x[: bisect.bisect_right(starts, at)]
        )

    follower: dict[int, int] = {}
    taken: set[int] = set()
    for i, word in enumerate(words):
        for j in pairs[i]:
            if j not in taken and broken(word, words[j]):
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

"""Glyphs to words, exactly as pdfplumber's `extract_words()` groups them, for both engines.

Each PDF engine (`pdf_chars` with pdfminer, `pdf_pdfium` with pdfium) reads a page into
glyphs placed as pdfplumber places them (top-left origin, relative to the media box) and
horizontal rules; this module groups the glyphs into words the way pdfplumber's
`WordExtractor` does with its defaults: lines clustered by top within 3 pt, glyphs sorted
by x0, a word broken at a blank glyph, a step back, a gap over 3 pt or a top 3 pt off. So
whichever engine read the page, the words, cell boxes and every later decision are the
ones pdfplumber's own words would give. Nothing here imports a PDF library.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterator
from operator import itemgetter

from pipeline.extraction.pdf_glyphs import LIGATURES, Cut, Glyph, Notes, WordBox
from pipeline.settings import SETTINGS

TOLERANCE = SETTINGS.word_tolerance_pt

# A glyph's extent along its line (start, end) and its position across it (the line key).
_Frame = tuple[float, float, float]


def _rotated(glyph: Glyph) -> _Frame:
    return glyph[2], glyph[4], glyph[1]


def words(glyphs: list[Glyph], notes: Notes | None = None) -> list[WordBox]:
    """Group glyphs (in content-stream order) into words, as pdfplumber's WordExtractor
    does with its defaults: runs of upright and rotated glyphs apart, then lines, then
    words. Rotated glyphs read top to bottom, their lines clustered by x0. What the
    words do not keep goes into `notes` (upright words only)."""
    out: list[WordBox] = []
    for upright, run in itertools.groupby(glyphs, key=itemgetter(5)):
        if upright:
            out.extend(_upright_words(list(run), notes))
            continue
        for line in _cluster([(_rotated(g), g) for g in run]):
            # pdfplumber's sort key for rotated glyphs: (top, bottom).
            line.sort(key=lambda item: (item[0][0], item[0][1]))
            found = list(_split(line))
            if notes is not None:
                notes.nothing(len(found))
            out.extend(found)
    return out


def _overprinted(before: Glyph, glyph: Glyph) -> bool:
    """Whether a glyph is printed over a different letter: they share more than half the
    narrower's width and more than `overprint` of the size. Kerning tucks a narrow glyph
    under a wide one by at most a fifth of the size ("V." "Te"), a mark combines with its
    letter and a faked bold prints the same letter twice; two lines of text set on top of
    each other (a browser painting a cell's overflow over the next cell) interleave their
    letters."""
    text, other = glyph[0], before[0]
    if text == other or unicodedata.combining(text[:1]) or unicodedata.combining(other[:1]):
        return False
    shared = before[3] - glyph[1]
    narrower = min(glyph[3] - glyph[1], before[3] - before[1])
    size = glyph[4] - glyph[2]
    return shared > narrower / 2 and shared > SETTINGS.overprint * size


def _another_text(before: Glyph, glyph: Glyph, run: list[Glyph], position: dict[int, int]) -> bool:
    """Whether a glyph overlapping the glyph left of it by more than a hair is another
    text's: one off its line (`_off_line`), or one drawn before it (a text is drawn left
    to right). Writer writes a header label its cell clips over a centred cell's first
    line, a point off its baseline, where their letters overlap less than `_overprinted`
    asks."""
    text, other = glyph[0], before[0]
    if text == other or unicodedata.combining(text[:1]) or unicodedata.combining(other[:1]):
        return False
    hair = SETTINGS.overlap_hair * (glyph[4] - glyph[2])
    if before[3] - glyph[1] <= hair:
        return False
    if abs(glyph[2] - before[2]) > hair:
        return True
    _positions(run, position)
    return position[id(glyph)] < position[id(before)]


def _off_line(before: Glyph, glyph: Glyph) -> bool:
    """Whether a glyph overlaps the one left of it by more than a hair, off its line by
    more than a hair: a kerning pair shares its font and baseline."""
    hair = SETTINGS.overlap_hair * (glyph[4] - glyph[2])
    return before[3] - glyph[1] > hair and abs(glyph[2] - before[2]) > hair


def _positions(run: list[Glyph], position: dict[int, int]) -> None:
    """Fill `position` (once) with each glyph's place in the order the page draws them."""
    if not position:
        position.update((id(g), i) for i, g in enumerate(run))


def _layers(
    word: list[Glyph], run: list[Glyph], position: dict[int, int]
) -> tuple[tuple[tuple[WordBox, ...], ...], tuple[tuple[tuple[Cut, ...], ...], ...]]:
    """The words of each text mixed in one word, told apart by the order the page draws
    them: a text's glyphs follow each other in the content stream, left to right, with
    nothing but blanks between them, while another text set over it (a clipped header
    label written into the first row, a cell's overflow painted over the next cell) is
    drawn before or after. A word that is only part of a text (another text's blank
    broke it) gives that text's whole word. With each text's words, their seams (two
    cells' texts drawn one after the other may still touch). Empty when the word is one
    whole text after all."""
    found = sorted(position[id(g)] for g in word)
    spans = [[found[0], found[0]]]
    for at in found[1:]:
        end = spans[-1][1]
        if (
            run[at][1] >= run[end][1]  # drawn on to the right, on the same line
            and abs(run[at][2] - run[end][2]) <= TOLERANCE
            and not _off_line(run[end], run[at])
            and all(not run[k][0].strip() for k in range(end + 1, at))
        ):
            spans[-1][1] = at
        else:
            spans.append([at, at])
    # Each text's word goes on, in drawing order, past the glyphs this word holds (the
    # other text's blanks broke pdfplumber's word elsewhere): the whole word, which every
    # mixed word it runs through gives alike (`pdf_pages` keeps it once).
    for span in spans:
        while (back := _drawn_on(run, span[0], -1)) is not None:
            span[0] = back
        while (ahead := _drawn_on(run, span[1], 1)) is not None:
            span[1] = ahead
    if len(spans) == 1 and spans[0][1] - spans[0][0] + 1 == len(word):
        return (), ()  # one text, all of it (spans only grow: it was one from the start)
    texts: list[tuple[WordBox, ...]] = []
    seams: list[tuple[tuple[Cut, ...], ...]] = []
    for start, end in spans:
        notes = Notes()
        # One text by construction: its words are not looked at for layers again.
        layer = _upright_words(run[start : end + 1], notes, layered=False)
        text, marks = _glue(list(layer), notes)
        texts.append(text)
        seams.append(marks)
    return tuple(texts), tuple(seams)


def _glue(
    found: list[WordBox], notes: Notes
) -> tuple[tuple[WordBox, ...], tuple[tuple[Cut, ...], ...]]:
    """A text's words with each word that goes on past a hidden blank (`notes.glued`)
    joined to the next, as `pdf_pages` joins a page's words: where they meet is a seam."""
    words: list[WordBox] = []
    seams: list[tuple[Cut, ...]] = []
    joins = False
    for word, marks, glued in zip(found, notes.seams, notes.glued, strict=True):
        if joins and words and word[0].strip():
            left = words[-1]
            k = len(left[0])
            junction = (left[3], word[1], k)
            words[-1] = (
                left[0] + word[0],
                left[1],
                min(left[2], word[2]),
                word[3],
                max(left[4], word[4]),
            )
            seams[-1] = (*seams[-1], junction, *((a, b, j + k) for a, b, j in marks))
        else:
            words.append(word)
            seams.append(marks)
        joins = glued
    return tuple(words), tuple(seams)


def _drawn_on(run: list[Glyph], at: int, step: int) -> int | None:
    """Where the word of the glyph at `at` goes on in drawing order, one glyph further
    (`step` -1 or 1), or past a blank hidden under the letters around it (a browser's
    space at a soft hyphen or in a justified line); None where it ends."""
    k = at + step
    if not 0 <= k < len(run):
        return None
    first, second = (run[k], run[at]) if step < 0 else (run[at], run[k])
    if _goes_on(first, second):
        return k
    j = k + step
    if run[k][0].strip() or not 0 <= j < len(run):
        return None
    first, second, blank = (run[j], run[at], j + 1) if step < 0 else (run[at], run[j], k)
    if _goes_on(first, second) and _hidden_blank(first, run, blank):
        return j
    return None


def _goes_on(before: Glyph, glyph: Glyph) -> bool:
    """Whether a glyph drawn next continues the word of the glyph before: not blank, on
    its line, and where the one before ends."""
    return (
        bool(before[0].strip())
        and bool(glyph[0].strip())
        and abs(glyph[2] - before[2]) <= TOLERANCE
        and before[1] <= glyph[1] <= before[3] + TOLERANCE
    )


def _hidden_blank(before: Glyph, line: list[Glyph], at: int) -> bool:
    """Whether the blanks from `line[at]` on, up to the next letter, take no room: each
    lies mostly under the letter before or the one after, and those letters touch (a
    browser writes a space under a letter where a soft hyphen could break a word it did
    not break, or where it justifies a line). pdfplumber's words break there; the word
    printed goes on."""
    end = at
    while end < len(line) and line[end][0] and line[end][0].isspace():
        end += 1
    if end == len(line) or not line[end][0].strip():
        return False
    nxt = line[end]
    size = nxt[4] - nxt[2]
    if abs(nxt[1] - before[3]) > SETTINGS.cell_gap * size or abs(nxt[2] - before[2]) > TOLERANCE:
        return False
    for blank in line[at:end]:
        width = blank[3] - blank[1]
        covered = max(min(before[3], blank[3]) - max(before[1], blank[1]), 0.0) + max(
            min(nxt[3], blank[3]) - max(nxt[1], blank[1]), 0.0
        )
        if covered <= width / 2:
            return False
    return True


def _upright_words(
    run: list[Glyph], notes: Notes | None = None, layered: bool = True
) -> Iterator[WordBox]:
    """`_cluster` and `_split` for upright glyphs (the line key is the top, the sort key
    x0), written out on the glyph tuples because a page has thousands of them. Without
    `layered`, no word is looked at for texts printed over each other."""
    cluster: dict[float, int] = {}
    last: float | None = None
    index = -1
    for value in sorted({g[2] for g in run}):
        if last is None or value > last + TOLERANCE:
            index += 1
        cluster[value] = index
        last = value
    lines: list[list[Glyph]] = [[] for _ in range(index + 1)]
    for g in run:
        lines[cluster[g[2]]].append(g)
    position: dict[int, int] = {}
    for line in lines:
        line.sort(key=itemgetter(1))
        found: list[list[Glyph]] = []
        glued: set[int] = set()
        word: list[Glyph] = []
        mixed = False
        x0 = x1 = top = 0.0
        for i, g in enumerate(line):
            text = g[0]
            if not text or text.isspace():
                if word:
                    if text and _hidden_blank(word[-1], line, i):
                        glued.add(len(found))
                    found.append(word)
                if not text:
                    found.append([g])
                word = []
                continue
            if word and (g[1] < x0 or g[1] > x1 + TOLERANCE or abs(g[2] - top) > TOLERANCE):
                found.append(word)
                word = []
            elif (
                word
                and layered
                and notes is not None
                and g[1] < word[-1][3]
                and (_overprinted(word[-1], g) or _another_text(word[-1], g, run, position))
            ):
                notes.overprints.append((word[-1][1], min(top, g[2]), g[3], max(word[-1][4], g[4])))
                mixed = True
            word.append(g)
            x0, x1, top = g[1], g[3], g[2]
        if word:
            found.append(word)
        if notes is not None:
            # On a line where letters are printed over letters, any of its words may mix
            # two texts, even where their letters only touch.
            if mixed:
                _positions(run, position)
            for k, each in enumerate(found):
                notes.word(each, *(_layers(each, run, position) if mixed else ((), ())))
                notes.glued.append(k in glued)
        yield from map(_merge, found)


def _cluster(items: list[tuple[_Frame, Glyph]]) -> list[list[tuple[_Frame, Glyph]]]:
    """pdfplumber's `cluster_objects` on the line key (across): distinct values sorted
    and chained while each is within the tolerance of the previous one; glyphs keep
    their order within a cluster."""
    cluster: dict[float, int] = {}
    last: float | None = None
    index = -1
    for value in sorted({frame[2] for frame, _ in items}):
        if last is None or value > last + TOLERANCE:
            index += 1
        cluster[value] = index
        last = value
    groups: list[list[tuple[_Frame, Glyph]]] = [[] for _ in range(index + 1)]
    for item in items:
        groups[cluster[item[0][2]]].append(item)
    return groups


def _split(line: list[tuple[_Frame, Glyph]]) -> Iterator[WordBox]:
    """Words of one sorted line: a blank glyph ends a word, an empty one is a word of its
    own (pdfplumber's `text in split_at_punctuation` holds for "" against ""), and a
    glyph starts a new word when it steps back, jumps ahead more than the tolerance
    past the previous glyph's end, or sits off its line."""
    word: list[Glyph] = []
    prev: _Frame = (0.0, 0.0, 0.0)
    for frame, glyph in line:
        text = glyph[0]
        if text.isspace() or not text:
            if word:
                yield _merge(word)
            if not text:
                yield _merge([glyph])
            word = []
            continue
        if word and (
            frame[0] < prev[0]
            or frame[0] > prev[1] + TOLERANCE
            or abs(frame[2] - prev[2]) > TOLERANCE
        ):
            yield _merge(word)
            word = []
        word.append(glyph)
        prev = frame
    if word:
        yield _merge(word)


def _merge(word: list[Glyph]) -> WordBox:
    if len(word) == 1:
        g = word[0]
        return (LIGATURES.get(g[0], g[0]), g[1], g[2], g[3], g[4])
    return (
        "".join([LIGATURES.get(g[0], g[0]) for g in word]),
        min([g[1] for g in word]),
        min([g[2] for g in word]),
        max([g[3] for g in word]),
        max([g[4] for g in word]),
    )

"""Words as the page prints them where pdfplumber's grouping does not give them so: small
capitals broken into letters, and two texts painted over each other a little apart.
Expected values are written by hand from the geometry described in each test (taken
from a Chromium print: 9 pt capitals, 6 pt small capitals)."""

from __future__ import annotations

from pipeline.extraction.pdf_fragments import rejoin_fragments
from pipeline.extraction.pdf_glyphs import Glyph, Notes
from pipeline.extraction.pdf_layout import PageContent, Word, printed_lines, repeated_words
from pipeline.extraction.pdf_words import words


def _word(text: str, x0: float, x1: float, top: float, size: float) -> Word:
    return Word(text, x0, top, x1, top + size)


def test_small_capitals_broken_by_the_line_below_are_joined() -> None:
    # "RÉF" (a 9 pt R, then 6 pt É and F, 2.36 pt lower, on one baseline) over "CTO" (9 pt,
    # 9 pt under the R): pdfplumber chains the three tops into one line and, sorted by x,
    # the glyphs alternate (R C É T F O), so each letter is a word of its own.
    words = [
        _word("R", 404.74, 411.24, 130.16, 9.0),
        _word("C", 404.74, 411.24, 139.16, 9.0),
        _word("É", 411.24, 415.24, 132.52, 6.0),
        _word("T", 411.24, 416.74, 139.16, 9.0),
        _word("F", 415.24, 418.91, 132.52, 6.0),
        _word("O", 416.58, 423.58, 139.16, 9.0),
    ]
    joined = rejoin_fragments(words)
    assert [(w.text, w.x0, w.top, w.x1, w.bottom) for w in joined] == [
        ("RÉF", 404.74, 130.16, 418.91, 139.16),
        ("CTO", 404.74, 139.16, 423.58, 148.16),
    ]
    # Where they met, the joined words may still be cut (a seam each).
    assert [s[2] for s in joined[0].seams] == [1, 2]


def test_words_that_merely_abut_stay_apart() -> None:
    # Two words touching on one line with no other line across where they meet (a
    # producer's zero-width space between them): nothing broke them.
    words = [
        _word("ab", 100.0, 110.0, 100.0, 10.0),
        _word("cd", 110.0, 120.0, 100.0, 10.0),
        _word("ef", 100.0, 110.0, 112.0, 10.0),
    ]
    assert rejoin_fragments(words) == tuple(words)


def test_the_words_of_a_text_read_apart_by_drawing_order_are_whole() -> None:
    # Writer, no padding (seed 8005): the reference label's last line, clipped, is written
    # over the first row and read apart from it by drawing order; its ")" touches the
    # row's "I.23.c", with the header's "(par" across where they meet. Boxes as printed,
    # 8 pt. As plain words they would be taken for fragments; the label's is whole.
    words = [
        _word("CTOC/COP/WG.4/2019/5", 382.5, 488.48, 68.6, 8.0),
        _word("(par", 491.21, 509.94, 68.6, 8.0),
        _word("section/paragraphe/alinéa)", 382.5, 504.33, 77.9, 8.0),
        _word("I.23.c", 503.72, 525.68, 78.4, 8.0),
    ]
    assert [w.text for w in rejoin_fragments(words)][2:] == ["section/paragraphe/alinéa)I.23.c"]
    assert rejoin_fragments(words, whole={2}) == tuple(words)


def test_two_texts_painted_over_each_other_are_two_lines() -> None:
    # A split name's overflow ("Protocole", top 126.77) painted over the next name's first
    # line ("Formes de traite", top 123.02): 3.75 pt apart, within a line's reach of 0.4 of
    # 9.5 pt, but "Protocole" stands over "Formes" and "de". Two lines, each in order.
    words = [
        _word("Formes", 81.2, 113.4, 123.02, 9.5),
        _word("de", 116.1, 126.6, 123.02, 9.5),
        _word("traite", 129.2, 150.4, 123.02, 9.5),
        _word("Protocole", 81.2, 121.3, 126.77, 9.5),
    ]
    assert [[w.text for w in line.words] for line in printed_lines(words)] == [
        ["Formes", "de", "traite"],
        ["Protocole"],
    ]
    # Without the overlap ("Protocole" right of "traite") it is one line.
    apart = [*words[:3], _word("Protocole", 153.0, 190.0, 126.77, 9.5)]
    assert [[w.text for w in line.words] for line in printed_lines(apart)] == [
        ["Formes", "de", "traite", "Protocole"],
    ]


def _drawn(text: str, starts: list[float], width: float, top: float) -> list[Glyph]:
    return [(c, x, top, x + width, top + 10.0, True) for c, x in zip(text, starts, strict=True)]


def test_letters_of_two_texts_are_read_apart_by_drawing_order() -> None:
    # Writer draws the header's clipped label "sec" (x 100, 105, 110; 5 pt letters) and,
    # later, the first row's "V.2" (V 101-106, . 106-108, 2 108-113) a point lower, over
    # it. Sorted by x the letters alternate (s V e . 2 c): one word of pdfplumber's, "sVe.2c",
    # s and V sharing 4 pt. In drawing order the two texts are each of a piece.
    label = _drawn("sec", [100.0, 105.0, 110.0], 5.0, 100.0)
    row = [("V", 101.0, 101.0, 106.0, 111.0, True), (".", 106.0, 101.0, 108.0, 111.0, True)]
    row.append(("2", 108.0, 101.0, 113.0, 111.0, True))
    notes = Notes()
    assert [w[0] for w in words(label + row, notes)] == ["sVe.2c"]
    assert notes.layers == [
        ((("sec", 100.0, 100.0, 115.0, 110.0),), (("V.2", 101.0, 101.0, 113.0, 111.0),))
    ]
    # Each text's words keep their seams (two cells drawn one after the other may touch,
    # and are cut there later): s|e at 105, e|c at 110; V|. at 106, .|2 at 108.
    assert notes.layer_seams == [
        (
            (((105.0, 105.0, 1), (110.0, 110.0, 2)),),
            (((106.0, 106.0, 1), (108.0, 108.0, 2)),),
        )
    ]
    # A word of one text on that line is left alone, and so is the same line's text
    # drawn in order with nothing over it.
    notes = Notes()
    apart = _drawn("ab", [60.0, 65.0], 5.0, 100.0)
    assert [w[0] for w in words(apart + label + row, notes)] == ["ab", "sVe.2c"]
    assert notes.layers[0] == ()
    notes = Notes()
    words(label, notes)
    assert (notes.layers, notes.overprints) == ([()], [])


def test_a_text_read_apart_goes_on_past_a_blank_hidden_under_its_letters() -> None:
    # Chromium paints a split name's overflow "ena nts)" (seed 11019: the end of
    # "d’intervenants)", a space written under the "n" where a soft hyphen did not break
    # it) over the next name's "Mesures", 0.75 pt higher. Read apart by drawing order,
    # the overflow is one word, as it is printed. Boxes as printed (5.9 pt letters kept
    # to round numbers here), 9.5 pt lines.
    mesures = _drawn("Mesures", [82.0, 88.0, 94.0, 100.0, 106.0, 110.0, 115.0], 5.0, 149.5)
    overflow = _drawn("ena", [82.0, 88.0, 94.0], 6.0, 150.25)
    overflow.append((" ", 100.0, 150.25, 103.0, 160.25, True))
    overflow += _drawn("nts)", [100.0, 106.0, 110.0, 115.0], 4.0, 150.25)
    notes = Notes()
    words(mesures + overflow, notes)
    texts = {tuple(w[0] for w in text) for layers in notes.layers for text in layers}
    assert texts == {("Mesures",), ("enants)",)}


def test_a_blank_under_the_next_letter_does_not_break_the_word() -> None:
    # Chromium writes a space glyph where a soft hyphen could have broken "coopération"
    # and did not: the space (x 75-78) lies under the "r" (75-80), and "é" ends where
    # "r" starts. pdfplumber breaks the word at the space; the word printed goes on.
    glyphs = _drawn("coopé", [50.0, 55.0, 60.0, 65.0, 70.0], 5.0, 100.0)
    glyphs += [(" ", 75.0, 100.0, 78.0, 110.0, True)]
    glyphs += _drawn("ration", [75.0, 80.0, 85.0, 90.0, 95.0, 100.0], 5.0, 100.0)
    notes = Notes()
    assert [w[0] for w in words(glyphs, notes)] == ["coopé", "ration"]
    assert notes.glued == [True, False]
    # A space with room of its own ("coopé" ending at 75, the space 75-78, the next word
    # at 78) is a word break.
    spaced = glyphs[:6] + _drawn("ration", [78.0, 83.0, 88.0, 93.0, 98.0, 103.0], 5.0, 100.0)
    notes = Notes()
    assert [w[0] for w in words(spaced, notes)] == ["coopé", "ration"]
    assert notes.glued == [False, False]


def test_words_at_one_place_on_most_pages_are_furniture() -> None:
    # A browser's clipped accent "È" at x 93.7, top 721.5 on each of four pages, and a
    # cell's "Corruption" at that place on one page only: only the accent repeats.
    def page(number: int, *extra: Word) -> PageContent:
        return PageContent(number, 612.0, 792.0, (_word("È", 93.7, 100.4, 721.5, 10.1), *extra))

    pages = [
        page(1, _word("Corruption", 93.7, 140.0, 721.5, 10.0)),
        page(2, _word("Corruption", 93.7, 140.0, 300.0, 10.0)),
        page(3),
        page(4),
    ]
    assert repeated_words(pages) == {("È", 93.7, 721.5)}
    # Three pages at least: on two, nothing is repeated furniture.
    assert repeated_words(pages[:2]) == frozenset()


def test_two_blanks_under_letters_do_not_break_the_word_either() -> None:
    # Chromium justifying "difficultés": a space under the "c" after the ffi ligature and
    # another under the "u" ("diffic" | "ultés" in pdfplumber's words). Here "ab" (50-60),
    # a space under the "b" (55-58), another under the "c" (60-63), "cd" (60-70).
    glyphs = _drawn("ab", [50.0, 55.0], 5.0, 100.0)
    glyphs += [(" ", 55.0, 100.0, 58.0, 110.0, True), (" ", 60.0, 100.0, 63.0, 110.0, True)]
    glyphs += _drawn("cd", [60.0, 65.0], 5.0, 100.0)
    notes = Notes()
    assert [w[0] for w in words(glyphs, notes)] == ["ab", "cd"]
    assert notes.glued == [True, False]


def test_a_word_printed_in_two_sizes_on_one_baseline_is_joined() -> None:
    # Writer sets Arabic in its own font and size: a 12 pt "و" (top 425.5, bottom 437.5)
    # written onto an 8 pt "V.23" (top 429.5), 0.12 pt after it: tops 4 pt apart, more
    # than pdfplumber keeps in one word, bottoms on the baseline; nothing stands across
    # where they meet. Boxes as printed (seed 16000); "V.13" is a word gap away.
    words = [
        _word("V.23", 59.6, 76.78, 429.5, 8.0),
        _word("و", 76.9, 82.68, 425.5, 12.0),
        _word("V.13", 86.4, 103.58, 429.5, 8.0),
    ]
    joined = rejoin_fragments(words)
    assert [(w.text, w.x0, w.top, w.x1, w.bottom) for w in joined] == [
        ("V.23و", 59.6, 425.5, 82.68, 437.5),
        ("V.13", 86.4, 429.5, 103.58, 437.5),
    ]


def test_words_of_two_sizes_on_one_baseline_make_one_line() -> None:
    # The same line: a 12 pt Arabic word and 8 pt Latin ones share a baseline, their tops
    # 4 pt apart (half the smaller size); the 8 pt line below, 14 pt under, is another.
    lines = printed_lines(
        [
            _word("II.16", 169.1, 186.5, 216.0, 8.0),
            _word("و", 159.6, 165.4, 212.0, 12.0),
            _word("II.21", 138.2, 155.6, 216.0, 8.0),
            _word("II.52", 90.5, 107.9, 230.0, 8.0),
        ]
    )
    assert [[w.text for w in line.words] for line in lines] == [
        ["II.21", "و", "II.16"],
        ["II.52"],
    ]


def test_small_capitals_under_a_line_three_of_their_sizes_away_are_joined() -> None:
    # Chromium, 8 pt small capitals at line height 1.15 (seed 17005): "RAP" over "DOC",
    # the small letters 5.2 pt tall, the line below 14.2 pt under them, more than twice
    # their size; pdfplumber's chain of tops still made the two lines one.
    words = [
        _word("R", 374.5, 380.2, 119.7, 8.0),
        _word("DO", 374.5, 384.3, 134.0, 8.0),
        _word("A", 380.2, 384.0, 121.9, 5.2),
        _word("P", 384.0, 387.2, 121.9, 5.2),
        _word("C", 384.3, 388.1, 136.1, 5.3),
    ]
    assert [w.text for w in rejoin_fragments(words)] == ["RAP", "DOC"]

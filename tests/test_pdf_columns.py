"""Column bounds from the body's alignment (`pdf_columns`), on hand-placed words.

Every coordinate below is written by hand: a table whose cells start at x = 50, 150, 250
and 330, with 3 pt of padding, so that body text starts at 53, 153, 253 and 333.
"""

from __future__ import annotations

from pipeline.extraction.pdf_columns import fit_columns, text_starts
from pipeline.extraction.pdf_layout import Header, Word
from pipeline.languages import get_language
from pipeline.models import Column


def _word(text: str, x0: float, top: float, width: float) -> Word:
    return Word(text, x0, top, x0 + width, top + 10.0)


def _header(lefts: tuple[float, ...], ends: tuple[float, ...]) -> Header:
    columns = (Column.THEME, Column.REPORT, Column.PARAGRAPHS, Column.REFERENCES)
    return Header(
        language=get_language("fr"),
        lefts=dict(zip(columns, lefts, strict=True)),
        ends=dict(zip(columns, ends, strict=True)),
        top=100.0,
        bottom=110.0,
        size=10.0,
    )


def _body() -> list[Word]:
    """Three rows: a theme name over two lines, flush-left symbols, paragraphs and
    references, the references of the first row wrapped after "par." at the same x."""
    return [
        _word("Coopération", 53, 200, 60),
        _word("internationale", 53, 212, 70),
        _word("CTOC/COP/WG.4/2009/2", 153, 200, 90),
        _word("CTOC/COP/WG.4/2010/6", 153, 224, 90),
        _word("CTOC/COP/WG.4/2011/8", 153, 248, 90),
        _word("12,", 253, 200, 14),
        _word("15", 270, 200, 10),
        _word("3", 253, 224, 6),
        _word("40-42", 253, 248, 26),
        _word("par.", 333, 200, 18),
        _word("5", 354, 200, 6),
        _word("par.", 333, 224, 18),
        _word("6", 354, 224, 6),
        _word("par.", 333, 248, 18),
        _word("7", 354, 248, 6),
    ]


def test_text_starts_are_where_no_word_crosses() -> None:
    # By hand: the theme words end at 123 (53 + 70), the symbols at 243, "15" at 280 and
    # "40-42" at 279, "par." at 351; the numbers after "par." start at 354.
    starts, _ = text_starts(_body())
    assert starts == [53, 153, 253, 333, 354]


def test_centred_labels_give_way_to_the_body() -> None:
    # Labels centred in their cells: "Thème" 85-115, "Document" 175-225, "Paragraphes"
    # 262-318, "Référence" 360-400 (its first word). The body starts at 53, 153, 253, 333.
    header = _header((85, 175, 262, 360), (115, 225, 318, 400))
    fitted = fit_columns(header, _body())
    assert fitted.lefts == {
        Column.THEME: 53,
        Column.REPORT: 153,
        Column.PARAGRAPHS: 253,
        Column.REFERENCES: 333,
    }
    # Before the fit, the symbols fell into the theme column.
    assert header.column_of(_word("CTOC/COP/WG.4/2009/2", 153, 200, 90)) is Column.THEME
    assert fitted.column_of(_word("CTOC/COP/WG.4/2009/2", 153, 200, 90)) is Column.REPORT


def test_flush_right_labels_and_the_edge_where_most_words_start() -> None:
    # Labels flush right: "Référence" starts at 375, right of the numbers after "par."
    # (354): both 333 and 354 are starts in the bracket 318..378; three words start at
    # 333 ("par." on each line), three at 354 as well, so the leftmost of equals wins.
    header = _header((117, 193, 262, 375), (147, 243, 318, 415))
    fitted = fit_columns(header, _body())
    assert fitted.lefts[Column.REFERENCES] == 333
    assert fitted.lefts[Column.PARAGRAPHS] == 253


def test_left_labels_keep_their_bounds() -> None:
    # Labels flush left, where the text starts: nothing moves.
    header = _header((53, 153, 253, 333), (80, 201, 309, 373))
    assert fit_columns(header, _body()).lefts == header.lefts


def test_a_word_across_the_gap_leaves_the_label_bound() -> None:
    # A word from 240 to 262 crosses the gap before the paragraphs column: no start of
    # text in the bracket 225..265, so the label's start (262) stays.
    header = _header((85, 175, 262, 360), (115, 225, 318, 400))
    fitted = fit_columns(header, [*_body(), _word("overflowing", 240, 300, 22)])
    assert fitted.lefts[Column.PARAGRAPHS] == 262
    assert fitted.lefts[Column.REPORT] == 153


def test_no_body_keeps_the_labels() -> None:
    header = _header((85, 175, 262, 360), (115, 225, 318, 400))
    assert fit_columns(header, []) == header


def _flush_right_body() -> list[Word]:
    """A table set flush right with no padding (a right-to-left edition's Writer table,
    read mirrored): cells 50-150, 150-250, 250-330 and 330-430, every text ending at its
    cell's end. Ten rows, 24 pt apart; in the first two the paragraphs' last number
    touches the references, which fill their cell ("15V.9,", "3V.2,": one word each)."""
    words = []
    names = ["Coopération", "internationale", "Corruption", "Législation", "Enfants"]
    for k, name in enumerate(names):
        words.append(_word(name, 150 - 6 * len(name), 200 + 24 * k, 6 * len(name)))
    for k in range(10):
        top = 200 + 24 * k
        words.append(_word("CTOC/COP/WG.4/2009/2", 160, top, 90))
        if k == 0:
            words += [_word("12,", 296, top, 14), _word("15V.9,", 320, top, 28)]
            words += [_word("V.12", 352, top, 20), _word("et", 376, top, 10)]
            words.append(_word("V.13", 390, top, 40))
        elif k == 1:
            words += [_word("3V.2,", 324, top, 22), _word("V.14,", 346, top, 26)]
            words.append(_word("V.15", 390, top, 40))
        else:
            words += [_word("40", 318, top, 12), _word(f"V.{k}", 412, top, 18)]
    return words


def test_a_table_set_flush_right_with_touching_cells_starts_each_column_at_a_label_end() -> None:
    # Labels flush right too: "Thème" 120-150, "Document" 200-250, "Paragraphes" 280-330,
    # "Référence" 350-430. No whitespace runs down before the references (the two words
    # glued across 330, and "V.14," over 346-372), nor before the paragraphs inside
    # 250..283. Lines end at the labels' ends (five names at 150, ten symbols at 250,
    # eight numbers at 330), and in the theme and paragraphs columns no line starts
    # where the column does: the body is set flush with the columns' ends, and each
    # column starts where the label before it ends.
    header = _header((120, 200, 280, 350), (150, 250, 330, 430))
    fitted = fit_columns(header, _flush_right_body())
    assert fitted.lefts == {
        Column.THEME: 66,  # where the widest name starts: "internationale", 84 pt wide
        Column.REPORT: 160,
        Column.PARAGRAPHS: 250,
        Column.REFERENCES: 330,
    }

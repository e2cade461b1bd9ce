"""The header band: which printed lines and words around the table body belong to the
header. Around the band, a line or word is the header's while it is a piece of its
column's labels or of the reference document's symbol: a long label wraps under the
others, and Writer writes a label its cell clips into the first row. (Where the labels
are, and so the columns, is `pdf_header`.)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

import regex

from pipeline.extraction.pdf_layout import (
    SYMBOL_NEXT_PIECE_RE,
    SYMBOL_PIECE_RE,
    Header,
    PrintedLine,
    Word,
)
from pipeline.languages import Language
from pipeline.models import Column
from pipeline.patterns import LINE_HYPHENS, label_key
from pipeline.settings import SETTINGS


def shortest_piece(language: Language) -> int:
    """The fewest letters a piece of a broken label word may have: where the script puts
    spaces between words, a label word breaks only in a narrow cell, leaving three
    letters or more (a shorter piece, "a" of a cell's "a)", is no label's); where it
    breaks anywhere, one character is a piece ("号文" / "件中的参考段落")."""
    return 3 if language.writing.join == "space" else 1


@dataclass(frozen=True)
class _Vocabulary:
    """What one column's header labels may show on a wrapped line: their words (split at
    spaces and slashes), and their letters run together."""

    words: frozenset[str]
    letters: str
    shortest: int

    def has(self, piece: str) -> bool:
        """A whole word of a label, or a piece of one (a label broken inside a word) of
        at least `_shortest_piece` letters."""
        return piece in self.words or (len(piece) >= self.shortest and piece in self.letters)


@cache
def vocabulary(language: Language) -> dict[Column, _Vocabulary]:
    """The words each column's header may show, for recognising wrapped label pieces."""

    def squash(labels: Iterable[str]) -> _Vocabulary:
        keys = [label_key(label) for label in labels]
        words = {w.strip("():,;") for key in keys for w in regex.split(r"[\s/]+", key)}
        letters = "|".join(k.replace(" ", "") for k in keys)
        return _Vocabulary(frozenset(words - {""}), letters, shortest_piece(language))

    h = language.header
    return {
        Column.THEME: squash(h.theme),
        Column.REPORT: squash((*h.report, *h.document)),
        Column.PARAGRAPHS: squash((*h.paragraphs, *h.report)),
        Column.REFERENCES: squash((*h.references, *h.extra)),
    }


def header_lines(lines: Sequence[PrintedLine], header: Header) -> list[int]:
    """Indices of the printed lines that belong to the header.

    Lines between the first and last label belong to it; below that, a line continues the
    header while every word is a piece of its column's labels or of the reference
    document's symbol (a long label wraps under the others: "CTOC/COP/WG.4/2019/", "5 (par").
    """
    pieces_of = vocabulary(header.language)
    inside = [
        i
        for i, line in enumerate(lines)
        if header.top - SETTINGS.same_line * line.size <= line.top <= header.bottom
    ]
    if not inside:
        return []
    last = inside[-1]
    previous = lines[last].words[-1].text
    for i in range(last + 1, len(lines)):
        line = lines[i]
        if line.top - lines[i - 1].bottom > line.size:
            break
        ok = True
        for word in line.words:
            if not _label_piece(word, header, pieces_of, previous):
                ok = False
                break
            previous = word.text
        if not ok:
            break
        inside.append(i)
    return inside


def _symbol_piece(text: str) -> bool:
    """A piece of the reference document's symbol in a header label, whatever its case: a
    typesetter synthesising small capitals from a font's capitals may map one glyph to
    one case throughout ("cToc/" / "cop/WG.4/2019/5" in WeasyPrint's text layer)."""
    return bool(SYMBOL_PIECE_RE.match(text.upper()))


def _symbol_piece_after(previous: str, text: str) -> bool:
    """A piece of the reference document's symbol, itself or as the next piece of the
    word before it, broken after a slash or a dot ("CTOC/COP/" / "WG." / "4/2019/5")."""
    if _symbol_piece(text):
        return True
    return (
        previous[-1:] in ("/", ".")
        and bool(SYMBOL_NEXT_PIECE_RE.match(text.upper()))
        and _symbol_piece(previous + text)
    )


def piece_key(text: str) -> str:
    """A word as a piece of a label is compared: its key (`label_key`) without the
    brackets and punctuation around it, nor the hyphen of a label word hyphenated at the
    line end ("sec-" of "section")."""
    return label_key(text).strip("():,;").rstrip(LINE_HYPHENS)


def is_any_label_piece(word: Word, language: Language, previous: str = "") -> bool:
    """Whether a word may be a piece of some column's header labels, or of the reference
    document's symbol (before the columns are known; `previous`: the word before it)."""
    piece = piece_key(word.text)
    return _symbol_piece_after(previous, word.text) or any(
        v.has(piece) for v in vocabulary(language).values()
    )


def _label_piece(
    word: Word, header: Header, vocabulary: dict[Column, _Vocabulary], previous: str
) -> bool:
    """Whether a word may be a piece of its column's header labels, or of the reference
    document's symbol in the references label (`previous`: the word before it)."""
    columns = header.label_columns(word)
    piece = piece_key(word.text)
    symbol = Column.REFERENCES in columns and _symbol_piece_after(previous, word.text)
    return not piece or any(vocabulary[c].has(piece) for c in columns) or bool(symbol)


def is_label_text(words: Sequence[Word], header: Header) -> bool:
    """Whether every word is a piece of its column's header labels (`_label_piece`): a
    header label's line written where the body is (Writer writes a label clipped by its
    cell under the header, over the first row)."""
    pieces_of = vocabulary(header.language)
    previous = ""
    for word in words:
        if not _label_piece(word, header, pieces_of, previous):
            return False
        previous = word.text
    return any(len(piece_key(w.text)) >= 3 for w in words)


def is_symbol_piece(word: Word, header: Header) -> bool:
    """A document symbol's piece ("CTOC/COP/WG.4/201") in the references column, which
    only the header's label prints there (cells cite sections and paragraphs)."""
    return (
        "/" in word.text
        and _symbol_piece(word.text)
        and header.column_of(word) is Column.REFERENCES
    )


def header_body_words(line: PrintedLine, header: Header, previous: str = "") -> list[Word]:
    """The words of a header line that are the body's: a producer may set the header's
    last label line level with the first row, or with the end of a row broken at the
    previous page's foot (Writer's repeated header, clipped). Its words that are no label
    piece are the body's when one of them is a number or a symbol (no label has one:
    the reference document's symbol is a label piece, its end wrapped after a slash too:
    `previous` is the references label's last word on the header lines above)."""
    pieces_of = vocabulary(header.language)
    words = line.words
    pieces: list[bool] = []
    for word in words:
        pieces.append(_label_piece(word, header, pieces_of, previous))
        if Column.REFERENCES in header.label_columns(word):
            previous = word.text
    out = [
        word
        for k, word in enumerate(words)
        if not pieces[k] or _inside_text(words, pieces, k, header)
    ]
    cited = any(any(c.isdigit() for c in w.text) for w in out)
    return out if cited else []


def _inside_text(words: Sequence[Word], pieces: Sequence[bool], k: int, header: Header) -> bool:
    """Whether a word that could be a label's stands in a cell's running text: words of
    its column, each within a word gap of the next, lead from it to a word of the body
    on either side ("Formes de traite", and "Trafic illicite de" ending a name's line:
    the "de" of "Rapport de réunion" is no label word there). Words, not numbers nor
    symbols: a clipped label's line may stand beside a cell's references."""
    return _leads_to_text(words, pieces, k, -1, header) or _leads_to_text(
        words, pieces, k, 1, header
    )


def _leads_to_text(
    words: Sequence[Word], pieces: Sequence[bool], k: int, step: int, header: Header
) -> bool:
    column = header.column_of(words[k])
    reach = SETTINGS.word_gap * words[k].size
    j = k + step
    while 0 <= j < len(words):
        left, right = (words[j - 1], words[j]) if step > 0 else (words[j], words[j + 1])
        if header.column_of(words[j]) is not column or not 0 <= right.x0 - left.x1 <= reach:
            return False
        if not pieces[j]:
            return not any(c.isdigit() or c == "/" for c in words[j].text)
        j += step
    return False

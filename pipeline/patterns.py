"""Regex fragments shared by every stage, named and commented in one place.

Only language-independent notation lives here (UN symbols, job numbers, roman sections,
dashes); words that differ between editions come from the language data files.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

import regex

# A UN document symbol: "CTOC/COP/WG.4/2019/4", "A/RES/70/1", "…/2015/5/Add.1".
# Upper-case series, slash-separated parts, a numeric tail, optional Add./Rev./Corr.
SYMBOL = (
    r"(?<![\w/])[A-Z][A-Z0-9]*(?:/[A-Z0-9][A-Za-z0-9.]*?)*/\d+"
    r"(?:/(?:Add|Rev|Corr)\.\d+)*(?![\w/])"
)
SYMBOL_RE = regex.compile(SYMBOL)

# The UN job number printed in the footer: "V.19-07098" (office letter, year, serial).
JOB_NUMBER = r"[A-Z]\.\d{2}-\d{5}"
# Page "n/N" beside the job number.
PAGE_OF = r"(?P<page>\d{1,4})/(?P<pages>\d{1,4})"
# A footer line holds the job number and the page, in either order (odd and even pages).
FOOTER_RE = regex.compile(
    rf"^(?:(?P<job>{JOB_NUMBER})\s+{PAGE_OF}|{PAGE_OF}\s+(?P<job>{JOB_NUMBER}))\s*(?:\*\S*)?$"
)
JOB_NUMBER_RE = regex.compile(JOB_NUMBER)
# A punctuation mark inside a word, then a space and a letter or digit ("IV. 45.b"): where
# the source itself spaces after a mark that a line may also break after (`reassemble.joins`).
SPACED_MARK_RE = regex.compile(r"(?<=\w)([^\w\s])\s+(?=\w)")
# The same mark between two letters or digits ("IV.45"): a mark words hold inside them.
JOINED_MARK_RE = regex.compile(r"(?<=\w)([^\w\s])(?=\w)")
# pdfminer's text for a character code the file maps to no text: "(cid:1234)".
CID_RE = regex.compile(r"\(cid:\d+\)")
# A run of decimal digits in any script (a symbol's numbers, compared as numbers).
DIGITS_RE = regex.compile(r"(\d+)")

SymbolKey = tuple[tuple[int, int | str], ...]


def symbol_key(symbol: str) -> SymbolKey:
    """Natural order of symbols: "…/2010/6" before "…/2010/10" (numbers compared as
    numbers, whatever their digits' script)."""
    return tuple(
        (0, int(part)) if part.isdecimal() else (1, part) for part in DIGITS_RE.split(symbol)
    )


def goes_back(before: SymbolKey, after: SymbolKey, *, strict: bool = False) -> bool:
    """Whether `after` sorts before `before` (or with it, unless `strict`): a theme lists
    its reports in order, once each. Symbols of different series say nothing."""
    if not before or not after or len(before) != len(after):
        return False
    if [part for kind, part in before if kind] != [part for kind, part in after if kind]:
        return False
    return after < before if strict else after <= before


# The first page's footer: the job number, the edition's language mark in capitals and the
# processing dates as ddmmyy ("V.19-07098 (F) 290819 300819"), maybe the barcode after it.
FIRST_FOOTER_RE = regex.compile(
    rf"^(?P<job>{JOB_NUMBER})(?:\s*\([A-Z]{{1,2}}\))?(?:\s+\d{{6}}){{0,3}}\s*(?:\*\d+\*)?$"
)
# The barcode line under it: the job number's digits between asterisks ("*1907098*").
BARCODE_RE = regex.compile(r"^\*\d{5,}\*$")


def is_furniture_text(text: str) -> bool:
    """A footer line, whatever its place: job number and page "n/N", the first page's job
    number with language mark and dates, or the barcode line. Its words are read in
    either order: a right-to-left page is read from its right edge, where the footer's
    last word stands."""
    return any(
        FOOTER_RE.match(line) or FIRST_FOOTER_RE.match(line) or BARCODE_RE.match(line)
        for line in (text, " ".join(reversed(text.split())))
    )


# A hyperlink printed as text by a PDF-to-text converter.
URI_RE = regex.compile(r"^https?://\S+$")
# The last symbol-looking path of a UN document link: "http://undocs.org/fr/CTOC/…/2010/6".
UNDOCS_SYMBOL_RE = regex.compile(r"^https?://[^/]+/(?:[a-z]{2}/)?(?P<symbol>.+?)/?$")

# A roman section number of the compilation document (upper-case, as printed). Tokens are
# found with the loose form; the strict one (up to CCCXCIX) says whether one is well formed.
ROMAN = r"[IVXLC]+"
WELL_FORMED_ROMAN_RE = regex.compile(r"(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
# Where the references column starts on a line: a roman section followed by its separator
# and a paragraph number. The separator may be a comma or spaced ("VI, 7", "IV. 45"), and
# the paragraph may be printed as a capital I ("VIII.I.o"): those are source slips.
REFERENCE_START = rf"(?<![\w.]){ROMAN}\s?[.,]\s?(?:\d|I\.)"
REFERENCE_START_RE = regex.compile(REFERENCE_START)

# Dashes accepted as range marks in every language: hyphen-minus, non-breaking hyphen,
# figure dash, en dash, em dash, minus sign.
DASHES = "-\u2011\u2012\u2013\u2014\u2212"
DASH_CLASS = "[" + regex.escape(DASHES) + "]"

# Any whitespace, the odd spaces a converter may leave included (no-break, narrow no-break,
# thin, figure: White_Space to the `regex` module, tests/test_text_quirks.py checks them).
WHITESPACE_RE = regex.compile(r"\s+")


def fold(text: str) -> str:
    """Fold every run of whitespace into a single space. The odd spaces are whitespace
    to the `regex` module (Unicode's White_Space), so one pass folds them too."""
    folded: str = WHITESPACE_RE.sub(" ", text)
    return folded.strip()


def _wide(char: str) -> bool:
    """A character of the scripts written without spaces between words: CJK ideographs,
    kana, hangul syllables and full-width forms are wide (East Asian Width W or F)."""
    return unicodedata.east_asian_width(char) in ("W", "F")


# Hyphens a typesetter prints where it breaks a line: hyphen-minus, the hyphen (U+2010, a
# browser's), and the soft hyphen (U+00AD, a word processor's automatic hyphenation).
TYPED_HYPHENS = "-\u2010"
SOFT_HYPHEN = "\u00ad"
LINE_HYPHENS = TYPED_HYPHENS + SOFT_HYPHEN
_LAST_WORD_RE = regex.compile(rf"(\w+)[{regex.escape(LINE_HYPHENS)}]$")
_WORD_RE = regex.compile(r"\w+")
_TYPED_HYPHEN_RE = regex.compile(rf"(?<=\w)[{regex.escape(TYPED_HYPHENS)}](?=\w)")


# Marks no language of the index sets after a space, and the Unicode line-breaking rules
# never break before (UAX #14, LB13): a line starting with one broke where no space was.
_NO_SPACE_BEFORE = frozenset(",.،")


def _spaced_break(before: str, after: str) -> bool:
    """Whether a line break between these two characters stood for a space: not after a
    dash ("VII.2.a–" / "o") or a hyphen, nor before a comma or full stop (Writer's Arabic
    "VI" / "، 7" of the source's "VI، 7"), nor where a wide character meets a letter, digit
    or another wide character ("被害人（保护" / "和援助）", "第" / "4")."""
    if before in DASHES or before in LINE_HYPHENS or after in _NO_SPACE_BEFORE:
        return False
    if _wide(before) or _wide(after):
        return not ((before.isalnum() or _wide(before)) and (after.isalnum() or _wide(after)))
    return True


def line_text(words: Iterable[str]) -> str:
    """The words of one cell's printed line as text: a space between two words, except
    where a wide character meets the gap. Scripts written without spaces show a gap there
    only where the typesetter spread the line (a justified "被 害 人 （ 残疾）", a "、" set
    apart from the "15(b)" before it)."""
    out = ""
    for word in words:
        if out and word and not (_wide(out[-1]) or _wide(word[0])):
            out += " "
        out += word
    return fold(out)


def join_lines(
    parts: list[str],
    spaced: bool = True,
    latin_spaced: bool = False,
    unspaced_after: frozenset[str] = frozenset(),
) -> str:
    """Join the printed lines of one cell. With `spaced` (the language puts spaces between
    words) a break is a space except where `_spaced_break` says otherwise; without, no
    break is a space, as a line of such a script may break anywhere ("I.1" / "2.g"),
    except, with `latin_spaced`, a break inside a Latin run (`latin_break`). A break after
    a character of `unspaced_after` before a letter or digit is no space: the document's
    typesetter breaks words there ("IV." / "37", as it broke "CTOC/COP/WG." / "4/2010/6").
    A soft hyphen ending a line only showed where a word was broken: it is dropped."""
    out = ""
    for part in parts:
        piece = fold(part)
        if not piece:
            continue
        if out.endswith(SOFT_HYPHEN):
            out = out[:-1]
            if out:
                out += piece
                continue
        # `out` and `piece` are folded: neither ends nor starts with a space.
        if (
            out
            and not (out[-1] in unspaced_after and piece[0].isalnum())
            and (
                _spaced_break(out[-1], piece[0])
                if spaced
                else latin_spaced and latin_break(out[-1], piece[0])
            )
        ):
            out += " "
        out += piece
    return out


_LATIN_LETTERS_DIGITS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


def latin_break(before: str, after: str) -> bool:
    """Whether a line break falls between two characters that a typesetter breaking lines
    by the Unicode rules (UAX #14: a browser, a word processor) never parts unless a
    space stands between them: a Latin letter or digit, or a dot, before a Latin letter
    or digit ("IV." / "45.b", the source's "IV. 45.b")."""
    return (before in _LATIN_LETTERS_DIGITS or before == ".") and after in _LATIN_LETTERS_DIGITS


def breaks_inside_words(cells: Iterable[Sequence[str]]) -> bool:
    """Whether some cell's lines break between two Latin letters or digits: a typesetter
    that breaks a line anywhere, for which no break inside a Latin run is a space."""
    for lines in cells:
        ends = [text for text in (fold(line) for line in lines) if text]
        for before, after in itertools.pairwise(ends):
            if before[-1] in _LATIN_LETTERS_DIGITS and after[0] in _LATIN_LETTERS_DIGITS:
                return True
    return False


def unhyphenate(before: str, after: str, seen: frozenset[str]) -> str | None:
    """The two lines joined as one word when the hyphen ending `before` only broke a word
    at the line end ("coopé-" / "ration"), else None. `seen`: the table's words printed
    whole (case folded) and the hyphens it prints inside words (`seen_in`).

    A soft hyphen always broke a word, and so does a hyphen the table never prints inside
    a word (a browser's U+2010 where the source types hyphen-minus): the typesetter's.
    A hyphen the table also prints inside words may be a compound's, broken at its own
    hyphen ("femmes-" / "hommes"): it broke a word only when the word without it is
    printed whole elsewhere. Only before a lower-case letter: a hyphen before a capital
    is no hyphenation."""
    head = _LAST_WORD_RE.search(before)
    tail = _WORD_RE.match(after)
    if head is None or tail is None or not after[:1].islower():
        return None
    hyphen = before[-1]
    if hyphen in seen and (head[1] + tail[0]).casefold() not in seen:
        return None
    return before[:-1] + after


def seen_in(texts: Iterable[str]) -> frozenset[str]:
    """What `unhyphenate` weighs a line-end hyphen against: every word of the texts, case
    folded, and each hyphen printed between two letters. Hyphen-minus counts as printed
    so always: the hyphen everyone types, a compound's may fall at every line end."""
    found: set[str] = {"-"}
    for text in texts:
        found.update(w.casefold() for w in _WORD_RE.findall(text))
        found.update(_TYPED_HYPHEN_RE.findall(text))
    return frozenset(found)


# Header labels are compared on every line of every page: the same few texts again.
@lru_cache(maxsize=8192)
def label_key(text: str) -> str:
    """A header label as compared: case folded, accents dropped, spacing folded, so that
    "THÈME", "Thème" in small capitals and "Theme" all read as the label "Thème"."""
    decomposed = unicodedata.normalize("NFKD", fold(text).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Opening bracket -> its closing one, as theme names print them: round and square, and
# the full-width forms of the CJK editions.
BRACKETS = {"(": ")", "[": "]", "（": "）"}
_OPENING = {close: open_ for open_, close in BRACKETS.items()}


def closes_unopened(text: str) -> bool:
    """Whether the text closes a bracket it did not open ("Nations Unies et fonctions)"):
    the rest of a text split before its opening bracket, never a text of its own."""
    depth = dict.fromkeys(BRACKETS, 0)
    for char in text:
        if char in BRACKETS:
            depth[char] += 1
        elif char in _OPENING:
            depth[_OPENING[char]] -= 1
            if depth[_OPENING[char]] < 0:
                return True
    return False

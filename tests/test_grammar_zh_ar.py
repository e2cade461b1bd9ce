"""The Chinese and Arabic grammars, as tables of examples grouped by origin (price-parser
style). Every expected list is written out by hand in the compact notation of
`tests/test_grammar.py` ("7a" for 7 (a), "VII.1.a"): the letter is always the Latin letter
of the same position, whatever the edition prints ("(و)" is f, "(هـ)" is e).
"""

from __future__ import annotations

import pytest

from pipeline.languages import Language, known_languages
from pipeline.models import Paragraph, Reference
from pipeline.normalize.paragraphs import parse_paragraphs
from pipeline.normalize.references import parse_references
from pipeline.normalize.render import render_paragraphs, render_references
from pipeline.patterns import breaks_inside_words, join_lines
from tests.test_grammar import paragraphs, references

ZH = known_languages()["zh"]
AR = known_languages()["ar"]
A_TO_J = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]
A_TO_O = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o"]


def _items(prefix: str, letters: list[str], sep: str = "") -> str:
    return " ".join(f"{prefix}{sep}{x}" for x in letters)


def _language(code: str) -> Language:
    return known_languages()[code]


# --- Chinese -------------------------------------------------------------------------------

# Cells as the issue quotes them (UN Chinese usage).
ZH_FROM_THE_ISSUE = [
    ("paragraphs", "4、18(a)、20(a)和21", "4 18a 20a 21"),
    ("paragraphs", "7(a)至(j)和8(a)至(o)", _items("7", A_TO_J) + " " + _items("8", A_TO_O)),
    (
        "references",
        "VII.1.a至j和VII.2.a至o",
        _items("VII.1", A_TO_J, ".") + " " + _items("VII.2", A_TO_O, "."),
    ),
]

# French cells of the document, as a Chinese editor writes them.
ZH_FROM_THE_FRENCH_CELLS = [
    ("paragraphs", "44", "44"),
    ("paragraphs", "5至14", "5 6 7 8 9 10 11 12 13 14"),
    ("paragraphs", "57(a)和(b)、59和65", "57a 57b 59 65"),
    ("paragraphs", "51(b)至(e)、(g)、(h)和(j)", "51b 51c 51d 51e 51g 51h 51j"),
    ("paragraphs", "12(b)、13(a)至(c)和(g)和15(a)", "12b 13a 13b 13c 13g 15a"),
    ("paragraphs", "8、29、31(a)、32(a)和(b)和33至35", "8 29 31a 32a 32b 33 34 35"),
    ("references", "II.37", "II.37"),
    ("references", "I.3、I.17.a、I.19.a和I.21", "I.3 I.17.a I.19.a I.21"),
    ("references", "V.41至44", "V.41 V.42 V.43 V.44"),
    ("references", "VI.11至VI.18", "VI.11 VI.12 VI.13 VI.14 VI.15 VI.16 VI.17 VI.18"),
    ("references", "IV.46.b至e和IV.46.i", "IV.46.b IV.46.c IV.46.d IV.46.e IV.46.i"),
]

# Variants the issue names: full-width brackets, digits and comma; "及"; a dash range.
ZH_VARIANTS = [
    ("paragraphs", "18（a）、20（a）及21", "18a 20a 21"),
    ("paragraphs", "１８（ａ）和２１", "18a 21"),
    ("paragraphs", "4，5和6", "4 5 6"),
    ("paragraphs", "5–14", "5 6 7 8 9 10 11 12 13 14"),
    ("paragraphs", "7(a)-(c)", "7a 7b 7c"),
    ("paragraphs", "4、18 (a)、20 (a) 和 21", "4 18a 20a 21"),
    ("references", "VII.1.a–c和VII.2.e", "VII.1.a VII.1.b VII.1.c VII.2.e"),
    ("references", "V.41-44", "V.41 V.42 V.43 V.44"),
]


@pytest.mark.parametrize(
    ("column", "text", "expected"), ZH_FROM_THE_ISSUE + ZH_FROM_THE_FRENCH_CELLS + ZH_VARIANTS
)
def test_chinese_cells(column: str, text: str, expected: str) -> None:
    if column == "paragraphs":
        read_p = parse_paragraphs(text, ZH)
        assert (read_p.error, read_p.items, read_p.notes) == (None, paragraphs(expected), [])
    else:
        read_r = parse_references(text, ZH)
        assert (read_r.error, read_r.items, read_r.notes) == (None, references(expected), [])


# --- Arabic --------------------------------------------------------------------------------

ALIF, BA, JIM, DAL, HA_E = "أ", "ب", "ج", "د", "هـ"

# Cells as the issue quotes them.
AR_FROM_THE_ISSUE = [
    ("paragraphs", "4 و 18 (أ) و 20 (أ) و 21", "4 18a 20a 21"),
    ("paragraphs", "7 (أ) إلى (ي)", _items("7", A_TO_J)),
    ("paragraphs", "13 (ح) و(ط)", "13h 13i"),
    ("paragraphs", "20 و21", "20 21"),
    ("references", "I.17.أ", "I.17.a"),
    ("references", "VII.1.أ إلى ي", _items("VII.1", A_TO_J, ".")),
]

# French cells of the document, as an Arabic editor writes them.
AR_FROM_THE_FRENCH_CELLS = [
    ("paragraphs", "5 إلى 14", "5 6 7 8 9 10 11 12 13 14"),
    (
        "paragraphs",
        "7 (أ) إلى (ي) و 8 (أ) إلى (س)",
        _items("7", A_TO_J) + " " + _items("8", A_TO_O),
    ),
    ("paragraphs", "51 (ب) إلى (هـ) و (ز) و (ح) و (ي)", "51b 51c 51d 51e 51g 51h 51j"),
    ("paragraphs", "7 (ل) و (س) و (ح)", "7l 7o 7h"),
    ("paragraphs", "13 (و) و 15 و 16", "13f 15 16"),
    ("references", "I.3 و I.17.أ و I.19.أ و I.21", "I.3 I.17.a I.19.a I.21"),
    ("references", "V.41 إلى 44", "V.41 V.42 V.43 V.44"),
    (
        "references",
        "VII.1.أ إلى ي و VII.2.أ إلى س",
        _items("VII.1", A_TO_J, ".") + " " + _items("VII.2", A_TO_O, "."),
    ),
    ("references", "IV.46.ب إلى هـ و IV.46.ط", "IV.46.b IV.46.c IV.46.d IV.46.e IV.46.i"),
    ("references", "VIII.1.ع", "VIII.1.p"),
]

# Arabic-Indic digits, the Arabic comma, attached "و", "(و)" beside the word "و".
AR_VARIANTS = [
    ("paragraphs", "٤ و ١٨ (أ) و ٢٠ (أ) و ٢١", "4 18a 20a 21"),
    ("paragraphs", "٤، ١٨ (أ)، ٢٠ (أ) و ٢١", "4 18a 20a 21"),
    ("paragraphs", "١٣ (و) و(ز) و٢١", "13f 13g 21"),
    ("paragraphs", "7 (و) إلى (ح)", "7f 7g 7h"),
    ("paragraphs", "8 (ه)", "8e"),
    ("paragraphs", "45-48", "45 46 47 48"),
    ("references", "I.١٧.أ و I.١٩.ب", "I.17.a I.19.b"),
    ("references", "VII.1.أ إلى و و VII.2.أ", _items("VII.1", A_TO_J[:6], ".") + " VII.2.a"),
    ("references", "I.17.و وI.18", "I.17.f I.18"),
    ("references", "II.2–5", "II.2 II.3 II.4 II.5"),
]


@pytest.mark.parametrize(
    ("column", "text", "expected"), AR_FROM_THE_ISSUE + AR_FROM_THE_FRENCH_CELLS + AR_VARIANTS
)
def test_arabic_cells(column: str, text: str, expected: str) -> None:
    if column == "paragraphs":
        read_p = parse_paragraphs(text, AR)
        assert (read_p.error, read_p.items, read_p.notes) == (None, paragraphs(expected), [])
    else:
        read_r = parse_references(text, AR)
        assert (read_r.error, read_r.items, read_r.notes) == (None, references(expected), [])


def test_the_abjad_gives_every_latin_letter_in_order() -> None:
    """ "(أ)" to "(ض)": the 26 letters the issue lists, a to z in that order."""
    abjad = [
        "أ",
        "ب",
        "ج",
        "د",
        "هـ",
        "و",
        "ز",
        "ح",
        "ط",
        "ي",
        "ك",
        "ل",
        "م",
        "ن",
        "س",
        "ع",
        "ف",
        "ص",
        "ق",
        "ر",
        "ش",
        "ت",
        "ث",
        "خ",
        "ذ",
        "ض",
    ]
    cell = " و ".join(f"({letter})" for letter in abjad)
    read = parse_paragraphs(f"9 {cell}", AR)
    assert [p.letter for p in read.items] == list("abcdefghijklmnopqrstuvwxyz")


# --- readings that are noted or refused ----------------------------------------------------

NOTED = [
    ("zh", "paragraphs", "4、5、和6", "4 5 6", ["serial-comma"]),
    ("zh", "paragraphs", "4和٥", "4 5", ["foreign-digit"]),
    ("ar", "paragraphs", "4 و ۵", "4 5", ["foreign-digit"]),
    ("ar", "paragraphs", "4 و ５", "4 5", ["foreign-digit"]),
]


@pytest.mark.parametrize(("code", "column", "text", "expected", "codes"), NOTED)
def test_noted_readings(code: str, column: str, text: str, expected: str, codes: list[str]) -> None:
    read = parse_paragraphs(text, _language(code))
    assert (read.error, read.items) == (None, paragraphs(expected))
    assert [n.code for n in read.notes] == codes


REFUSED = [
    ("zh", "paragraphs", "18(aa)"),
    ("zh", "paragraphs", "7(j)至(a)"),
    ("zh", "paragraphs", "4、"),
    ("zh", "references", "I.17.a至"),
    ("ar", "paragraphs", "18 (أأ)"),
    ("ar", "paragraphs", "18 (ظ)"),  # not one of the 26 letters
    ("ar", "paragraphs", "7 (ي) إلى (أ)"),
    ("ar", "paragraphs", "4 و"),
    ("ar", "references", "I.17.ظ"),
]


@pytest.mark.parametrize(("code", "column", "text"), REFUSED)
def test_refused_cells(code: str, column: str, text: str) -> None:
    language = _language(code)
    if column == "paragraphs":
        read_p = parse_paragraphs(text, language)
        assert read_p.error is not None
        assert read_p.items == []
    else:
        read_r = parse_references(text, language)
        assert read_r.error is not None
        assert read_r.items == []


# --- writing back in the edition's notation ------------------------------------------------

RENDERED = [
    ("zh", "4 18a 20a 21", "4、18(a)、20(a)和21"),
    ("zh", "7a 7b 7c 7d 7e 7f 7g 7h 7i 7j 8a 8b 8c", "7(a)至(j)和8(a)至(c)"),
    ("zh", "5 6 7 8 9", "5至9"),
    ("ar", "4 18a 20a 21", "4 و 18 (أ) و 20 (أ) و 21"),
    ("ar", "13e 13f 21", "13 (هـ) و (و) و 21"),
    ("ar", "7a 7b 7c 7d 7e 7f 7g 7h 7i 7j", "7 (أ) إلى (ي)"),
]


@pytest.mark.parametrize(("code", "items", "text"), RENDERED)
def test_render_paragraphs(code: str, items: str, text: str) -> None:
    assert render_paragraphs(paragraphs(items), _language(code)) == text


RENDERED_REFERENCES = [
    ("zh", "I.3 I.17.a I.19.a I.21", "I.3、I.17.a、I.19.a和I.21"),
    ("zh", "VII.1.a VII.1.b VII.1.c VII.2.a", "VII.1.a至c和VII.2.a"),
    ("ar", "I.3 I.17.a I.19.a I.21", "I.3 و I.17.أ و I.19.أ و I.21"),
    ("ar", "VII.1.a VII.1.b VII.1.c VII.1.d VII.1.e VII.1.f", "VII.1.أ إلى و"),
]


@pytest.mark.parametrize(("code", "items", "text"), RENDERED_REFERENCES)
def test_render_references(code: str, items: str, text: str) -> None:
    assert render_references(references(items), _language(code)) == text


def test_latin_letters_are_the_output_for_every_edition() -> None:
    """The same cell in four notations gives the same items."""
    cells = {
        "fr": "13 f) et g)",
        "en": "13 (f) and (g)",
        "zh": "13(f)和(g)",
        "ar": "13 (و) و (ز)",
    }
    want = [Paragraph(number=13, letter="f"), Paragraph(number=13, letter="g")]
    for code, text in cells.items():
        assert parse_paragraphs(text, _language(code)).items == want, code
    refs = {"fr": "I.13.f", "zh": "I.13.f", "ar": "I.13.و"}
    for code, text in refs.items():
        assert parse_references(text, _language(code)).items == [
            Reference(section="I", paragraph=13, letter="f")
        ], code


# --- printed lines joined --------------------------------------------------------------------

# (lines, spaced, latin_spaced, joined): `latin_spaced` is how the document's typesetter
# breaks a Latin run in a script without spaces, by the Unicode rules (a break there
# stood for a space) or anywhere (`patterns.breaks_inside_words`).
JOINS = [
    # Chinese: no space at any break, even inside a token.
    (["被害人（保护", "和援助）"], False, False, "被害人（保护和援助）"),
    (["I.1", "2.g"], False, False, "I.12.g"),
    (["4、18(a)、20(a)和", "21"], False, False, "4、18(a)、20(a)和21"),
    (["VII.1.a至j和VII.2.a至", "o"], False, False, "VII.1.a至j和VII.2.a至o"),
    (["IV.35、IV.", "45.b和IV.46"], False, False, "IV.35、IV.45.b和IV.46"),
    # Chinese from a typesetter that breaks a Latin run only at a space: the source's
    # "IV. 45.b" broken at its space; no other break changes.
    (["IV.35、IV.", "45.b和IV.46"], False, True, "IV.35、IV. 45.b和IV.46"),
    (["被害人（保护", "和援助）"], False, True, "被害人（保护和援助）"),
    (["VII.1.c、", "VII.2"], False, True, "VII.1.c、VII.2"),
    (["15(b)、18(b)和", "20"], False, True, "15(b)、18(b)和20"),
    # A spaced script: a wide character at the break still joins without a space.
    (["联合国", "毒品"], True, False, "联合国毒品"),
    (["第", "4段"], True, False, "第4段"),
    (["Office", "（UNODC）"], True, False, "Office（UNODC）"),
    (["Office", "of"], True, False, "Office of"),
    # Nor before a comma (Writer's Arabic "VI" / "، 7" of the source's "VI، 7").
    (["I.3, I.17", ", I.21"], True, False, "I.3, I.17, I.21"),
    # Arabic: words are spaced.
    (["حماية", "الضحايا"], True, False, "حماية الضحايا"),
    (["4 و 18 (أ) و", "20"], True, False, "4 و 18 (أ) و 20"),
    (["VI.5 و VI", "، 7 و VI.12"], True, False, "VI.5 و VI، 7 و VI.12"),
]


@pytest.mark.parametrize(("parts", "spaced", "latin_spaced", "joined"), JOINS)
def test_lines_join_by_script(
    parts: list[str], spaced: bool, latin_spaced: bool, joined: str
) -> None:
    assert join_lines(parts, spaced, latin_spaced) == joined


def test_a_typesetter_breaking_anywhere_is_told_by_a_break_between_latin_letters() -> None:
    assert breaks_inside_words([["I.3、I.1", "7.a和I.21"]])  # "I.17.a" broken inside
    assert breaks_inside_words([["VI.12和", "VI.13"], ["CTOC", "COP"]])
    assert not breaks_inside_words([["IV.35、IV.", "45.b"], ["VI.12和", "VI.13"]])


def test_the_chinese_and_arabic_files_say_how_their_lines_join() -> None:
    assert (ZH.writing.join, ZH.direction) == ("none", "ltr")
    assert (AR.writing.join, AR.direction) == ("space", "rtl")
    assert "".join(AR.grammar.alphabet[:5]) == ALIF + BA + JIM + DAL + HA_E

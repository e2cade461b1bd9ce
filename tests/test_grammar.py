"""The enumeration grammar, as tables of examples grouped by origin (price-parser style).

Expected lists are written by hand in a compact notation: paragraphs "7a 7b 21",
references "VII.1.a I.21".
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.languages import Language, known_languages
from pipeline.models import Paragraph, Reference
from pipeline.normalize.paragraphs import parse_paragraphs
from pipeline.normalize.references import parse_references
from pipeline.normalize.render import render_paragraphs, render_references


def paragraphs(compact: str) -> list[Paragraph]:
    out = []
    for item in compact.split():
        number = item.rstrip("abcdefghijklmnopqrstuvwxyz")
        out.append(Paragraph(number=int(number), letter=item[len(number) :] or None))
    return out


def references(compact: str) -> list[Reference]:
    out = []
    for item in compact.split():
        section, paragraph, *letter = item.split(".")
        out.append(
            Reference(
                section=section, paragraph=int(paragraph), letter=letter[0] if letter else None
            )
        )
    return out


def span(first: int, last: int, prefix: str = "") -> str:
    return " ".join(f"{prefix}{n}" for n in range(first, last + 1))


def letters(number: int | str, first: str, last: str, sep: str = "") -> str:
    return " ".join(f"{number}{sep}{chr(c)}" for c in range(ord(first), ord(last) + 1))


# Cells printed in CTOC/COP/WG.4/2019/4 (French), expanded by hand.
PARAGRAPHS_FROM_THE_DOCUMENT = [
    ("44", "44"),
    ("5 à 14", span(5, 14)),
    ("4, 18 a), 20 a) et 21", "4 18a 20a 21"),
    ("7 a) à j) et 8 a) à o)", letters(7, "a", "j") + " " + letters(8, "a", "o")),
    ("57 a) et b), 59 et 65", "57a 57b 59 65"),
    ("51 b) à e), g), h) et j)", "51b 51c 51d 51e 51g 51h 51j"),
    ("7 a) et j) et 8 e), g), k) et m)", "7a 7j 8e 8g 8k 8m"),
    ("8 b) et 8 o)", "8b 8o"),
    ("7 l), o) et h)", "7l 7o 7h"),
    ("13 f), 15 et 16", "13f 15 16"),
    ("12 b), 13 a) à c) et g) et 15 a)", "12b 13a 13b 13c 13g 15a"),
    ("8, 29, 31 a), 32 a) et b) et 33 à 35", "8 29 31a 32a 32b 33 34 35"),
    ("7 a), d), g), k), l), n) à p) et 8 c), g) et h)", "7a 7d 7g 7k 7l 7n 7o 7p 8c 8g 8h"),
    ("14, 16, 17 à 19, 21 à 24, 29, 30, 34 et 36", "14 16 17 18 19 21 22 23 24 29 30 34 36"),
]

REFERENCES_FROM_THE_DOCUMENT = [
    ("II.37", "II.37"),
    ("I.3, I.17.a, I.19.a et I.21", "I.3 I.17.a I.19.a I.21"),
    ("V.41 à 44", span(41, 44, "V.")),
    ("VII.1.a à j", letters("VII.1", "a", "j", ".")),
    (
        "VII.1.a à j et VII.2.a à o",
        letters("VII.1", "a", "j", ".") + " " + letters("VII.2", "a", "o", "."),
    ),
    ("IV.46.b à e", "IV.46.b IV.46.c IV.46.d IV.46.e"),
    ("VI.11 à VI.18", span(11, 18, "VI.")),
    ("IV.46", "IV.46"),
    (
        "VII.1.a et VII.1.j, VII.2.e, VII.2.g, VII.2.k et VII.2.m",
        "VII.1.a VII.1.j VII.2.e VII.2.g VII.2.k VII.2.m",
    ),
    (
        "V.10, V.12, V.13 à 15, V.17 à 20, V.25, V.26, V.30 et V.32",
        "V.10 V.12 V.13 V.14 V.15 V.17 V.18 V.19 V.20 V.25 V.26 V.30 V.32",
    ),
    (
        "VIII.1.a, VIII.1.d, VIII.1.g, VIII.1.k, VIII.1.l, VIII.1.n à p, VIII.2.c, VIII.2.g et VIII.2.h",
        "VIII.1.a VIII.1.d VIII.1.g VIII.1.k VIII.1.l VIII.1.n VIII.1.o VIII.1.p VIII.2.c VIII.2.g VIII.2.h",
    ),
]

# Source slips of the same document: read where certain, each with its diagnostic code.
SLIPS_FROM_THE_DOCUMENT = [
    ("VI.1-10", span(1, 10, "VI."), ["hyphen-range"]),
    ("I.14 et 15", "I.14 I.15", ["bare-number"]),
    ("I.12.f et I.14 et 15", "I.12.f I.14 I.15", ["bare-number"]),
    ("VI.1, VI.2, VI.5, VI, 7 et VI.12", "VI.1 VI.2 VI.5 VI.7 VI.12", ["comma-for-dot"]),
    ("VIII.1.d, VIII.1.i et VIII.I.o", "VIII.1.d VIII.1.i VIII.1.o", ["letter-i-for-one"]),
    (
        "IV.11, IV.18, IV.27, IV.35, IV. 45.b, IV.45.c et IV.46.a",
        "IV.11 IV.18 IV.27 IV.35 IV.45.b IV.45.c IV.46.a",
        ["space-after-dot"],
    ),
    ("II.46. II.56", "II.46 II.56", ["period-separator"]),
    ("II.15, II.23, et II.44", "II.15 II.23 II.44", ["serial-comma"]),
    ("II.16, II.22, II.24.b, et II.35", "II.16 II.22 II.24.b II.35", ["serial-comma"]),
]

# Written here to exercise the notation beyond what the document happens to print.
SYNTHETIC_PARAGRAPHS = [
    ("3 à 5 et 7 b)", "3 4 5 7b"),
    ("1\u00a0a) à\u00a0c)", "1a 1b 1c"),
    ("10-12", span(10, 12)),
    ("2 a)\u2013c)", "2a 2b 2c"),
]

UNREADABLE_PARAGRAPHS = ["", "et", "5 à", "14 à 5", "7 a) à", "voir note", "7, , 8", "a)", "5 6"]
UNREADABLE_REFERENCES = ["", "II", "II.", "VI.18 à VI.11", "V.1 à VI.3", "VII.1.a à 3", "IV.46 et"]


@pytest.mark.parametrize(("text", "expected"), PARAGRAPHS_FROM_THE_DOCUMENT + SYNTHETIC_PARAGRAPHS)
def test_paragraphs(text: str, expected: str, french: Language) -> None:
    parsed = parse_paragraphs(text, french)
    assert parsed.error is None
    assert parsed.items == paragraphs(expected)


@pytest.mark.parametrize(("text", "expected"), REFERENCES_FROM_THE_DOCUMENT)
def test_references(text: str, expected: str, french: Language) -> None:
    parsed = parse_references(text, french)
    assert parsed.error is None
    assert parsed.items == references(expected)
    assert parsed.notes == []


@pytest.mark.parametrize(("text", "expected", "codes"), SLIPS_FROM_THE_DOCUMENT)
def test_slips_are_read_and_noted(
    text: str, expected: str, codes: list[str], french: Language
) -> None:
    parsed = parse_references(text, french)
    assert parsed.error is None
    assert parsed.items == references(expected)
    assert [note.code for note in parsed.notes] == codes


@pytest.mark.parametrize("text", UNREADABLE_PARAGRAPHS)
def test_unreadable_paragraphs_are_not_guessed(text: str, french: Language) -> None:
    parsed = parse_paragraphs(text, french)
    assert parsed.error is not None
    assert parsed.items == []


@pytest.mark.parametrize("text", UNREADABLE_REFERENCES)
def test_unreadable_references_are_not_guessed(text: str, french: Language) -> None:
    parsed = parse_references(text, french)
    assert parsed.error is not None
    assert parsed.items == []


def test_regular_french_ranges_raise_no_note(french: Language) -> None:
    assert parse_paragraphs("7 a) à j) et 8 a) à o)", french).notes == []


@pytest.mark.parametrize(
    ("items", "text"),
    [
        ("5 6 7 8 9 10 11 12 13 14", "5 à 14"),
        ("18 19", "18 et 19"),
        ("4 18a 20a 21", "4, 18 a), 20 a) et 21"),
        ("51b 51c 51d 51e 51g 51h 51j", "51 b) à e), g), h) et j)"),
    ],
)
def test_render_paragraphs(items: str, text: str, french: Language) -> None:
    assert render_paragraphs(paragraphs(items), french) == text


@pytest.mark.parametrize(
    ("items", "text"),
    [
        ("V.41 V.42 V.43 V.44", "V.41 à 44"),
        ("VII.1.a VII.1.b VII.1.c VII.2.a", "VII.1.a à c et VII.2.a"),
        ("I.3 I.17.a I.19.a I.21", "I.3, I.17.a, I.19.a et I.21"),
        ("II.46 II.47", "II.46 et II.47"),
    ],
)
def test_render_references(items: str, text: str, french: Language) -> None:
    assert render_references(references(items), french) == text


LETTERS = st.sampled_from("abcdefghijklmnopq")


@st.composite
def paragraph_lists(draw: st.DrawFn) -> list[Paragraph]:
    """Strictly increasing paragraphs, some with letters: what a cell enumerates."""
    numbers = sorted(draw(st.sets(st.integers(1, 80), min_size=1, max_size=8)))
    out: list[Paragraph] = []
    for number in numbers:
        chosen = sorted(draw(st.sets(LETTERS, max_size=5)))
        out += [Paragraph(number=number, letter=x) for x in chosen] or [Paragraph(number=number)]
    return out


@st.composite
def reference_lists(draw: st.DrawFn) -> list[Reference]:
    sections = sorted(
        draw(
            st.sets(
                st.sampled_from(["I", "II", "IV", "V", "VI", "VII", "VIII"]), min_size=1, max_size=3
            )
        )
    )
    out: list[Reference] = []
    for section in sections:
        for number in sorted(draw(st.sets(st.integers(1, 60), min_size=1, max_size=5))):
            chosen = sorted(draw(st.sets(LETTERS, max_size=4)))
            out += [Reference(section=section, paragraph=number, letter=x) for x in chosen] or [
                Reference(section=section, paragraph=number)
            ]
    return out


LANGUAGES = st.sampled_from(sorted(known_languages()))


@given(paragraph_lists(), LANGUAGES)
def test_paragraphs_round_trip(items: list[Paragraph], code: str) -> None:
    """A random list written in any edition's notation reads back as the same list."""
    language = known_languages()[code]
    text = render_paragraphs(items, language)
    parsed = parse_paragraphs(text, language)
    assert parsed.error is None, text
    assert parsed.items == items, text
    assert parsed.notes == [], text


@given(reference_lists(), LANGUAGES)
def test_references_round_trip(items: list[Reference], code: str) -> None:
    language = known_languages()[code]
    text = render_references(items, language)
    parsed = parse_references(text, language)
    assert parsed.error is None, text
    assert parsed.items == items, text
    assert parsed.notes == [], text


# UN usage of the other editions (issue: other language editions), expanded by hand.
OTHER_EDITIONS = [
    ("en", "paragraphs", "4, 18 (a), 20 (a) and 21", "4 18a 20a 21"),
    ("en", "paragraphs", "7 (a)–(j) and 8 (a)–(c)", letters(7, "a", "j") + " 8a 8b 8c"),
    ("en", "paragraphs", "45-48", "45 46 47 48"),
    ("en", "paragraphs", "5\u201114", span(5, 14)),
    ("en", "paragraphs", "13 (a) to (c) and (g)", "13a 13b 13c 13g"),
    ("en", "references", "VII.1.a–j", letters("VII.1", "a", "j", ".")),
    ("en", "references", "V.41–44", "V.41 V.42 V.43 V.44"),
    ("en", "references", "VII.1.a\u00a0and VII.2.b", "VII.1.a VII.2.b"),
    ("es", "paragraphs", "5 a 14", span(5, 14)),
    ("es", "paragraphs", "7 a) a j) y 8 e)", letters(7, "a", "j") + " 8e"),
    ("es", "references", "VII.1.a a j y VII.2.a", letters("VII.1", "a", "j", ".") + " VII.2.a"),
    (
        "es",
        "references",
        "IV.46.b a e, IV.46.h e IV.46.j",
        "IV.46.b IV.46.c IV.46.d IV.46.e IV.46.h IV.46.j",
    ),
    ("ru", "paragraphs", "4, 18 а), 20 а) и 21", "4 18a 20a 21"),
    ("ru", "paragraphs", "7 (a)–(c)", "7a 7b 7c"),
    ("ru", "references", "VII.1.а–с и VII.2.е", "VII.1.a VII.1.b VII.1.c VII.2.e"),
    ("ru", "references", "V.41–44", "V.41 V.42 V.43 V.44"),
]


@pytest.mark.parametrize(("code", "column", "text", "expected"), OTHER_EDITIONS)
def test_other_editions(code: str, column: str, text: str, expected: str) -> None:
    language = known_languages()[code]
    if column == "paragraphs":
        parsed_p = parse_paragraphs(text, language)
        assert (parsed_p.error, parsed_p.items) == (None, paragraphs(expected))
    else:
        parsed_r = parse_references(text, language)
        assert (parsed_r.error, parsed_r.items) == (None, references(expected))


def test_a_hyphen_in_french_is_read_and_noted_but_regular_in_english(french: Language) -> None:
    assert [n.code for n in parse_paragraphs("45-48", french).notes] == ["hyphen-range"]
    assert parse_paragraphs("45-48", known_languages()["en"]).notes == []


@pytest.mark.parametrize(
    ("parts", "joined"),
    [
        (["VII.1.a, VII.2.a–", "o"], "VII.1.a, VII.2.a–o"),
        (["Victimes (non-", "sanction)"], "Victimes (non-sanction)"),
        (["II.16, II.22,", "et II.35"], "II.16, II.22, et II.35"),
        (["  Conférence  des ", "Parties\u00a0à la"], "Conférence des Parties à la"),
    ],
)
def test_cell_lines_join(parts: list[str], joined: str) -> None:
    from pipeline.patterns import join_lines

    assert join_lines(parts) == joined

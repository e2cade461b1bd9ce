"""Cells no real edition prints but an edited or hostile file may: bounded work, and
readings that are findings, never silent. Expected outcomes are written out by hand."""

from __future__ import annotations

import pytest

from pipeline.languages import Language
from pipeline.models import Paragraph, Reference
from pipeline.normalize.paragraphs import parse_paragraphs
from pipeline.normalize.references import parse_references

# Cells refused whole (kept as printed, with this reason), however large.
REFUSED_PARAGRAPHS = [
    ("1 à 99999999", "number 99999999 beyond 100000"),
    ("1 à 2000000", "number 2000000 beyond 100000"),
    ("9" * 5000, "number 999999999999… beyond 100000"),
    ("100001", "number 100001 beyond 100000"),
    ("1 à 1001", "expands to more than 1000 items"),
    ("1 à 600 et 601 à 1100", "expands to more than 1000 items"),
    ("cd)", "'cd' is not one subparagraph letter"),
    ("4 cd)", "'cd' is not one subparagraph letter"),
    ("4 a) à cd)", "'cd' is not one subparagraph letter"),
]
REFUSED_REFERENCES = [
    ("IXIX.1", "'IXIX' is not a well-formed roman numeral"),
    ("IIII.3", "'IIII' is not a well-formed roman numeral"),
    ("VI.1 à VI.99999", "expands to more than 1000 items"),
    ("VI.1 à 1001", "expands to more than 1000 items"),
    ("V.123456789", "number 123456789 beyond 100000"),
]


@pytest.mark.parametrize(("text", "reason"), REFUSED_PARAGRAPHS)
def test_paragraph_cells_past_the_bounds_are_refused(
    text: str, reason: str, french: Language
) -> None:
    parsed = parse_paragraphs(text, french)
    assert (parsed.items, parsed.error) == ([], reason)


@pytest.mark.parametrize(("text", "reason"), REFUSED_REFERENCES)
def test_reference_cells_past_the_bounds_are_refused(
    text: str, reason: str, french: Language
) -> None:
    parsed = parse_references(text, french)
    assert (parsed.items, parsed.error) == ([], reason)


def test_the_bounds_themselves_are_read(french: Language) -> None:
    assert len(parse_paragraphs("1 à 1000", french).items) == 1000
    assert parse_paragraphs("100000", french).items == [Paragraph(number=100000)]
    assert parse_references("XXXIX.2 et CCCXCIX.3", french).items == [
        Reference(section="XXXIX", paragraph=2),
        Reference(section="CCCXCIX", paragraph=3),
    ]


def test_a_digit_of_another_script_is_read_and_flagged(french: Language) -> None:
    parsed = parse_paragraphs("7٣", french)
    assert parsed.items == [Paragraph(number=73)]
    assert [(n.code, n.severity.value) for n in parsed.notes] == [("foreign-digit", "warning")]
    assert parsed.notes[0].message == (
        "'7٣': digit ٣ (Arabic-Indic Digit Three) is not of a script this edition uses; read as 73"
    )
    read = parse_references("II.٣7", french)
    assert read.items == [Reference(section="II", paragraph=37)]
    assert [n.code for n in read.notes] == ["foreign-digit"]

"""Every language data file: valid against the schema, and its own examples parse."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest
import regex

from pipeline.languages import Language, known_languages
from pipeline.normalize.paragraphs import parse_paragraphs
from pipeline.normalize.references import parse_references
from tests.golden import show_paragraphs, show_references

FILES = sorted(
    entry.name
    for entry in resources.files("pipeline.languages").iterdir()
    if entry.name.endswith(".toml")
)


def test_there_are_language_files() -> None:
    assert "fr.toml" in FILES
    assert set(known_languages()) == {name.removesuffix(".toml") for name in FILES}


@pytest.mark.parametrize("name", FILES)
def test_file_validates_and_names_its_code(name: str) -> None:
    text = resources.files("pipeline.languages").joinpath(name).read_text("utf-8")
    language = Language.model_validate(tomllib.loads(text))
    assert language.code == name.removesuffix(".toml")
    for pattern in language.furniture.patterns:
        regex.compile(pattern)
    assert language.header.theme
    assert language.header.paragraphs
    assert language.header.report


def test_unknown_keys_are_refused() -> None:
    with pytest.raises(ValueError, match="extra"):
        Language.model_validate(
            {
                "code": "xx",
                "name": "x",
                "collation": "x",
                "header": {
                    "theme": ["T"],
                    "report": ["R"],
                    "document": ["D"],
                    "paragraphs": ["P"],
                    "references": ["F"],
                },
                "grammar": {"list": ["and"], "range": ["to"], "subparagraph": ["(a)"]},
                "typo": 1,
            }
        )


@pytest.mark.parametrize("code", sorted(known_languages()))
def test_examples_parse(code: str) -> None:
    language = known_languages()[code]
    assert language.examples.paragraphs
    assert language.examples.references
    for example in language.examples.paragraphs:
        paragraphs = parse_paragraphs(example.text, language)
        got = " ".join(show_paragraphs(paragraphs.items))
        assert (paragraphs.error, got) == (None, example.expected), example.text
    for example in language.examples.references:
        references = parse_references(example.text, language)
        got = " ".join(show_references(references.items))
        assert (references.error, got) == (None, example.expected), example.text


def test_grammar_code_names_no_language() -> None:
    """Adding a language is a data file: no code may branch on a language code."""
    from pathlib import Path

    package = Path(__file__).resolve().parent.parent / "pipeline"
    codes = "|".join(known_languages())
    pattern = regex.compile(rf"""(==|!=|\bin\b)\s*\(?\s*["'](?:{codes})["']""")
    offenders = [
        str(path) for path in package.rglob("*.py") if pattern.search(path.read_text("utf-8"))
    ]
    assert offenders == []

"""Every language data file: valid against the schema, and its own examples parse."""

from __future__ import annotations

import ast
import tomllib
from importlib import resources
from pathlib import Path

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
                "collation": {"method": "none"},
                "direction": "ltr",
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


PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"


def test_grammar_code_names_no_language() -> None:
    """Adding a language is a data file: no code may branch on a language code."""
    codes = "|".join(known_languages())
    pattern = regex.compile(rf"""(==|!=|\bin\b)\s*\(?\s*["'](?:{codes})["']""")
    offenders = [
        str(path) for path in PACKAGE.rglob("*.py") if pattern.search(path.read_text("utf-8"))
    ]
    assert offenders == []


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the docstring constants of a module, its classes and functions."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _name(node: ast.AST) -> str | None:
    """The identifier a node introduces or reads, if any."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.arg):
        return node.arg
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.alias):
        return node.name
    return None


def language_facts(source: str, codes: set[str]) -> list[str]:
    """What in a module's code is a language fact: a string constant or an identifier
    holding a letter outside ASCII ("à", "和", "و"; escapes too, since the value is read),
    or a string constant that is a language code. Comments and docstrings quote examples
    and are not read."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    found: list[str] = []
    for node in ast.walk(tree):
        constant = isinstance(node, ast.Constant) and isinstance(node.value, str)
        if isinstance(node, ast.Constant) and constant and id(node) not in skip:
            text = str(node.value)
        elif (name := _name(node)) is not None:
            text = name
        else:
            continue
        line = getattr(node, "lineno", 0)
        foreign = "".join(sorted({c for c in text if not c.isascii() and c.isalpha()}))
        if foreign:
            found.append(f"line {line}: {foreign!r}")
        elif constant and text in codes:
            found.append(f"line {line}: language code {text!r}")
    return found


def test_no_language_fact_in_code() -> None:
    """Letters of a language and language codes live in languages/*.toml only: no module
    of pipeline/ holds one in its code (its docstrings and comments may quote them)."""
    codes = set(known_languages())
    offenders = {
        str(path.relative_to(PACKAGE)): found
        for path in sorted(PACKAGE.rglob("*.py"))
        if (found := language_facts(path.read_text("utf-8"), codes))
    }
    assert offenders == {}


GUARD_CASES = [
    ('WORD = "et"\n', []),
    ('RANGE = " à "\n', ["line 1: 'à'"]),
    ('AND = "\\u0648"\n', ["line 1: 'و'"]),
    ("if code == 'zh':\n    pass\n", ["line 1: language code 'zh'"]),
    ('def f(x):\n    """Reads "5 à 14"."""\n    return x  # "à"\n', []),
    ("père = 1\n", ["line 1: 'è'"]),
    ('x = f"{y} 和"\n', ["line 1: '和'"]),
    ('LIGATURES = {"\\ufb00": "ff"}\n', ["line 1: 'ﬀ'"]),
]


@pytest.mark.parametrize(("source", "expected"), GUARD_CASES)
def test_the_language_fact_guard_finds_them(source: str, expected: list[str]) -> None:
    """The guard itself: each kind of fact it must find, and what it must leave alone."""
    assert language_facts(source, set(known_languages())) == expected


def test_exactly_one_language_is_the_programs() -> None:
    """recindex's own messages are in one language (English, written out by hand here):
    the HTML page marks them with it and borrows its interface words."""
    assert [code for code, language in known_languages().items() if language.program] == ["en"]


@pytest.mark.parametrize("code", ["fr", "en", "es", "ru", "zh", "ar"])
def test_no_theme_name_of_an_edition_ends_with_an_open_word(code: str) -> None:
    # A name the language file reads as unfinished would take the next name's first line.
    from pipeline.languages.names import unfinished
    from tests.editions import edition
    from tests.golden import expected_table

    language = known_languages()[code]
    table = expected_table() if code == "fr" else edition(code)
    names = [name for name, _ in table.themes]
    assert [name for name in names if unfinished(name, 0, language)] == []


# Lines of Arabic names, broken where a browser broke them (seed 24016 of `unseen`): a
# noun in construct state ("لأغراض", for the purposes of) needs the word after it.
ARABIC_LINES = [
    ("أشكال الاتجار بالأشخاص لأغراض", True),
    ("أشكال الاتجار بالأشخاص", False),
    ("الفريق المشترك بين", True),
    ("الاستغلال غير المذكورة في البروتوكول", False),
]


@pytest.mark.parametrize(("line", "open_"), ARABIC_LINES)
def test_an_arabic_name_line_ending_with_an_open_word_is_unfinished(line: str, open_: bool) -> None:
    from pipeline.languages.names import unfinished

    assert unfinished(line, 0, known_languages()["ar"]) is open_


# A name's line and the line under it, by hand, with whether a phrase of the language file
# goes on across the break (`continue_names.phrase_across`).
PHRASE_BREAKS = [
    ("en", "Conference of the Parties to the United", "Nations Convention against", True),
    ("en", "Secretariat and the Working", "Group on Trafficking in Persons", True),
    # One word from inside a phrase is not enough to say the phrase goes on.
    ("en", "Trafficking in Persons", "Protocol (ratification)", True),
    ("en", "Victims (protection)", "Group on something", False),
    # Seed 16211 of `unseen` (Chromium, Arabic): the phrase's first word carries the
    # conjunction ("ومكتب"), and its words from the second on end the line.
    ("ar", "الأمانة ومكتب الأمم المتحدة المعني", "بالمخدرات والجريمة", True),
    ("ar", "الفريق المشترك بين الوكالات للتنسيق في مجال مكافحة الاتجار", "بالأشخاص", True),
    ("ar", "الأمانة ومكتب الأمم المتحدة", "الفساد", False),
]


@pytest.mark.parametrize(("code", "name", "line", "across"), PHRASE_BREAKS)
def test_a_phrase_goes_on_across_a_line_break(
    code: str, name: str, line: str, across: bool
) -> None:
    from pipeline.reassemble.continue_names import phrase_across

    phrases = known_languages()[code].theme.phrases
    assert phrase_across(name, line, phrases) is across

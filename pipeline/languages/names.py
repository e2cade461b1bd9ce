"""What a theme name's end says, from the language data alone: whether the name can end
there. Read by the layout (a page top's rest of a split name, `pdf_groups`) and by the
reassembly of names (`reassemble.continue_names`), so it sits with the language files."""

from __future__ import annotations

import unicodedata

import regex

from pipeline.languages import Language
from pipeline.patterns import DASH_CLASS

_DANGLING_RE = regex.compile(rf"(?:,|{DASH_CLASS})\s*$")


def unfinished(name: str, depth: int, language: Language) -> bool:
    """A theme name that cannot end here: its next line must continue it. `depth`: its
    brackets opened and not closed. Only the end of the name is looked at. In a script
    without spaces an open word is the end of the name ("…的"); otherwise it is the last
    word."""
    tail = name[-4:].rstrip()
    if depth > 0 or _DANGLING_RE.search(tail) or tail.endswith(language.grammar.comma):
        return True
    if language.writing.join == "none":
        return name.endswith(language.theme.open_words)
    last = name.rsplit(" ", 1)[-1]
    return bool(last) and last.lower() in language.theme.open_words


def bracket_depth(text: str) -> int:
    """Brackets the text opens minus those it closes; full-width ones ("（保护") count."""
    folded = unicodedata.normalize("NFKC", text)
    return folded.count("(") - folded.count(")")


def cannot_end(name: str, language: Language) -> bool:
    """`unfinished`, its brackets counted in the name itself."""
    return unfinished(name, bracket_depth(name), language)

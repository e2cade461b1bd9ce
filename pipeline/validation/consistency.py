"""Paragraph ↔ reference consistency: does each reference point where its paragraph says?

The compilation document reprints each meeting report's recommendations, in order, under
one roman section: report paragraph p is section paragraph p − k, subparagraph letters
unchanged ("7 a)" of one report is "VII.1.a" when that report's recommendations start at
its paragraph 7). Nothing in the index states the section or k, and they differ between
reports and between versions of the compilation, so both are inferred from the document
itself: every entry whose two cells have the same number of items votes for the
(section, k) most of its pairs agree on, and each report takes the majority of its
entries. A slip in a few entries cannot outvote the many clean ones, and a new version of
the document needs no table of offsets.

With the mapping known, every entry's expected references are computed from its
paragraphs and compared with what is printed. Differences are warnings (the printed cell
disagrees with its own paragraphs; which side is wrong cannot be known from the index),
and the suggestion is the expected cell in the edition's notation.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher
from itertools import pairwise

from pipeline.languages import Language, get_language
from pipeline.models import (
    Diagnostic,
    Entry,
    IndexDocument,
    Mapping,
    Paragraph,
    Reference,
    Severity,
    Theme,
)
from pipeline.normalize.render import render_paragraphs, render_references, show_reference

# Codes this module produces, most specific first.
FULL_RANGE = "full-range-for-list"
LETTER_MISSING = "reference-letter-missing"
MISSING = "reference-missing"
EXTRA = "reference-extra"
ORDER = "reference-order"
MISMATCH = "reference-mismatch"
OUTSIDE = "paragraph-before-section"
UNMAPPED = "mapping-unknown"


def entries(document: IndexDocument) -> Iterator[tuple[Theme, Entry]]:
    for theme in document.themes:
        for entry in theme.entries:
            yield theme, entry


def _entry_vote(entry: Entry) -> tuple[str, int] | None:
    """The (section, k) most pairs of one entry agree on, if the counts match and one
    reading wins outright; letters must be equal for a pair to count."""
    if not entry.paragraphs or len(entry.paragraphs) != len(entry.references):
        return None
    pairs = Counter(
        (r.section, p.number - r.paragraph)
        for p, r in zip(entry.paragraphs, entry.references, strict=True)
        if p.letter == r.letter
    )
    ranked = pairs.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def infer_mapping(document: IndexDocument) -> Mapping:
    """Report symbol -> (section, k) such that paragraph p is reference section.(p − k).

    A majority vote of the entries whose paragraph and reference counts match; a report
    with no such entry, or with a tie, gets no mapping (its entries are not checked)."""
    votes: defaultdict[str, Counter[tuple[str, int]]] = defaultdict(Counter)
    for _, entry in entries(document):
        vote = _entry_vote(entry)
        if vote is not None:
            votes[entry.report][vote] += 1
    mapping: Mapping = {}
    for report in sorted(votes):
        ranked = votes[report].most_common(2)
        if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
            continue
        mapping[report] = ranked[0][0]
    return mapping


def expected_references(paragraphs: Sequence[Paragraph], section: str, k: int) -> list[Reference]:
    """Where each paragraph is reprinted; paragraphs before the section start are skipped
    (reported separately)."""
    return [
        Reference(section=section, paragraph=p.number - k, letter=p.letter)
        for p in paragraphs
        if p.number - k >= 1
    ]


def _is_run(items: Sequence[Reference]) -> bool:
    """Whether items are consecutive: section paragraphs n, n+1, … or letters of one
    paragraph a, b, c, … (what a range in the references cell expands to)."""
    for a, b in pairwise(items):
        if a.section != b.section:
            return False
        if a.letter is None and b.letter is None:
            if b.paragraph != a.paragraph + 1:
                return False
        elif a.letter and b.letter:
            if a.paragraph != b.paragraph or ord(b.letter) != ord(a.letter) + 1:
                return False
        else:
            return False
    return True


Opcode = tuple[str, int, int, int, int]


def _opcodes(expected: list[Reference], printed: list[Reference]) -> list[Opcode]:
    """The shortest account of the differences: position by position when the counts
    match ("IV.45" printed where "IV.44" is due is one slip, not a deletion plus an
    insertion), else a sequence alignment; whichever names fewer items wins."""
    aligned: list[Opcode] = list(
        SequenceMatcher(a=expected, b=printed, autojunk=False).get_opcodes()
    )
    if len(expected) != len(printed):
        return aligned
    positional: list[Opcode] = [
        ("equal" if a == b else "replace", i, i + 1, i, i + 1)
        for i, (a, b) in enumerate(zip(expected, printed, strict=True))
    ]

    def cost(opcodes: list[Opcode]) -> int:
        return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in opcodes if tag != "equal")

    return positional if cost(positional) <= cost(aligned) else aligned


def _show_paragraph(paragraph: Paragraph, language: Language) -> str:
    return render_paragraphs([paragraph], language)


class _Comparison:
    """The differences between expected and printed references, item by item."""

    def __init__(
        self,
        paragraphs: Sequence[Paragraph],
        expected: list[Reference],
        printed: list[Reference],
        language: Language,
    ) -> None:
        self.kinds: set[str] = set()
        self.details: list[str] = []
        by_reference = dict(zip(expected, paragraphs, strict=True))
        for tag, i1, i2, j1, j2 in _opcodes(expected, printed):
            want, got = expected[i1:i2], printed[j1:j2]
            if tag == "equal":
                continue
            if (
                tag == "insert"
                and 0 < i1 < len(expected)
                and _is_run([expected[i1 - 1], *got, expected[i1]])
            ):
                self.kinds.add(FULL_RANGE)
                self.details.append(
                    f"{show_reference(expected[i1 - 1])} to {show_reference(expected[i1])} "
                    f"printed as a range: {', '.join(show_reference(r) for r in got)} "
                    f"{'stands' if len(got) == 1 else 'stand'} for no cited paragraph"
                )
                continue
            for ref, hit in zip(want, got, strict=False):
                para = _show_paragraph(by_reference[ref], language)
                if (ref.section, ref.paragraph) == (hit.section, hit.paragraph) and not hit.letter:
                    self.kinds.add(LETTER_MISSING)
                else:
                    self.kinds.add(MISMATCH)
                self.details.append(
                    f"{para} → {show_reference(ref)} expected, {show_reference(hit)} printed"
                )
            for ref in want[len(got) :]:
                self.kinds.add(MISSING)
                para = _show_paragraph(by_reference[ref], language)
                self.details.append(f"{para} → {show_reference(ref)} missing")
            for hit in got[len(want) :]:
                self.kinds.add(EXTRA)
                self.details.append(f"{show_reference(hit)} printed, no cited paragraph maps to it")

    @property
    def code(self) -> str:
        """One specific code when all differences are of one kind, else a mismatch."""
        return next(iter(self.kinds)) if len(self.kinds) == 1 else MISMATCH


def _located(
    theme: Theme,
    entry: Entry,
    code: str,
    severity: Severity,
    message: str,
    text: str,
    suggestion: str | None = None,
) -> Diagnostic:
    return Diagnostic(
        code=code,
        severity=severity,
        message=message,
        page=entry.pages[0] if entry.pages else None,
        theme=theme.name,
        report=entry.report,
        text=text,
        suggestion=suggestion,
    )


def _unmapped(document: IndexDocument, mapping: Mapping) -> list[Diagnostic]:
    """A report whose section cannot be inferred leaves its entries unchecked: say so once
    per report, so a silent gap in the audit is visible."""
    seen: dict[str, int] = {}
    for _, entry in entries(document):
        if entry.report not in mapping:
            seen[entry.report] = seen.get(entry.report, 0) + 1
    return [
        Diagnostic(
            code=UNMAPPED,
            severity=Severity.INFO,
            message=(
                f"no section inferred for {report}: none of its {count} row(s) gives an "
                "unambiguous paragraph-to-reference offset, so they are not cross-checked"
            ),
            report=report,
        )
        for report, count in seen.items()
    ]


def check_consistency(document: IndexDocument, mapping: Mapping | None = None) -> list[Diagnostic]:
    """Compare every entry's references with those its paragraphs map to.

    Entries whose cells were not read (already an error) or whose report has no inferred
    mapping are skipped; the first case is reported by normalize, the second once per
    report here."""
    if mapping is None:
        mapping = infer_mapping(document)
    language = get_language(document.language)
    found: list[Diagnostic] = _unmapped(document, mapping)
    for theme, entry in entries(document):
        if entry.report not in mapping or not entry.paragraphs or not entry.references:
            continue
        section, k = mapping[entry.report]
        rule = f"{entry.report} paragraph p is {section}.(p − {k})"
        before = [p for p in entry.paragraphs if p.number - k < 1]
        if before:
            found.append(
                _located(
                    theme,
                    entry,
                    OUTSIDE,
                    Severity.WARNING,
                    f"paragraph(s) {render_paragraphs(before, language)} come before the "
                    f"first recommendation reprinted in section {section} ({rule})",
                    entry.paragraphs_text,
                )
            )
            continue
        expected = expected_references(entry.paragraphs, section, k)
        printed = list(entry.references)
        if expected == printed:
            continue
        if Counter(expected) == Counter(printed):
            # Same references, another order: the data is right, only the reading order
            # of the cell differs from its paragraphs.
            code, severity, details = ORDER, Severity.INFO, "same references in another order"
        else:
            comparison = _Comparison(entry.paragraphs, expected, printed, language)
            code, severity = comparison.code, Severity.WARNING
            details = "; ".join(comparison.details)
        found.append(
            _located(
                theme,
                entry,
                code,
                severity,
                f"references disagree with paragraphs {entry.paragraphs_text!r}: {details} "
                f"({rule})",
                entry.references_text,
                render_references(expected, language),
            )
        )
    return found

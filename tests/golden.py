"""The hand-checked golden table of the French index (tests/data/fr_rows.tsv), for tests.

Every test that asks "did we read the French document right?" compares with this table,
never with the pipeline's own reading of the dump: the text path, the shared PDF, PDFs
typeset in other layouts, other editions and versions all answer to the same 311 rows.
How the table was transcribed and checked is written at the top of the data file.

Items are compared in a compact notation ("7a", "VII.1.a"), written here from the
models' fields, so that no function of the pipeline formats what is compared.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline.models import Entry, IndexDocument, Paragraph, Reference
from tests.pdf_factory import TableData

DATA = Path(__file__).resolve().parent / "data"
FR_ROWS = DATA / "fr_rows.tsv"

# Metadata, read off the dump: running symbol (line 72), footer "V.19-07098 2/13" (line
# 77), title (lines 81-83), compilation symbol in the header (line 90).
SYMBOL = "CTOC/COP/WG.4/2019/4"
TITLE = (
    "Recommandations adoptées par le Groupe de travail sur la traite des personnes "
    "au cours de ses huit premières réunions, par thème"
)
JOB_NUMBER = "V.19-07098"
REFERENCE_DOCUMENT = "CTOC/COP/WG.4/2019/5"

# Totals, as the data file's header says how each was counted.
THEMES = 78
ROWS = 311
PARAGRAPHS = 972

COLUMNS = [
    "position",
    "theme",
    "report",
    "paragraphs_text",
    "references_text",
    "paragraphs",
    "dump_line",
    "paragraph_items",
    "reference_items",
]

# (report, paragraphs_text, references_text, paragraph items, reference items)
ReadRow = tuple[str, str, str, tuple[str, ...], tuple[str, ...]]


@dataclass(frozen=True)
class Row:
    """One theme x report row of the golden table."""

    position: int
    theme: str
    report: str
    paragraphs_text: str
    references_text: str
    paragraphs: int
    dump_line: int
    paragraph_items: tuple[str, ...]
    reference_items: tuple[str, ...]

    def cells(self) -> tuple[str, str, str]:
        return (self.report, self.paragraphs_text, self.references_text)

    def read(self) -> ReadRow:
        """What an extraction must give for this row."""
        return (
            self.report,
            self.paragraphs_text,
            self.references_text,
            self.paragraph_items,
            self.reference_items,
        )


def read_rows(path: Path) -> tuple[Row, ...]:
    """Rows of a golden TSV file (comment lines start with "#")."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    if reader.fieldnames != COLUMNS:
        raise ValueError(f"{path.name}: columns {reader.fieldnames}, expected {COLUMNS}")
    return tuple(
        Row(
            position=int(record["position"]),
            theme=record["theme"],
            report=record["report"],
            paragraphs_text=record["paragraphs_text"],
            references_text=record["references_text"],
            paragraphs=int(record["paragraphs"]),
            dump_line=int(record["dump_line"]),
            paragraph_items=tuple(record["paragraph_items"].split()),
            reference_items=tuple(record["reference_items"].split()),
        )
        for record in reader
    )


@cache
def expected_rows() -> tuple[Row, ...]:
    """The 311 rows of the French index, in document order."""
    return read_rows(FR_ROWS)


def expected_themes() -> list[tuple[str, tuple[Row, ...]]]:
    """(theme name, its rows), in document order."""
    themes: list[tuple[str, tuple[Row, ...]]] = []
    for row in expected_rows():
        if themes and themes[-1][0] == row.theme:
            themes[-1] = (row.theme, (*themes[-1][1], row))
        else:
            themes.append((row.theme, (row,)))
    return themes


def expected_table() -> TableData:
    """The golden table as `pdf_factory` prints it: typeset layouts start from the
    hand-checked cells, not from what the pipeline read."""
    return TableData(
        SYMBOL,
        TITLE,
        JOB_NUMBER,
        REFERENCE_DOCUMENT,
        tuple((name, tuple(row.cells() for row in rows)) for name, rows in expected_themes()),
    )


def show_paragraphs(items: Iterable[Paragraph]) -> tuple[str, ...]:
    """Paragraphs in the compact notation: "7a", "14"."""
    return tuple(f"{p.number}{p.letter or ''}" for p in items)


def show_references(items: Iterable[Reference]) -> tuple[str, ...]:
    """References in the compact notation: "VII.1.a", "II.37"."""
    return tuple(f"{r.section}.{r.paragraph}" + (f".{r.letter}" if r.letter else "") for r in items)


def paragraph_items(entry: Entry) -> tuple[str, ...]:
    return show_paragraphs(entry.paragraphs)


def reference_items(entry: Entry) -> tuple[str, ...]:
    return show_references(entry.references)


def expected_read() -> list[tuple[str, list[ReadRow]]]:
    """The golden table as `read_document` shows an extraction."""
    return [(name, [row.read() for row in rows]) for name, rows in expected_themes()]


def read_entry(entry: Entry) -> ReadRow:
    """An extracted row in the golden table's terms."""
    return (
        entry.report,
        entry.paragraphs_text,
        entry.references_text,
        paragraph_items(entry),
        reference_items(entry),
    )


def read_document(document: IndexDocument) -> list[tuple[str, list[ReadRow]]]:
    """An extracted document in the golden table's terms: themes, rows, cells, items."""
    return [(t.name, [read_entry(e) for e in t.entries]) for t in document.themes]


def assert_matches_golden(document: IndexDocument) -> None:
    """The document has the golden table's themes in order and, theme by theme, its rows,
    cells and expanded lists; the 972 paragraphs are counted from the extraction."""
    got, want = read_document(document), expected_read()
    assert [name for name, _ in got] == [name for name, _ in want]
    for (name, rows), (_, expected) in zip(got, want, strict=True):
        assert rows == expected, name
    assert [t.position for t in document.themes] == list(range(1, THEMES + 1))
    entries = [e for t in document.themes for e in t.entries]
    assert [len(e.paragraphs) for e in entries] == [row.paragraphs for row in expected_rows()]
    assert (len(document.themes), len(entries)) == (THEMES, ROWS)
    assert sum(len(e.paragraphs) for e in entries) == PARAGRAPHS


def assert_matches_french(document: IndexDocument, names: Sequence[tuple[str, str]]) -> None:
    """Another edition (or part of one), theme by theme against the golden French table:
    `names` pairs each theme's name as the edition prints it with its French name, in the
    edition's order; each theme has the French rows, reports, expanded lists and
    paragraph counts."""
    french = dict(expected_themes())
    for theme, (name, french_name) in zip(document.themes, names, strict=True):
        assert theme.name == name
        got = [(e.report, paragraph_items(e), reference_items(e)) for e in theme.entries]
        want = [(r.report, r.paragraph_items, r.reference_items) for r in french[french_name]]
        assert got == want, name
        assert [len(e.paragraphs) for e in theme.entries] == [
            r.paragraphs for r in french[french_name]
        ]


def assert_golden_totals(document: IndexDocument) -> None:
    """A whole edition: the golden table's 78 themes, 311 rows and 972 paragraphs."""
    entries = [e for t in document.themes for e in t.entries]
    assert (len(document.themes), len(entries)) == (THEMES, ROWS)
    assert sum(len(e.paragraphs) for e in entries) == PARAGRAPHS


def assert_golden_metadata(document: IndexDocument) -> None:
    assert (document.symbol, document.title) == (SYMBOL, TITLE)
    assert (document.job_number, document.reference_document) == (JOB_NUMBER, REFERENCE_DOCUMENT)
    assert document.language == "fr"

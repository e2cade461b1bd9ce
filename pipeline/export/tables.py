"""The four CSV tables, each able to stand alone, and their schema as data.

A reader who loads any one file into a spreadsheet must know what document, language,
theme, row and link each line belongs to, and be able to stack the files of several
editions or versions: so every line carries `symbol`, `language` and a stable `theme_id`,
and the keys that join the tables (`theme_id`, `row`) are declared in datapackage.json.

`theme_id` is derived from what a theme contains, not from its name or position (both
change between editions and versions): its first row's report (year and number) and first
cited paragraph, "2010-6-44". Where two themes would get the same id, each is lengthened
by its next row until they differ; rows are the same in every language edition, so the
same theme has the same id in all six.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import regex

from pipeline.models import Entry, IndexDocument, Mapping, Paragraph, Reference, Theme

Row = Sequence[object]


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # a Table Schema type: "string", "integer"
    description: str


_COMMON = (
    Field("symbol", "string", "UN symbol of the index document, as printed on its pages."),
    Field("language", "string", "Language edition of the index (ISO 639-1 code)."),
    Field("theme_id", "string", "Stable identifier of the theme, the same in every edition."),
)
_THEME = Field("theme", "string", "Theme name as printed in this edition.")
_ROW = Field("row", "integer", "Position of the row within its theme, from 1.")
_REPORT = Field("report", "string", "Symbol of the meeting report the row cites.")
_LINK = Field("link", "string", "The report symbol's undocs.org link (PDF sources).")
_PAGES = (
    Field("first_page", "integer", "First page of the source the item is printed on."),
    Field("page_count", "integer", "Number of pages the item is printed across."),
)

THEME_FIELDS = (
    *_COMMON,
    Field("position", "integer", "Position of the theme in this edition's table, from 1."),
    Field("name", "string", "Theme name as printed in this edition."),
    *_PAGES,
    Field("entries", "integer", "Number of rows (meeting reports) under the theme."),
    Field("paragraphs", "integer", "Number of report paragraphs cited, ranges expanded."),
    Field("references", "integer", "Number of compilation references, ranges expanded."),
)
ENTRY_FIELDS = (
    *_COMMON,
    Field("theme_position", "integer", "Position of the theme in this edition's table."),
    _THEME,
    _ROW,
    _REPORT,
    _LINK,
    Field("paragraphs_text", "string", "The paragraphs cell exactly as printed."),
    Field("references_text", "string", "The references cell exactly as printed."),
    Field("paragraphs", "integer", "Number of paragraphs the cell expands to."),
    Field("references", "integer", "Number of references the cell expands to."),
    *_PAGES,
    Field("diagnostics", "integer", "Number of findings about this row (diagnostics.csv)."),
)
REFERENCE_FIELDS = (
    *_COMMON,
    _THEME,
    _ROW,
    Field("item", "integer", "Position of this line within its row, from 1."),
    _REPORT,
    _LINK,
    Field(
        "paragraph",
        "integer",
        "Cited paragraph of the report; empty for a reference "
        "printed without a matching paragraph (pairing 'unpaired').",
    ),
    Field("letter", "string", "Subparagraph letter of the cited paragraph, Latin a-z."),
    Field(
        "section",
        "string",
        "Roman section of the compilation document; empty for a "
        "paragraph printed without a matching reference.",
    ),
    Field("ref_paragraph", "integer", "Paragraph of the compilation document."),
    Field("ref_letter", "string", "Subparagraph letter in the compilation document."),
    Field(
        "pairing",
        "string",
        "How paragraph and reference were paired: 'position' (the "
        "i-th of each), 'offset' (by the report's inferred section and offset), "
        "'unpaired'.",
    ),
)
DIAGNOSTIC_FIELDS = (
    Field("symbol", "string", _COMMON[0].description),
    Field("language", "string", _COMMON[1].description),
    Field("id", "integer", "Number of the finding, from 1, in the order of index.json."),
    Field("code", "string", "Kind of finding (see the README)."),
    Field("severity", "string", "info, warning or error."),
    Field("page", "integer", "Page the finding is about, if any."),
    Field("theme_id", "string", "Theme the finding is about, if any."),
    _THEME,
    Field("row", "integer", "Row (within the theme) the finding is about, if any."),
    _REPORT,
    Field("text", "string", "The printed text concerned."),
    Field("message", "string", "What is wrong, in words."),
    Field("suggestion", "string", "The reading taken or suggested."),
)


def _slug(text: str) -> str:
    return regex.sub(r"[^0-9a-z]+", "-", text.lower()).strip("-")


def _row_token(entry: Entry) -> str:
    """A row as a short key: the report's last two symbol parts and the first paragraph."""
    tail = "-".join(entry.report.split("/")[-2:])
    first = entry.paragraphs[0] if entry.paragraphs else None
    cited = f"{first.number}{first.letter or ''}" if first else _slug(entry.paragraphs_text)
    return _slug(f"{tail}-{cited}")


def theme_ids(themes: Sequence[Theme]) -> list[str]:
    """One id per theme (see the module docstring), unique within the document."""
    tokens = [[_row_token(e) for e in theme.entries] or ["empty"] for theme in themes]
    length = [1] * len(themes)
    while True:
        ids = ["-".join(t[:n]) for t, n in zip(tokens, length, strict=True)]
        seen: dict[str, list[int]] = {}
        for i, key in enumerate(ids):
            seen.setdefault(key, []).append(i)
        clashes = [group for group in seen.values() if len(group) > 1]
        grown = False
        for group in clashes:
            for i in group:
                if length[i] < len(tokens[i]):
                    length[i] += 1
                    grown = True
        if not clashes or not grown:
            break
    # Themes with identical rows throughout stay apart by their order.
    counts: dict[str, int] = {}
    out: list[str] = []
    for key in ids:
        counts[key] = counts.get(key, 0) + 1
        out.append(key if counts[key] == 1 else f"{key}-{counts[key]}")
    return out


def pair(
    entry: Entry, mapping: Mapping | None = None
) -> list[tuple[Paragraph | None, Reference | None, str]]:
    """Pair cited paragraphs with references, nothing dropped.

    `position`: the counts match, the i-th paragraph goes with the i-th reference.
    `offset`: the counts differ; each paragraph goes with the reference the report's
    inferred mapping (`validation.infer_mapping`: section and offset) says it is reprinted
    as, if that reference is printed. `unpaired`: whatever is left, paragraphs in their
    order first, then references in theirs."""
    if len(entry.paragraphs) == len(entry.references):
        return [(p, r, "position") for p, r in zip(entry.paragraphs, entry.references, strict=True)]
    rule = (mapping or {}).get(entry.report)
    free = list(range(len(entry.references)))
    rows: list[tuple[Paragraph | None, Reference | None, str]] = []
    for paragraph in entry.paragraphs:
        partner = None
        if rule is not None:
            section, offset = rule
            due = Reference(
                section=section, paragraph=paragraph.number - offset, letter=paragraph.letter
            )
            partner = next((i for i in free if entry.references[i] == due), None)
        if partner is None:
            rows.append((paragraph, None, "unpaired"))
        else:
            free.remove(partner)
            rows.append((paragraph, entry.references[partner], "offset"))
    return rows + [(None, entry.references[i], "unpaired") for i in free]


def _pages(pages: Sequence[int]) -> tuple[int | None, int]:
    return (min(pages) if pages else None, len(set(pages)))


def csv_bytes(fields: Sequence[Field], rows: Iterable[Row]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([f.name for f in fields])
    for row in rows:
        writer.writerow(["" if value is None else value for value in row])
    return buffer.getvalue().encode("utf-8")


def _theme_rows(document: IndexDocument, ids: Sequence[str]) -> Iterator[Row]:
    head = (document.symbol, document.language)
    for theme, theme_id in zip(document.themes, ids, strict=True):
        yield (
            *head,
            theme_id,
            theme.position,
            theme.name,
            *_pages(theme.pages),
            len(theme.entries),
            sum(len(e.paragraphs) for e in theme.entries),
            sum(len(e.references) for e in theme.entries),
        )


def _entry_rows(document: IndexDocument, ids: Sequence[str]) -> Iterator[Row]:
    head = (document.symbol, document.language)
    for theme, theme_id in zip(document.themes, ids, strict=True):
        for row, e in enumerate(theme.entries, start=1):
            yield (
                *head,
                theme_id,
                theme.position,
                theme.name,
                row,
                e.report,
                e.link,
                e.paragraphs_text,
                e.references_text,
                len(e.paragraphs),
                len(e.references),
                *_pages(e.pages),
                len(e.diagnostics),
            )


def _reference_rows(document: IndexDocument, ids: Sequence[str], mapping: Mapping) -> Iterator[Row]:
    head = (document.symbol, document.language)
    for theme, theme_id in zip(document.themes, ids, strict=True):
        for row, entry in enumerate(theme.entries, start=1):
            paired = pair(entry, mapping)
            for item, (paragraph, reference, pairing) in enumerate(paired, start=1):
                yield (
                    *head,
                    theme_id,
                    theme.name,
                    row,
                    item,
                    entry.report,
                    entry.link,
                    paragraph.number if paragraph else None,
                    paragraph.letter if paragraph else None,
                    reference.section if reference else None,
                    reference.paragraph if reference else None,
                    reference.letter if reference else None,
                    pairing,
                )


def _diagnostic_rows(document: IndexDocument, ids: Sequence[str]) -> Iterator[Row]:
    """Each finding with the theme and row it is attached to (`Entry.diagnostics`), or
    the theme it names when it is about a theme as a whole."""
    where: dict[object, tuple[str | None, str | None, int | None]] = {}
    by_name: dict[str, str] = {}
    for theme, theme_id in zip(document.themes, ids, strict=True):
        by_name.setdefault(theme.name, theme_id)
        for position, entry in enumerate(theme.entries, start=1):
            for diagnostic in entry.diagnostics:
                where.setdefault(diagnostic, (theme_id, theme.name, position))
    for number, d in enumerate(document.diagnostics, start=1):
        located = where.get(d, (by_name.get(d.theme or ""), d.theme, None))
        found_id, name, row = located
        yield (
            document.symbol,
            document.language,
            number,
            d.code,
            d.severity.value,
            d.page,
            found_id,
            name,
            row,
            d.report,
            d.text,
            d.message,
            d.suggestion,
        )


def tables(document: IndexDocument, mapping: Mapping) -> dict[str, bytes]:
    """The four CSV files, by name."""
    ids = theme_ids(document.themes)
    return {
        "themes.csv": csv_bytes(THEME_FIELDS, _theme_rows(document, ids)),
        "entries.csv": csv_bytes(ENTRY_FIELDS, _entry_rows(document, ids)),
        "references.csv": csv_bytes(REFERENCE_FIELDS, _reference_rows(document, ids, mapping)),
        "diagnostics.csv": csv_bytes(DIAGNOSTIC_FIELDS, _diagnostic_rows(document, ids)),
    }

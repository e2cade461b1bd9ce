"""IndexDocument -> the published files, byte-stable.

Files are built in memory first (`index_to_files`, a pure function) and only then written
by `folder.write_folder`, as one folder swapped into place, so a failure never leaves half
a data set.
No timestamps, fixed key and row order, LF-free CSV line ends (RFC 4180 CRLF).
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterable, Sequence
from typing import Any

import regex
from pydantic_core import to_json

from pipeline import __version__
from pipeline.models import Entry, IndexDocument, Mapping, Paragraph, Reference

Row = Sequence[object]

THEME_FIELDS = ("position", "name", "pages", "entries", "paragraphs", "references")
ENTRY_FIELDS = (
    "theme_position",
    "theme",
    "report",
    "paragraphs_text",
    "references_text",
    "paragraphs",
    "references",
    "pages",
    "diagnostics",
)
REFERENCE_FIELDS = (
    "theme_position",
    "theme",
    "report",
    "paragraph",
    "letter",
    "section",
    "ref_paragraph",
    "ref_letter",
    "pairing",
)
DIAGNOSTIC_FIELDS = ("code", "severity", "page", "theme", "report", "text", "message", "suggestion")
INTEGER_FIELDS = {
    "position",
    "entries",
    "paragraphs",
    "references",
    "theme_position",
    "paragraph",
    "ref_paragraph",
    "diagnostics",
    "page",
}


def _pages(pages: Iterable[int]) -> str:
    return ";".join(str(p) for p in pages)


def _csv(header: Sequence[str], rows: Iterable[Row]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if value is None else value for value in row])
    return buffer.getvalue().encode("utf-8")


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


def _reference_rows(document: IndexDocument, mapping: Mapping) -> Iterable[Row]:
    for theme in document.themes:
        for entry in theme.entries:
            for paragraph, reference, pairing in pair(entry, mapping):
                yield (
                    theme.position,
                    theme.name,
                    entry.report,
                    paragraph.number if paragraph else None,
                    paragraph.letter if paragraph else None,
                    reference.section if reference else None,
                    reference.paragraph if reference else None,
                    reference.letter if reference else None,
                    pairing,
                )


def _tables(document: IndexDocument, mapping: Mapping) -> dict[str, bytes]:
    themes = (
        (
            t.position,
            t.name,
            _pages(t.pages),
            len(t.entries),
            sum(len(e.paragraphs) for e in t.entries),
            sum(len(e.references) for e in t.entries),
        )
        for t in document.themes
    )
    entries = (
        (
            t.position,
            t.name,
            e.report,
            e.paragraphs_text,
            e.references_text,
            len(e.paragraphs),
            len(e.references),
            _pages(e.pages),
            len(e.diagnostics),
        )
        for t in document.themes
        for e in t.entries
    )
    diagnostics = (
        (d.code, d.severity.value, d.page, d.theme, d.report, d.text, d.message, d.suggestion)
        for d in document.diagnostics
    )
    return {
        "themes.csv": _csv(THEME_FIELDS, themes),
        "entries.csv": _csv(ENTRY_FIELDS, entries),
        "references.csv": _csv(REFERENCE_FIELDS, _reference_rows(document, mapping)),
        "diagnostics.csv": _csv(DIAGNOSTIC_FIELDS, diagnostics),
    }


def _json(value: Any) -> bytes:
    """`json.dumps(value, ensure_ascii=False, indent=2)`, byte for byte, written by
    pydantic-core (Python's own encoder runs in Python when it indents: most of the
    export's time). The two differ only in exponents (1e-07 against 1e-7), which no
    number here has: coordinates are rounded to 1/100 pt."""
    return to_json(value, indent=2) + b"\n"


def _schema(fields: Sequence[str]) -> dict[str, Any]:
    return {
        "fields": [
            {"name": name, "type": "integer" if name in INTEGER_FIELDS else "string"}
            for name in fields
        ],
        "missingValues": [""],
    }


def _package(document: IndexDocument) -> dict[str, Any]:
    """A Frictionless Data Package (v1) describing the four CSV tables."""
    name = regex.sub(
        r"[^a-z0-9._-]+", "-", f"{document.symbol or 'index'}-{document.language}".lower()
    )
    tables = {
        "themes": (THEME_FIELDS, ["position"]),
        "entries": (ENTRY_FIELDS, None),
        "references": (REFERENCE_FIELDS, None),
        "diagnostics": (DIAGNOSTIC_FIELDS, None),
    }
    resources = []
    for table, (fields, key) in tables.items():
        schema = _schema(fields)
        if key:
            schema["primaryKey"] = key
        resources.append(
            {
                "name": table,
                "path": f"{table}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": name.strip("-"),
        "title": document.title or name,
        "resources": resources,
    }


def index_to_files(document: IndexDocument, mapping: Mapping) -> dict[str, bytes]:
    """Every output file's bytes, by name; the manifest lists the others' hashes.

    `mapping` is what validation inferred (`Run.mapping`), used to pair paragraphs with
    references in references.csv; export does not infer anything itself."""
    # The model's own JSON: what `_json(document.model_dump(mode="json"))` writes.
    files = {"index.json": document.model_dump_json(indent=2).encode("utf-8") + b"\n"}
    files.update(_tables(document, mapping))
    files["datapackage.json"] = _json(_package(document))
    manifest = {
        "tool": {"name": "recindex", "version": __version__},
        "source": {
            "name": document.source.name,
            "sha256": document.source.sha256,
            "kind": document.source.kind,
        },
        "files": {
            name: {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
            for name, data in sorted(files.items())
        },
    }
    files["manifest.json"] = _json(manifest)
    return files

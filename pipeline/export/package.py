"""datapackage.json: a Frictionless Data Package (v1) describing the four CSV tables, with
their field types and descriptions, the keys that join them, the licence and the source,
so that `frictionless validate` checks every join and a reader needs no other document."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import regex

from pipeline.export.tables import (
    DIAGNOSTIC_FIELDS,
    ENTRY_FIELDS,
    REFERENCE_FIELDS,
    THEME_FIELDS,
    Field,
)
from pipeline.models import IndexDocument

# The tables: fields, primary key, foreign keys (fields, table, its fields).
_TABLES: dict[str, tuple[Sequence[Field], list[str], list[tuple[list[str], str, list[str]]]]] = {
    "themes": (THEME_FIELDS, ["theme_id"], []),
    "entries": (ENTRY_FIELDS, ["theme_id", "row"], [(["theme_id"], "themes", ["theme_id"])]),
    "references": (
        REFERENCE_FIELDS,
        ["theme_id", "row", "item"],
        [(["theme_id", "row"], "entries", ["theme_id", "row"])],
    ),
    "diagnostics": (DIAGNOSTIC_FIELDS, ["id"], [(["theme_id"], "themes", ["theme_id"])]),
}

# The data restates a United Nations document; its use is governed by the UN's terms.
_LICENCE = {
    "name": "UN-terms-of-use",
    "path": "https://www.un.org/en/about-us/terms-of-use",
    "title": "United Nations terms of use (those of the source document)",
}


def _schema(fields: Sequence[Field], key: list[str], foreign: list[Any]) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [{"name": f.name, "type": f.type, "description": f.description} for f in fields],
        "missingValues": [""],
        "primaryKey": key,
    }
    if foreign:
        schema["foreignKeys"] = [
            {"fields": local, "reference": {"resource": table, "fields": remote}}
            for local, table, remote in foreign
        ]
    return schema


def package(document: IndexDocument) -> dict[str, Any]:
    name = regex.sub(
        r"[^a-z0-9._-]+", "-", f"{document.symbol or 'index'}-{document.language}".lower()
    ).strip("-")
    source = document.source
    return {
        "profile": "tabular-data-package",
        "name": name,
        "title": document.title or name,
        "description": (
            f"Themes, meeting-report rows, cited paragraphs and findings of {document.symbol}"
            f" ({document.language}), extracted by recindex from {source.name}."
        ),
        "licenses": [_LICENCE],
        "sources": [
            {
                "title": source.name,
                "path": source.name,
                "hash": f"sha256:{source.sha256}",
                "format": source.kind,
            }
        ],
        "resources": [
            {
                "name": table,
                "path": f"{table}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": _schema(fields, key, foreign),
            }
            for table, (fields, key, foreign) in _TABLES.items()
        ],
    }

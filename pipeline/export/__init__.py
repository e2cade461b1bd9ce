"""IndexDocument -> the published files, byte-stable.

Files are built in memory first (`index_to_files`, a pure function) and only then written
by `folder.write_folder`, as one folder swapped into place, so a failure never leaves half
a data set.
No timestamps, fixed key and row order, LF-free CSV line ends (RFC 4180 CRLF).
"""

from __future__ import annotations

import hashlib
from typing import Any

from pydantic_core import to_json

from pipeline import __version__
from pipeline.export.package import package
from pipeline.export.tables import tables
from pipeline.models import IndexDocument, Mapping


def _json(value: Any) -> bytes:
    """`json.dumps(value, ensure_ascii=False, indent=2)`, byte for byte, written by
    pydantic-core (Python's own encoder runs in Python when it indents: most of the
    export's time). The two differ only in exponents (1e-07 against 1e-7), which no
    number here has: coordinates are rounded to 1/100 pt."""
    return bytes(to_json(value, indent=2)) + b"\n"


def index_to_files(
    document: IndexDocument, mapping: Mapping, extra: dict[str, bytes] | None = None
) -> dict[str, bytes]:
    """Every output file's bytes, by name; the manifest lists the others' hashes.

    `mapping` is what validation inferred (`Run.mapping`), used to pair paragraphs with
    references in references.csv; export does not infer anything itself. `extra` are
    files made from the same document by a later layer (the command line's index.html),
    written and listed in the manifest with the others."""
    # Serialised by pydantic-core directly: the same bytes as json.dumps(indent=2) of the
    # dumped dict, without building that dict (a large index would double its memory).
    files = {"index.json": document.model_dump_json(indent=2).encode("utf-8") + b"\n"}
    files.update(extra or {})
    files.update(tables(document, mapping))
    files["datapackage.json"] = _json(package(document))
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

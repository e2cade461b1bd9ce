"""Run every stage on one source and keep every intermediate.

`Run` is what a test, `recindex debug` or a user in a notebook inspects: each field is the
output of one stage, so a wrong number can be traced to the stage that produced it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from pipeline.clean import lines_to_table_lines
from pipeline.errors import InputError
from pipeline.extract.text import read_source, text_to_lines
from pipeline.models import IndexDocument, Lines, RawTable, SourceInfo, TableLines
from pipeline.normalize import raw_table_to_index
from pipeline.normalize.language import Language, get_language
from pipeline.reassemble import table_lines_to_raw_table
from pipeline.validate import validate_index

PDF_MAGIC = b"%PDF-"


class Run(BaseModel):
    model_config = ConfigDict(frozen=True)

    lines: Lines
    table_lines: TableLines
    raw: RawTable
    normalized: IndexDocument
    index: IndexDocument


def is_pdf(data: bytes) -> bool:
    return PDF_MAGIC in data[:1024]


def extract(path: Path, language: Language | None = None) -> Lines:
    """Read a source and hand it to the extractor its content (not its name) calls for;
    `language` None means: recognise it from the header labels."""
    data = read_source(path)
    kind = "pdf" if is_pdf(data) else "text"
    if kind == "text" and path.suffix.lower() == ".pdf":
        raise InputError(f"{path}: not a PDF (no %PDF- signature)")
    source = SourceInfo(name=path.name, sha256=hashlib.sha256(data).hexdigest(), kind=kind, pages=1)
    if kind == "pdf":
        # Imported here: loading pdfplumber costs more than processing a whole text dump.
        from pipeline.extract.pdf import pdf_to_lines

        return pdf_to_lines(data, source, language)
    return text_to_lines(data, source)


def run(path: Path, lang: str = "auto") -> Run:
    """All stages, in order; raises InputError for anything that is not a usable source."""
    language = None if lang == "auto" else get_language(lang)
    lines = extract(path, language)
    try:
        table_lines = lines_to_table_lines(lines, language)
    except InputError as error:
        raise InputError(f"{path}: {error}") from None
    raw = table_lines_to_raw_table(table_lines)
    if not raw.themes:
        raise InputError(f"{path}: no theme and no row found in the table")
    normalized = raw_table_to_index(raw)
    return Run(
        lines=lines,
        table_lines=table_lines,
        raw=raw,
        normalized=normalized,
        index=validate_index(normalized, raw.uris),
    )


def load_index(path: Path, lang: str = "auto") -> IndexDocument:
    """An IndexDocument from a published index.json or from a source document."""
    if path.suffix.lower() != ".json":
        return run(path, lang).index
    from pydantic import ValidationError

    data = read_source(path)
    try:
        return IndexDocument.model_validate_json(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise InputError(f"{path}: not a recindex index.json ({where}: {first['msg']})") from None

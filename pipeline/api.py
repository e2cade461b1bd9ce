"""The Python front door: every stage in order, and the operations the command line offers.

`run` keeps every intermediate in a `Run`, which is what a test, `recindex debug` or a user
in a notebook inspects: each field is the output of one stage, so a wrong number can be
traced to the stage that produced it. The other functions are what a user calls; the
command line is a thin layer over them. Wherever a source is taken it may be a path (`str`
or `os.PathLike`) or the file's bytes with a `name` (the name is only used in messages and
in `source.name`; the content, never the name, decides between PDF and text).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from pipeline.clean import lines_to_table_lines
from pipeline.errors import InputError
from pipeline.extraction.engines import DEFAULT_ENGINE, ENGINES, Engine
from pipeline.extraction.text import read_source, text_to_lines
from pipeline.languages import Language, get_language
from pipeline.models import IndexDocument, Lines, Mapping, RawTable, SourceInfo, TableLines
from pipeline.normalize import raw_table_to_index
from pipeline.reassemble import table_lines_to_raw_table
from pipeline.validation import infer_mapping, validate_index

if TYPE_CHECKING:
    from pipeline.comparison.editions import Comparison
    from pipeline.comparison.versions import DocumentDiff

Source = str | os.PathLike[str] | bytes
Document = IndexDocument | Source

PDF_MAGIC = b"%PDF-"


class Run(BaseModel):
    """The output of every stage for one source, in data-flow order."""

    model_config = ConfigDict(frozen=True)

    lines: Lines
    table_lines: TableLines
    raw: RawTable
    normalized: IndexDocument
    mapping: Mapping
    index: IndexDocument


def is_pdf(data: bytes) -> bool:
    return PDF_MAGIC in data[:1024]


def _read(source: Source, name: str | None) -> tuple[bytes, str]:
    """The source's bytes and the name to show for it (a path as the user gave it)."""
    if isinstance(source, bytes):
        if name is None:
            raise TypeError("bytes need a name: extract(data, name='index.pdf')")
        if not source:
            raise InputError(f"{name}: empty file")
        return source, name
    shown = os.fspath(source)
    return read_source(Path(shown)), name or shown


def extract_lines(
    data: bytes, name: str, language: Language | None = None, engine: Engine = DEFAULT_ENGINE
) -> Lines:
    """The extract stage: hand the bytes to the extractor their content calls for;
    `language` None means: recognise it from the header labels; `engine` reads a PDF
    (both give the same result, see `pipeline.extraction.pdf_pages`)."""
    kind = "pdf" if is_pdf(data) else "text"
    if kind == "text" and name.lower().endswith(".pdf"):
        raise InputError(f"{name}: not a PDF (no %PDF- signature)")
    source = SourceInfo(
        name=Path(name).name, sha256=hashlib.sha256(data).hexdigest(), kind=kind, pages=1
    )
    if kind == "pdf":
        # Imported here: loading pdfplumber costs more than processing a whole text dump.
        from pipeline.extraction.pdf import pdf_to_lines

        return pdf_to_lines(data, source, language, name, engine)
    return text_to_lines(data, source, name)


def _engine(engine: str) -> Engine:
    for known in ENGINES:
        if engine == known:
            return known
    raise InputError(f"unknown PDF engine {engine!r}; known engines: {', '.join(ENGINES)}")


def run(
    source: Source,
    *,
    lang: str = "auto",
    name: str | None = None,
    engine: Engine = DEFAULT_ENGINE,
) -> Run:
    """All stages, in order; raises InputError for anything that is not a usable source.
    `engine` ("pdfium" or "pdfplumber") reads a PDF source; both give the same data."""
    language = None if lang == "auto" else get_language(lang)
    data, shown = _read(source, name)
    lines = extract_lines(data, shown, language, _engine(engine))
    try:
        table_lines = lines_to_table_lines(lines, language)
    except InputError as error:
        raise InputError(f"{shown}: {error}") from None
    raw = table_lines_to_raw_table(table_lines)
    if not raw.themes:
        raise InputError(f"{shown}: no theme and no row found in the table")
    normalized = raw_table_to_index(raw)
    mapping = infer_mapping(normalized)
    return Run(
        lines=lines,
        table_lines=table_lines,
        raw=raw,
        normalized=normalized,
        mapping=mapping,
        index=validate_index(normalized, raw.uris, mapping, raw.evidence, raw.uri_pages),
    )


def extract(
    source: Source,
    *,
    lang: str = "auto",
    name: str | None = None,
    engine: Engine = DEFAULT_ENGINE,
) -> IndexDocument:
    """The validated index of a source document (PDF or text dump)."""
    return run(source, lang=lang, name=name, engine=engine).index


def _is_json(source: Source, name: str | None) -> bool:
    """Whether a source is a published index.json (by its name), not a document."""
    shown = name or ("" if isinstance(source, bytes) else os.fspath(source))
    return shown.lower().endswith(".json")


def load(
    source: Document,
    *,
    lang: str = "auto",
    name: str | None = None,
    engine: Engine = DEFAULT_ENGINE,
) -> IndexDocument:
    """An IndexDocument from a published index.json (by its `.json` name) or a source."""
    if isinstance(source, IndexDocument):
        return source
    if not _is_json(source, name):
        return extract(source, lang=lang, name=name, engine=engine)
    from pydantic import ValidationError

    data, shown = _read(source, name)
    try:
        return IndexDocument.model_validate_json(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise InputError(f"{shown}: not a recindex index.json ({where}: {first['msg']})") from None


def validate(
    source: Document, *, lang: str = "auto", engine: Engine = DEFAULT_ENGINE
) -> IndexDocument:
    """The document with every check's findings in `diagnostics` (and on the rows they
    concern). Idempotent: a document already validated gains nothing. A source is
    validated once, by `extract`; a document or an index.json is checked again."""
    if isinstance(source, IndexDocument) or _is_json(source, None):
        return validate_index(load(source, lang=lang, engine=engine))
    return extract(source, lang=lang, engine=engine)


def diff(
    old: Document, new: Document, *, lang: str = "auto", engine: Engine = DEFAULT_ENGINE
) -> DocumentDiff:
    """What changed between two versions of an index (`DocumentDiff.identical`)."""
    from pipeline.comparison.versions import diff_documents

    return diff_documents(load(old, lang=lang, engine=engine), load(new, lang=lang, engine=engine))


def compare(a: Document, b: Document, *, engine: Engine = DEFAULT_ENGINE) -> Comparison:
    """Whether two language editions carry the same data (`Comparison.identical`)."""
    from pipeline.comparison.editions import compare_documents

    return compare_documents(load(a, engine=engine), load(b, engine=engine))


def save(document: IndexDocument, folder: str | os.PathLike[str]) -> dict[str, bytes]:
    """Write index.json, the CSV tables, datapackage.json and manifest.json into `folder`;
    returns what was written, by file name."""
    from pipeline.export import index_to_files
    from pipeline.export.folder import write_folder

    files = index_to_files(document, infer_mapping(document))
    write_folder(files, Path(folder))
    return files

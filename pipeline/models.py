"""Typed intermediates passed between the stages.

Every stage is a pure function from one of these models to the next; keeping all of them
in a `Run` lets a test, a debug drawing or a user inspect any step without re-running it.
Objects carry their provenance (page, vertical position and, for PDF, boxes) so that any
datum can be traced back to where it was printed.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Column(StrEnum):
    """The four table columns, as fixed concepts independent of any language's labels."""

    THEME = "theme"
    REPORT = "report"
    PARAGRAPHS = "paragraphs"
    REFERENCES = "references"


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class BBox(Frozen):
    """A box in PDF points, origin top-left (pdfplumber's convention). Coordinates are
    rounded to 1/100 pt: finer digits are parser noise and would make outputs differ
    between pdfminer versions for no visible reason."""

    x0: float
    top: float
    x1: float
    bottom: float

    @field_validator("x0", "top", "x1", "bottom", mode="after")
    @classmethod
    def _round(cls, value: float) -> float:
        return round(value, 2)

    def union(self, other: BBox) -> BBox:
        return BBox(
            x0=min(self.x0, other.x0),
            top=min(self.top, other.top),
            x1=max(self.x1, other.x1),
            bottom=max(self.bottom, other.bottom),
        )


class CellBox(Frozen):
    """Where (part of) a cell is printed: a cell split by a page break has one box per page."""

    column: Column
    page: int
    bbox: BBox


class SourceInfo(Frozen):
    name: str
    sha256: str
    kind: Literal["pdf", "text"]
    pages: int


# Report symbol -> (roman section, k): paragraph p of that report is reprinted in the
# compilation document as section.(p - k). Inferred by validation, used by export to pair
# each cited paragraph with its reference.
Mapping = dict[str, tuple[str, int]]


class Diagnostic(Frozen):
    """One observation about the source. Diagnostics never change the raw text they cite."""

    code: str
    severity: Severity
    message: str
    page: int | None = None
    theme: str | None = None
    report: str | None = None
    text: str | None = None
    suggestion: str | None = None


# --- extract -------------------------------------------------------------------------------


class Cell(Frozen):
    """Text that a PDF extractor placed in one column of one printed line."""

    column: Column
    text: str
    bbox: BBox | None = None
    link: str | None = None
    # For a theme cell: True/False when the layout shows whether a new cell starts here
    # (a rule or a gap above it); None leaves the decision to the theme-name grammar.
    starts: bool | None = None
    # For a theme cell: why the layout could not settle where its theme starts.
    finding: str | None = None
    # For a report cell: the second part of a symbol broken by a page break, which the
    # extractor already joined to the row's first part; it gives the row a page and a box.
    joined: bool = False


class Line(Frozen):
    """One printed line. `cells` is filled only when the extractor knows the columns (PDF);
    the text path leaves it empty and lets `reassemble` decide columns by grammar."""

    text: str
    page: int
    top: float
    cells: tuple[Cell, ...] = ()
    kind: Literal["text", "uri", "page-break", "header", "furniture"] = "text"


class GroupBox(Frozen):
    """One page's part of a row group and the evidence that started it: rule, gap,
    alignment (the document's theme alignment fitted to the page), order (a row back in
    report order), page (first on its page), repeat (the name printed again), grammar
    (left to the theme-name grammar)."""

    bbox: BBox
    reason: str
    finding: str | None = None


class PageLayout(Frozen):
    """What a PDF extractor found on one page: the table body's vertical extent and the
    left edge of each column. Kept for `recindex debug` and for tests of the geometry."""

    page: int
    width: float
    height: float
    top: float
    bottom: float
    right: float
    columns: dict[Column, float]
    header: BBox | None = None
    # The row groups read on the page (rows sharing a theme cell), for `recindex debug`.
    groups: tuple[GroupBox, ...] = ()


class PageLink(Frozen):
    """A link annotation printed over the table body's report column (PDF): each one is
    a row the page shows, whether or not its text could be read."""

    page: int
    uri: str


class Complaint(Frozen):
    """What reading a page found wrong with it: a message the PDF library logged (a
    damaged stream, an object it could not execute), or text printed over other text.
    Shown as a finding on that page, never on stderr."""

    page: int
    message: str
    code: str = "pdf-damaged"
    severity: Severity = Severity.WARNING
    text: str | None = None


class Lines(Frozen):
    source: SourceInfo
    lines: tuple[Line, ...]
    layouts: tuple[PageLayout, ...] = ()
    links: tuple[PageLink, ...] = ()
    complaints: tuple[Complaint, ...] = ()
    # False for a text dump without form feeds: `clean` then infers page numbers from
    # headers, URI blocks and footers.
    pages_known: bool = True
    # Characters after which the typesetter broke a line inside a word, as a report symbol
    # broken over two lines shows ("CTOC/COP/WG." / "4/2010/6": "."), sorted.
    word_breaks: tuple[str, ...] = ()


# --- clean ---------------------------------------------------------------------------------


class Folio(Frozen):
    """A page number printed on a page ("2/13"), with the page it was read on."""

    page: int
    number: int
    of: int


class Evidence(Frozen):
    """What the source shows exists besides the table's text: printed page numbers, link
    annotations, the pages read. Validation checks the table against it, so that a lost
    page or row is an error finding, never a silent gap."""

    pages_read: int = 0
    # Whether `pages_read` counts real pages (PDF, form feeds) or inferred ones.
    pages_known: bool = True
    folios: tuple[Folio, ...] = ()
    # Pages on which anything at all was read (a first page prints no "n/N" but has text).
    text_pages: tuple[int, ...] = ()
    links: tuple[PageLink, ...] = ()
    complaints: tuple[Complaint, ...] = ()
    # `Lines.word_breaks`: a line break after one of them before a letter or digit stood
    # for no space.
    word_breaks: tuple[str, ...] = ()


class DocumentMeta(Frozen):
    symbol: str | None
    language: str
    title: str | None
    job_number: str | None
    reference_document: str | None


class TableLines(Frozen):
    """Only the table body: furniture, URIs, headers and preamble are gone, but what they
    told us (metadata, the URI record) is kept."""

    source: SourceInfo
    meta: DocumentMeta
    lines: tuple[Line, ...]
    uris: tuple[str, ...] = ()
    evidence: Evidence = Evidence()
    # The page each URI line is printed on (the block at a page's end).
    uri_pages: tuple[int, ...] = ()


# --- reassemble ----------------------------------------------------------------------------


class RawEntry(Frozen):
    report: str
    paragraphs_text: str
    references_text: str
    pages: tuple[int, ...]
    boxes: tuple[CellBox, ...] = ()
    link: str | None = None


class RawTheme(Frozen):
    name: str
    pages: tuple[int, ...]
    entries: tuple[RawEntry, ...]
    boxes: tuple[CellBox, ...] = ()


class RawTable(Frozen):
    source: SourceInfo
    meta: DocumentMeta
    themes: tuple[RawTheme, ...]
    uris: tuple[str, ...] = ()
    evidence: Evidence = Evidence()
    uri_pages: tuple[int, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()


# --- normalize (the published contract) ----------------------------------------------------


class Paragraph(Frozen):
    """A paragraph of a meeting report, with its subparagraph letter if one is cited."""

    number: int
    letter: str | None = None


class Reference(Frozen):
    """A paragraph of the compilation document: roman section, paragraph, letter."""

    section: str
    paragraph: int
    letter: str | None = None


class Entry(Frozen):
    report: str
    paragraphs_text: str
    references_text: str
    paragraphs: tuple[Paragraph, ...]
    references: tuple[Reference, ...]
    pages: tuple[int, ...]
    boxes: tuple[CellBox, ...] = ()
    link: str | None = None
    diagnostics: tuple[Diagnostic, ...] = ()


class Theme(Frozen):
    position: int
    name: str
    pages: tuple[int, ...]
    entries: tuple[Entry, ...]


class IndexDocument(Frozen):
    """The published data: `index.json` is exactly this model."""

    schema_version: Literal[1] = 1
    symbol: str | None
    language: str
    title: str | None
    job_number: str | None
    reference_document: str | None
    source: SourceInfo
    themes: tuple[Theme, ...]
    diagnostics: tuple[Diagnostic, ...] = Field(default=())

"""PDF sources: words, hyperlinks and rules of each page become `Lines` with known columns.

The PDF is read once per page by one of two engines that give the same words, link
annotations and horizontal strokes (`pdf_pages`: pdfium by default, or pdfplumber),
behind a single boundary that turns every parser failure into one `InputError`. The
layout is then read from geometry alone (see `pdf_layout`): the header labels of the
document's language give the columns, the page furniture bounds the table body, and each
body line is split into cells. Lines outside the table are passed on as plain text so that
`clean` reads the title, symbol, job number and page count exactly as it does for a text
dump.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Literal

from pipeline.errors import InputError
from pipeline.extraction.engines import DEFAULT_ENGINE, Engine
from pipeline.extraction.pdf_layout import (
    COLUMNS,
    BodyRow,
    Header,
    Link,
    PageContent,
    PrintedLine,
    Word,
    body_rows,
    column_lines,
    find_header,
    header_lines,
    printed_lines,
)
from pipeline.extraction.pdf_pages import read_pages
from pipeline.extraction.pdf_themes import ThemeLine, theme_starts
from pipeline.languages import Language, known_languages
from pipeline.models import BBox, Cell, Column, Line, Lines, PageLayout, SourceInfo
from pipeline.patterns import FOOTER_RE, JOB_NUMBER_RE, SYMBOL_RE

_Kind = Literal["text", "header", "furniture"]


def _headers(
    pages: Sequence[PageContent], language: Language | None, name: str
) -> list[Header | None]:
    """Each page's table header, in the language whose header labels are laid out as a
    table header on some page (`Header.language`).

    Every language is tried only until one is found: the pages before it have no header
    in any language, and the later ones are searched in that language alone.
    """
    candidates = [language] if language else list(known_languages().values())
    for i, page in enumerate(pages):
        for candidate in candidates:
            header = find_header(page.words, candidate)
            if header is not None:
                rest = [find_header(later.words, candidate) for later in pages[i + 1 :]]
                return [None] * i + [header, *rest]
    known = ", ".join(sorted(c.code for c in candidates))
    raise InputError(f"{name}: no table header of a known language found (known: {known})")


def _is_furniture(line: PrintedLine) -> bool:
    return bool(FOOTER_RE.match(line.text) or SYMBOL_RE.fullmatch(line.text))


def _is_footer(line: PrintedLine) -> bool:
    """The footer ends the table body; no cell starts with a job number ("V.19-07098"),
    so a footer that carries more than FOOTER_RE expects still ends it."""
    return bool(FOOTER_RE.match(line.text) or JOB_NUMBER_RE.match(line.text))


def _link_for(cell_box: BBox, links: Sequence[Link]) -> str | None:
    """The URI of the link annotation covering most of the cell's text."""
    best, best_area = None, 0.0
    for link in links:
        width = min(cell_box.x1, link.x1) - max(cell_box.x0, link.x0)
        height = min(cell_box.bottom, link.bottom) - max(cell_box.top, link.top)
        if width > 0 and height > 0 and width * height > best_area:
            best, best_area = link.uri, width * height
    return best


def _cells(row: BodyRow, links: Sequence[Link], starts: dict[int, bool | None]) -> list[Cell]:
    cells: list[Cell] = []
    for column in COLUMNS:
        part = row.parts.get(column)
        if part is None:
            continue
        box = BBox(x0=part.x0, top=part.top, x1=part.x1, bottom=part.bottom)
        cells.append(
            Cell(
                column=column,
                text=part.text,
                bbox=box,
                link=_link_for(box, links) if column is Column.REPORT else None,
                starts=starts.get(id(part)) if column is Column.THEME else None,
            )
        )
    return cells


class _Page:
    """One page cut into furniture, text outside the table, header lines and body rows."""

    def __init__(self, content: PageContent, header: Header | None, table: Header | None):
        self.content = content
        self.header = header
        self.table = header or table
        self.plain: list[tuple[PrintedLine, _Kind]] = []
        self.rows: list[BodyRow] = []
        self.layout: PageLayout | None = None
        lines = printed_lines(content.words)
        if self.table is None:
            self.plain = [(line, _plain_kind(line)) for line in lines]
            return
        heads = set(header_lines(lines, header)) if header else set()
        start = max(heads) + 1 if heads else _after_furniture(lines)
        end = next((i for i in range(start, len(lines)) if _is_footer(lines[i])), len(lines))
        body: list[Word] = []
        for i, line in enumerate(lines):
            if i in heads:
                self.plain.append((line, "header"))
            elif start <= i < end:
                body.extend(line.words)
            else:
                self.plain.append((line, _plain_kind(line)))
        self.rows = body_rows(column_lines(body, self.table))
        table_words = [
            w for i, line in enumerate(lines) if i in heads or start <= i < end for w in line.words
        ]
        right = max((w.x1 for w in table_words), default=content.width)
        left = self.table.lefts[Column.THEME]
        self.layout = PageLayout(
            page=content.number,
            width=content.width,
            height=content.height,
            top=lines[start].top if start < len(lines) else content.height,
            bottom=lines[end - 1].bottom if end > start else content.height,
            right=right,
            columns=dict(self.table.lefts),
            header=BBox(x0=left, top=header.top, x1=right, bottom=header.bottom)
            if header
            else None,
        )

    def theme_lines(self) -> Iterator[ThemeLine]:
        if self.table is None:
            return
        row_tops = tuple(
            row.parts[Column.REPORT].top
            for row in self.rows
            if Column.REPORT in row.parts and SYMBOL_RE.fullmatch(row.parts[Column.REPORT].text)
        )
        span = (self.table.lefts[Column.THEME], self.table.lefts[Column.REPORT])
        parts = [part for row in self.rows for part in row.parts.values()]
        body = (min(p.top for p in parts), max(p.bottom for p in parts)) if parts else (0, 0)
        for row in self.rows:
            if Column.THEME in row.parts:
                yield ThemeLine(
                    self.content.number,
                    row.parts[Column.THEME],
                    row_tops,
                    self.content.rules,
                    span,
                    body,
                )

    def lines(self, starts: dict[int, bool | None]) -> list[Line]:
        number = self.content.number
        out = [
            Line(text=line.text, page=number, top=line.top, kind=kind) for line, kind in self.plain
        ]
        for row in self.rows:
            cells = _cells(row, self.content.links, starts)
            text = " ".join(cell.text for cell in cells)
            out.append(Line(text=text, page=number, top=row.top, cells=tuple(cells)))
        return sorted(out, key=lambda line: line.top)


def _plain_kind(line: PrintedLine) -> _Kind:
    return "furniture" if _is_furniture(line) else "text"


def _after_furniture(lines: Sequence[PrintedLine]) -> int:
    """Where the body of a page without a repeated header starts: after its running head."""
    i = 0
    while i < len(lines) and _is_furniture(lines[i]):
        i += 1
    return i


def pdf_to_lines(
    data: bytes,
    source: SourceInfo,
    language: Language | None = None,
    engine: Engine = DEFAULT_ENGINE,
) -> Lines:
    """Read a PDF index into lines; table-body lines carry their cells by column."""
    content = read_pages(data, source.name, engine)
    headers = _headers(content, language, source.name)
    pages: list[_Page] = []
    table: Header | None = None
    for page, header in zip(content, headers, strict=True):
        pages.append(_Page(page, header, table))
        table = header or table
    # Theme cells run across pages, so their starts are decided over the whole document;
    # the decisions are looked up by the identity of the column line they concern.
    items = [item for page in pages for item in page.theme_lines()]
    starts = {
        id(item.line): decision for item, decision in zip(items, theme_starts(items), strict=True)
    }
    return Lines(
        source=source.model_copy(update={"pages": len(content)}),
        lines=tuple(line for page in pages for line in page.lines(starts)),
        layouts=tuple(page.layout for page in pages if page.layout is not None),
        pages_known=True,
    )

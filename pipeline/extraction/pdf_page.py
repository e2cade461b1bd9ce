"""One page of a PDF table as the layout reads it: furniture, plain text, header lines,
theme-column lines and body rows (a row: its report-symbol line and the lines under it),
each cell with its box and link; and what the page shows of its own printing faults.

`pdf` reads every page into a `PageReading`, fits the columns and row groups over the
whole document, and `pdf_lines` turns the pages back into `Lines` in reading order.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Literal

from pipeline.extraction.pdf_bidi import Brackets
from pipeline.extraction.pdf_body import (
    BodyRow,
    ColumnLine,
    body_rows,
    column_lines,
    rejoin_symbols,
)
from pipeline.extraction.pdf_evidence import Block, PageFrame, Row
from pipeline.extraction.pdf_header_band import (
    header_body_words,
    header_lines,
    is_label_text,
    is_symbol_piece,
)
from pipeline.extraction.pdf_layout import (
    COLUMNS,
    Header,
    Link,
    PageContent,
    PlaceKey,
    PrintedLine,
    Word,
    place_key,
    printed_lines,
)
from pipeline.models import (
    BBox,
    Cell,
    Column,
    Line,
    PageLayout,
    PageLink,
)
from pipeline.patterns import (
    BARCODE_RE,
    JOB_NUMBER_RE,
    SYMBOL_RE,
    SymbolKey,
    is_furniture_text,
    symbol_key,
)
from pipeline.settings import SETTINGS

_Kind = Literal["text", "header", "furniture"]


def _is_furniture(line: PrintedLine) -> bool:
    return is_furniture_text(line.text) or bool(SYMBOL_RE.fullmatch(line.text))


def _is_footer(line: PrintedLine) -> bool:
    """The footer ends the table body; no cell starts with a job number ("V.19-07098"),
    so a footer that carries more than FOOTER_RE expects still ends it."""
    return bool(
        is_furniture_text(line.text)
        or JOB_NUMBER_RE.match(line.text)
        or BARCODE_RE.match(line.text)
    )


def _link_for(cell_box: BBox, links: Sequence[Link]) -> str | None:
    """The URI of the link annotation covering most of the cell's text."""
    best, best_area = None, 0.0
    for link in links:
        width = min(cell_box.x1, link.x1) - max(cell_box.x0, link.x0)
        height = min(cell_box.bottom, link.bottom) - max(cell_box.top, link.top)
        if width > 0 and height > 0 and width * height > best_area:
            best, best_area = link.uri, width * height
    return best


def _cells(row: BodyRow, links: Sequence[Link]) -> list[Cell]:
    cells: list[Cell] = []
    for column in COLUMNS:
        part = row.parts.get(column)
        if part is None:
            continue
        if part.borrowed:  # printed on the next page, read here
            cells.append(Cell(column=column, text=part.text))
            continue
        box = BBox(x0=part.x0, top=part.top, x1=part.x1, bottom=part.bottom)
        link = _link_for(box, links) if column is Column.REPORT else None
        cells.append(Cell(column=column, text=part.text, bbox=box, link=link, joined=part.joined))
    return cells


def _is_anchor(row: BodyRow) -> bool:
    report = row.parts.get(Column.REPORT)
    return report is not None and bool(SYMBOL_RE.fullmatch(report.text))


def _plain_kind(line: PrintedLine) -> _Kind:
    return "furniture" if _is_furniture(line) else "text"


def _after_furniture(lines: Sequence[PrintedLine]) -> int:
    """Where the body of a page without a repeated header starts: after its running head."""
    i = 0
    while i < len(lines) and _is_furniture(lines[i]):
        i += 1
    return i


class PageReading:
    """One page cut into furniture, text outside the table, header lines, theme-column
    lines and body rows (a row: its report-symbol line and the lines under it)."""

    def __init__(
        self,
        content: PageContent,
        header: Header | None,
        table: Header | None,
        repeated: frozenset[PlaceKey] = frozenset(),
    ):
        self.content = content
        # Words printed at the same place on most pages (`repeated_words`): furniture.
        self.repeated = repeated
        self.repeats: list[str] = []
        # Lines of this page's body top that repeat the previous page's last (`echoes`).
        self.echoes: set[int] = set()
        self.echoed: list[str] = []
        self.header = header
        self.table = header or table
        self.plain: list[tuple[PrintedLine, _Kind]] = []
        self.lead: list[BodyRow] = []
        self.rows: list[list[BodyRow]] = []
        self.themes: list[ColumnLine] = []
        # Characters after which a report symbol of this page was broken (`word_break`).
        self.word_breaks: set[str] = set()
        self.layout: PageLayout | None = None
        # A text mixed with another that is the header's label, clipped: not the body's.
        table = self.table
        clipped = [
            text
            for _, texts in content.layered
            if len(texts) > 1
            for text in texts
            if table is not None and is_label_text(text, table)
        ]
        self.clipped = [" ".join(w.text for w in text) for text in clipped]
        left_out = {id(w) for text in clipped for w in text}
        self.lines = printed_lines(w for w in content.words if id(w) not in left_out)
        if self.table is None:
            self.plain = [(line, _plain_kind(line)) for line in self.lines]
            return
        self.heads = set(header_lines(self.lines, header)) if header else set()
        self.start = max(self.heads) + 1 if self.heads else _after_furniture(self.lines)
        self.end = next(
            (i for i in range(self.start, len(self.lines)) if _is_footer(self.lines[i])),
            len(self.lines),
        )

    def body_words(self) -> list[Word]:
        """The words of the body's band that are surely cells (not furniture, nor a lone
        symbol that may be the running head), for finding where the columns start; a
        word run over a label's start is cut there (`Header.cells_of`)."""
        table = self.table
        return [
            part
            for line in self.lines[self.start : self.end]
            if not is_furniture_text(line.text)
            and not BARCODE_RE.match(line.text)
            and not SYMBOL_RE.fullmatch(line.text)
            if not self._repeated(line)
            for w in line.words
            for part in (table.cells_of(w, seams=False) if w.cuts and table else (w,))
        ]

    def read(self, table: Header) -> None:
        """Cut the page into plain lines, theme-column lines and body rows, with the
        columns as the body shows them (`pdf_columns`)."""
        self.table = table
        lines, heads, start, end = self.lines, self.heads, self.start, self.end
        header = self.header
        content = self.content
        body: list[Word] = []
        above = ""  # the last word of the references label read so far (a wrapped symbol)
        for i, line in enumerate(lines):
            if i in heads and header is not None:
                # A row set level with the header's last line is the body's.
                spilled = header_body_words(line, header, above)
                if spilled:
                    body.extend(spilled)
                    line = PrintedLine([w for w in line.words if w not in spilled])
                labels = [w for w in line.words if Column.REFERENCES in header.label_columns(w)]
                above = labels[-1].text if labels else above
                if line.words:
                    self.plain.append((line, "header"))
            elif i in heads:
                self.plain.append((line, "header"))
            elif start <= i < end and i in self.echoes:
                self.plain.append((line, "furniture"))
                self.echoed.append(line.text)
            elif start <= i < end and self._repeated(line):
                self.plain.append((line, "furniture"))
                self.repeats.append(line.text)
            elif start <= i < end and not self._furniture_in_body(line):
                body.extend(line.words)
            else:
                self.plain.append((line, _plain_kind(line)))
        # A piece of the header's document symbol below the header (a label Writer clips
        # but still writes) is the header's: no cell of the references column holds one;
        # so is a word of the reference label written level with the first body line.
        label = [w for w in body if is_symbol_piece(w, self.table) or self._clipped_label(w)]
        if label:
            body = [w for w in body if w not in label]
            self.plain.append((PrintedLine(label), "header"))
        found = column_lines(body, self.table)
        self.word_breaks |= rejoin_symbols(found)
        self.themes = [c for c in found if c.column is Column.THEME]
        for row in body_rows([c for c in found if c.column is not Column.THEME]):
            if _is_anchor(row):
                self.rows.append([row])
            elif self.rows:
                self.rows[-1].append(row)
            else:
                self.lead.append(row)
        table_words = [
            w for i, line in enumerate(lines) if i in heads or start <= i < end for w in line.words
        ]
        self.right = max((w.x1 for w in table_words), default=content.width)
        left = self.table.lefts[Column.THEME]
        self.layout = PageLayout(
            page=content.number,
            width=content.width,
            height=content.height,
            top=lines[start].top if start < len(lines) else content.height,
            bottom=lines[end - 1].bottom if end > start else content.height,
            right=self.right,
            columns=dict(self.table.lefts),
            header=BBox(x0=left, top=header.top, x1=self.right, bottom=header.bottom)
            if header
            else None,
        )

    def table_links(self) -> list[PageLink]:
        """The link annotations over the report column of the table body, in reading
        order: the rows this page shows exist. On a page whose text cannot be read at all
        (a damaged content stream) the annotations still stand, so the whole column counts."""
        if self.table is None:
            return []
        left = self.table.lefts[Column.REPORT]
        right = self.table.lefts[Column.PARAGRAPHS]
        top, bottom = (0.0, self.content.height)
        if self.content.words and self.layout is not None:
            top, bottom = self.layout.top, self.layout.bottom
        found = [
            link
            for link in self.content.links
            if left <= (link.x0 + link.x1) / 2 < right
            and top <= (link.top + link.bottom) / 2 <= bottom
        ]
        return [
            PageLink(page=self.content.number, uri=link.uri)
            for link in sorted(found, key=lambda link: (link.top, link.x0))
        ]

    def echoes_of(self, above: PageReading) -> None:
        """Mark this page's first body lines that only repeat, at the same place, the
        start of a word of the previous page's last body lines: a browser paints a line
        split by the page break on both pages, clipped, and of its copy on this page
        writes only a glyph reaching over the break (the "(" of "(forces de"). Only
        glyphs without a letter or digit: a name repeated at a page top is no copy."""
        if self.table is None or above.table is None or above.start >= above.end:
            return
        last = [
            w
            for line in above.lines[max(above.start, above.end - 2) : above.end]
            for w in line.words
        ]
        tol = SETTINGS.column_edge_pt
        for i in range(self.start, min(self.start + 2, self.end)):
            line = self.lines[i]
            if all(
                not any(c.isalnum() for c in w.text)
                and any(
                    abs(p.x0 - w.x0) <= tol and p.text.startswith(w.text) and p.text != w.text
                    for p in last
                )
                for w in line.words
            ):
                self.echoes.add(i)

    def _clipped_label(self, word: Word) -> bool:
        """Whether a body word is the reference label's, clipped by its cell and written
        level with the first body line ("section/paragraphe/alinéa)"): a piece of the
        label (`is_label_text`) in the references column, right under the header."""
        header, table = self.header, self.table
        return (
            header is not None
            and table is not None
            and word.top <= header.bottom + SETTINGS.label_line_pitch * word.size
            and table.column_of(word) is Column.REFERENCES
            and is_label_text([word], table)
        )

    def _repeated(self, line: PrintedLine) -> bool:
        """Whether the line is printed at the same place on most pages and holds no digit,
        slash or dot: page furniture (a browser's clipped accents at every page foot). A
        row's line may stand at one place on most pages of a regular table ("CTOC/COP/"
        or "WG." at each page's first row), but each holds a piece of a symbol or a
        number; and no name is printed on most pages."""
        return (
            bool(self.repeated)
            and not any(c.isdigit() or c in "/." for c in line.text)
            and all(place_key(w) in self.repeated for w in line.words)
        )

    def _furniture_in_body(self, line: PrintedLine) -> bool:
        """Page furniture standing inside the body's band: a footer line, or the running
        symbol alone on its line outside the report column."""
        if is_furniture_text(line.text) or BARCODE_RE.match(line.text):
            return True
        if self.table is None or not SYMBOL_RE.fullmatch(line.text):
            return False
        slack = SETTINGS.column_slack * line.size
        lefts = self.table.lefts
        return not lefts[Column.REPORT] - slack <= line.x0 < lefts[Column.PARAGRAPHS]

    def frame(
        self, first: bool, previous: SymbolKey = (), mirrored: Brackets | None = None
    ) -> PageFrame:
        assert self.table is not None
        rows = tuple(
            Row(
                top=group[0].top,
                bottom=max(part.bottom for r in group for part in r.parts.values()),
                order=symbol_key(group[0].parts[Column.REPORT].text),
            )
            for group in self.rows
        )
        sizes = [line.size for line in self.themes] or [self.table.size]
        return PageFrame(
            page=self.content.number,
            rows=rows,
            themes=tuple(self.themes),
            rules=self.content.rules,
            span=(self.table.lefts[Column.THEME], self.table.lefts[Column.REPORT]),
            size=statistics.median(sizes),
            first=first,
            previous=previous,
            mirrored=mirrored,
        )

    def plain_lines(self) -> list[Line]:
        number = self.content.number
        return [
            Line(text=line.text, page=number, top=line.top, kind=kind) for line, kind in self.plain
        ]

    def row_lines(self, rows: Sequence[BodyRow]) -> list[Line]:
        number = self.content.number
        out = []
        for row in rows:
            cells = _cells(row, self.content.links)
            text = " ".join(cell.text for cell in cells)
            out.append(Line(text=text, page=number, top=row.top, cells=tuple(cells)))
        return out

    def theme_lines(
        self, block: Block, starts: bool | None, finding: str | None = None
    ) -> list[Line]:
        out = []
        for k, part in enumerate(block.lines):
            box = BBox(x0=part.x0, top=part.top, x1=part.x1, bottom=part.bottom)
            cell = Cell(
                column=Column.THEME,
                text=part.text,
                bbox=box,
                starts=starts if k == 0 else False,
                finding=finding if k == 0 else None,
            )
            out.append(Line(text=part.text, page=self.content.number, top=part.top, cells=(cell,)))
        return out

    def repeat_lines(self, block: Block) -> list[Line]:
        """A theme name printed again at a page top: furniture of the page, not a cell."""
        number = self.content.number
        return [
            Line(text=part.text, page=number, top=part.top, kind="furniture")
            for part in block.lines
        ]

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

import itertools
import statistics
from collections.abc import Sequence
from dataclasses import replace
from typing import Literal

from pipeline.errors import InputError
from pipeline.extraction.engines import DEFAULT_ENGINE, Engine
from pipeline.extraction.pdf_bidi import (
    is_mirrored,
    mirrored_language,
    oriented,
    restore_layout,
    restore_lines,
)
from pipeline.extraction.pdf_columns import by_geometry, fit_columns, page_shifts, shifted
from pipeline.extraction.pdf_evidence import Block, PageFrame, Row, overlaps, squash
from pipeline.extraction.pdf_groups import Reading, read_groups
from pipeline.extraction.pdf_layout import (
    COLUMNS,
    BodyRow,
    ColumnLine,
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
    rejoin_across,
)
from pipeline.extraction.pdf_pages import read_pages
from pipeline.languages import Language, known_languages
from pipeline.models import (
    BBox,
    Cell,
    Column,
    Complaint,
    GroupBox,
    Line,
    Lines,
    PageLayout,
    PageLink,
    Severity,
    SourceInfo,
)
from pipeline.patterns import (
    BARCODE_RE,
    JOB_NUMBER_RE,
    SYMBOL_RE,
    SymbolKey,
    goes_back,
    is_furniture_text,
    symbol_key,
)
from pipeline.settings import SETTINGS

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
            # A right-to-left edition is read mirrored, its labels as mirrored (pdf_bidi).
            labels = mirrored_language(candidate)
            header = find_header(oriented(page, candidate).words, labels)
            if header is not None:
                rest = [find_header(oriented(p, candidate).words, labels) for p in pages[i + 1 :]]
                return [None] * i + [header, *rest]
    if language is not None:
        # Say which edition this is, if another language's header is there.
        other = next(
            (
                candidate
                for candidate in known_languages().values()
                if candidate != language
                and any(
                    find_header(oriented(page, candidate).words, mirrored_language(candidate))
                    for page in pages
                )
            ),
            None,
        )
        if other is not None:
            raise InputError(
                f"{name}: no table header in {language.name} ({language.code}); the header "
                f"is in {other.name} ({other.code}): use --lang {other.code} or --lang auto"
            )
    known = ", ".join(sorted(c.code for c in candidates))
    raise InputError(f"{name}: no table header of a known language found (known: {known})")


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
        box = BBox(x0=part.x0, top=part.top, x1=part.x1, bottom=part.bottom)
        link = _link_for(box, links) if column is Column.REPORT else None
        cells.append(Cell(column=column, text=part.text, bbox=box, link=link, joined=part.joined))
    return cells


def _is_anchor(row: BodyRow) -> bool:
    report = row.parts.get(Column.REPORT)
    return report is not None and bool(SYMBOL_RE.fullmatch(report.text))


class _Page:
    """One page cut into furniture, text outside the table, header lines, theme-column
    lines and body rows (a row: its report-symbol line and the lines under it)."""

    def __init__(self, content: PageContent, header: Header | None, table: Header | None):
        self.content = content
        self.header = header
        self.table = header or table
        self.plain: list[tuple[PrintedLine, _Kind]] = []
        self.lead: list[BodyRow] = []
        self.rows: list[list[BodyRow]] = []
        self.themes: list[ColumnLine] = []
        self.layout: PageLayout | None = None
        self.lines = printed_lines(content.words)
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
            for w in line.words
            for part in (table.cells_of(w) if w.cuts and table else (w,))
        ]

    def read(self, table: Header) -> None:
        """Cut the page into plain lines, theme-column lines and body rows, with the
        columns as the body shows them (`pdf_columns`)."""
        self.table = table
        lines, heads, start, end = self.lines, self.heads, self.start, self.end
        header = self.header
        content = self.content
        body: list[Word] = []
        for i, line in enumerate(lines):
            if i in heads:
                self.plain.append((line, "header"))
            elif start <= i < end and not self._furniture_in_body(line):
                body.extend(line.words)
            else:
                self.plain.append((line, _plain_kind(line)))
        found = column_lines(body, self.table)
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

    def take_symbol_from(self, below: _Page) -> None:
        """A report symbol broken by the page break (`rejoin_across`): the row at this
        page's foot becomes a row of its own, and its cells on the next page (the symbol's
        second part among them) go on as that page's lead."""
        tail = self.rows[-1] if self.rows else self.lead
        if not tail or not below.lead or not rejoin_across(tail[-1], below.lead[0]):
            return
        self.rows.append([tail.pop()])

    def overprinted(self) -> list[Complaint]:
        """Text printed over other text: one error per word whose letters mix two texts
        (what is read there is not what either says), one warning per theme line set
        over another (each still legible, read as two cells)."""
        out: dict[str, Complaint] = {}
        for x0, top, x1, bottom in self.content.overprints:
            x, y = (x0 + x1) / 2, (top + bottom) / 2
            for word in self.content.words:
                if word.x0 <= x <= word.x1 and word.top <= y <= word.bottom:
                    out.setdefault(
                        word.text,
                        Complaint(
                            page=self.content.number,
                            code="text-overprinted",
                            severity=Severity.ERROR,
                            message=(
                                f"text printed over other text on page {self.content.number}: "
                                f"{word.text!r} mixes the letters of both, so neither can be "
                                "read there"
                            ),
                            text=word.text,
                        ),
                    )
                    break
        ordered = sorted(self.themes, key=lambda line: line.top)
        for upper, lower in itertools.pairwise(ordered):
            if overlaps(upper, lower):
                out.setdefault(
                    lower.text,
                    Complaint(
                        page=self.content.number,
                        code="text-overlap",
                        severity=Severity.WARNING,
                        message=(
                            f"two theme lines are printed over each other on page "
                            f"{self.content.number} ({upper.text!r} and {lower.text!r}): "
                            "read as two cells, one painted over the other"
                        ),
                        text=lower.text,
                    ),
                )
        return list(out.values())

    def frame(self, first: bool, previous: SymbolKey = ()) -> PageFrame:
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


def _plain_kind(line: PrintedLine) -> _Kind:
    return "furniture" if _is_furniture(line) else "text"


def _after_furniture(lines: Sequence[PrintedLine]) -> int:
    """Where the body of a page without a repeated header starts: after its running head."""
    i = 0
    while i < len(lines) and _is_furniture(lines[i]):
        i += 1
    return i


def _is_repeat(text: str, names: Sequence[str], language: Language) -> bool:
    """The theme name printed again, alone or with a continuation mark before or after."""
    key = squash(text)
    for mark in language.theme.continued:
        folded = squash(mark)
        key = key.removesuffix(folded).removeprefix(folded)
    return not key or any(key == squash(name) for name in names if name)


# Why a theme line in a tight table is left to the theme-name grammar (`Cell.finding`).
_TIGHT = (
    "rows are set as close as the lines of a name and no rule or gap parts the groups, "
    "so only the wording tells a new name from a continued one"
)

_HELD = (
    "the rows before it, at the foot of the previous page, stand beside no name: read as "
    "this name's first rows, they could also end the theme above"
)


def _report(lines: Sequence[Line], last: bool = False) -> str | None:
    """The report symbol of the first (or last) row among these lines."""
    found = (cell.text for line in lines for cell in line.cells if cell.column is Column.REPORT)
    reports = list(found)
    return (reports[-1] if last else reports[0]) if reports else None


def _goes_back(held: Sequence[Line], rows: Sequence[Line]) -> bool:
    """Whether the first of `rows` sorts before (or with) the last of `held`: one theme
    cannot list them in that order, so the held rows end the theme above."""
    before, after = _report(held, last=True), _report(rows)
    return (
        before is not None
        and after is not None
        and goes_back(symbol_key(before), symbol_key(after))
    )


def _page_lines(
    pages: Sequence[_Page], reading: Reading, language: Language
) -> tuple[list[Line], dict[int, tuple[GroupBox, ...]]]:
    """Every table line in reading order: each group's theme lines before its rows, a
    repeated name set aside as furniture, a group whose name is printed on the next page
    held until that name is read."""
    out: list[Line] = []
    boxes: dict[int, tuple[GroupBox, ...]] = {}
    names: list[str] = []  # what the current theme's name may be, as far as read
    held: list[Line] = []  # rows of a group whose name is on the next page
    fitted = iter(reading.pages)
    for page in pages:
        out.extend(page.plain_lines())
        if page.table is None:
            continue
        found = next(fitted)
        if found.repeat is not None:
            out.extend(page.repeat_lines(found.repeat))
        # Lines above the page's first row end the previous page's last row: after the
        # rows held for a name, when there are some, since that row is the last of them.
        (held if held else out).extend(page.row_lines(page.lead))
        drawn: list[GroupBox] = []
        last = len(found.groups) - 1
        for index, group in enumerate(found.groups):
            rows = [r for rs in page.rows[group.start : group.end] for r in rs]
            block, reason, finding = group.block, group.reason, group.finding
            if block is None and index == last and index > 0:
                held.extend(page.row_lines(rows))  # its name is on the next page
                drawn.append(_box(page, rows, None, "name on next page", finding))
                continue
            if block is None:
                reason = "page" if index == 0 else reason
            elif index == 0 and held and _goes_back(held, page.row_lines(rows)):
                out.extend(held)  # back in report order: they end the theme above
                held.clear()
                reason = "order"
                out.extend(page.theme_lines(block, True, finding))
                names = [block.text]
            elif index == 0 and held:
                # A new name, or the rest of the name above (a cell split by the page
                # break, its name set at the foot and the top): left to the grammar.
                reason = "name on next page"
                out.extend(page.theme_lines(block, None, finding or _HELD))
                names = [*(f"{name} {block.text}" for name in names), block.text]
            elif index == 0 and names:
                if _is_repeat(block.text, names, language):
                    reason = "repeat"
                    out.extend(page.repeat_lines(block))
                elif group.end == 0:
                    # Above the page's first row: no cell starts above its first row.
                    reason = "above first row"
                    out.extend(page.theme_lines(block, False, finding))
                    names = [f"{name} {block.text}" for name in names]
                else:
                    reason = "grammar"
                    out.extend(page.theme_lines(block, None, finding))
                    names = [*(f"{name} {block.text}" for name in names), block.text]
            elif group.grammar:
                # Level with a row top in a tight table: a new name or the same one?
                out.extend(page.theme_lines(block, None, finding or _TIGHT))
                names = [*(f"{name} {block.text}" for name in names), block.text]
            else:
                out.extend(page.theme_lines(block, True, finding))
                names = [block.text]
            out.extend(held)  # rows held for a name; kept with the current theme if none came
            held.clear()
            out.extend(page.row_lines(rows))
            drawn.append(_box(page, rows, block, reason, finding))
        boxes[page.content.number] = tuple(drawn)
    out.extend(held)
    return out, boxes


def _box(
    page: _Page, rows: Sequence[BodyRow], block: Block | None, reason: str, finding: str | None
) -> GroupBox:
    parts = [part for row in rows for part in row.parts.values()]
    parts += block.lines if block else []
    assert page.table is not None
    top = min((p.top for p in parts), default=0.0)
    bottom = max((p.bottom for p in parts), default=0.0)
    left = page.table.lefts[Column.THEME]
    return GroupBox(
        bbox=BBox(x0=left, top=top, x1=max(page.right, left), bottom=max(bottom, top)),
        reason=reason,
        finding=finding,
    )


def pdf_to_lines(
    data: bytes,
    source: SourceInfo,
    language: Language | None = None,
    shown: str | None = None,
    engine: Engine = DEFAULT_ENGINE,
) -> Lines:
    """Read a PDF index into lines; table-body lines carry their cells by column. `shown`
    is the file as the user named it, for messages (default: its name); `engine` the
    page reader (`pdf_pages`)."""
    label = shown or source.name
    content, complaints = read_pages(data, label, engine)
    headers = _headers(content, language, label)
    found = next((h for h in headers if h is not None), None)
    assert found is not None
    edition = found.language
    pages: list[_Page] = []
    table: Header | None = None
    for page, header in zip(content, headers, strict=True):
        pages.append(_Page(oriented(page, edition), header, table))
        table = header or table
    tables = [page for page in pages if page.table is not None]
    for header, same in by_geometry([page.table for page in tables]):
        bodies = [tables[k].body_words() for k in same]
        shifts = page_shifts(bodies, [tables[k].header is not None for k in same], header.size)
        fitted = fit_columns(
            header,
            (
                replace(w, x0=w.x0 - dx, x1=w.x1 - dx) if dx else w
                for body, dx in zip(bodies, shifts, strict=True)
                for w in body
            ),
        )
        for k, dx in zip(same, shifts, strict=True):
            tables[k].read(shifted(fitted, dx) if dx else fitted)
    for upper, lower in itertools.pairwise(tables):
        upper.take_symbol_from(lower)
    # Row groups run across pages, and the theme alignment is one for the document, so
    # they are read over the whole table at once.
    frames: list[PageFrame] = []
    for part in tables:
        last = next((f.rows[-1].order for f in reversed(frames) if f.rows), ())
        frames.append(part.frame(first=not frames, previous=last))
    reading = read_groups(frames, edition.theme.continued)
    lines, boxes = _page_lines(pages, reading, edition)
    layouts = [
        page.layout.model_copy(update={"groups": boxes.get(page.content.number, ())})
        for page in pages
        if page.layout is not None
    ]
    if is_mirrored(edition):  # text back in logical order, boxes back on the page
        widths = {page.number: page.width for page in content}
        lines = [
            restored
            for number, page_lines in itertools.groupby(lines, key=lambda line: line.page)
            for restored in restore_lines(page_lines, widths[number])
        ]
        layouts = [restore_layout(layout) for layout in layouts]
    return Lines(
        source=source.model_copy(update={"pages": len(content)}),
        lines=tuple(lines),
        layouts=tuple(layouts),
        links=tuple(link for page in pages for link in page.table_links()),
        complaints=(*complaints, *(c for page in pages for c in page.overprinted())),
        pages_known=True,
    )

"""Group table lines into themes and rows, and put every continuation line in its cell.

Rows start where the report column holds a symbol; everything else continues a cell. When
the extractor knows the columns (PDF), a line's cells say where its text goes. A text dump
does not, so its lines are read by grammar: a line with a roman section ("II.35") belongs
to the references, an enumeration fragment ("et 24 b)") to the paragraphs, anything else
is theme text.

Theme text is held until the next row. Where the PDF layout showed whether a line starts
a new theme cell, that decides, unless the words say a name cannot start or end there.
Otherwise the held block opens a new theme, except that after a page break it first
continues the current theme while that name is unfinished (open parenthesis, trailing
"des", comma or dash, a phrase begun) or while its lines do not start with a capital
(`continue_names`): that joins a theme cut by a page break ("… en particulier des" /
header / "femmes et des enfants"). Once a block has opened a theme, the rest of the block
is that theme, so title-case names ("… Trust" / "Fund for Victims …") are never split.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.languages import Language, get_language
from pipeline.languages.names import bracket_depth, unfinished
from pipeline.models import (
    BBox,
    Cell,
    CellBox,
    Column,
    Diagnostic,
    Line,
    RawEntry,
    RawTable,
    RawTheme,
    Severity,
    TableLines,
)
from pipeline.patterns import (
    SYMBOL_RE,
    breaks_inside_words,
    fold,
    goes_back,
    join_lines,
    seen_in,
    symbol_key,
    unhyphenate,
)
from pipeline.reassemble.continue_names import (
    CLOSED,
    LOWER,
    UNFINISHED,
    closed,
    doubt_finding,
    fills_line,
    first_letter,
    line_width,
    phrase_across,
)
from pipeline.reassemble.joins import cell_text, unspaced_finding, word_breaks
from pipeline.reassemble.text_cells import read_text_line


@dataclass
class _EntryDraft:
    report: str
    paragraphs: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    boxes: dict[tuple[Column, int], BBox] = field(default_factory=dict)
    link: str | None = None

    def add(self, column: Column, text: str, page: int, bbox: BBox | None) -> None:
        if column is Column.PARAGRAPHS:
            self.paragraphs.append(text)
        elif column is Column.REFERENCES:
            self.references.append(text)
        self.pages.append(page)
        if bbox is not None:
            _grow(self.boxes, (column, page), bbox)


@dataclass
class _ThemeDraft:
    """A theme being read. The name is joined as each line arrives, and what `unfinished`
    asks of it (open brackets, the end) is kept up to date, so that a long run of theme
    lines costs time in proportion to its length, not its square."""

    name: str
    pages: list[int]
    entries: list[_EntryDraft] = field(default_factory=list)
    boxes: dict[tuple[Column, int], BBox] = field(default_factory=dict)
    # "(" printed minus ")" printed so far.
    depth: int = 0
    # The name's last printed line (`fills_line` measures it).
    last: Cell | None = None
    # Boundaries the layout could not settle: (what it says, page, next row's report, text).
    doubts: list[tuple[str, int, str | None, str]] = field(default_factory=list)

    @classmethod
    def open(cls, text: str, page: int, spaced: bool) -> _ThemeDraft:
        theme = cls(name="", pages=[])
        theme.extend(text, page, spaced, frozenset())  # no line before to weigh
        return theme

    def extend(self, text: str, page: int, spaced: bool, seen: frozenset[str]) -> None:
        """Add a line; `seen`: what a line-end hyphen is weighed against (`unhyphenate`)."""
        joined = unhyphenate(self.name, fold(text), seen) if self.name else None
        self.name = joined if joined is not None else join_lines([self.name, text], spaced)
        self.depth += bracket_depth(text)
        self.pages.append(page)


@dataclass
class _Builder:
    language: Language
    # The table's words and the hyphens it prints inside words, for telling a word
    # hyphenated at a line end from a compound broken at its hyphen (`unhyphenate`).
    seen: frozenset[str]
    # How wide the theme column's lines run (`line_width`; 0 for a text dump).
    width: float = 0.0
    themes: list[_ThemeDraft] = field(default_factory=list)
    pending: list[tuple[Cell, int]] = field(default_factory=list)
    entry: _EntryDraft | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    last_row_page: int = 0
    # Where the typesetter was seen breaking inside words (`Evidence.word_breaks`).
    shown_breaks: tuple[str, ...] = ()

    def theme_line(self, cell: Cell, page: int) -> None:
        self.pending.append((cell, page))

    def row(self, report: str, page: int, cells: dict[Column, Cell]) -> None:
        self._flush_pending(report)
        if not self.themes:
            self.diagnostics.append(
                Diagnostic(
                    code="row-without-theme",
                    severity=Severity.ERROR,
                    message="a row precedes every theme cell",
                    page=page,
                    report=report,
                )
            )
            self.themes.append(_ThemeDraft(name="", pages=[page]))
        self.last_row_page = page
        link = cells[Column.REPORT].link if Column.REPORT in cells else None
        self.entry = _EntryDraft(report=report, link=link)
        self.themes[-1].entries.append(self.entry)
        for column, cell in cells.items():
            self.entry.add(column, cell.text, page, cell.bbox)

    def cell(self, column: Column, text: str, page: int, bbox: BBox | None = None) -> None:
        if self.entry is None:
            self.orphan(Cell(column=column, text=text, bbox=bbox), page)
        else:
            self.entry.add(column, text, page, bbox)

    def _flush_pending(self, next_report: str | None) -> None:
        """Give each held theme line to the current theme or to a new one.

        When the layout decided (`Cell.starts`), that decision stands, unless it opens a
        name in lower case or ends one that cannot end there (`_cannot_end`): then the
        name goes on; or it puts a capital line on a name its qualifier has closed
        (`_starts_anew`): then a name starts. Either way with a finding. Otherwise: an
        unfinished current theme continues; a line printed on another page than the last
        row continues it unless it starts with a capital; any other line opens a new
        theme, and the rest of the block belongs to the theme it opened. A line the layout
        left to the grammar with a finding (`Cell.finding`: a tight table) is read like a
        line after a page break; the finding is kept only when the reading rests on a
        capital alone (a lower-case start or an unfinished name continues, a row back in
        report order starts a theme: those are certain)."""
        opened = False
        for cell, page in self.pending:
            current = self.themes[-1] if self.themes and self.themes[-1].name else None
            doubt = cell.finding
            if cell.starts and current is not None and first_letter(cell.text).islower():
                # A name never starts in lower case: the stroke or gap the layout read as
                # a boundary runs through a name (a shading edge, a row rule).
                new, doubt = False, LOWER
            elif cell.starts and current is not None and self._cannot_end(current, cell.text):
                # Nor does one end with a bracket open, on an open word or inside a
                # phrase, which a script without case shows where it shows no lower case.
                new, doubt = False, UNFINISHED
            elif cell.starts is False and current is not None and self._starts_anew(current, cell):
                # Nor does a name go on once its qualifier has closed it: the gap the
                # layout read as one cell's leading parts two names.
                new, doubt = True, CLOSED
            elif cell.starts is not None:
                new = cell.starts
            elif current is None:
                new = True
            elif opened or self._cannot_end(current, cell.text):
                new = False
                doubt = None
            elif page != self.last_row_page or cell.finding is not None:
                new, certain = self._starts_after_break(current, cell, next_report)
                if certain:
                    doubt = None
            else:
                new = True
            spaced = self.language.writing.join == "space"
            if new or current is None:
                current = _ThemeDraft.open(cell.text, page, spaced)
                self.themes.append(current)
                opened = True
            else:
                current.extend(cell.text, page, spaced, self.seen)
            current.last = cell
            if doubt is not None:
                current.doubts.append((doubt, page, next_report, cell.text))
            if cell.bbox is not None:
                _grow(current.boxes, (Column.THEME, page), cell.bbox)
        self.pending.clear()

    def _cannot_end(self, current: _ThemeDraft, text: str) -> bool:
        """Whether the name so far cannot end before `text`: it is unfinished, or `text`
        goes on with a phrase the name's end began."""
        phrases = self.language.theme.phrases
        name = current.name
        return unfinished(name, current.depth, self.language) or phrase_across(name, text, phrases)

    @staticmethod
    def _starts_anew(current: _ThemeDraft, cell: Cell) -> bool:
        """Whether a line the layout puts on the name above starts a name of its own: that
        name's bracketed qualifier has closed it, and the line starts with a capital or
        a letter of a script without case."""
        letter = first_letter(cell.text)
        return closed(current.name) and bool(letter) and not letter.islower()

    def _starts_after_break(
        self, current: _ThemeDraft, cell: Cell, report: str | None
    ) -> tuple[bool, bool]:
        """A finished theme, then a line on the next page (or one the layout could not
        place): its tail or a new theme, and whether that is certain? Rows run in report
        order within a theme, so a row that goes back in that order starts a new theme
        (certain); a line starting in lower case or with a sign goes on (certain);
        otherwise a capital starts a theme. A title-case tail ("… Trust" / "Fund for …")
        is then split off as a theme of its own, which the theme-order check flags, rather
        than two themes silently merged. A letter of a script without case (Chinese,
        Arabic) gives no such sign: the line goes on a name whose last line runs to the
        column's edge (`fills_line`) and whose qualifier is not closed (`closed`), and
        starts a theme otherwise."""
        if self._goes_back(current, report):
            return True, True
        first = cell.text[:1]
        if first.isupper():
            return True, False
        if first.isalpha() and first.lower() == first.upper():
            last = current.last
            spaced = self.language.writing.join == "space"
            full = last is not None and fills_line(last, cell, self.width, spaced)
            return not full or closed(current.name), False
        return False, True

    @staticmethod
    def _goes_back(current: _ThemeDraft, report: str | None) -> bool:
        """Whether the next row goes back in report order from the theme's last row."""
        last = current.entries[-1].report if current.entries else None
        return (
            report is not None
            and last is not None
            and goes_back(symbol_key(last), symbol_key(report))
        )

    def orphan(self, cell: Cell, page: int) -> None:
        """Cell text before the first row has nowhere to go: keep it as a diagnostic."""
        self.diagnostics.append(
            Diagnostic(
                code="orphan-cell",
                severity=Severity.ERROR,
                message=f"{cell.column} text before any row; not attached to an entry",
                page=page,
                text=cell.text,
            )
        )

    def finish(self) -> tuple[tuple[RawTheme, ...], list[Diagnostic]]:
        self._flush_pending(None)
        spaced = self.language.writing.join == "space"
        # In a script written without spaces, a break inside a Latin run stood for a space
        # unless the typesetter breaks lines anywhere (`patterns.latin_break`); one cell
        # broken between two Latin letters or digits shows the latter, for the document.
        cells = [
            lines
            for theme in self.themes
            for e in theme.entries
            for lines in (e.paragraphs, e.references)
        ]
        latin_spaced = not spaced and not breaks_inside_words(cells)
        reasons = word_breaks(cells, self.shown_breaks)
        themes = tuple(self._freeze(theme, spaced, latin_spaced, reasons) for theme in self.themes)
        for theme in self.themes:
            self.diagnostics.extend(doubt_finding(theme.name, *doubt) for doubt in theme.doubts)
        return themes, self.diagnostics

    def _freeze(
        self, theme: _ThemeDraft, spaced: bool, latin_spaced: bool, reasons: dict[str, str]
    ) -> RawTheme:
        unspaced_after = frozenset(reasons)
        entries: list[RawEntry] = []
        for entry in theme.entries:
            texts: list[str] = []
            for lines in (entry.paragraphs, entry.references):
                text, plain = cell_text(lines, spaced, latin_spaced, unspaced_after)
                if plain is not None:
                    self.diagnostics.append(
                        unspaced_finding(theme.name, entry.report, text, plain, reasons)
                    )
                texts.append(text)
            entries.append(
                RawEntry(
                    report=entry.report,
                    paragraphs_text=texts[0],
                    references_text=texts[1],
                    pages=tuple(sorted(set(entry.pages))),
                    boxes=_cell_boxes(entry.boxes),
                    link=entry.link,
                )
            )
        pages = sorted(set(theme.pages) | {p for e in entries for p in e.pages})
        return RawTheme(
            name=theme.name,
            pages=tuple(pages),
            entries=tuple(entries),
            boxes=_cell_boxes(theme.boxes),
        )


_ORDER = {column: i for i, column in enumerate(Column)}


def _grow(boxes: dict[tuple[Column, int], BBox], key: tuple[Column, int], bbox: BBox) -> None:
    """A cell's box on a page is the union of its printed lines there."""
    boxes[key] = boxes[key].union(bbox) if key in boxes else bbox


def _cell_boxes(boxes: dict[tuple[Column, int], BBox]) -> tuple[CellBox, ...]:
    return tuple(
        CellBox(column=column, page=page, bbox=bbox)
        for (column, page), bbox in sorted(
            boxes.items(), key=lambda item: (item[0][1], _ORDER[item[0][0]])
        )
    )


def _read_cell_line(builder: _Builder, line: Line) -> None:
    """Place a line whose cells the extractor already assigned to columns."""
    cells = {cell.column: cell for cell in line.cells}
    if Column.THEME in cells:
        builder.theme_line(cells.pop(Column.THEME), line.page)
    report = cells.get(Column.REPORT)
    if report is not None and SYMBOL_RE.fullmatch(report.text) and not report.joined:
        builder.row(report.text, line.page, cells)
        return
    if report is not None and builder.entry is not None:  # a symbol wrapped after a slash
        if not report.joined:
            builder.entry.report += report.text
        elif builder.entry.link is None:  # the symbol was read with the row above
            builder.entry.link = report.link
        builder.entry.add(Column.REPORT, report.text, line.page, report.bbox)
        cells.pop(Column.REPORT)
    for column, cell in cells.items():
        builder.cell(column, cell.text, line.page, cell.bbox)


def table_lines_to_raw_table(table: TableLines) -> RawTable:
    """Rebuild the table's themes and rows from its body lines."""
    seen = seen_in(
        text for line in table.lines for text in (line.text, *(c.text for c in line.cells))
    )
    width = line_width(c for line in table.lines for c in line.cells if c.column is Column.THEME)
    builder = _Builder(get_language(table.meta.language), seen, width)
    builder.shown_breaks = table.evidence.word_breaks
    for line in table.lines:
        if line.cells:
            _read_cell_line(builder, line)
        else:
            read_text_line(builder, line)
    themes, diagnostics = builder.finish()
    return RawTable(
        source=table.source,
        meta=table.meta,
        themes=themes,
        uris=table.uris,
        evidence=table.evidence,
        uri_pages=table.uri_pages,
        diagnostics=tuple(diagnostics),
    )

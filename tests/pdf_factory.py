"""Typeset the index table as a PDF, the way a word processor would, in varied layouts.

The PDF extractor must not depend on one file's coordinates, so the tests print the same
table (taken from the text path's RawTable) on other paper sizes, in other fonts and sizes,
with other column widths, ruled or unruled rows, with or without the repeated header. The
layout follows a word-processor table: a merged theme cell spanning its rows, whose text
flows on across a page break; rows that split across pages line by line; cells padded by
0.3 em; text wrapped at spaces and after dashes (a report symbol, in a narrow column, also
after a slash); hyperlink annotations over the report symbols; a running symbol at the
top of each page and "V.19-07098 n/N" at the bottom.

Fonts come from the system (Debian package fonts-dejavu-core, or fonts-liberation), as
the PDF core fonts cannot print "œ" or "’"; Chinese from fonts-wqy-microhei, Arabic from
fonts-hosny-amiri. Chinese and Arabic are set with real shaping (HarfBuzz, through fpdf2's
`set_text_shaping`): Arabic letters joined, and each Arabic line laid out by fpdf2's own
bidirectional algorithm, so that the PDF stores its glyphs in visual order as a word
processor does. A right-to-left language's table is mirrored: the theme column on the
right, text right-aligned in its cells. A language written without spaces wraps anywhere,
even inside a reference ("I.1" / "7.a"), as the issue says a typesetter may.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from fpdf import FPDF

from pipeline.languages import Language
from pipeline.models import RawTable

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/wqy"),
    Path("/usr/share/fonts/opentype/fonts-hosny-amiri"),
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/truetype/liberation"),
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/liberation"),
)
FONT_FILES = {
    "serif": (
        ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
        ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"),
    ),
    "sans": (
        ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
        ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    ),
    "cjk": (("wqy-microhei.ttc", "wqy-microhei.ttc"),),
    "arabic": (("Amiri-Regular.ttf", "Amiri-Bold.ttf"),),
}
# Families set with HarfBuzz shaping (fpdf2 needs uharfbuzz for it).
SHAPED = {"cjk", "arabic"}
# A word of the preamble page in the edition's language (the table's language is what
# matters; the preamble only has to be there).
PREAMBLES = {
    "zh": "秘书处编写的背景文件。工作组历次会议的报告载有其通过的建议。",
    "ar": "ورقة معلومات أساسية من إعداد الأمانة. تتضمن تقارير الفريق العامل توصياته.",
}
# How a header prints the reference-document label around the symbol, where the label
# does not simply precede it.
REFERENCES_LABEL = {"zh": "在 {symbol} 号文件中的参考段落"}
# The font family a producer sets for an edition whose script its Latin font may lack.
SCRIPT_FAMILIES = {"zh": "WenQuanYi Micro Hei", "ar": "Amiri"}
PAGE_SIZES = {"A4": (595.28, 841.89), "Letter": (612.0, 792.0)}
DASHES = "-\u2011\u2013\u2014"
PREAMBLE = (
    "1. Les rapports sur toutes les réunions que le Groupe de travail a tenues contiennent "
    "les recommandations qu’il a adoptées. 2. Le Secrétariat a établi un index de toutes "
    "les recommandations adoptées à ce jour, classées par thème (voir tableau ci-après), "
    "et un document de référence (CTOC/COP/WG.4/2019/5)."
)


def find_font(family: str) -> tuple[Path, Path] | None:
    """Regular and bold TTF files for a family, or None when none is installed."""
    for regular, bold in FONT_FILES[family]:
        for folder in FONT_DIRS:
            if (folder / regular).is_file() and (folder / bold).is_file():
                return folder / regular, folder / bold
    return None


@dataclass(frozen=True)
class Layout:
    """One way of printing the table. Widths are fractions of the text width."""

    paper: Literal["A4", "Letter"] = "A4"
    font: Literal["serif", "sans", "cjk", "arabic"] = "serif"
    size: float = 10.0
    widths: tuple[float, float, float, float] = (0.2, 0.28, 0.23, 0.29)
    ruled: bool = False
    repeat_header: bool = True
    furniture: bool = True
    links: bool = True
    leading: float = 1.15
    # Mirrored margins (a binding gutter): everything on an even page stands this many
    # points further right, the table included.
    gutter: float = 0.0


@dataclass(frozen=True)
class TableData:
    symbol: str
    title: str
    job_number: str
    reference_document: str
    # (theme name, [(report, paragraphs text, references text)])
    themes: tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...]


def table_data(raw: RawTable) -> TableData:
    """The table to print, as the text path read it."""
    meta = raw.meta
    if not (meta.symbol and meta.title and meta.job_number and meta.reference_document):
        raise ValueError(f"the text path lost some metadata: {meta}")
    themes = tuple(
        (t.name, tuple((e.report, e.paragraphs_text, e.references_text) for e in t.entries))
        for t in raw.themes
    )
    return TableData(meta.symbol, meta.title, meta.job_number, meta.reference_document, themes)


def wrap(
    text: str,
    width: float,
    measure: Callable[[str], float],
    *,
    slash: bool = False,
    anywhere: bool = False,
) -> list[str]:
    """Break text into lines no wider than `width`: at spaces, else after a dash (or a
    slash, for symbols), else, if `anywhere`, inside a word, as a word processor does.

    A word broken inside would make the cell ambiguous (no reader can tell it from two
    words), so for table cells a column too narrow for a word is a mistake in the layout.
    """
    breaks = DASHES + ("/" if slash else "")
    pieces: list[tuple[str, bool]] = []  # (piece, followed by a space)
    for word in text.split():
        start = 0
        for i, char in enumerate(word):
            if char in breaks and i + 1 < len(word):
                pieces.append((word[start : i + 1], False))
                start = i + 1
        pieces.append((word[start:], True))
    lines: list[str] = []
    current = ""
    for piece, spaced in pieces:
        candidate = current + piece
        if current and measure(candidate.rstrip()) > width:
            lines.append(current.rstrip())
            current = ""
            candidate = piece
        if measure(candidate) > width and not anywhere:
            raise ValueError(f"column too narrow ({width:.0f} pt) for {candidate!r}")
        while measure(candidate) > width and len(candidate) > 1:
            cut = len(candidate) - 1
            while cut > 1 and measure(candidate[:cut]) > width:
                cut -= 1
            lines.append(candidate[:cut])
            candidate = candidate[cut:]
        current = candidate + (" " if spaced else "")
    if current.strip():
        lines.append(current.rstrip())
    return lines


def wrap_anywhere(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Break text into lines no wider than `width` at any character, as a script without
    spaces is set ("VII.1.a至j和VII.2.a至" / "o", "I.1" / "7.a"). A space is never left at
    either end of a line: it would be lost, and it is part of the cell ("IV. 45.b")."""
    lines: list[str] = []
    current = ""
    for char in text:
        if current and measure(current + char) > width:
            keep = len(current)
            while keep > 1 and (current[keep - 1] == " " or (current + char)[keep] == " "):
                keep -= 1
            lines.append(current[:keep])
            current = current[keep:]
        current += char
    return [*lines, current] if current else lines


@dataclass
class _Printer:
    pdf: FPDF
    layout: Layout
    data: TableData
    language: Language
    pages: int = 0
    total: int = 0
    y: float = 0.0
    lefts: list[float] = field(default_factory=list)

    # --- geometry -----------------------------------------------------------------------

    @property
    def size(self) -> float:
        return self.layout.size

    @property
    def pad(self) -> float:
        return 0.3 * self.size

    @property
    def pitch(self) -> float:
        return self.layout.leading * self.size

    @property
    def margin(self) -> float:
        even = self.pages > 0 and self.pages % 2 == 0
        return 0.095 * self.pdf.w + (self.layout.gutter if even else 0.0)

    @property
    def text_width(self) -> float:
        return self.pdf.w - 2 * 0.095 * self.pdf.w

    @property
    def body_top(self) -> float:
        return 56.0 + (22.0 if self.layout.furniture else 0.0)

    @property
    def body_bottom(self) -> float:
        return self.pdf.h - 60.0 - (16.0 if self.layout.furniture else 0.0)

    def width(self, column: int) -> float:
        return self.layout.widths[column] * self.text_width

    def measure(self, size: float, bold: bool = False) -> Callable[[str], float]:
        def inner(text: str) -> float:
            self.pdf.set_font("body", "B" if bold else "", size)
            return float(self.pdf.get_string_width(text))

        return inner

    @property
    def mirrored(self) -> bool:
        return self.language.direction == "rtl"

    def put(self, x: float, top: float, text: str, size: float, bold: bool = False) -> None:
        self.pdf.set_font("body", "B" if bold else "", size)
        if self.mirrored:
            # cell() lays the line out by fpdf2's bidirectional algorithm (visual order);
            # its baseline, at half the height plus 0.3 em, is text()'s top + 0.8 em.
            self.pdf.set_xy(x, top)
            self.pdf.cell(w=self.measure(size, bold)(text), h=size, text=text)
        else:
            self.pdf.text(x, top + 0.8 * size, text)

    def rule(self, x0: float, x1: float, y: float) -> None:
        if self.mirrored:
            x0, x1 = self.pdf.w - x1, self.pdf.w - x0
        self.pdf.line(x0, y, x1, y)

    def x_in(self, column: int, text: str, size: float) -> float:
        """Where a line of text starts in a column (padded): at its left, or, in a
        mirrored table, right-aligned in the mirrored column."""
        if not self.mirrored:
            return self.lefts[column] + self.pad
        return self.pdf.w - self.lefts[column] - self.pad - self.measure(size)(text)

    def x_line(self, text: str, size: float, bold: bool = False) -> float:
        """Where a line of running text starts: the left margin, or right-aligned."""
        if not self.mirrored:
            return self.margin
        return self.pdf.w - self.margin - self.measure(size, bold)(text)

    def wrap_cell(self, text: str, width: float, size: float, slash: bool = False) -> list[str]:
        measure = self.measure(size)
        if self.language.writing.join == "none" and not slash:
            return wrap_anywhere(text, width, measure)
        return wrap(text, width, measure, slash=slash)

    # --- pages --------------------------------------------------------------------------

    def new_page(self) -> None:
        self.pdf.add_page()
        self.pages += 1
        self.place_columns()
        if self.layout.furniture:
            right = self.pages % 2 == 1
            symbol = self.data.symbol
            width = self.measure(8)(symbol)
            x = self.pdf.w - self.margin - width if right else self.margin
            self.put(x, 56.0, symbol, 8)
            footer = f"{self.data.job_number} {self.pages}/{self.total}"
            if right:
                footer = f"{self.pages}/{self.total} {self.data.job_number}"
            width = self.measure(8)(footer)
            x = self.pdf.w - self.margin - width if right else self.margin
            self.put(x, self.pdf.h - 60.0, footer, 8)
        self.y = self.body_top

    def preamble(self) -> None:
        self.new_page()
        self.put(self.margin, self.y, f"Nations Unies {self.data.symbol}", self.size)
        self.y += 2 * self.pitch
        self.put(self.margin, self.y, "Document d’information établi par le Secrétariat", 12, True)
        self.y += 2 * self.pitch
        preamble = PREAMBLES.get(self.language.code, PREAMBLE)
        for line in self.wrap_cell(preamble, self.text_width, self.size):
            self.put(self.x_line(line, self.size), self.y, line, self.size)
            self.y += self.pitch

    def title(self) -> None:
        size = self.size + 2
        if self.language.writing.join == "none":
            lines = wrap_anywhere(self.data.title, self.text_width, self.measure(size, True))
        else:
            lines = wrap(self.data.title, self.text_width, self.measure(size, True))
        for line in lines:
            self.put(self.x_line(line, size, True), self.y, line, size, True)
            self.y += 1.2 * size
        self.y += self.pitch

    def header(self) -> None:
        theme_label, report_label, document_label, paragraphs_label, refs = header_labels(
            self.data.reference_document, self.language
        )
        size = self.size - 1
        pitch = self.layout.leading * size
        measure = self.measure(size)
        pad, lefts = self.pad, self.lefts
        theme = wrap(theme_label, self.width(0) - 2 * pad, measure)
        report = wrap(report_label, self.width(1) + self.width(2) - 2 * pad, measure)
        reference = wrap(refs, self.width(3) - 2 * pad, measure, slash=True, anywhere=True)
        top = self.y
        self.rule(lefts[0], lefts[4], top)
        first = top + pad
        for column, lines in ((0, theme), (1, report), (3, reference)):
            for k, line in enumerate(lines):
                self.put(self.x_in(column, line, size), first + k * pitch, line, size)
        above = max(len(theme), len(report), len(reference) - 1)
        sub = first + above * pitch + 2 * pad
        self.put(self.x_in(1, document_label, size), sub, document_label, size)
        self.put(self.x_in(2, paragraphs_label, size), sub, paragraphs_label, size)
        self.y = max(sub + pitch, first + len(reference) * pitch) + pad
        self.rule(lefts[0], lefts[4], self.y)

    def table_page(self) -> None:
        self.new_page()
        if self.layout.repeat_header:
            self.header()

    # --- the table ----------------------------------------------------------------------

    def theme(self, name: str, rows: tuple[tuple[str, str, str], ...]) -> None:
        pad, pitch = self.pad, self.pitch
        measure = self.measure(self.size)
        queue = self.wrap_cell(name, self.width(0) - 2 * pad, self.size)
        limit = self.body_bottom - pad
        if self.y + pad + pitch > limit:
            self.table_page()
        theme_y = self.y + pad

        def flush() -> None:
            nonlocal theme_y
            while queue and theme_y + pitch <= limit:
                line = queue.pop(0)
                self.put(self.x_in(0, line, self.size), theme_y, line, self.size)
                theme_y += pitch

        def page_break() -> None:
            nonlocal theme_y
            flush()
            self.table_page()
            theme_y = self.y + pad

        for report, paragraphs, references in rows:
            cells = [
                self.wrap_cell(report, self.width(1) - 2 * pad, self.size, slash=True),
                self.wrap_cell(paragraphs, self.width(2) - 2 * pad, self.size),
                self.wrap_cell(references, self.width(3) - 2 * pad, self.size),
            ]
            # Orphan control: a row starts on a new page unless two of its lines fit.
            if self.y + pad + min(2, max(map(len, cells))) * pitch > limit:
                page_break()
            line_y = self.y + pad
            for k in range(max(map(len, cells))):
                if line_y + pitch > limit:
                    page_break()
                    line_y = self.y + pad
                for column, lines in enumerate(cells, start=1):
                    if k < len(lines):
                        x = self.x_in(column, lines[k], self.size)
                        self.put(x, line_y, lines[k], self.size)
                        if column == 1 and self.layout.links:
                            uri = f"http://undocs.org/{report}"
                            self.pdf.link(x, line_y, measure(lines[k]), self.size, uri)
                line_y += pitch
            self.y = line_y + pad
            if self.layout.ruled:
                self.rule(self.lefts[1], self.lefts[4], self.y)
        flush()
        while queue:
            page_break()
        self.y = max(self.y, theme_y + pad)
        if self.layout.ruled:
            self.rule(self.lefts[0], self.lefts[4], self.y)

    def place_columns(self) -> None:
        self.lefts = [self.margin]
        for column in range(4):
            self.lefts.append(self.lefts[-1] + self.width(column))

    def document(self) -> None:
        self.place_columns()
        self.preamble()
        self.new_page()
        self.title()
        self.header()
        for name, rows in self.data.themes:
            self.theme(name, rows)


def header_labels(reference_document: str, language: Language) -> tuple[str, str, str, str, str]:
    """The edition's header labels for theme, report, document, paragraphs and references,
    the last with the reference document's symbol where the edition prints it and the
    label's extra words after it."""
    h = language.header
    template = REFERENCES_LABEL.get(language.code, "{label} {symbol}")
    references = template.format(label=h.references[0], symbol=reference_document)
    return h.theme[0], h.report[0], h.document[0], h.paragraphs[0], f"{references} {h.extra[0]}"


def _printer(data: TableData, layout: Layout, language: Language, total: int) -> _Printer:
    fonts = find_font(layout.font)
    if fonts is None:
        raise FileNotFoundError(f"no {layout.font} TTF font installed (fonts-dejavu-core)")
    width, height = PAGE_SIZES[layout.paper]
    pdf = FPDF(unit="pt", format=(width, height))
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.add_font("body", "", str(fonts[0]))
    pdf.add_font("body", "B", str(fonts[1]))
    if layout.font in SHAPED:
        # A right-to-left table's paragraphs are right to left, whatever their first
        # letter ("II.16 و II.21" too), as a word processor sets an Arabic document.
        rtl = language.direction == "rtl"
        # Amiri's contextual alternates ("calt") insert a joining glyph that stands for no
        # character; fpdf2 writes no ToUnicode entry for it, so a reader sees "(cid:18)"
        # inside a word. Letters still join (init/medi/fina) and the required lam-alef
        # ligature stays.
        features = {"calt": False} if rtl else None
        pdf.set_text_shaping(True, features=features, direction="rtl" if rtl else None)
        pdf.c_margin = 0
    pdf.set_line_width(0.5)
    printer = _Printer(pdf, layout, data, language, total=total)
    printer.document()
    return printer


def build_pdf(data: TableData, layout: Layout, language: Language) -> bytes:
    """The table printed in `layout`; typeset twice so that footers know the page count."""
    pages = _printer(data, layout, language, total=0).pages
    return bytes(_printer(data, layout, language, total=pages).pdf.output())


def text_pdf(text: str, *, encrypt: str | None = None) -> bytes:
    """A one-page PDF with a paragraph of text and no table (optionally password-locked)."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(400, 14, text)
    if encrypt is not None:
        pdf.set_encryption(owner_password=encrypt + "-owner", user_password=encrypt)
    return bytes(pdf.output())


# A syntactically valid PDF whose page tree is empty.
ZERO_PAGE_PDF = b"""%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
trailer << /Root 1 0 R /Size 3 >>
%%EOF
"""

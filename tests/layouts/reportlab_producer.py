"""Typeset the index with ReportLab's platypus `Table`, whose engine wraps, spans and splits.

The table is one `Table` with `repeatRows` (the two header rows) and `splitByRow`; with
`split_rows` it may also split a row (`splitInRow`), so any cell, the theme's too, can
be cut between the last line of a page and the first of the next. A theme is either a
true row span (`merge="span"`, its text placed by VALIGN) or, as simpler engines do, a
name printed in one row of its group (the first, middle or last by `theme_align`) with no
rule across the theme column inside the group; that form can also print the name again
at the top of the next page (`repeat_theme`), via `split`.
"""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pipeline.languages import Language
from tests.layouts.features import Variant
from tests.pdf_factory import PREAMBLE, TableData, find_font

MARGIN = 0.095
GREY = colors.Color(0.85, 0.85, 0.85)
PALE = colors.Color(0.94, 0.94, 0.94)


def _fonts() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for family in ("serif", "sans"):
        found = find_font(family)
        if found is None:
            raise FileNotFoundError(f"no {family} TTF font installed (fonts-dejavu-core)")
        names = (f"rl-{family}", f"rl-{family}-bold")
        for name, path in zip(names, found, strict=True):
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, str(path)))
        out[family] = names
    return out


def _pieces(word: str) -> list[str]:
    """Where a typesetter may break a word: after each slash of a symbol or a path."""
    out = [piece + "/" for piece in word.split("/")]
    out[-1] = out[-1][:-1]
    return [piece for piece in out if piece]


def _case(word: str, variant: Variant, size: float) -> str:
    if variant.header_case == "upper":
        return escape(word.upper())
    if variant.header_case == "smallcaps":
        head, tail = word[:1], word[1:]
        if head.islower():
            head, tail = "", word
        small = f'<font size="{size * 0.78:.1f}">{escape(tail.upper())}</font>' if tail else ""
        return escape(head.upper()) + small
    return escape(word)


def _label(text: str, variant: Variant, size: float, room: float, font: str) -> str:
    """A header label as markup. A word wider than the column (`room`) is broken after
    slashes, by hand (`<br/>`), as an editor does: ReportLab would break it anywhere."""
    words = []
    for word in text.split():
        if pdfmetrics.stringWidth(word.upper(), font, size) <= room or "/" not in word:
            words.append(_case(word, variant, size))
            continue
        chunks = [""]
        for piece in _pieces(word):
            if (
                chunks[-1]
                and pdfmetrics.stringWidth((chunks[-1] + piece).upper(), font, size) > room
            ):
                chunks.append("")
            chunks[-1] += piece
        words.append("<br/>".join(_case(chunk, variant, size) for chunk in chunks))
    return " ".join(words)


class _Table(Table):  # type: ignore[misc]
    """A table that prints the theme name again at the top of the next page.

    `names[i]` is the theme name starting at row i (None for a header row or a row that
    continues a group); `owner` the theme in progress above the first row."""

    names: list[str | None]
    owner: str | None = None
    mark: str | None = None

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803 (ReportLab's names)
        parts: list[Any] = list(super().split(availWidth, availHeight))
        names = getattr(self, "names", [])
        for part in parts:
            part.theme_style, part.mark, part.names = self.theme_style, self.mark, []
        if len(parts) != 2 or not names:
            return parts
        first, second = parts
        n = len(first._cellvalues)
        repeat = second.repeatRows if isinstance(second.repeatRows, int) else 0
        owner = next((name for name in reversed(names[:n]) if name), self.owner)
        first.names, first.owner = names[:n], self.owner
        second.names, second.owner = [None] * repeat + names[n:], owner
        row = repeat
        if (
            self.mark is not None
            and owner
            and row < len(second._cellvalues)
            and second.names[row] is None
            and not second._cellvalues[row][0]
        ):
            text = owner + (f" {self.mark}" if self.mark else "")
            second._cellvalues[row][0] = Paragraph(escape(text), self.theme_style)
            if second._argH is not None:  # heights kept from the split: recompute
                second._argH = list(second._argH)
                second._argH[row] = None
        # The rest goes to the next page: ReportLab may otherwise lay the rest of an
        # in-row split under the first part on the same page, header and all.
        return [first, PageBreak(), second]


class TooNarrowError(ValueError):
    """The table cannot hold its widest words even at the full text width."""


def _widths(
    data: TableData,
    v: Variant,
    width: float,
    report_font: str,
    body: str,
    language: Language,
    text_width: float,
) -> list[float]:
    """The variant's column shares, widened where a word would not fit: a word broken
    inside is no layout a typesetter would accept (and no reader could undo). A table too
    narrow for its words is made wider, as a typesetter would, up to the text block; with
    `report_wrap` the report column is as narrow as the symbols broken once after a slash."""
    pad = 2 * max(v.padding, 2.0) + 2.0

    def widest(texts: list[str], font: str) -> float:
        words = {w for text in texts for w in text.split()}
        return float(max(pdfmetrics.stringWidth(w, font, v.size) for w in words)) + pad

    labels = language.header
    refs = " ".join((labels.references[0], data.reference_document, labels.extra[0]))
    columns: list[list[str]] = [
        [labels.theme[0].upper()],
        [labels.document[0].upper()],
        [labels.paragraphs[0].upper()],
        [" ".join(p for w in refs.upper().split() for p in _pieces(w))],
    ]
    symbols: list[str] = []
    for name, entries in data.themes:
        columns[0].append(name)
        for symbol, paragraphs, references in entries:
            symbols.append(symbol)
            columns[2].append(paragraphs)
            columns[3].append(references)
    columns[1] += [_halves(s) for s in symbols] if v.report_wrap else symbols
    needs = [widest(texts, report_font if i == 1 else body) for i, texts in enumerate(columns)]
    if sum(needs) > text_width:
        raise TooNarrowError(
            f"the words need {sum(needs):.0f} pt, the text block is {text_width:.0f}"
        )
    shares = list(v.widths)
    if v.report_wrap:
        # The report column no wider than its broken symbols; the others share the rest.
        width = max(width, sum(needs))
        shares[1] = needs[1] / width
        rest = sum(shares) - v.widths[1]
        shares = [
            needs[1] / width if i == 1 else x * (1 - shares[1]) / rest
            for i, x in enumerate(v.widths)
        ]
    widths = [max(share * width, need) for share, need in zip(shares, needs, strict=True)]
    excess = sum(widths) - width
    if excess > 0 and sum(needs) > width:
        return needs  # the table widened to what its words need
    if excess > 0:
        spare = [w - need for w, need in zip(widths, needs, strict=True)]
        total = sum(spare)
        widths = [w - excess * s / total for w, s in zip(widths, spare, strict=True)]
    return widths


def _halves(symbol: str) -> str:
    """A symbol as printed in a column too narrow for it: broken after its third slash
    (the longer half first: "CTOC/COP/WG.4/" and "2010/6")."""
    pieces = _pieces(symbol)
    return "".join(pieces[:3]) + " " + "".join(pieces[3:])


def _report_markup(symbol: str, v: Variant) -> str:
    if not v.report_wrap:
        return escape(symbol)
    head, tail = _halves(symbol).split(" ", 1)
    return f"{escape(head)}<br/>{escape(tail)}" if tail else escape(head)


def build_reportlab(data: TableData, variant: Variant, language: Language) -> bytes:
    pages = _build(data, variant, language, total=0)[1]
    return _build(data, variant, language, total=pages)[0]


def _build(data: TableData, v: Variant, language: Language, total: int) -> tuple[bytes, int]:
    fonts = _fonts()
    body, bold = fonts[v.font]
    other = fonts["sans" if v.font == "serif" else "serif"][0]
    size = v.size
    size_pt = A4 if v.paper == "A4" else letter
    page = landscape(size_pt) if v.landscape else size_pt
    margin = MARGIN * page[0]
    text_width = page[0] - 2 * margin
    width = text_width * v.table_width
    lead = v.leading * size
    align = {"left": TA_LEFT, "centre": TA_CENTER, "right": TA_RIGHT}[v.cell_align]
    plain = ParagraphStyle("plain", fontName=body, fontSize=size, leading=lead)
    cell = ParagraphStyle("cell", parent=plain, alignment=align)
    report_font = {"same": body, "bold": bold, "other": other}[v.report_style]
    report = ParagraphStyle("report", parent=plain, fontName=report_font)
    head = ParagraphStyle(
        "head",
        parent=plain,
        fontSize=size - 1,
        leading=v.leading * (size - 1),
        alignment={"left": TA_LEFT, "centre": TA_CENTER, "right": TA_RIGHT}[v.header_align_h],
    )
    labels = language.header
    refs = f"{labels.references[0]} {data.reference_document} {labels.extra[0]}"

    col_widths = _widths(data, v, width, report_font, body, language, text_width)

    def label(text: str, column: int = 0) -> Paragraph:
        room = col_widths[column] - 2 * max(v.padding, 2.0)
        return Paragraph(_label(text, v, size - 1, room, body), head)

    rows: list[list[Any]] = [
        [label(labels.theme[0]), label(labels.report[0], 1), "", label(refs, 3)],
        ["", label(labels.document[0], 1), label(labels.paragraphs[0], 2), ""],
    ]
    style: list[tuple[Any, ...]] = [
        ("SPAN", (0, 0), (0, 1)),
        ("SPAN", (1, 0), (2, 0)),
        ("SPAN", (3, 0), (3, 1)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (0, 1), v.header_align.upper()),
        ("VALIGN", (3, 0), (3, 1), v.header_align.upper()),
        ("TOPPADDING", (0, 0), (-1, -1), v.padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), v.padding),
        ("LEFTPADDING", (0, 0), (-1, -1), max(v.padding, 2.0)),
        ("RIGHTPADDING", (0, 0), (-1, -1), max(v.padding, 2.0)),
    ]
    if v.shaded_header or v.rules == "shading":
        style.append(("BACKGROUND", (0, 0), (-1, 1), GREY))
    if v.rules == "grid" and v.merge == "span":
        style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    elif v.rules == "grid":
        # Every border but the rules across the theme column inside a group (drawn
        # per group below): a producer leaves out a border, it does not paint it white.
        style += [
            ("BOX", (0, 0), (-1, -1), 0.5, colors.black),
            ("INNERGRID", (0, 0), (-1, 1), 0.5, colors.black),
            ("LINEBELOW", (0, 1), (-1, 1), 0.5, colors.black),
            ("LINEAFTER", (0, 2), (-2, -1), 0.5, colors.black),
        ]
    elif v.rules in ("rows", "header"):
        style += [("LINEABOVE", (0, 0), (-1, 0), 0.5, colors.black)]
        style += [("LINEBELOW", (0, 1), (-1, 1), 0.5, colors.black)]
    names: list[str | None] = [None, None]
    theme_style = ParagraphStyle("theme", parent=plain)
    shade = False
    for name, entries in data.themes:
        if v.spacer_rows and len(rows) > 2:
            rows.append(["", "", "", ""])
            names.append(None)
            style.append(("TOPPADDING", (0, len(rows) - 1), (-1, len(rows) - 1), 0))
            style.append(("BOTTOMPADDING", (0, len(rows) - 1), (-1, len(rows) - 1), 0))
            style.append(("FONTSIZE", (0, len(rows) - 1), (-1, len(rows) - 1), 2))
            style.append(("LEADING", (0, len(rows) - 1), (-1, len(rows) - 1), 3))
        first = len(rows)
        last = first + len(entries) - 1
        where = {"top": first, "middle": (first + last) // 2, "bottom": last}[v.theme_align]
        if v.merge == "span":
            where = first
        for k, (symbol, paragraphs, references) in enumerate(entries):
            text = _report_markup(symbol, v)
            if v.links:
                text = f'<a href="http://undocs.org/{symbol}">{text}</a>'
            row = first + k
            theme_cell = Paragraph(escape(name), theme_style) if row == where else ""
            rows.append(
                [
                    theme_cell,
                    Paragraph(text, report),
                    Paragraph(escape(paragraphs), cell),
                    Paragraph(escape(references), cell),
                ]
            )
            names.append(name if row == first else None)
        if v.merge == "span":
            style += [
                ("SPAN", (0, first), (0, last)),
                ("VALIGN", (0, first), (0, last), v.theme_align.upper()),
            ]
        elif v.theme_align != "top":
            style.append(
                ("VALIGN", (0, first), (0, last), "MIDDLE" if v.theme_align == "middle" else "TOP")
            )
        if v.rules == "rows":
            style.append(("LINEBELOW", (1, first), (-1, last), 0.5, colors.black))
            style.append(("LINEBELOW", (0, last), (-1, last), 0.5, colors.black))
        elif v.rules == "grid" and v.merge == "rows":
            # No rule across the theme column inside a group: it reads as one cell.
            style.append(("LINEBELOW", (1, first), (-1, last), 0.5, colors.black))
            style.append(("LINEBELOW", (0, last), (0, last), 0.5, colors.black))
        elif v.rules == "shading":
            if shade:
                style.append(("BACKGROUND", (0, first), (-1, last), PALE))
            shade = not shade
    table = _Table(
        rows,
        colWidths=col_widths,
        repeatRows=2 if v.repeat_header else 0,
        splitByRow=1,
        # ReportLab's in-row split of a row span draws over the repeated header, so a
        # spanned theme keeps whole rows.
        splitInRow=1 if v.split_rows and v.merge == "rows" else 0,
        hAlign={"left": "LEFT", "centre": "CENTER", "indent": "RIGHT"}[v.table_place],
    )
    table.names = names
    table.mark = {"no": None, "plain": "", "mark": "(suite)"}[v.repeat_theme]
    if v.merge != "rows":
        table.mark = None
    table.theme_style = theme_style
    table.setStyle(TableStyle(style))

    counter = {"pages": 0}

    def furniture(canvas: Any, doc: Any) -> None:
        counter["pages"] += 1
        n = canvas.getPageNumber()
        canvas.saveState()
        canvas.setFont(body, 8)
        top = page[1] - 0.07 * page[1]
        bottom = 0.06 * page[1]
        if n == 1:
            canvas.drawString(margin, top, "Nations Unies")
            canvas.drawRightString(page[0] - margin, top, data.symbol)
            job = data.job_number
            canvas.drawString(margin, bottom + 10, f"{job} (F)    290819    300819")
            digits = job.replace("V.", "").replace("-", "")
            canvas.setFont(other, 12)
            canvas.drawString(margin, bottom - 4, f"*{digits}*")
        else:
            right = n % 2 == 1
            if right:
                canvas.drawRightString(page[0] - margin, top, data.symbol)
                canvas.drawRightString(page[0] - margin, bottom, f"{n}/{total} {data.job_number}")
            else:
                canvas.drawString(margin, top, data.symbol)
                canvas.drawString(margin, bottom, f"{data.job_number} {n}/{total}")
        canvas.restoreState()

    story: list[Any] = [
        Paragraph(
            "Document d’information établi par le Secrétariat",
            ParagraphStyle("t", parent=plain, fontName=bold, fontSize=12, leading=15),
        ),
        Spacer(1, lead),
        Paragraph(escape(PREAMBLE), plain),
        Spacer(1, 2 * lead),
    ]
    if not v.first_page:
        story.append(PageBreak())
    title = ParagraphStyle(
        "title", parent=plain, fontName=bold, fontSize=size + 2, leading=1.2 * (size + 2)
    )
    story += [Paragraph(escape(data.title), title), Spacer(1, lead), table]
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=page,
        leftMargin=margin + (0.5 * (text_width - width) if v.table_place == "indent" else 0),
        rightMargin=margin,
        topMargin=0.1 * page[1],
        bottomMargin=0.1 * page[1],
        title="",
        author="",
        creator="",
        producer="",
        invariant=1,
    )
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return out.getvalue(), counter["pages"]

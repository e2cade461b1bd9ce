"""A fourth producer: the index typed as a word-processor document and printed to PDF by
LibreOffice Writer (Debian's `soffice --headless --convert-to pdf`), as a person would set
the table in Writer or Word.

The document is a flat ODF file (.fodt) written here: one table whose theme cells are
merged over their rows (`number-rows-spanned`, the rows beside them covered) and aligned
top, middle or bottom; two header rows ("Thème" and the reference label merged over both,
"Rapport de réunion" over "Document" / "Paragraphes") repeated on each page; rows allowed
to break across pages (Word's default) or kept together; the UN page furniture in the page
header and footer, with page-number and page-count fields; the report symbols linked to
undocs.org. Writer lays the table out itself: wrapping, splitting rows, flowing a merged
cell over a page break. Cells come from the golden table, never from the pipeline.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from xml.sax.saxutils import escape, quoteattr

from pipeline.languages import Language, get_language
from tests.pdf_factory import PREAMBLE, SCRIPT_FAMILIES, TableData, header_labels

SOFFICE = Path("/usr/bin/soffice")
# Writer's first start in a fresh profile takes some seconds; a long document a few more.
TIMEOUT = 240
PAGES = {"A4": (595.28, 841.89), "Letter": (612.0, 792.0)}
MARGIN = 56.7  # 2 cm, Writer's default page margin
# The scripts Writer sets apart from Latin, each in its own font (`SCRIPT_FAMILIES`):
# Chinese as "Asian" text, Arabic as "complex" text (its own shaping and right-to-left
# order); with the country the language stands for.
SCRIPTS = {"zh": ("asian", "CN"), "ar": ("complex", "EG")}
RULE = "0.5pt solid #000000"
Align = Literal["top", "middle", "bottom"]
NS = " ".join(
    f'xmlns:{prefix}="urn:oasis:names:tc:opendocument:xmlns:{name}:1.0"'
    for prefix, name in (
        ("office", "office"),
        ("style", "style"),
        ("text", "text"),
        ("table", "table"),
        ("fo", "xsl-fo-compatible"),
        ("svg", "svg-compatible"),
    )
)


@dataclass(frozen=True)
class Writer:
    """One Writer layout: the settings a person changes in the table and page dialogs."""

    theme_align: Align = "top"  # vertical alignment of the merged theme cells
    header_align: Align = "bottom"  # of "Thème" and the reference label, merged over 2 rows
    header_bold: bool = True
    repeat_header: bool = True
    split_rows: bool = True  # "Allow row to break across pages" (on by default)
    borders: Literal["grid", "rows", "header", "none"] = "grid"
    font: str = "Liberation Serif"
    size: float = 10.0
    paper: Literal["A4", "Letter"] = "A4"
    landscape: bool = False
    table_width: float = 1.0  # share of the text block
    table_align: Literal["margins", "center", "left"] = "margins"
    # Shares of the table width for theme, report, paragraphs, references.
    widths: tuple[float, float, float, float] = (0.22, 0.28, 0.22, 0.28)
    padding: float = 2.0  # pt, every side of every cell
    line_spacing: float = 1.0  # proportional: 1.15 is Word's "multiple 1.15"
    first_page: bool = False  # the table starts under the preamble, on page 1
    links: bool = True
    header_shading: bool = False  # a grey background behind the header cells
    zebra: bool = False  # every other body row shaded (the theme cells beside them are not)
    cell_align: Literal["start", "center", "justify"] = "start"  # of the body paragraphs


def _text(value: str) -> str:
    """Text as ODF keeps it: XML-escaped, each space after a space as `text:s` (XML would
    collapse a run of spaces into one)."""
    parts = escape(value).split(" ")
    return parts[0] + "".join(" " + p if p else '<text:s text:c="1"/>' for p in parts[1:])


def _para(style: str, body: str) -> str:
    return f'<text:p text:style-name="{style}">{body}</text:p>'


def _paragraph_style(
    name: str, paragraph: str = "", text: str = "", parent: str = "", inner: str = ""
) -> str:
    inherits = f' style:parent-style-name="{parent}"' if parent else ""
    return (
        f'<style:style style:name="{name}" style:family="paragraph"{inherits}>'
        f"<style:paragraph-properties {paragraph}>{inner}</style:paragraph-properties>"
        f"<style:text-properties {text}/></style:style>"
    )


def _script(language: Language) -> tuple[str, str, str]:
    """What the document says of the edition's language: the default text properties
    (language, and the script's font where Writer sets it apart), the font declaration
    that font needs, and the paragraphs' writing mode (right to left for Arabic)."""
    if language.code == "fr":
        return 'fo:language="fr" fo:country="FR"', "", ""
    text = f'fo:language="{language.code}"'
    faces = ""
    if language.code in SCRIPTS:
        kind, country = SCRIPTS[language.code]
        font = SCRIPT_FAMILIES[language.code]
        text += (
            f' style:language-{kind}="{language.code}" style:country-{kind}="{country}"'
            f" style:font-name-{kind}={quoteattr(font)}"
        )
        faces = f"<style:font-face style:name={quoteattr(font)} svg:font-family={quoteattr(font)}/>"
    mode = 'style:writing-mode="rl-tb"' if language.direction == "rtl" else ""
    return text, faces, mode


def _styles(w: Writer, language: Language) -> tuple[str, str, str]:
    """(common styles, automatic styles, master pages)."""
    width, height = PAGES[w.paper]
    if w.landscape:
        width, height = height, width
    text_width = width - 2 * MARGIN
    table_width = w.table_width * text_width
    font = quoteattr(w.font)
    said, _, mode = _script(language)
    paragraph = f"<style:paragraph-properties {mode}/>" if mode else ""
    common = (
        f'<style:default-style style:family="paragraph">{paragraph}'
        f"<style:text-properties style:font-name={font} "
        f'fo:font-size="{w.size}pt" {said} fo:hyphenate="false"/>'
        "</style:default-style>"
        + _paragraph_style(
            "Standard",
            f'fo:line-height="{round(100 * w.line_spacing)}%" fo:margin-top="0pt" '
            'fo:margin-bottom="0pt"',
        )
        + _paragraph_style(
            "Furniture",
            'fo:line-height="100%"',
            'fo:font-size="8pt"',
            "Standard",
        )
    )
    tabs = (
        f'<style:tab-stops><style:tab-stop style:position="{text_width}pt" '
        'style:type="right"/></style:tab-stops>'
    )
    right = 'fo:text-align="end"'
    automatic = [
        f'<style:page-layout style:name="page"><style:page-layout-properties '
        f'fo:page-width="{width}pt" fo:page-height="{height}pt" '
        f'style:print-orientation="{"landscape" if w.landscape else "portrait"}" '
        f'fo:margin-top="36pt" fo:margin-bottom="36pt" fo:margin-left="{MARGIN}pt" '
        f'fo:margin-right="{MARGIN}pt"/>'
        '<style:header-style><style:header-footer-properties fo:min-height="0pt" '
        'fo:margin-bottom="14pt"/></style:header-style>'
        '<style:footer-style><style:header-footer-properties fo:min-height="0pt" '
        'fo:margin-top="14pt"/></style:footer-style></style:page-layout>',
        _paragraph_style("HeadRight", right, parent="Furniture"),
        _paragraph_style("HeadLeft", "", parent="Furniture"),
        _paragraph_style("HeadTabbed", parent="Furniture", inner=tabs),
        _paragraph_style("Barcode", "", 'fo:font-size="12pt"', "Furniture"),
        _paragraph_style(
            "Opening",
            'fo:margin-bottom="12pt"',
            'fo:font-size="12pt" fo:font-weight="bold"',
            "Standard",
        ).replace(
            'style:family="paragraph"', 'style:family="paragraph" style:master-page-name="First"'
        ),
        _paragraph_style(
            "Preamble", 'fo:margin-bottom="12pt" fo:text-align="justify"', "", "Standard"
        ),
        _paragraph_style(
            "Title",
            'fo:margin-bottom="12pt"' + (' fo:break-before="page"' if not w.first_page else ""),
            f'fo:font-size="{w.size + 2}pt" fo:font-weight="bold"',
            "Standard",
        ),
        _paragraph_style(
            "Cell",
            f'fo:text-align="{w.cell_align}"' if w.cell_align != "start" else "",
            "",
            "Standard",
        ),
        _paragraph_style("Head", "", 'fo:font-weight="bold"' if w.header_bold else "", "Standard"),
        f'<style:style style:name="Index" style:family="table"><style:table-properties '
        f'style:width="{table_width:.2f}pt" table:align="{w.table_align}" '
        f'style:may-break-between-rows="true"{" " + mode if mode else ""}/></style:style>',
    ]
    for i, share in enumerate(w.widths):
        automatic.append(
            f'<style:style style:name="Col{i}" style:family="table-column">'
            f'<style:table-column-properties style:column-width="{share * table_width:.2f}pt"/>'
            "</style:style>"
        )
    keep = "auto" if w.split_rows else "always"
    automatic.append(
        '<style:style style:name="Row" style:family="table-row"><style:table-row-properties '
        f'fo:keep-together="{keep}"/></style:style>'
    )
    page_number = (
        '<text:page-number text:select-page="current">1</text:page-number>/'
        "<text:page-count>1</text:page-count>"
    )
    masters = (
        '<style:master-page style:name="Standard" style:page-layout-name="page">'
        f"<style:header>{_para('HeadRight', '{symbol}')}</style:header>"
        f"<style:header-left>{_para('HeadLeft', '{symbol}')}</style:header-left>"
        f"<style:footer>{_para('HeadRight', page_number + ' {job}')}</style:footer>"
        f"<style:footer-left>{_para('HeadLeft', '{job} ' + page_number)}</style:footer-left>"
        "</style:master-page>"
        '<style:master-page style:name="First" style:page-layout-name="page" '
        'style:next-style-name="Standard">'
        f"<style:header>{_para('HeadTabbed', 'Nations Unies<text:tab/>{symbol}')}</style:header>"
        "<style:footer>"
        + _para("HeadLeft", '{job} (F)<text:s text:c="3"/>290819<text:s text:c="3"/>300819')
        + _para("Barcode", "*{digits}*")
        + "</style:footer></style:master-page>"
    )
    return common, "".join(automatic), masters


def _cell_style(
    name: str, valign: Align, sides: Mapping[str, bool], padding: float, shaded: bool = False
) -> str:
    borders = " ".join(f'fo:border-{side}="{RULE if on else "none"}"' for side, on in sides.items())
    background = ' fo:background-color="#d9d9d9"' if shaded else ""
    return (
        f'<style:style style:name="{name}" style:family="table-cell"><style:table-cell-properties '
        f'style:vertical-align="{valign}" fo:padding="{padding}pt" {borders}{background}/>'
        "</style:style>"
    )


def _sides(w: Writer, kind: str) -> dict[str, bool]:
    """Which borders a cell shows: every one in a grid; a rule under each row (`rows`);
    rules over and under the header only (`header`); none."""
    ruled = w.borders in ("grid", "rows")
    header = kind.startswith("head")
    top = w.borders == "grid" or (header and w.borders != "none" and kind != "head-low")
    bottom = ruled or (w.borders == "header" and kind in ("head-span", "head-low"))
    return {"top": top, "bottom": bottom, "left": w.borders == "grid", "right": w.borders == "grid"}


def document(table: TableData, w: Writer, language: Language | None = None) -> str:
    """The flat ODF text document of the index in layout `w`, in the edition's language
    (French by default)."""
    language = language or get_language("fr")
    common, automatic, masters = _styles(w, language)
    digits = table.job_number.replace("V.", "").replace("-", "")
    masters = (
        masters.replace("{symbol}", escape(table.symbol))
        .replace("{job}", escape(table.job_number))
        .replace("{digits}", digits)
    )
    shaded = w.header_shading
    cells = (
        _cell_style("HeadTop", "top", _sides(w, "head-top"), w.padding, shaded),
        _cell_style("HeadSpan", w.header_align, _sides(w, "head-span"), w.padding, shaded),
        _cell_style("HeadLow", "bottom", _sides(w, "head-low"), w.padding, shaded),
        _cell_style("Theme", w.theme_align, _sides(w, "body"), w.padding),
        _cell_style("Body", "top", _sides(w, "body"), w.padding),
        _cell_style("Zebra", "top", _sides(w, "body"), w.padding, True),
    )
    automatic += "".join(cells)
    labels = header_labels(table.reference_document, language)
    theme_label, report_label, document_label, paragraphs_label, reference_label = labels

    def cell(style: str, body: str, para: str = "Cell", rows: int = 1, columns: int = 1) -> str:
        span = f' table:number-rows-spanned="{rows}"' if rows > 1 else ""
        span += f' table:number-columns-spanned="{columns}"' if columns > 1 else ""
        return (
            f'<table:table-cell table:style-name="{style}" office:value-type="string"{span}>'
            f"{_para(para, body)}</table:table-cell>"
        )

    covered = "<table:covered-table-cell/>"
    header = (
        '<table:table-row table:style-name="Row">'
        + cell("HeadSpan", _text(theme_label), "Head", rows=2)
        + cell("HeadTop", _text(report_label), "Head", columns=2)
        + covered
        + cell("HeadSpan", _text(reference_label), "Head", rows=2)
        + "</table:table-row>"
        '<table:table-row table:style-name="Row">'
        + covered
        + cell("HeadLow", _text(document_label), "Head")
        + cell("HeadLow", _text(paragraphs_label), "Head")
        + covered
        + "</table:table-row>"
    )
    if w.repeat_header:
        header = f"<table:table-header-rows>{header}</table:table-header-rows>"
    body: list[str] = []
    for name, entries in table.themes:
        for i, (report, paragraphs, references) in enumerate(entries):
            style = "Zebra" if w.zebra and len(body) % 2 else "Body"
            symbol = _text(report)
            if w.links:
                href = quoteattr(f"http://undocs.org/{report}")
                symbol = f'<text:a xlink:type="simple" xlink:href={href}>{symbol}</text:a>'
            theme = cell("Theme", _text(name), rows=len(entries)) if i == 0 else covered
            body.append(
                f'<table:table-row table:style-name="Row">{theme}{cell(style, symbol)}'
                f"{cell(style, _text(paragraphs))}{cell(style, _text(references))}"
                "</table:table-row>"
            )
    columns = "".join(f'<table:table-column table:style-name="Col{i}"/>' for i in range(4))
    text = (
        _para("Opening", "Document d’information établi par le Secrétariat")
        + _para("Preamble", _text(PREAMBLE))
        + _para("Title", _text(table.title))
        + f'<table:table table:name="Index" table:style-name="Index">{columns}{header}'
        + "".join(body)
        + "</table:table>"
        + _para("Standard", "")
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<office:document {NS} xmlns:xlink="http://www.w3.org/1999/xlink" '
        'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">'
        f"<office:font-face-decls><style:font-face style:name={quoteattr(w.font)} "
        f"svg:font-family={quoteattr(repr(w.font))}/>{_script(language)[1]}"
        "</office:font-face-decls>"
        f"<office:styles>{common}</office:styles>"
        f"<office:automatic-styles>{automatic}</office:automatic-styles>"
        f"<office:master-styles>{masters}</office:master-styles>"
        f"<office:body><office:text>{text}</office:text></office:body></office:document>"
    )


def convert(documents: Mapping[str, str]) -> dict[str, bytes]:
    """Each flat ODF document printed to PDF by Writer, in one start of `soffice` (the
    start is most of the time); its own profile, so that parallel runs do not collide."""
    with tempfile.TemporaryDirectory(prefix="recindex-lo-") as folder:
        root = Path(folder)
        sources = []
        for name, content in documents.items():
            source = root / f"{name}.fodt"
            source.write_text(content, encoding="utf-8")
            sources.append(str(source))
        subprocess.run(
            [
                str(SOFFICE),
                f"-env:UserInstallation={(root / 'profile').as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(root / "out"),
                *sources,
            ],
            capture_output=True,
            timeout=TIMEOUT,
            check=True,
        )
        out = {name: root / "out" / f"{name}.pdf" for name in documents}
        missing = [name for name, path in out.items() if not path.is_file()]
        if missing:
            raise RuntimeError(f"soffice printed no PDF for {', '.join(missing)}")
        return {name: path.read_bytes() for name, path in out.items()}


def print_pdf(table: TableData, w: Writer, language: Language | None = None) -> bytes:
    """One layout printed by Writer; its bytes."""
    return convert({"index": document(table, w, language)})["index"]


def _tokens(text: str) -> list[str]:
    """Words cut after each slash and dash, where Writer may break a line."""
    return [t for word in text.split() for t in re.findall(r"[^/\-‑–—]*[/\-‑–—]?", word) if t]


def unprinted(pdf: bytes, table: TableData, language: Language | None = None) -> list[str]:
    """Words of the table, title and preamble that the PDF holds fewer times than the
    document has them (the header labels aside, which repeat on every page). Writer 7.4
    clips a merged cell aligned to the middle or bottom where a page break splits it: the
    lines past the cut are not printed at all, and no reader could read such a layout
    exactly. Read with pdfium's text (U+FFFE is its mark for a hyphen at a line end).
    Where words are not spaced (Chinese) or stand in visual order (Arabic), letters are
    counted instead of words."""
    import unicodedata

    import pypdfium2

    language = language or get_language("fr")
    document = pypdfium2.PdfDocument(pdf)
    text = " ".join(page.get_textpage().get_text_range() for page in document)
    words = [table.title]
    if language.code == "fr":
        words.append(PREAMBLE)
    for name, entries in table.themes:
        words += [name, *(cell for entry in entries for cell in entry)]
    if language.writing.join == "none" or language.direction == "rtl":
        letters = Counter(c for c in unicodedata.normalize("NFKC", text) if c.isalnum())
        want = Counter(c for w in words for c in unicodedata.normalize("NFKC", w) if c.isalnum())
        return sorted(c for c, n in want.items() if letters[c] < n)
    printed = Counter(_tokens(text.replace("\ufffe", "-\n")))
    labels = " ".join(header_labels(table.reference_document, language))
    skip = set(_tokens(labels))
    wanted = Counter(t for text in words for t in _tokens(text) if t not in skip)
    return sorted(t for t, n in wanted.items() if printed[t] < n)

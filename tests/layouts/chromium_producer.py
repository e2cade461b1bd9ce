"""A third producer: an HTML table printed to PDF by a web browser (Debian's Chromium,
headless `--print-to-pdf`), as people print a web page of the index.

The browser lays the table out itself: the header repeated on every page (`thead`),
theme cells spanning their rows (`rowspan`) aligned by CSS, rows kept whole or split as
its engine decides, links kept as annotations. Cells come from the golden table, never
from the pipeline's reading.
"""

from __future__ import annotations

import html
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import regex

from pipeline.languages import Language, get_language
from tests.chromium import ARGS, CHROMIUM
from tests.pdf_factory import SCRIPT_FAMILIES, TableData, header_labels

# Printed without the browser's own header and footer (date, title, URL).
FLAGS = (*ARGS, "--no-pdf-header-footer")
BORDERS = {
    "grid": "td, th { border: 0.5pt solid #000; }",
    "rows": "tr { border-bottom: 0.5pt solid #000; } thead tr { border-bottom: 1pt solid #000; }",
    "header": "thead th { border-bottom: 1pt solid #000; }",
    "none": "",
}


@dataclass(frozen=True)
class Page:
    """One browser layout: CSS values as a person would set them."""

    theme_align: str = "top"  # vertical-align of the theme cells: top, middle, bottom
    font: str = "serif"
    size: str = "10pt"
    rules: str = "grid"  # a key of BORDERS
    paper: str = "A4"
    width: str = "100%"
    line_height: str = "1.2"
    padding: str = "2pt"
    # Knobs a person commonly sets too, each default the page's original style.
    place: str = "centre"  # the table centred (`margin: 0 auto`) or left on the page
    header_align: str = "bottom"  # vertical-align of the header cells
    header_case: str = "none"  # text-transform of the labels: none, uppercase; or small-caps
    header_shading: bool = False  # a grey background behind the header
    repeat_header: bool = True  # `thead` as a header group, repeated on every page
    zebra: bool = False  # every other body row shaded
    keep_rows: bool = False  # `break-inside: avoid` on rows: no row split by a page break
    text_align: str = "left"  # of the body cells: left, center, justify
    # Column widths in % of the table (theme, report, paragraphs, references), or auto.
    columns: tuple[int, int, int, int] | None = None
    margin: str = "2cm"
    # Soft hyphens (&shy;) in the theme names' long words, as a hyphenation tool writes
    # them: the browser breaks a word there, with a hyphen, when the cell is too narrow.
    soft_hyphens: bool = False


def _extra_css(page: Page) -> str:
    """The optional knobs' rules; none for the defaults, so the original page is kept."""
    rules = []
    if page.header_case == "small-caps":
        rules.append("th { font-variant: small-caps; }")
    elif page.header_case != "none":
        rules.append(f"th {{ text-transform: {page.header_case}; }}")
    if page.header_shading:
        rules.append("thead th { background: #d9d9d9; }")
    if page.zebra:
        rules.append("tbody tr:nth-child(even) { background: #eeeeee; }")
    if page.keep_rows:
        rules.append("tr { break-inside: avoid; page-break-inside: avoid; }")
    # Backgrounds are printed only when the page asks for them, as a person would.
    if page.header_shading or page.zebra:
        rules.append("* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }")
    return "".join(f"{rule}\n" for rule in rules)


def _colgroup(page: Page) -> str:
    if page.columns is None:
        return ""
    return (
        "<colgroup>" + "".join(f'<col style="width: {w}%">' for w in page.columns) + "</colgroup>"
    )


def _soft_hyphens(text: str) -> str:
    """A soft hyphen every third letter of each word of eight letters or more, three
    letters at least on either side (where, the browser does not check)."""

    def word(found: regex.Match[str]) -> str:
        w = found[0]
        return "".join(
            c + ("\u00ad" if 3 <= k + 1 <= len(w) - 3 and (k + 1) % 3 == 0 else "")
            for k, c in enumerate(w)
        )

    return regex.sub(r"\w{8,}", word, text)


def page_html(table: TableData, page: Page, language: Language | None = None) -> str:
    """The page in the edition's language (French by default): its header labels, its
    writing direction, a font of its script; soft hyphens only where words are spaced
    Latin or Cyrillic (no typesetter hyphenates Chinese or Arabic this way)."""
    language = language or get_language("fr")
    labels = header_labels(table.reference_document, language)
    rtl = language.direction == "rtl"
    family = SCRIPT_FAMILIES.get(language.code)
    font = f"'{family}'" if family else page.font
    hyphens = page.soft_hyphens and not family
    start = "right" if rtl else "left"
    text_align = start if page.text_align == "left" else page.text_align
    margin = "0 auto" if page.place == "centre" else "0"
    rows: list[str] = []
    for name, entries in table.themes:
        shown = _soft_hyphens(name) if hyphens else name
        for i, (report, paragraphs, references) in enumerate(entries):
            theme = f'<td rowspan="{len(entries)}" class="theme">{html.escape(shown)}</td>'
            rows.append(
                f"<tr>{theme if i == 0 else ''}"
                f'<td><a href="http://undocs.org/{report}">{report}</a></td>'
                f"<td>{html.escape(paragraphs)}</td><td>{html.escape(references)}</td></tr>"
            )
    direction = ' dir="rtl"' if rtl else ""
    head = f'<!DOCTYPE html><html lang="{language.code}"{direction}><head><meta charset="utf-8">'
    return f"""{head}<style>
@page {{ size: {page.paper}; margin: {page.margin}; }}
body {{ font-family: {font}; font-size: {page.size}; line-height: {page.line_height}; }}
table {{ border-collapse: collapse; width: {page.width}; margin: {margin}; }}
td, th {{ padding: {page.padding} 4pt; vertical-align: top; text-align: {text_align}; }}
th {{ font-weight: bold; vertical-align: {page.header_align}; text-align: {start}; }}
{BORDERS[page.rules]}
td.theme {{ vertical-align: {page.theme_align}; }}
thead {{ display: {"table-header-group" if page.repeat_header else "table-row-group"}; }}
{_extra_css(page)}</style></head><body>
<p>{table.symbol}</p>
<h1 style="font-size: 12pt">{html.escape(table.title)}</h1>
<table>{_colgroup(page)}<thead>
<tr><th rowspan="2">{labels[0]}</th><th colspan="2">{labels[1]}</th>
<th rowspan="2">{labels[4]}</th></tr>
<tr><th>{labels[2]}</th><th>{labels[3]}</th></tr></thead>
<tbody>{"".join(rows)}</tbody></table></body></html>"""


def print_pdf(table: TableData, page: Page, language: Language | None = None) -> bytes:
    """The page printed by Chromium; its bytes."""
    with tempfile.TemporaryDirectory() as folder:
        source, out = Path(folder) / "index.html", Path(folder) / "index.pdf"
        source.write_text(page_html(table, page, language), encoding="utf-8")
        subprocess.run(
            [
                str(CHROMIUM),
                *FLAGS,
                f"--user-data-dir={folder}/profile",
                f"--print-to-pdf={out}",
                source.as_uri(),
            ],
            capture_output=True,
            timeout=180,
            check=True,
        )
        return out.read_bytes()

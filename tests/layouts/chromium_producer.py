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

from tests.chromium import ARGS, CHROMIUM
from tests.pdf_factory import TableData

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


def page_html(table: TableData, page: Page) -> str:
    rows: list[str] = []
    for name, entries in table.themes:
        for i, (report, paragraphs, references) in enumerate(entries):
            theme = f'<td rowspan="{len(entries)}" class="theme">{html.escape(name)}</td>'
            rows.append(
                f"<tr>{theme if i == 0 else ''}"
                f'<td><a href="http://undocs.org/{report}">{report}</a></td>'
                f"<td>{html.escape(paragraphs)}</td><td>{html.escape(references)}</td></tr>"
            )
    return f"""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><style>
@page {{ size: {page.paper}; margin: 2cm; }}
body {{ font-family: {page.font}; font-size: {page.size}; line-height: {page.line_height}; }}
table {{ border-collapse: collapse; width: {page.width}; margin: 0 auto; }}
td, th {{ padding: {page.padding} 4pt; vertical-align: top; text-align: left; }}
th {{ font-weight: bold; vertical-align: bottom; }}
{BORDERS[page.rules]}
td.theme {{ vertical-align: {page.theme_align}; }}
thead {{ display: table-header-group; }}
</style></head><body>
<p>{table.symbol}</p>
<h1 style="font-size: 12pt">{html.escape(table.title)}</h1>
<table><thead>
<tr><th rowspan="2">Thème</th><th colspan="2">Rapport de réunion</th>
<th rowspan="2">Référence dans le document {table.reference_document}
(par section/paragraphe/alinéa)</th></tr>
<tr><th>Document</th><th>Paragraphes</th></tr></thead>
<tbody>{"".join(rows)}</tbody></table></body></html>"""


def print_pdf(table: TableData, page: Page) -> bytes:
    """The page printed by Chromium; its bytes."""
    with tempfile.TemporaryDirectory() as folder:
        source, out = Path(folder) / "index.html", Path(folder) / "index.pdf"
        source.write_text(page_html(table, page), encoding="utf-8")
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

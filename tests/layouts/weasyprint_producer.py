"""The browser layouts (`chromium_producer.Page`) printed by WeasyPrint, an HTML and CSS
typesetter of its own, as someone without a browser would print the same page.

It is not Chromium: Pango breaks its lines, after a dot inside a word too
("CTOC/COP/WG." / "4/2010/6", "IV." / "37"); it keeps a cell's two lines together across
a page break (CSS widows and orphans), so a row's report symbol may go to the next page
while its other cells start at the foot of this one; it paints a row's background under
a cell spanning rows, through the theme names; a rowspan cell split by a page break
shows its name at the top of its first part whatever its alignment; and its small
capitals, made from a font's capitals, map each glyph to one case in the text layer
("cop/WG.4/2019/5")."""

from __future__ import annotations

import logging

from pipeline.languages import Language
from tests.layouts.chromium_producer import Page, page_html
from tests.pdf_factory import TableData


def print_pdf(table: TableData, page: Page, language: Language | None = None) -> bytes:
    """The page printed by WeasyPrint; its bytes."""
    from weasyprint import HTML  # imported here: it loads Pango and its fonts

    # WeasyPrint warns of every CSS property it ignores; the page is read, not its CSS.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    data: bytes = HTML(string=page_html(table, page, language)).write_pdf()
    return data

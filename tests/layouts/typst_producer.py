"""The French index typeset by Typst (the `typst` package's compiler), a typesetter with
its own table engine: a table with a repeated two-row header, theme cells spanning their
rows, links on the report symbols, and the knobs a person sets in a Typst document.

It is neither a browser nor a word processor: it hyphenates words at line ends with a
hyphen whose marked content gives its actual text as a soft hyphen (and breaks a
compound at its own hyphen, "femmes-" / "hommes", without one), and aligns a spanning
cell's text to the top, the middle (`horizon`) or the bottom."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.languages import Language, get_language
from tests.pdf_factory import TableData, header_labels


@dataclass(frozen=True)
class Document:
    """One Typst layout: the values a person would set."""

    paper: str = "a4"
    font: str = "Liberation Serif"
    size: int = 10  # points
    theme_align: str = "top"  # top, horizon or bottom
    rules: str = "grid"  # grid, rows (a line above each row) or none
    inset: str = "4pt"
    columns: str = "(1fr, 1fr, 1fr, 1fr)"
    justify: bool = False
    hyphenate: bool = False
    leading: str = "0.65em"


def _markup(text: str) -> str:
    """Text as Typst markup: its special characters escaped."""
    for char in "\\#[]*_@$<>`~/":
        text = text.replace(char, "\\" + char)
    return text


def source(table: TableData, doc: Document, language: Language | None = None) -> str:
    """The document's Typst source."""
    language = language or get_language("fr")
    labels = [_markup(label) for label in header_labels(table.reference_document, language)]
    stroke = {
        "grid": "stroke: 0.5pt",
        "rows": "stroke: (x, y) => (top: 0.5pt)",
        "none": "stroke: none",
    }[doc.rules]
    cells: list[str] = []
    for name, entries in table.themes:
        for i, (report, paragraphs, references) in enumerate(entries):
            if i == 0:
                cells.append(
                    f"table.cell(rowspan: {len(entries)}, align: {doc.theme_align})"
                    f"[{_markup(name)}]"
                )
            cells.append(f'link("http://undocs.org/{report}")[{_markup(report)}]')
            cells.append(f"[{_markup(paragraphs)}]")
            cells.append(f"[{_markup(references)}]")
    body = ",\n".join(cells)
    return f"""#set page(paper: "{doc.paper}", margin: 2cm)
#set text(font: "{doc.font}", size: {doc.size}pt, lang: "{language.code}", hyphenate: {str(doc.hyphenate).lower()})
#set par(justify: {str(doc.justify).lower()}, leading: {doc.leading})
{_markup(table.symbol)}

#text(size: 12pt, weight: "bold")[{_markup(table.title)}]

#table(
  columns: {doc.columns},
  inset: {doc.inset},
  {stroke},
  table.header(
    table.cell(rowspan: 2)[*{labels[0]}*], table.cell(colspan: 2)[*{labels[1]}*],
    table.cell(rowspan: 2)[*{labels[4]}*],
    [*{labels[2]}*], [*{labels[3]}*],
  ),
{body}
)
"""


def print_pdf(table: TableData, doc: Document, language: Language | None = None) -> bytes:
    """The document compiled by Typst; its bytes."""
    import typst  # imported here: the compiler is loaded only to typeset

    data: bytes = typst.compile(source(table, doc, language).encode("utf-8"))
    return data

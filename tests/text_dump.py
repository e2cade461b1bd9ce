"""Print an edition's table as a PDF-to-text converter dumps it, for the text-path tests.

The dump follows the French one (sources/CTOC_COP_WG.4_2019_4_fr.txt), in logical order:
pages split by form feeds, each with the running symbol and the footer "job n/N"; a
preamble page; the title above the first table header; the header repeated on every table
page; a theme cell printed before its rows, its lines wrapped; a row on one line when its
cells are short, otherwise the symbol with the first paragraphs line, the paragraphs
lines, then the references lines. One theme can be cut by a page break after its rows,
its name's tail printed on the next page (the French dump's "… en particulier des" /
"femmes et des enfants").

Lines wrap at spaces in a spaced script; in a script without spaces (`writing.join =
"none"`) a theme line breaks anywhere and a cell line after a separator (the language's
commas, list and range words), as a converter keeps a token whole. Only the language's
data and the literal table are read: nothing of the pipeline writes the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.languages import Language
from tests.pdf_factory import REFERENCES_LABEL, TableData

PREAMBLE = {
    "zh": "秘书处编写的背景文件",
    "ar": "ورقة معلومات أساسية من إعداد الأمانة",
}


@dataclass(frozen=True)
class DumpStyle:
    width: int = 28  # characters per theme or cell line
    page_lines: int = 40  # body lines per page
    # A theme whose name is cut after its rows: (name, characters printed before them).
    cut: tuple[str, int] | None = None


def _wrap_spaced(text: str, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    return [*lines, current] if current else lines


def _wrap_anywhere(text: str, width: int) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)]


def _wrap_after_separators(text: str, width: int, separators: tuple[str, ...]) -> list[str]:
    """Break only right after a separator, the last one that keeps the line in width."""
    lines: list[str] = []
    while len(text) > width:
        cuts = [
            i + len(s)
            for s in separators
            for i in range(len(text))
            if text.startswith(s, i) and i + len(s) <= width
        ]
        if not cuts:
            break
        cut = max(cuts)
        lines.append(text[:cut])
        text = text[cut:]
    return [*lines, text] if text else lines


class _Writer:
    def __init__(self, data: TableData, language: Language, style: DumpStyle) -> None:
        self.data, self.language, self.style = data, language, style
        self.spaced = language.writing.join == "space"
        grammar = language.grammar
        self.separators = (*grammar.comma, *grammar.list, *grammar.range)
        self.pages: list[list[str]] = []
        self.body = 0

    def theme_lines(self, text: str) -> list[str]:
        if self.spaced:
            return _wrap_spaced(text, self.style.width)
        return _wrap_anywhere(text, self.style.width)

    def cell_lines(self, text: str) -> list[str]:
        if self.spaced:
            return _wrap_spaced(text, self.style.width)
        return _wrap_after_separators(text, self.style.width, self.separators)

    def header(self) -> list[str]:
        labels = self.language.header
        references = REFERENCES_LABEL.get(self.language.code, "{label} {symbol}").format(
            label=labels.references[0], symbol=self.data.reference_document
        )
        return [
            labels.theme[0],
            f"{labels.report[0]} {references}",
            f"{labels.extra[0]} {labels.document[0]} {labels.paragraphs[0]}",
        ]

    def new_page(self) -> None:
        number = len(self.pages) + 1
        self.pages.append([self.data.symbol, f"{self.data.job_number} {number}/{{total}}"])
        self.body = 0

    def table_page(self) -> None:
        self.new_page()
        self.pages[-1].extend(self.header())

    def put(self, lines: list[str], keep: int = 0) -> None:
        """Body lines; a page break first when `keep` more lines would not fit."""
        if self.body + max(keep, len(lines)) > self.style.page_lines:
            self.table_page()
        self.pages[-1].extend(lines)
        self.body += len(lines)

    def row(self, report: str, paragraphs: str, references: str) -> list[str]:
        para, refs = self.cell_lines(paragraphs), self.cell_lines(references)
        if len(para) == 1 and len(refs) == 1:
            return [f"{report} {paragraphs} {references}"]
        return [f"{report} {para[0]}", *para[1:], *refs]

    def write(self) -> str:
        self.new_page()
        self.pages[-1] += ["Distr.: General", PREAMBLE.get(self.language.code, "")]
        self.new_page()
        self.pages[-1] += self.theme_lines(self.data.title)
        self.pages[-1] += self.header()
        for name, rows in self.data.themes:
            head, tail = name, ""
            if self.style.cut is not None and self.style.cut[0] == name:
                head, tail = name[: self.style.cut[1]], name[self.style.cut[1] :]
            first = self.row(*rows[0])
            self.put(self.theme_lines(head) + first)
            for row in rows[1:]:
                self.put(self.row(*row))
            if tail:
                self.table_page()
                self.put(self.theme_lines(tail))
        total = len(self.pages)
        return "\f".join(
            "\n".join(line.replace("{total}", str(total)) for line in page) + "\n"
            for page in self.pages
        )


def text_dump(data: TableData, language: Language, style: DumpStyle = DumpStyle()) -> bytes:
    """The table as a text dump (UTF-8)."""
    return _Writer(data, language, style).write().encode("utf-8")

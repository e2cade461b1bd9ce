"""IndexDocument -> one self-contained HTML page for people: the index, search as you type,
the theme x meeting matrix and every finding beside its row.

The page is a file anyone can mail or open from disk: style and script are inline (from
`assets/`), row pictures are data URIs, and a Content-Security-Policy forbids every
request, so it works offline and from `file://`. Every text from the document is escaped;
interface words, writing direction and column labels come from the language file, so no
language is named here. The same document (and PDF) gives the same bytes, like the other
outputs: no clock, fixed order, deterministic PNGs.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from html import escape
from importlib import resources
from pathlib import Path
from string import Template

from pipeline import __version__
from pipeline.cli.html_findings import SEVERITY_ORDER, finding_block, findings_section
from pipeline.cli.html_images import RowImage, concerned_column, row_cutter
from pipeline.cli.html_matrix import matrix_section
from pipeline.cli.html_words import Words, column_label, row_id, theme_id, words_for
from pipeline.errors import InputError
from pipeline.languages import Language, get_language
from pipeline.models import Column, Diagnostic, Entry, IndexDocument, Theme
from pipeline.normalize.render import render_paragraphs, show_reference

# The pictures of a finding's row: none for a text source or without the PDF.
Images = Callable[[Entry, Diagnostic], tuple[RowImage, ...]]
UNDOCS = "https://undocs.org/{language}/{symbol}"


def no_images(entry: Entry, diagnostic: Diagnostic) -> tuple[RowImage, ...]:
    return ()


def _asset(name: str) -> str:
    return resources.files("pipeline.cli").joinpath("assets", name).read_text("utf-8")


def _csp_hash(text: str) -> str:
    """The CSP source that allows exactly this inline style or script."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


# --- header, navigation, toolbar ---------------------------------------------------------


def _header(document: IndexDocument, language: Language, words: Words) -> str:
    entries = [e for t in document.themes for e in t.entries]
    facts = [(words("language"), escape(f"{language.name} ({language.code})"))]
    if document.reference_document:
        facts.append((words("reference_document"), escape(document.reference_document)))
    facts += [
        (words("source"), escape(document.source.name)),
        (words("pages"), str(document.source.pages)),
        ("SHA-256", f'<code dir="ltr">{escape(document.source.sha256)}</code>'),
    ]
    stats = [
        f"<li><strong>{len(document.themes)}</strong> <span>{words('themes')}</span></li>",
        f"<li><strong>{len(entries)}</strong> <span>{words('rows')}</span></li>",
        f"<li><strong>{sum(len(e.paragraphs) for e in entries)}</strong>"
        f" <span>{words('paragraphs')}</span></li>",
    ]
    for severity in SEVERITY_ORDER:
        found = sum(1 for d in document.diagnostics if d.severity == severity)
        stats.append(
            f'<li class="{severity.value}"><a href="#findings"><strong>{found}</strong>'
            f" <span>{words(severity.value + 's')}</span></a></li>"
        )
    symbol = document.symbol or document.source.name
    return "\n".join(
        [
            f'<p class="symbol"><bdi>{escape(symbol)}</bdi></p>',
            f"<h1>{escape(document.title or symbol)}</h1>",
            '<dl class="facts">',
            *(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in facts),
            "</dl>",
            f'<ul class="stats">{"".join(stats)}</ul>',
        ]
    )


def _nav(document: IndexDocument, words: Words) -> str:
    links = [
        ("index", words("index")),
        ("matrix", words("matrix")),
        ("findings", f"<bdi>{words('findings')} ({len(document.diagnostics)})</bdi>"),
    ]
    return "<ul>" + "".join(f'<li><a href="#{t}">{label}</a></li>' for t, label in links) + "</ul>"


def _toolbar(words: Words) -> str:
    hint = escape(words.text("search_hint"))
    return (
        '<div class="toolbar-inner"><div class="line">'
        f'<label class="search"><span>{words("search")}</span>'
        f'<input id="q" type="search" autocomplete="off" spellcheck="false"'
        f' placeholder="{hint}" aria-describedby="count"></label>'
        f'<button type="button" id="clear">{words("clear")}</button></div>'
        '<div class="line"><output id="count" for="q" aria-live="polite"'
        f' data-format="{escape(words.text("count"))}"></output>'
        '<label class="option"><input type="checkbox" id="only-findings"> '
        f"{words('only_findings')}</label>"
        f'<label class="option"><input type="checkbox" id="expand"> {words("expand")}</label>'
        "</div></div>"
    )


# --- the index ------------------------------------------------------------------------


def _occurs(text: str, item: str) -> bool:
    """Whether `item` stands in `text` as a whole ("VI.1" is not in "VI.12")."""

    def joins(char: str) -> bool:
        return char.isalnum() or char in "._"

    start = text.find(item)
    while start != -1:
        end = start + len(item)
        if not (start and joins(text[start - 1])) and not (end < len(text) and joins(text[end])):
            return True
        start = text.find(item, start + 1)
    return False


def spelled_out(printed: str, items: list[str]) -> bool:
    """Whether the printed cell already shows every item of its expanded list."""
    return all(_occurs(printed, item) for item in items)


def _items(printed: str, items: list[tuple[str, str]], words: Words) -> str:
    """The expanded list (search key, text of each item), folded away; nothing when the
    printed cell spells it out. The search marks the items it matched by their key."""
    texts = [text for _, text in items]
    if len(texts) < 2 or spelled_out(printed, texts):
        return ""
    lis = "".join(f'<li data-k="{escape(key)}">{escape(text)}</li>' for key, text in items)
    return (
        f'<details class="list"><summary>{words("items", n=len(texts))}</summary>'
        f'<ol class="items">{lis}</ol></details>'
    )


def _row(
    document: IndexDocument, language: Language, anchor: str, entry: Entry, words: Words
) -> str:
    paragraphs = [
        (f"{p.number}{p.letter or ''}", render_paragraphs([p], language)) for p in entry.paragraphs
    ]
    references = [(show_reference(r), show_reference(r)) for r in entry.references]
    classes = ["row"]
    if entry.diagnostics:
        worst = min(SEVERITY_ORDER.index(d.severity) for d in entry.diagnostics)
        classes += ["has-finding", f"sev-{SEVERITY_ORDER[worst].value}"]
    cited = " ".join(key for key, _ in paragraphs)
    link = UNDOCS.format(language=document.language, symbol=entry.report)
    pages = ", ".join(str(page) for page in entry.pages)
    return (
        f'<tr class="{" ".join(classes)}" id="{anchor}" tabindex="-1"'
        f' data-p="{escape(cited)}" data-r="{escape(" ".join(k for k, _ in references))}">'
        f'<td class="report"><a class="said" href="{escape(link)}"'
        f' hreflang="{escape(document.language)}" dir="ltr">{escape(entry.report)}</a></td>'
        f'<td><bdi class="said">{escape(entry.paragraphs_text)}</bdi>'
        f"{_items(entry.paragraphs_text, paragraphs, words)}</td>"
        f'<td><bdi class="said">{escape(entry.references_text)}</bdi>'
        f"{_items(entry.references_text, references, words)}</td>"
        f'<td class="pages">{pages}</td></tr>'
    )


def _theme(
    document: IndexDocument, language: Language, theme: Theme, words: Words, images: Images
) -> list[str]:
    parts = [
        f'<tbody class="theme" id="{theme_id(theme.position)}">',
        f'<tr><th class="theme" scope="rowgroup" colspan="4"><span class="position">'
        f'{theme.position}</span><bdi class="name">{escape(theme.name)}</bdi></th></tr>',
    ]
    for index, entry in enumerate(theme.entries, 1):
        anchor = row_id(theme.position, index)
        parts.append(_row(document, language, anchor, entry, words))
        if entry.diagnostics:
            blocks = "".join(finding_block(d, images(entry, d), words) for d in entry.diagnostics)
            parts.append(
                f'<tr class="finding-row" data-row="{anchor}"><td colspan="4">{blocks}</td></tr>'
            )
    parts.append("</tbody>")
    return parts


def _index(document: IndexDocument, language: Language, words: Words, images: Images) -> str:
    columns = (Column.REPORT, Column.PARAGRAPHS, Column.REFERENCES)
    head = "".join(f'<th scope="col">{column_label(language, c, document)}</th>' for c in columns)
    parts = [
        f'<h2 id="index-title">{words("index")}</h2>',
        '<table class="index">',
        '<colgroup><col class="report"><col><col><col class="pages"></colgroup>',
        f'<thead><tr>{head}<th scope="col">{words("page")}</th></tr></thead>',
    ]
    for theme in document.themes:
        parts += _theme(document, language, theme, words, images)
    parts.append("</table>")
    return "\n".join(parts)


# --- the page -------------------------------------------------------------------------


def _rows_of_findings(document: IndexDocument) -> dict[Diagnostic, str]:
    """The row each finding of the document stands beside, by anchor."""
    rows: dict[Diagnostic, str] = {}
    for theme in document.themes:
        for index, entry in enumerate(theme.entries, 1):
            for diagnostic in entry.diagnostics:
                rows.setdefault(diagnostic, row_id(theme.position, index))
    return rows


def render_page(document: IndexDocument, language: Language, images: Images = no_images) -> bytes:
    """The page's bytes (UTF-8)."""
    words = words_for(language)
    style, script = _asset("page.css"), _asset("page.js")
    symbol = document.symbol or document.source.name
    title = f"{symbol} — {document.title}" if document.title else symbol
    page = Template(_asset("page.html")).substitute(
        lang=escape(document.language),
        dir=language.direction,
        style_hash=_csp_hash(style),
        script_hash=_csp_hash(script),
        generator=f"recindex {__version__}",
        title=escape(title),
        style=style,
        script=script,
        header=_header(document, language, words),
        nav=_nav(document, words),
        toolbar=_toolbar(words),
        index=_index(document, language, words, images),
        matrix=matrix_section(document, language, words),
        findings=findings_section(document, language, _rows_of_findings(document), words),
    )
    return page.encode("utf-8")


def document_to_html(document: IndexDocument, language: Language, pdf: bytes | None) -> bytes:
    """The page; with the source PDF (its SHA-256 checked), each finding's row pictured."""
    if pdf is None or document.source.kind != "pdf":
        return render_page(document, language)
    with row_cutter(pdf, document) as cutter:
        return render_page(
            document, language, lambda entry, d: cutter.cut(entry, concerned_column(entry, d))
        )


def page_for(document: IndexDocument, pdf: Path | None) -> bytes:
    """The page of `document`; `pdf` is its source when that is a PDF (a text source's
    path, or None, gives a page without pictures)."""
    language = get_language(document.language)
    if pdf is None or document.source.kind != "pdf":
        return document_to_html(document, language, None)
    try:
        data = pdf.read_bytes()
    except OSError as error:
        raise InputError(f"{pdf}: cannot read ({error.strerror or error})") from None
    return document_to_html(document, language, data)

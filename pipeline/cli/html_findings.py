"""The findings on the HTML page: each beside its row, and all of them in one table.

A finding shows the cell as printed against the suggested reading, with what the reading
drops struck through and what it adds marked, then why, then (for a PDF) the row as it
stands on the page. The messages are the validator's, which are written in English, so
they carry that language's `lang` and `dir` (the language file that says `program = true`).
"""

from __future__ import annotations

import base64
import difflib
from html import escape

import regex

from pipeline.cli.html_images import RowImage
from pipeline.cli.html_words import Words, column_label, messages_attributes
from pipeline.languages import Language
from pipeline.models import Column, Diagnostic, IndexDocument, Severity
from pipeline.settings import PAGE_SETTINGS

SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
# Words, commas and runs of space apart, so that a changed item is marked whole.
TOKEN_RE = regex.compile(r"\s+|,|[^\s,]+")


def marked_reading(printed: str, suggested: str) -> tuple[str, str]:
    """Both texts escaped; what the reading drops in <del>, what it adds in <ins>."""
    a, b = TOKEN_RE.findall(printed), TOKEN_RE.findall(suggested)
    left: list[str] = []
    right: list[str] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old, new = escape("".join(a[i1:i2])), escape("".join(b[j1:j2]))
        if tag == "equal":
            left.append(old)
            right.append(new)
            continue
        if old:
            left.append(f"<del>{old}</del>")
        if new:
            right.append(f"<ins>{new}</ins>")
    return "".join(left), "".join(right)


def _image(image: RowImage, words: Words) -> str:
    data = base64.b64encode(image.png).decode("ascii")
    scale = PAGE_SETTINGS.image_display / PAGE_SETTINGS.image_scale
    return (
        f'<figure class="row-image"><img src="data:image/png;base64,{data}"'
        f' width="{round(image.width * scale)}" height="{round(image.height * scale)}"'
        f' alt="{escape(words.text("image", page=image.page))}"></figure>'
    )


def finding_block(diagnostic: Diagnostic, images: tuple[RowImage, ...], words: Words) -> str:
    """One finding, to stand under its row."""
    severity = diagnostic.severity.value
    where = f" · {words('page')} {diagnostic.page}" if diagnostic.page else ""
    parts = [
        f'<div class="finding {severity}">',
        f'<p class="head"><span class="badge">{words(severity)}</span>'
        f"<code>{escape(diagnostic.code)}</code>{where}</p>",
        '<dl class="reading">',
    ]
    if diagnostic.text is not None and diagnostic.suggestion is not None:
        printed, suggested = marked_reading(diagnostic.text, diagnostic.suggestion)
        parts.append(f'<dt>{words("printed")}</dt><dd><bdi class="printed">{printed}</bdi></dd>')
        parts.append(
            f'<dt>{words("suggested")}</dt><dd><bdi class="suggested">{suggested}</bdi></dd>'
        )
    elif diagnostic.text is not None:
        parts.append(
            f'<dt>{words("printed")}</dt><dd><bdi class="printed">'
            f"{escape(diagnostic.text)}</bdi></dd>"
        )
    parts.append(
        f"<dt>{words('why')}</dt><dd><span {messages_attributes()}>"
        f"{escape(diagnostic.message)}</span></dd>"
    )
    parts.append("</dl>")
    if images:
        parts.append('<div class="pictures">')
        parts.extend(_image(image, words) for image in images)
        parts.append("</div>")
    parts.append("</div>")
    return "".join(parts)


def _where(diagnostic: Diagnostic, row: str | None, words: Words) -> str:
    if not (diagnostic.theme or diagnostic.report):
        return words("document_findings")
    where = escape(diagnostic.theme or "")
    if diagnostic.report:
        report = f"<bdi>{escape(diagnostic.report)}</bdi>"
        if row is not None:
            report = f'<a href="#{row}">{report}</a> · <a href="#{row}">{words("to_row")}</a>'
        where += f"<br>{report}"
    return where


def findings_section(
    document: IndexDocument, language: Language, rows: dict[Diagnostic, str], words: Words
) -> str:
    """Every finding, the most severe first, each linked to its row (`rows`: anchors)."""
    title = f'<h2 id="findings-title">{words("findings")}</h2>'
    if not document.diagnostics:
        return f"{title}\n<p>{words('no_findings')}</p>"
    rank = {severity: i for i, severity in enumerate(SEVERITY_ORDER)}
    ordered = sorted(document.diagnostics, key=lambda d: (rank[d.severity], d.page or 0))
    labels = (
        words("severity"),
        words("page"),
        f"{column_label(language, Column.THEME, document)} / "
        f"{column_label(language, Column.REPORT, document)}",
        f"{words('printed')} → {words('suggested')}",
        words("why"),
    )
    head = "".join(f'<th scope="col">{label}</th>' for label in labels)
    body = []
    for d in ordered:
        reading = f"<bdi>{escape(d.text)}</bdi>" if d.text is not None else ""
        if d.text is not None and d.suggestion is not None:
            printed, suggested = marked_reading(d.text, d.suggestion)
            reading = f"<bdi>{printed}</bdi> → <bdi>{suggested}</bdi>"
        body.append(
            f'<tr class="{d.severity.value}"><td class="sev">{words(d.severity.value)}</td>'
            f"<td>{d.page or ''}</td><td>{_where(d, rows.get(d), words)}</td><td>{reading}</td>"
            f"<td><code>{escape(d.code)}</code><br><span {messages_attributes()}>"
            f"{escape(d.message)}</span></td></tr>"
        )
    return "\n".join(
        [
            title,
            '<table class="findings">',
            f"<thead><tr>{head}</tr></thead>",
            "<tbody>",
            *body,
            "</tbody>",
            "</table>",
        ]
    )

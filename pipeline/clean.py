"""Keep only the table body; turn everything else into metadata.

Page furniture (running symbol, job number and "n/N"), the repeated table header (whole or
partial), URI lines and the preamble are removed. What they say is kept: the symbol, the
job number, the title printed above the first header, the reference document named in the
header, the page count and the URI record. A text dump without form feeds gets its page
numbers here, from the breaks it does show (header runs, URI blocks, footers).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cache

import regex

from pipeline.errors import InputError
from pipeline.languages import Language, known_languages
from pipeline.models import DocumentMeta, Line, Lines, TableLines
from pipeline.patterns import FOOTER_RE, SYMBOL_RE, UNDOCS_SYMBOL_RE, fold


@cache
def _label_pattern(labels: tuple[str, ...]) -> regex.Pattern[str]:
    """Any of the labels, as whole words; longest first so that a label wins over its
    own prefix."""
    ordered = sorted({fold(label) for label in labels}, key=len, reverse=True)
    body = "|".join(regex.escape(label) for label in ordered)
    return regex.compile(rf"(?<!\w)(?:{body})(?!\w)")


def _is_header_text(text: str, language: Language) -> bool:
    """A header line holds nothing but header labels and the reference symbol."""
    labels = _label_pattern(language.header.all_labels())
    if not labels.search(text):
        return False
    rest = SYMBOL_RE.sub(" ", labels.sub(" ", text))
    return not regex.sub(r"[\s()/]+", "", rest)


def detect_language(lines: Iterable[Line]) -> Language:
    """The language whose column labels the header lines carry most of."""
    texts = [line.text for line in lines if line.kind in ("text", "header")]
    scores: list[tuple[int, str]] = []
    for code, language in known_languages().items():
        columns = (language.header.theme, language.header.paragraphs, language.header.report)
        found = sum(1 for labels in columns if any(_label_pattern(labels).search(t) for t in texts))
        scores.append((found, code))
    best, code = max(scores)
    if best < 2:
        known = ", ".join(sorted(known_languages()))
        raise InputError(f"no table header of a known language found (known: {known})")
    return known_languages()[code]


def _mark(lines: tuple[Line, ...], language: Language) -> list[Line]:
    """Give every unclassified line its kind: header, furniture or text."""
    furniture = [regex.compile(p) for p in language.furniture.patterns]
    references_label = _label_pattern(language.header.references)
    marked: list[Line] = []
    previous_header = ""
    for line in lines:
        kind = line.kind
        if kind == "text" and not line.cells:
            if _is_header_text(line.text, language):
                kind = "header"
            elif SYMBOL_RE.fullmatch(line.text) and references_label.search(previous_header):
                kind = "header"  # the reference symbol printed on a line of its own
            elif FOOTER_RE.match(line.text) or any(p.search(line.text) for p in furniture):
                kind = "furniture"
            elif SYMBOL_RE.fullmatch(line.text):
                kind = "furniture"  # the running document symbol
        previous_header = line.text if kind == "header" else ""
        marked.append(line.model_copy(update={"kind": kind}) if kind != line.kind else line)
    return marked


def _infer_pages(lines: list[Line]) -> list[Line]:
    """Number pages of a dump that has no form feeds.

    A page starts after a URI block and at a header run, unless nothing of the table has
    been printed since the last start; a footer "n/N" fixes the number (at the top of a
    page it names that page, after content it names the page that ends).
    """
    page, fresh, in_table = 1, True, False
    out: list[Line] = []
    for i, line in enumerate(lines):
        if line.kind == "header" and (i == 0 or lines[i - 1].kind != "header"):
            if not fresh:
                page += 1
            fresh, in_table = True, True
        footer = FOOTER_RE.match(line.text) if line.kind == "furniture" else None
        if footer:
            if fresh:
                page = int(footer.group("page"))
            else:
                page, fresh = int(footer.group("page")) + 1, True
        out.append(line.model_copy(update={"page": page}))
        if line.kind == "text" and in_table:
            fresh = False
        if line.kind == "uri" and (i + 1 == len(lines) or lines[i + 1].kind != "uri"):
            page, fresh = page + 1, True
    return out


def _title(lines: list[Line], first_header: int) -> str | None:
    """The text printed above the first table header, after the last page break."""
    parts: list[str] = []
    for line in reversed(lines[:first_header]):
        if line.kind != "text" or line.page != lines[first_header].page:
            break
        parts.append(line.text)
    return fold(" ".join(reversed(parts))) or None


def _meta(lines: list[Line], first_header: int, language: Language) -> DocumentMeta:
    running = Counter(
        line.text for line in lines if line.kind == "furniture" and SYMBOL_RE.fullmatch(line.text)
    )
    jobs = [m.group("job") for line in lines if (m := FOOTER_RE.match(line.text))]
    header_text = " ".join(line.text for line in lines if line.kind == "header")
    reference = SYMBOL_RE.search(regex.sub(r"/\s+", "/", header_text))
    return DocumentMeta(
        symbol=running.most_common(1)[0][0] if running else None,
        language=language.code,
        title=_title(lines, first_header),
        job_number=jobs[0] if jobs else None,
        reference_document=reference.group(0) if reference else None,
    )


def _page_count(lines: list[Line], pages: int) -> int:
    declared = [int(m.group("pages")) for line in lines if (m := FOOTER_RE.match(line.text))]
    return max([pages, *declared, *(line.page for line in lines)])


def lines_to_table_lines(extracted: Lines, language: Language | None = None) -> TableLines:
    """Drop everything that is not a table cell; keep what it told us."""
    language = language or detect_language(extracted.lines)
    lines = _mark(extracted.lines, language)
    if not extracted.pages_known:
        lines = _infer_pages(lines)
    first_header = next((i for i, line in enumerate(lines) if line.kind == "header"), None)
    if first_header is None:
        raise InputError("no table header found: this is not an index of recommendations")
    body = tuple(line for line in lines[first_header:] if line.kind == "text" and line.text.strip())
    record = [
        (m.group("symbol"), line.page)
        for line in lines
        if line.kind == "uri" and (m := UNDOCS_SYMBOL_RE.match(line.text))
    ]
    if not any(SYMBOL_RE.search(line.text) or line.cells for line in body):
        raise InputError("the table has no rows: no meeting-report symbol after the header")
    return TableLines(
        source=extracted.source.model_copy(
            update={"pages": _page_count(lines, extracted.source.pages)}
        ),
        meta=_meta(lines, first_header, language),
        lines=body,
        uris=tuple(symbol for symbol, _ in record),
        uri_pages=tuple(page for _, page in record),
    )

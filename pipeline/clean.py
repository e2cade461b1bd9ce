"""Keep only the table body; turn everything else into metadata.

Page furniture (running symbol, job number and "n/N"), the repeated table header (whole or
partial), URI lines and the preamble are removed. What they say is kept: the symbol, the
job number, the title printed above the first header, the reference document named in the
header, the page count and the URI record. A text dump without form feeds gets its page
numbers here, from the breaks it does show (header runs, URI blocks, footers).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable
from functools import cache

import regex

from pipeline.errors import InputError
from pipeline.languages import Language, known_languages
from pipeline.models import DocumentMeta, Evidence, Folio, Line, Lines, TableLines
from pipeline.patterns import (
    FOOTER_RE,
    SYMBOL_RE,
    UNDOCS_SYMBOL_RE,
    fold,
    is_furniture_text,
    join_lines,
    label_key,
)

# A gap between lines this many times their usual pitch sets the title apart from the
# preamble above it: a blank line, or a paragraph's spacing, which at 1.5 line spacing is
# some 1.65 pitches; the lines of a title in a larger font step some 1.2 pitches.
_TITLE_GAP = 1.5


@cache
def _label_pattern(labels: tuple[str, ...]) -> regex.Pattern[str]:
    """Any of the labels, as whole words; longest first so that a label wins over its
    own prefix. Matched against `label_key` text, so any case or accents match."""
    ordered = sorted({label_key(label) for label in labels}, key=len, reverse=True)
    body = "|".join(regex.escape(label) for label in ordered)
    return regex.compile(rf"(?<!\w)(?:{body})(?!\w)")


@cache
def _label_pattern_exact(labels: tuple[str, ...]) -> regex.Pattern[str]:
    ordered = sorted({fold(label) for label in labels}, key=len, reverse=True)
    body = "|".join(regex.escape(label) for label in ordered)
    return regex.compile(rf"(?<!\w)(?:{body})(?!\w)")


def _is_header_text(text: str, language: Language) -> bool:
    """A header line holds nothing but header labels and the reference symbol. Labels in
    capitals or small capitals match whatever their case; in running text a label word
    must keep its own case ("… par thème" ending a title is not the "Thème" label)."""
    labels = _label_pattern(language.header.all_labels())
    key = label_key(text)
    if not labels.search(key):
        return False
    if any(c.islower() for c in text) and not _label_pattern_exact(
        language.header.all_labels()
    ).search(text):
        return False
    rest = SYMBOL_RE.sub(" ", labels.sub(" ", key).upper())
    return not regex.sub(r"[\s()/]+", "", rest)


def detect_language(lines: Iterable[Line]) -> Language:
    """The language whose column labels the header lines carry most of."""
    # The lines joined by line breaks: a label is matched as whole words and holds no break,
    # so searching the lines joined finds what searching each would.
    text = "\n".join(label_key(line.text) for line in lines if line.kind in ("text", "header"))
    scores: list[tuple[int, str]] = []
    for code, language in known_languages().items():
        columns = (language.header.theme, language.header.paragraphs, language.header.report)
        found = sum(1 for labels in columns if _label_pattern(labels).search(text))
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
            elif SYMBOL_RE.fullmatch(line.text) and references_label.search(
                label_key(previous_header)
            ):
                kind = "header"  # the reference symbol printed on a line of its own
            elif is_furniture_text(line.text) or any(p.search(line.text) for p in furniture):
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


def _title(lines: list[Line], first_header: int, language: Language) -> str | None:
    """The text printed above the first table header, after the last page break; where the
    table starts under the preamble, after the widest gap between lines (the title is set
    apart from the text above it: the nearest wide gap above the header). Its lines are
    joined as the language joins them."""
    block: list[Line] = []
    for line in reversed(lines[:first_header]):
        if line.kind != "text" or line.page != lines[first_header].page:
            break
        block.append(line)
    block.reverse()
    steps = [b.top - a.top for a, b in itertools.pairwise(block)]
    if len(steps) >= 2 and all(step > 0 for step in steps):
        usual = min(steps)
        wide = [k for k, step in enumerate(steps) if step > _TITLE_GAP * usual]
        if wide:
            block = block[wide[-1] + 1 :]
    parts = [line.text for line in block]
    return join_lines(parts, language.writing.join == "space") or None


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
        title=_title(lines, first_header, language),
        job_number=jobs[0] if jobs else None,
        reference_document=reference.group(0) if reference else None,
    )


def _page_count(lines: list[Line], pages: int) -> int:
    declared = [int(m.group("pages")) for line in lines if (m := FOOTER_RE.match(line.text))]
    return max([pages, *declared, *(line.page for line in lines)])


def _other_language(lines: Iterable[Line], language: Language) -> Language | None:
    """The language the header is in, when it is not `language` (a wrong --lang)."""
    try:
        found = detect_language(lines)
    except InputError:
        return None
    return found if found.code != language.code else None


def lines_to_table_lines(extracted: Lines, language: Language | None = None) -> TableLines:
    """Drop everything that is not a table cell; keep what it told us."""
    language = language or detect_language(extracted.lines)
    lines = _mark(extracted.lines, language)
    if not extracted.pages_known:
        lines = _infer_pages(lines)
    first_header = next((i for i, line in enumerate(lines) if line.kind == "header"), None)
    if first_header is None:
        if given := _other_language(extracted.lines, language):
            raise InputError(
                f"no table header in {language.name} ({language.code}); the header is in "
                f"{given.name} ({given.code}): use --lang {given.code} or --lang auto"
            )
        raise InputError("no table header found: this is not an index of recommendations")
    body = tuple(line for line in lines[first_header:] if line.kind == "text" and line.text.strip())
    record = [
        (m.group("symbol"), line.page)
        for line in lines
        if line.kind == "uri" and (m := UNDOCS_SYMBOL_RE.match(line.text))
    ]
    if not any(SYMBOL_RE.search(line.text) or line.cells for line in body):
        raise InputError("the table has no rows: no meeting-report symbol after the header")
    folios = tuple(
        Folio(page=line.page, number=int(m.group("page")), of=int(m.group("pages")))
        for line in lines
        if line.kind == "furniture" and (m := FOOTER_RE.match(line.text))
    )
    evidence = Evidence(
        pages_read=max([extracted.source.pages, *(line.page for line in lines)]),
        pages_known=extracted.pages_known,
        folios=folios,
        text_pages=tuple(sorted({line.page for line in lines if line.text.strip()})),
        links=extracted.links,
        complaints=extracted.complaints,
        word_breaks=extracted.word_breaks,
    )
    return TableLines(
        source=extracted.source.model_copy(
            update={"pages": _page_count(lines, extracted.source.pages)}
        ),
        meta=_meta(lines, first_header, language),
        lines=body,
        uris=tuple(symbol for symbol, _ in record),
        uri_pages=tuple(page for _, page in record),
        evidence=evidence,
    )

"""PDF sources: words, hyperlinks and rules of each page become `Lines` with known columns.

The PDF is read once per page by one of two engines that give the same words, link
annotations and horizontal strokes (`pdf_pages`: pdfium by default, or pdfplumber),
behind a single boundary that turns every parser failure into one `InputError`. The
layout is then read from geometry alone (see `pdf_layout`): the header labels of the
document's language give the columns, the page furniture bounds the table body, and each
body line is split into cells. Lines outside the table are passed on as plain text so that
`clean` reads the title, symbol, job number and page count exactly as it does for a text
dump.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace

from pipeline.errors import InputError
from pipeline.extraction.engines import DEFAULT_ENGINE, Engine
from pipeline.extraction.pdf_bidi import (
    brackets_stored,
    is_mirrored,
    mirrored_language,
    oriented,
    restore_layout,
    restore_lines,
)
from pipeline.extraction.pdf_columns import by_geometry, fit_columns, page_shifts, shifted
from pipeline.extraction.pdf_evidence import PageFrame
from pipeline.extraction.pdf_faults import page_complaints, rows_before_table
from pipeline.extraction.pdf_groups import read_groups
from pipeline.extraction.pdf_header import find_header
from pipeline.extraction.pdf_layout import (
    Header,
    PageContent,
    repeated_words,
)
from pipeline.extraction.pdf_lines import page_lines
from pipeline.extraction.pdf_page import PageReading
from pipeline.extraction.pdf_page_breaks import rows_across_breaks
from pipeline.extraction.pdf_pages import read_pages
from pipeline.languages import Language, known_languages
from pipeline.languages.names import cannot_end
from pipeline.models import (
    Column,
    Lines,
    SourceInfo,
)


def _headers(
    pages: Sequence[PageContent], language: Language | None, name: str
) -> list[Header | None]:
    """Each page's table header, in the language whose header labels are laid out as a
    table header on some page (`Header.language`).

    Every language is tried only until one is found: the pages before it have no header
    in any language, and the later ones are searched in that language alone.
    """
    candidates = [language] if language else list(known_languages().values())
    for i, page in enumerate(pages):
        for candidate in candidates:
            # A right-to-left edition is read mirrored, its labels as mirrored (pdf_bidi).
            labels = mirrored_language(candidate)
            header = find_header(oriented(page, candidate).header_words, labels)
            if header is not None:
                rest = [
                    find_header(oriented(p, candidate).header_words, labels) for p in pages[i + 1 :]
                ]
                return [None] * i + [header, *rest]
    if language is not None:
        # Say which edition this is, if another language's header is there.
        other = next(
            (
                candidate
                for candidate in known_languages().values()
                if candidate != language
                and any(
                    find_header(
                        oriented(page, candidate).header_words, mirrored_language(candidate)
                    )
                    for page in pages
                )
            ),
            None,
        )
        if other is not None:
            raise InputError(
                f"{name}: no table header in {language.name} ({language.code}); the header "
                f"is in {other.name} ({other.code}): use --lang {other.code} or --lang auto"
            )
    known = ", ".join(sorted(c.code for c in candidates))
    raise InputError(f"{name}: no table header of a known language found (known: {known})")


def pdf_to_lines(
    data: bytes,
    source: SourceInfo,
    language: Language | None = None,
    shown: str | None = None,
    engine: Engine = DEFAULT_ENGINE,
) -> Lines:
    """Read a PDF index into lines; table-body lines carry their cells by column. `shown`
    is the file as the user named it, for messages (default: its name); `engine` the
    page reader (`pdf_pages`)."""
    label = shown or source.name
    content, complaints = read_pages(data, label, engine)
    headers = _headers(content, language, label)
    found = next((h for h in headers if h is not None), None)
    assert found is not None
    edition = found.language
    brackets = brackets_stored(content) if is_mirrored(edition) else None
    pages: list[PageReading] = []
    table: Header | None = None
    repeated = repeated_words(content)
    for page, header in zip(content, headers, strict=True):
        pages.append(PageReading(oriented(page, edition), header, table, repeated))
        table = header or table
    tables = [page for page in pages if page.table is not None]
    for upper, lower in itertools.pairwise(tables):
        lower.echoes_of(upper)
    for header, same in by_geometry([page.table for page in tables]):
        bodies = [tables[k].body_words() for k in same]
        shifts = page_shifts(bodies, [tables[k].header is not None for k in same], header.size)
        fitted = fit_columns(
            header,
            (
                replace(w, x0=w.x0 - dx, x1=w.x1 - dx) if dx else w
                for body, dx in zip(bodies, shifts, strict=True)
                for w in body
            ),
        )
        for k, dx in zip(same, shifts, strict=True):
            tables[k].read(shifted(fitted, dx) if dx else fitted)
    rows_across_breaks(tables)
    # Row groups run across pages, and the theme alignment is one for the document, so
    # they are read over the whole table at once.
    frames: list[PageFrame] = []
    for part in tables:
        last = next((f.rows[-1].order for f in reversed(frames) if f.rows), ())
        frames.append(part.frame(first=not frames, previous=last, mirrored=brackets))
    reading = read_groups(frames, edition.theme.continued, lambda name: cannot_end(name, edition))
    lines, boxes = page_lines(pages, reading, edition)
    layouts = [
        page.layout.model_copy(update={"groups": boxes.get(page.content.number, ())})
        for page in pages
        if page.layout is not None
    ]
    if brackets is not None:  # text back in logical order, boxes back on the page
        widths = {page.number: page.width for page in content}
        lines = [
            restored
            for number, page_lines in itertools.groupby(lines, key=lambda line: line.page)
            for restored in restore_lines(page_lines, widths[number], brackets)
        ]
        layouts = [restore_layout(layout) for layout in layouts]
    reports = {cell.text for line in lines for cell in line.cells if cell.column is Column.REPORT}
    return Lines(
        source=source.model_copy(update={"pages": len(content)}),
        lines=tuple(lines),
        layouts=tuple(layouts),
        links=tuple(link for page in pages for link in page.table_links()),
        complaints=(
            *complaints,
            *(c for page in pages for c in page_complaints(page)),
            *rows_before_table(pages, reports),
        ),
        pages_known=True,
        word_breaks=tuple(sorted(set().union(*(page.word_breaks for page in pages)))),
    )

"""Never silently incomplete: the table against what the source shows exists.

A PDF with a damaged or removed page, or a dump with a lost line, still yields a table;
what tells that something is missing is printed elsewhere: the page numbers "n/N" on every
page, the link annotation over every report symbol, the run of pages that carry rows, a
theme name that swallowed the next theme's name when the row between them was lost. Each
gap is an error finding (and `recindex extract` exits 1), never a shrug.
"""

from __future__ import annotations

from collections import defaultdict

from pipeline.models import Diagnostic, Evidence, IndexDocument, Severity, Theme
from pipeline.patterns import UNDOCS_SYMBOL_RE

PAGE_MISSING = "page-missing"
PAGE_WITHOUT_ROWS = "page-without-rows"
LINK_WITHOUT_ROW = "link-without-row"
THEME_GLUED = "theme-glued"
PDF_DAMAGED = "pdf-damaged"


def check_completeness(document: IndexDocument, evidence: Evidence) -> list[Diagnostic]:
    return [
        *check_complaints(evidence),
        *check_page_sequence(evidence),
        *check_pages_with_rows(document, evidence),
        *check_link_annotations(document, evidence),
        *check_glued_themes(document),
    ]


def _numbers(pages: list[int]) -> str:
    return ", ".join(str(p) for p in pages)


def check_complaints(evidence: Evidence) -> list[Diagnostic]:
    """What reading a page found wrong with it: what the PDF parser said (the page's text
    may be incomplete; the checks below say whether rows are known to be missing), or
    letters printed over other letters (the words there mix two texts)."""
    return [
        Diagnostic(
            code=c.code,
            severity=c.severity,
            message=(
                f"the PDF parser reported, on page {c.page}: {c.message}"
                if c.code == PDF_DAMAGED
                else c.message
            ),
            page=c.page,
            text=c.text,
        )
        for c in evidence.complaints
    ]


def check_page_sequence(evidence: Evidence) -> list[Diagnostic]:
    """The pages read against the page numbers the document prints ("n/N")."""
    if not evidence.folios:
        return []
    total = max(folio.of for folio in evidence.folios)
    seen = {folio.number for folio in evidence.folios}
    if evidence.pages_read < total:
        lost = [n for n in range(1, total + 1) if n not in seen] if evidence.pages_known else []
        where = f"; printed page(s) {_numbers(lost)} not found" if lost else ""
        return [
            Diagnostic(
                code=PAGE_MISSING,
                severity=Severity.ERROR,
                message=f"the document numbers its pages up to {total} but "
                f"{evidence.pages_read} were read{where}",
            )
        ]
    if not evidence.pages_known:
        return []
    # A page may print no number (a UN first page does not); one that shows nothing at
    # all where the document numbers a page has lost its text.
    shown = set(evidence.text_pages)
    return [
        Diagnostic(
            code=PAGE_MISSING,
            severity=Severity.ERROR,
            message=f"page {n} shows neither its number {n}/{total} nor any text: "
            "its content is lost or unreadable",
            page=n,
        )
        for n in range(1, total + 1)
        if n not in seen and n not in shown
    ]


def check_pages_with_rows(document: IndexDocument, evidence: Evidence) -> list[Diagnostic]:
    """A page inside the table's run of pages that carries no row at all."""
    pages = {page for theme in document.themes for e in theme.entries for page in e.pages}
    pages |= {page for theme in document.themes for page in theme.pages}
    if not pages:
        return []
    first, last = min(pages), max(pages)
    return [
        Diagnostic(
            code=PAGE_WITHOUT_ROWS,
            severity=Severity.ERROR,
            message=f"page {page} yields no row while the pages around it do: "
            "its table text is lost or unreadable",
            page=page,
        )
        for page in range(first + 1, last)
        if page not in pages and page <= max(evidence.pages_read, last)
    ]


def _symbol(uri: str) -> str | None:
    match = UNDOCS_SYMBOL_RE.match(uri)
    return match.group("symbol") if match else None


def check_link_annotations(document: IndexDocument, evidence: Evidence) -> list[Diagnostic]:
    """Link annotations over the report column (PDF) whose report no row of their page
    carries: the row they were printed for is missing."""
    if not evidence.links:
        return []
    carried: defaultdict[int, set[str]] = defaultdict(set)
    for theme in document.themes:
        for entry in theme.entries:
            for page in entry.pages:
                carried[page].add(entry.report)
    found: list[Diagnostic] = []
    reported: set[tuple[int, str]] = set()
    for link in evidence.links:
        symbol = _symbol(link.uri)
        if symbol is None or symbol in carried[link.page] or (link.page, symbol) in reported:
            continue
        reported.add((link.page, symbol))
        found.append(
            Diagnostic(
                code=LINK_WITHOUT_ROW,
                severity=Severity.ERROR,
                message=f"page {link.page} has a link to {symbol} over the report column, "
                "but no row of the table on that page cites it: a row is missing",
                page=link.page,
                report=symbol,
                text=link.uri,
            )
        )
    return found


def _balanced(words: list[str]) -> bool:
    text = " ".join(words)
    return text.count("(") == text.count(")")


def _glued_at(theme: Theme, starts: set[str]) -> int | None:
    """Where in the name another theme's name seems to begin: a word that starts a theme
    name, capitalised, after a complete name (brackets balanced) that ends a phrase."""
    words = theme.name.split()
    for k in range(1, len(words)):
        word = words[k]
        if (
            word in starts
            and word[:1].isupper()
            and _balanced(words[:k])
            and _balanced(words[k:])
            and words[k - 1].endswith(")")
        ):
            return k
    return None


def check_glued_themes(document: IndexDocument) -> list[Diagnostic]:
    """A theme name holding the start of another theme's name ("Victimes (flux
    migratoires mixtes) Victimes (handicaps)"): when a theme's only row is lost, its name
    runs into the next theme's."""
    starts = {theme.name.split()[0] for theme in document.themes if theme.name.split()}
    found: list[Diagnostic] = []
    for theme in document.themes:
        k = _glued_at(theme, starts)
        if k is None:
            continue
        words = theme.name.split()
        head, tail = " ".join(words[:k]), " ".join(words[k:])
        found.append(
            Diagnostic(
                code=THEME_GLUED,
                severity=Severity.ERROR,
                message=f"theme name '{theme.name}' reads as two themes, '{head}' and "
                f"'{tail}': the row between them is likely lost",
                page=theme.pages[0] if theme.pages else None,
                theme=theme.name,
                suggestion=f"{head} | {tail}",
            )
        )
    return found

"""A PDF's pages as the layout stage reads them (`PageContent`), from either engine.

Both engines (`pdf_pdfium`, the default, and `pdf_chars` with pdfplumber) give a page's
words, horizontal rules and links as pdfplumber's `extract_words()`, `horizontal_edges`
and `hyperlinks` give them, to the last bit (`tests/test_engines.py`). Where the pdfium
engine cannot promise that for a document (`pdf_pdfium.UnsupportedError`, or pdfium
failing on the file), the document is read with pdfplumber, whose reading it is by
definition; pdfplumber is also the one boundary where a parser failure becomes one
`InputError`, so that both engines refuse a bad file with the same message.
"""

from __future__ import annotations

import itertools
import logging
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager

from pipeline.errors import InputError
from pipeline.extraction.engines import DEFAULT_ENGINE, ENGINES, Engine
from pipeline.extraction.pdf_fragments import join_words, rejoin_fragments
from pipeline.extraction.pdf_glyphs import Box, Cut, RawPage, WordBox
from pipeline.extraction.pdf_layout import Link, PageContent, Rule, Word
from pipeline.extraction.pdf_words import words as group_words
from pipeline.models import Complaint

# Presentation forms a font may map its ligature glyphs to (U+FB00 ff to U+FB06 st, each
# to its letters); the text path never has them.
_LIGATURES = str.maketrans(
    {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}
)


def _text(raw: str) -> str:
    return unicodedata.normalize("NFC", raw.translate(_LIGATURES))


def _measured(raw: str, text: str, marks: tuple[Cut, ...]) -> tuple[Cut, ...]:
    """A word's cuts or seams measured in its text (as `_text` gives it) rather than its
    glyphs."""
    if not marks or text == raw:
        return marks
    return tuple((a, b, len(_text(raw[:k]))) for a, b, k in marks)


def _word(
    raw: str,
    x0: float,
    top: float,
    x1: float,
    bottom: float,
    cuts: tuple[Cut, ...] = (),
    seams: tuple[Cut, ...] = (),
) -> Word:
    # float(): pdfminer keeps ints where a page's numbers are all integers (seams are
    # made floats where a word is cut at one).
    text = _text(raw)
    return Word(
        text,
        float(x0),
        float(top),
        float(x1),
        float(bottom),
        tuple((float(a), float(b), k) for a, b, k in _measured(raw, text, cuts)),
        _measured(raw, text, seams),
    )


def _texts(
    layers: tuple[tuple[WordBox, ...], ...],
    layer_seams: tuple[tuple[tuple[Cut, ...], ...], ...],
    seen: dict[WordBox, Word],
) -> tuple[tuple[Word, ...], ...]:
    """The words of each text a mixed word holds, one `Word` per word box: a text that
    runs through several mixed words gives the same word each time (`seen`)."""
    out = []
    for layer, marks in zip(layers, layer_seams or [()] * len(layers), strict=True):
        for w, at in zip(layer, marks or [()] * len(layer), strict=True):
            if w[0].strip() and w not in seen:
                seen[w] = _word(w[0], w[1], w[2], w[3], w[4], seams=at)
        out.append(tuple(seen[w] for w in layer if w[0].strip()))
    return tuple(out)


def _content(number: int, page: RawPage) -> PageContent:
    count = len(page.words)
    words: list[Word] = []
    layered: list[tuple[Box, tuple[tuple[Word, ...], ...]]] = []
    seen: dict[WordBox, Word] = {}
    whole: set[int] = set()  # the words of texts read apart by drawing order
    glue = False  # the word before goes on in this one (`RawPage.glued`)
    for (t, x0, top, x1, bottom), cuts, seams, layers, layer_seams, glued in zip(
        page.words,
        page.cuts,
        page.seams or [()] * count,
        page.layers or [()] * count,
        page.layer_seams or [()] * count,
        page.glued or [False] * count,
        strict=True,
    ):
        glue, joins = glued, glue
        if not t.strip():
            continue
        if layers:  # a word mixing texts: the words of each instead, each word once
            known = len(seen)
            texts = _texts(layers, layer_seams, seen)
            whole.update(range(len(words), len(words) + len(seen) - known))
            words.extend(itertools.islice(seen.values(), known, None))
            layered.append(((float(x0), float(top), float(x1), float(bottom)), texts))
            glue = False  # a mixed word's texts are not joined to what follows
            continue
        word = _word(t, x0, top, x1, bottom, cuts, seams)
        if joins and words:
            words[-1] = join_words(words[-1], word)
        else:
            words.append(word)
    rules = tuple(Rule(float(x0), float(x1), float(y), band) for x0, x1, y, band in page.rules)
    links = tuple(
        Link(float(x0), float(top), float(x1), float(bottom), uri)
        for x0, top, x1, bottom, uri in page.links
    )
    overprints = tuple(
        (float(x0), float(top), float(x1), float(bottom)) for x0, top, x1, bottom in page.overprints
    )
    hidden = tuple(w[0] for w in group_words(page.hidden) if w[0].strip())
    return PageContent(
        number,
        float(page.width),
        float(page.height),
        rejoin_fragments(words, whole),
        rules,
        links,
        overprints,
        tuple(layered),
        hidden,
        None if page.unclipped is None else _content(number, page.unclipped),
        tuple(
            (float(x0), float(top), float(x1), float(bottom))
            for x0, top, x1, bottom in page.unmapped
        ),
    )


def _is_password_error(error: BaseException) -> bool:
    seen: BaseException | None = error
    while seen is not None:
        if "password" in type(seen).__name__.lower() or "encrypt" in str(seen).lower():
            return True
        inner = seen.args[0] if seen.args and isinstance(seen.args[0], BaseException) else None
        seen = inner or seen.__cause__ or seen.__context__
    return False


class _Complaints(logging.Handler):
    """Collects what the PDF libraries log while the document is read."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.found: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()[:200]
        if message not in self.found:
            self.found.append(message)


@contextmanager
def _listening(handler: logging.Handler) -> Iterator[None]:
    """Route the PDF libraries' log records to `handler` alone (not to stderr)."""
    loggers = [logging.getLogger(name) for name in ("pdfminer", "pdfplumber", "pypdfium2")]
    saved = [(logger.handlers, logger.propagate) for logger in loggers]
    for logger in loggers:
        logger.handlers, logger.propagate = [handler], False
    try:
        yield
    finally:
        for logger, (handlers, propagate) in zip(loggers, saved, strict=True):
            logger.handlers, logger.propagate = handlers, propagate


def _with_pdfplumber(data: bytes, name: str) -> tuple[list[RawPage], list[Complaint]]:
    """pdfplumber's reading, with what pdfminer logged on each page (a damaged stream,
    an object it could not execute) as complaints instead of lines on stderr."""
    from pipeline.extraction.pdf_chars import iter_document

    complaints = _Complaints()
    pages: list[RawPage] = []
    found: list[Complaint] = []
    with _listening(complaints):
        try:
            for number, page in enumerate(iter_document(data), start=1):
                pages.append(page)
                found += [Complaint(page=number, message=m) for m in complaints.found]
                complaints.found.clear()
        except Exception as error:  # the parse boundary: pdfminer raises many unrelated types
            if _is_password_error(error):
                raise InputError(f"{name}: encrypted PDF (password required)") from None
            said = complaints.found[0] if complaints.found else ""
            where = f"page {len(pages) + 1}: " if pages else ""
            detail = f" ({where}{said})" if said else ""
            raise InputError(f"{name}: damaged or truncated PDF{detail}") from None
    return pages, found


def _with_pdfium(data: bytes) -> list[RawPage] | None:
    """The pdfium engine's reading, or None where pdfplumber must read the document. Any
    failure of this engine means the latter: pdfplumber's reading is the reference, and
    a file pdfium cannot open gets pdfplumber's verdict."""
    from pipeline.extraction.pdf_pdfium import read_document

    try:
        return read_document(data)
    except Exception:
        return None


def read_pages(
    data: bytes, name: str, engine: Engine = DEFAULT_ENGINE
) -> tuple[list[PageContent], list[Complaint]]:
    """Open and read every page; any parser failure becomes one clear InputError, and
    what the parser logged becomes a complaint about its page."""
    if engine not in ENGINES:
        raise InputError(f"unknown PDF engine {engine!r}; known engines: {', '.join(ENGINES)}")
    pages = _with_pdfium(data) if engine == "pdfium" else None
    complaints: list[Complaint] = []
    if pages is None:
        pages, complaints = _with_pdfplumber(data, name)
    if not pages:
        raise InputError(f"{name}: PDF has no pages")
    return [_content(number, page) for number, page in enumerate(pages, start=1)], complaints

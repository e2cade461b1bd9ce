"""Every stage's work grows linearly with the rows (a later session feeds 50,000 of them).

The URI record of a text dump used to be aligned with all rows at once, in time and memory
proportional to their product; it is now aligned page by page, each link block with the
rows of its own page, and must give the same alignment on the real dump. The growth itself
is measured by `make bench`, never asserted here; what is asserted is that an index with
four times the rows (`bench/inputs.py`) reads as exactly four copies of the original.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from bench.inputs import prefix, repeated_dump
from pipeline.api import Run, run
from pipeline.models import Entry, IndexDocument
from pipeline.validation.links import (
    _by_page,
    _collapse,
    _groups,
    _page_starts,
    _rows,
    align,
)


def test_uri_lines_carry_their_page(text_run: Run) -> None:
    table = text_run.table_lines
    # `grep -c http` on the dump: 399 URI lines.
    assert len(table.uris) == len(table.uri_pages) == 399
    # Dump lines 58-69: the 12 links of the preamble, on page 1; lines 239-292: the block
    # that ends page 2 (54 lines), the first of them http://undocs.org/CTOC/COP/WG.4/2010/6.
    assert table.uri_pages[:12] == (1,) * 12
    assert table.uri_pages[12:66] == (2,) * 54
    assert table.uris[12] == "CTOC/COP/WG.4/2010/6"
    assert table.uri_pages[66] == 3
    assert list(table.uri_pages) == sorted(table.uri_pages)


def test_page_by_page_alignment_is_the_whole_record_alignment(text_run: Run) -> None:
    raw, document = text_run.raw, text_run.normalized
    groups = _groups(_rows(document))
    links, pages = _collapse(raw.uris, raw.uri_pages)
    whole = align(links, [g.symbol for g in groups], _page_starts(groups))
    assert _by_page(links, pages, groups) == whole
    # The preamble's five distinct links match no row; every other link does.
    assert len(links) == 205
    assert len(whole) == 200


def _cells(entry: Entry, offset: int) -> tuple[object, ...]:
    return (
        entry.report,
        entry.paragraphs_text,
        entry.references_text,
        entry.paragraphs,
        entry.references,
        tuple(page - offset for page in entry.pages),
        entry.link,
    )


def test_four_times_the_rows_read_as_four_copies(text_run: Run, tmp_path: Path) -> None:
    path = tmp_path / "index-x4.txt"
    path.write_text(repeated_dump(4), encoding="utf-8")
    bigger = run(path).index
    original = text_run.index
    assert len(bigger.themes) == 4 * len(original.themes)
    for copy in range(4):
        themes = bigger.themes[copy * 78 : (copy + 1) * 78]
        assert [t.name for t in themes] == [prefix(copy) + t.name for t in original.themes]
        assert [_cells(e, 12 * copy) for t in themes for e in t.entries] == [
            _cells(e, 0) for t in original.themes for e in t.entries
        ]

    def codes(document: IndexDocument) -> Counter[str]:
        return Counter(d.code for d in document.diagnostics if d.code != "uri-record-coverage")

    assert codes(bigger) == Counter({code: 4 * n for code, n in codes(original).items()})
    coverage = next(d for d in bigger.diagnostics if d.code == "uri-record-coverage")
    assert coverage.message.startswith("URI record covers 800 of 1244 rows")

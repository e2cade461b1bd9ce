"""The PDF path gives exactly the document's data, whatever the page layout.

The shared PDF and PDFs typeset here in other layouts (paper, font, size, column widths,
rules, header repetition; see `pdf_factory`) from the golden table must all give the
golden table back (tests/data/fr_rows.tsv, checked by hand against the dump): themes,
rows, cells, paragraph counts and expanded lists. Broken or foreign PDFs must end in one
clear `InputError`.
"""

from __future__ import annotations

import dataclasses
import io
import itertools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.api import Run, run
from pipeline.errors import InputError
from pipeline.extraction.pdf_body import ColumnLine
from pipeline.extraction.pdf_chars import Glyph, read_layout, words
from pipeline.extraction.pdf_evidence import PageFrame, Row
from pipeline.extraction.pdf_groups import read_groups
from pipeline.extraction.pdf_header import find_header
from pipeline.extraction.pdf_layout import Rule, Word, printed_lines
from pipeline.languages import Language
from pipeline.models import Column
from tests.golden import assert_golden_metadata, assert_matches_golden, expected_table
from tests.paths import SHARED_PDF
from tests.pdf_factory import ZERO_PAGE_PDF, Layout, TableData, build_pdf, find_font, text_pdf
from tests.pdf_objects import assemble_pdf

LAYOUTS = {
    "a4-serif-10": Layout(),
    "letter-sans-9-narrow-theme": Layout(
        paper="Letter", font="sans", size=9, widths=(0.17, 0.30, 0.23, 0.30)
    ),
    "a4-sans-11-ruled-wide-references": Layout(
        font="sans", size=11, ruled=True, widths=(0.22, 0.27, 0.19, 0.32)
    ),
    "letter-serif-9-header-once-tight": Layout(
        paper="Letter", size=9, leading=1.05, repeat_header=False, widths=(0.3, 0.3, 0.2, 0.2)
    ),
    # Mirrored margins and the header on page 1 only: even pages stand 40 pt further right
    # than the header that names their columns (read by where their report symbols start).
    "a4-serif-10-mirrored-header-once": Layout(repeat_header=False, gutter=40.0),
}


def assert_links(result: Run) -> None:
    for theme in result.index.themes:
        for entry in theme.entries:
            assert entry.link is not None, (theme.name, entry.report)
            assert entry.link.endswith("/" + entry.report), (entry.link, entry.report)


# --- the shared PDF ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shared_run() -> Run:
    return run(SHARED_PDF)


def test_shared_pdf_gives_the_golden_table(shared_run: Run) -> None:
    assert_golden_metadata(shared_run.index)
    assert_matches_golden(shared_run.index)


def test_shared_pdf_links_each_report_to_its_symbol(shared_run: Run) -> None:
    assert_links(shared_run)


def test_shared_pdf_lines_carry_pages_kinds_and_cells(shared_run: Run) -> None:
    lines = shared_run.lines
    assert lines.pages_known
    assert lines.source.pages == 13 == shared_run.index.source.pages
    assert {line.page for line in lines.lines} == set(range(1, 14))
    footers = [line.text for line in lines.lines if line.kind == "furniture"]
    assert "V.19-07098 2/13" in footers
    assert "CTOC/COP/WG.4/2019/4" in footers
    headers = [line for line in lines.lines if line.kind == "header"]
    assert {line.page for line in headers} == set(range(2, 14))
    body = [line for line in lines.lines if line.cells]
    assert all(line.kind == "text" for line in body)
    assert all(cell.bbox is not None for line in body for cell in line.cells)
    # Reading order within each page, for everything but theme lines (which are read
    # before the rows of their group, wherever the name stands in its cell).
    ordered = [
        line for line in lines.lines if not any(c.column is Column.THEME for c in line.cells)
    ]
    for before, after in itertools.pairwise(ordered):
        if before.page == after.page and before.kind == after.kind == "text":
            assert before.top <= after.top


def test_theme_split_by_page_break_is_one_theme(shared_run: Run) -> None:
    fund = next(t for t in shared_run.index.themes if t.name.startswith("Fonds de contrib"))
    assert fund.name.endswith("en particulier des femmes et des enfants")
    assert len(fund.pages) > 1


# --- other layouts -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def table() -> TableData:
    """What the layouts print: the golden table's cells, not the pipeline's reading."""
    return expected_table()


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_layout_gives_the_golden_table(
    name: str, table: TableData, french: Language, tmp_path: Path
) -> None:
    layout = LAYOUTS[name]
    assert find_font(layout.font), "no TTF font: `make test` installs fonts-dejavu-core"
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(build_pdf(table, layout, french))
    result = run(path)
    assert_golden_metadata(result.index)
    assert_matches_golden(result.index)
    assert_links(result)
    # The layout really exercises the hard cases: themes and rows broken by page ends,
    # cells wrapped over several lines.
    assert any(len(theme.pages) > 1 for theme in result.index.themes)
    tall = [
        box.bbox
        for t in result.index.themes
        for e in t.entries
        for box in e.boxes
        if box.column is Column.PARAGRAPHS
    ]
    assert any(box.bottom - box.top > 1.8 * layout.size for box in tall)


def test_report_symbol_wrapped_after_a_slash_is_rejoined(
    table: TableData, french: Language, tmp_path: Path
) -> None:
    layout = Layout(font="sans", size=11, widths=(0.22, 0.25, 0.21, 0.32))
    assert find_font(layout.font), "no TTF font: `make test` installs fonts-dejavu-core"
    path = tmp_path / "narrow-report.pdf"
    path.write_bytes(build_pdf(table, layout, french))
    result = run(path)
    wrapped = [
        cell
        for line in result.lines.lines
        for cell in line.cells
        if cell.column is Column.REPORT and cell.bbox and cell.bbox.bottom - cell.bbox.top > 15
    ]
    assert wrapped, "the layout should wrap report symbols"
    assert_matches_golden(result.index)


# --- broken and foreign PDFs ---------------------------------------------------------------


def _error(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        run(path)
    # Messages name the file as it was given (here a full path); the test reads the rest.
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    return message.replace(f"{tmp_path}/", "", 1)


def test_not_a_pdf(tmp_path: Path) -> None:
    assert "not a PDF" in _error(tmp_path, "fake.pdf", b"just some text\n")


def test_truncated_pdf(tmp_path: Path) -> None:
    data = SHARED_PDF.read_bytes()
    message = _error(tmp_path, "half.pdf", data[: len(data) // 2])
    assert message == "half.pdf: damaged or truncated PDF"


def test_garbage_after_signature(tmp_path: Path) -> None:
    message = _error(tmp_path, "junk.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 8)
    assert message == "junk.pdf: damaged or truncated PDF"


def test_encrypted_pdf(tmp_path: Path) -> None:
    message = _error(tmp_path, "locked.pdf", text_pdf("Confidentiel.", encrypt="secret"))
    assert message == "locked.pdf: encrypted PDF (password required)"


def test_pdf_without_pages(tmp_path: Path) -> None:
    assert _error(tmp_path, "empty.pdf", ZERO_PAGE_PDF) == "empty.pdf: PDF has no pages"


def test_pdf_without_the_table(tmp_path: Path) -> None:
    text = "Le Document présente un thème général et quelques paragraphes de texte. " * 6
    message = _error(tmp_path, "letter.pdf", text_pdf(text))
    assert message.startswith("letter.pdf: no table header of a known language found")


# --- layout helpers on plain geometry ------------------------------------------------------


def _word(text: str, x0: float, top: float, size: float = 10.0) -> Word:
    return Word(text, x0, top, x0 + 5.0 * len(text), top + size)


def test_printed_lines_use_a_tolerance_relative_to_size() -> None:
    words = [_word("a", 0, 100), _word("b", 20, 102.5), _word("c", 0, 111.5)]
    assert [line.text for line in printed_lines(words)] == ["a b", "c"]
    small = [_word("a", 0, 100, 4), _word("b", 20, 102.5, 4)]
    assert [line.text for line in printed_lines(small)] == ["a", "b"]


def test_header_found_from_wrapped_labels_at_any_position(french: Language) -> None:
    for dx, dy in ((0.0, 0.0), (37.0, 211.0)):
        words = [
            _word("Thème", 60 + dx, 128 + dy, 9),
            _word("Rapport", 142 + dx, 128 + dy, 9),
            _word("de", 174 + dx, 128 + dy, 9),
            _word("réunion", 184 + dx, 128 + dy, 9),
            _word("Référence", 354 + dx, 128 + dy, 9),
            _word("dans", 392 + dx, 128 + dy, 9),
            _word("le", 411 + dx, 128 + dy, 9),
            _word("document", 354 + dx, 138 + dy, 9),
            _word("Document", 142 + dx, 192 + dy, 9),
            _word("Paragraphes", 264 + dx, 192 + dy, 9),
        ]
        header = find_header(words, french)
        assert header is not None
        assert header.lefts == {
            Column.THEME: 60 + dx,
            Column.REPORT: 142 + dx,
            Column.PARAGRAPHS: 264 + dx,
            Column.REFERENCES: 354 + dx,
        }
        assert header.column_of(_word("44", 265 + dx, 300 + dy)) is Column.PARAGRAPHS
        assert header.column_of(_word("II.37", 352 + dx, 300 + dy)) is Column.REFERENCES


def test_title_with_label_words_is_not_a_header(french: Language) -> None:
    words = [
        _word("Document", 57, 113, 14),
        _word("Thème", 57, 150),
        _word("Paragraphes", 200, 150),
    ]
    assert find_header(words, french) is None


def _frame(page: int, rows: list[float], themes: list[float], first: bool = False) -> PageFrame:
    """A page of single-line rows (10 pt, tops given) and theme lines (tops given), each
    line a capital "X" (no name starts in lower case: a line in lower case at a page top
    is the rest of the name above)."""
    return PageFrame(
        page=page,
        rows=tuple(Row(top, top + 10.0) for top in rows),
        themes=tuple(ColumnLine(Column.THEME, [_word("X", 60, top)]) for top in themes),
        rules=(),
        span=(57.0, 140.0),
        size=10.0,
        first=first,
    )


def _groups(frame_groups: Any) -> list[tuple[int, int, bool]]:
    return [(g.start, g.end, g.block is not None) for g in frame_groups.groups]


def test_centred_theme_cells_give_their_rows_the_right_theme() -> None:
    # Rows every 14 pt (4 pt between rows); groups of 3, 1 and 2 rows. A one-line name
    # centred on 3 rows stands level with the middle row; on 2 rows, half a row lower than
    # the first (top 107 + 7); on 1 row, level with it. Worked out by hand.
    rows = [100.0, 114.0, 128.0, 142.0, 156.0, 170.0]
    themes = [114.0, 142.0, 163.0]
    reading = read_groups([_frame(2, rows, themes, first=True)])
    assert reading.alignment == "middle"
    assert _groups(reading.pages[0]) == [(0, 3, True), (3, 4, True), (4, 6, True)]


def test_top_aligned_cells_and_a_group_continued_from_the_previous_page() -> None:
    # Page 2: names beside rows 0 and 2. Page 3: two rows continue the last group, then a
    # name beside the third row; every name is level with its group's first row.
    page2 = _frame(2, [100.0, 114.0, 128.0, 142.0], [100.0, 111.5, 128.0], first=True)
    page3 = _frame(3, [100.0, 114.0, 128.0], [128.0])
    reading = read_groups([page2, page3])
    assert reading.alignment == "top"
    assert _groups(reading.pages[0]) == [(0, 2, True), (2, 4, True)]
    assert _groups(reading.pages[1]) == [(0, 2, False), (2, 3, True)]


def test_rules_across_the_theme_column_decide_the_groups() -> None:
    frame = _frame(2, [100.0, 114.0, 128.0, 142.0], [100.0, 128.0], first=True)
    ruled = dataclasses.replace(frame, rules=(Rule(57.0, 400.0, 124.0),))
    reading = read_groups([ruled])
    assert reading.ruled
    assert _groups(reading.pages[0]) == [(0, 2, True), (2, 4, True)]
    assert [g.reason for g in reading.pages[0].groups] == ["page", "rule"]


def test_a_name_repeated_at_a_page_top_is_set_apart() -> None:
    page2 = _frame(2, [100.0, 114.0], [100.0], first=True)
    page3 = _frame(3, [100.0, 114.0], [100.0, 114.0])
    page3.themes[0].words[0] = _word("Corruption", 60, 100.0)
    page3.themes[1].words[0] = _word("(suite)", 60, 111.5)
    reading = read_groups([page2, page3], ["(suite)"])
    assert reading.pages[1].repeat is not None
    assert reading.pages[1].repeat.text == "Corruption (suite)"


def test_debug_draws_a_page(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "page3.png"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipeline",
            "debug",
            str(SHARED_PDF),
            "--page",
            "3",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    refused = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipeline",
            "debug",
            str(SHARED_PDF),
            "--page",
            "99",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert refused.returncode == 2
    assert "no page 99" in refused.stderr


def test_layouts_keep_the_columns_found_from_the_header(shared_run: Run) -> None:
    layouts = shared_run.lines.layouts
    assert [layout.page for layout in layouts] == list(range(2, 14))
    for layout in layouts:
        lefts = [
            layout.columns[c]
            for c in (Column.THEME, Column.REPORT, Column.PARAGRAPHS, Column.REFERENCES)
        ]
        assert lefts == sorted(lefts)
        assert layout.top < layout.bottom <= layout.height


# --- words and rules read from the layout are pdfplumber's, exactly ------------------------


def _raw_pdf(content: bytes, form: bytes, mediabox: str) -> bytes:
    """A one-page PDF written by hand, for what fpdf2 does not emit: a media box away from
    the origin, rotated text, rectangles, curves and a form XObject (a pdfminer figure)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [" + mediabox.encode() + b"] /Resources "
        b"<< /Font << /F1 4 0 R >> /XObject << /X1 6 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 600 800] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Length %d >>\nstream\n"
        % len(form)
        + form
        + b"\nendstream",
    ]
    return assemble_pdf(objects)


_ODD_PAGE = (
    # Words on one line with a top 2 pt off, a glyph run printed back over an earlier
    # one, the "fi" ligature (\256), rotated text, a line, a rectangle, a curve, a form.
    b"BT /F1 10 Tf 1 0 0 1 50 700 Tm (Hello world \\256ne) Tj ET\n"
    b"BT /F1 10 Tf 1 0 0 1 120 702 Tm (jitter) Tj ET\n"
    b"BT /F1 10 Tf 1 0 0 1 150 700 Tm (close) Tj ET\n"
    b"BT /F1 10 Tf 1 0 0 1 300 700 Tm (apart) Tj ET\n"
    b"BT /F1 10 Tf 1 0 0 1 90 700 Tm (back) Tj ET\n"
    b"BT /F1 10 Tf 0 1 -1 0 300 500 Tm (Rotated text) Tj ET\n"
    b"BT /F1 10 Tf 0 1 -1 0 302 570 Tm (more) Tj ET\n"
    b"50 650 m 250 650 l S\n50 600 100 20 re S\n50 550 m 80 550 l 100 560 l 120 560 l S\n"
    b"q 1 0 0 1 10 10 cm /X1 Do Q\n",
    b"BT /F1 8 Tf 1 0 0 1 60 400 Tm (Inside a form) Tj ET\n60 390 m 200 390 l S\n",
)


def _pdfplumber_view(data: bytes) -> list[Any]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [
            (
                [(w["text"], w["x0"], w["top"], w["x1"], w["bottom"]) for w in p.extract_words()],
                [(e["x0"], e["x1"], e["top"]) for e in p.horizontal_edges],
            )
            for p in pdf.pages
        ]


def _our_view(data: bytes) -> list[Any]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        # pdfplumber's edges, without the mark of shading (`Rule.band`) it does not give.
        return [
            (words, [(x0, x1, y) for x0, x1, y, _ in rules])
            for words, rules in (read_layout(page) for page in pdf.pages)
        ]


@pytest.mark.parametrize("box", ["0 0 595 842", "20 30 620 830"])
def test_layout_walk_gives_pdfplumber_words_and_rules(box: str) -> None:
    data = _raw_pdf(*_ODD_PAGE, mediabox=box)
    ours = _our_view(data)
    assert ours == _pdfplumber_view(data)
    words, rules = ours[0]
    texts = [w[0] for w in words]
    assert "Inside" in texts  # text inside the form is read
    assert any("fi" in t for t in texts)  # the ligature is expanded
    assert len(rules) == 6  # line, both rectangle edges, two curve segments, form line


def test_layout_walk_matches_pdfplumber_on_the_shared_pdf() -> None:
    data = SHARED_PDF.read_bytes()
    assert _our_view(data) == _pdfplumber_view(data)


_TEXTS = st.sampled_from(["a", "b", "é", " ", "\u00a0", "", "ﬁ"])
_COORD = st.sampled_from([0.0, 1.0, 2.5, 3.0, 3.5, 4.0, 6.0, 7.25, 10.0])


@st.composite
def _glyph_lists(draw: st.DrawFn) -> list[Glyph]:
    glyphs: list[Glyph] = []
    for _ in range(draw(st.integers(0, 14))):
        x0, top = draw(_COORD), draw(_COORD)
        width, height = draw(st.sampled_from([0.5, 2.0, 3.0])), draw(_COORD)
        glyphs.append((draw(_TEXTS), x0, top, x0 + width, top + height, draw(st.booleans())))
    return glyphs


@given(_glyph_lists())
@settings(max_examples=300, deadline=None)
def test_word_grouping_is_pdfplumbers(glyphs: list[Glyph]) -> None:
    """Blank, empty and ligature glyphs, ties and gaps at the tolerance, rotated runs."""
    from pdfplumber.utils.text import extract_words

    chars = [
        {"text": t, "x0": x0, "top": top, "x1": x1, "bottom": bottom, "upright": up}
        | {"doctop": top, "height": bottom - top, "width": x1 - x0}
        for t, x0, top, x1, bottom, up in glyphs
    ]
    want = [(w["text"], w["x0"], w["top"], w["x1"], w["bottom"]) for w in extract_words(chars)]
    assert words(glyphs) == want

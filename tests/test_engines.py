"""Both PDF engines give the same reading, to the last bit, and the same files.

The pdfium engine rebuilds pdfplumber's words, rules and links from pdfium; these tests
hold it to pdfplumber's own reading (not to expected values of its own): on the shared
PDF and every typeset layout the engine must read the document itself (no fallback) and
give equal pages and a byte-identical index.json. Hand-written pages exercise what the
layouts do not (kerning, a media box away from the origin, a form, rotated and scaled
text, curves), and the constructs the engine leaves to pdfplumber must be refused by it
and still read alike through `read_pages`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.api import run
from pipeline.cli.commands import build_parser
from pipeline.export import index_to_files
from pipeline.extraction import pdf_chars, pdf_pdfium
from pipeline.extraction.engines import DEFAULT_ENGINE, ENGINES
from pipeline.extraction.pdf_pages import read_pages
from pipeline.extraction.pdf_rawdicts import FontFacts, read_dicts, subset_free
from pipeline.languages import Language
from tests.golden import expected_table
from tests.paths import SHARED_PDF
from tests.pdf_factory import Layout, build_pdf, find_font
from tests.pdf_objects import assemble_pdf
from tests.test_pdf_extract import LAYOUTS

VARIANTS = {
    **LAYOUTS,
    "a4-sans-11-narrow-report": Layout(font="sans", size=11, widths=(0.22, 0.25, 0.21, 0.32)),
}


@pytest.fixture(scope="module")
def typeset(french: Language) -> dict[str, bytes]:
    """Every variant, typeset once for the module."""
    table = expected_table()
    for family in ("serif", "sans"):
        assert find_font(family), "no TTF font: `make test` installs fonts-dejavu-core"
    return {name: build_pdf(table, layout, french) for name, layout in VARIANTS.items()}


def _documents(typeset: dict[str, bytes]) -> dict[str, bytes]:
    return {"shared": SHARED_PDF.read_bytes(), **typeset}


def test_engine_names_agree() -> None:
    extract = build_parser().parse_args(["extract", "x.pdf"])
    assert extract.engine == DEFAULT_ENGINE
    assert ENGINES == ("pdfium", "pdfplumber")
    assert DEFAULT_ENGINE == "pdfium"


@pytest.mark.parametrize("name", ["shared", *sorted(VARIANTS)])
def test_pdfium_reads_what_pdfplumber_reads(name: str, typeset: dict[str, bytes]) -> None:
    data = _documents(typeset)[name]
    ours = pdf_pdfium.read_document(data)  # no UnsupportedError: the engine reads it
    assert ours == pdf_chars.read_document(data)
    assert sum(len(page.words) for page in ours) > 1000
    assert sum(len(page.links) for page in ours) >= 311


@pytest.mark.parametrize("name", ["shared", *sorted(VARIANTS)])
def test_both_engines_write_the_same_files(
    name: str, typeset: dict[str, bytes], tmp_path: Path
) -> None:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(_documents(typeset)[name])
    files = {}
    for engine in ENGINES:
        result = run(path, engine=engine)
        files[engine] = index_to_files(result.index, result.mapping)
    assert files["pdfium"]["index.json"] == files["pdfplumber"]["index.json"]
    assert files["pdfium"] == files["pdfplumber"]


def test_unknown_engine_is_refused(tmp_path: Path) -> None:
    from pipeline.errors import InputError

    with pytest.raises(InputError, match="unknown PDF engine 'fitz'"):
        run(SHARED_PDF, engine="fitz")  # type: ignore[arg-type]


# --- hand-written pages --------------------------------------------------------------------

# A TrueType font the file does not embed, with widths of its own (not a standard-14 name,
# whose metrics pdfminer would take from its own tables).
_WIDTHS = " ".join(str(250 if c == 32 else 380 + (c * 37) % 290) for c in range(32, 127))
_FONT = (
    b"<< /Type /Font /Subtype /TrueType /BaseFont /RecindexTestSans /FirstChar 32 "
    b"/LastChar 126 /Widths [" + _WIDTHS.encode() + b"] /Encoding /WinAnsiEncoding "
    b"/FontDescriptor 7 0 R >>"
)
_DESCRIPTOR = (
    b"<< /Type /FontDescriptor /FontName /RecindexTestSans /Flags 32 /ItalicAngle 0 "
    b"/Ascent 905 /Descent -212 /CapHeight 716 /StemV 80 /FontBBox [-665 -325 2000 1006] >>"
)
_LINK = (
    b"<< /Type /Annot /Subtype /Link /Rect [48 695 140 712] /Border [0 0 0] "
    b"/A << /S /URI /URI (http://undocs.org/CTOC/COP/WG.4/2010/6) >> >>"
)


def _pdf(content: bytes, *, box: str = "0 0 595.28 841.89", page: bytes = b"") -> bytes:
    """A one-page PDF written by hand: font F1 above, a form X1, a link annotation."""
    form = b"BT /F1 8 Tf 1 0 0 1 60 400 Tm (Inside a form) Tj ET\n60 390 m 200 390 l S\n"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [" + box.encode() + b"] /Resources "
        b"<< /Font << /F1 4 0 R /F2 9 0 R >> /XObject << /X1 6 0 R >> >> /Contents 5 0 R "
        b"/Annots [8 0 R]" + page + b" >>",
        _FONT,
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 600 800] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Length %d >>\nstream\n"
        % len(form)
        + form
        + b"\nendstream",
        _DESCRIPTOR,
        _LINK,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return assemble_pdf(objects)


_PAGE = (
    # Kerning in a TJ array (whole thousandths, before the first glyph too), another
    # size, a scaled and a rotated text matrix, a form, a line, a rectangle, curves.
    b"BT /F1 10 Tf 1 0 0 1 50 700 Tm [-120 (Hello) -400 (world,) -250 (kerned) 37 (!)] TJ ET\n"
    b"BT /F1 9.5 Tf 72.5 650.25 Td (Second line, size 9.5: 1 a\\) et 2 b\\)) Tj ET\n"
    b"BT /F1 11 Tf 2 0 0 2 100 400 Tm (Scaled) Tj ET\n"
    b"BT /F1 10 Tf 0 1 -1 0 300 500 Tm (Rotated text) Tj ET\n"
    b"50 640 m 250 640 l S\n50 600 100 20 re S\n50 550 m 80 550 l 100 560 l 120 560 l S\n"
    b"50 500 m 60 510 70 510 80 500 c 120 500 l h S\n"
    b"q 1 0 0 1 10 10 cm /X1 Do Q\n"
)


@pytest.mark.parametrize("box", ["0 0 595.28 841.89", "20 30 620 830"])
def test_hand_written_page_reads_alike(box: str) -> None:
    data = _pdf(_PAGE, box=box)
    ours = pdf_pdfium.read_document(data)
    assert ours == pdf_chars.read_document(data)
    texts = [w[0] for w in ours[0].words]
    assert {"Hello", "world,kerned!", "9.5:", "b)", "Scaled", "Inside"} <= set(texts)
    assert {"txet", "detatoR"} <= set(texts)  # pdfplumber's reading of rotated glyphs
    assert len(ours[0].rules) >= 6
    assert [link[4] for link in ours[0].links] == ["http://undocs.org/CTOC/COP/WG.4/2010/6"]


def test_marked_contents_actual_text_is_what_its_glyphs_say() -> None:
    """/ActualText gives the text of the glyphs inside: Typst's hyphen where it broke a
    word is a soft hyphen; a sequence of two glyphs says its text once; over a space
    glyph, or among letters, a soft hyphen says nothing (a browser's, where it did not
    break)."""
    content = (
        b"BT /F1 10 Tf 50 700 Td (coop) Tj /Span <</ActualText <FEFF00AD>>> BDC (-) Tj EMC ET\n"
        b"BT /F1 10 Tf 50 680 Td /Span <</ActualText (fi)>> BDC (XY) Tj EMC (ne) Tj ET\n"
        b"BT /F1 10 Tf 50 660 Td (Awa) Tj /Span <</ActualText <FEFF00AD>>> BDC ( ) Tj EMC "
        b"(reness) Tj ET\n"
        # Chromium's "ffi" ligature of "dif\u00adficult", where it did not break: "f\u00adfi".
        b"BT /F1 10 Tf 50 640 Td (di) Tj /Span <</ActualText <FEFF006600AD00660069>>> BDC "
        b"(Z) Tj EMC (cult) Tj ET\n"
    )
    data = _pdf(content)
    with pytest.raises(pdf_pdfium.UnsupportedError, match="ActualText"):
        pdf_pdfium.read_document(data)
    words = [w[0] for w in pdf_chars.read_document(data)[0].words]
    assert "coop\u00ad" in words
    assert "fine" in words  # "XY" stands for "fi"
    assert {"Awa", "reness"} <= set(words)  # the space glyph stays a space
    assert "difficult" in words  # a soft hyphen among letters marks no break


def test_edges_of_shading_are_told_from_rules_alike() -> None:
    """A filled rectangle taller than `band_pt` and not stroked is shading: its two edges
    are marked so; a stroked rectangle, a thin filled one (a word processor's border), a
    filled and stroked one and a line are rules. Both engines mark them alike."""
    content = (
        b"0.9 g 50 600 400 30 re f\n"  # a row's background, 30 pt tall
        b"0 g 50 560 400 1 re f\n"  # a border drawn as a 1 pt filled rectangle
        b"50 500 400 20 re S\n"  # a stroked rectangle
        b"0.9 g 50 450 400 20 re B\n"  # filled and stroked
        b"50 420 m 450 420 l S\n"  # a line
        b"BT /F1 10 Tf 50 700 Td (Shaded) Tj ET\n"
    )
    data = _pdf(content)
    ours = pdf_pdfium.read_document(data)
    assert ours == pdf_chars.read_document(data)
    bands = sorted(round(y, 2) for _, _, y, band in ours[0].rules if band)
    # pdfplumber's frame runs down from the top of the 841.89 pt page: 630 and 600 up.
    assert bands == [211.89, 241.89]
    # The thin, stroked and filled-and-stroked rectangles' two edges each, and the line.
    assert sum(not band for *_, band in ours[0].rules) == 7


@pytest.mark.parametrize(
    ("content", "page", "reason"),
    [
        (b"BT /F2 10 Tf 50 700 Td (Helvetica) Tj ET", b"", "standard-14"),
        (b"BT /F1 10 Tf 1.5 Tc 50 700 Td (Spaced out) Tj ET", b"", "character spacing"),
        (b"BT /F1 10 Tf 50 700 Td [(A) -12.5 (B)] TJ ET", b"", "fractional kerning"),
        (b"BT /F1 10 Tf 50 700 Td (Turned) Tj ET", b" /Rotate 90", "rotated page"),
        (
            b"/Span << /ActualText (X) >> BDC BT /F1 10 Tf 50 700 Td (Y) Tj ET EMC",
            b"",
            "ActualText",
        ),
    ],
)
def test_what_pdfium_cannot_rebuild_is_read_by_pdfplumber(
    content: bytes, page: bytes, reason: str
) -> None:
    data = _pdf(content, page=page)
    with pytest.raises(pdf_pdfium.UnsupportedError, match=reason):
        pdf_pdfium.read_document(data)
    assert read_pages(data, "odd.pdf", "pdfium") == read_pages(data, "odd.pdf", "pdfplumber")


# Text painted under a clip (`pdf_clip`): the words read and the glyphs hidden, by hand.
# F1 at 10 pt spans the baseline's 2.12 pt below to 7.88 pt above (Descent -212): a glyph
# is shown when that box's middle, 2.88 pt above the baseline, is inside the clip.
CLIPPED = {
    "rectangle, then restored by Q": (
        b"q 40 690 200 25 re W n BT /F1 10 Tf 50 700 Td (Shown) Tj ET "
        b"BT /F1 10 Tf 50 600 Td (Hidden) Tj ET Q BT /F1 10 Tf 50 500 Td (After) Tj ET",
        ["Shown", "After"],
        "Hidden",
    ),
    # The clip's top 4 pt above the baseline: over the middle, the word is read.
    "cut above its middle": (
        b"q 40 690 200 14 re W n BT /F1 10 Tf 50 700 Td (Edge) Tj ET Q",
        ["Edge"],
        "",
    ),
    # Its top 1 pt above the baseline: under the middle, it is not.
    "cut below its middle": (
        b"q 40 690 200 11 re W n BT /F1 10 Tf 50 700 Td (Mostly) Tj ET Q",
        [],
        "Mostly",
    ),
    # The clip set in a scaled space (690 to 714 on the page), text in another.
    "clip and text under different matrices": (
        b"q 2 0 0 2 0 0 cm 20 345 100 12 re W n q 0.5 0 0 0.5 0 0 cm "
        b"BT /F1 10 Tf 50 700 Td (Scaled) Tj ET BT /F1 10 Tf 50 400 Td (Out) Tj ET Q Q",
        ["Scaled"],
        "Out",
    ),
    # Two clips in force: their intersection (y 690 to 700) holds no glyph's middle.
    "two clips narrow each other": (
        b"q 40 690 200 25 re W n 40 670 200 30 re W n BT /F1 10 Tf 50 700 Td (Between) Tj ET Q",
        [],
        "Between",
    ),
}


@pytest.mark.parametrize("case", sorted(CLIPPED))
def test_text_painted_outside_its_clip_is_not_read(case: str) -> None:
    content, shown, hidden = CLIPPED[case]
    data = _pdf(content)
    ours = pdf_pdfium.read_document(data)  # no fallback: pdfium gives the clip
    assert ours == pdf_chars.read_document(data)
    assert [w[0] for w in ours[0].words] == shown
    assert "".join(g[0] for g in ours[0].hidden) == hidden


def test_text_in_a_clipped_form_is_read_alike_by_pdfplumber() -> None:
    # pdfium keeps the clip on the form, not on the text it draws: pdfplumber reads it.
    data = _pdf(b"q 0 0 595 405 re W n q 1 0 0 1 10 10 cm /X1 Do Q Q")
    with pytest.raises(pdf_pdfium.UnsupportedError, match="clipped in a form"):
        pdf_pdfium.read_document(data)
    page = pdf_chars.read_document(data)[0]
    assert (page.words, "".join(g[0] for g in page.hidden)) == ([], "Inside a form")
    # The form's own bounding box clips too ("Inside a form" at y 410 to 420, over 395).
    data = _pdf(b"q 1 0 0 1 10 10 cm /X1 Do Q").replace(b"[0 0 600 800]", b"[0 0 600 395]")
    with pytest.raises(pdf_pdfium.UnsupportedError, match="clipped in a form"):
        pdf_pdfium.read_document(data)
    assert "".join(g[0] for g in pdf_chars.read_document(data)[0].hidden) == "Inside a form"
    assert read_pages(data, "form.pdf", "pdfium") == read_pages(data, "form.pdf", "pdfplumber")


def test_font_facts_are_read_from_the_dictionaries() -> None:
    facts = read_dicts(_pdf(_PAGE))
    assert facts.fonts["RecindexTestSans"] == {FontFacts(-212.0)}
    assert facts.fonts["Helvetica"] == {FontFacts(0.0, "pdfminer's own standard-14 metrics")}
    assert set().union(*facts.boxes.values()) == {(0.0, 0.0, 595.28, 841.89)}
    shared = read_dicts(SHARED_PDF.read_bytes())
    # LibreOffice writes Descent 0 and the media box to 15 digits.
    assert shared.fonts["BAAAAA+LiberationSerif"] == {FontFacts(0.0)}
    assert set().union(*shared.boxes.values()) == {(0.0, 0.0, 595.303937007874, 841.889763779528)}
    assert subset_free("BAAAAA+LiberationSerif") == "LiberationSerif"
    assert subset_free("Arial,Bold") == "Arial,Bold"


def test_engine_option_on_the_command_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    def recindex(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, check=False
        )

    out = tmp_path / "out"
    done = recindex("extract", str(SHARED_PDF), "--out", str(out), "--engine", "pdfplumber")
    assert done.returncode == 0, done.stderr
    published = SHARED_PDF.parent.parent / "output" / SHARED_PDF.name / "index.json"
    assert (out / "index.json").read_bytes() == published.read_bytes()
    refused = recindex("extract", str(SHARED_PDF), "--engine", "fitz")
    assert refused.returncode == 2
    assert "invalid choice: 'fitz'" in refused.stderr


def _pdf_with_object_stream(content: bytes) -> bytes:
    """A PDF 1.5 whose font and font descriptor sit in a Flate-compressed object stream,
    found through a cross-reference stream (as recent word processors write them)."""
    import struct
    import zlib

    packed = {4: _FONT, 7: _DESCRIPTOR}
    bodies = b""
    header = b""
    for number, body in packed.items():
        header += b"%d %d " % (number, len(bodies))
        bodies += body + b"\n"
    stream = zlib.compress(header + bodies)
    plain = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        5: b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        6: b"<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\nstream\n"
        % (len(packed), len(header), len(stream))
        + stream
        + b"\nendstream",
    }
    out = bytearray(b"%PDF-1.5\n")
    offsets = {}
    for number, body in plain.items():
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    size = 9
    rows = [struct.pack(">BIH", 0, 0, 65535)]
    for number in range(1, size - 1):
        if number in offsets:
            rows.append(struct.pack(">BIH", 1, offsets[number], 0))
        else:
            rows.append(struct.pack(">BIH", 2, 6, list(packed).index(number)))
    xref = len(out)
    rows.append(struct.pack(">BIH", 1, xref, 0))
    data = b"".join(rows)
    out += (
        b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n"
        % (size - 1, size, len(data))
        + data
        + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref
    )
    return bytes(out)


def test_fonts_in_an_object_stream_are_read() -> None:
    data = _pdf_with_object_stream(
        b"BT /F1 10 Tf 1 0 0 1 50 700 Tm [(Compressed) -400 (fonts) 25 (too)] TJ ET"
    )
    assert read_dicts(data).fonts["RecindexTestSans"] == {FontFacts(-212.0)}
    ours = pdf_pdfium.read_document(data)
    assert ours == pdf_chars.read_document(data)
    assert [w[0] for w in ours[0].words] == ["Compressed", "fontstoo"]


# A font whose code 128 is a ligature glyph that the ToUnicode map gives as its letters
# ("fi"), as LibreOffice writes DejaVu's ligatures: widths 500 for codes 32-127, 555 for it.
_TO_UNICODE = (
    b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Ligatures def "
    b"1 begincodespacerange <00> <FF> endcodespacerange "
    b"1 beginbfchar <80> <00660069> endbfchar "
    b"1 beginbfrange <20> <7E> <0020> endbfrange endcmap end end"
)


def test_a_ligature_mapped_to_its_letters_keeps_its_width() -> None:
    content = b"BT /F1 10 Tf 50 700 Td (de\x80ni and a) Tj ET"
    data = assemble_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            b"<< /Type /Font /Subtype /TrueType /BaseFont /RecindexTestLigatures "
            b"/FirstChar 32 /LastChar 128 /Widths [" + b"500 " * 96 + b"555] "
            b"/FontDescriptor 6 0 R /ToUnicode 7 0 R >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            _DESCRIPTOR.replace(b"RecindexTestSans", b"RecindexTestLigatures"),
            b"<< /Length %d >>\nstream\n" % len(_TO_UNICODE) + _TO_UNICODE + b"\nendstream",
        ]
    )
    ours = pdf_pdfium.read_document(data)  # read by pdfium itself, no fallback
    assert ours == pdf_chars.read_document(data)
    # "de", the ligature (5.55 pt wide at 10 pt) and "ni" make one word: 4 × 5 + 5.55.
    word = ours[0].words[0]
    assert (word[0], round(word[3] - word[1], 2)) == ("defini", 25.55)


def _weasyprint_page() -> bytes:
    from tests.layouts.chromium_producer import Page
    from tests.layouts.weasyprint_producer import print_pdf

    page = Page(font="serif", size="8pt", width="80%", line_height="1.0", padding="4pt")
    return print_pdf(expected_table(), page)


def test_numbers_pdfium_keeps_less_precisely_than_written_are_read_by_pdfplumber(
    tmp_path: Path,
) -> None:
    """WeasyPrint scales its pages (0.75 pt per CSS pixel) and positions text in pixels:
    pdfium keeps the products in single precision, which no short decimal recovers
    ("62.692917" for pdfminer's 62.69291325), and a box rounded at 361.975 would differ
    in its last digit. The engine refuses such a number; pdfplumber reads the file, and
    both engines write the same files."""
    data = _weasyprint_page()
    with pytest.raises(pdf_pdfium.UnsupportedError, match="more digits than pdfium keeps"):
        pdf_pdfium.read_document(data)
    path = tmp_path / "weasyprint.pdf"
    path.write_bytes(data)
    files = {}
    for engine in ENGINES:
        result = run(path, engine=engine)
        files[engine] = index_to_files(result.index, result.mapping)
    assert files["pdfium"] == files["pdfplumber"]


def test_a_ligature_of_a_cid_font_mapped_to_its_letters_keeps_its_width(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """WeasyPrint embeds its fonts as CID fonts and maps the "fi" ligature glyph to the
    letters "fi": pdfium, asked for the width of U+FB01, answers the font's default
    width, a whole em, and "fi" would be printed over the "n" after it. Its width is the
    glyph's own (pdfium's loose box). Read with the engine's precision guard relaxed (the
    test above), no letter stands over another."""
    from pipeline.extraction import pdf_pdfium_frame, pdf_pdfium_paths, pdf_pdfium_text

    def lenient(value: float) -> float:
        return float(f"{value:.9g}")

    for module in (pdf_pdfium_frame, pdf_pdfium_paths, pdf_pdfium_text):
        monkeypatch.setattr(module, "as_written", lenient)
    ours = pdf_pdfium.read_document(_weasyprint_page())
    # "fins" of "… à des fins d’exploitation …": the ligature, then "n" where it ends.
    assert any(word[0] == "fins" for page in ours for word in page.words)
    assert all(page.overprints == [] for page in ours)

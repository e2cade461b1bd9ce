"""The HTML page, read as markup: self-contained, escaped, deterministic, faithful.

What the page does in a browser (search, matrix clicks, pictures shown, right to left) is
tested in tests/test_html_browser.py; here the bytes themselves are checked.
"""

from __future__ import annotations

import base64
import hashlib
import io
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image

from pipeline.api import Run
from pipeline.cli.html import document_to_html, page_for, render_page, spelled_out
from pipeline.cli.html_findings import marked_reading
from pipeline.cli.html_images import OUTLINE, concerned_column
from pipeline.cli.html_matrix import short_labels, symbol_key
from pipeline.export.folder import write_file
from pipeline.languages import get_language, known_languages
from pipeline.models import Column
from tests.html_documents import HOSTILE, rtl_language, small_document
from tests.paths import SHARED_PDF, TEXT_DUMP


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of <style> and <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.inline: dict[str, str] = {}
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in = tag if tag in ("style", "script") else None

    def handle_data(self, data: str) -> None:
        if self._in:
            self.inline[self._in] = self.inline.get(self._in, "") + data

    def handle_endtag(self, tag: str) -> None:
        self._in = None


def parse(page: bytes) -> Tags:
    tags = Tags()
    tags.feed(page.decode("utf-8"))
    return tags


def test_the_same_document_gives_the_same_bytes(pdf_run: Run, pdf_page: bytes) -> None:
    assert page_for(pdf_run.index, SHARED_PDF) == pdf_page


def test_lang_and_dir_come_from_the_language_file(text_page: bytes) -> None:
    assert b'<html lang="fr" dir="ltr">' in text_page
    rtl = render_page(small_document(language="ar"), rtl_language())
    assert b'<html lang="ar" dir="rtl">' in rtl


def test_a_language_without_interface_words_borrows_them_marked(text_page: bytes) -> None:
    rtl = render_page(small_document(language="ar"), rtl_language()).decode()
    # en.toml's word for the search box, marked as English inside the other language's page.
    assert '<span lang="en" dir="ltr">Search</span>' in rtl
    # Column labels are the language's own header labels.
    assert '<th scope="col">تقرير الاجتماع</th>' in rtl
    assert "<span>Rechercher</span>" in text_page.decode()


def test_every_text_of_the_document_is_escaped() -> None:
    page = render_page(small_document(theme_name=HOSTILE), get_language("fr")).decode()
    assert HOSTILE not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in page
    assert "<title>CTOC/COP/WG.4/2019/4 — Titre &lt;d&#x27;essai&gt; &amp; co</title>" in page
    assert len(re.findall(r"<script\b", page)) == 1


def test_nothing_is_loaded_from_outside_the_page(pdf_page: bytes) -> None:
    tags = parse(pdf_page)
    for tag, attrs in tags.tags:
        assert tag != "link" or attrs.get("href") == "data:,", attrs
        if "src" in attrs:
            assert (attrs["src"] or "").startswith("data:image/png;base64,"), (tag, attrs)
        href = attrs.get("href")
        if tag == "a":
            assert href is not None
            assert href.startswith("#") or href.startswith("https://undocs.org/fr/"), href
    policy = next(
        a["content"] for t, a in tags.tags if a.get("http-equiv") == "Content-Security-Policy"
    )
    assert policy is not None
    assert policy.startswith("default-src 'none'; img-src data:;")


def test_the_security_policy_allows_exactly_the_inline_style_and_script(pdf_page: bytes) -> None:
    tags = parse(pdf_page)
    policy = next(
        a["content"] for t, a in tags.tags if a.get("http-equiv") == "Content-Security-Policy"
    )
    for kind, directive in (("style", "style-src"), ("script", "script-src")):
        digest = hashlib.sha256(tags.inline[kind].encode()).digest()
        assert f"{directive} 'sha256-{base64.b64encode(digest).decode()}'" in (policy or "")


def test_report_symbols_link_to_undocs_in_the_edition_language(text_page: bytes) -> None:
    page = text_page.decode()
    # The first row of the dump: "CTOC/COP/WG.4/2010/6 44 II.37" (theme 1, row 1).
    row = re.search(r'<tr class="row" id="r1-1"[^>]*>.*?</tr>', page)
    assert row is not None
    assert 'href="https://undocs.org/fr/CTOC/COP/WG.4/2010/6" hreflang="fr"' in row.group()
    assert 'data-p="44" data-r="II.37"' in row.group()
    assert '<bdi class="said">44</bdi>' in row.group()


def test_header_counts_themes_rows_paragraphs_and_findings(pdf_page: bytes) -> None:
    page = pdf_page.decode()
    # Counted by hand in the dump (tests/test_text_document.py), the same in the PDF.
    assert "<li><strong>78</strong> <span>Thèmes</span></li>" in page
    assert "<li><strong>311</strong> <span>Lignes</span></li>" in page
    assert "<li><strong>972</strong> <span>Paragraphes cités</span></li>" in page
    # Each checked by hand against the document (README): 11 slips, 9 notation notes.
    assert "<strong>0</strong> <span>Erreurs</span>" in page
    assert "<strong>11</strong> <span>Avertissements</span>" in page
    assert "<strong>9</strong> <span>Remarques</span>" in page
    assert "2b819365e14bd1506ecb499b2c598e8787c281b28b157e8696cc5b04a5d036d0" in page


def test_every_finding_of_the_pdf_stands_under_its_row_with_its_picture(
    pdf_run: Run, pdf_page: bytes
) -> None:
    page = pdf_page.decode()
    blocks = re.findall(
        r'<div class="finding (?:error|warning|info)">.*?</dl>(.*?)</div></div>', page
    )
    assert len(blocks) == 20  # 11 warnings + 9 notes, all on rows
    for pictures in blocks:
        images = re.findall(r'src="data:image/png;base64,([^"]+)"', pictures)
        assert len(images) == 1  # every row concerned is printed on one page
        png = Image.open(io.BytesIO(base64.b64decode(images[0])))
        assert png.format == "PNG"
        image = png.convert("RGB")
        colours = {colour for _, colour in image.getcolors(maxcolors=1 << 20) or []}
        assert OUTLINE in colours  # the concerned cell is outlined
    # The first finding row follows its row: "CTOC/COP/WG.4/2015/6 5 à 14 VI.1-10", theme 1.
    assert re.search(
        r'id="r1-3"[^>]*>.*?</tr>\s*<tr class="finding-row" data-row="r1-3">.*?hyphen-range', page
    )


def test_the_findings_table_links_each_finding_to_its_row(text_page: bytes) -> None:
    page = text_page.decode()
    section = page[page.index('<section id="findings"') :]
    # 20 findings on rows and the dump's URI-record note on the whole document.
    assert section.count("<tr class=") == 21
    assert section.count("Constats sur l’ensemble du document") == 1
    assert '<a href="#r1-3"><bdi>CTOC/COP/WG.4/2015/6</bdi></a>' in section
    assert "<img" not in page


def test_the_pdf_must_be_the_source_of_the_index(pdf_run: Run) -> None:
    from pipeline.errors import InputError

    with pytest.raises(InputError, match="not the source"):
        document_to_html(pdf_run.index, get_language("fr"), b"%PDF-1.4 something else")


def test_concerned_cell_is_the_one_whose_text_the_finding_quotes(pdf_run: Run) -> None:
    theme = pdf_run.index.themes[0]
    entry = theme.entries[2]
    assert (entry.report, entry.references_text) == ("CTOC/COP/WG.4/2015/6", "VI.1-10")
    assert concerned_column(entry, entry.diagnostics[0]) == Column.REFERENCES
    other = entry.diagnostics[0].model_copy(update={"text": "5 à 14"})
    assert concerned_column(entry, other) == Column.PARAGRAPHS
    assert concerned_column(entry, other.model_copy(update={"text": None})) is None


@pytest.mark.parametrize(
    ("printed", "suggested", "left", "right"),
    [
        (
            "I.3, I.17.a, I.19.a et I.21",
            "I.3, I.17.a, I.19.a et I.20",
            "I.3, I.17.a, I.19.a et <del>I.21</del>",
            "I.3, I.17.a, I.19.a et <ins>I.20</ins>",
        ),
        (
            "II.16, II.22, II.24.b, et II.35",
            "II.16, II.22, II.24.b et II.35",
            "II.16, II.22, II.24.b<del>,</del> et II.35",
            "II.16, II.22, II.24.b et II.35",
        ),
        ("VI.9", "VI.9 et VI.12", "VI.9", "VI.9<ins> et VI.12</ins>"),
        ("a<b", "a<c", "<del>a&lt;b</del>", "<ins>a&lt;c</ins>"),
    ],
)
def test_marked_reading(printed: str, suggested: str, left: str, right: str) -> None:
    assert marked_reading(printed, suggested) == (left, right)


@pytest.mark.parametrize(
    ("printed", "items", "expected"),
    [
        ("43, 45 et 48", ["43", "45", "48"], True),
        ("II.36, II.38 et II.41", ["II.36", "II.38", "II.41"], True),
        ("5 à 7", ["5", "6", "7"], False),
        ("VI.1-3", ["VI.1", "VI.2", "VI.3"], False),
        ("I.14 et 15", ["I.14", "I.15"], False),
        ("57 a) et b)", ["57 a)", "57 b)"], False),
        ("VI.12 et VI.2", ["VI.1", "VI.2"], False),
    ],
)
def test_expanded_list_only_when_the_cell_does_not_spell_it_out(
    printed: str, items: list[str], expected: bool
) -> None:
    assert spelled_out(printed, items) is expected


def test_reports_are_ordered_by_date() -> None:
    symbols = [
        "CTOC/COP/WG.4/2017/4",
        "CTOC/COP/WG.4/2010/10",
        "CTOC/COP/WG.4/2009/2",
        "CTOC/COP/WG.4/2010/6",
    ]
    assert sorted(symbols, key=symbol_key) == [
        "CTOC/COP/WG.4/2009/2",
        "CTOC/COP/WG.4/2010/6",
        "CTOC/COP/WG.4/2010/10",
        "CTOC/COP/WG.4/2017/4",
    ]
    assert short_labels(symbols[:2]) == {
        "CTOC/COP/WG.4/2017/4": "2017/4",
        "CTOC/COP/WG.4/2010/10": "2010/10",
    }
    assert short_labels(["CTOC/COP/WG.4/2009/2"]) == {"CTOC/COP/WG.4/2009/2": "2009/2"}


def test_matrix_cells_count_cited_paragraphs_and_link_to_the_row() -> None:
    page = render_page(small_document(), get_language("fr")).decode()
    matrix = page[page.index('<section id="matrix"') : page.index('<section id="findings"')]
    rows = re.findall(r"<tr data-theme=.*?</tr>", matrix)
    # Theme 1: "4 et 21" from 2009/2, "5 à 7" from 2010/6; theme 2: "57 a) et b)" from 2009/2.
    assert re.findall(r'<a href="#(r[\d-]+)">(\d+)</a>|<td></td>', rows[0]) == [
        ("r1-1", "2"),
        ("r1-2", "3"),
    ]
    assert '<td class="total">5</td>' in rows[0]
    assert re.findall(r'<a href="#(r[\d-]+)">(\d+)</a>|(<td></td>)', rows[1]) == [
        ("r2-1", "2", ""),
        ("", "", "<td></td>"),
    ]
    assert "<td>4</td><td>3</td><td>7</td>" in matrix


def test_matrix_of_the_french_index(text_page: bytes) -> None:
    page = text_page.decode()
    matrix = page[page.index('<section id="matrix"') : page.index('<section id="findings"')]
    heads = re.findall(r'<abbr title="([^"]+)"', matrix)
    # The seven meeting reports the index cites, in date order (read off the dump).
    assert heads == [
        f"CTOC/COP/WG.4/{s}"
        for s in ("2009/2", "2010/6", "2011/8", "2013/5", "2015/6", "2017/4", "2018/3")
    ]
    first = re.search(r'<tr data-theme="t1">.*?</tr>', matrix)
    assert first is not None
    # Theme 1 in the dump: 2010/6 "44", 2013/5 "22", 2015/6 "5 à 14" (ten paragraphs).
    assert re.findall(r'<a href="#(r[\d-]+)">(\d+)</a>', first.group()) == [
        ("r1-1", "1"),
        ("r1-2", "1"),
        ("r1-3", "10"),
    ]


def test_cli_html_from_index_json_and_pdf(tmp_path: Path, pdf_run: Run, pdf_page: bytes) -> None:
    write_file("index.json", pdf_run.index.model_dump_json().encode(), tmp_path)
    out = tmp_path / "page.html"
    command = [sys.executable, "-m", "pipeline", "html", str(tmp_path / "index.json")]
    done = subprocess.run(
        [*command, "--pdf", str(SHARED_PDF), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == pdf_page
    wrong = subprocess.run(
        [*command, "--pdf", str(TEXT_DUMP), "--out", str(tmp_path / "wrong.html")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert wrong.returncode == 2
    assert wrong.stderr.count("\n") == 1
    assert "not the source" in wrong.stderr
    assert not (tmp_path / "wrong.html").exists()


@pytest.mark.parametrize("code", sorted(known_languages()))
def test_interface_words_have_the_marks_the_page_fills(code: str) -> None:
    interface = known_languages()[code].interface
    if interface is None:  # the page borrows the fallback language's words
        return
    assert set(re.findall(r"\{(\w+)\}", interface.count)) == {
        "rows",
        "total",
        "themes",
        "themes_total",
    }
    assert re.findall(r"\{(\w+)\}", interface.items) == ["n"]
    assert re.findall(r"\{(\w+)\}", interface.image) == ["page"]
    others = interface.model_dump(exclude={"count", "items", "image"})
    assert all("{" not in text for text in others.values()), others


def test_cli_html_refuses_a_pdf_for_an_index_from_a_text_dump(
    tmp_path: Path, text_run: Run
) -> None:
    write_file("index.json", text_run.index.model_dump_json().encode(), tmp_path)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipeline",
            "html",
            str(tmp_path / "index.json"),
            "--pdf",
            str(SHARED_PDF),
            "--out",
            str(tmp_path / "page.html"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "text dump" in done.stderr
    assert not (tmp_path / "page.html").exists()

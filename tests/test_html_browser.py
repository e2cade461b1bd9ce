"""The HTML page in a real browser: Debian's Chromium, driven by playwright.

`make test` installs Chromium when it is missing (`make browser`); playwright only drives
it (`executable_path`), it never downloads a browser of its own. The pages are opened
from `file://` with the network off. Screenshots of the main views are written to
test-artifacts/html/ (not committed) for a person to look at.

Expected numbers were counted by hand in the French text dump
(sources/CTOC_COP_WG.4_2019_4_fr.txt; line numbers given), never by the page's code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from pipeline.cli.html import render_page
from tests.chromium import ARGS, CHROMIUM
from tests.html_documents import rtl_language, small_document
from tests.paths import ROOT

ARTIFACTS = ROOT / "test-artifacts" / "html"

# Themes whose name holds "victimes", read off the dump (lines 170-182, 405-420, 912-916,
# 1695-2000), in their order: three that speak of victims, then the 13 "Victimes (…)".
VICTIMES = [
    "Consommateurs, clients et utilisateurs de produits et services fournis par des victimes de la traite",
    "Fonds de contributions volontaires des Nations Unies en faveur des victimes de la traite des personnes, en particulier des femmes et des enfants",
    "Intervenants (prestataires de services aux victimes)",
    "Victimes (confidentialité et vie privée)",
    "Victimes (délai de réflexion)",
    "Victimes (en tant que témoins)",
    "Victimes (flux migratoires mixtes)",
    "Victimes (handicaps)",
    "Victimes (identification)",
    "Victimes (informations et assistance juridique)",
    "Victimes (non-sanction et non-poursuite)",
    "Victimes (point de vue et contributions)",
    "Victimes (protection et assistance)",
    "Victimes (réparation)",
    "Victimes (retour et réintégration)",
    "Victimes (revictimisation)",
]


@dataclass
class Opened:
    page: Any
    url: str
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"))

    def visible(self, selector: str) -> list[str]:
        return [text.strip() for text in self.page.locator(selector).all_inner_texts()]

    def visible_rows(self) -> list[tuple[str, str]]:
        """(theme, report) of every row the filter leaves."""
        rows: list[tuple[str, str]] = self.page.evaluate(
            """() => [...document.querySelectorAll('tbody.theme:not([hidden]) tr.row:not([hidden])')]
                 .map((tr) => [tr.closest('tbody').querySelector('.name').textContent,
                               tr.querySelector('td.report').textContent])"""
        )
        return [(theme, report) for theme, report in rows]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make browser` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def open_page(browser: Any, tmp_path: Path) -> Iterator[Callable[[bytes, str], Opened]]:
    contexts: list[Any] = []

    def opener(html: bytes, name: str) -> Opened:
        path = tmp_path / f"{name}.html"
        path.write_bytes(html)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, offline=True)
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page, path.as_uri())
        page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        page.on("request", lambda r: opened.requests.append(r.url))
        page.goto(opened.url)
        return opened

    yield opener
    for context in contexts:
        context.close()


def test_no_console_error_and_no_request(
    open_page: Callable[[bytes, str], Opened], pdf_page: bytes
) -> None:
    opened = open_page(pdf_page, "pdf")
    page = opened.page
    opened.shot("1-top")
    page.locator("#q").press_sequentially("Victimes")
    page.locator("#q").fill("II.37")
    page.locator("#clear").click()
    page.locator("#only-findings").check()
    page.locator("#expand").check()
    page.locator("#matrix a[href='#r1-3']").click()
    page.emulate_media(media="print")
    opened.shot("9-print")
    assert opened.errors == []
    # The document itself, and nothing else: not even a favicon.
    assert opened.requests == [opened.url]


def test_typing_victimes_leaves_only_the_victimes_themes(
    open_page: Callable[[bytes, str], Opened], pdf_page: bytes
) -> None:
    opened = open_page(pdf_page, "pdf")
    opened.page.locator("#q").press_sequentially("Victimes", delay=20)
    assert opened.visible("tbody.theme:not([hidden]) .name") == VICTIMES
    # Rows of those themes, counted in the dump: 52 in the 13 "Victimes (…)" themes
    # (3+3+5+1+3+7+5+5+3+6+5+3+3), 3 + 2 + 3 in the other three.
    assert opened.visible("#count") == ["Lignes : 60 sur 311 · thèmes : 16 sur 78"]
    assert opened.visible("#matrix tbody tr:not([hidden]) th") == opened.visible(
        "tbody.theme:not([hidden]) .name"
    )
    opened.shot("2-search-victimes")


def test_a_reference_finds_the_rows_that_cite_it(
    open_page: Callable[[bytes, str], Opened], pdf_page: bytes
) -> None:
    opened = open_page(pdf_page, "pdf")
    opened.page.locator("#q").fill("II.37")
    # Rows citing II.37, by hand: dump lines 102 and 850 ("44 II.37"), 963 ("II.12, II.36
    # et II.37") and 1325 ("II.20 et II.31 à 42", a range over it): four rows.
    assert opened.visible_rows() == [
        ("Agences de recrutement et frais de recrutement", "CTOC/COP/WG.4/2010/6"),
        ("Intervenants (inspecteurs du travail)", "CTOC/COP/WG.4/2010/6"),
        ("Intervenants (secteur privé)", "CTOC/COP/WG.4/2010/6"),
        ("Offre et demande", "CTOC/COP/WG.4/2010/6"),
    ]
    assert opened.visible("#count") == ["Lignes : 4 sur 311 · thèmes : 4 sur 78"]
    opened.page.locator("#q").fill("ii.37")
    assert len(opened.visible_rows()) == 4
    opened.page.locator("#q").fill("II.37")
    opened.shot("3-search-II.37")


@pytest.mark.parametrize(
    ("query", "rows"),
    [
        # Paragraph 44 of any report, by hand: dump lines 102, 208 ("42 à 44"), 315, 541
        # ("38 à 44"), 850, 963, 1325 ("38 à 49"), 1327 ("41 à 45"), 1536.
        ("44", 9),
        # 57 a): lines 370, 1516, 1571 and 1869, all of CTOC/COP/WG.4/2010/6.
        ("57 a", 4),
        ("57 a)", 4),
        ("57a", 4),
        # A report: its rows in the dump ("CTOC/COP/WG.4/2010/6 " at a line start: 45).
        ("2010/6", 45),
    ],
)
def test_paragraphs_and_reports_are_found(
    open_page: Callable[[bytes, str], Opened], text_page: bytes, query: str, rows: int
) -> None:
    opened = open_page(text_page, "text")
    opened.page.locator("#q").fill(query)
    assert len(opened.visible_rows()) == rows


def _in_view(opened: Opened, row: str) -> bool:
    box = opened.page.locator(f"#{row}").bounding_box()
    toolbar = opened.page.locator(".toolbar").bounding_box()
    height = opened.page.viewport_size["height"]
    return bool(box and toolbar and box["y"] >= toolbar["y"] + toolbar["height"] - 1) and bool(
        box and box["y"] + box["height"] <= height
    )


def test_a_matrix_click_scrolls_to_its_row(
    open_page: Callable[[bytes, str], Opened], pdf_page: bytes
) -> None:
    opened = open_page(pdf_page, "pdf")
    page = opened.page
    page.locator("#matrix").scroll_into_view_if_needed()
    page.locator("#matrix-title").scroll_into_view_if_needed()
    opened.shot("4-matrix")
    # Theme 1 x CTOC/COP/WG.4/2015/6: "5 à 14", ten paragraphs, the theme's third row.
    cell = page.locator("#matrix tr[data-theme='t1'] a[href='#r1-3']")
    assert cell.inner_text() == "10"
    cell.click()
    assert page.evaluate("location.hash") == "#r1-3"
    assert _in_view(opened, "r1-3")
    assert page.evaluate("document.activeElement.id") == "r1-3"
    opened.shot("5-matrix-click")
    # A row the filter hides is shown again before the jump.
    page.locator("#only-findings").check()
    assert page.locator("#r1-1").is_hidden()
    page.locator("#matrix tr[data-theme='t1'] a[href='#r1-1']").click()
    assert page.locator("#r1-1").is_visible()
    assert _in_view(opened, "r1-1")


def test_every_finding_of_the_french_pdf_shows_its_image(
    open_page: Callable[[bytes, str], Opened], pdf_page: bytes
) -> None:
    opened = open_page(pdf_page, "pdf")
    page = opened.page
    findings = page.locator("tr.finding-row .finding")
    assert findings.count() == 20  # 11 warnings and 9 notes (README, checked by hand)
    for index in range(findings.count()):
        finding = findings.nth(index)
        image = finding.locator("img")
        assert image.count() == 1
        image.scroll_into_view_if_needed()
        assert image.evaluate("(img) => img.complete && img.naturalWidth > 300")
        box = image.bounding_box()
        assert box is not None
        assert box["width"] > 300
    page.locator("#r2-1").scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -120)")
    opened.shot("6-findings")
    page.locator("#findings-title").scroll_into_view_if_needed()
    opened.shot("7-findings-table")
    assert opened.errors == []


def test_keyboard_search_and_lists(
    open_page: Callable[[bytes, str], Opened], text_page: bytes
) -> None:
    opened = open_page(text_page, "text")
    page = opened.page
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.type("Victimes")
    assert opened.visible("#count") == ["Lignes : 60 sur 311 · thèmes : 16 sur 78"]
    page.keyboard.press("Escape")
    assert opened.visible("#count") == ["Lignes : 311 sur 311 · thèmes : 78 sur 78"]
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "clear"
    # The expanded lists: "5 à 14" of theme 1, row 3, opens to ten paragraphs.
    lists = page.locator("#r1-3 details.list")
    assert lists.first.is_visible()
    assert page.locator("#r1-3 ol.items").first.is_hidden()
    page.locator("#expand").check()
    assert page.locator("#r1-3 ol.items").first.inner_text().split() == [
        str(n) for n in range(5, 15)
    ]


def test_a_right_to_left_edition_is_laid_out_right_to_left(
    open_page: Callable[[bytes, str], Opened],
) -> None:
    opened = open_page(render_page(small_document(language="ar"), rtl_language()), "rtl")
    page = opened.page
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert (
        page.evaluate("getComputedStyle(document.querySelector('table.index')).direction") == "rtl"
    )
    report = page.locator("#r1-1 td.report").bounding_box()
    paragraphs = page.locator("#r1-1 td").nth(1).bounding_box()
    assert report is not None
    assert paragraphs is not None
    assert report["x"] > paragraphs["x"]  # the first column stands on the right
    page.locator("#q").fill("Victimes")
    assert opened.visible("tbody.theme:not([hidden]) .name") == ["Victimes"]
    page.locator("#q").fill("")
    opened.shot("8-rtl")
    assert opened.errors == []
    assert opened.requests == [opened.url]


def test_a_match_inside_a_range_is_shown_in_the_opened_list(
    open_page: Callable[[bytes, str], Opened], text_page: bytes
) -> None:
    opened = open_page(text_page, "text")
    opened.page.locator("#q").fill("II.37")
    # Dump line 1325, "Offre et demande": "II.20 et II.31 à 42" holds II.37 in its range.
    found = opened.page.locator("tr.row:not([hidden])").nth(3)
    assert found.locator("td.report").inner_text() == "CTOC/COP/WG.4/2010/6"
    row = opened.page.locator(f"#{found.get_attribute('id')}")
    assert row.locator("xpath=ancestor::tbody//*[@class='name']").inner_text() == "Offre et demande"
    assert row.locator("li.hit").all_inner_texts() == ["II.37"]
    assert row.locator("li.hit").is_visible()
    opened.page.locator("#q").fill("")
    assert row.locator("li.hit").count() == 0
    assert row.locator("ol.items").first.is_hidden()

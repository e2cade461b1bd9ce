"""Each quirk of PDF-to-text dumps, in a small dump written for the purpose.

The names and numbers here are invented, so a rule that only works because it knows the
real document's themes, pages or lines would fail.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.api import run
from pipeline.models import IndexDocument
from pipeline.patterns import fold

HEADER = """\
 Thème
Rapport de réunion Référence dans le document
CTOC/COP/WG.4/2099/5
(par section/paragraphe/alinéa) Document  Paragraphes
"""

DUMP = f"""\
Document d’information établi par le Secrétariat
1. Un paragraphe qui cite CTOC/COP/WG.4/2013/5 dans le préambule.
http://undocs.org/fr/CTOC/COP/WG.4/2013/5
http://undocs.org/fr/CTOC/COP/WG.4/2013/5
CTOC/COP/WG.4/2099/4
V.99-00001 2/4
  Titre du tableau,
par thème
{HEADER}Alpha (un et
deux)
CTOC/COP/WG.4/2009/2 4, 18 a), 20 a) et 21 I.3, I.17.a, I.19.a et I.21
CTOC/COP/WG.4/2010/6 23, 29, 31 b) et 42 II.16, II.22, II.24.b,
et II.35
Bêta CTOC/COP/WG.4/2011/8 8, 12, 13, 30 à 34,
36, 42 à 44 et 47
IV.3, IV.7, IV.8,
IV.25 à 29, IV.31,
IV.37 à 39 et IV.42
Gamma des
CTOC/COP/WG.4/2013/5 17 V.13
http://undocs.org/CTOC/COP/WG.4/2009/2
http://undocs.org/CTOC/COP/WG.4/2009/2
   http://undocs.org/CTOC/COP/WG.4/2010/6
{HEADER}femmes et des
enfants
Delta
 CTOC/COP/WG.4/2015/6 5 à 14 VI.1 à 10
 CTOC/COP/WG.4/2017/4 7 c), d) et f) et 8 a)
à o)
VII.1.c, VII.1.d, VII.1.f
et VII.2.a à o
 (par section/paragraphe/alinéa) Document  Paragraphes
Epsilon CTOC/COP/WG.4/2018/3 7 e) VIII.1.e
"""


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> IndexDocument:
    path = tmp_path_factory.mktemp("quirks") / "dump.txt"
    path.write_text(DUMP, encoding="utf-8")
    return run(path).index


def test_themes_before_rows_on_the_row_line_and_cut_by_a_page_break(
    document: IndexDocument,
) -> None:
    assert [t.name for t in document.themes] == [
        "Alpha (un et deux)",
        "Bêta",
        "Gamma des femmes et des enfants",
        "Delta",
        "Epsilon",
    ]


def test_rows_and_multi_line_cells(document: IndexDocument) -> None:
    rows = [
        (t.name[:5], e.report[-6:], e.paragraphs_text, e.references_text)
        for t in document.themes
        for e in t.entries
    ]
    assert rows == [
        ("Alpha", "2009/2", "4, 18 a), 20 a) et 21", "I.3, I.17.a, I.19.a et I.21"),
        ("Alpha", "2010/6", "23, 29, 31 b) et 42", "II.16, II.22, II.24.b, et II.35"),
        (
            "Bêta",
            "2011/8",
            "8, 12, 13, 30 à 34, 36, 42 à 44 et 47",
            "IV.3, IV.7, IV.8, IV.25 à 29, IV.31, IV.37 à 39 et IV.42",
        ),
        ("Gamma", "2013/5", "17", "V.13"),
        ("Delta", "2015/6", "5 à 14", "VI.1 à 10"),
        (
            "Delta",
            "2017/4",
            "7 c), d) et f) et 8 a) à o)",
            "VII.1.c, VII.1.d, VII.1.f et VII.2.a à o",
        ),
        ("Epsil", "2018/3", "7 e)", "VIII.1.e"),
    ]


def test_furniture_headers_and_preamble_become_metadata(document: IndexDocument) -> None:
    assert document.symbol == "CTOC/COP/WG.4/2099/4"
    assert document.job_number == "V.99-00001"
    assert document.reference_document == "CTOC/COP/WG.4/2099/5"
    assert document.title == "Titre du tableau, par thème"
    assert document.source.pages == 4


def test_pages_from_uri_blocks_headers_and_partial_header(document: IndexDocument) -> None:
    assert [t.pages for t in document.themes] == [(2,), (2,), (2, 3), (3,), (4,)]


def test_form_feeds_give_pages_directly(tmp_path: Path) -> None:
    path = tmp_path / "paged.txt"
    path.write_text(DUMP.replace("   http://undocs.org/CTOC/COP/WG.4/2010/6\n", "\f"), "utf-8")
    document = run(path).index
    assert [t.name for t in document.themes][2] == "Gamma des femmes et des enfants"
    assert document.themes[3].pages == (2,)


ENGLISH_DUMP = """\
CTOC/COP/WG.4/2099/4
V.99-00002 2/3
Recommendations adopted by the Working Group, by theme
Theme
Meeting report Reference in document
CTOC/COP/WG.4/2099/5
(by section/paragraph/subparagraph) Document Paragraphs
Awareness-raising CTOC/COP/WG.4/2009/2 8 (a) and 11 (b) I.7.a and I.10.b
United Nations Voluntary Trust
Fund for Victims of
Trafficking in Persons,
Especially Women and
CTOC/COP/WG.4/2011/8 35 IV.30
http://undocs.org/CTOC/COP/WG.4/2011/8
Theme
Meeting report Reference in document
CTOC/COP/WG.4/2099/5
(by section/paragraph/subparagraph) Document Paragraphs
Children
Victims (Identification and
Referral)
CTOC/COP/WG.4/2017/4 7 (a)–(j) and 8 (a)–
(o)
VII.1.a–j and VII.2.a–
o
"""


def test_title_case_theme_names_are_not_split_at_capitals(tmp_path: Path) -> None:
    """English names capitalise inner words; a block of theme lines is one theme, and
    a theme cut by a page break is joined only while it is unfinished."""
    path = tmp_path / "en.txt"
    path.write_text(ENGLISH_DUMP, encoding="utf-8")
    document = run(path).index
    assert document.language == "en"
    assert [t.name for t in document.themes] == [
        "Awareness-raising",
        "United Nations Voluntary Trust Fund for Victims of Trafficking in Persons, Especially Women and Children",
        "Victims (Identification and Referral)",
    ]
    entry = document.themes[2].entries[0]
    assert (entry.paragraphs_text, entry.references_text) == (
        "7 (a)–(j) and 8 (a)–(o)",
        "VII.1.a–j and VII.2.a–o",
    )
    assert len(entry.paragraphs) == len(entry.references) == 25


def test_rows_going_back_in_report_order_start_a_new_theme(tmp_path: Path) -> None:
    """After a page break a finished theme is followed by a line without a capital: the
    row beside it goes back to an earlier report, so it is a new theme, not a tail."""
    dump = (
        DUMP.replace("Delta\n", "eLearning\n")
        .replace(" CTOC/COP/WG.4/2015/6 5 à 14 VI.1 à 10", " CTOC/COP/WG.4/2009/2 5 à 14 I.4 à 13")
        .replace("femmes et des\nenfants\n", "")
    )
    path = tmp_path / "dump.txt"
    path.write_text(dump.replace("Gamma des\n", "Gamma\n"), encoding="utf-8")
    names = [t.name for t in run(path).index.themes]
    assert names == ["Alpha (un et deux)", "Bêta", "Gamma", "eLearning", "Epsilon"]


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        # Each odd space a converter leaves is a space: no-break, narrow no-break, thin, figure.
        ("8\u00a0a)", "8 a)"),
        ("8\u202fa)", "8 a)"),
        ("8\u2009a)", "8 a)"),
        ("8\u2007a)", "8 a)"),
        # Runs of any of them fold into one space; ends are trimmed.
        ("\u00a0 7 a)\u202f\u2009à\n j) ", "7 a) à j)"),
    ],
)
def test_fold_reads_odd_spaces_as_spaces(text: str, folded: str) -> None:
    assert fold(text) == folded

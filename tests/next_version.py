"""A synthetic next version of the index, made from the real text dump by text edits.

The Working Group re-issues the index after each meeting. A re-issue keeps the layout and
changes what a new meeting changes: the title ("… ses neuf premières réunions …"), the
running symbol, the job number in the footers, the compilation document
named in every table header, rows for the new meeting report (a new roman section IX in
the compilation), a new theme, and a few edited or dropped rows. This module makes such a
dump so that tests can prove that nothing in the pipeline knows the 2019 edition, and so
that `diff_documents` has a realistic pair of versions to compare.

Every edit is anchored on text that must occur an exact number of times: if the source dump
is ever changed, the builder fails loudly instead of producing a version that silently
lacks an edit. The expected extraction is written out by hand in the tests, not derived
from here.
"""

from __future__ import annotations

from pathlib import Path

import regex

from tests.paths import TEXT_DUMP

# What changes in the furniture and metadata of a re-issue.
OLD_TITLE_WORDS = "au cours de ses huit premières réunions"
NEW_TITLE_WORDS = "au cours de ses neuf premières réunions"
OLD_SYMBOL, NEW_SYMBOL = "CTOC/COP/WG.4/2019/4", "CTOC/COP/WG.4/2020/4"
OLD_REFERENCE, NEW_REFERENCE = "CTOC/COP/WG.4/2019/5", "CTOC/COP/WG.4/2020/5"
OLD_JOB, NEW_JOB = "V.19-07098", "V.20-01234"
# The re-issue adds a few rows, not pages: its footers keep "n/13" (a count that did not
# match the pages present would be, rightly, a page-missing error).
OLD_PAGES, NEW_PAGES = 13, 13
NEW_REPORT = "CTOC/COP/WG.4/2019/6"


def replace_exactly(text: str, old: str, new: str, count: int = 1) -> str:
    """Replace `old`, which must occur exactly `count` times (an edit that misses its
    anchor would make a version without that change and a test that proves nothing)."""
    found = text.count(old)
    if found != count:
        raise AssertionError(f"expected {count} occurrence(s) of {old!r}, found {found}")
    return text.replace(old, new)


def sub_exactly(text: str, pattern: str, new: str, count: int) -> str:
    """`regex.subn` over lines (MULTILINE), with the same exact-count guard."""
    result, found = regex.subn(pattern, new, text, flags=regex.MULTILINE)
    if found != count:
        raise AssertionError(f"expected {count} match(es) of {pattern!r}, found {found}")
    return result


def _row_lines(*lines: str) -> str:
    """Lines as the converter prints them: a trailing space and a blank line after each."""
    return "".join(f"{line} \n\n" for line in lines)


def reissue_furniture(text: str) -> str:
    """Title, running symbol, footers, header symbol, preamble: what every re-issue changes."""
    text = replace_exactly(text, OLD_TITLE_WORDS, NEW_TITLE_WORDS)
    # The running symbol is a line of its own at the top of some pages.
    text = sub_exactly(text, rf"^{regex.escape(OLD_SYMBOL)}(?=\s*$)", NEW_SYMBOL, count=2)
    # Footers "V.19-07098 2/13": new job number, more pages.
    text = sub_exactly(
        text,
        rf"^{regex.escape(OLD_JOB)} (\d+)/{OLD_PAGES}(?=\s*$)",
        rf"{NEW_JOB} \1/{NEW_PAGES}",
        count=2,
    )
    # The compilation symbol printed under "Référence dans le document" in every header.
    text = sub_exactly(text, rf"^{regex.escape(OLD_REFERENCE)}(?=\s*$)", NEW_REFERENCE, count=7)
    # The preamble names the compilation (cut after a slash) and links to it.
    text = replace_exactly(text, "(CTOC/COP/WG.4/ \n\n2019/5)", "(CTOC/COP/WG.4/ \n\n2020/5)")
    text = replace_exactly(
        text, f"undocs.org/fr/{OLD_REFERENCE}", f"undocs.org/fr/{NEW_REFERENCE}", 4
    )
    return replace_exactly(text, "à sa neuvième réunion", "à sa dixième réunion")


def add_report_rows(text: str) -> str:
    """Rows for the new meeting report (compilation section IX, paragraph p is IX.(p − 4))."""
    # A one-line row at the end of a theme.
    text = replace_exactly(
        text,
        "CTOC/COP/WG.4/2015/6 5 à 14 VI.1-10 \n",
        "CTOC/COP/WG.4/2015/6 5 à 14 VI.1-10 \n\n"
        + _row_lines(f"{NEW_REPORT} 5 a) à c) et 9 IX.1.a à c et IX.5"),
    )
    # A row whose two cells wrap: paragraph lines first, then reference lines.
    text = replace_exactly(
        text,
        "CTOC/COP/WG.4/2018/3 8 a) à h) VIII.2.a à h \n",
        "CTOC/COP/WG.4/2018/3 8 a) à h) VIII.2.a à h \n\n"
        + _row_lines(f"{NEW_REPORT} 5 d), 7 et 8 a)", "à c)", "IX.1.d, IX.3 et", "IX.4.a à c"),
    )
    # The last row of the document, indented as the rows around it are.
    return replace_exactly(
        text,
        " CTOC/COP/WG.4/2018/3 8 a) VIII.2.a \n",
        " CTOC/COP/WG.4/2018/3 8 a) VIII.2.a \n\n"
        + _row_lines(f" {NEW_REPORT} 6 et 10 IX.2 et IX.6"),
        count=1,
    )


def add_theme(text: str) -> str:
    """A new theme, printed over three lines, in its alphabetical place (after
    "Corruption", before "Enfants"), with a row of an old report and one of the new."""
    return replace_exactly(
        text,
        "  \n\nEnfants CTOC/COP/WG.4/2009/2",
        "  \n\n"
        + _row_lines(
            "Criminalité en ligne et",
            "traite facilitée par",
            "Internet",
            "CTOC/COP/WG.4/2018/3 7 i) VIII.1.i",
            f"{NEW_REPORT} 10 et 11 IX.6 et IX.7",
        )
        + "  \n\nEnfants CTOC/COP/WG.4/2009/2",
    )


def edit_rows(text: str) -> str:
    """One row dropped, one row's cells changed (a paragraph and its reference swapped)."""
    text = replace_exactly(
        text,
        "Technologies CTOC/COP/WG.4/2011/8 38 et 41 IV.33 et IV.36 \n\n"
        "CTOC/COP/WG.4/2013/5 33 V.29 \n\n",
        "Technologies CTOC/COP/WG.4/2011/8 38 et 41 IV.33 et IV.36 \n\n",
    )
    return replace_exactly(
        text,
        "CTOC/COP/WG.4/2018/3 8 c) et 8 g) VIII.2.c et VIII.2.g \n",
        "CTOC/COP/WG.4/2018/3 8 c) et h) VIII.2.c et VIII.2.h \n",
    )


def _links(*symbols: str) -> str:
    """URI lines as the converter prints a block of them: each link twice."""
    return "".join(f"http://undocs.org/{symbol}\n" * 2 for symbol in symbols)


def update_link_record(text: str) -> str:
    """The URI blocks follow the rows: links for the new rows, none for the dropped one.

    Runs before the row edits, on the original blocks: each anchor is a run of links that
    occurs once, the links of the rows around the edit."""
    old = "CTOC/COP/WG.4/"
    agences = _links(*(old + s for s in ("2010/6", "2013/5", "2015/6")))
    text = replace_exactly(
        text,
        agences + _links(old + "2009/2", old + "2010/6"),
        agences + _links(NEW_REPORT) + _links(old + "2009/2", old + "2010/6"),
    )
    cooperation_end = _links(old + "2017/4", old + "2018/3") + " Thème \n"
    text = replace_exactly(
        text,
        cooperation_end,
        cooperation_end.replace(" Thème", _links(NEW_REPORT) + " Thème"),
    )
    corruption = _links(*(old + s for s in ("2018/3", "2009/2", "2011/8", "2013/5")))
    text = replace_exactly(
        text,
        corruption + _links(old + "2009/2", old + "2010/6"),
        corruption + _links(old + "2018/3", NEW_REPORT) + _links(old + "2009/2", old + "2010/6"),
    )
    technologies = _links(*(old + s for s in ("2011/8", "2013/5", "2018/3", "2017/4", "2018/3")))
    return replace_exactly(
        text,
        technologies,
        _links(*(old + s for s in ("2011/8", "2018/3", "2017/4", "2018/3"))),
    )


def next_version_text(original: str) -> str:
    """The whole re-issue: furniture, links, new report rows, new theme, edited rows."""
    text = update_link_record(reissue_furniture(original))
    return edit_rows(add_theme(add_report_rows(text)))


def write_next_version(folder: Path, source: Path = TEXT_DUMP) -> Path:
    """Write the synthetic next version beside the tests' other temporary files."""
    path = folder / "CTOC_COP_WG.4_2020_4_fr.txt"
    path.write_text(next_version_text(source.read_text(encoding="utf-8")), encoding="utf-8")
    return path

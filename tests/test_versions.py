"""A new version of the index must come out right with no code change.

The next version is synthetic (tests/next_version.py): the real dump with the edits a
re-issue makes. What it should extract to is written out here by hand, so the test fails
both when a pipeline rule knows the 2019 edition and when the builder stops making an
edit. A last test reads the pipeline's own code for literals naming this edition.
"""

from __future__ import annotations

import ast
from pathlib import Path

from pipeline.api import run
from pipeline.export import index_to_files
from pipeline.models import Entry, IndexDocument, Theme
from pipeline.validation import infer_mapping
from tests import golden
from tests.paths import ROOT
from tests.pdf_factory import TableData

NEW_THEME = "Criminalité en ligne et traite facilitée par Internet"
NEW_REPORT = "CTOC/COP/WG.4/2019/6"
NEW_SYMBOL = "CTOC/COP/WG.4/2020/4"
NEW_TITLE = (
    "Recommandations adoptées par le Groupe de travail sur la traite des personnes "
    "au cours de ses neuf premières réunions, par thème"
)
NEW_JOB_NUMBER = "V.20-01234"
NEW_REFERENCE_DOCUMENT = "CTOC/COP/WG.4/2020/5"

# The re-issue's edits, written out by hand: the expected next version is the golden
# table with exactly these changes.
ADDED_AT_THE_END: dict[str, list[golden.ReadRow]] = {
    "Agences de recrutement et frais de recrutement": [
        (
            NEW_REPORT,
            "5 a) à c) et 9",
            "IX.1.a à c et IX.5",
            ("5a", "5b", "5c", "9"),
            ("IX.1.a", "IX.1.b", "IX.1.c", "IX.5"),
        )
    ],
    "Coopération internationale": [
        (
            NEW_REPORT,
            "5 d), 7 et 8 a) à c)",
            "IX.1.d, IX.3 et IX.4.a à c",
            ("5d", "7", "8a", "8b", "8c"),
            ("IX.1.d", "IX.3", "IX.4.a", "IX.4.b", "IX.4.c"),
        )
    ],
    "Victimes (revictimisation)": [
        (NEW_REPORT, "6 et 10", "IX.2 et IX.6", ("6", "10"), ("IX.2", "IX.6"))
    ],
}
NEW_THEME_ROWS: list[golden.ReadRow] = [
    ("CTOC/COP/WG.4/2018/3", "7 i)", "VIII.1.i", ("7i",), ("VIII.1.i",)),
    (NEW_REPORT, "10 et 11", "IX.6 et IX.7", ("10", "11"), ("IX.6", "IX.7")),
]
NEW_THEME_AFTER = "Corruption"
REMOVED = ("Technologies", "CTOC/COP/WG.4/2013/5")
CHANGED = (
    ("Considérations linguistiques", "CTOC/COP/WG.4/2018/3"),
    (
        "CTOC/COP/WG.4/2018/3",
        "8 c) et h)",
        "VIII.2.c et VIII.2.h",
        ("8c", "8h"),
        ("VIII.2.c", "VIII.2.h"),
    ),
)


def expected_next_version() -> list[tuple[str, list[golden.ReadRow]]]:
    """The golden table with the re-issue's edits applied (the edits above, by hand)."""
    themes: list[tuple[str, list[golden.ReadRow]]] = []
    for name, rows in golden.expected_themes():
        kept = [
            CHANGED[1] if (name, row.report) == CHANGED[0] else row.read()
            for row in rows
            if (name, row.report) != REMOVED
        ]
        themes.append((name, kept + ADDED_AT_THE_END.get(name, [])))
        if name == NEW_THEME_AFTER:
            themes.append((NEW_THEME, NEW_THEME_ROWS))
    return themes


def theme(document: IndexDocument, name: str) -> Theme:
    return next(t for t in document.themes if t.name == name)


def items(entry: Entry) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Expanded lists, compactly: paragraphs as "5a" / "9", references as "IX.1.a"."""
    return golden.paragraph_items(entry), golden.reference_items(entry)


def test_metadata_comes_from_the_new_furniture_and_header(new: IndexDocument) -> None:
    assert new.symbol == NEW_SYMBOL == "CTOC/COP/WG.4/2020/4"
    assert new.title == NEW_TITLE
    assert new.job_number == NEW_JOB_NUMBER == "V.20-01234"
    assert new.reference_document == NEW_REFERENCE_DOCUMENT == "CTOC/COP/WG.4/2020/5"
    assert new.source.pages == 13
    assert new.language == "fr"


def test_theme_list_has_the_new_theme_in_its_alphabetical_place(new: IndexDocument) -> None:
    names = [t.name for t in new.themes]
    assert len(names) == 79
    assert names[7:10] == ["Corruption", NEW_THEME, "Enfants"]
    old_names = [name for name, _ in golden.expected_themes()]
    assert names == [*old_names[:8], NEW_THEME, *old_names[8:]]
    assert [t.position for t in new.themes] == list(range(1, 80))


def test_new_theme_printed_over_three_lines_with_two_rows(new: IndexDocument) -> None:
    added = theme(new, NEW_THEME)
    assert added.position == 9
    assert added.pages == (3,)
    rows = [(e.report, e.paragraphs_text, e.references_text, items(e)) for e in added.entries]
    assert rows == [
        ("CTOC/COP/WG.4/2018/3", "7 i)", "VIII.1.i", (("7i",), ("VIII.1.i",))),
        (NEW_REPORT, "10 et 11", "IX.6 et IX.7", (("10", "11"), ("IX.6", "IX.7"))),
    ]


def test_rows_of_the_new_report_with_section_ix(new: IndexDocument) -> None:
    rows = [
        (t.name, e.paragraphs_text, e.references_text, items(e))
        for t in new.themes
        for e in t.entries
        if e.report == NEW_REPORT
    ]
    assert rows == [
        (
            "Agences de recrutement et frais de recrutement",
            "5 a) à c) et 9",
            "IX.1.a à c et IX.5",
            (("5a", "5b", "5c", "9"), ("IX.1.a", "IX.1.b", "IX.1.c", "IX.5")),
        ),
        (
            "Coopération internationale",
            "5 d), 7 et 8 a) à c)",
            "IX.1.d, IX.3 et IX.4.a à c",
            (
                ("5d", "7", "8a", "8b", "8c"),
                ("IX.1.d", "IX.3", "IX.4.a", "IX.4.b", "IX.4.c"),
            ),
        ),
        (NEW_THEME, "10 et 11", "IX.6 et IX.7", (("10", "11"), ("IX.6", "IX.7"))),
        ("Victimes (revictimisation)", "6 et 10", "IX.2 et IX.6", (("6", "10"), ("IX.2", "IX.6"))),
    ]


def test_new_rows_are_last_in_their_themes(new: IndexDocument) -> None:
    for name in (
        "Agences de recrutement et frais de recrutement",
        "Coopération internationale",
        "Victimes (revictimisation)",
    ):
        assert theme(new, name).entries[-1].report == NEW_REPORT


def test_removed_row(new: IndexDocument) -> None:
    technologies = theme(new, "Technologies")
    assert [(e.report, e.paragraphs_text) for e in technologies.entries] == [
        ("CTOC/COP/WG.4/2011/8", "38 et 41"),
        ("CTOC/COP/WG.4/2018/3", "7 i)"),
    ]


def test_changed_row(new: IndexDocument) -> None:
    entry = theme(new, "Considérations linguistiques").entries[-1]
    assert entry.report == "CTOC/COP/WG.4/2018/3"
    assert (entry.paragraphs_text, entry.references_text) == ("8 c) et h)", "VIII.2.c et VIII.2.h")
    assert items(entry) == (("8c", "8h"), ("VIII.2.c", "VIII.2.h"))


def test_text_dump_gives_the_golden_table_with_the_edits(new: IndexDocument) -> None:
    """Nothing else moved: every theme and row of the golden table is in the new version,
    apart from the edits written out above."""
    assert golden.read_document(new) == expected_next_version()


def test_every_other_row_is_untouched(old: IndexDocument, new: IndexDocument) -> None:
    """Property beside the golden test above: the old version's rows, pages and
    diagnostics included, are found unchanged in the new one, apart from the two edited
    rows (both versions read by the pipeline, so this only says that the edits did not
    disturb anything else)."""
    edited = {
        ("Technologies", "CTOC/COP/WG.4/2013/5"),
        ("Considérations linguistiques", "CTOC/COP/WG.4/2018/3"),
    }
    for before in old.themes:
        after = theme(new, before.name)
        kept = [e for e in before.entries if (before.name, e.report) not in edited]
        assert [
            e
            for e in after.entries
            if e.report != NEW_REPORT and (after.name, e.report) not in edited
        ] == kept
        assert after.pages == before.pages


def test_section_ix_is_inferred_not_known(new: IndexDocument) -> None:
    """The consistency audit learns where the new report is reprinted from the rows."""
    mapping = infer_mapping(new)
    assert mapping[NEW_REPORT] == ("IX", 4)
    assert mapping["CTOC/COP/WG.4/2018/3"] == ("VIII", 6)


def test_no_diagnostic_the_original_does_not_have(old: IndexDocument, new: IndexDocument) -> None:
    """Only the URI coverage summary may differ (it counts rows); a diagnostic naming the
    new report, section IX or the new theme would mean a rule assumes the old edition.
    (A property: both sides are the pipeline's; the old findings themselves are checked
    by hand in test_validate.py.)"""

    def located(document: IndexDocument) -> set[tuple[str, str | None, str | None, str | None]]:
        return {
            (d.code, d.theme, d.report, d.text)
            for d in document.diagnostics
            if d.code != "uri-record-coverage"
        }

    assert located(new) == located(old)


def test_exported_files_name_only_the_new_version(new: IndexDocument) -> None:
    files = index_to_files(new, infer_mapping(new))
    for name, data in files.items():
        for old_value in ("CTOC/COP/WG.4/2019/4", "CTOC/COP/WG.4/2019/5", "V.19-07098", "huit"):
            assert old_value.encode() not in data, (name, old_value)
    assert b"CTOC/COP/WG.4/2020/4" in files["index.json"]


# Literals that would tie the code to the 2019 French edition: its symbols, job number,
# reference document, "huit" (eight meetings), its page count as a number next to "/".
EDITION_MARKERS = ("WG.4/20", "V.19-", "07098", "huit", "/13", "CTOC")


def _code_strings(path: Path) -> list[tuple[int, str]]:
    """String literals of a module that are not docstrings (docstrings and comments may
    quote the edition as an example; code may not)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_no_code_literal_names_this_edition() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text!r}"
        for path in sorted((ROOT / "pipeline").rglob("*.py"))
        for line, text in _code_strings(path)
        if any(marker in text for marker in EDITION_MARKERS)
    ]
    assert found == []


def test_next_version_as_a_pdf_extracts_the_same(tmp_path: Path) -> None:
    """The re-issue typeset as a PDF, in a layout unlike the shared one, gives the
    expected next version: no version is known to the PDF path."""
    from pipeline.languages import get_language
    from tests.pdf_factory import Layout, build_pdf

    expected = expected_next_version()
    table = TableData(
        NEW_SYMBOL,
        NEW_TITLE,
        NEW_JOB_NUMBER,
        NEW_REFERENCE_DOCUMENT,
        tuple((name, tuple(row[:3] for row in rows)) for name, rows in expected),
    )
    path = tmp_path / "next.pdf"
    layout = Layout(paper="Letter", font="sans", size=9.5, widths=(0.25, 0.27, 0.2, 0.28))
    path.write_bytes(build_pdf(table, layout, get_language("fr")))
    pdf = run(path).index
    assert (pdf.symbol, pdf.title, pdf.job_number, pdf.reference_document) == (
        NEW_SYMBOL,
        NEW_TITLE,
        NEW_JOB_NUMBER,
        NEW_REFERENCE_DOCUMENT,
    )
    assert golden.read_document(pdf) == expected

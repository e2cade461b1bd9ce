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
from pipeline.normalize.render import show_reference
from pipeline.validation import infer_mapping
from tests.paths import ROOT

NEW_THEME = "Criminalité en ligne et traite facilitée par Internet"
NEW_REPORT = "CTOC/COP/WG.4/2019/6"


def theme(document: IndexDocument, name: str) -> Theme:
    return next(t for t in document.themes if t.name == name)


def items(entry: Entry) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Expanded lists, compactly: paragraphs as "5a" / "9", references as printed."""
    return (
        tuple(f"{p.number}{p.letter or ''}" for p in entry.paragraphs),
        tuple(show_reference(r) for r in entry.references),
    )


def test_metadata_comes_from_the_new_furniture_and_header(new: IndexDocument) -> None:
    assert new.symbol == "CTOC/COP/WG.4/2020/4"
    assert new.title == (
        "Recommandations adoptées par le Groupe de travail sur la traite des personnes "
        "au cours de ses neuf premières réunions, par thème"
    )
    assert new.job_number == "V.20-01234"
    assert new.reference_document == "CTOC/COP/WG.4/2020/5"
    assert new.source.pages == 15
    assert new.language == "fr"


def test_theme_list_has_the_new_theme_in_its_alphabetical_place(
    old: IndexDocument, new: IndexDocument
) -> None:
    names = [t.name for t in new.themes]
    assert len(names) == 79
    assert names[7:10] == ["Corruption", NEW_THEME, "Enfants"]
    old_names = [t.name for t in old.themes]
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


def test_every_other_row_is_untouched(old: IndexDocument, new: IndexDocument) -> None:
    """Nothing else moved: each old theme's rows (pages and diagnostics included) are
    found unchanged in the new version, apart from the two edited rows."""
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
    new report, section IX or the new theme would mean a rule assumes the old edition."""

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


def test_next_version_as_a_pdf_extracts_the_same(new: IndexDocument, tmp_path: Path) -> None:
    """The re-issue typeset as a PDF, in a layout unlike the shared one, gives the same
    themes, rows and metadata as its text dump: no version is known to the PDF path."""
    from pipeline.languages import get_language
    from tests.pdf_factory import Layout, TableData, build_pdf

    assert new.symbol
    assert new.title
    assert new.job_number
    assert new.reference_document
    table = TableData(
        new.symbol,
        new.title,
        new.job_number,
        new.reference_document,
        tuple(
            (t.name, tuple((e.report, e.paragraphs_text, e.references_text) for e in t.entries))
            for t in new.themes
        ),
    )
    path = tmp_path / "next.pdf"
    layout = Layout(paper="Letter", font="sans", size=9.5, widths=(0.25, 0.27, 0.2, 0.28))
    path.write_bytes(build_pdf(table, layout, get_language("fr")))
    pdf = run(path).index
    assert (pdf.symbol, pdf.title, pdf.job_number, pdf.reference_document) == (
        new.symbol,
        new.title,
        new.job_number,
        new.reference_document,
    )
    assert [
        (
            t.name,
            [
                (e.report, e.paragraphs_text, e.references_text, e.paragraphs, e.references)
                for e in t.entries
            ],
        )
        for t in pdf.themes
    ] == [
        (
            t.name,
            [
                (e.report, e.paragraphs_text, e.references_text, e.paragraphs, e.references)
                for e in t.entries
            ],
        )
        for t in new.themes
    ]

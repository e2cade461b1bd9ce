"""validate: every diagnostic code with positive and negative examples, the mapping, the
pairing, the terminal report, and the whole French document against a table of findings
checked by hand against the text dump (line numbers cited)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import pytest
from rich.console import Console

from pipeline.api import Run, run
from pipeline.cli.render import exit_code, render_report
from pipeline.export.tables import pair
from pipeline.languages import known_languages
from pipeline.models import (
    Diagnostic,
    DocumentMeta,
    IndexDocument,
    Paragraph,
    RawEntry,
    RawTable,
    RawTheme,
    Reference,
    Severity,
    SourceInfo,
)
from pipeline.normalize import raw_table_to_index
from pipeline.validation import infer_mapping, validate_index
from pipeline.validation.collation import KeyFunction

A = "CTOC/COP/WG.4/2009/2"  # section I, paragraph p is I.(p - 1)
B = "CTOC/COP/WG.4/2010/6"  # section II, paragraph p is II.(p - 7)

Row = tuple[str, str, str] | tuple[str, str, str, str | None]

# Rows that agree with A -> (I, 1) and B -> (II, 7): the clean background every test adds
# its one irregular row to, so that the mapping is inferred by a clear majority.
CLEAN: list[tuple[str, list[Row]]] = [
    ("Agences", [(A, "4, 18 a), 20 a) et 22", "I.3, I.17.a, I.19.a et I.21"), (B, "44", "II.37")]),
    ("Corruption", [(A, "6", "I.5"), (B, "14, 16 à 18 et 46", "II.7, II.9 à 11 et II.39")]),
    ("Enfants", [(A, "13 f)", "I.12.f"), (B, "10, 11 et 63", "II.3, II.4 et II.56")]),
]


def build(
    themes: Sequence[tuple[str, Sequence[Row]]],
    kind: Literal["pdf", "text"] = "text",
    uris: Sequence[str] | None = None,
) -> IndexDocument:
    """Normalize hand-written rows (theme, [(report, paragraphs, references[, link])])
    and validate them, as `run` does after reassembly."""
    raw = RawTable(
        source=SourceInfo(name="t", sha256="0" * 64, kind=kind, pages=1),
        meta=DocumentMeta(
            symbol="X/1", language="fr", title=None, job_number=None, reference_document=None
        ),
        themes=tuple(
            RawTheme(
                name=name,
                pages=(1,),
                entries=tuple(
                    RawEntry(
                        report=row[0],
                        paragraphs_text=row[1],
                        references_text=row[2],
                        pages=(1,),
                        link=row[3] if len(row) == 4 else None,
                    )
                    for row in rows
                ),
            )
            for name, rows in themes
        ),
    )
    return validate_index(raw_table_to_index(raw), uris)


def with_clean(*extra: tuple[str, Sequence[Row]]) -> IndexDocument:
    """The clean rows plus `extra` themes, kept in alphabetical order by name."""
    return build(sorted([*CLEAN, *extra], key=lambda theme: theme[0]))


def found(document: IndexDocument, code: str) -> list[Diagnostic]:
    return [d for d in document.diagnostics if d.code == code]


# --- mapping ---------------------------------------------------------------------------


def test_mapping_is_inferred_by_majority() -> None:
    slip = ("Zèbres", [(A, "7", "I.9")])  # one row disagrees; the majority decides
    assert infer_mapping(with_clean(slip)) == {A: ("I", 1), B: ("II", 7)}


def test_a_tie_gives_no_mapping_and_says_so() -> None:
    document = build([("Agences", [(A, "5", "I.4")]), ("Corruption", [(A, "5", "I.2")])])
    assert infer_mapping(document) == {}
    (diagnostic,) = found(document, "mapping-unknown")
    assert diagnostic.report == A
    assert diagnostic.severity is Severity.INFO
    assert not found(with_clean(), "mapping-unknown")


def test_mapping_of_the_french_document_matches_the_hand_table(text_run: Run) -> None:
    # Checked by hand in the dump: 2009/2 "2, 20 a), 21" -> "I.1, I.19.a, I.20" (line 196);
    # 2010/6 "44" -> "II.37" (line 108); 2011/8 "8, 12, 13" -> "IV.3, IV.7, IV.8" (206);
    # 2013/5 "22" -> "V.18" (110); 2015/6 "5 à 14" -> "VI.1-10" (112); 2017/4 "7 a) à j)" ->
    # "VII.1.a à j" (143); 2018/3 "8 g)" -> "VIII.2.g" (158). There is no section III.
    assert infer_mapping(text_run.index) == {
        "CTOC/COP/WG.4/2009/2": ("I", 1),
        "CTOC/COP/WG.4/2010/6": ("II", 7),
        "CTOC/COP/WG.4/2011/8": ("IV", 5),
        "CTOC/COP/WG.4/2013/5": ("V", 4),
        "CTOC/COP/WG.4/2015/6": ("VI", 4),
        "CTOC/COP/WG.4/2017/4": ("VII", 6),
        "CTOC/COP/WG.4/2018/3": ("VIII", 6),
    }


# --- paragraph <-> reference consistency -------------------------------------------------

CONSISTENCY = [
    # (code, paragraphs, references, suggestion)
    ("reference-mismatch", "46, 47, 49 et 50", "II.39, II.40, II.43 et II.43", None),
    ("reference-missing", "13 et 16", "II.6", "II.6 et II.9"),
    ("reference-extra", "13", "II.6 et II.9", "II.6"),
    ("reference-letter-missing", "51 e)", "II.44", "II.44.e"),
    ("full-range-for-list", "15 et 22", "II.8 à II.15", "II.8 et II.15"),
    ("reference-order", "15 et 22", "II.15 et II.8", "II.8 et II.15"),
    ("paragraph-before-section", "3", "II.1", None),
]


@pytest.mark.parametrize(("code", "paragraphs", "references", "suggestion"), CONSISTENCY)
def test_consistency_codes(code: str, paragraphs: str, references: str, suggestion: str) -> None:
    document = with_clean(("Zèbres", [(B, paragraphs, references)]))
    codes = {d.code for d in document.diagnostics} & {c for c, *_ in CONSISTENCY}
    assert codes == {code}
    (diagnostic,) = found(document, code)
    cell = paragraphs if code == "paragraph-before-section" else references
    assert (diagnostic.theme, diagnostic.report, diagnostic.text) == ("Zèbres", B, cell)
    expected = Severity.INFO if code == "reference-order" else Severity.WARNING
    assert diagnostic.severity is expected
    if suggestion is not None:
        assert diagnostic.suggestion == suggestion


def test_mismatch_names_the_paragraph_and_the_expected_reference() -> None:
    document = with_clean(("Zèbres", [(B, "46, 47, 49 et 50", "II.39, II.40, II.43 et II.43")]))
    (diagnostic,) = found(document, "reference-mismatch")
    assert "49 → II.42 expected, II.43 printed" in diagnostic.message
    assert diagnostic.suggestion == "II.39, II.40, II.42 et II.43"


@pytest.mark.parametrize(
    ("paragraphs", "references"),
    [("15 à 22", "II.8 à 15"), ("15 et 22", "II.8 et II.15"), ("51 e)", "II.44.e")],
)
def test_consistent_rows_are_not_flagged(paragraphs: str, references: str) -> None:
    document = with_clean(("Zèbres", [(B, paragraphs, references)]))
    assert document.diagnostics == ()


def test_row_diagnostics_are_attached_to_their_row() -> None:
    document = with_clean(("Zèbres", [(B, "13 et 16", "II.6")]))
    entry = document.themes[-1].entries[0]
    assert [d.code for d in entry.diagnostics] == ["reference-missing"]
    assert all(not e.diagnostics for t in document.themes[:-1] for e in t.entries)


# --- notation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraphs", "references", "flagged"),
    [
        ("8, 14 et 16", "II.1, II.7, II.9", "II.1, II.7, II.9"),
        ("8, 14, 16", "II.1, II.7 et II.9", "8, 14, 16"),
        ("8, 14 et 16", "II.1, II.7 et II.9", None),
        ("8 et 14", "II.1 et II.7", None),
        ("9 à 11", "II.2 à 4", None),
    ],
)
def test_comma_for_list_word(paragraphs: str, references: str, flagged: str | None) -> None:
    document = with_clean(("Zèbres", [(B, paragraphs, references)]))
    hits = found(document, "comma-for-list-word")
    assert [d.text for d in hits] == ([flagged] if flagged else [])
    assert all(d.severity is Severity.INFO for d in hits)


def test_comma_for_dot_is_not_a_separator() -> None:
    document = with_clean(("Zèbres", [(B, "14", "II, 7")]))
    assert not found(document, "comma-for-list-word")
    assert [d.code for d in document.diagnostics] == ["comma-for-dot"]


def test_grammar_notes_are_not_duplicated() -> None:
    document = with_clean(("Zèbres", [(B, "8 et 10", "II.1, et II.3")]))
    assert [d.code for d in document.diagnostics] == ["serial-comma"]


# --- structure --------------------------------------------------------------------------


def test_themes_in_collation_order_ignore_case_and_accents() -> None:
    # Code-point order would put "Zèbres" and "éducation" after "Zut"; a reader does not.
    document = build(
        [("Agences", [(A, "6", "I.5")]), ("éducation", [(A, "6", "I.5")]), ("Zèbres", [])]
    )
    assert not found(document, "theme-order")
    document = build(
        [("Formes d’exploitation", [(A, "6", "I.5")]), ("Formes de prélèvement", [(A, "6", "I.5")])]
    )
    assert not found(document, "theme-order")


def test_the_one_misplaced_theme_is_flagged() -> None:
    names = ["Agences", "Victimes", "Corruption", "Enfants", "Législation"]
    document = build([(name, [(A, "6", "I.5")]) for name in names])
    (diagnostic,) = found(document, "theme-order")
    assert diagnostic.theme == "Victimes"
    assert diagnostic.suggestion == "after «Législation»"


def test_duplicate_and_empty_themes() -> None:
    document = build([("Enfants", [(A, "6", "I.5")]), ("enfants", []), ("Zèbres", [])])
    assert [d.theme for d in found(document, "duplicate-theme")] == ["enfants"]
    assert [d.theme for d in found(document, "theme-without-entries")] == ["enfants", "Zèbres"]
    clean = with_clean()
    assert not found(clean, "duplicate-theme")
    assert not found(clean, "theme-without-entries")


def test_report_symbols() -> None:
    document = with_clean(
        ("Zèbres", [(B, "44", "II.37"), (B, "45", "II.38"), ("A/RES/70/1", "4", "I.1")]),
        ("Zones", [("CTOC/COP/wg4", "6", "I.5")]),
    )
    assert [(d.theme, d.report) for d in found(document, "duplicate-report")] == [("Zèbres", B)]
    assert [d.report for d in found(document, "report-series")] == ["A/RES/70/1"]
    (malformed,) = found(document, "malformed-report")
    assert (malformed.report, malformed.severity) == ("CTOC/COP/wg4", Severity.ERROR)
    clean = with_clean()
    assert not {d.code for d in clean.diagnostics} & {
        "duplicate-report",
        "report-series",
        "malformed-report",
        "report-order",
    }


def test_rows_back_in_report_order() -> None:
    # A theme lists 2010/6 then 2009/2: back in report order (a boundary misread, or the
    # source out of order). The same report twice is a duplicate, not a step back, and a
    # symbol of another series says nothing about the order.
    document = with_clean(
        ("Zèbres", [(B, "44", "II.37"), (A, "6", "I.5"), (A, "7", "I.6")]),
        ("Zones", [(A, "6", "I.5"), ("A/RES/70/1", "4", "I.1"), (B, "44", "II.37")]),
    )
    (back,) = found(document, "report-order")
    assert (back.theme, back.report, back.severity) == ("Zèbres", A, Severity.WARNING)
    assert back.message.startswith(f"this theme lists {A} after {B}")


# --- links ------------------------------------------------------------------------------

UNDOCS = "http://undocs.org/fr/"


def test_pdf_links() -> None:
    rows: list[Row] = [
        (A, "6", "I.5", UNDOCS + A),
        (B, "44", "II.37", UNDOCS + A),  # links to the wrong report
        (A, "13 f)", "I.12.f", None),
        (B, "45", "II.38", None),
    ]
    document = build([("Agences", rows)], kind="pdf")
    (mismatch,) = found(document, "link-mismatch")
    assert (mismatch.report, mismatch.severity) == (B, Severity.ERROR)
    (missing,) = found(document, "link-missing")  # one summary, not one per row
    assert missing.severity is Severity.INFO
    assert missing.message.startswith("2 of 4 rows")
    linked = build([("Agences", [(A, "6", "I.5", UNDOCS + A + "/")])], kind="pdf")
    assert not found(linked, "link-mismatch")
    assert not found(linked, "link-missing")
    assert not found(with_clean(), "link-missing")  # a text source has no links


def test_uri_record_coverage_and_order() -> None:
    themes = [
        ("Agences", [(A, "6", "I.5"), (B, "44", "II.37")]),
        ("Corruption", [(A, "13 f)", "I.12.f"), (B, "45", "II.38")]),
        ("Enfants", [(A, "7", "I.6")]),
    ]
    # Links in the text before the table, to documents no row cites.
    preamble = ["CTOC/COP/WG.4/2013/5", "CTOC/COP/WG.4/2019/5"]
    record = [*preamble, A, A, B, B, B, A, A]  # rows 1, 2, then 3 and 4 lost, row 5
    document = build(themes, uris=record)
    (coverage,) = found(document, "uri-record-coverage")
    assert coverage.severity is Severity.INFO
    assert coverage.message == "URI record covers 3 of 5 rows; 2 link(s) point outside the table"
    assert not found(document, "uri-record-order")
    c = "CTOC/COP/WG.4/2011/8"
    themes[-1] = ("Enfants", [(c, "6", "IV.1")])
    # A link to the last row's report between the first two rows' links fits nowhere.
    wrong = build(themes, uris=[A, A, c, c, B, B, c, c])
    (order,) = found(wrong, "uri-record-order")
    # Located after the row the link before it matched (either A row: equally good).
    assert (order.severity, order.text, order.report) == (Severity.ERROR, c, A)
    assert found(wrong, "uri-record-coverage")[0].message == "URI record covers 3 of 5 rows"
    assert not found(build(themes, uris=None), "uri-record-coverage")


def test_uri_record_through_a_text_dump(tmp_path: Path) -> None:
    dump = tmp_path / "mini.txt"
    dump.write_text(
        "\n".join(
            [
                "CTOC/COP/WG.4/2019/4",
                "V.19-07098 2/13",
                "Thème",
                "Rapport de réunion Référence dans le document",
                "CTOC/COP/WG.4/2019/5",
                "(par section/paragraphe/alinéa) Document  Paragraphes",
                "Agences de recrutement",
                f"{B} 44 II.37",
                f"{A} 6 I.5",
                f"Corruption {B} 45 II.38",
                f"{A} 7 et 8 I.6, I.7",
                f"http://undocs.org/{B}",
                f"http://undocs.org/{B}",
                f"http://undocs.org/{A}",
                f"http://undocs.org/{A}",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    result = run(dump)
    (coverage,) = found(result.index, "uri-record-coverage")
    assert coverage.message.startswith("URI record covers 2 of 4 rows")
    (comma,) = found(result.index, "comma-for-list-word")
    assert (comma.theme, comma.text) == ("Corruption", "I.6, I.7")


# --- validation as a stage ---------------------------------------------------------------


def test_validation_changes_no_text_or_list_and_is_idempotent(text_run: Run) -> None:
    before, after = text_run.normalized, text_run.index
    for old, new in zip(before.themes, after.themes, strict=True):
        assert old.name == new.name
        for e_old, e_new in zip(old.entries, new.entries, strict=True):
            assert e_old.model_dump(exclude={"diagnostics"}) == e_new.model_dump(
                exclude={"diagnostics"}
            )
            assert e_new.diagnostics[: len(e_old.diagnostics)] == e_old.diagnostics
    assert validate_index(after) is after
    reread = IndexDocument.model_validate_json(after.model_dump_json())
    assert validate_index(reread) == reread


# --- pairing (references.csv) -----------------------------------------------------------


def test_pairing() -> None:
    document = with_clean(
        ("Zèbres", [(B, "15 et 22", "II.8 à II.10"), (B, "44", "II.37"), (A, "8", "I.7 et I.8")])
    )
    mapping = infer_mapping(document)
    ranged, single, extra = document.themes[-1].entries
    assert pair(single, mapping) == [
        (Paragraph(number=44), Reference(section="II", paragraph=37), "position")
    ]
    assert [(p, r, how) for p, r, how in pair(ranged, mapping)] == [
        (Paragraph(number=15), Reference(section="II", paragraph=8), "offset"),
        (Paragraph(number=22), None, "unpaired"),
        (None, Reference(section="II", paragraph=9), "unpaired"),
        (None, Reference(section="II", paragraph=10), "unpaired"),
    ]
    assert [how for *_, how in pair(extra, mapping)] == ["offset", "unpaired"]
    assert [how for *_, how in pair(ranged, {})] == ["unpaired"] * 5


# --- terminal report --------------------------------------------------------------------


def test_report_renders_within_100_columns(text_run: Run) -> None:
    buffer = io.StringIO()
    render_report(text_run.index, Console(file=buffer, width=100, color_system=None))
    output = buffer.getvalue()
    assert max(len(line.rstrip()) for line in output.splitlines()) <= 100
    assert "reference-mismatch" in output
    assert "IV.41, IV.42, IV.44 et IV.45" in output  # a suggestion is shown
    assert "Intervenants (services sociaux)" in output


def test_report_shows_markup_like_text_verbatim() -> None:
    document = build([("Agences [bold]x[/bold]", [("bad[/]", "6", "I.5")])])
    buffer = io.StringIO()
    render_report(document, Console(file=buffer, width=100, color_system=None))
    assert "Agences [bold]x[/bold]" in buffer.getvalue()


def test_exit_code_thresholds() -> None:
    info_only = with_clean(("Zèbres", [(B, "14", "II, 7")]))
    warning = with_clean(("Zèbres", [(B, "13 et 16", "II.6")]))
    error = build([("Agences", [(A, "6", "I.5", UNDOCS + B)])], kind="pdf")
    assert [exit_code(info_only, f) for f in ("error", "warning", None)] == [0, 0, 0]
    assert [exit_code(warning, f) for f in ("error", "warning", None)] == [0, 1, 0]
    assert [exit_code(error, f) for f in ("error", "warning", None)] == [1, 1, 0]


# --- the French document, checked by hand ------------------------------------------------

CONFERENCE = (
    "Conférence des Parties à la Convention des Nations Unies contre la criminalité "
    "transnationale organisée et Groupe de travail sur la traite des personnes "
    "(rôle et activités)"
)
R = "CTOC/COP/WG.4/"

# (theme, report, code, printed references, suggestion). Each row was read in
# sources/CTOC_COP_WG.4_2019_4_fr.txt (line of the row given) and compared with the
# mapping above; every other row of the document agrees with its paragraphs.
EXPECTED_FRENCH = {
    # 129: "4, 18 a), 20 a) et 21" — 21 is I.20 (cf. "21" -> "I.20", line 196)
    (CONFERENCE, R + "2009/2", "reference-mismatch", "I.3, I.17.a, I.19.a et I.21",
     "I.3, I.17.a, I.19.a et I.20"),
    # 135-137: "46, 47, 49 et 50" — IV.45 printed twice, 49 is IV.44
    (CONFERENCE, R + "2011/8", "reference-mismatch", "IV.41, IV.42, IV.45 et IV.45",
     "IV.41, IV.42, IV.44 et IV.45"),
    # 341: "13 h)" — 13 is I.12 (cf. "13 f)" -> "I.12.f")
    ("Enfants", R + "2009/2", "reference-mismatch", "I.11.h", "I.12.h"),
    # 623: "6" — 6 is I.5 (cf. Corruption "6" -> "I.5", line 334)
    ("Groupes criminels organisés", R + "2009/2", "reference-mismatch", "I.6", "I.5"),
    # 712: no "et" before the last reference
    ("Intervenants (agents consulaires et diplomatiques)", R + "2015/6", "comma-for-list-word",
     "VI.4, VI.10, VI.12", "VI.4, VI.10 et VI.12"),
    # 988: "51 e)" -> "IV.46", letter missing
    ("Intervenants (services juridiques)", R + "2011/8", "reference-letter-missing", "IV.46",
     "IV.46.e"),
    # 1024: "13 et 16" -> "VI.9", VI.12 missing
    ("Intervenants (services sociaux)", R + "2015/6", "reference-missing", "VI.9",
     "VI.9 et VI.12"),
    # 1538: "15 et 22" -> "VI.11 à VI.18", a range for a list of two
    ("Recherche et collecte et analyse de données", R + "2015/6", "full-range-for-list",
     "VI.11 à VI.18", "VI.11 et VI.18"),
    # 1645: "8 a) et 11 b)" — 11 is I.10 (cf. Offre et demande "11 b)" -> "I.10.b")
    ("Sensibilisation", R + "2009/2", "reference-mismatch", "I.7.a et I.11.b",
     "I.7.a et I.10.b"),
    # 1903-1906: "13 a) à c)" printed "I.12.a, I.12.c": I.12.b missing
    ("Victimes (protection et assistance)", R + "2009/2", "reference-missing",
     "I.11.b, I.12.a, I.12.c, I.12.g et I.14.a", "I.11.b, I.12.a à c, I.12.g et I.14.a"),
    # 1919-1924: "51 j)" -> "IV.46", letter missing
    ("Victimes (protection et assistance)", R + "2011/8", "reference-letter-missing",
     "IV.13, IV.14, IV.19, IV.23, IV.24, IV.37 et IV.46",
     "IV.13, IV.14, IV.19, IV.23, IV.24, IV.37 et IV.46.j"),
    # 1968-1971: "51 b) à e), g), h) et j)" — IV.46.g missing
    ("Victimes (réparation)", R + "2011/8", "reference-missing",
     "IV.46.b à e, IV.46.h et IV.46.j", "IV.46.b à e, IV.46.g, IV.46.h et IV.46.j"),
}  # fmt: skip

VALIDATE_ROW_CODES = {
    "reference-mismatch",
    "reference-missing",
    "reference-extra",
    "reference-letter-missing",
    "reference-order",
    "full-range-for-list",
    "paragraph-before-section",
    "comma-for-list-word",
    "duplicate-report",
    "malformed-report",
    "report-series",
    "report-order",
    "link-mismatch",
}


def test_french_document_findings(text_run: Run) -> None:
    flagged = {
        (d.theme, d.report, d.code, d.text, d.suggestion)
        for d in text_run.index.diagnostics
        if d.code in VALIDATE_ROW_CODES
    }
    assert flagged == EXPECTED_FRENCH
    severities = {
        d.code: d.severity for d in text_run.index.diagnostics if d.code in VALIDATE_ROW_CODES
    }
    assert severities["comma-for-list-word"] is Severity.INFO
    assert {s for c, s in severities.items() if c != "comma-for-list-word"} == {Severity.WARNING}


def test_french_document_structure_and_links(text_run: Run) -> None:
    codes = {d.code for d in text_run.index.diagnostics}
    assert not codes & {
        "theme-order",
        "duplicate-theme",
        "theme-without-entries",
        "mapping-unknown",
        "uri-record-order",
    }
    # URI blocks by hand (lines): page 2 all 27 rows (239-292), page 3 all 25 (425-473),
    # page 4 all 25 (630-679), page 5 none, page 6 one lone link (946, the 2017/4 row of
    # "Intervenants (procureurs)"), page 7 all but its first row (1055-1112: 29), page 8
    # its last 13 rows from "Liens avec…" 2013/5 (1242-1267), pages 9-11 all (28, 23, 29),
    # pages 12-13 none: 200 rows. The 12 URI lines of page 1 (58-69, five documents) cite
    # the preamble's documents.
    (coverage,) = found(text_run.index, "uri-record-coverage")
    assert coverage.message == (
        "URI record covers 200 of 311 rows; no link recorded for any row on page(s) 5, 12, "
        "13; 5 link(s) point outside the table"
    )


# First-level collation: case and accents do not count; ligatures expand; spaces and
# punctuation sort before digits, digits before letters (pairs checked against the
# Unicode Collation Algorithm's default table). Each pair is written in its order.
COLLATION_PAIRS = [
    ("fr", "Éducation", "Enfants"),
    ("fr", "Œuvre", "Offre"),
    ("fr", "Été", "Examen"),
    ("fr", "le chat", "lechat"),
    ("fr", "Victimes (délai de réflexion)", "Victimes (en tant que témoins)"),
    ("ru", "Елка", "Жук"),
    ("fr", "10e", "Année"),
    # Chinese by Hanyu Pinyin: syllable first, then tone, character by character
    # (readings checked in a dictionary by hand).
    ("zh", "被害人（保护和援助）", "被害人（保密和隐私）"),  # bao3 hu4 < bao3 mi4
    ("zh", "被害人（返回和重返社会）", "被害人（反思期）"),  # fan3 hui2 < fan3 si1
    ("zh", "以劳动剥削为目的", "议定书"),  # yi3 < yi4
    ("zh", "国际合作", "国家一级的协调与合作"),  # ji4 < jia1: "ji" before "jia"
    ("zh", "立法", "利益攸关方（执法）"),  # li4 fa3 < li4 yi4
    ("zh", "研究", "以性剥削"),  # yan2 < yi3
    # Arabic: hamza seats as their letter, the article not counted (the UN's Arabic
    # list of Member States: "بالاو" before "البحرين", "الأردن" before "أرمينيا").
    ("ar", "بالاو", "البحرين"),
    ("ar", "الأرجنتين", "الأردن"),
    ("ar", "الأردن", "أرمينيا"),
    ("ar", "أرمينيا", "إريتريا"),
    ("ar", "التعاون الدولي", "التكنولوجيا"),
    ("ar", "الجهات المعنية (موظفو الجهاز القضائي)", "الجهات المعنية (الموظفون القنصليون)"),
]

# Pairs equal at the first level: a stable sort keeps them in either order.
EQUAL_PAIRS = [
    ("fr", "education", "Éducation"),
    ("ru", "Ёлка", "елка"),
    ("fr", "Offre", "offre"),
    ("ar", "الإرهاب", "إرهاب"),  # the article is not counted
    ("ar", "مكتبة", "مكتبه"),  # tāʾ marbūṭa as hāʾ
]


def _key(code: str) -> KeyFunction:
    from pipeline.validation.collation import key_for

    key = key_for(known_languages()[code])
    assert key is not None
    return key


@pytest.mark.parametrize(("code", "first", "second"), COLLATION_PAIRS)
def test_primary_collation_order(code: str, first: str, second: str) -> None:
    assert sorted([second, first], key=_key(code)) == [first, second]
    assert sorted([first, second], key=_key(code)) == [first, second]


@pytest.mark.parametrize(("code", "first", "second"), EQUAL_PAIRS)
def test_case_and_accents_are_equal_at_the_first_level(code: str, first: str, second: str) -> None:
    assert sorted([first, second], key=_key(code)) == [first, second]
    assert sorted([second, first], key=_key(code)) == [second, first]


def _edition_names(code: str) -> list[str]:
    from tests.editions import NAMES
    from tests.golden import expected_themes

    if code == "fr":
        return [name for name, _ in expected_themes()]
    return [name for name, _ in NAMES[code]]


@pytest.mark.parametrize("code", ["fr", "en", "es", "ru", "zh", "ar"])
def test_collation_gives_each_editions_theme_order(code: str) -> None:
    """The French order is the UN editors' (the golden table); the others were sorted by
    hand in tests/editions.py. The key must put every list back in that order."""
    names = _edition_names(code)
    backwards = names[::-1]
    assert sorted(backwards, key=_key(code)) == names


def test_a_language_without_collation_gets_an_info_finding(
    text_run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never a guess: a language file naming no collation leaves the order unchecked,
    and says so."""
    from pipeline.languages import Collation, get_language
    from pipeline.validation import structure

    french = get_language("fr")
    unsorted = french.model_copy(update={"collation": Collation(method="none")})
    monkeypatch.setattr(structure, "get_language", lambda code: unsorted)
    themes = text_run.index.themes
    shuffled = text_run.index.model_copy(update={"themes": (themes[1], themes[0], *themes[2:])})
    found = structure.check_theme_order(shuffled)
    assert [(d.code, d.severity.value) for d in found] == [("theme-order-unchecked", "info")]
    assert found[0].message == "theme order not checked: the fr language file names no collation"

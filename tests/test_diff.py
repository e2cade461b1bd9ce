"""Diffing two versions of an index: what a reader of a re-issue needs to be told.

The main case compares the real dump with the synthetic next version of
tests/next_version.py and expects exactly the edits made there, written out by hand.
Smaller cases edit the real dump's text (a rename, a corrected notation) or the parsed
document (themes moved and renamed at once) to pin down each matching rule.
"""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console

from pipeline.api import run
from pipeline.cli.render import render_diff
from pipeline.comparison.versions import (
    JSON_KEYS,
    DocumentDiff,
    ThemeRename,
    diff_documents,
    to_json,
)
from pipeline.models import IndexDocument, Theme
from tests.next_version import replace_exactly
from tests.paths import TEXT_DUMP

TITLE = "Recommandations adoptées par le Groupe de travail sur la traite des personnes au cours de ses {} premières réunions, par thème"
NEW_THEME = "Criminalité en ligne et traite facilitée par Internet"


def edited_dump(tmp_path: Path, *edits: tuple[str, str]) -> IndexDocument:
    """The real dump with exact text replacements, run through the pipeline."""
    text = TEXT_DUMP.read_text(encoding="utf-8")
    for before, after in edits:
        text = replace_exactly(text, before, after)
    path = tmp_path / TEXT_DUMP.name
    path.write_text(text, encoding="utf-8")
    return run(path).index


def renamed(document: IndexDocument, names: dict[str, str]) -> IndexDocument:
    """The document with some themes renamed and the table re-sorted, as an editor would
    print it (renamed themes move to their new alphabetical place)."""
    themes = sorted(
        (t.model_copy(update={"name": names.get(t.name, t.name)}) for t in document.themes),
        key=lambda t: t.name.casefold(),
    )
    return document.model_copy(
        update={
            "themes": tuple(
                t.model_copy(update={"position": i}) for i, t in enumerate(themes, start=1)
            )
        }
    )


def listed(data: dict[str, object], key: str) -> list[dict[str, object]]:
    """One list of `to_json`'s object, typed for the assertions."""
    value = data[key]
    assert isinstance(value, list)
    return value


def printed(diff: DocumentDiff) -> str:
    console = Console(record=True, width=200, color_system=None)
    render_diff(diff, console)
    return console.export_text()


def test_a_document_against_itself_is_identical(old: IndexDocument) -> None:
    diff = diff_documents(old, old)
    assert diff.identical
    assert to_json(diff) == {key: [] for key in JSON_KEYS}
    assert "no differences" in printed(diff)


def test_same_data_from_another_file_is_identical(old: IndexDocument) -> None:
    """Source name and hash are not data: a copy of the dump under another name, or the
    published index.json read back, diffs as identical."""
    copy = old.model_copy(update={"source": old.source.model_copy(update={"name": "x.txt"})})
    assert diff_documents(old, copy).identical
    read_back = IndexDocument.model_validate_json(old.model_dump_json())
    assert diff_documents(old, read_back).identical


def test_next_version_lists_exactly_the_edits(old: IndexDocument, new: IndexDocument) -> None:
    diff = diff_documents(old, new)
    assert not diff.identical
    assert to_json(diff) == {
        "themes_added": [{"theme": NEW_THEME}],
        "themes_removed": [],
        "themes_renamed": [],
        "entries_added": [
            {
                "theme": "Agences de recrutement et frais de recrutement",
                "report": "CTOC/COP/WG.4/2019/6",
                "paragraphs_text": "5 a) à c) et 9",
                "references_text": "IX.1.a à c et IX.5",
            },
            {
                "theme": "Coopération internationale",
                "report": "CTOC/COP/WG.4/2019/6",
                "paragraphs_text": "5 d), 7 et 8 a) à c)",
                "references_text": "IX.1.d, IX.3 et IX.4.a à c",
            },
            {
                "theme": NEW_THEME,
                "report": "CTOC/COP/WG.4/2018/3",
                "paragraphs_text": "7 i)",
                "references_text": "VIII.1.i",
            },
            {
                "theme": NEW_THEME,
                "report": "CTOC/COP/WG.4/2019/6",
                "paragraphs_text": "10 et 11",
                "references_text": "IX.6 et IX.7",
            },
            {
                "theme": "Victimes (revictimisation)",
                "report": "CTOC/COP/WG.4/2019/6",
                "paragraphs_text": "6 et 10",
                "references_text": "IX.2 et IX.6",
            },
        ],
        "entries_removed": [
            {
                "theme": "Technologies",
                "report": "CTOC/COP/WG.4/2013/5",
                "paragraphs_text": "33",
                "references_text": "V.29",
            }
        ],
        "entries_changed": [
            {
                "theme": "Considérations linguistiques",
                "report": "CTOC/COP/WG.4/2018/3",
                "paragraphs_gained": ["8 h)"],
                "paragraphs_lost": ["8 g)"],
                "references_gained": ["VIII.2.h"],
                "references_lost": ["VIII.2.g"],
                "paragraphs_text": {"old": "8 c) et 8 g)", "new": "8 c) et h)"},
                "references_text": {"old": "VIII.2.c et VIII.2.g", "new": "VIII.2.c et VIII.2.h"},
            }
        ],
        "metadata_changed": [
            {"field": "symbol", "old": "CTOC/COP/WG.4/2019/4", "new": "CTOC/COP/WG.4/2020/4"},
            {"field": "title", "old": TITLE.format("huit"), "new": TITLE.format("neuf")},
            {"field": "job_number", "old": "V.19-07098", "new": "V.20-01234"},
            {
                "field": "reference_document",
                "old": "CTOC/COP/WG.4/2019/5",
                "new": "CTOC/COP/WG.4/2020/5",
            },
        ],
    }


def test_the_reverse_diff_mirrors_it(old: IndexDocument, new: IndexDocument) -> None:
    back = diff_documents(new, old)
    assert back.themes_removed == (NEW_THEME,)
    assert {(r.theme, r.report) for r in back.entries_removed} == {
        ("Agences de recrutement et frais de recrutement", "CTOC/COP/WG.4/2019/6"),
        ("Coopération internationale", "CTOC/COP/WG.4/2019/6"),
        (NEW_THEME, "CTOC/COP/WG.4/2018/3"),
        (NEW_THEME, "CTOC/COP/WG.4/2019/6"),
        ("Victimes (revictimisation)", "CTOC/COP/WG.4/2019/6"),
    }
    assert [(r.theme, r.report) for r in back.entries_added] == [
        ("Technologies", "CTOC/COP/WG.4/2013/5")
    ]
    (change,) = back.entries_changed
    assert [p.letter for p in change.paragraphs_gained] == ["g"]


def test_json_has_exactly_the_specified_keys(old: IndexDocument, new: IndexDocument) -> None:
    data = to_json(diff_documents(old, new))
    assert list(data) == [
        "themes_added",
        "themes_removed",
        "themes_renamed",
        "entries_added",
        "entries_removed",
        "entries_changed",
        "metadata_changed",
    ]
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    for key in ("entries_added", "entries_removed", "entries_changed"):
        for item in listed(data, key):
            assert {"theme", "report"} <= set(item)


def test_renamed_theme_in_the_text(old: IndexDocument, tmp_path: Path) -> None:
    """A theme re-worded over more lines, same rows: one rename, nothing else."""
    renamed_doc = edited_dump(
        tmp_path,
        ("Intervenants \n\n(syndicats) ", "Intervenants \n\n(organisations \n\nsyndicales) "),
    )
    diff = diff_documents(old, renamed_doc)
    assert to_json(diff)["themes_renamed"] == [
        {
            "old_name": "Intervenants (syndicats)",
            "new_name": "Intervenants (organisations syndicales)",
        }
    ]
    assert (diff.themes_added, diff.themes_removed) == ((), ())
    assert (diff.entries_added, diff.entries_removed, diff.entries_changed) == ((), (), ())
    assert not diff.identical


def test_renames_are_matched_by_rows_not_by_position(old: IndexDocument) -> None:
    """Two themes renamed so that both move (one to the top, one down the table): each is
    paired with the old theme whose rows it has."""
    new = renamed(
        old, {"Terrorisme": "Actes terroristes", "Corruption": "Lutte contre la corruption"}
    )
    assert new.themes[0].name == "Actes terroristes"
    diff = diff_documents(old, new)
    assert diff.themes_renamed == (
        ThemeRename(old_name="Terrorisme", new_name="Actes terroristes"),
        ThemeRename(old_name="Corruption", new_name="Lutte contre la corruption"),
    )
    assert (diff.themes_added, diff.themes_removed, diff.entries_changed) == ((), (), ())


def test_rename_with_changed_rows_is_a_removal_and_an_addition(old: IndexDocument) -> None:
    """A rename is only recognised when the rows are the same; otherwise which old theme
    the new one replaces is a guess, and the diff does not guess."""
    corruption = next(t for t in old.themes if t.name == "Corruption")
    changed = corruption.model_copy(
        update={"name": "Lutte contre la corruption", "entries": corruption.entries[:2]}
    )
    new = old.model_copy(
        update={"themes": tuple(changed if t is corruption else t for t in old.themes)}
    )
    diff = diff_documents(old, new)
    assert diff.themes_renamed == ()
    assert diff.themes_added == ("Lutte contre la corruption",)
    assert diff.themes_removed == ("Corruption",)
    assert [e.theme for e in diff.entries_added] == ["Lutte contre la corruption"] * 2
    assert [e.theme for e in diff.entries_removed] == ["Corruption"] * 3


def test_an_added_theme_brings_added_rows_only(old: IndexDocument) -> None:
    extra = Theme(position=79, name="Zones franches", pages=(13,), entries=old.themes[0].entries)
    diff = diff_documents(old, old.model_copy(update={"themes": (*old.themes, extra)}))
    assert diff.themes_added == ("Zones franches",)
    assert [(e.theme, e.report) for e in diff.entries_added] == [
        ("Zones franches", "CTOC/COP/WG.4/2010/6"),
        ("Zones franches", "CTOC/COP/WG.4/2013/5"),
        ("Zones franches", "CTOC/COP/WG.4/2015/6"),
    ]
    # The same rows in another theme are not a rename: the old theme is still there.
    assert (diff.themes_renamed, diff.entries_changed, diff.entries_removed) == ((), (), ())


def test_notation_fix_changes_text_but_no_item(old: IndexDocument, tmp_path: Path) -> None:
    """A corrected slip ("VI.1-10" reprinted "VI.1 à 10") is a change with nothing gained
    or lost, so a reader sees that only the printing changed."""
    fixed = edited_dump(tmp_path, ("5 à 14 VI.1-10 ", "5 à 14 VI.1 à 10 "))
    diff = diff_documents(old, fixed)
    (change,) = listed(to_json(diff), "entries_changed")
    assert change == {
        "theme": "Agences de recrutement et frais de recrutement",
        "report": "CTOC/COP/WG.4/2015/6",
        "paragraphs_gained": [],
        "paragraphs_lost": [],
        "references_gained": [],
        "references_lost": [],
        "paragraphs_text": {"old": "5 à 14", "new": "5 à 14"},
        "references_text": {"old": "VI.1-10", "new": "VI.1 à 10"},
    }
    assert "VI.1-10 → VI.1 à 10" in printed(diff)


def test_items_are_compared_as_multisets(old: IndexDocument, tmp_path: Path) -> None:
    """ "IV.45 et IV.45" corrected to "IV.44 et IV.45": one IV.45 lost, IV.44 gained."""
    fixed = edited_dump(
        tmp_path, ("IV.41, IV.42, IV.45 \n\net IV.45", "IV.41, IV.42, IV.44 \n\net IV.45")
    )
    (change,) = listed(to_json(diff_documents(old, fixed)), "entries_changed")
    assert (change["references_gained"], change["references_lost"]) == (["IV.44"], ["IV.45"])
    assert (change["paragraphs_gained"], change["paragraphs_lost"]) == ([], [])


def test_report_has_a_section_per_kind_of_change(old: IndexDocument, new: IndexDocument) -> None:
    text = printed(diff_documents(old, new))
    assert "CTOC/COP/WG.4/2019/4 → CTOC/COP/WG.4/2020/4" in text
    for heading in ("Document", "Themes", "Rows added", "Rows removed", "Rows changed"):
        assert heading in text
    assert "+ 8 h)" in text
    assert "− VIII.2.g" in text
    assert "1 theme(s) added, 0 removed, 0 renamed; 5 row(s) added, 1 removed, 1 changed" in text
    assert "no differences" not in text


def test_theme_names_are_not_read_as_markup(old: IndexDocument) -> None:
    new = renamed(old, {"Terrorisme": "Terrorisme [bold]"})
    text = printed(diff_documents(old, new))
    assert "Terrorisme → Terrorisme [bold]" in text

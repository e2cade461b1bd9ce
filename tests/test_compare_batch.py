"""Cross-edition comparison and batch processing, on the text path."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

from pipeline.api import Run
from pipeline.comparison.editions import compare_documents, concordance_csv
from pipeline.models import IndexDocument, Paragraph
from tests.paths import TEXT_DUMP


def shuffled_and_renamed(document: IndexDocument) -> IndexDocument:
    """The same data as another edition would print it: new names, another order."""
    themes = [
        theme.model_copy(update={"name": f"Theme {len(document.themes) - i}", "position": 0})
        for i, theme in enumerate(document.themes)
    ]
    themes.reverse()
    themes = [t.model_copy(update={"position": i}) for i, t in enumerate(themes, start=1)]
    return document.model_copy(update={"themes": tuple(themes), "language": "en"})


def test_an_edition_equals_itself(text_run: Run) -> None:
    comparison = compare_documents(text_run.index, text_run.index)
    assert comparison.identical
    assert len(comparison.matches) == 78


def test_themes_are_matched_by_content_not_name_or_position(text_run: Run) -> None:
    other = shuffled_and_renamed(text_run.index)
    comparison = compare_documents(text_run.index, other)
    assert comparison.differences == ()
    first = comparison.matches[0]
    assert (first.a_name, first.b_name, first.b_position) == (
        "Agences de recrutement et frais de recrutement",
        "Theme 78",
        78,
    )
    rows = list(csv.reader(io.StringIO(concordance_csv(comparison).decode(), newline="")))
    assert rows[0] == ["position_fr", "name_fr", "position_en", "name_en", "score", "ambiguous"]
    assert rows[1][:4] == ["1", "Agences de recrutement et frais de recrutement", "78", "Theme 78"]


def test_a_changed_entry_is_reported(text_run: Run) -> None:
    document = text_run.index
    theme = document.themes[0]
    entry = theme.entries[0].model_copy(
        update={"paragraphs": (Paragraph(number=45),), "paragraphs_text": "45"}
    )
    changed_theme = theme.model_copy(update={"entries": (entry, *theme.entries[1:])})
    changed = document.model_copy(update={"themes": (changed_theme, *document.themes[1:])})
    comparison = compare_documents(document, changed)
    assert [(d.kind, d.report, d.a, d.b) for d in comparison.differences] == [
        ("paragraphs", "CTOC/COP/WG.4/2010/6", "44", "45")
    ]


def test_compare_cli_exit_codes(tmp_path: Path) -> None:
    same = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipeline",
            "compare",
            str(TEXT_DUMP),
            str(TEXT_DUMP),
            "--concordance",
            str(tmp_path / "c.csv"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert same.returncode == 0, same.stdout + same.stderr
    assert "no difference" in same.stdout
    assert (tmp_path / "c.csv").read_text("utf-8").count("\n") == 79


def test_batch_finishes_the_others_and_fails(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_bytes(TEXT_DUMP.read_bytes())
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    out = tmp_path / "out"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipeline",
            "batch",
            str(bad),
            str(good),
            "--out",
            str(out),
            "--jobs",
            "2",
        ],
        capture_output=True,
        text=True,
        check=False,
        env={"COLUMNS": "200", "PATH": ""},
    )
    assert result.returncode == 1, result.stderr
    assert (out / "good.txt" / "index.json").exists()
    assert not (out / "bad.txt").exists()
    # The summary goes to stdout, one line per file with its full name and output folder.
    lines = result.stdout.splitlines()
    assert lines[0].split() == [
        "file",
        "language",
        "themes",
        "entries",
        "errors",
        "seconds",
        "result",
    ]
    bad_line = next(line for line in lines if line.startswith(str(bad)))
    good_line = next(line for line in lines if line.startswith(str(good)))
    assert "failed:" in bad_line
    assert good_line.split()[1:5] == ["fr", "78", "311", "0"]
    assert good_line.endswith(f"-> {out / 'good.txt'}")
    assert lines[-1] == "1 of 2 file(s) extracted"

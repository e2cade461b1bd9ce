"""The Python API as a user calls it: `from pipeline import …`, paths as str, PathLike or
bytes with a name, and a fresh install outside the repository.

Expected counts (78 themes, 311 rows, 972 cited paragraphs) are the document's, counted
by hand from the dump (see tests/test_text_document.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

import pipeline
from pipeline import (
    Comparison,
    Diagnostic,
    DocumentDiff,
    Entry,
    IndexDocument,
    InputError,
    Theme,
    compare,
    diff,
    extract,
    load,
    save,
    validate,
)
from tests.next_version import replace_exactly
from tests.paths import ROOT, SHARED_PDF, TEXT_DUMP


def test_all_lists_the_front_door() -> None:
    for name in ("extract", "load", "validate", "diff", "compare"):
        assert name in pipeline.__all__
        assert callable(getattr(pipeline, name))
    for name in ("IndexDocument", "Theme", "Entry", "Diagnostic", "InputError"):
        assert name in pipeline.__all__
    assert issubclass(InputError, Exception)
    assert {IndexDocument, Theme, Entry, Diagnostic} <= {
        getattr(pipeline, n) for n in pipeline.__all__
    }


def test_run_is_a_function_not_a_module() -> None:
    from pipeline import run

    assert callable(run)


@pytest.mark.parametrize("form", ["str", "path", "bytes"])
def test_extract_takes_str_pathlike_and_bytes(form: str) -> None:
    source: str | os.PathLike[str] | bytes
    if form == "str":
        source = str(TEXT_DUMP)
    elif form == "path":
        source = TEXT_DUMP
    else:
        source = TEXT_DUMP.read_bytes()
    document = extract(source, name=TEXT_DUMP.name if form == "bytes" else None)
    assert isinstance(document, IndexDocument)
    assert (len(document.themes), sum(len(t.entries) for t in document.themes)) == (78, 311)
    assert document.source.name == "CTOC_COP_WG.4_2019_4_fr.txt"


def test_bytes_need_a_name() -> None:
    with pytest.raises(TypeError, match="name"):
        extract(TEXT_DUMP.read_bytes())


def test_bad_input_is_an_input_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match=r"empty\.pdf: empty file"):
        extract(empty)
    with pytest.raises(InputError, match="not a PDF"):
        extract(b"hello", name="x.pdf")


def test_load_reads_back_what_save_wrote(tmp_path: Path) -> None:
    document = extract(TEXT_DUMP)
    files = save(document, tmp_path / "out")
    assert sorted(files) == sorted(p.name for p in (tmp_path / "out").iterdir())
    again = load(tmp_path / "out" / "index.json")
    assert again == document
    assert load(str(tmp_path / "out" / "index.json")) == document


def test_validate_is_idempotent_and_accepts_a_path() -> None:
    document = extract(TEXT_DUMP)
    assert validate(document) == document
    assert validate(TEXT_DUMP) == document
    # 11 warnings, each checked by hand against the document (README, test_validate.py).
    assert sum(1 for d in document.diagnostics if d.severity == "warning") == 11


def test_diff_and_compare_of_a_document_with_itself() -> None:
    document = extract(TEXT_DUMP)
    result = diff(document, TEXT_DUMP)
    assert isinstance(result, DocumentDiff)
    assert result.identical
    comparison = compare(TEXT_DUMP, document)
    assert isinstance(comparison, Comparison)
    assert comparison.identical


# A theme with two rows for one report: the dump's first theme gets a second row for
# CTOC/COP/WG.4/2010/6 (paragraph 45, reference II.38) right after its first one.
_FIRST_ROW = "de recrutement  \n\nCTOC/COP/WG.4/2010/6 44 II.37 \n"
_TWICE = _FIRST_ROW + "\nCTOC/COP/WG.4/2010/6 45 II.38 \n"


def _edited(tmp_path: Path, name: str, *edits: tuple[str, str]) -> Path:
    text = TEXT_DUMP.read_text(encoding="utf-8")
    for before, after in edits:
        text = replace_exactly(text, before, after)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_repeated_report_matches_itself_in_diff_and_compare(tmp_path: Path) -> None:
    path = _edited(tmp_path, "twice.txt", (_FIRST_ROW, _TWICE))
    document = extract(path)
    first = document.themes[0]
    assert [(e.report, e.paragraphs_text) for e in first.entries[:2]] == [
        ("CTOC/COP/WG.4/2010/6", "44"),
        ("CTOC/COP/WG.4/2010/6", "45"),
    ]
    assert diff(document, document).identical
    assert compare(document, document).identical
    assert compare(document, document).differences == ()


def test_the_second_row_of_a_repeated_report_is_the_one_that_changed(tmp_path: Path) -> None:
    before = extract(_edited(tmp_path, "a.txt", (_FIRST_ROW, _TWICE)))
    after = extract(
        _edited(
            tmp_path,
            "b.txt",
            (_FIRST_ROW, _FIRST_ROW + "\nCTOC/COP/WG.4/2010/6 46 II.39 \n"),
        )
    )
    changed = diff(before, after).entries_changed
    assert [(c.report, c.old_paragraphs_text, c.new_paragraphs_text) for c in changed] == [
        ("CTOC/COP/WG.4/2010/6", "45", "46")
    ]
    differences = compare(before, after).differences
    assert [(d.kind, d.report, d.a, d.b) for d in differences] == [
        ("paragraphs", "CTOC/COP/WG.4/2010/6", "45", "46"),
        ("references", "CTOC/COP/WG.4/2010/6", "II.38", "II.39"),
    ]


def test_fresh_install_outside_the_repository(tmp_path: Path) -> None:
    """The wheel carries the language data and py.typed, and the README's one-liner works
    from another folder (the dependencies come from this environment)."""
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("recindex-*.whl")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    import pydantic

    # The test environment's packages (pydantic, pdfplumber, …) are visible to the new
    # one; recindex itself comes only from the wheel.
    Path(site, "deps.pth").write_text(str(Path(pydantic.__file__).parent.parent) + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            site,
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    (work / "sources").mkdir()
    (work / "sources" / SHARED_PDF.name).write_bytes(SHARED_PDF.read_bytes())
    code = (
        "import pipeline, pathlib; from pipeline import extract; "
        "assert 'site-packages' in pipeline.__file__, pipeline.__file__; "
        "assert (pathlib.Path(pipeline.__file__).parent / 'py.typed').exists(); "
        f"print(len(extract('sources/{SHARED_PDF.name}').themes))"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    result = subprocess.run(
        [str(python), "-c", code], cwd=work, capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "78\n"


def _row_changes_by_diff(old: IndexDocument, new: IndexDocument) -> set[tuple[str, str, str]]:
    result = diff(old, new)
    added_themes, removed_themes = set(result.themes_added), set(result.themes_removed)
    return (
        {("added", e.theme, e.report) for e in result.entries_added if e.theme not in added_themes}
        | {
            ("removed", e.theme, e.report)
            for e in result.entries_removed
            if e.theme not in removed_themes
        }
        | {("changed", c.theme, c.report) for c in result.entries_changed}
        | {("theme-added", name, "") for name in added_themes}
        | {("theme-removed", name, "") for name in result.themes_removed}
    )


def _row_changes_by_compare(old: IndexDocument, new: IndexDocument) -> set[tuple[str, str, str]]:
    kinds = {
        "only-in-a": "removed",
        "only-in-b": "added",
        "paragraphs": "changed",
        "references": "changed",
        "theme-only-in-a": "theme-removed",
        "theme-only-in-b": "theme-added",
    }
    return {
        (kinds[d.kind], d.theme_b or d.theme_a or "", d.report or "")
        for d in compare(old, new).differences
    }


def test_diff_and_compare_agree_on_every_pair(
    tmp_path: Path, old: IndexDocument, new: IndexDocument
) -> None:
    """A property over the pairs the tests use (the hand-written expectations of each
    command are in test_diff.py and test_compare_batch.py): wherever no theme is renamed,
    both commands name the same rows as added, removed or changed."""
    twice = extract(_edited(tmp_path, "a.txt", (_FIRST_ROW, _TWICE)))
    twice_changed = extract(
        _edited(tmp_path, "b.txt", (_FIRST_ROW, _FIRST_ROW + "\nCTOC/COP/WG.4/2010/6 46 II.39 \n"))
    )
    pairs = [
        (old, old),
        (old, new),
        (new, old),
        (twice, twice),
        (twice, twice_changed),
        (old, twice),
    ]
    for a, b in pairs:
        assert _row_changes_by_diff(a, b) == _row_changes_by_compare(a, b)
    # Written out by hand: the next version adds a theme, rows for the new report in three
    # themes, drops one row and edits one (tests/next_version.py).
    assert _row_changes_by_diff(old, new) == {
        ("theme-added", "Criminalité en ligne et traite facilitée par Internet", ""),
        ("added", "Agences de recrutement et frais de recrutement", "CTOC/COP/WG.4/2019/6"),
        ("added", "Coopération internationale", "CTOC/COP/WG.4/2019/6"),
        ("added", "Victimes (revictimisation)", "CTOC/COP/WG.4/2019/6"),
        ("removed", "Technologies", "CTOC/COP/WG.4/2013/5"),
        ("changed", "Considérations linguistiques", "CTOC/COP/WG.4/2018/3"),
    }

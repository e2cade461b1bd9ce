"""The published files: contract, determinism, Frictionless validity, atomic writes."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from pipeline.api import Run, run
from pipeline.export import index_to_files
from pipeline.export.folder import write_folder
from pipeline.models import IndexDocument
from tests.golden import expected_rows, expected_themes
from tests.paths import TEXT_DUMP

FILES = [
    "datapackage.json",
    "diagnostics.csv",
    "entries.csv",
    "index.json",
    "manifest.json",
    "references.csv",
    "themes.csv",
]


@pytest.fixture(scope="module")
def files(text_run: Run) -> dict[str, bytes]:
    return index_to_files(text_run.index, text_run.mapping)


def rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def test_file_set(files: dict[str, bytes]) -> None:
    assert sorted(files) == FILES


def test_same_input_gives_identical_bytes(files: dict[str, bytes]) -> None:
    fresh = run(TEXT_DUMP)
    assert index_to_files(fresh.index, fresh.mapping) == files


def test_index_json_round_trips_through_the_model(files: dict[str, bytes], text_run: Run) -> None:
    assert IndexDocument.model_validate_json(files["index.json"]) == text_run.index
    head = json.loads(files["index.json"])
    assert list(head)[:7] == [
        "schema_version",
        "symbol",
        "language",
        "title",
        "job_number",
        "reference_document",
        "source",
    ]
    assert head["schema_version"] == 1


def test_index_json_validates_against_the_published_schema(
    files: dict[str, bytes], tmp_path: Path
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "schema"], capture_output=True, text=True, check=True
    )
    schema = json.loads(result.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    jsonschema.validate(json.loads(files["index.json"]), schema)


def test_csv_tables_match_the_document(files: dict[str, bytes]) -> None:
    themes, entries, references = (
        rows(files[f"{n}.csv"]) for n in ("themes", "entries", "references")
    )
    assert len(themes) == 78
    assert len(entries) == 311
    assert sum(1 for r in references if r["paragraph"]) == 972  # counted: tests/data/fr_rows.tsv
    assert themes[0] == {
        "symbol": "CTOC/COP/WG.4/2019/4",
        "language": "fr",
        # The first row's report (2010/6) and first cited paragraph (44).
        "theme_id": "2010-6-44",
        "position": "1",
        "name": "Agences de recrutement et frais de recrutement",
        "first_page": "2",
        "page_count": "1",
        "entries": "3",
        "paragraphs": "12",
        "references": "12",
    }
    first_of_2017 = next(r for r in references if r["report"] == "CTOC/COP/WG.4/2017/4")
    assert (first_of_2017["paragraph"], first_of_2017["letter"]) == ("7", "a")
    assert (
        first_of_2017["section"],
        first_of_2017["ref_paragraph"],
        first_of_2017["ref_letter"],
    ) == ("VII", "1", "a")
    assert files["themes.csv"].startswith(
        b"symbol,language,theme_id,position,name,first_page,page_count,entries,paragraphs,"
        b"references\r\n"
    )
    # 972 cited paragraphs plus the 6 references printed without a paragraph of their own
    # (counted by hand: tests/data/fr_rows.tsv, rows whose reference list is longer).
    assert len(references) == 978
    assert sum(1 for r in references if not r["paragraph"]) == 6


def test_csv_tables_give_the_golden_table(files: dict[str, bytes]) -> None:
    """entries.csv, themes.csv and references.csv against the hand-checked rows."""
    golden = expected_rows()
    assert [
        (
            r["theme_position"],
            r["theme"],
            r["report"],
            r["paragraphs_text"],
            r["references_text"],
            r["paragraphs"],
            r["references"],
        )
        for r in rows(files["entries.csv"])
    ] == [
        (
            str(g.position),
            g.theme,
            g.report,
            g.paragraphs_text,
            g.references_text,
            str(g.paragraphs),
            str(len(g.reference_items)),
        )
        for g in golden
    ]
    assert [
        (r["position"], r["name"], r["entries"], r["paragraphs"]) for r in rows(files["themes.csv"])
    ] == [
        (str(rs[0].position), name, str(len(rs)), str(sum(g.paragraphs for g in rs)))
        for name, rs in expected_themes()
    ]
    paragraphs: dict[tuple[str, str], list[str]] = {}
    references: dict[tuple[str, str], list[str]] = {}
    positions = {r["theme_id"]: r["theme_position"] for r in rows(files["entries.csv"])}
    for r in rows(files["references.csv"]):
        key = (positions[r["theme_id"]], r["report"])
        if r["paragraph"]:
            paragraphs.setdefault(key, []).append(r["paragraph"] + r["letter"])
        if r["section"]:
            item = f"{r['section']}.{r['ref_paragraph']}" + (
                f".{r['ref_letter']}" if r["ref_letter"] else ""
            )
            references.setdefault(key, []).append(item)
    for g in golden:
        key = (str(g.position), g.report)
        assert tuple(paragraphs.get(key, [])) == g.paragraph_items, g.dump_line
        # Paired rows first, then unpaired ones: the same references, in pairing order.
        assert sorted(references.get(key, [])) == sorted(g.reference_items), g.dump_line


def test_manifest_lists_every_other_file(files: dict[str, bytes]) -> None:
    import hashlib

    manifest = json.loads(files["manifest.json"])
    assert manifest["source"]["sha256"] == hashlib.sha256(TEXT_DUMP.read_bytes()).hexdigest()
    assert sorted(manifest["files"]) == [f for f in FILES if f != "manifest.json"]
    for name, entry in manifest["files"].items():
        assert entry["sha256"] == hashlib.sha256(files[name]).hexdigest()


def frictionless_validate(folder: Path) -> subprocess.CompletedProcess[str]:
    frictionless = shutil.which("frictionless") or str(Path(sys.executable).parent / "frictionless")
    return subprocess.run(
        [frictionless, "validate", "datapackage.json"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )


def test_datapackage_validates_with_frictionless(files: dict[str, bytes], tmp_path: Path) -> None:
    write_folder(files, tmp_path / "out")
    result = frictionless_validate(tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr


def test_frictionless_checks_the_joins(files: dict[str, bytes], tmp_path: Path) -> None:
    """A row of references.csv pointing at no row of entries.csv breaks a declared
    foreign key, and frictionless says so: the keys are checked, not just declared."""
    broken = dict(files)
    lines = files["references.csv"].decode("utf-8").split("\r\n")
    lines[1] = lines[1].replace(",2010-6-44,", ",no-such-theme,", 1)
    broken["references.csv"] = "\r\n".join(lines).encode("utf-8")
    write_folder(broken, tmp_path / "out")
    result = frictionless_validate(tmp_path / "out")
    assert result.returncode != 0
    assert "foreign-key" in result.stdout
    package = json.loads(files["datapackage.json"])
    keys = {r["name"]: r["schema"].get("foreignKeys", []) for r in package["resources"]}
    assert keys["references"] == [
        {
            "fields": ["theme_id", "row"],
            "reference": {"resource": "entries", "fields": ["theme_id", "row"]},
        }
    ]
    assert (
        package["sources"][0]["hash"]
        == "sha256:" + hashlib.sha256(TEXT_DUMP.read_bytes()).hexdigest()
    )


def test_writes_leave_no_temporary_files(files: dict[str, bytes], tmp_path: Path) -> None:
    write_folder(files, tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == FILES


@pytest.mark.parametrize("page", [True, False], ids=["with-html", "without-html"])
def test_cli_writes_the_default_folder_and_reports(tmp_path: Path, page: bool) -> None:
    source = tmp_path / TEXT_DUMP.name
    source.write_bytes(TEXT_DUMP.read_bytes())
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", str(source), *(["--html"] if page else [])],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in (tmp_path / "output" / TEXT_DUMP.name).iterdir())
    assert written == sorted([*FILES, "index.html"] if page else FILES)
    manifest = json.loads((tmp_path / "output" / TEXT_DUMP.name / "manifest.json").read_bytes())
    assert ("index.html" in manifest["files"]) == page
    assert "78 themes, 311 entries" in result.stderr


def test_help_does_not_import_pdfplumber() -> None:
    code = (
        "import sys\n"
        "from pipeline.cli.commands import run\n"
        "try:\n"
        "    run(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('pdfplumber', 'pdfminer', 'pydantic'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"

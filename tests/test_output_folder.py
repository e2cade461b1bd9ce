"""The output folder is replaced whole or not at all: a failure while writing any file,
an interrupt during the swap, or a killed run never leaves a folder mixing two runs, and
no staging folder outlives the run that made it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.export import folder
from pipeline.export.folder import write_folder
from tests.paths import TEXT_DUMP

OLD = {"index.json": b"old index\n", "themes.csv": b"old themes\r\n", "manifest.json": b"{}\n"}
NEW = {
    "index.json": b"new index\n",
    "themes.csv": b"new themes\r\n",
    "entries.csv": b"new entries\r\n",
    "manifest.json": b"{ }\n",
}


def contents(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.iterdir())}


def debris(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith("."))


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    write_folder(OLD, out)
    assert contents(out) == OLD
    return out


def test_a_new_folder_is_written(tmp_path: Path) -> None:
    write_folder(NEW, tmp_path / "a" / "b")
    assert contents(tmp_path / "a" / "b") == NEW
    assert debris(tmp_path / "a") == []


def test_the_previous_output_is_replaced_whole(previous: Path) -> None:
    write_folder(NEW, previous)
    assert contents(previous) == NEW  # themes.csv of the old run is not left behind
    assert debris(previous.parent) == []


@pytest.mark.parametrize("failing", range(len(NEW)))
def test_a_failure_at_any_file_keeps_the_previous_output(
    previous: Path, failing: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    written = 0
    original = Path.write_bytes

    def write_bytes(self: Path, data: bytes) -> int:
        nonlocal written
        if written == failing:
            raise OSError(28, "No space left on device")
        written += 1
        return original(self, data)

    monkeypatch.setattr(Path, "write_bytes", write_bytes)
    with pytest.raises(InputError, match="cannot write \\(No space left on device\\)"):
        write_folder(NEW, previous)
    assert contents(previous) == OLD
    assert debris(previous.parent) == []


def test_an_interrupt_during_the_swap_keeps_the_previous_output(
    previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(a: Path, b: Path) -> bool:
        raise KeyboardInterrupt

    monkeypatch.setattr(folder, "_exchange", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_folder(NEW, previous)
    assert contents(previous) == OLD
    assert debris(previous.parent) == []


def test_without_an_atomic_exchange_an_interrupt_between_renames_is_undone(
    previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the system cannot exchange two folders, the old one is moved aside and the
    new one moved in; an interrupt between the two puts the old one back."""
    monkeypatch.setattr(folder, "_exchange", lambda a, b: False)
    renames = 0
    original = os.rename

    def rename(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        nonlocal renames
        renames += 1
        if renames == 2:
            raise KeyboardInterrupt
        original(src, dst)

    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(KeyboardInterrupt):
        write_folder(NEW, previous)
    assert contents(previous) == OLD
    assert debris(previous.parent) == []


def test_without_an_atomic_exchange_the_swap_still_completes(
    previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(folder, "_exchange", lambda a, b: False)
    write_folder(NEW, previous)
    assert contents(previous) == NEW
    assert debris(previous.parent) == []


def test_a_folder_with_other_files_is_not_replaced(tmp_path: Path) -> None:
    (tmp_path / "thesis.docx").write_bytes(b"years of work")
    with pytest.raises(InputError, match=r"holds files recindex did not write \(thesis\.docx\)"):
        write_folder(NEW, tmp_path)
    assert contents(tmp_path) == {"thesis.docx": b"years of work"}


def test_a_file_in_the_way_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out").write_bytes(b"x")
    with pytest.raises(InputError, match="exists and is not a folder"):
        write_folder(NEW, tmp_path / "out")


def test_a_killed_runs_staging_folder_is_removed_by_the_next_run(previous: Path) -> None:
    # A pid that no process has: the highest the kernel would give, plus one.
    dead = int(Path("/proc/sys/kernel/pid_max").read_text()) + 1
    stale = previous.parent / f".out.recindex-{dead}-abc123"
    stale.mkdir()
    (stale / "index.json").write_bytes(b"half")
    write_folder(NEW, previous)
    assert debris(previous.parent) == []


def _extract_and_signal(tmp_path: Path, sig: signal.Signals, after: float) -> tuple[int, str]:
    """Start `recindex extract` on a dump large enough to take seconds (the French dump
    eight times over), send `sig` after `after` seconds, return its status and stderr."""
    source = tmp_path / "long.txt"
    source.write_text(TEXT_DUMP.read_text(encoding="utf-8") * 8, encoding="utf-8")
    out = tmp_path / "out"
    write_folder(OLD, out)
    process = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "extract", str(source), "--out", str(out)],
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(after)
    process.send_signal(sig)
    _, stderr = process.communicate(timeout=60)
    assert contents(out) == OLD
    assert debris(tmp_path) == []
    return process.returncode, stderr


@pytest.mark.parametrize(
    ("sig", "status", "line"),
    [
        (signal.SIGINT, 130, "recindex: interrupted\n"),
        (signal.SIGTERM, 143, "recindex: terminated\n"),
    ],
)
@pytest.mark.parametrize("after", [0.15, 1.5])
def test_signals_give_one_line_and_the_conventional_status(
    tmp_path: Path, sig: signal.Signals, status: int, line: str, after: float
) -> None:
    """At start-up (imports under way) and during the work, alike."""
    assert _extract_and_signal(tmp_path, sig, after) == (status, line)

"""Put the output files on disk so that nobody ever sees a mixture of two runs.

Every file is written into a fresh hidden sibling of the output folder, which then takes
the folder's place in one step (Linux `renameat2(RENAME_EXCHANGE)`; elsewhere two renames,
undone if the second fails). Until that step the previous output stays whole; after it the
new one is whole. The staging folder is removed on every way out, an interrupt included,
and one left by a killed run is removed by the next run into the same place.

Replacing a folder deletes what was in it, so only a folder that holds nothing but
recindex output (or nothing) is replaced: `--out .` or `--out ~` is refused.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from pipeline.errors import InputError

# Staging folders are named ".<folder name>.recindex-<pid>-<random>".
_MARK = ".recindex-"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def write_folder(files: dict[str, bytes], out_dir: Path) -> None:
    """Replace `out_dir` by a folder holding exactly `files`, in one step."""
    try:
        _write_folder(files, Path(out_dir))
    except OSError as error:
        raise InputError(f"{out_dir}: cannot write ({error.strerror or error})") from None


def write_file(name: str, data: bytes, folder: Path) -> None:
    """Write one file through a temporary file in the same folder and a rename."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{name}{_MARK}", dir=folder)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(temporary, 0o644)
            os.replace(temporary, folder / name)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise InputError(f"{folder / name}: cannot write ({error.strerror or error})") from None


def _write_folder(files: dict[str, bytes], out_dir: Path) -> None:
    parent = out_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    _check_replaceable(out_dir, files)
    _remove_stale(parent, out_dir.name)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}{_MARK}{os.getpid()}-", dir=parent))
    try:
        for name, data in sorted(files.items()):
            (staging / name).write_bytes(data)
            os.chmod(staging / name, 0o644)
        os.chmod(staging, 0o755)
        _swap(staging, out_dir)
    finally:
        # After an exchange, `staging` holds the previous output; otherwise the unused new.
        shutil.rmtree(staging, ignore_errors=True)


def _check_replaceable(out_dir: Path, files: Iterable[str]) -> None:
    """Refuse to replace a folder holding anything recindex would not have written."""
    if not out_dir.exists() and not out_dir.is_symlink():
        return
    if out_dir.is_symlink() or not out_dir.is_dir():
        raise InputError(f"{out_dir}: exists and is not a folder")
    ours = set(files) | {"manifest.json", "index.html"}
    foreign = sorted(
        entry.name for entry in out_dir.iterdir() if entry.name not in ours or entry.is_dir()
    )
    if foreign:
        shown = ", ".join(foreign[:3]) + (", …" if len(foreign) > 3 else "")
        raise InputError(
            f"{out_dir}: holds files recindex did not write ({shown}); "
            "name a new or empty folder, or a previous output folder"
        )


def _remove_stale(parent: Path, name: str) -> None:
    """Remove staging folders of runs into the same place that were killed."""
    prefix = f".{name}{_MARK}"
    for entry in parent.iterdir():
        if not entry.name.startswith(prefix) or not entry.is_dir():
            continue
        pid = entry.name[len(prefix) :].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(entry, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _swap(staging: Path, out_dir: Path) -> None:
    """Put `staging` in `out_dir`'s place; the previous output ends up in `staging`."""
    if not out_dir.exists():
        os.rename(staging, out_dir)
        return
    if _exchange(staging, out_dir):
        return
    aside = Path(
        tempfile.mkdtemp(prefix=f".{out_dir.name}{_MARK}{os.getpid()}-", dir=out_dir.parent)
    )
    os.rmdir(aside)
    os.rename(out_dir, aside)
    try:
        os.rename(staging, out_dir)
    except BaseException:
        os.rename(aside, out_dir)
        raise
    os.rename(aside, staging)  # the previous output, removed with the staging folder


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux 3.15+); False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), ctypes.c_uint(_RENAME_EXCHANGE)
    )
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))

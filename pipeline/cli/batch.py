"""Many sources at once: one process per file, one output folder per source.

A file that fails does not stop the others; its error is reported in the summary and the
exit code says that something failed. Worker processes avoid the GIL for PDF parsing,
which is pure Python.
"""

from __future__ import annotations

import time
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from pipeline.errors import InputError
from pipeline.extraction.engines import DEFAULT_ENGINE, Engine


class BatchResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    source: str
    out: str
    language: str | None = None
    themes: int = 0
    entries: int = 0
    diagnostics: int = 0
    # Findings of severity error: the data was written but may be incomplete.
    errors: int = 0
    seconds: float = 0.0
    error: str | None = None


def process_one(source: Path, out: Path, lang: str, engine: Engine = DEFAULT_ENGINE) -> BatchResult:
    """Extract one source into `out`; errors become a result, never an exception."""
    from pipeline.api import run
    from pipeline.cli.html import page_for
    from pipeline.export import index_to_files
    from pipeline.export.folder import write_folder

    start = time.perf_counter()
    try:
        result = run(source, lang=lang, engine=engine)
        document = result.index
        page = page_for(document, source)
        write_folder(index_to_files(document, result.mapping, {"index.html": page}), out)
    except InputError as error:
        return BatchResult(
            source=str(source), out=str(out), error=str(error), seconds=time.perf_counter() - start
        )
    except Exception as error:  # a bug must not stop the other files
        return BatchResult(
            source=str(source),
            out=str(out),
            error=f"internal error: {type(error).__name__}: {error}",
            seconds=time.perf_counter() - start,
        )
    return BatchResult(
        source=str(source),
        out=str(out),
        language=document.language,
        themes=len(document.themes),
        entries=sum(len(t.entries) for t in document.themes),
        diagnostics=len(document.diagnostics),
        errors=sum(1 for d in document.diagnostics if d.severity == "error"),
        seconds=time.perf_counter() - start,
    )


def output_folders(sources: list[Path], out_dir: Path) -> dict[Path, Path]:
    """One folder per source, named after the file; two sources with one name collide."""
    folders: dict[Path, Path] = {}
    taken: dict[str, Path] = {}
    for source in sources:
        if source.name in taken:
            raise InputError(
                f"{source} and {taken[source.name]} would share the folder {out_dir / source.name}"
            )
        taken[source.name] = source
        folders[source] = out_dir / source.name
    return folders


def run_batch(
    sources: list[Path],
    out_dir: Path,
    jobs: int,
    lang: str,
    engine: Engine = DEFAULT_ENGINE,
    show: bool = True,
) -> list[BatchResult]:
    """Process every source, with a progress bar on stderr unless `show` is False;
    results in the given order."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    folders = output_folders(sources, out_dir)
    console = Console(stderr=True, quiet=not show)
    results: dict[Path, BatchResult] = {}
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task("extracting", total=len(sources))
        if jobs <= 1:
            for source in sources:
                results[source] = process_one(source, folders[source], lang, engine)
                progress.advance(task)
        else:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                futures: dict[Future[BatchResult], Path] = {
                    pool.submit(process_one, source, folders[source], lang, engine): source
                    for source in sources
                }
                for future in as_completed(futures):
                    results[futures[future]] = future.result()
                    progress.advance(task)
    return [results[source] for source in sources]

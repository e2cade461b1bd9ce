"""Run the pipeline on one layout variant and say how its reading differs from the table.

`expected_table()` is the one place the expected values come from: the hand-checked golden
table (tests/data/fr_rows.tsv, read by tests/golden.py), never the pipeline's own reading.
An exact reading must also carry no error finding (a completeness check that fires on a
whole document would be a false alarm).
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from pipeline.errors import InputError
from pipeline.languages import get_language
from tests.golden import expected_table as golden_table
from tests.layouts.features import Variant
from tests.pdf_factory import TableData

if TYPE_CHECKING:
    from pipeline.models import IndexDocument

THEMES, ROWS, PARAGRAPHS = 78, 311, 972


@cache
def expected_table() -> TableData:
    """The golden table, as the producers print it."""
    return golden_table()


def build(variant: Variant) -> bytes:
    language = get_language("fr")
    if variant.producer == "reportlab":
        from tests.layouts.reportlab_producer import build_reportlab

        return build_reportlab(expected_table(), variant, language)
    from tests.layouts.fpdf_producer import build_fpdf

    return build_fpdf(expected_table(), variant, language)


class Layout(Protocol):
    """What the failure table needs of a layout, whichever producer printed it."""

    @property
    def seed(self) -> int: ...

    def label(self) -> str: ...

    def features(self) -> dict[str, str]: ...


@dataclass
class Outcome:
    variant: Layout
    problems: list[str]
    seconds: float
    # Words of the table the producer itself never printed (Writer's clipped merged cells):
    # such a layout is not read at all, and counted apart from the failures.
    unprinted: list[str] = field(default_factory=list)


def check(variant: Variant, keep: Path | None = None) -> Outcome:
    """Typeset the variant, extract it, and list every difference from `expected_table()`."""
    started = time.perf_counter()
    from tests.layouts.reportlab_producer import TooNarrowError

    try:
        data = build(variant)
    except TooNarrowError:  # the words do not fit the text block: symbols broken after a slash
        variant = replace(variant, report_wrap=True)
        data = build(variant)
    except Exception:  # ReportLab cannot fit a spanned group on one page: split its rows
        variant = replace(variant, merge="rows", theme_align="top")
        data = build(variant)
    problems = read(data, f"variant-{variant.seed}.pdf", keep)
    return Outcome(variant, problems, time.perf_counter() - started)


def read(data: bytes, name: str, keep: Path | None = None, job: bool = True) -> list[str]:
    """Extract a printed layout (kept in `keep` under `name` when asked) and list every
    difference from `expected_table()`; `job`: whether the page prints the job number."""
    from pipeline.api import run

    with tempfile.TemporaryDirectory() as folder:
        path = (keep or Path(folder)) / name
        path.write_bytes(data)
        try:
            index = run(path).index
        except InputError as error:
            return [f"input error: {error}"]
    return differences(index, job)


def differences(index: IndexDocument, job: bool = True) -> list[str]:
    """How a reading differs from `expected_table()`; empty when exact."""
    want = expected_table()
    problems: list[str] = []
    got_themes = [t.name for t in index.themes]
    want_themes = [name for name, _ in want.themes]
    entries = [e for t in index.themes for e in t.entries]
    counts = (len(index.themes), len(entries), sum(len(e.paragraphs) for e in entries))
    if counts != (THEMES, ROWS, PARAGRAPHS):
        problems.append(f"counts {counts} != {(THEMES, ROWS, PARAGRAPHS)}")
    if got_themes != want_themes:
        missing = [n for n in want_themes if n not in got_themes][:3]
        extra = [n for n in got_themes if n not in want_themes][:3]
        problems.append(f"theme names differ: missing {missing}, extra {extra}")
    else:
        for theme, (name, rows) in zip(index.themes, want.themes, strict=True):
            got = [(e.report, e.paragraphs_text, e.references_text) for e in theme.entries]
            if got != list(rows):
                bad = next(
                    (g, w) for g, w in zip([*got, None], [*rows, None], strict=False) if g != w
                )
                problems.append(f"rows of {name[:40]!r}: got {bad[0]} want {bad[1]}")
    errors = sorted({d.code for d in index.diagnostics if d.severity == "error"})
    if errors:
        problems.append(f"error findings on an exact layout: {', '.join(errors)}")
    if (index.title, index.job_number) != (want.title, want.job_number if job else None):
        problems.append(f"metadata: title {index.title!r}, job {index.job_number!r}")
    return problems

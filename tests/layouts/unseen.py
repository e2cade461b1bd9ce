"""Random layouts from the two producers the reading was not built on: Chromium printing
an HTML table (`chromium_producer.Page`) and LibreOffice Writer printing a Writer document
(`libreoffice_producer.Writer`), every knob of their dataclasses drawn from a seed.

Each producer draws from a random generator of its own (seeded "chromium-<seed>" or
"writer-<seed>"), so that the ReportLab/fpdf2 corpus of `features.draw` keeps its variants
for its seeds, and adding a knob here changes no seed of the other producers. Writer's
documents are printed in batches, one start of `soffice` for each; a Writer layout whose
PDF lacks words of the table (`unprinted`: Writer clipped a merged cell) is not read and
is counted apart, as tests/test_layouts_libreoffice.py does.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Literal

from tests.layouts.check import Outcome, expected_table, read
from tests.layouts.chromium_producer import Page
from tests.layouts.libreoffice_producer import Writer

# Writer documents printed per start of soffice: its start is most of a small batch's
# time, and a batch of this size stays well inside the producer's timeout.
BATCH = 8


@dataclass(frozen=True)
class Drawn:
    """One random layout of an unseen producer: its knobs and the seed they came from."""

    producer: Literal["chromium", "writer"]
    knobs: Page | Writer
    seed: int

    def label(self) -> str:
        base = type(self.knobs)()
        changed = [
            f"{f.name}={_show(getattr(self.knobs, f.name))}"
            for f in fields(self.knobs)
            if getattr(self.knobs, f.name) != getattr(base, f.name)
        ]
        return f"seed={self.seed} producer={self.producer} " + " ".join(changed)

    def features(self) -> dict[str, str]:
        """Knob name to value, for the failure table; column widths and table width
        bucketed (a continuous value is no feature)."""
        out: dict[str, str] = {"producer": self.producer}
        for f in fields(self.knobs):
            value = getattr(self.knobs, f.name)
            if f.name == "widths":  # always set in a Writer table: no feature
                continue
            if f.name == "columns":
                out[f.name] = "auto" if value is None else "set"
            elif f.name in ("width", "table_width"):
                out[f.name] = "full" if value in ("100%", 1.0) else "narrow"
            else:
                out[f.name] = str(value)
        return out


def _show(value: object) -> str:
    """A knob's value in a label, shares rounded: enough to type the layout again."""
    if isinstance(value, tuple):
        return "(" + ",".join(f"{v:.3f}" if isinstance(v, float) else str(v) for v in value) + ")"
    return str(value).replace(" ", "_")


def draw_page(seed: int) -> Drawn:
    """A random browser layout: CSS values as people set them on a printed table."""
    rng = random.Random(f"chromium-{seed}")
    size = rng.choice([8, 8.5, 9, 9.5, 10, 10.5, 11])
    paper = rng.choice(["A4", "Letter"])
    landscape = rng.random() < 0.2
    width = 100 if rng.random() < 0.6 else rng.randrange(60 if landscape else 70, 96, 5)
    columns = None
    if rng.random() < 0.5:
        theme, report, paragraphs = (
            rng.randrange(17, 31),
            rng.randrange(24, 31),
            rng.randrange(15, 26),
        )
        columns = (theme, report, paragraphs, 100 - theme - report - paragraphs)
    page = Page(
        theme_align=rng.choice(["top", "middle", "bottom"]),
        font=rng.choice(
            ["serif", "sans-serif", "Liberation Serif", "Liberation Sans", "DejaVu Sans", "Arial"]
        ),
        size=f"{size:g}pt",
        rules=rng.choice(["grid", "rows", "header", "none"]),
        paper=f"{paper} landscape" if landscape else paper,
        width=f"{width}%",
        line_height=rng.choice(["normal", "1.0", "1.15", "1.2", "1.3", "1.5"]),
        padding=rng.choice(["0pt", "1pt", "2pt", "3pt", "4pt"]),
        place=rng.choice(["centre", "left"]),
        header_align=rng.choice(["top", "middle", "bottom"]),
        header_case=rng.choice(["none", "none", "uppercase", "small-caps"]),
        header_shading=rng.random() < 0.3,
        repeat_header=rng.random() < 0.8,
        zebra=rng.random() < 0.25,
        keep_rows=rng.random() < 0.3,
        text_align=rng.choice(["left", "left", "center", "justify"]),
        columns=columns,
        margin=rng.choice(["1.5cm", "2cm", "2.5cm", "1in"]),
        # Drawn last, so that the knobs above keep their values for every seed.
        soft_hyphens=rng.random() < 0.25,
    )
    return Drawn("chromium", page, seed)


def draw_writer(seed: int) -> Drawn:
    """A random Writer layout: the table and page dialogs' settings."""
    rng = random.Random(f"writer-{seed}")
    landscape = rng.random() < 0.2
    theme = rng.uniform(0.17, 0.3)
    report = rng.uniform(0.25, 0.3)
    paragraphs = rng.uniform(0.16, 0.25)
    writer = Writer(
        theme_align=rng.choice(["top", "middle", "bottom"]),
        header_align=rng.choice(["top", "middle", "bottom"]),
        header_bold=rng.random() < 0.8,
        repeat_header=rng.random() < 0.8,
        split_rows=rng.random() < 0.7,
        borders=rng.choice(["grid", "rows", "header", "none"]),
        font=rng.choice(
            [
                "Liberation Serif",
                "Liberation Serif",
                "Liberation Sans",
                "DejaVu Sans",
                "DejaVu Serif",
            ]
        ),
        size=rng.choice([8.0, 9.0, 10.0, 10.5, 11.0]),
        paper=rng.choice(["A4", "Letter"]),
        landscape=landscape,
        table_width=1.0
        if rng.random() < 0.6
        else round(rng.uniform(0.6 if landscape else 0.75, 0.95), 2),
        table_align=rng.choice(["margins", "center", "left"]),
        widths=(theme, report, paragraphs, 1.0 - theme - report - paragraphs),
        padding=rng.choice([0.0, 1.0, 2.0, 3.0, 4.0]),
        line_spacing=rng.choice([1.0, 1.0, 1.15, 1.5]),
        first_page=rng.random() < 0.4,
        links=rng.random() < 0.8,
        header_shading=rng.random() < 0.3,
        zebra=rng.random() < 0.25,
        cell_align=rng.choice(["start", "start", "center", "justify"]),
    )
    return Drawn("writer", writer, seed)


def check_pages(seeds: range, keep: Path | None = None) -> Iterator[Outcome]:
    """Each seed's browser layout printed by Chromium and read."""
    from tests.layouts.chromium_producer import print_pdf

    for seed in seeds:
        drawn = draw_page(seed)
        assert isinstance(drawn.knobs, Page)
        started = time.perf_counter()
        data = print_pdf(expected_table(), drawn.knobs)
        # The page prints the symbol and title, no UN job number.
        problems = read(data, f"chromium-{seed}.pdf", keep, job=False)
        yield Outcome(drawn, problems, time.perf_counter() - started)


def check_writer(seeds: range, keep: Path | None = None) -> Iterator[Outcome]:
    """Each seed's Writer layout printed (a batch per start of soffice) and read; a PDF
    lacking words of the table is reported as unprinted, not read."""
    from tests.layouts.libreoffice_producer import convert, document, unprinted

    table = expected_table()
    for start in range(seeds.start, seeds.stop, BATCH):
        batch = [draw_writer(seed) for seed in range(start, min(start + BATCH, seeds.stop))]
        started = time.perf_counter()
        documents = {}
        for drawn in batch:
            assert isinstance(drawn.knobs, Writer)
            documents[f"writer-{drawn.seed}"] = document(table, drawn.knobs)
        printed = convert(documents)
        share = (time.perf_counter() - started) / len(batch)
        for drawn in batch:
            started = time.perf_counter()
            data = printed[f"writer-{drawn.seed}"]
            missing = unprinted(data, table)
            if missing:
                if keep:
                    (keep / f"writer-{drawn.seed}.pdf").write_bytes(data)
                yield Outcome(drawn, [], share, unprinted=missing)
                continue
            problems = read(data, f"writer-{drawn.seed}.pdf", keep)
            yield Outcome(drawn, problems, share + time.perf_counter() - started)

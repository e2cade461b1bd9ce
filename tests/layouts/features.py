"""One layout of the index table: every feature a typesetter may vary is a parameter."""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass, fields, replace
from typing import Literal

Rules = Literal["grid", "rows", "header", "none", "shading"]
Align = Literal["top", "middle", "bottom"]


@dataclass(frozen=True)
class Variant:
    producer: Literal["reportlab", "fpdf"] = "reportlab"
    paper: Literal["A4", "Letter"] = "A4"
    landscape: bool = False
    font: Literal["serif", "sans"] = "serif"
    size: float = 10.0
    leading: float = 1.2
    # Table width as a share of the text block, and where it stands in it.
    table_width: float = 1.0
    table_place: Literal["left", "centre", "indent"] = "left"
    # Shares of the table width for theme, report, paragraphs, references.
    widths: tuple[float, float, float, float] = (0.22, 0.28, 0.22, 0.28)
    rules: Rules = "grid"
    theme_align: Align = "top"
    # Vertical alignment of the header cells spanning both header rows ("Thème", "Référence").
    header_align: Align = "top"
    header_case: Literal["normal", "upper", "smallcaps"] = "normal"
    # Where the header labels stand across their cells: a label centred or set flush right
    # starts well right of where the column's body text starts.
    header_align_h: Literal["left", "centre", "right"] = "left"
    shaded_header: bool = False
    repeat_header: bool = True
    # The theme name printed again at the top of the next page: no, as is, or with a mark.
    repeat_theme: Literal["no", "plain", "mark"] = "no"
    # Rows may break across pages (any cell split between pages).
    split_rows: bool = True
    # ReportLab only: a true row span for the theme cell, or the name in one row of its group.
    merge: Literal["span", "rows"] = "span"
    padding: float = 3.0
    spacer_rows: bool = False
    first_page: bool = False
    cell_align: Literal["left", "centre", "right"] = "left"
    report_style: Literal["same", "bold", "other"] = "same"
    # Report symbols broken after a slash in a column too narrow for them (ReportLab).
    report_wrap: bool = False
    links: bool = True
    seed: int = 0

    def label(self) -> str:
        base = Variant()
        changed = [
            f"{f.name}={getattr(self, f.name)}"
            for f in fields(self)
            if f.name not in ("seed", "widths") and getattr(self, f.name) != getattr(base, f.name)
        ]
        return f"seed={self.seed} " + " ".join(changed)

    def features(self) -> dict[str, str]:
        """Feature name to value, for the failure table."""
        out = {k: str(v) for k, v in asdict(self).items() if k not in ("seed", "widths")}
        out["table_width"] = "full" if self.table_width >= 1.0 else "narrow"
        return out


def draw(seed: int, producer: str | None = None) -> Variant:
    """A random layout; the same seed always gives the same layout. Features a producer
    cannot print are left at their defaults, so that the failure table is honest."""
    variant = _draw(seed, producer)
    if variant.merge == "rows" and variant.theme_align != "top":
        # A name in the middle or last row of its group is not centred or bottom-aligned on
        # the group (it stands beside that row's top like a group starting there): only a
        # span places it so.
        variant = replace(variant, merge="span")
    if variant.merge == "span":
        # Only the one-row-per-name form can repeat a name or split a row (see producer).
        variant = replace(variant, repeat_theme="no", split_rows=False)
    if variant.producer == "fpdf":
        # tests/pdf_factory.py prints: paper, font, size, leading, widths, rules, header.
        keep = ("producer", "paper", "font", "size", "leading", "widths", "repeat_header", "seed")
        base = Variant(producer="fpdf", split_rows=True, theme_align="top", rules="none")
        variant = replace(
            base,
            **{k: getattr(variant, k) for k in keep},
            rules="grid" if variant.rules in ("grid", "rows") else "none",
        )
    return variant


def _draw(seed: int, producer: str | None) -> Variant:
    rng = random.Random(seed)
    chosen = producer or rng.choice(["reportlab", "reportlab", "fpdf"])
    size = rng.choice([8.0, 9.0, 10.0, 11.0])
    landscape = rng.random() < 0.2
    theme = rng.uniform(0.17, 0.3)
    report = rng.uniform(0.25, 0.3)
    paragraphs = rng.uniform(0.16, 0.25)
    rest = 1.0 - theme - report - paragraphs
    return Variant(
        producer=chosen,  # type: ignore[arg-type]
        paper=rng.choice(["A4", "Letter"]),
        landscape=landscape,
        font=rng.choice(["serif", "sans"]),
        size=size,
        leading=rng.choice([1.0, 1.15, 1.2, 1.3, 1.5]),
        table_width=1.0
        if rng.random() < 0.6
        else round(rng.uniform(0.75 if not landscape else 0.6, 0.95), 2),
        table_place=rng.choice(["left", "centre", "indent"]),
        widths=(theme, report, paragraphs, rest),
        rules=rng.choice(["grid", "rows", "header", "none", "shading"]),
        theme_align=rng.choice(["top", "middle", "bottom"]),
        header_align=rng.choice(["top", "middle", "bottom"]),
        header_case=rng.choice(["normal", "normal", "upper", "smallcaps"]),
        shaded_header=rng.random() < 0.3,
        repeat_header=rng.random() < 0.8,
        repeat_theme=rng.choice(["no", "plain", "mark"]),
        split_rows=rng.random() < 0.7,
        merge=rng.choice(["span", "rows"]),
        # 0: no cell padding at all (with leading 1.0 and no rules, the tightest case).
        padding=rng.choice([0.0, 0.5, 1.0, 2.0, 3.0, 4.0]),
        spacer_rows=rng.random() < 0.25,
        first_page=rng.random() < 0.4,
        cell_align=rng.choice(["left", "left", "centre", "right"]),
        report_style=rng.choice(["same", "bold", "other"]),
        report_wrap=rng.random() < 0.15,
        links=rng.random() < 0.8,
        # Drawn last, so that the features above keep the values they had for each seed.
        header_align_h=rng.choice(["left", "left", "centre", "right"]),
        seed=seed,
    )

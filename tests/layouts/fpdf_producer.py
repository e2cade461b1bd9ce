"""The fpdf2 producer: tests/pdf_factory.py's word-processor layout, for the features it
prints (paper, font, size, leading, column widths, rules, header repetition). Its theme
cells are top-aligned and flow over page breaks line by line, rows split anywhere."""

from __future__ import annotations

from pipeline.languages import Language
from tests.layouts.features import Variant
from tests.pdf_factory import Layout, TableData, build_pdf


def build_fpdf(data: TableData, variant: Variant, language: Language) -> bytes:
    # pdf_factory refuses a word wider than its column: keep every column wide enough.
    least = (0.25, 0.28, 0.2, 0.27)
    raw = [max(w, low) for w, low in zip(variant.widths, least, strict=True)]
    widths = (raw[0] / sum(raw), raw[1] / sum(raw), raw[2] / sum(raw), raw[3] / sum(raw))
    layout = Layout(
        paper=variant.paper,
        font=variant.font,
        size=variant.size,
        widths=widths,
        ruled=variant.rules == "grid",
        repeat_header=variant.repeat_header,
        leading=variant.leading,
    )
    return build_pdf(data, layout, language)

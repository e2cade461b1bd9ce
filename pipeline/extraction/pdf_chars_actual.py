"""Marked content's /ActualText, for the pdfplumber engine.

A producer says, with `/Span << /ActualText (…) >> BDC … EMC`, what text the glyphs
inside stand for when their own mapping does not say it: Typst writes the hyphen it adds
where it hyphenates a word at a line end as a hyphen glyph whose actual text is a soft
hyphen (U+00AD), and the hyphen of a compound broken at the line end without one. pdfium
shows that text; pdfminer reads the glyphs. Here the first glyph of such a sequence
stands for the whole actual text and the others for nothing (they are left out), as a
reader copying the text gets it. The pdfium engine leaves such documents to this one.
"""

from __future__ import annotations

from typing import Any

from pdfminer.utils import decode_text


def actual_text(props: object) -> str | None:
    """The /ActualText of a marked-content property list given inline, or None."""
    if not isinstance(props, dict) or "ActualText" not in props:
        return None
    value = props["ActualText"]
    if isinstance(value, bytes):
        return decode_text(value)
    return value if isinstance(value, str) else None


def actual_text_device(rsrcmgr: Any, pageno: int, laparams: Any) -> Any:
    """pdfplumber's aggregating device (marked-content IDs on its objects), marking each
    glyph painted inside a sequence with /ActualText: `actual` holds the text the first
    glyph stands for, "" on the others (the outermost sequence's, where they nest)."""
    from pdfplumber.page import PDFPageAggregatorWithMarkedContent

    class ActualTextAggregator(PDFPageAggregatorWithMarkedContent):
        def __init__(self) -> None:
            super().__init__(rsrcmgr, pageno=pageno, laparams=laparams)
            # One entry per open marked-content sequence: [its actual text, given yet?].
            self.spans: list[list[Any]] = []

        def begin_tag(self, tag: Any, props: Any = None) -> None:
            super().begin_tag(tag, props)
            self.spans.append([actual_text(props), False])

        def end_tag(self) -> None:
            super().end_tag()
            if self.spans:
                self.spans.pop()

        def render_char(self, *args: Any, **kwargs: Any) -> float:
            adv: float = super().render_char(*args, **kwargs)
            span = next((s for s in self.spans if s[0] is not None), None)
            if span is not None and self.cur_item._objs:
                self.cur_item._objs[-1].actual = "" if span[1] else span[0]  # type: ignore[attr-defined]
                span[1] = True
            return adv

    return ActualTextAggregator()

"""pdfminer's page interpreter, keeping the clip that pdfminer drops (see `pdf_clip`).

pdfminer reads `W` and `W*` and does nothing; this interpreter keeps, in each glyph's
graphics state, the box bounding the clip in force when the glyph is painted, in
pdfminer's device space (the page's matrix applied, before pdfplumber's flip). As the PDF
reference has it: `W` marks the current path to narrow the clip when the painting
operator that ends the path runs; the clip is part of the graphics state, so `q` and `Q`
save and restore it; a form XObject is drawn inside the clip in force where it is
invoked, narrowed by its `/BBox`. Everything else is pdfminer's own reading, so the
glyphs, their boxes and their order are pdfplumber's.
"""

from __future__ import annotations

from typing import Any, cast

from pdfminer.pdfinterp import PDFGraphicState, PDFPageInterpreter, PDFStackT
from pdfminer.pdftypes import list_value, stream_value
from pdfminer.psparser import literal_name
from pdfminer.utils import apply_matrix_pt, mult_matrix

from pipeline.extraction.pdf_clip import extent, narrow
from pipeline.extraction.pdf_glyphs import Box


class ClipState(PDFGraphicState):
    """pdfminer's graphics state with the clip's box (None: the page is not clipped)."""

    clip: Box | None = None

    def copy(self) -> ClipState:
        obj = ClipState()
        obj.__dict__.update(self.__dict__)
        return obj


def clip_of(state: object) -> Box | None:
    """The clip a glyph was painted in (None when the state does not record one)."""
    return state.clip if isinstance(state, ClipState) else None


_PAINTING = ("S", "s", "f", "F", "f_a", "B", "B_a", "b", "b_a", "n")


class ClipInterpreter(PDFPageInterpreter):
    """A page interpreter whose graphics state carries the clip."""

    graphicstate: ClipState
    # The clip a form drawn by the next `Do` starts from (set by `do_Do` for `dup`).
    _inherited: Box | None = None
    _pending = False

    def dup(self) -> ClipInterpreter:
        interpreter = self.__class__(self.rsrcmgr, self.device)
        interpreter._inherited = self._inherited
        return interpreter

    def init_state(self, ctm: Any) -> None:
        super().init_state(ctm)
        self.graphicstate = ClipState()
        self.graphicstate.clip = self._inherited
        self._pending = False

    def do_W(self) -> None:  # noqa: N802 (pdfminer names a method by its operator)
        self._pending = True

    def do_W_a(self) -> None:  # noqa: N802
        self._pending = True

    def _take_clip(self) -> None:
        """The path just ended narrows the clip, if `W` marked it."""
        if not self._pending:
            return
        self._pending = False
        points = [
            apply_matrix_pt(self.ctm, (float(seg[i]), float(seg[i + 1])))
            for seg in self.curpath
            for i in range(1, len(seg) - 1, 2)
        ]
        box = extent(points)
        if box is not None:
            self.graphicstate.clip = narrow(self.graphicstate.clip, box)

    def do_Do(self, xobjid_arg: PDFStackT) -> None:  # noqa: N802
        """A form is drawn within the clip in force, narrowed by its bounding box."""
        clip = self.graphicstate.clip
        try:
            xobj = stream_value(self.xobjmap[literal_name(xobjid_arg)])
            x0, y0, x1, y1 = (float(v) for v in list_value(xobj["BBox"]))
            matrix = cast(Any, list_value(xobj.get("Matrix", (1, 0, 0, 1, 0, 0))))
            ctm = mult_matrix(matrix, self.ctm)
            corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
            box = extent(apply_matrix_pt(ctm, p) for p in corners)
            if box is not None:
                clip = narrow(clip, box)
        except Exception:  # no form, or one pdfminer will not draw either: as it is
            pass
        self._inherited = clip
        try:
            super().do_Do(xobjid_arg)
        finally:
            self._inherited = None


def _painting(op: str) -> Any:
    method = getattr(PDFPageInterpreter, f"do_{op}")

    def paint(self: ClipInterpreter) -> None:
        self._take_clip()
        method(self)

    paint.__name__ = f"do_{op}"
    paint.__doc__ = method.__doc__
    return paint


for _op in _PAINTING:
    setattr(ClipInterpreter, f"do_{_op}", _painting(_op))

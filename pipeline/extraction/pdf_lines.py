"""The pages' lines in reading order, once the row groups are read: each group's theme
lines before its rows, a repeated name set aside as furniture, rows whose name is printed
on the next page held until that name is read, and what decided each group (drawn by
`recindex debug`).
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.extraction.pdf_body import BodyRow
from pipeline.extraction.pdf_evidence import Block, squash
from pipeline.extraction.pdf_groups import Reading
from pipeline.extraction.pdf_page import PageReading
from pipeline.languages import Language
from pipeline.models import (
    BBox,
    Column,
    GroupBox,
    Line,
)
from pipeline.patterns import (
    goes_back,
    symbol_key,
)


def _is_repeat(text: str, names: Sequence[str], language: Language) -> bool:
    """The theme name printed again, alone or with a continuation mark before or after."""
    key = squash(text)
    for mark in language.theme.continued:
        folded = squash(mark)
        key = key.removesuffix(folded).removeprefix(folded)
    return not key or any(key == squash(name) for name in names if name)


# Why a theme line in a tight table is left to the theme-name grammar (`Cell.finding`).
_TIGHT = (
    "rows are set as close as the lines of a name and no rule or gap parts the groups, "
    "so only the wording tells a new name from a continued one"
)

_HELD = (
    "the rows before it, at the foot of the previous page, stand beside no name: read as "
    "this name's first rows, they could also end the theme above"
)


def _report(lines: Sequence[Line], last: bool = False) -> str | None:
    """The report symbol of the first (or last) row among these lines."""
    found = (cell.text for line in lines for cell in line.cells if cell.column is Column.REPORT)
    reports = list(found)
    return (reports[-1] if last else reports[0]) if reports else None


def _goes_back(held: Sequence[Line], rows: Sequence[Line]) -> bool:
    """Whether the first of `rows` sorts before (or with) the last of `held`: one theme
    cannot list them in that order, so the held rows end the theme above."""
    before, after = _report(held, last=True), _report(rows)
    return (
        before is not None
        and after is not None
        and goes_back(symbol_key(before), symbol_key(after))
    )


def page_lines(
    pages: Sequence[PageReading], reading: Reading, language: Language
) -> tuple[list[Line], dict[int, tuple[GroupBox, ...]]]:
    """Every table line in reading order: each group's theme lines before its rows, a
    repeated name set aside as furniture, a group whose name is printed on the next page
    held until that name is read."""
    out: list[Line] = []
    boxes: dict[int, tuple[GroupBox, ...]] = {}
    names: list[str] = []  # what the current theme's name may be, as far as read
    held: list[Line] = []  # rows of a group whose name is on the next page
    fitted = iter(reading.pages)
    for page in pages:
        out.extend(page.plain_lines())
        if page.table is None:
            continue
        found = next(fitted)
        if found.repeat is not None:
            out.extend(page.repeat_lines(found.repeat))
        # Lines above the page's first row end the previous page's last row: after the
        # rows held for a name, when there are some, since that row is the last of them.
        (held if held else out).extend(page.row_lines(page.lead))
        drawn: list[GroupBox] = []
        last = len(found.groups) - 1
        for index, group in enumerate(found.groups):
            rows = [r for rs in page.rows[group.start : group.end] for r in rs]
            block, reason, finding = group.block, group.reason, group.finding
            if block is None and index == last and index > 0:
                held.extend(page.row_lines(rows))  # its name is on the next page
                drawn.append(_box(page, rows, None, "name on next page", finding))
                continue
            if block is None:
                reason = "page" if index == 0 else reason
            elif index == 0 and held and _goes_back(held, page.row_lines(rows)):
                out.extend(held)  # back in report order: they end the theme above
                held.clear()
                reason = "order"
                out.extend(page.theme_lines(block, True, finding))
                names = [block.text]
            elif index == 0 and held:
                # A new name, or the rest of the name above (a cell split by the page
                # break, its name set at the foot and the top): left to the grammar.
                reason = "name on next page"
                out.extend(page.theme_lines(block, None, finding or _HELD))
                names = [*(f"{name} {block.text}" for name in names), block.text]
            elif index == 0 and names:
                if _is_repeat(block.text, names, language):
                    reason = "repeat"
                    out.extend(page.repeat_lines(block))
                elif group.end == 0:
                    # Above the page's first row: no cell starts above its first row.
                    reason = "above first row"
                    out.extend(page.theme_lines(block, False, finding))
                    names = [f"{name} {block.text}" for name in names]
                else:
                    reason = "grammar"
                    out.extend(page.theme_lines(block, None, finding))
                    names = [*(f"{name} {block.text}" for name in names), block.text]
            elif group.grammar:
                # Level with a row top in a tight table: a new name or the same one?
                out.extend(page.theme_lines(block, None, finding or _TIGHT))
                names = [*(f"{name} {block.text}" for name in names), block.text]
            else:
                out.extend(page.theme_lines(block, True, finding))
                names = [block.text]
            out.extend(held)  # rows held for a name; kept with the current theme if none came
            held.clear()
            out.extend(page.row_lines(rows))
            drawn.append(_box(page, rows, block, reason, finding))
        boxes[page.content.number] = tuple(drawn)
    out.extend(held)
    return out, boxes


def _box(
    page: PageReading,
    rows: Sequence[BodyRow],
    block: Block | None,
    reason: str,
    finding: str | None,
) -> GroupBox:
    parts = [part for row in rows for part in row.parts.values()]
    parts += block.lines if block else []
    assert page.table is not None
    top = min((p.top for p in parts), default=0.0)
    bottom = max((p.bottom for p in parts), default=0.0)
    left = page.table.lefts[Column.THEME]
    return GroupBox(
        bbox=BBox(x0=left, top=top, x1=max(page.right, left), bottom=max(bottom, top)),
        reason=reason,
        finding=finding,
    )

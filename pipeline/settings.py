"""Every geometric tolerance and threshold of the PDF path, in one documented object.

Like pdfplumber's `TableSettings`, this is where a reader looks up why a distance is what
it is. Distances are in units of the font size of the words concerned (never in points,
so that 8 pt and 11 pt editions read alike) unless the name says `_pt`. Each default says
what layouts it was set against; a change here must keep `make test` and `make layouts`
green.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LayoutSettings:
    # --- glyphs to words (pdf_chars) --------------------------------------------------------
    # pdfplumber's own `x_tolerance` / `y_tolerance` for `extract_words`, in points: the
    # words must be the ones pdfplumber gives, so that both engines agree glyph for glyph.
    word_tolerance_pt: float = 3.0
    # Two different letters overlapping by more than this share of the size are printed
    # over each other: kerning never tucks one under another by more than about 0.2.
    overprint: float = 0.3
    # Two glyphs that overlap by more than this share of the size, drawn out of order (the
    # right one first) or off each other's line by as much, are two texts'
    # (`pdf_words._another_text`): adjacent glyphs of one text meet exactly, or overlap by
    # a rounding error, or by kerning on one baseline.
    overlap_hair: float = 0.05
    # A gap between two glyphs of one word wider than this share of the size is not a gap
    # between letters (kerning moves a letter by a twentieth at most): two cells' texts
    # set closer than pdfplumber's 3 pt run together there.
    cell_gap: float = 0.08
    # How far from a column's edge (in font sizes) a seam inside a word may stand to cut
    # the word there: two cells' texts set with no padding touch (pdf_layout).
    seam_reach: float = 0.25
    # Small capitals share the baseline with the capital before them, whose bottom (the
    # glyph box of a taller size) stands lower by at most this share of the size.
    small_caps_drop: float = 0.25
    # The widest gap between two words of running text, in font sizes (a justified line
    # stretches its spaces to about this).
    word_gap: float = 1.0
    # Two words of one column's line overlapping by more than this many points are one
    # word (`pdf_body.ColumnLine.text`): more than the engines' rounding, less than the
    # kerning that tucks "." under "V".
    touch_pt: float = 0.01
    # How far (in font sizes) two words set level with each other may differ in top: a
    # baseline's jitter, a glyph of another font.
    jitter: float = 0.1
    # A word printed at one place on at least this share of the pages (and three) is page
    # furniture, wherever it stands.
    repeated_share: float = 0.6

    # --- words to lines (pdf_layout) --------------------------------------------------------
    # Words of one printed line differ in top by a fraction of their size (baseline
    # jitter, a bold or italic run, a symbol in another font); successive lines differ by at
    # least one size even at the tightest leading a word processor allows (1.0 lines).
    same_line: float = 0.4
    # A report symbol broken over more lines than this in a narrow column is not joined
    # again: a column three characters wide breaks it at every slash and dot (five lines).
    symbol_lines: int = 6
    # How far left of a header label a cell's text may start and still be in the label's
    # column: labels are centred or padded differently from body text.
    column_slack: float = 0.3
    # Words whose left edges lie within this many points start at the same place (one
    # column's flush-left edge, `pdf_columns`): a typesetter places them at one x, and
    # both engines round glyph origins to well under a point.
    column_edge_pt: float = 0.5
    # A column shows how its text is set (`pdf_columns._set_flush_end`) when at least this
    # many lines end at its label's end or start at its start; it is set flush with its
    # end when this many times more end there than start there. A column then starts at
    # the label before it ends when this many times more lines end there than words run
    # across that place.
    flush_lines: int = 5
    flush_share: float = 3.0
    # How many label heights below the theme label the other labels may sit: a narrow
    # header wraps a long label ("Référence dans le document CTOC/COP/WG.4/2019/5 (par.)")
    # over as many as nine lines at 1.5 line spacing.
    header_span: float = 14.0
    # The words of one multi-word label are looked for within (words + 3) lines of its
    # first word, a line being this many sizes: 1.5 line spacing plus rounding.
    label_line_pitch: float = 1.6

    # --- rules across the theme column (pdf_groups) ---------------------------------------
    # A filled rectangle taller than this many points and not stroked is shading (a row's
    # or a cell's background), its edges no rule drawn between cells; a thinner one is a
    # rule drawn as a filled rectangle, as word processors draw borders.
    band_pt: float = 2.0
    # A horizontal rule separates two theme cells when it spans the theme column but for
    # this share of the column's width at each end (cell padding, rules drawn per cell).
    rule_reach: float = 0.25
    # A rule counts as between two lines when it lies within this many points of them
    # (rules are drawn on the cell border, half a leading away from the text).
    rule_slop_pt: float = 1.0
    # With no cell padding a producer may set a cell's last baseline on its lower border
    # (ReportLab does), so the rule under the cell runs through the descenders of its last
    # line: a rule this share of the size above the bottom of the upper line still lies
    # between the two lines (descents are 0.21-0.24 of the size in Times, Arial, DejaVu;
    # a rule higher than that would cross the letters themselves).
    rule_descent: float = 0.3

    # --- row groups (pdf_groups) ------------------------------------------------------------
    # Two theme lines are in different cells when the gap between them exceeds the usual
    # leading of a cell by this share of the font size: a typesetter spaces the lines of one
    # cell exactly alike, and even the tightest padding (0.5 pt above and below) adds 1 pt.
    block_gap: float = 0.06
    # ...or by this many points, whichever is more: a browser sets lines on its pixel grid
    # (a CSS pixel is 0.75 pt), so the lines of one cell at a fractional line height are
    # spaced a pixel apart from each other; 0.8 pt still stays under the tightest padding.
    block_gap_pt: float = 0.8
    # A theme line whose box overlaps the line above by more than this share of the size
    # (beyond the cell leading) is painted over it, another cell's: a line with a glyph
    # of a taller fallback font overlaps its neighbours by a tenth; a browser's overflow
    # painted over the next cell, by a quarter and more.
    crowd: float = 0.2
    # A gap between two rows wider than the usual gap between rows by this share of the
    # font size separates groups (spacer rows, extra padding, a theme taller than its rows).
    group_gap: float = 0.5
    # What such a gap, or a rule across the theme column, costs inside one group, in font
    # sizes of misfit: more than any alignment error a real group shows.
    wide_gap_cost: float = 2.0
    # A report sorting before the one above it, inside one group, costs this much: a theme
    # lists its reports in order, once each, so the step is a boundary. It weighs more
    # than the largest misfit counted (`misfit_cap`): Writer sets some names a row or more
    # off their alignment (at the top of a bottom-aligned cell), and reading such a name
    # as fitting fewer rows would put a step back in the next group. It weighs less than a
    # misfit plus a wide gap, and a source that misorders a theme is still reported
    # (`report-order`) wherever the layout keeps the rows together.
    order_cost: float = 3.5
    # A group's misfit counts at most this much, so that one odd page (a producer's quirk)
    # cannot outweigh every other page when the document's alignment is chosen.
    misfit_cap: float = 3.0
    # A group without a theme block (its name on the previous or next page) costs this
    # much, so that rows are given to a block beside them when both readings fit.
    blockless_cost: float = 0.1
    # Another boundary that fits within this many font sizes of the chosen one makes the
    # boundary uncertain: the row gets a finding.
    ambiguity_margin: float = 0.1
    # In a tight table (rows as close as the lines of a cell), a theme line may start
    # another name where its top is this close (in sizes) to a row's top: both cells then
    # have the same padding and font, so their first lines stand level but for baseline
    # jitter; a line of a longer name beside that row is rarely so exactly level.
    tight_level: float = 0.15


SETTINGS = LayoutSettings()


@dataclass(frozen=True)
class Limits:
    """Bounds on what one cell may expand to, so that no input makes the work unbounded.

    The largest real enumeration in the 2019 index expands to 15 items and the highest
    paragraph cited is below 200; a report has never had 1,000 paragraphs. A cell past
    these bounds is kept as printed, unexpanded, with an error finding."""

    # Items one cell may expand to ("1 à 99999999" would be a hundred million objects).
    max_items: int = 1_000
    # The highest paragraph number read; longer digit strings are refused before `int()`
    # is called, so Python's limit on digit strings is never reached.
    max_number: int = 100_000
    # Links × rows above which a URI block is aligned greedily (in order, each link with the
    # next row of its report) instead of by the exact alignment, whose time and memory go
    # with the product: a real page has some 30 rows and 60 links (1,800); a dump whose
    # whole record stands in one block would otherwise take hours.
    max_alignment_cells: int = 2_000_000


LIMITS = Limits()


@dataclass(frozen=True)
class PageSettings:
    """The HTML page (`recindex html`): how a finding's row is cut out of the PDF page."""

    # Pixels per PDF point for the row images: 2 (144 dpi) keeps 10 pt text sharp on an
    # ordinary and a high-density screen alike, at about 10-30 kB per row image.
    image_scale: float = 2.0
    # CSS pixels per point the row images are shown at: 96/72 is the printed size at
    # 100 % zoom, so the row reads like the page it was cut from.
    image_display: float = 96 / 72
    # Room kept around the row's cells, in points, so that the rules and the neighbouring
    # rows' edges show where the row sits in the table.
    crop_margin_pt: float = 6.0
    # The outline drawn around the cell a finding concerns: a few points outside the
    # text, so the stroke never covers a glyph; the stroke width is in pixels.
    outline_margin_pt: float = 1.5
    outline_width_px: int = 3


PAGE_SETTINGS = PageSettings()

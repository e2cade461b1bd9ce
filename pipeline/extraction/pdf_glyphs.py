"""What an engine reads off a page, before any layout: glyphs, words, rules and links as
plain tuples in pdfplumber's page coordinates, and the notes that grouping glyphs into
words takes of what the words themselves do not keep (letters printed over letters,
gaps and seams inside a word, the texts a word mixes). Both engines (`pdf_chars`,
`pdf_pdfium`) produce a `RawPage`; `pdf_pages` reads it.
"""

from __future__ import annotations

import itertools
import unicodedata
from dataclasses import dataclass, field

from pipeline.settings import SETTINGS

# pdfplumber's ligatures, expanded as its extract_words does.
# The seven Latin ligatures of Alphabetic Presentation Forms (U+FB00 ff to U+FB06 st),
# each to its letters (NFKC), as pdfplumber expands them.
LIGATURES = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}

# A glyph as pdfplumber places it: (text, x0, top, x1, bottom, upright).
Glyph = tuple[str, float, float, float, float, bool]
# A word or a rule, in the same page coordinates.
WordBox = tuple[str, float, float, float, float]
# A horizontal edge: x0, x1, y, and whether it is an edge of shading (`pdf_layout.Rule`).
RuleBox = tuple[float, float, float, bool]
# A place on the page: (x0, top, x1, bottom).
Box = tuple[float, float, float, float]
# Where a word may be cut in two (`Notes.cuts`): the end of the glyph before, the start of
# the glyph after, and the length of the word's text before the cut.
Cut = tuple[float, float, int]
# A link annotation: (x0, top, x1, bottom, uri).
LinkBox = tuple[float, float, float, float, str]


@dataclass(frozen=True)
class RawPage:
    """One page as an engine reads it: words, horizontal rules (x0, x1, y) and links."""

    width: float
    height: float
    words: list[WordBox]
    rules: list[RuleBox]
    links: list[LinkBox]
    # Where two different letters are printed over each other (`words`): text set on top
    # of other text, whose letters the words mix.
    overprints: list[Box] = field(default_factory=list)
    # For each word, where it may be cut (`Notes.cuts`).
    cuts: list[tuple[Cut, ...]] = field(default_factory=list)
    # For each word, every boundary between two of its glyphs (`Notes.seams`), unrounded:
    # not compared, as the engines may differ in the last bit inside a word.
    seams: list[tuple[Cut, ...]] = field(default_factory=list, compare=False)
    # For each word whose letters mix texts drawn apart (`Notes.layers`), the words of
    # each text; empty for the others.
    layers: list[tuple[tuple[WordBox, ...], ...]] = field(default_factory=list)
    # For each word, whether the printed word goes on in the next one (`_hidden_blank`).
    glued: list[bool] = field(default_factory=list)
    # The seams of each word of `layers`, unrounded (not compared, as `seams`).
    layer_seams: list[tuple[tuple[tuple[Cut, ...], ...], ...]] = field(
        default_factory=list, compare=False
    )
    # Glyphs painted outside their clip (`pdf_clip`): in the file, not on the page.
    hidden: list[Glyph] = field(default_factory=list)
    # Where some are: the page read from all its glyphs, for its header (`pdf_clip`).
    unclipped: RawPage | None = None
    # Glyphs shown whose text the file does not give (`pdf_clip.unmapped`): x0, top, x1,
    # bottom.
    unmapped: list[Box] = field(default_factory=list)


@dataclass
class Notes:
    """What grouping glyphs into words sees and the words do not keep: letters printed
    over letters, and, for each word in order, the gaps inside it wider than a gap
    between letters (`cell_gap`), where two cells' texts set closer than pdfplumber's
    3 pt tolerance were run into one word; `pdf_layout` cuts a word there when the
    column edge falls in the gap. The seams are every boundary between two glyphs of a
    word, gap or none: where the texts of two cells set with no padding at all touch,
    no gap shows the edge, and `pdf_layout` cuts at the seam nearest the column's edge.
    Seams are kept unrounded (they are rounded when a word is cut at one). A word whose
    letters are printed over other letters gets its layers (`_layers`)."""

    overprints: list[Box] = field(default_factory=list)
    cuts: list[tuple[Cut, ...]] = field(default_factory=list)
    seams: list[tuple[Cut, ...]] = field(default_factory=list)
    layers: list[tuple[tuple[WordBox, ...], ...]] = field(default_factory=list)
    layer_seams: list[tuple[tuple[tuple[Cut, ...], ...], ...]] = field(default_factory=list)
    glued: list[bool] = field(default_factory=list)

    def page(
        self,
        width: float,
        height: float,
        found: list[WordBox],
        rules: list[RuleBox],
        links: list[LinkBox],
        hidden: list[Glyph] | None = None,
        unclipped: RawPage | None = None,
        unmapped: list[Box] | None = None,
    ) -> RawPage:
        """The page as an engine read it, with what these notes saw of its words (the
        words grouped with these notes), the glyphs its clips hide and the glyphs shown
        without text."""
        return RawPage(
            width,
            height,
            found,
            rules,
            links,
            self.overprints,
            self.cuts,
            self.seams,
            self.layers,
            self.glued,
            self.layer_seams,
            hidden or [],
            unclipped,
            unmapped or [],
        )

    def nothing(self, count: int) -> None:
        """Empty notes for `count` words (rotated text: no cell is cut or read apart)."""
        for _ in range(count):
            self.cuts.append(())
            self.seams.append(())
            self.layers.append(())
            self.layer_seams.append(())
            self.glued.append(False)

    def word(
        self,
        glyphs: list[Glyph],
        layers: tuple[tuple[WordBox, ...], ...] = (),
        layer_seams: tuple[tuple[tuple[Cut, ...], ...], ...] = (),
    ) -> None:
        self.layers.append(layers)
        self.layer_seams.append(layer_seams)
        found: list[Cut] = []
        seams: list[Cut] = []
        length = len(LIGATURES.get(glyphs[0][0], glyphs[0][0]))
        for before, glyph in itertools.pairwise(glyphs):
            seams.append((before[3], glyph[1], length))
            if glyph[1] - before[3] > SETTINGS.cell_gap * (glyph[4] - glyph[2]):
                # To a thousandth of a point: the engines agree on a word's ends to the
                # last bit, but may differ in the last bit inside it.
                found.append((round(before[3], 3), round(glyph[1], 3), length))
            length += len(LIGATURES.get(glyph[0], glyph[0]))
        self.cuts.append(tuple(found))
        self.seams.append(tuple(seams))

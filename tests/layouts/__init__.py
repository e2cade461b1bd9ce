"""A seeded random corpus of layouts of the French index, from two producers.

`features.Variant` is one layout, every feature of issue 10 a parameter; `draw()` picks
them from a seed. `reportlab_producer` typesets with ReportLab's platypus `Table` (its
engine wraps, spans and splits rows on its own); `fpdf_producer` places every line itself
(full control over vertical alignment, repeated theme names, header spans). `check`
runs the pipeline on a variant and compares with `expected_table()`. Two unseen producers
stand beside them: `chromium_producer` (a browser printing an HTML table) and
`libreoffice_producer` (Writer printing the table typed as a Writer document), each with a
fixed sample in the tests and random layouts in `make layouts` (`unseen` draws their knobs).
"""

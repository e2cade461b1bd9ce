"""The `recindex` command line: a thin layer over `pipeline.api`.

`commands` defines the commands, `render` prints findings and differences for a person,
`batch` runs many files in parallel, `draw` makes the debug picture of a page, and
`html` (with `html_words`, `html_findings`, `html_matrix`, `html_images` and `assets/`)
writes the index as one self-contained page.
"""

from pipeline.cli.commands import app, main

__all__ = ["app", "main"]

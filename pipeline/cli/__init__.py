"""The `recindex` command line: a thin layer over `pipeline.api`.

`commands` defines the commands, `render` prints findings and differences for a person,
`batch` runs many files in parallel, `draw` makes the debug picture of a page.
"""

from pipeline.cli.commands import app, main

__all__ = ["app", "main"]

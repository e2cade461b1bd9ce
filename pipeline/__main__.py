"""`python -m pipeline` is the `recindex` command."""

from pipeline.cli.commands import main

main()

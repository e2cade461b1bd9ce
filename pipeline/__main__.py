"""`python -m pipeline` is the `recindex` command."""

from pipeline.cli import main

main()

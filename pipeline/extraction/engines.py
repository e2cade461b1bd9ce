"""The PDF engines' names, importable without loading either engine (for `--help`)."""

from __future__ import annotations

from typing import Literal

# pdfium is read through pypdfium2's copy of it (`pdf_pdfium`); pdfplumber through
# pdfminer's layout (`pdf_chars`). Both give the same words, rules and links.
Engine = Literal["pdfium", "pdfplumber"]
ENGINES: tuple[Engine, ...] = ("pdfium", "pdfplumber")
# The faster one: pdfium interprets pages in C, pdfminer in Python.
DEFAULT_ENGINE: Engine = "pdfium"

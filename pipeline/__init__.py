"""recindex: UN thematic indexes of recommendations as exact, validated data.

    >>> from pipeline import extract
    >>> document = extract("sources/CTOC_COP_WG.4_2019_4_fr.pdf")
    >>> len(document.themes)
    78

The names below are loaded on first use (PEP 562), so that `import pipeline` and the
`recindex --help` it precedes stay instant: pydantic models and pdfplumber are imported
only when a function or model is asked for.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Public name -> the module that defines it.
_EXPORTS = {
    "extract": "pipeline.api",
    "load": "pipeline.api",
    "validate": "pipeline.api",
    "diff": "pipeline.api",
    "compare": "pipeline.api",
    "save": "pipeline.api",
    "run": "pipeline.api",
    "Run": "pipeline.api",
    "IndexDocument": "pipeline.models",
    "Theme": "pipeline.models",
    "Entry": "pipeline.models",
    "Paragraph": "pipeline.models",
    "Reference": "pipeline.models",
    "Diagnostic": "pipeline.models",
    "Severity": "pipeline.models",
    "DocumentDiff": "pipeline.comparison.versions",
    "Comparison": "pipeline.comparison.editions",
    "InputError": "pipeline.errors",
}

__all__ = [
    "Comparison",
    "Diagnostic",
    "DocumentDiff",
    "Entry",
    "IndexDocument",
    "InputError",
    "Paragraph",
    "Reference",
    "Run",
    "Severity",
    "Theme",
    "__version__",
    "compare",
    "diff",
    "extract",
    "load",
    "run",
    "save",
    "validate",
]

if TYPE_CHECKING:
    from pipeline.api import Run, compare, diff, extract, load, run, save, validate
    from pipeline.comparison.editions import Comparison
    from pipeline.comparison.versions import DocumentDiff
    from pipeline.errors import InputError
    from pipeline.models import (
        Diagnostic,
        Entry,
        IndexDocument,
        Paragraph,
        Reference,
        Severity,
        Theme,
    )


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
    value = getattr(import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)

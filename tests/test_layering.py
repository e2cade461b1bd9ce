"""The package's folders are its stages, in data-flow order, and no module imports a
later stage: what a stage needs from another is passed in, never fetched from downstream.

The order is written out here by hand (it is the README's architecture table); the test
reads every import statement of every module, including imports inside functions.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.paths import ROOT

PACKAGE = ROOT / "pipeline"

# Layer of each top-level part of `pipeline`, lowest first. Equal layers may import each
# other; a module may import only its own layer or lower ones.
LAYERS: dict[str, int] = {
    "errors": 0,
    "settings": 0,
    "patterns": 0,
    "models": 0,
    "languages": 1,
    "extraction": 2,
    "clean": 3,
    "reassemble": 4,
    "normalize": 5,
    "validation": 6,
    "export": 7,
    "comparison": 8,
    "api": 9,
    "cli": 10,
    "__main__": 10,
}


def _part(module: str) -> str:
    """'pipeline.extraction.pdf' -> 'extraction'."""
    return module.split(".")[1]


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p != PACKAGE / "__init__.py")


def _imports(path: Path) -> list[str]:
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
    return [name for name in found if name.startswith("pipeline.")]


def test_every_part_has_a_layer() -> None:
    parts = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in _modules()}
    assert parts <= set(LAYERS), parts - set(LAYERS)
    assert set(LAYERS) <= parts | {"__main__"}


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_a_later_stage(path: Path) -> None:
    own = LAYERS[path.relative_to(PACKAGE).parts[0].removesuffix(".py")]
    later = [name for name in _imports(path) if LAYERS[_part(name)] > own]
    assert later == []


def test_the_package_root_imports_nothing_eagerly() -> None:
    """`import pipeline` (which `recindex --help` does) must not load the stages."""
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    eager = [
        node
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("pipeline")
    ]
    assert eager == []

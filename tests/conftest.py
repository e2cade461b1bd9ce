"""Shared fixtures: the embedded sources, and the text path run once per session."""

from __future__ import annotations

import pytest

from pipeline.normalize.language import Language, get_language
from pipeline.run import Run, run
from tests.paths import TEXT_DUMP


@pytest.fixture(scope="session")
def french() -> Language:
    return get_language("fr")


@pytest.fixture(scope="session")
def text_run() -> Run:
    return run(TEXT_DUMP)

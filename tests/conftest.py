"""Shared fixtures: the embedded sources, each path run once per session, their pages."""

from __future__ import annotations

import pytest

from pipeline.api import Run, run
from pipeline.languages import Language, get_language
from pipeline.models import IndexDocument
from tests.paths import SHARED_PDF, TEXT_DUMP


@pytest.fixture(scope="session")
def french() -> Language:
    return get_language("fr")


@pytest.fixture(scope="session")
def text_run() -> Run:
    return run(TEXT_DUMP)


@pytest.fixture(scope="session")
def pdf_run() -> Run:
    return run(SHARED_PDF)


@pytest.fixture(scope="session")
def pdf_page(pdf_run: Run) -> bytes:
    """The HTML page of the shared PDF, findings pictured from its pages."""
    from pipeline.cli.html import page_for

    return page_for(pdf_run.index, SHARED_PDF)


@pytest.fixture(scope="session")
def text_page(text_run: Run) -> bytes:
    """The HTML page of the French text dump (no pictures: no page to cut them from)."""
    from pipeline.cli.html import page_for

    return page_for(text_run.index, TEXT_DUMP)


@pytest.fixture(scope="session")
def old(text_run: Run) -> IndexDocument:
    """The current version, for the version tests: the French text dump."""
    return text_run.index


@pytest.fixture(scope="session")
def new(tmp_path_factory: pytest.TempPathFactory) -> IndexDocument:
    """A synthetic next version of the document (see tests/next_version.py)."""
    from tests.next_version import write_next_version

    return run(write_next_version(tmp_path_factory.mktemp("next"))).index

"""Fixtures for the attribution extractor tests: one real spaCy pipeline per session."""

from __future__ import annotations

import pytest

from graph.model import Article, Attribution
from loaders.nlp import Extractor
from tests.loaders.nlp.helpers import Extract


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def extract(extractor: Extractor) -> Extract:
    """Attributions of ``text`` (an article of its own, with an optional outlet)."""

    def run(text: str, outlet: str | None = None) -> list[Attribution]:
        return extractor.extract(Article.create(text=text, outlet=outlet))

    return run

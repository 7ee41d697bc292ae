"""Fixtures for the attribution extractor tests: one real spaCy pipeline per session."""

from __future__ import annotations

import pytest

from graph.model import Article, Attribution
from loaders.nlp import Extractor
from tests.loaders.nlp.helpers import Extract


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The rules engine: the rule tests pin what each rule finds on its own."""
    return Extractor(engine="rules")


@pytest.fixture(scope="session")
def learned_extractor() -> Extractor:
    return Extractor(engine="learned")


def _runner(extractor: Extractor) -> Extract:
    def run(text: str, outlet: str | None = None) -> list[Attribution]:
        return extractor.extract(Article.create(text=text, outlet=outlet))

    return run


@pytest.fixture(scope="session")
def extract(extractor: Extractor) -> Extract:
    """Attributions of ``text`` (an article of its own, with an optional outlet), rules engine."""
    return _runner(extractor)


@pytest.fixture(scope="session", params=["rules", "learned"])
def either_extract(request: pytest.FixtureRequest, extractor: Extractor) -> Extract:
    """The same, once with each engine."""
    if request.param == "rules":
        return _runner(extractor)
    return _runner(request.getfixturevalue("learned_extractor"))

"""The Extractor API: model choice, errors, batches, worker processes."""

from __future__ import annotations

import pytest

from graph.errors import ModelError
from graph.model import Article
from loaders.nlp import Extractor, load_model
from loaders.nlp.models import DEFAULT_MODEL, ENV_VAR, model_name


def test_missing_model_raises_model_error_naming_it() -> None:
    with pytest.raises(ModelError, match=r"no_such_model_xyz.*install"):
        Extractor(model="no_such_model_xyz")


def test_model_name_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, "en_core_web_md")
    assert model_name() == "en_core_web_md"
    monkeypatch.delenv(ENV_VAR)
    assert model_name() == DEFAULT_MODEL


def test_load_model_is_cached() -> None:
    assert load_model() is load_model(DEFAULT_MODEL)


ARTICLES = [
    Article.create(text=f"Ana Ruiz said pier {i} was safe.", url=f"https://example.org/{i}")
    for i in range(5)
]


def test_extract_many_keeps_input_order(extractor: Extractor) -> None:
    out = list(extractor.extract_many(ARTICLES, batch_size=2))
    assert [article.id for article, _ in out] == [a.id for a in ARTICLES]
    assert all(atts[0].article_id == article.id for article, atts in out)
    assert [atts[0].content.text for _, atts in out if atts[0].content] == [
        f"pier {i} was safe" for i in range(5)
    ]


def test_extract_many_is_lazy(extractor: Extractor) -> None:
    def articles():  # type: ignore[no-untyped-def]
        yield ARTICLES[0]
        raise AssertionError("read past the first article")

    first = next(iter(extractor.extract_many(articles(), batch_size=1)))
    assert first[0] is ARTICLES[0]


@pytest.mark.slow
def test_extract_many_with_two_processes_matches_one(extractor: Extractor) -> None:
    one = [(a.id, atts) for a, atts in extractor.extract_many(ARTICLES)]
    two = [(a.id, atts) for a, atts in extractor.extract_many(ARTICLES, processes=2)]
    assert one == two


def test_records_carry_offsets_into_the_text(extractor: Extractor) -> None:
    article = Article.create(text="Ana Ruiz said the pier was safe.", origin="a.txt")
    [a] = extractor.extract(article)
    rec = a.to_record("a.txt")
    assert rec["source"]["name"] == "Ana Ruiz"
    assert article.text[rec["content"]["start"] : rec["content"]["end"]] == rec["content"]["text"]

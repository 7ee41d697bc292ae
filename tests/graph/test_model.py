from __future__ import annotations

import pytest

from graph.model import Article, Attribution, AttributionKind, Mention, Source, SourceType, Span


def _attribution(article: Article) -> Attribution:
    text = article.text
    return Attribution(
        article_id=article.id,
        source=Mention(
            span=Span.of(text, 0, 10),
            source=Source(name="Ana Varela", type=SourceType.PERSON, role="mayor"),
        ),
        via=(),
        cue=Span.of(text, 11, 15),
        content=Span.of(text, 16, len(text) - 1),
        sentence=Span.of(text, 0, len(text)),
    )


def test_same_url_gives_same_article_id_whatever_the_text() -> None:
    a = Article.create(text="one", url="https://example.org/x")
    b = Article.create(text="two", url="https://example.org/x")
    assert a.id == b.id
    assert a.content_hash != b.content_hash


def test_article_without_url_is_identified_by_its_text() -> None:
    assert Article.create(text="same").id == Article.create(text="same").id
    assert Article.create(text="same").id != Article.create(text="other").id


def test_attribution_record_carries_spans_and_resolved_names() -> None:
    article = Article.create(text="Ana Varela said the bridge opens.", origin="a.txt")
    record = _attribution(article).to_record("a.txt")
    assert record["source"] == {
        "text": "Ana Varela",
        "start": 0,
        "end": 10,
        "name": "Ana Varela",
        "type": "person",
        "role": "mayor",
        "resolution": 1.0,
    }
    assert record["cue"] == {"text": "said", "start": 11, "end": 15}
    assert record["content"]["text"] == "the bridge opens"
    assert record["kind"] == "statement"
    assert record["via"] == []


def test_attribution_id_is_deterministic_and_span_sensitive() -> None:
    article = Article.create(text="Ana Varela said the bridge opens.")
    first = _attribution(article)
    assert first.id == _attribution(article).id
    other = Attribution(
        article_id=article.id,
        source=None,
        via=(),
        cue=Span.of(article.text, 11, 15),
        content=Span.of(article.text, 16, 22),
        sentence=Span.of(article.text, 0, len(article.text)),
        kind=AttributionKind.DENIAL,
    )
    assert other.id != first.id


def test_span_rejects_inverted_offsets() -> None:
    with pytest.raises(ValueError, match="bad span"):
        Span(start=5, end=2, text="")

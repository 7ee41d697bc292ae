"""Fixtures for the app tests: small real stores written through the store interface."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from app import cli
from graph.model import Article, Attribution, AttributionKind, Mention, Source, SourceType, Span
from graph.store import STORE_ENV, GraphStore, open_store

XSS_NAME = "Dr <img src=x onerror=window.__xss=1> Vale"
XSS_QUOTE = "<script>window.__xss=2</script> the dam is safe"


def attribution(
    article: Article,
    sentence: str,
    *,
    source: str | None,
    cue: str,
    content: str,
    via: Sequence[tuple[str, SourceType]] = (),
    source_type: SourceType = SourceType.PERSON,
    kind: AttributionKind = AttributionKind.STATEMENT,
) -> Attribution:
    """An attribution whose parts are found, by text, in ``sentence`` of ``article``."""
    base = article.text.index(sentence)

    def span(part: str) -> Span:
        at = base + sentence.index(part)
        return Span.of(article.text, at, at + len(part))

    mention = (
        Mention(span=span(source), source=Source(name=source, type=source_type)) if source else None
    )
    return Attribution(
        article_id=article.id,
        source=mention,
        via=tuple(Mention(span=span(name), source=Source(name=name, type=t)) for name, t in via),
        cue=span(cue),
        content=span(content),
        sentence=Span.of(article.text, base, base + len(sentence)),
        kind=kind,
    )


def fixture_articles() -> list[tuple[Article, list[Attribution]]]:
    """Four fictional articles from three fictional outlets; one carries markup in a name and
    a quote."""
    out: list[tuple[Article, list[Attribution]]] = []

    s1 = "Mayor Lena Ortiz said the ferry will stop on Monday."
    s2 = "Harbor officials said repairs would take a month."
    a = Article.create(
        text=f"{s1} {s2}",
        url="https://ledger.example/ferry",
        outlet="The Harbor Ledger",
        title="Ferry to stop",
        published="2031-05-02",
    )
    out.append(
        (
            a,
            [
                attribution(
                    a, s1, source="Lena Ortiz", cue="said", content="the ferry will stop on Monday"
                ),
                attribution(
                    a,
                    s2,
                    source="Harbor officials",
                    source_type=SourceType.ANONYMOUS,
                    cue="said",
                    content="repairs would take a month",
                ),
            ],
        )
    )
    s3 = "The Harbor Ledger reported that Lena Ortiz said the ferry will stop on Monday."
    b = Article.create(
        text=s3,
        url="https://wire.example/ferry",
        outlet="Meridian Wire",
        title="Ferry halt reported",
        published="2031-05-03",
    )
    out.append(
        (
            b,
            [
                attribution(
                    b,
                    s3,
                    source="Lena Ortiz",
                    via=[("The Harbor Ledger", SourceType.OUTLET)],
                    cue="said",
                    content="the ferry will stop on Monday",
                )
            ],
        )
    )
    s4 = f"{XSS_NAME} told reporters {XSS_QUOTE}."
    c = Article.create(
        text=s4,
        url="https://courier.example/dam",
        outlet="Coastline Courier",
        title="Dam <b>safe</b>, engineer says",
        published="2031-05-04",
    )
    out.append((c, [attribution(c, s4, source=XSS_NAME, cue="told", content=XSS_QUOTE)]))
    s5 = "Port spokesman Ivo Brandt declined to comment on the ferry."
    d = Article.create(
        text=s5,
        url="https://courier.example/port",
        outlet="Coastline Courier",
        title="Port silent",
        published="2031-05-05",
    )
    out.append(
        (
            d,
            [
                attribution(
                    d,
                    s5,
                    source="Ivo Brandt",
                    cue="declined to comment",
                    content="on the ferry",
                    kind=AttributionKind.REFUSAL,
                )
            ],
        )
    )
    return out


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An embedded store holding the demo corpus (``sourcetrace demo``, real NLP) and
    :func:`fixture_articles`."""
    path = tmp_path_factory.mktemp("store") / "graph.sqlite"
    assert cli.main(["demo", "--store", str(path)]) == 0
    store = open_store(path)
    try:
        store.write_articles(fixture_articles())
    finally:
        store.close()
    return path


@pytest.fixture
def app_env(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app at :func:`store_path` the way ``sourcetrace app`` does."""
    monkeypatch.setenv(STORE_ENV, str(store_path))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    return store_path


@pytest.fixture
def store(store_path: Path) -> Iterator[GraphStore]:
    s = open_store(store_path)
    try:
        yield s
    finally:
        s.close()

"""Helpers shared by the store implementations (no database code here)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Final, Self

from graph import schema
from graph.errors import StoreError
from graph.model import Article, Attribution
from graph.resolve import outlet_ref
from graph.search import display_field
from graph.store.base import WriteResult

Edge = tuple[str, str, str, dict[str, Any]]  # (start key, type, end key, properties)


class StoreBase:
    """What every store does the same way on top of its own ``write_articles`` and ``close``."""

    def write_articles(
        self, items: Iterable[tuple[Article, Sequence[Attribution]]]
    ) -> list[WriteResult]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def write_article(self, article: Article, attributions: Sequence[Attribution]) -> WriteResult:
        return self.write_articles([(article, attributions)])[0]

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def expand(
    key: str, depth: int, limit: int, links: Callable[[list[str]], Iterable[Edge]]
) -> tuple[list[str], list[Edge]]:
    """Breadth-first: node keys within ``depth`` hops of ``key`` (at most ``limit``), edges seen.

    ``links(keys)`` returns the edges touching any of ``keys``, either direction.

    >>> edges = {"a": [("a", "R", "b", {})], "b": [("a", "R", "b", {}), ("b", "R", "c", {})]}
    >>> expand("a", 2, 10, lambda keys: [e for k in keys for e in edges.get(k, [])])[0]
    ['a', 'b', 'c']
    >>> expand("a", 2, 2, lambda keys: [e for k in keys for e in edges.get(k, [])])[0]
    ['a', 'b']
    """
    seen = {key: None}
    frontier = [key]
    found: dict[tuple[str, str, str], dict[str, Any]] = {}
    for _ in range(depth):
        if not frontier or len(seen) >= limit:
            break
        nxt: list[str] = []
        for src, type_, dst, props in sorted(links(frontier), key=lambda e: e[:3]):
            found[(src, type_, dst)] = props
            for other in (src, dst):
                if other not in seen and len(seen) < limit:
                    seen[other] = None
                    nxt.append(other)
        frontier = nxt
    return list(seen), [(s, t, d, p) for (s, t, d), p in found.items()]


def check_labels(labels: Sequence[str]) -> None:
    """Refuse labels outside the schema (they would otherwise reach a query).

    >>> check_labels(["Claim"])
    >>> check_labels(["Person"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graph.errors.StoreError: unknown node label 'Person' (known: Article, Outlet, ...)
    """
    for label in labels:
        if label not in schema.LABELS:
            raise StoreError(f"unknown node label {label!r} (known: {', '.join(schema.LABELS)})")


#: Labels searched when none are given: attributions have no name of their own.
SEARCH_LABELS: Final = (schema.SOURCE, schema.OUTLET, schema.CLAIM, schema.ARTICLE)


def search_fields(labels: Sequence[str]) -> list[tuple[str, str]]:
    """``(label, property)`` pairs a search looks in: each label's name, and article bodies.

    >>> search_fields(["Article", "Source"])
    [('Article', 'title'), ('Source', 'name'), ('Article', 'text')]
    """
    chosen = list(labels or SEARCH_LABELS)
    pairs = [(label, display_field(label)) for label in chosen]
    if schema.ARTICLE in chosen:
        pairs.append((schema.ARTICLE, "text"))
    return pairs


def outlet_filter_id(outlet: str) -> str:
    """The outlet id for a filter given as an id, a name or an alias.

    >>> outlet_filter_id("NYT"), outlet_filter_id("the-new-york-times")
    ('the-new-york-times', 'the-new-york-times')
    """
    return outlet_ref(outlet)[0]


def source_key(source: str) -> tuple[str, str]:
    """The node keys a source filter may mean: a key as is, a bare id as Source or Outlet.

    >>> source_key("person-ann-lee")
    ('Source:person-ann-lee', 'Outlet:person-ann-lee')
    >>> source_key("Outlet:reuters")
    ('Outlet:reuters', 'Outlet:reuters')
    """
    label, _, id_ = source.partition(":")
    if label in schema.LABELS and id_:
        return source, source
    return schema.node_key(schema.SOURCE, source), schema.node_key(schema.OUTLET, source)


def chains_from(
    claim: str, rows: Sequence[tuple[str, Sequence[tuple[str, str, int]]]]
) -> list[list[str]]:
    """Chains ``[Article, VIA..., origin, Claim]`` from each attribution's links.

    ``rows`` holds ``(attribution key, [(type, other node key, position), ...])``
    where CONTAINS links point back at the article.

    >>> chains_from("Claim:c", [("Attribution:a", [("CONTAINS", "Article:x", 0),
    ...     ("VIA", "Outlet:o", 0), ("ATTRIBUTED_TO", "Source:s", 0), ("ASSERTS", "Claim:c", 0)])])
    [['Article:x', 'Outlet:o', 'Source:s', 'Claim:c']]
    """
    chains = []
    for _, links in rows:
        article = [o for t, o, _ in links if t == schema.CONTAINS]
        via = [
            o for t, o, _ in sorted((x for x in links if x[0] == schema.VIA), key=lambda x: x[2])
        ]
        origin = [o for t, o, _ in links if t == schema.ATTRIBUTED_TO]
        chains.append([*article[:1], *via, *origin[:1], claim])
    chains.sort()
    return chains

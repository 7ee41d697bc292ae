"""What the store implementations share: the write path (:class:`StoreBase`) and helpers
(no database code here)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any, Final, Self

from graph import schema
from graph.build import ArticleRows, GraphBuilder
from graph.errors import StoreError
from graph.model import Article, Attribution
from graph.resolve import outlet_ref
from graph.search import display_field
from graph.store.base import WriteResult

Edge = tuple[str, str, str, dict[str, Any]]  # (start key, type, end key, properties)


class StoreBase:
    """The write path every store shares, on top of a few small backend hooks.

    :meth:`write_articles` cuts the input into batches (never one article twice
    in a batch), and writes each batch in one transaction: the stored content
    hashes decide, per article, "unchanged" (left as it is), "replaced" (its
    attributions are deleted, then rebuilt) or "added"; the rows come from one
    :class:`~graph.build.GraphBuilder`, seeded from the store on first use and
    re-seeded after any failure (a rolled-back batch leaves it out of step).

    A backend implements ``_seed_builder``, ``_transaction``, ``_hashes``,
    ``_attribution_counts``, ``_delete_articles``, ``_insert`` and ``close``.
    """

    batch_rows: int = 1000  # about this many rows (nodes and edges) per transaction
    batch_size: int = 1000  # and at most this many articles
    _builder: GraphBuilder | None = None

    # -- backend hooks -------------------------------------------------------------------------

    def _seed_builder(self) -> GraphBuilder:
        """A builder that knows the people and claims already stored."""
        raise NotImplementedError

    def _transaction(self) -> AbstractContextManager[Any]:
        """A context that yields a transaction handle, commits on success and rolls back
        (raising :class:`~graph.errors.StoreError` for a store failure) otherwise."""
        raise NotImplementedError

    def _hashes(self, tx: Any, ids: Sequence[str]) -> dict[str, str]:
        """``{article id: content hash}`` of the stored articles among ``ids``."""
        raise NotImplementedError

    def _attribution_counts(self, tx: Any, ids: Sequence[str]) -> dict[str, int]:
        """``{article id: number of stored attributions}``."""
        raise NotImplementedError

    def _delete_articles(self, tx: Any, ids: Sequence[str]) -> list[str]:
        """Delete what the articles own (and shared nodes left with nothing); the ids of the
        claims deleted."""
        raise NotImplementedError

    def _insert(self, tx: Any, written: Sequence[ArticleRows]) -> None:
        """Write the rows of each article, in order."""
        raise NotImplementedError

    def _stored_hash(self, article_id: str) -> str | None:
        """The content hash of a stored article (read outside any write)."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # -- the shared write path -----------------------------------------------------------------

    @property
    def builder(self) -> GraphBuilder:
        """The row builder, seeded with what the store holds."""
        if self._builder is None:
            self._builder = self._seed_builder()
        return self._builder

    def write_articles(
        self, items: Iterable[tuple[Article, Sequence[Attribution]]]
    ) -> list[WriteResult]:
        return list(self.write_stream(items))

    def write_stream(
        self, items: Iterable[tuple[Article, Sequence[Attribution]]]
    ) -> Iterator[WriteResult]:
        for batch in self._batches(items):
            yield from self._write_batch(batch)

    def write_article(self, article: Article, attributions: Sequence[Attribution]) -> WriteResult:
        return self.write_articles([(article, attributions)])[0]

    def has_article(self, article_id: str, content_hash: str | None = None) -> bool:
        old = self._stored_hash(article_id)
        return old is not None and (content_hash is None or old == content_hash)

    def _batches(
        self, items: Iterable[tuple[Article, Sequence[Attribution]]]
    ) -> Iterator[list[tuple[Article, Sequence[Attribution]]]]:
        """Batches of about ``batch_rows`` rows, never holding one article twice."""
        batch: list[tuple[Article, Sequence[Attribution]]] = []
        ids: set[str] = set()
        size = 0
        for article, attributions in items:
            full = size >= self.batch_rows or len(batch) >= self.batch_size
            if article.id in ids or (batch and full):
                yield batch
                batch, ids, size = [], set(), 0
            batch.append((article, attributions))
            ids.add(article.id)
            size += 2 + 5 * len(attributions)
        if batch:
            yield batch

    def _write_batch(self, batch: list[tuple[Article, Sequence[Attribution]]]) -> list[WriteResult]:
        builder = self.builder
        try:
            with self._transaction() as tx:
                return self._write_in(tx, builder, batch)
        except BaseException:
            self._builder = None  # re-seed from the store: the rollback undid these rows
            raise

    def _write_in(
        self, tx: Any, builder: GraphBuilder, batch: list[tuple[Article, Sequence[Attribution]]]
    ) -> list[WriteResult]:
        hashes = self._hashes(tx, [a.id for a, _ in batch])
        replaced = [a.id for a, _ in batch if a.id in hashes and hashes[a.id] != a.content_hash]
        for claim in self._delete_articles(tx, replaced) if replaced else ():
            builder.claims.discard(claim)
        same = [a.id for a, _ in batch if hashes.get(a.id) == a.content_hash]
        kept = self._attribution_counts(tx, same) if same else {}
        written: list[ArticleRows] = []
        results: list[WriteResult] = []
        for article, attributions in batch:
            old = hashes.get(article.id)
            if old == article.content_hash:
                status, n = "unchanged", kept.get(article.id, 0)
            else:
                rows = builder.rows(article, attributions)
                written.append(rows)
                status, n = ("added" if old is None else "replaced"), rows.attributions
            results.append(WriteResult(article_id=article.id, status=status, attributions=n))
        self._insert(tx, written)
        return results

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

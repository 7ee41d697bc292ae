"""The interface every graph store implements (embedded and Neo4j alike).

A contract test suite runs the same tests against each implementation.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

import networkx as nx

from graph.model import Article, Attribution
from graph.search import Hit


@dataclass(frozen=True, slots=True, kw_only=True)
class WriteResult:
    """What writing one article did: ``status`` is "added", "replaced" or "unchanged"."""

    article_id: str
    status: str
    attributions: int


@runtime_checkable
class GraphStore(Protocol):
    """A store of the attribution graph (schema in :mod:`graph.schema`)."""

    def write_article(self, article: Article, attributions: Sequence[Attribution]) -> WriteResult:
        """Store one article and its attributions atomically.

        An article already stored with the same ``content_hash`` is left as it
        is ("unchanged"); one with a different hash has its attributions
        replaced ("replaced").
        """
        ...

    def write_articles(
        self, items: Iterable[tuple[Article, Sequence[Attribution]]]
    ) -> list[WriteResult]:
        """Batched form of :meth:`write_article` (one transaction per batch)."""
        ...

    def write_stream(
        self, items: Iterable[tuple[Article, Sequence[Attribution]]]
    ) -> Iterator[WriteResult]:
        """:meth:`write_articles`, lazily: reads ``items`` a batch at a time and yields the
        results of each batch once it is committed."""
        ...

    def has_article(self, article_id: str, content_hash: str | None = None) -> bool:
        """Whether the article is stored (with this content, when a hash is given)."""
        ...

    def version(self) -> str:
        """A token that changes on every write that changes the store (cheap to read: the
        app keys its caches on it)."""
        ...

    def counts(self) -> dict[str, dict[str, int]]:
        """``{"nodes": {label: n}, "relationships": {type: n}}``."""
        ...

    def node(self, key: str) -> dict[str, Any] | None:
        """Properties (and ``label``) of the node with networkx key ``key``."""
        ...

    def search(self, text: str, *, labels: Sequence[str] = (), limit: int = 20) -> list[str]:
        """Node keys whose name/title/text contains ``text`` (case-insensitive), best first."""
        ...

    def search_hits(self, text: str, *, labels: Sequence[str] = (), limit: int = 20) -> list[Hit]:
        """Search hits ranked by :func:`graph.search.rank` (match, node kind, citations).

        Without ``labels`` sources, outlets, claims and articles are searched: their
        names, titles, claim texts, and article bodies.
        """
        ...

    def neighbourhood(self, key: str, *, depth: int = 1, limit: int = 500) -> nx.MultiDiGraph:
        """The subgraph within ``depth`` hops of ``key``, at most ``limit`` nodes."""
        ...

    def chains(self, claim_id: str) -> list[list[str]]:
        """Every chain ``[Article, VIA..., origin, Claim]`` (node keys) ending at the claim."""
        ...

    def attributions(
        self,
        *,
        article_id: str | None = None,
        outlet: str | None = None,
        source_id: str | None = None,
    ) -> list[dict[str, Any]]:
        """Attribution node properties matching every filter given."""
        ...

    def to_networkx(self, *, labels: Sequence[str] | None = None) -> nx.MultiDiGraph:
        """The whole graph, or only nodes with these labels, as a MultiDiGraph."""
        ...

    def split_claim(self, claim_id: str) -> list[str]:
        """Take a claim out of its group for good; the claims it was split from."""
        ...

    def close(self) -> None: ...

"""Turn an article and its attributions into graph rows (nodes and relationships).

The rows follow :mod:`graph.schema`; both stores write them, and
:func:`build_graph` turns them into a networkx ``MultiDiGraph`` directly.

>>> from graph.model import Article, Attribution, Mention, Source, SourceType, Span
>>> text = "Officials at Acme said the plant will close in March."
>>> article = Article.create(text=text, url="https://www.reuters.com/x")
>>> attribution = Attribution(
...     article_id=article.id,
...     source=Mention(span=Span.of(text, 0, 17),
...                    source=Source(name="Officials at Acme", type=SourceType.ANONYMOUS)),
...     via=(), cue=Span.of(text, 18, 22), content=Span.of(text, 23, 52),
...     sentence=Span.of(text, 0, 53))
>>> G = build_graph([(article, [attribution])])
>>> sorted(k.split(":")[0] for k in G.nodes)
['Article', 'Attribution', 'Claim', 'Outlet', 'Source']
>>> sorted(t for _, _, t in G.edges(keys=True))
['ASSERTS', 'ATTRIBUTED_TO', 'CONTAINS', 'PUBLISHED_BY']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graph import schema
from graph.claims import ClaimIndex, Update, claim_id, day_of, normalise
from graph.identity import canonicalise
from graph.model import Article, Attribution, Mention
from graph.outlets import OutletRegistry, default_registry
from graph.resolve import SourceResolver, outlet_ref
from graph.substance import makes_claim


@dataclass(frozen=True, slots=True, kw_only=True)
class NodeRow:
    """One node: ``owner`` is the article id for nodes that belong to one article."""

    label: str
    id: str
    props: dict[str, Any]
    owner: str | None = None

    @property
    def key(self) -> str:
        return schema.node_key(self.label, self.id)


@dataclass(frozen=True, slots=True, kw_only=True)
class EdgeRow:
    """One relationship between two node keys; VIA edges are told apart by position."""

    type: str
    start: str
    end: str
    props: dict[str, Any] = field(default_factory=dict)

    @property
    def discriminator(self) -> int:
        return int(self.props.get("position", 0))


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleRows:
    """Everything one article writes; ``new_claims`` are claims first seen here."""

    article: Article
    nodes: tuple[NodeRow, ...]
    edges: tuple[EdgeRow, ...]
    attributions: int
    new_claims: tuple[str, ...] = ()
    # (claim id, properties to set): claims, here or stored before, whose group or
    # first/last day changed (set after the nodes are written, overwriting).
    claims: tuple[tuple[str, dict[str, Any]], ...] = ()


# Properties of shared nodes that collect values from every article instead of keeping the first.
LIST_PROPS = ("roles", "aliases")


def merge_props(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Merge a shared node's properties: first value wins, list properties collect.

    >>> merge_props({"name": "A", "roles": ["x"]}, {"name": "B", "roles": ["y", "x"]})
    {'name': 'A', 'roles': ['x', 'y']}
    """
    out = dict(old)
    for k, v in new.items():
        if k in LIST_PROPS and isinstance(v, list):
            have = list(out.get(k) or [])
            out[k] = have + [x for x in v if x not in have]
        elif k not in out:
            out[k] = v
    return out


def _clean(props: dict[str, Any]) -> dict[str, Any]:
    """Drop ``None`` values (Neo4j stores no nulls)."""
    return {k: v for k, v in props.items() if v is not None}


def attribution_props(attribution: Attribution) -> dict[str, Any]:
    """The evidence an Attribution node carries (schema names)."""
    a = attribution
    return _clean(
        {
            "id": a.id,
            "article_id": a.article_id,
            "kind": str(a.kind),
            "cue": a.cue.text,
            "cue_start": a.cue.start,
            "cue_end": a.cue.end,
            "hedged": a.hedged,
            "confidence": float(a.confidence),
            "channel": a.channel,
            "sentence": a.sentence.text,
            "sentence_start": a.sentence.start,
            "sentence_end": a.sentence.end,
            "source_text": a.source.span.text if a.source else None,
            "source_start": a.source.span.start if a.source else None,
            "source_end": a.source.span.end if a.source else None,
            "source_name": a.source.source.name if a.source else None,
            "source_confidence": a.source.confidence if a.source else None,
            "source_gender": (a.source.gender or None) if a.source else None,
            "content_text": a.content.text if a.content else None,
            "content_start": a.content.start if a.content else None,
            "content_end": a.content.end if a.content else None,
            # A content in several pieces: [start, end, start, end, ...] (a flat list of ints).
            "content_pieces": [x for p in a.content.pieces for x in p]
            if a.content and a.content.pieces
            else None,
        }
    )


class GraphBuilder:
    """Build rows for articles; people are resolved within each article only.

    ``claims`` holds the claims seen so far (a store seeds it from its contents).
    Who is who across articles is decided at read time (:func:`graph.identity.canonicalise`),
    so what an article writes never depends on the articles stored before it.
    """

    def __init__(
        self,
        *,
        registry: OutletRegistry | None = None,
        claims: ClaimIndex | None = None,
    ) -> None:
        self.registry = registry or default_registry()
        self.claims = claims if claims is not None else ClaimIndex()

    def article_outlet(self, article: Article) -> tuple[str, str] | None:
        if article.outlet:
            return outlet_ref(article.outlet, self.registry)
        if article.url:
            known = self.registry.from_url(article.url)
            if known is not None:
                return known.id, known.name
        return None

    def rows(self, article: Article, attributions: Sequence[Attribution]) -> ArticleRows:
        """The rows of one article (the claim index learns from it)."""
        nodes: dict[str, NodeRow] = {}
        edges: dict[tuple[str, str, str, int], EdgeRow] = {}

        def add_node(row: NodeRow) -> str:
            old = nodes.get(row.key)
            if old is not None:
                row = NodeRow(
                    label=row.label,
                    id=row.id,
                    props=merge_props(old.props, row.props),
                    owner=row.owner,
                )
            nodes[row.key] = row
            return row.key

        def add_edge(row: EdgeRow) -> None:
            edges[(row.type, row.start, row.end, row.discriminator)] = row

        outlet = self.article_outlet(article)
        art_props = _clean(
            {
                "id": article.id,
                "url": article.url,
                "title": article.title,
                "outlet": outlet[1] if outlet else article.outlet,
                "published": article.published,
                "content_hash": article.content_hash,
                "text": article.text,
                "origin": article.origin,
            }
        )
        art_key = add_node(
            NodeRow(label=schema.ARTICLE, id=article.id, props=art_props, owner=article.id)
        )
        if outlet is not None:
            out_key = add_node(
                NodeRow(
                    label=schema.OUTLET, id=outlet[0], props={"id": outlet[0], "name": outlet[1]}
                )
            )
            add_edge(EdgeRow(type=schema.PUBLISHED_BY, start=art_key, end=out_key))

        resolver = SourceResolver(article.id, registry=self.registry)

        def mention_node(m: Mention) -> str:
            label, id_, props = resolver.resolve(m.source)
            owner = article.id if props.get("article_id") else None
            return add_node(NodeRow(label=label, id=id_, props=props, owner=owner))

        contents: list[tuple[str, str, str]] = []  # (attribution key, claim id, text)
        for a in attributions:
            at_key = add_node(
                NodeRow(
                    label=schema.ATTRIBUTION, id=a.id, props=attribution_props(a), owner=article.id
                )
            )
            add_edge(EdgeRow(type=schema.CONTAINS, start=art_key, end=at_key))
            for position, m in enumerate(a.via):
                add_edge(
                    EdgeRow(
                        type=schema.VIA,
                        start=at_key,
                        end=mention_node(m),
                        props={
                            "position": position,
                            "text": m.span.text,
                            "start": m.span.start,
                            "end": m.span.end,
                        },
                    )
                )
            if a.source is not None:
                add_edge(
                    EdgeRow(type=schema.ATTRIBUTED_TO, start=at_key, end=mention_node(a.source))
                )
            # "it", "him", "Clinton", "shared a picture": an attribution, not a claim
            if (
                a.content is not None
                and normalise(a.content.text)
                and makes_claim(a.cue.text, a.content.text)
            ):
                contents.append((at_key, claim_id(a.content.text), a.content.text))

        fresh = [cid for _, cid, _ in contents if cid not in self.claims]
        update = self.claims.observe(
            [(cid, text) for _, cid, text in contents], day_of(article.published)
        )
        for at_key, cid, text in contents:
            claim_key = add_node(
                NodeRow(
                    label=schema.CLAIM,
                    id=cid,
                    props=_clean({"id": cid, "text": text, **self.claim_props(cid)}),
                )
            )
            add_edge(EdgeRow(type=schema.ASSERTS, start=at_key, end=claim_key))
        for link in update.links:
            add_edge(
                EdgeRow(
                    type=schema.SIMILAR_TO,
                    start=schema.node_key(schema.CLAIM, link.a),
                    end=schema.node_key(schema.CLAIM, link.b),
                    props=link.props(),
                )
            )

        return ArticleRows(
            article=article,
            nodes=tuple(nodes.values()),
            edges=tuple(edges.values()),
            attributions=len(attributions),
            new_claims=tuple(dict.fromkeys(fresh)),
            claims=self.claim_updates(update),
        )

    def claim_props(self, cid: str) -> dict[str, Any]:
        """The properties of a claim the index owns: ``group``, ``first_seen``, ``last_seen``."""
        first, last = self.claims.days(cid)
        return {
            "group": self.claims.group(cid) or cid,
            "first_seen": None if first is None else dt.date.fromordinal(first).isoformat(),
            "last_seen": None if last is None else dt.date.fromordinal(last).isoformat(),
        }

    def claim_updates(self, update: Update) -> tuple[tuple[str, dict[str, Any]], ...]:
        """``(claim id, properties)`` for every claim an index change touched."""
        touched = sorted(set(update.groups) | set(update.days))
        return tuple((cid, self.claim_props(cid)) for cid in touched if cid in self.claims)

    def forget(self, rows: ArticleRows) -> None:
        """Undo what :meth:`rows` taught the claim index (the write failed)."""
        for cid in rows.new_claims:
            self.claims.discard(cid)


def add_rows(G: nx.MultiDiGraph, rows: ArticleRows) -> None:
    """Merge ``rows`` into the networkx graph ``G`` (node keys ``Label:id``)."""
    for n in rows.nodes:
        if n.key in G:
            old = {k: v for k, v in G.nodes[n.key].items() if k != "label"}
            G.nodes[n.key].update(merge_props(old, n.props))
        else:
            G.add_node(n.key, label=n.label, **n.props)
    for e in rows.edges:
        G.add_edge(e.start, e.end, key=e.type, **e.props)
    for cid, props in rows.claims:
        key = schema.node_key(schema.CLAIM, cid)
        if key in G:
            G.nodes[key].update(_clean(props))


def build_graph(
    items: Iterable[tuple[Article, Sequence[Attribution]]],
    *,
    builder: GraphBuilder | None = None,
) -> nx.MultiDiGraph:
    """The attribution graph of ``items`` as a networkx ``MultiDiGraph``."""
    builder = builder or GraphBuilder()
    G = nx.MultiDiGraph()
    for article, attributions in items:
        add_rows(G, builder.rows(article, attributions))
    return canonicalise(G)

"""Build small attribution graphs by hand, for tests and doctests.

The graphs follow :mod:`graph.schema` exactly, so an analysis that works on
them works on what ``graph.build`` and the stores produce.

>>> b = GraphBuilder()
>>> ledger = b.article("a1", outlet="The Harbor Ledger", published="2031-05-02")
>>> ortiz = b.person("Lena Ortiz", roles=("mayor",))
>>> b.attribute(ledger, "The ferry will stop.", origin=ortiz)
'Attribution:a1-1'
>>> sorted(n for n, d in b.G.nodes(data=True) if d["label"] in ("Outlet", "Claim"))
['Claim:the-ferry-will-stop', 'Outlet:the-harbor-ledger']
"""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx

from graph import claimgroups, schema
from graph.claims import THRESHOLD
from graph.outlets import slug
from graph.resolve import outlet_ref


class GraphBuilder:
    """Add articles, outlets, sources, claims and attributions to ``self.G``.

    Every method returns the node key it created (or found), so keys can be
    passed straight on: ``b.attribute(article_key, "claim text", origin=key)``.
    """

    def __init__(self) -> None:
        self.G = nx.MultiDiGraph()
        self._count: dict[str, int] = {}

    def _node(self, label: str, id_: str, **props: object) -> str:
        key = schema.node_key(label, id_)
        if key not in self.G:
            self.G.add_node(key, label=label, id=id_, **props)
        return key

    def outlet(self, name: str) -> str:
        """The Outlet node for ``name`` (id as the builder makes it)."""
        return self._node(schema.OUTLET, outlet_ref(name)[0], name=name)

    def article(
        self,
        id_: str,
        *,
        outlet: str | None = None,
        published: str | None = None,
        title: str | None = None,
        url: str | None = None,
    ) -> str:
        """An Article node, linked PUBLISHED_BY to its outlet when one is named."""
        key = self._node(
            schema.ARTICLE,
            id_,
            title=title or f"Article {id_}",
            url=url,
            outlet=outlet,
            published=published,
            content_hash=id_,
            text="",
        )
        if outlet:
            self.G.add_edge(key, self.outlet(outlet), key=schema.PUBLISHED_BY)
        return key

    def source(
        self,
        name: str,
        *,
        type_: str = "person",
        roles: Sequence[str] = (),
        article: str | None = None,
    ) -> str:
        """A Source node; anonymous sources are kept per article, as the builder does."""
        if type_ == "anonymous":
            if article is None:
                raise ValueError("an anonymous source needs the article it appears in")
            id_ = f"anon-{schema.split_key(article)[1]}-{slug(name)}"
            return self._node(
                schema.SOURCE, id_, name=name, type=type_, roles=list(roles), descriptor=name
            )
        return self._node(schema.SOURCE, slug(name), name=name, type=type_, roles=list(roles))

    def person(self, name: str, *, roles: Sequence[str] = ()) -> str:
        return self.source(name, type_="person", roles=roles)

    def organization(self, name: str, *, roles: Sequence[str] = ()) -> str:
        return self.source(name, type_="organization", roles=roles)

    def anonymous(self, descriptor: str, *, article: str) -> str:
        return self.source(descriptor, type_="anonymous", article=article)

    def claim(self, text: str, *, id_: str | None = None) -> str:
        return self._node(schema.CLAIM, id_ or slug(text), text=text)

    def similar(self, claim_a: str, claim_b: str, score: float) -> None:
        """``claim_a -SIMILAR_TO{score}-> claim_b``; claims' ``group`` follows as the builder's.

        The builder only makes links from :data:`graph.claims.THRESHOLD`; lower ones
        (hand-made here) join claims only when an analysis is given a lower score.
        """
        self.G.add_edge(claim_a, claim_b, key=schema.SIMILAR_TO, score=score)
        links = {
            claimgroups.pair(a, b): float(d.get("score", 1.0))
            for a, b, k, d in self.G.edges(keys=True, data=True)
            if k == schema.SIMILAR_TO and float(d.get("score", 1.0)) >= THRESHOLD
        }
        claims = [k for k, d in self.G.nodes(data=True) if d.get("label") == schema.CLAIM]
        for claim, group in claimgroups.groups(claims, links, set()).items():
            self.G.nodes[claim]["group"] = group

    def attribute(
        self,
        article: str,
        claim: str,
        *,
        origin: str | None = None,
        via: Sequence[str] = (),
        kind: str = "statement",
        sentence: str | None = None,
        cue: str = "said",
    ) -> str:
        """An Attribution in ``article``: ``article -> via... -> origin -> claim``.

        ``claim`` is a claim key or, when it is not a node yet, the claim's text.
        """
        claim_key = claim if claim in self.G else self.claim(claim)
        text = self.G.nodes[claim_key]["text"]
        n = self._count[article] = self._count.get(article, 0) + 1
        art_id = schema.split_key(article)[1]
        names = [self.G.nodes[k]["name"] for k in (*via, *([origin] if origin else []))]
        sentence = sentence or (", ".join(names) + f" {cue} {text}" if names else text)
        # The sentence is appended to the article's text; offsets are into that text.
        art = self.G.nodes[article]
        base = len(art["text"]) + (1 if art["text"] else 0)
        art["text"] = (art["text"] + " " if art["text"] else "") + sentence
        origin_name = self.G.nodes[origin]["name"] if origin else None
        at = sentence.find(origin_name) if origin_name else -1
        key = self._node(
            schema.ATTRIBUTION,
            f"{art_id}-{n}",
            article_id=art_id,
            kind=kind,
            cue=cue,
            hedged=False,
            confidence=1.0,
            sentence=sentence,
            sentence_start=base,
            sentence_end=base + len(sentence),
            source_text=origin_name,
            source_start=base + at if at >= 0 else None,
            source_end=base + at + len(origin_name) if origin_name and at >= 0 else None,
            content_text=text,
        )
        self.G.add_edge(article, key, key=schema.CONTAINS)
        for position, hop in enumerate(via):
            name = self.G.nodes[hop]["name"]
            at = sentence.find(name)
            self.G.add_edge(
                key,
                hop,
                key=schema.VIA,
                position=position,
                text=name,
                start=base + at if at >= 0 else None,
                end=base + at + len(name) if at >= 0 else None,
            )
        if origin:
            self.G.add_edge(key, origin, key=schema.ATTRIBUTED_TO)
        self.G.add_edge(key, claim_key, key=schema.ASSERTS)
        return key

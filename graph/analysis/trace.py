"""Trace a claim: every chain from each article through its intermediaries to the origin."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from graph import schema
from graph.chains import (
    SIMILARITY_THRESHOLD,
    Hop,
    attribution_views,
    claim_groups,
    display_name,
)
from graph.errors import NotFoundError


@dataclass(frozen=True, slots=True, kw_only=True)
class Chain:
    """One attribution of a claim: ``article -> hops... -> claim``.

    ``hops`` are the intermediaries, outermost first, then the origin (absent
    when the source is unspecified: ``origin`` is ``None``). ``sentence`` is the
    evidence for every hop: it spans ``[sentence_start, sentence_end)`` of the
    article's text, and each hop's ``start``/``end`` are offsets into that text too.
    """

    claim: str
    claim_text: str
    article: str | None
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    attribution: str
    kind: str
    cue: str
    hops: tuple[Hop, ...]
    origin: Hop | None
    sentence: str
    sentence_start: int | None
    sentence_end: int | None

    def path(self) -> list[str]:
        """Names along the chain: outlet, intermediaries, origin.

        An unspecified origin shows as ``"(unspecified)"``.
        """
        names = [self.outlet or "(unknown outlet)", *(h.name for h in self.hops)]
        if self.origin is None:
            names.append("(unspecified)")
        return names


def find_claims(G: nx.MultiDiGraph, query: str) -> list[str]:
    """Claim keys for an id, a node key or (case-insensitive) text contained in the claim.

    Raises :class:`~graph.errors.NotFoundError` when nothing matches.

    >>> from graph.analysis._testing import GraphBuilder
    >>> b = GraphBuilder()
    >>> _ = b.claim("The ferry stops on Monday.", id_="c1")
    >>> find_claims(b.G, "c1"), find_claims(b.G, "FERRY stops")
    (['Claim:c1'], ['Claim:c1'])
    >>> find_claims(b.G, "tram")
    Traceback (most recent call last):
    ...
    graph.errors.NotFoundError: no claim with id or text 'tram'
    """
    query = query.strip()
    for key in (query, f"{schema.CLAIM}:{query}"):
        if key in G and G.nodes[key].get("label") == schema.CLAIM:
            return [key]
    needle = " ".join(query.lower().split())
    found = sorted(
        key
        for key, data in G.nodes(data=True)
        if data.get("label") == schema.CLAIM
        and needle
        and needle in " ".join(str(data.get("text", "")).lower().split())
    )
    if not found:
        raise NotFoundError(f"no claim with id or text {query!r}")
    return found


def trace(
    G: nx.MultiDiGraph,
    query: str,
    *,
    similar: bool = True,
    similarity: float | None = SIMILARITY_THRESHOLD,
) -> list[Chain]:
    """Every chain to the claims matching ``query``, ordered by publication time.

    With ``similar`` (the default) near-duplicate claims (SIMILAR_TO score at
    least ``similarity``) are traced too. Articles without a date come last.

    Examples
    --------
    >>> from graph.analysis._testing import GraphBuilder
    >>> b = GraphBuilder()
    >>> late = b.article("a2", outlet="Coastline Courier", published="2031-05-03")
    >>> early = b.article("a1", outlet="Meridian Wire", published="2031-05-01")
    >>> wire, ortiz = b.outlet("Meridian Wire"), b.person("Lena Ortiz")
    >>> _ = b.attribute(late, "The ferry stops.", via=[wire], origin=ortiz)
    >>> _ = b.attribute(early, "The ferry stops.", origin=ortiz)
    >>> for chain in trace(b.G, "ferry"):
    ...     print(chain.published, " -> ".join(chain.path()))
    2031-05-01 Meridian Wire -> Lena Ortiz
    2031-05-03 Coastline Courier -> Meridian Wire -> Lena Ortiz
    """
    claims = set(find_claims(G, query))
    if similar:
        for group in claim_groups(G, similarity):
            if claims.intersection(group):
                claims.update(group)
    chains = []
    for view in attribution_views(G):
        for claim in view.claims:
            if claim not in claims:
                continue
            article = G.nodes[view.article] if view.article else {}
            chains.append(
                Chain(
                    claim=claim,
                    claim_text=display_name(G, claim),
                    article=view.article,
                    title=article.get("title"),
                    url=article.get("url"),
                    outlet=_outlet_name(G, view.outlet),
                    published=view.published,
                    attribution=view.key,
                    kind=view.kind,
                    cue=view.cue,
                    hops=(*view.via, *((view.origin,) if view.origin else ())),
                    origin=view.origin,
                    sentence=view.sentence,
                    sentence_start=view.sentence_start,
                    sentence_end=view.sentence_end,
                )
            )
    chains.sort(
        key=lambda c: (
            c.published is None,
            str(c.published or ""),
            str(c.article),
            c.sentence_start if c.sentence_start is not None else -1,
        )
    )
    return chains


def _outlet_name(G: nx.MultiDiGraph, key: str | None) -> str | None:
    return display_name(G, key) if key is not None and key in G else key

"""Independence of claims: how many distinct origins stand behind what many outlets carry.

A claim (with its near-duplicates, see :func:`~graph.chains.claim_groups`)
carried by several outlets that all lead back to one origin is *single-source*:
the repetition looks like corroboration but is amplification. :data:`ORIGIN_RULE`
states exactly how origins are counted; the CLI shows it to the user.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx

from graph import schema
from graph.chains import (
    SIMILARITY_THRESHOLD,
    AttributionView,
    Hop,
    attribution_views,
    claim_groups,
    display_name,
    group_text,
)
from graph.names import name_tokens, person_name

ORIGIN_RULE = """\
How origins are counted (per claim, near-duplicate claims taken together); the
count is a lower bound, the number of origins the collection proves distinct:
1. A named person or organisation is one origin, however many articles quote
   it. Within one claim, a bare surname ("Ortiz") and a name that differs only
   by middle names or initials ("Lena M. Ortiz") are the same person as the
   full name, when only one full name fits.
2. A document ("the report", "state data", "a court filing", "the poll") is a
   named origin; documents described alike count once. Someone's words as a
   document ("a statement", "a letter", "the email") that do not say whose are
   unidentified (rule 3).
3. Anonymous sources ("two port officials", "a senior official"), unspecified
   ones ("it was reported") and generic ones ("the company") are unidentified:
   two anonymous officials in two outlets are no proof of two origins, and an
   anonymous source may be one of the named people. So is a named source that
   the article gives only as a pronoun, a title or a surname two of its people
   share ("he", "the president"), unless it is sure who is meant.
4. An outlet is never an origin, only an intermediary. An outlet given as the
   source ("..., the Meridian Wire reported") that itself carries the claim in
   the collection is a relay: its own articles supply the origins. An outlet
   that does not carry the claim here, or an outlet citing itself, hides its
   source: it counts as unidentified.
5. All unidentified sources of a claim count as one origin, and only when the
   claim has no named origin behind it (an anonymous source beside "a
   statement" may be who issued it).
6. A claim whose outlets only cite each other has no origin left: 0 origins,
   circular reporting.
7. Only statements count: a refusal ("declined to comment on ..."), a denial or
   a photo credit lends no support to a claim.
8. A spokesperson, an officer or a statement of an organisation is that
   organisation ("Taliban spokesman Zabihullah Mujahid" and "the Taliban";
   "FBI Director James Comey" and "the FBI"), and an organisation named by part
   of another's name ("the ministry", "the German foreign ministry") is it.
9. Two origins corroborate each other only when their own wordings are alike
   (the same claim, or a meaning link of at least 0.75 between them): origins
   whose claims are alike only through other claims of the group are not
   counted together. The origins of a claim are the largest set of origins
   that corroborate each other.
10. A second origin must be named outright in at least one article (its name
   in the sentence), not only resolved from "he", "she" or "the president": a
   resolution may name the one origin of a claim, never prove a second.
11. Two origins corroborate each other only when each says the claim in a
   sentence the other is not in: a joint statement ("X and Y said") and one
   speaker reporting another ("X told donors that Y had vowed ...") are one
   act of reporting, not two.
Single-source: carried by at least --min-outlets outlets, exactly 1 origin.
Independent: at least 2 origins."""

#: Rule 9: the meaning score two origins' own wordings need to corroborate each other
#: (as strict as the 0.75 that groups claims: a group can chain from one wording to
#: the next until its ends say different things).
CORROBORATION = 0.75
SIM = schema.SIMILAR_TO

SINGLE_SOURCE = "single-source"
INDEPENDENT = "independent"
CIRCULAR = "circular"
SINGLE_OUTLET = "single-outlet"


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimOrigins:
    """Who carries a claim group and how many distinct origins it has.

    ``origins`` is the count under :data:`ORIGIN_RULE`; ``named_origins`` the
    names behind it; ``unidentified`` the number of attributions to anonymous or
    unspecified sources (or to outlets that hide their source), and
    ``unidentified_sources`` how those are described ("two port officials", an
    outlet's name, "(unspecified)"); ``amplification`` outlets per origin.
    """

    group: str
    claims: tuple[str, ...]
    text: str
    articles: int
    outlets: tuple[str, ...]
    attributions: int
    named_origins: tuple[str, ...]
    unidentified: int
    unidentified_sources: tuple[str, ...]
    relayed_outlets: tuple[str, ...]
    origins: int
    verdict: str
    amplification: float


def ground_origin(view: AttributionView, carriers: set[str | None]) -> tuple[str, str]:
    """Classify one attribution's origin under :data:`ORIGIN_RULE`.

    Returns ``("named", key)``, ``("unidentified", key)`` or ``("relay", outlet_key)``;
    ``carriers`` are the outlets that publish the claim.
    """
    hop = view.effective_origin()
    if hop is None:
        return ("unidentified", view.key)
    if hop.outlet is not None:
        if hop.outlet != view.outlet and hop.outlet in carriers:
            return ("relay", hop.outlet)
        return ("unidentified", hop.outlet)
    if hop.type in ("anonymous", "unspecified", "") or view.origin is None or _generic(hop):
        return ("unidentified", hop.key)
    return ("named", hop.key)


#: Below this resolution confidence ("he", "the president", a surname two people
#: of the article share) a source proves no origin of its own (rule 3).
SURE = 0.9


def _sure(G: nx.MultiDiGraph, view: AttributionView) -> bool:
    return float(G.nodes[view.key].get("source_confidence", 1.0)) >= SURE


#: Rule 10: at or above this confidence a source is named in the sentence itself (a
#: name, or a surname only one person of the article has), not resolved from a pronoun.
OUTRIGHT = 0.95


def _outright(G: nx.MultiDiGraph, view: AttributionView) -> bool:
    return float(G.nodes[view.key].get("source_confidence", 1.0)) >= OUTRIGHT


def _generic(hop: Hop) -> bool:
    """A per-article generic organisation ("the company") names no one in particular."""
    return hop.type == "organization" and hop.key.startswith("Source:src-")


def same_people(G: nx.MultiDiGraph, keys: set[str]) -> list[set[str]]:
    """Named origins of one claim grouped by person, under rule 1 of :data:`ORIGIN_RULE`.

    >>> G = nx.MultiDiGraph()
    >>> for key, name in [("a", "Lena Ortiz"), ("b", "Ortiz"), ("c", "Lena M. Ortiz"),
    ...                   ("d", "Tomas Vela")]:
    ...     G.add_node(key, label="Source", name=name, type="person")
    >>> G.add_node("e", label="Source", name="Vela", type="organization")
    >>> sorted(sorted(g) for g in same_people(G, {"a", "b", "c", "d", "e"}))
    [['a', 'b', 'c'], ['d', 'e']]
    """
    U = nx.Graph()
    U.add_nodes_from(keys)
    people = [k for k in keys if G.nodes[k].get("type") == "person"]
    full: dict[tuple[str, str], list[str]] = {}
    # "AMY SCHUMER Comedian", typed an organisation, is the person "Amy Schumer"
    captioned = [
        k
        for k in keys
        if G.nodes[k].get("type") == "organization"
        and person_name(display_name(G, k)) != display_name(G, k)
    ]
    for k in [*people, *captioned]:
        tokens = name_tokens(person_name(display_name(G, k)))
        if len(tokens) >= 2:
            full.setdefault((tokens[0], tokens[-1]), []).append(k)
    for members in full.values():
        nx.add_path(U, members)
    # "A statement" in two articles may be one statement: documents alike count once.
    documents: dict[str, list[str]] = {}
    for k in sorted(keys):
        if G.nodes[k].get("type") == "document":
            documents.setdefault(str(G.nodes[k].get("descriptor") or k), []).append(k)
    for members in documents.values():
        nx.add_path(U, members)
    _affiliations(G, keys, U)
    by_surname: dict[str, set[tuple[str, str]]] = {}
    for first_last in full:
        by_surname.setdefault(first_last[1], set()).add(first_last)
    # A bare surname is often typed as an organisation by the tagger ("Bamford said").
    bare = [k for k in keys if G.nodes[k].get("type") in ("person", "organization")]
    for k in bare:
        tokens = name_tokens(person_name(display_name(G, k)))
        if len(tokens) == 1 and len(by_surname.get(tokens[0], ())) == 1:
            [first_last] = by_surname[tokens[0]]
            U.add_edge(k, full[first_last][0])
    return [set(c) for c in nx.connected_components(U)]


def _affiliations(G: nx.MultiDiGraph, keys: set[str], U: nx.Graph) -> None:
    """Rule 8: a person or document speaking for an organisation is the organisation; an
    organisation named by part of another's name is it."""
    orgs = {k: _words(display_name(G, k)) for k in keys if G.nodes[k].get("type") == "organization"}
    orgs = {k: w for k, w in orgs.items() if w}
    acronyms = {k: _acronym(display_name(G, k)) for k in orgs}
    for k in keys:
        node = G.nodes[k]
        kind = node.get("type")
        if kind in ("person", "document"):
            said = " ".join(
                str(x) for x in (*(node.get("roles") or ()), node.get("descriptor") or "")
            )
            words = _words(said)
            for org, name in orgs.items():
                if name <= words:
                    U.add_edge(k, org)
        written = display_name(G, k)
        own = _words(written)
        for org, name in orgs.items():
            if org != k and own and (own < name or _is_acronym(written, acronyms[org])):
                U.add_edge(k, org)  # "the ministry", "RAIB": the organisation's full name


_FILLER = frozenset(
    "the of and for a an s that which from in on by its his her their this".split()  # noqa: SIM905
)
# Documents that are someone's words ("a statement", "the letter"): unless they name
# who issued them, they may be any named origin's (rule 3), so they prove none.
SPOKEN_DOCUMENTS = frozenset(
    ("statement", "letter", "email", "tweet", "post", "memo", "message", "note", "release")
)


def _said_by_someone(G: nx.MultiDiGraph, key: str) -> bool:
    node = G.nodes[key]
    described = _words(str(node.get("descriptor") or ""))
    if node.get("type") != "document" or not described & SPOKEN_DOCUMENTS:
        return False
    return not (_words(display_name(G, key)) - described)  # nothing says whose


def _acronym(name: str) -> str:
    """The acronym of a name of three or more words ("Rail Accident Investigation
    Branch": "RAIB"); "" for shorter names."""
    words = [w for w in name.split() if w.lower() not in _FILLER]
    return "".join(w[0] for w in words).upper() if len(words) >= 3 else ""


def _is_acronym(written: str, acronym: str) -> bool:
    return bool(acronym) and written == acronym


def _words(text: str) -> frozenset[str]:
    return frozenset(
        w
        for w in "".join(c if c.isalnum() else " " for c in text.lower()).split()
        if w not in _FILLER
    )


def _corroborating(
    G: nx.MultiDiGraph,
    people: list[set[str]],
    said: dict[str, set[str]],
    where: dict[str, set[tuple[str | None, int | None]]],
    score: float,
) -> list[set[str]]:
    """Rules 9 and 11: the largest set of origins whose own claims are alike, each said
    in a sentence of its own (ties: the one with more claims); ``said`` gives each
    origin key's claims in the group, ``where`` its sentences (article, start)."""
    claims = [set().union(*(said.get(k, set()) for k in p)) for p in people]
    places = [set().union(*(where.get(k, set()) for k in p)) for p in people]
    links = nx.Graph()
    links.add_nodes_from(range(len(people)))
    for i in range(len(people)):
        for j in range(i + 1, len(people)):
            apart = bool(places[i] - places[j]) and bool(places[j] - places[i])
            if apart and (claims[i] & claims[j] or _alike(G, claims[i], claims[j], score)):
                links.add_edge(i, j)
    best: set[int] = max(
        nx.connected_components(links),
        key=lambda c: (len(c), sum(len(claims[i]) for i in c), -min(c)),
        default=set(),
    )
    return [people[i] for i in sorted(best)]


def _alike(G: nx.MultiDiGraph, xs: set[str], ys: set[str], score: float) -> bool:
    """Whether a claim in ``xs`` and one in ``ys`` are linked directly by meaning."""
    edges = [
        *((y, e) for x in xs for _, y, rel, e in G.edges(x, keys=True, data=True) if rel == SIM),
        *((y, e) for x in xs for y, _, rel, e in G.in_edges(x, keys=True, data=True) if rel == SIM),
    ]
    return any(
        y in ys and not e.get("split") and float(e.get("score", 1.0)) >= score for y, e in edges
    )


def claim_origins(
    G: nx.MultiDiGraph,
    *,
    similarity: float | None = SIMILARITY_THRESHOLD,
    min_outlets: int = 2,
    views: Sequence[AttributionView] | None = None,
) -> list[ClaimOrigins]:
    """Origins of every claim group that at least one attribution asserts.

    Sorted by amplification, then number of outlets and articles (descending).

    Examples
    --------
    Two outlets carry the mayor's claim, a third relays one of them:

    >>> from graph.analysis._testing import GraphBuilder
    >>> b = GraphBuilder()
    >>> a1 = b.article("a1", outlet="The Harbor Ledger")
    >>> a2 = b.article("a2", outlet="Meridian Wire")
    >>> a3 = b.article("a3", outlet="Coastline Courier")
    >>> ortiz = b.person("Lena Ortiz")
    >>> _ = b.attribute(a1, "The ferry stops.", origin=ortiz)
    >>> _ = b.attribute(a2, "The ferry stops.", origin=ortiz)
    >>> _ = b.attribute(a3, "The ferry stops.", origin=b.outlet("Meridian Wire"))
    >>> [r] = claim_origins(b.G)
    >>> r.verdict, r.origins, len(r.outlets), r.named_origins, r.relayed_outlets
    ('single-source', 1, 3, ('Lena Ortiz',), ('Meridian Wire',))
    """
    views = [v for v in (attribution_views(G) if views is None else views) if v.supports]
    by_claim: dict[str, list[AttributionView]] = {}
    for view in views:
        for c in view.claims:
            by_claim.setdefault(c, []).append(view)
    results = []
    for claims in claim_groups(G, similarity):
        seen: dict[str, AttributionView] = {}
        for c in claims:
            for view in by_claim.get(c, ()):
                seen[view.key] = view
        if not seen:
            continue
        group_views = list(seen.values())
        carriers: set[str | None] = {v.outlet for v in group_views}
        named: set[str] = set()
        said: dict[str, set[str]] = {}
        where: dict[str, set[tuple[str | None, int | None]]] = {}
        outright: set[str] = set()
        relayed: set[str] = set()
        unidentified = 0
        hidden: set[str] = set()
        for view in group_views:
            kind, key = ground_origin(view, carriers)
            if kind == "named" and _said_by_someone(G, key):
                unidentified += 1  # "a statement": whose, the collection does not say
                hidden.add(_hidden_name(G, key))
                continue
            if kind == "named" and not _sure(G, view):
                # shown as written ("he", "the president"), not as the guess behind it
                unidentified += 1
                hidden.add(" ".join(str(view.origin.text if view.origin else "").split()).lower())
                continue
            if kind == "named":
                named.add(key)
                said.setdefault(key, set()).update(c for c in view.claims if c in claims)
                where.setdefault(key, set()).add((view.article, view.sentence_start))
                if _outright(G, view):
                    outright.add(key)
            elif kind == "relay":
                relayed.add(key)
            else:
                unidentified += 1
                hidden.add(_hidden_name(G, key))
        people = same_people(G, named)
        # rule 10: a second origin must be named outright somewhere, not only as "he"
        people = sorted(people, key=lambda p: (not p & outright, min(p)))
        people = people[:1] + [p for p in people[1:] if p & outright]
        people = _corroborating(G, people, said, where, max(CORROBORATION, similarity or 0.0))
        origins = len(people) or (1 if unidentified else 0)
        outlets = {v.outlet or f"({v.article})" for v in group_views}
        n_outlets = len(outlets)
        if origins == 0:
            verdict = CIRCULAR
        elif origins >= 2:
            verdict = INDEPENDENT
        elif n_outlets >= min_outlets:
            verdict = SINGLE_SOURCE
        else:
            verdict = SINGLE_OUTLET
        results.append(
            ClaimOrigins(
                group=claims[0],
                claims=tuple(claims),
                text=group_text(G, claims, group_views),
                articles=len({v.article for v in group_views}),
                outlets=tuple(sorted(_name(G, o) for o in outlets)),
                attributions=len(group_views),
                named_origins=tuple(
                    sorted(max((display_name(G, k) for k in p), key=len) for p in people)
                ),
                unidentified=unidentified,
                unidentified_sources=tuple(sorted(hidden)),
                relayed_outlets=tuple(sorted(display_name(G, k) for k in relayed)),
                origins=origins,
                verdict=verdict,
                amplification=round(n_outlets / max(origins, 1), 2),
            )
        )
    results.sort(key=lambda r: (-r.amplification, -len(r.outlets), -r.articles, r.group))
    return results


def _hidden_name(G: nx.MultiDiGraph, key: str) -> str:
    if G.nodes[key].get("label") == "Attribution":
        return "(unspecified)"
    return " ".join(display_name(G, key).split()).lower()


def _name(G: nx.MultiDiGraph, key: str) -> str:
    return display_name(G, key) if key in G else key


def single_source(
    G: nx.MultiDiGraph,
    *,
    min_outlets: int = 2,
    similarity: float | None = SIMILARITY_THRESHOLD,
) -> list[ClaimOrigins]:
    """Claims carried by at least ``min_outlets`` outlets that lead back to one origin.

    Ranked by amplification (outlets per origin), highest first.

    Examples
    --------
    >>> from graph.analysis._testing import GraphBuilder
    >>> b = GraphBuilder()
    >>> for i, outlet in enumerate(["The Harbor Ledger", "Meridian Wire"]):
    ...     art = b.article(f"a{i}", outlet=outlet)
    ...     _ = b.attribute(art, "Port closes.", origin=b.anonymous("officials", article=art))
    >>> [r.text for r in single_source(b.G)]
    ['Port closes.']
    >>> single_source(b.G, min_outlets=3)
    []
    """
    return [
        r
        for r in claim_origins(G, similarity=similarity, min_outlets=min_outlets)
        if r.verdict == SINGLE_SOURCE
    ]


def independent_claims(
    G: nx.MultiDiGraph, *, similarity: float | None = SIMILARITY_THRESHOLD
) -> list[ClaimOrigins]:
    """Claims with at least two distinct origins under :data:`ORIGIN_RULE`.

    >>> from graph.analysis._testing import GraphBuilder
    >>> b = GraphBuilder()
    >>> a1, a2 = b.article("a1", outlet="Ledger"), b.article("a2", outlet="Wire")
    >>> _ = b.attribute(a1, "Bridge shut.", origin=b.person("Ana Ruiz"))
    >>> _ = b.attribute(a2, "Bridge shut.", origin=b.person("Tomas Vela"))
    >>> [(r.text, r.origins) for r in independent_claims(b.G)]
    [('Bridge shut.', 2)]
    """
    return [r for r in claim_origins(G, similarity=similarity) if r.verdict == INDEPENDENT]

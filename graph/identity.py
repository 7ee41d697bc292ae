"""Who is who across articles, decided from the whole collection at read time.

Each article is written with the people it names itself resolved (see
:mod:`loaders.nlp.coref` and :class:`graph.resolve.SourceResolver`); nothing
written depends on the articles stored before it. :func:`canonicalise` then
reads the whole graph and, by rules that depend only on the set of articles:

- moves each mention of a bare surname ("Obama", "Mr. Obama", a "he" resolved
  to "Obama") to the only full name with that surname that fits the mention:
  its honorific or pronoun (``"Mr."`` never joins a woman) and its office
  ("President Obama" never joins someone known only as first lady);
- retypes a name the tagger called an organisation in some articles ("Trump")
  as the person when the collection's evidence for a person outweighs it
  (attributions to people of that surname, an honorific in the mention);
- names each person by the fullest form written for them, sorts roles, and gives
  each claim one wording, so the graph is the same whatever order or batches the
  articles came in.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> people = [("barack", "Barack Obama", ["President"]), ("michelle", "Michelle Obama",
...           ["first lady"]), ("obama", "Obama", [])]
>>> for id_, name, roles in people:
...     G.add_node(f"Source:person-{id_}", label="Source", type="person", name=name, roles=roles)
>>> for i, text in enumerate(["Mr. Obama", "Mrs. Obama", "Obama"]):
...     G.add_node(f"Attribution:{i}", label="Attribution", source_text=text, source_name="Obama")
...     _ = G.add_edge(f"Attribution:{i}", "Source:person-obama", key="ATTRIBUTED_TO")
>>> G = canonicalise(G)
>>> [next(iter(G.successors(f"Attribution:{i}"))) for i in range(3)]
['Source:person-barack', 'Source:person-michelle', 'Source:person-obama']
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import networkx as nx

from graph import schema
from graph.names import (
    agree,
    first_name_gender,
    gender,
    is_full,
    name_tokens,
    norm_text,
    offices,
    person_id,
    person_name,
    surname,
)

_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_MENTION_EDGES = (schema.ATTRIBUTED_TO, schema.VIA)


def mention_gender(text: str) -> frozenset[str]:
    """The gender a mention states: an honorific, a gendered role word, or a pronoun.

    >>> mention_gender("Mrs. Obama"), mention_gender("he"), mention_gender("Obama")
    (frozenset({'f'}), frozenset({'m'}), frozenset())
    """
    low = text.strip().lower()
    if low in _PRONOUN_GENDER:
        return frozenset({_PRONOUN_GENDER[low]})
    return gender(text)


def _mentions(G: nx.MultiDiGraph, key: str) -> list[tuple[str, str, str, str, str]]:
    """``(attribution, edge type, written text, resolved name, gender)`` of each mention."""
    out = []
    for u, _, etype, data in G.in_edges(key, keys=True, data=True):
        if etype not in _MENTION_EDGES:
            continue
        att = G.nodes[u]
        if etype == schema.VIA:
            written = str(data.get("text") or "")
            out.append((u, etype, written, person_name(written), ""))
        else:
            written = str(att.get("source_text") or "")
            resolved = str(att.get("source_name") or written)
            out.append((u, etype, written, resolved, str(att.get("source_gender") or "")))
    out.sort()
    return out


def _said_gender(written: str, stated: str) -> frozenset[str]:
    said = mention_gender(written)
    return said if said else frozenset({stated}) if stated else frozenset()


class _Person:
    """What the collection says about one full-name person node."""

    def __init__(self, G: nx.MultiDiGraph, key: str) -> None:
        node = G.nodes[key]
        self.key = key
        self.name = str(node.get("name") or "")
        roles = [str(r) for r in node.get("roles") or []]
        votes: Counter[str] = Counter()
        for sex in gender(*roles):
            votes[sex] += 2
        for _, _, written, _, stated in _mentions(G, key):
            for sex in _said_gender(written, stated):
                votes[sex] += 1
        if not votes:
            votes.update(first_name_gender(self.name))
        top = votes.most_common()
        clear = top and (len(top) == 1 or top[0][1] > top[1][1])
        self.gender = frozenset({top[0][0]}) if clear else frozenset()
        self.offices = offices(*roles, *(w for _, _, w, _, _ in _mentions(G, key)))
        self.weight = len(_mentions(G, key))

    def fits(self, name: str, sex: frozenset[str]) -> bool:
        if not agree(name, self.name):
            return False
        return not (len(sex) == 1 and self.gender and not sex & self.gender)


def canonicalise(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Resolve people across the whole graph ``G`` (in place; also returned)."""
    sources = {
        k: d
        for k, d in G.nodes(data=True)
        if d.get("label") == schema.SOURCE and not d.get("article_id")
    }
    full = {
        k: _Person(G, k)
        for k, d in sorted(sources.items())
        if d.get("type") == "person" and is_full(str(d.get("name") or ""))
    }
    by_surname: dict[str, list[_Person]] = defaultdict(list)
    for person in full.values():
        by_surname[surname(person.name)].append(person)
    bare_votes: Counter[str] = Counter()  # mentions of people by surname alone
    for key, node in sources.items():
        if node.get("type") == "person" and key not in full:
            bare_votes[surname(str(node.get("name") or ""))] += len(_mentions(G, key))
    moves: list[tuple[str, str, str, str]] = []  # (attribution, edge type, old, new)
    for key, node in sorted(sources.items()):
        kind = node.get("type")
        name = str(node.get("name") or "")
        if kind == "person" and key in full:
            continue
        if kind not in ("person", "organization") or not name:
            continue
        tokens = name_tokens(person_name(name) if kind == "person" else name)
        if not tokens or not all(t.isalpha() for t in tokens) or len(tokens) > 3:
            continue
        people = by_surname.get(tokens[-1], [])
        if not people:
            continue
        mentions = _mentions(G, key)
        votes = bare_votes[tokens[-1]]
        if kind == "organization" and not _person_wins(name, people, votes, len(mentions)):
            continue
        for att, etype, written, _, stated in mentions:
            sex, titles = _said_gender(written, stated), offices(written)
            fits = [p for p in people if p.fits(name, sex)]
            if titles and len(fits) > 1:
                # "President Obama": the one the collection calls president
                fits = [p for p in fits if titles & p.offices]
            elif titles and len(fits) == 1 and fits[0].offices and not titles & fits[0].offices:
                fits = []
            fits = _dominant(fits)
            if len(fits) == 1:
                moves.append((att, etype, key, fits[0].key))
            elif kind == "organization":
                moves.append((att, etype, key, schema.node_key(schema.SOURCE, person_id(name))))
    for att, etype, old, new in moves:
        _move(G, att, etype, old, new)
    for key in sorted(sources):
        if key in G and G.nodes[key].get("type") == "person":
            _settle(G, key)
        elif key in G:
            _settle_name(G, key)
        if key in G and G.degree(key) == 0:
            G.remove_node(key)
    _claim_texts(G)
    return G


def _settle_name(G: nx.MultiDiGraph, key: str) -> None:
    """An organisation (or any other non-person) is named by its most written form (the
    first in sort order on a tie); its roles are sorted, as a person's are."""
    node: dict[str, Any] = G.nodes[key]
    names = Counter(
        norm_text(resolved)
        for _, etype, _, resolved, _ in _mentions(G, key)
        if etype == schema.ATTRIBUTED_TO and resolved
    )
    if names:
        node["name"] = min(names, key=lambda n: (-names[n], n))
    if node.get("roles"):
        node["roles"] = sorted(set(node["roles"]))


def _claim_texts(G: nx.MultiDiGraph) -> None:
    """A claim reads as the first of its wordings in text order, not the first stored."""
    for key, node in G.nodes(data=True):
        if node.get("label") != schema.CLAIM:
            continue
        wordings = [
            str(G.nodes[u].get("content_text") or "")
            for u, _, etype in G.in_edges(key, keys=True)
            if etype == schema.ASSERTS
        ]
        wordings = [w for w in wordings if w]
        if wordings:
            node["text"] = min(wordings)


DOMINANCE = 3  # a bare surname goes to the one who has this many times the others' mentions


def _dominant(fits: list[_Person]) -> list[_Person]:
    """Among several people a bare surname fits, the one the collection cites far more.

    >>> class P:
    ...     def __init__(self, w): self.weight = w
    >>> [p.weight for p in _dominant([P(42), P(6)])], len(_dominant([P(20), P(10)]))
    ([42], 2)
    """
    if len(fits) < 2:
        return fits
    ranked = sorted(fits, key=lambda p: -p.weight)
    rest = sum(p.weight for p in ranked[1:])
    return ranked[:1] if ranked[0].weight >= DOMINANCE * max(rest, 1) else fits


def _person_wins(name: str, people: list[_Person], bare: int, org_mentions: int) -> bool:
    """An organisation named like people of the collection is a person when the mentions
    of those people (full names, and ``bare`` surname-only ones) outnumber its own."""
    if is_full(name):
        people = [p for p in people if agree(name, p.name)]
        bare = 0
    return sum(p.weight for p in people) + bare > org_mentions


def _move(G: nx.MultiDiGraph, att: str, etype: str, old: str, new: str) -> None:
    data = dict(G.get_edge_data(att, old, etype) or {})
    G.remove_edge(att, old, etype)
    if new not in G:
        props = {k: v for k, v in G.nodes[old].items() if k not in ("label", "id", "name", "roles")}
        id_ = new.partition(":")[2]
        name = person_name(str(G.nodes[old].get("name") or ""))
        G.add_node(new, label=schema.SOURCE, id=id_, name=name, **{**props, "type": "person"})
    target = G.nodes[new]
    written = str(data.get("text") or G.nodes[att].get("source_text") or "")
    role = _role_of(written)
    if role:
        target["roles"] = sorted({*(target.get("roles") or []), role})
    G.add_edge(att, new, key=etype, **data)


def _role_of(written: str) -> str:
    """The words before the name in a mention ("President" in "President Obama").

    >>> _role_of("President Obama"), _role_of("Obama"), _role_of("he")
    ('President', '', '')
    """
    name = person_name(written)
    clean = " ".join(written.split())
    if not name or name == clean or not clean.endswith(name):
        return ""
    return clean[: -len(name)].strip(" ,")


def _settle(G: nx.MultiDiGraph, key: str) -> None:
    """Name a person by the fullest form written for them; sort the roles."""
    node: dict[str, Any] = G.nodes[key]
    names = Counter(
        person_name(resolved)
        for _, etype, _, resolved, _ in _mentions(G, key)
        if etype == schema.ATTRIBUTED_TO and agree(resolved, str(node.get("name") or ""))
    )
    if names:
        node["name"] = max(names, key=lambda n: (len(name_tokens(n)), names[n], len(n), n))
    if node.get("roles"):
        node["roles"] = sorted(set(node["roles"]))

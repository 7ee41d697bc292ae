"""Claim groups from links: strongest links first, never across a user's split.

Groups are a pure function of the links and the splits, so the same articles in
any order give the same groups. Links are taken strongest first (ties by
claim ids); two groups are joined unless a split pair would end up in one
group, or unless too few of their claims are linked to each other: at least
:data:`COVERAGE` of the pairs across the two groups must be linked, so a chain
of wordings, each like the next, does not make one group of claims whose ends
say different things. A group's id is its smallest claim id.

>>> links = {("a", "b"): 0.9, ("b", "c"): 0.8, ("c", "d"): 0.7}
>>> groups(["a", "b", "c", "d"], links, splits=set())
{'a': 'a', 'b': 'a', 'c': 'a', 'd': 'd'}
>>> links[("a", "c")] = links[("b", "d")] = 0.7
>>> groups(["a", "b", "c", "d"], links, splits=set())
{'a': 'a', 'b': 'a', 'c': 'a', 'd': 'a'}
>>> groups(["a", "b", "c", "d"], links, splits={("a", "d")})
{'a': 'a', 'b': 'a', 'c': 'a', 'd': 'd'}
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

#: The share of claim pairs across two groups that must be linked for them to join.
COVERAGE = 0.5


def pair(a: str, b: str) -> tuple[str, str]:
    """The key of an unordered pair of claims: larger id first (the link's direction).

    >>> pair("a", "b"), pair("b", "a")
    (('b', 'a'), ('b', 'a'))
    """
    return (a, b) if a > b else (b, a)


def groups(
    claims: Iterable[str],
    links: Mapping[tuple[str, str], float],
    splits: set[tuple[str, str]],
) -> dict[str, str]:
    """``{claim: group id}`` for ``claims`` joined by ``links`` (pair -> score)."""
    members: dict[str, set[str]] = {c: {c} for c in claims}
    root = {c: c for c in members}
    apart: dict[str, set[str]] = defaultdict(set)
    for a, b in splits:
        apart[a].add(b)
        apart[b].add(a)
    linked: dict[str, set[str]] = defaultdict(set)
    for a, b in links:
        linked[a].add(b)
        linked[b].add(a)

    def find(c: str) -> str:
        while root[c] != c:
            root[c] = root[root[c]]
            c = root[c]
        return c

    for (a, b), _ in sorted(links.items(), key=lambda kv: (-kv[1], kv[0])):
        if a not in root or b not in root:
            continue
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        small, big = sorted((members[ra], members[rb]), key=len)
        if any(apart[x] & big for x in small):
            continue
        across = sum(len(linked[x] & big) for x in small)
        if across < COVERAGE * len(small) * len(big):
            continue  # a chain: most claims of one group are not like the other's
        keep, gone = (ra, rb) if ra < rb else (rb, ra)
        members[keep] |= members.pop(gone)
        root[gone] = keep
    out = {}
    for ms in members.values():
        out.update(dict.fromkeys(ms, min(ms)))
    return dict(sorted(out.items()))


def region(seeds: Iterable[str], neighbours: Callable[[str], Iterable[str]]) -> set[str]:
    """Every claim reachable from ``seeds`` through links (the part a change can regroup).

    >>> sorted(region(["a"], {"a": ["b"], "b": ["a", "c"], "c": ["b"], "d": []}.__getitem__))
    ['a', 'b', 'c']
    """
    seen = set(seeds)
    todo = list(seen)
    while todo:
        for other in neighbours(todo.pop()):
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen

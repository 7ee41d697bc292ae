"""Claim identity and grouping: the same claim in other words becomes one group.

A claim's id comes from its normalised text, so identical wording in two
articles is one claim node. Claims worded differently are linked by
``SIMILAR_TO`` when they mean the same (their meaning score, the token
alignment of :func:`graph.embed.alignment`, reaches :data:`THRESHOLD`) *and*
a fact-checker's hard constraints hold (:mod:`graph.claimfacts`): their numbers fit, both or neither
are negated, and they come from the same story (articles published within
:data:`WINDOW_DAYS` of each other; when both name people, places or
organisations, they share one, unless they mean the same almost word for
word, :data:`SURE`). Each link keeps its score and why it was made. Linked
claims form groups (:mod:`graph.claimgroups`), whose id is stable and whose
members a user may split apart.

Candidates come from the time window (blocking): a claim is only compared
with claims seen within :data:`WINDOW_DAYS` (undated ones with all), so a
corpus spread over months does not compare every pair; among those, the
cosine of the sentence vectors (:data:`PREFILTER`) picks the few worth the
token alignment. Every candidate is scored exactly, so the links, and
therefore the groups, do not depend on the order articles arrive in.

>>> index = ClaimIndex()
>>> update = index.observe([("c1", "Police said 40 people were hurt in the blast.")], day=None)
>>> update = index.observe([("c2", "Forty people were injured by the explosion.")], day=None)
>>> update.links[0].props()["numbers"], index.group("c2")
(['Forty ~ 40'], 'c1')
>>> _ = index.observe([("c3", "Twelve people were injured by the explosion.")], day=None)
>>> index.group("c3")
'c3'
"""

from __future__ import annotations

import datetime as dt
import email.utils
import functools
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from graph import claimgroups
from graph.claimfacts import Facts, facts, fit
from graph.embed import TokenVectors, alignment
from graph.model import stable_id

# Sentence-vector cosine from which two claims are candidates (cheap, over the index).
PREFILTER = 0.5
# Meaning score (token alignment, graph.embed.alignment) from which they are linked:
# tuned on the labelled pairs of benchmarks/claim_pairs.py (recall at precision >= 0.9).
THRESHOLD = 0.75
# From this meaning score two claims are the same wording near enough that neither the
# time window nor their names need agree (a quote repeated months later is the same claim).
SURE = 0.8
# Claims from articles published further apart than this are different stories.
WINDOW_DAYS = 14
# Claims of fewer words than this are too short to compare.
MIN_WORDS = 4
# Token vectors kept in memory for re-scoring candidates (the rest are re-encoded).
TOKEN_CACHE = 4096

Encoder = Callable[[Sequence[str]], tuple[np.ndarray, list[TokenVectors]]]

_TOKEN = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+", re.UNICODE)


def normalise(text: str) -> str:
    """The text a claim id is derived from: lower case, words only.

    >>> normalise("  “Forty” people,  were KILLED. ")
    'forty people were killed'
    """
    return " ".join(t.lower() for t in _TOKEN.findall(text.replace("’", "'")))


def claim_id(text: str) -> str:
    """The deterministic id of the claim ``text`` (same words -> same id).

    >>> claim_id("Prices rose.") == claim_id("prices  ROSE")
    True
    """
    return stable_id("claim", normalise(text))


def day_of(published: str | None) -> int | None:
    """The day (proleptic ordinal) of a publication date as articles write it, if readable.

    >>> day_of("2016-11-09 00:00:00") - day_of("Tue, 1 Nov 2016 10:00:00 GMT")
    8
    >>> day_of("last week") is None
    True
    """
    if not published:
        return None
    m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", published)
    try:
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).toordinal()
        return email.utils.parsedate_to_datetime(published).date().toordinal()
    except (ValueError, TypeError, IndexError):
        return None


@functools.lru_cache(maxsize=65536)
def _facts(text: str) -> Facts:
    return facts(text)


@dataclass(frozen=True, slots=True)
class Link:
    """Why two claims are one: ``a`` > ``b`` (ids), meaning score, figures and names matched."""

    a: str
    b: str
    score: float
    numbers: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    split: bool = False

    def props(self) -> dict[str, Any]:
        """The SIMILAR_TO relationship's properties (no empty lists: Neo4j keeps no nulls)."""
        parts = [f"meaning {self.score:.2f}"]
        if self.numbers:
            parts.append("numbers " + ", ".join(self.numbers))
        if self.names:
            parts.append("names " + ", ".join(self.names))
        out: dict[str, Any] = {"score": self.score, "reason": "; ".join(parts)}
        if self.numbers:
            out["numbers"] = list(self.numbers)
        if self.names:
            out["names"] = list(self.names)
        if self.split:
            out["split"] = True
            out["reason"] = "split by a user; " + out["reason"]
        return out


def compare(
    a: tuple[str, str, int | None, int | None],
    b: tuple[str, str, int | None, int | None],
    score: Callable[[], float],
) -> Link | None:
    """The link between claims ``(id, text, first day, last day)``, or None when not the same.

    ``score`` gives their meaning score; it is only asked for once the numbers
    and negation agree.
    """
    fa, fb = _facts(a[1]), _facts(b[1])
    ok, numbers = fit(fa, fb)
    if not ok:
        return None
    meaning = score()
    if meaning < THRESHOLD:
        return None
    names = fa.names & fb.names
    if meaning < SURE:
        if not same_story(a[2:], b[2:]):
            return None
        if fa.names and fb.names and not names:
            return None
    x, y = claimgroups.pair(a[0], b[0])
    if x != a[0]:
        numbers = [" ~ ".join(reversed(n.split(" ~ "))) for n in numbers]
    return Link(x, y, round(float(meaning), 3), tuple(numbers), tuple(sorted(names)))


def same_story(a: Sequence[int | None], b: Sequence[int | None]) -> bool:
    """Whether day ranges ``(first, last)`` are within :data:`WINDOW_DAYS` (undated: yes)."""
    if a[0] is None or b[0] is None or a[1] is None or b[1] is None:
        return True
    return max(a[0], b[0]) - min(a[1], b[1]) <= WINDOW_DAYS


@dataclass(slots=True)
class Update:
    """What one change did: links made, groups and day ranges changed, splits added."""

    links: list[Link] = field(default_factory=list)
    groups: dict[str, str] = field(default_factory=dict)
    days: dict[str, tuple[int | None, int | None]] = field(default_factory=dict)


def _default_encoder(texts: Sequence[str]) -> tuple[np.ndarray, list[TokenVectors]]:
    from graph.embed import embed_all

    return embed_all(texts)


class ClaimIndex:
    """Known claims with their vectors, day ranges, links, splits and groups, in memory.

    A store seeds it (:meth:`load`, :meth:`load_link`) and may override
    :meth:`_stored` / :meth:`_removed` to keep vectors beside the graph.
    ``encode`` turns texts into unit sentence vectors and token vectors
    (default: :func:`graph.embed.embed_all`).
    """

    def __init__(self, encode: Encoder | None = None, dim: int = 384) -> None:
        self.encode = encode or _default_encoder
        self._row: dict[str, int] = {}
        self._ids: list[str | None] = []
        self._texts: list[str] = []
        self._vec = np.zeros((0, dim), dtype=np.float16)
        self._first = np.zeros(0)
        self._last = np.zeros(0)
        self._live = np.zeros(0, dtype=bool)
        self._free: list[int] = []
        self._group: dict[str, str] = {}
        self._links: dict[str, dict[str, float]] = {}
        self._splits: set[tuple[str, str]] = set()
        self._tokens: OrderedDict[str, TokenVectors] = OrderedDict()

    def __len__(self) -> int:
        return len(self._row)

    def __contains__(self, claim: object) -> bool:
        return claim in self._row

    def group(self, claim: str) -> str | None:
        return self._group.get(claim)

    def days(self, claim: str) -> tuple[int | None, int | None]:
        i = self._row[claim]
        first, last = self._first[i], self._last[i]
        return (None if np.isnan(first) else int(first), None if np.isnan(last) else int(last))

    def members(self, group: str) -> list[str]:
        return sorted(c for c, g in self._group.items() if g == group)

    # -- seeding ------------------------------------------------------------------------------

    def load(
        self,
        claim: str,
        text: str,
        vector: np.ndarray,
        days: tuple[int | None, int | None],
        group: str,
    ) -> None:
        """Add a stored claim as it is (no search, no regrouping)."""
        i = self._free.pop() if self._free else self._grow()
        self._row[claim] = i
        self._ids[i] = claim
        self._live[i] = True
        self._texts[i] = text
        self._vec[i] = vector
        self._first[i] = np.nan if days[0] is None else days[0]
        self._last[i] = np.nan if days[1] is None else days[1]
        self._group[claim] = group

    def load_link(self, a: str, b: str, score: float, *, split: bool = False) -> None:
        """Add a stored SIMILAR_TO link (a user's split when ``split``)."""
        if split:
            self._splits.add(claimgroups.pair(a, b))
        else:
            self._links.setdefault(a, {})[b] = score
            self._links.setdefault(b, {})[a] = score

    def _grow(self) -> int:
        n = len(self._ids)
        if n == self._vec.shape[0]:
            size = max(64, 2 * n)
            vec = np.zeros((size, self._vec.shape[1]), dtype=np.float16)
            vec[:n] = self._vec[:n]
            self._vec = vec
            self._first = np.concatenate([self._first, np.full(size - n, np.nan)])
            self._last = np.concatenate([self._last, np.full(size - n, np.nan)])
            self._live = np.concatenate([self._live, np.zeros(size - n, dtype=bool)])
        self._ids.append(None)
        self._texts.append("")
        return n

    def _stored(self, claim: str) -> None:
        """Hook: the claim's vector or day range is new (a store persists it here)."""

    def _removed(self, claim: str) -> None:
        """Hook: the claim left the index."""

    # -- changes ------------------------------------------------------------------------------

    def observe(self, claims: Sequence[tuple[str, str]], day: int | None) -> Update:
        """Claims ``(id, text)`` seen in one article published on ``day``: link and regroup."""
        update = Update()
        fresh = [(c, t) for c, t in dict(claims).items() if c not in self._row]
        vectors = None
        if fresh:
            vectors, toks = self.encode([t for _, t in fresh])
            for (_, text), tv in zip(fresh, toks, strict=True):
                self._remember(text, tv)
        search: list[str] = []
        for k, (claim, text) in enumerate(fresh):
            assert vectors is not None
            self.load(claim, text, vectors[k], (day, day), claim)
            update.groups[claim] = claim
            update.days[claim] = (day, day)
            self._stored(claim)
            search.append(claim)
        for claim in dict(claims):
            if claim in update.days:
                continue
            first, last = self.days(claim)
            if first is None or last is None:
                continue  # undated already: fits every day
            # a claim's days only widen (an undated article makes it undated), so the
            # links it can make only grow, whatever order the articles come in
            wider = (None, None) if day is None else (min(first, day), max(last, day))
            if wider != (first, last):
                i = self._row[claim]
                self._first[i] = np.nan if wider[0] is None else wider[0]
                self._last[i] = np.nan if wider[1] is None else wider[1]
                update.days[claim] = wider
                self._stored(claim)
                search.append(claim)
        for claim in search:
            for link in self._search(claim):
                if self._links.get(link.a, {}).get(link.b) != link.score:
                    self.load_link(link.a, link.b, link.score)
                    update.links.append(link)
        self._regroup(search, update)
        return update

    def discard(self, claim: str) -> Update:
        """Forget a claim no attribution asserts any more; its neighbours regroup."""
        update = Update()
        i = self._row.pop(claim, None)
        if i is None:
            return update
        self._ids[i] = None
        self._live[i] = False
        self._first[i] = self._last[i] = np.nan
        self._free.append(i)
        self._group.pop(claim, None)
        neighbours = list(self._links.pop(claim, {}))
        for other in neighbours:
            self._links.get(other, {}).pop(claim, None)
        self._splits = {p for p in self._splits if claim not in p}
        self._removed(claim)
        self._regroup(neighbours, update)
        return update

    def split(self, claim: str) -> tuple[Update, list[Link]]:
        """Take ``claim`` out of its group for good: split links to every other member."""
        group = self._group.get(claim)
        others = [m for m in self.members(group) if m != claim] if group else []
        splits = []
        for other in others:
            a, b = claimgroups.pair(claim, other)
            score = self._links.get(a, {}).get(b)
            if score is None:
                mine, theirs = self._token_vectors([self._texts[self._row[c]] for c in (a, b)])
                score = round(alignment(mine, theirs), 3)
            splits.append(Link(a, b, score, split=True))
            self._links.get(a, {}).pop(b, None)
            self._links.get(b, {}).pop(a, None)
            self._splits.add((a, b))
        update = Update()
        self._regroup([claim, *others], update)
        return update, splits

    def _search(self, claim: str) -> list[Link]:
        i = self._row[claim]
        text = self._texts[i]
        if len(text.split()) < MIN_WORDS:
            return []
        n = len(self._ids)
        first, last = self._first[:n], self._last[:n]
        mine = self.days(claim)
        live = self._live[:n]
        if mine[0] is not None and mine[1] is not None:
            # blocking: only claims within the window (or undated) are scored
            near = (first - mine[1] <= WINDOW_DAYS) & (mine[0] - last <= WINDOW_DAYS)
            live = live & (near | np.isnan(first))
        rows = np.flatnonzero(live)
        rows = rows[rows != i]
        if not len(rows):
            return []
        scores = self._vec[rows].astype(np.float32) @ self._vec[i].astype(np.float32)
        me = (claim, text, *mine)
        hits = np.flatnonzero(scores >= PREFILTER)
        candidates = []
        for r in rows[hits]:
            other = self._ids[r]
            assert other is not None
            otext = self._texts[r]
            if (
                claimgroups.pair(claim, other) not in self._splits
                and len(otext.split()) >= MIN_WORDS
            ):
                candidates.append((other, otext))
        self._token_vectors([text, *(t for _, t in candidates)])
        found = []
        for other, otext in candidates:

            def meaning(o: str = otext) -> float:
                mine, theirs = self._token_vectors([text, o])
                return alignment(mine, theirs)

            link = compare(me, (other, otext, *self.days(other)), meaning)
            if link is not None:
                found.append(link)
        return found

    def _remember(self, text: str, tv: TokenVectors) -> None:
        self._tokens[text] = tv
        self._tokens.move_to_end(text)
        while len(self._tokens) > TOKEN_CACHE:
            self._tokens.popitem(last=False)

    def _token_vectors(self, texts: Sequence[str]) -> list[TokenVectors]:
        """Token vectors of ``texts`` from the cache, encoding the missing ones in one batch."""
        found = {t: self._tokens[t] for t in texts if t in self._tokens}
        missing = sorted(set(texts) - found.keys())
        if missing:
            found.update(zip(missing, self.encode(missing)[1], strict=True))
        for t, tv in found.items():
            self._remember(t, tv)
        return [found[t] for t in texts]

    def _regroup(self, seeds: Iterable[str], update: Update) -> None:
        live = [s for s in seeds if s in self._row]
        # a group is always within one linked region: regrouping the region is enough
        area = claimgroups.region(live, lambda c: self._links.get(c, {}))
        links = {claimgroups.pair(a, b): s for a in area for b, s in self._links.get(a, {}).items()}
        splits = {p for p in self._splits if p[0] in area or p[1] in area}
        for claim, group in claimgroups.groups(area, links, splits).items():
            if self._group.get(claim) != group:
                self._group[claim] = group
                update.groups[claim] = group

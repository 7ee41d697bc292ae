"""Claim identity and grouping: the same claim in other words becomes one group.

A claim's id comes from its normalised text, so identical wording in two
articles is one claim node. Claims worded differently are linked by
``SIMILAR_TO {score}`` when their content words (crudely stemmed) overlap
enough, weighted by inverse document frequency over the claims known so far,
and their numbers and negation agree; each claim carries the ``group`` of the
claim it matched best. Measured on 96 articles about 13 events: 216 links,
92% of them right, 96% of those scoring 0.6 or more (see ``notes/graph.md``).

>>> a = claim_terms("The minister said 40 people were killed in the blast.")
>>> b = claim_terms("Forty people were killed in the blast, the minister said")
>>> sorted(a.words)[:3]
['blast', 'kill', 'minister']
>>> similarity(a, b) >= THRESHOLD
True
>>> c = claim_terms("12 people were killed in the blast.")
>>> similarity(a, c)
0.0
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from graph.model import stable_id

# Two claims are linked when ``similarity`` reaches this (measured, see notes/graph.md).
THRESHOLD = 0.5
# Claims with fewer content words than this are too short to compare.
MIN_WORDS = 4
# ... and share at least this many.
MIN_SHARED = 3
# Words in more claims than this do not propose candidates (they still count in the score).
MAX_POSTING = 2000

_STOP = frozenset(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just me more most my myself no nor not now of off on once
    only or other our ours out over own same she should so some such than that the their
    theirs them then there these they this those through to too under until up very was we
    were what when where which while who whom why will with would you your yours said says
    say told tells according reported reports would could may might must shall also
    mr mrs ms dr s t ca wo
    """.split()  # noqa: SIM905
)
_NUMBER_WORDS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "hundred": "100",
    "dozen": "12",
}
_TOKEN = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+", re.UNICODE)
_NOT = re.compile(r"n't\b", re.IGNORECASE)
_NEGATIONS = frozenset({"not", "no", "never", "nor", "n't", "without", "deny", "denied"})


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


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


@dataclass(frozen=True, slots=True)
class Terms:
    """The comparable parts of a claim: content-word stems, numbers, negation."""

    words: frozenset[str]
    numbers: frozenset[str]
    negated: bool


def claim_terms(text: str) -> Terms:
    """Content-word stems, numbers (words as digits) and whether the claim is negated."""
    words: set[str] = set()
    numbers: set[str] = set()
    negated = False
    for raw in _TOKEN.findall(_NOT.sub(" not", text.replace("’", "'"))):
        tok = raw.lower()
        if tok in _NEGATIONS or tok.endswith("n't"):
            negated = True
        if tok[0].isdigit():
            numbers.add(tok.replace(",", ""))
        elif tok in _NUMBER_WORDS:
            numbers.add(_NUMBER_WORDS[tok])
        elif tok not in _STOP and len(tok) > 1:
            words.add(_stem(tok))
    return Terms(frozenset(words), frozenset(numbers), negated)


def similarity(a: Terms, b: Terms, weight: Callable[[str], float] | None = None) -> float:
    """Dice overlap of content words, 0 when numbers or negation disagree.

    With ``weight`` (say, inverse document frequency) each word counts that much.

    >>> similarity(claim_terms("The bridge will reopen in May"),
    ...            claim_terms("the bridge will not reopen in May"))
    0.0
    """
    if len(a.words) < MIN_WORDS or len(b.words) < MIN_WORDS:
        return 0.0
    if a.numbers != b.numbers and (a.numbers or b.numbers):
        return 0.0
    if a.negated != b.negated:
        return 0.0
    common = a.words & b.words
    if len(common) < MIN_SHARED:
        return 0.0
    if weight is None:
        return 2.0 * len(common) / (len(a.words) + len(b.words))
    total = sum(map(weight, a.words)) + sum(map(weight, b.words))
    return 2.0 * sum(map(weight, common)) / total if total else 0.0


class ClaimIndex:
    """Known claims by content word, to find the similar ones of a new claim.

    This one keeps everything in memory; a store may subclass it and keep the
    index beside the graph (see :mod:`graph.store.sqlite_claims`), overriding
    the storage methods (``add``, ``discard``, ``group``, ``__len__``,
    ``__contains__``, ``_dfs``, ``_candidates``, ``_load``).

    >>> index = ClaimIndex()
    >>> index.add("c1", "The harbour will close for repairs next winter", "c1")
    >>> index.similar("c2", "Next winter the harbour closes for repairs")
    [('c1', 'c1', 1.0)]
    """

    def __init__(self) -> None:
        self._terms: dict[str, Terms] = {}
        self._group: dict[str, str] = {}
        self._postings: dict[str, set[str]] = defaultdict(set)
        self._by_numbers: dict[frozenset[str], set[str]] = defaultdict(set)

    def __len__(self) -> int:
        return len(self._terms)

    def __contains__(self, claim: object) -> bool:
        return claim in self._terms

    def add(self, claim: str, text: str, group: str) -> None:
        terms = claim_terms(text)
        self._terms[claim] = terms
        self._group[claim] = group
        for w in terms.words:
            self._postings[w].add(claim)
        self._by_numbers[terms.numbers].add(claim)

    def discard(self, claim: str) -> None:
        terms = self._terms.pop(claim, None)
        self._group.pop(claim, None)
        if terms is None:
            return
        same_numbers = self._by_numbers.get(terms.numbers)
        if same_numbers is not None:
            same_numbers.discard(claim)
            if not same_numbers:
                del self._by_numbers[terms.numbers]
        for w in terms.words:
            posting = self._postings.get(w)
            if posting is not None:
                posting.discard(claim)
                if not posting:
                    del self._postings[w]

    def group(self, claim: str) -> str | None:
        return self._group.get(claim)

    def _dfs(self, words: Iterable[str]) -> dict[str, int]:
        """Document frequency (number of known claims) of each word."""
        return {w: len(self._postings.get(w, ())) for w in words}

    def _candidates(self, prefix: Collection[str], numbers: frozenset[str]) -> set[str]:
        """Known claims with these numbers that share a word of ``prefix``."""
        same_numbers = self._by_numbers.get(numbers, set())
        if len(same_numbers) <= MAX_POSTING:
            return {c for c in same_numbers if not self._terms[c].words.isdisjoint(prefix)}
        found: set[str] = set()
        for w in prefix:
            posting = self._postings.get(w, ())
            if len(posting) <= MAX_POSTING:
                found.update(c for c in posting if self._terms[c].numbers == numbers)
        return found

    def _load(self, claims: Iterable[str]) -> dict[str, tuple[Terms, str]]:
        return {c: (self._terms[c], self._group[c]) for c in claims}

    def similar(self, claim: str, text: str, *, limit: int = 10) -> list[tuple[str, str, float]]:
        """``(claim, group, score)`` of known claims at least :data:`THRESHOLD` alike."""
        terms = claim_terms(text)
        if len(terms.words) < MIN_WORDS:
            return []
        df = self._dfs(terms.words)
        # Prefix filter: a claim at least THRESHOLD alike shares at least
        # THRESHOLD / (2 - THRESHOLD) of our words (unweighted), so one of our
        # rarest words beyond that share proposes every candidate worth scoring.
        rare = sorted(terms.words, key=lambda w: (df[w], w))
        keep = len(rare) - math.ceil(THRESHOLD / (2 - THRESHOLD) * len(rare)) + 1
        candidates = self._candidates(rare[:keep], terms.numbers)
        candidates.discard(claim)
        others = self._load(candidates)
        extra = {w for t, _ in others.values() for w in t.words} - df.keys()
        df.update(self._dfs(extra))
        total = len(self) + 1

        def idf(word: str) -> float:
            return math.log((total + 1) / (df.get(word, 0) + 1)) + 1.0

        found = []
        for other, (other_terms, group) in others.items():
            score = similarity(terms, other_terms, idf)
            if score >= THRESHOLD:
                found.append((other, group, round(score, 3)))
        found.sort(key=lambda t: (-t[2], t[0]))
        return found[:limit]

"""The rules' working record of one attribution, before sources are resolved.

A :class:`Candidate` still points into the spaCy ``Doc``; the pipeline turns it
into a :class:`graph.model.Attribution` once sources are typed and resolved.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from spacy.tokens import Span

from graph.model import AttributionKind


@dataclass(slots=True)
class SourceRef:
    """A source as written (``span``) and the phrase that names it (``referent``).

    ``referent`` differs from ``span`` for a relative pronoun ("who") whose
    antecedent is elsewhere in the sentence.
    """

    span: Span
    referent: Span


@dataclass(slots=True)
class Candidate:
    """One attribution found by a rule; offsets are characters of the doc text."""

    cue: tuple[int, int]
    cue_token: int
    sentence: tuple[int, int]
    sources: list[SourceRef]  # conjuncts of the source; empty when unspecified
    content: tuple[int, int] | None
    via: list[SourceRef] = field(default_factory=list)
    recipient: Span | None = None  # "told Reuters": maybe an outlet in the chain
    kind: AttributionKind = AttributionKind.STATEMENT
    hedged: bool = False
    channel: str | None = None
    confidence: float = 0.9
    quote: bool = False  # content is a quotation
    pieces: list[tuple[int, int]] = field(default_factory=list)  # content in several pieces

    def covers(self, char: int) -> bool:
        """Whether ``char`` lies inside the content."""
        return self.content is not None and self.content[0] <= char < self.content[1]


T = TypeVar("T")


class Intervals(Generic[T]):
    """Character intervals ``[start, end)`` with a payload, to find those that hold a point
    or overlap a range in time proportional to the answer (for short intervals), where a
    scan of all of them made the rules quadratic in the length of an article.

    >>> iv = Intervals([(0, 5, "a"), (3, 9, "b"), (20, 22, "c")])
    >>> list(iv.holding(4)), list(iv.overlapping(8, 21))
    (['a', 'b'], ['b', 'c'])
    """

    def __init__(self, items: Iterable[tuple[int, int, T]]) -> None:
        self._items = sorted(items, key=lambda it: it[0])
        self._starts = [it[0] for it in self._items]
        self._longest = max((e - s for s, e, _ in self._items), default=0)

    def overlapping(self, start: int, end: int) -> Iterator[T]:
        """Payloads of the intervals with ``s < end and start < e``, in start order."""
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        for s, e, payload in self._items[lo:hi]:
            if s < end and start < e:
                yield payload

    def holding(self, char: int) -> Iterator[T]:
        """Payloads of the intervals with ``s <= char < e``, in start order."""
        lo = bisect_left(self._starts, char - self._longest)
        hi = bisect_right(self._starts, char)
        for s, e, payload in self._items[lo:hi]:
            if s <= char < e:
                yield payload

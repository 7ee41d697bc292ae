"""The rules' working record of one attribution, before sources are resolved.

A :class:`Candidate` still points into the spaCy ``Doc``; the pipeline turns it
into a :class:`graph.model.Attribution` once sources are typed and resolved.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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

"""Nested attributions: "Y, The Times reports" where Y is itself "officials estimated Z".

When the content of an outer attribution is headed by the cue of an inner
one, the inner one is kept and the outer source joins its chain (``via``).
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc

from graph.model import AttributionKind
from loaders.nlp.candidate import Candidate, Intervals
from loaders.nlp.cues import REPORTED_SPEECH
from loaders.nlp.sources import is_pronoun


def merge_nested(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Fold each outer reporter into the chain of the attribution it reports."""
    dropped: set[int] = set()
    # Candidates by the position of their cue token: an inner one must lie in the outer content.
    by_cue = sorted((doc[c.cue_token].idx, j) for j, c in enumerate(cands))
    cue_at = [at for at, _ in by_cue]
    for i, outer in enumerate(cands):
        if (
            outer.content is None
            or outer.kind is not AttributionKind.STATEMENT
            or not outer.sources
        ):
            continue
        lo, hi = bisect_left(cue_at, outer.content[0]), bisect_left(cue_at, outer.content[1])
        for j in sorted(j for _, j in by_cue[lo:hi]):
            inner = cands[j]
            if i == j or j in dropped or not _is_main_claim(doc, outer, inner):
                continue
            if _cut_empty(outer, inner):
                continue
            inner.via = [*outer.via, *outer.sources, *inner.via]
            if (
                inner.content is not None
                and outer.content is not None
                and inner.covers(outer.cue[0])
            ):
                # "Y, The Times reports" parsed inside Y: the report is not part of Y.
                inner.content = (inner.content[0], min(inner.content[1], outer.content[1]))
            inner.hedged = inner.hedged or outer.hedged
            dropped.add(i)
            break
    kept = [c for k, c in enumerate(cands) if k not in dropped]
    contents = Intervals((c.content[0], c.content[1], c) for c in kept if c.content is not None)
    sources = Intervals(
        (ref.span.start_char, ref.span.end_char, c) for c in kept for ref in c.sources
    )
    return [c for c in kept if not _embedded(doc, c, contents) and not _in_source(c, sources)]


def _cut_empty(outer: Candidate, inner: Candidate) -> bool:
    """Whether cutting the outer report out of the inner content would leave nothing."""
    if inner.content is None or outer.content is None or not inner.covers(outer.cue[0]):
        return False
    return min(inner.content[1], outer.content[1]) <= inner.content[0]


def _in_source(inner: Candidate, sources: Intervals[Candidate]) -> bool:
    """ "Three engineers who know the site said ...": "know" is part of the source phrase."""
    return any(outer is not inner for outer in sources.holding(inner.cue[0]))


def _embedded(doc: Doc, inner: Candidate, contents: Intervals[Candidate]) -> bool:
    """A cue deep inside another attribution's content: PolNeAR-style, only the outer counts."""
    cue = doc[inner.cue_token]
    return any(
        outer is not inner
        and outer.covers(cue.idx)
        and outer.content is not None
        and not (
            inner.content
            and inner.content[0] <= outer.content[0]
            and outer.content[1] <= inner.content[1]
        )
        for outer in contents.holding(cue.idx)
    )


def _is_main_claim(doc: Doc, outer: Candidate, inner: Candidate) -> bool:
    cue = doc[inner.cue_token]
    if not outer.covers(cue.idx) or inner.kind is not AttributionKind.STATEMENT:
        return False
    if cue.lemma_.lower() not in REPORTED_SPEECH:
        return False  # "officials said 2016 has seen ...": "seen" is not a report
    if cue.head.i != cue.i and outer.covers(cue.head.idx):
        return False  # embedded deeper than the main clause
    if inner.covers(outer.cue[0]) and outer.cue[0] < inner.cue[0]:
        return False  # each covers the other: the later, clause-final cue is the outer one
    according = doc[outer.cue_token].lower_ == "according"
    if not according and any(is_pronoun(ref.span) for ref in inner.sources):
        return False  # "he said he believed": the same speaker ("According to X, she ..." is not)
    return all(outer.covers(ref.span.start_char) for ref in inner.sources)


def dedupe(cands: list[Candidate]) -> list[Candidate]:
    """Drop a candidate whose cue and content repeat an earlier one, and one without a
    source whose content is the content of one with a source ("It was not yet known how
    many were hurt, the spokesman said": the spokesman said it; a narrower content, as in
    "X is believed to ..., the paper said", stays to make a chain)."""
    sourced = {c.content for c in cands if c.sources and c.content is not None}
    cands = [c for c in cands if c.sources or c.content is None or c.content not in sourced]
    seen: set[tuple[tuple[int, int], tuple[int, int] | None, int]] = set()
    out = []
    for cand in cands:
        start = cand.sources[0].span.start_char if cand.sources else -1
        key = (cand.cue, cand.content, start)
        if key not in seen:
            seen.add(key)
            out.append(cand)
    return out

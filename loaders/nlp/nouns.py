"""Noun cues with a possessive source: "the mayor's claim that Y", "Lee's call for Y"."""

from __future__ import annotations

from spacy.tokens import Span

from graph.model import AttributionKind
from loaders.nlp.candidate import Candidate, SourceRef
from loaders.nlp.cues import CONTENT_PREPS, words
from loaders.nlp.spans import chars, span_of, trim

NOUN_CUES = words(
    """
    claim statement assertion suggestion accusation allegation warning promise argument
    remark comment belief call pledge vow criticism denial admission announcement
    proposal endorsement insistence contention view demand plea prediction assessment
    """
)


def noun_candidates(sent: Span) -> list[Candidate]:
    """One candidate per cue noun that has a possessive source and a content."""
    doc = sent.doc
    out = []
    for noun in sent:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in NOUN_CUES:
            continue
        owners = [c for c in noun.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")]
        if not owners:
            continue
        rng = None
        for child in noun.children:
            if child.i < noun.i:
                continue
            if child.dep_ in ("acl", "ccomp", "relcl") and child.left_edge.lower_ == "that":
                rng = trim(doc, child.left_edge.i, child.right_edge.i + 1)
            elif child.dep_ == "prep" and child.lower_ in CONTENT_PREPS:
                objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                if objs:
                    rng = trim(doc, objs[0].left_edge.i, objs[0].right_edge.i + 1)
            if rng is not None:
                break
        if rng is None or rng[1] <= rng[0]:
            continue
        owner = owners[0]
        written = span_of(doc, owner.left_edge.i, owner.right_edge.i + 1)
        named = span_of(doc, owner.left_edge.i, owner.i + 1)
        if written is None or named is None:
            continue
        out.append(
            Candidate(
                cue=chars(doc, noun.i, noun.i + 1),
                cue_token=noun.i,
                sentence=chars(doc, *trim(doc, sent.start, sent.end)),
                sources=[SourceRef(span=written, referent=named)],
                content=chars(doc, *rng),
                kind=AttributionKind.STATEMENT,
                confidence=0.6,
            )
        )
    return out

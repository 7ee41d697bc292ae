"""Kinds and hedges from evidence, for both engines.

- refusals and non-answers: "declined to comment", "did not respond to a request
  for comment", "could not be reached", "would not say", "did not elaborate",
  "was not available for comment", "had no immediate comment";
- denials: "denied", "disputed", "rejected reports that", "dismissed the claim";
- hedges: "reportedly", "allegedly", "is said to", "are believed to",
  "could not rule out", a hedge inside the content.

:func:`refine` sets the kind and hedge of any candidate from its cue;
:func:`non_answer_candidates` finds the non-answers no cue verb heads.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from graph.model import AttributionKind
from loaders.nlp.candidate import Candidate
from loaders.nlp.cues import CUE_LEMMAS, HEDGES, NEGATIONS, REFUSED_ACTS, words
from loaders.nlp.sources import source_refs
from loaders.nlp.spans import chars, trim

# "did not respond", "would not say": negated, with an auxiliary, no "that" clause.
NON_ANSWER_ACTS = REFUSED_ACTS | words("respond reply elaborate specify")
NON_ANSWER_AUX = words("could would will can might did does do")
DENIAL_LEMMAS = words("deny dispute refute rebut")
# "rejected reports that", "dismissed the allegations": a denial only with such an object.
REJECTING_LEMMAS = words("reject dismiss")
REJECTED = words(
    "report reports claim claims allegation allegations accusation accusations suggestion "
    "suggestions notion idea characterization account story stories rumor rumors rumour rumours"
)
# What one does not return: "did not return calls".
UNRETURNED = words("call message request email inquiry query")
SUBJECTS = ("nsubj", "nsubjpass")


def refine(cand: Candidate, sent: Span) -> None:
    """Set ``cand``'s kind (refusal, denial) and hedge from its cue and content."""
    doc = sent.doc
    cue = doc[cand.cue_token]
    lemma = cue.lemma_.lower()
    if cand.kind is AttributionKind.STATEMENT:
        if _non_answer(cue):
            cand.kind = AttributionKind.REFUSAL
        elif lemma in DENIAL_LEMMAS or (lemma in REJECTING_LEMMAS and _rejects_a_report(cue)):
            cand.kind = AttributionKind.DENIAL
    cand.hedged = cand.hedged or _hedged(cue, cand, sent)


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" and c.lower_ in NEGATIONS for c in tok.children)


def _non_answer(cue: Token) -> bool:
    if cue.lemma_.lower() not in NON_ANSWER_ACTS or not _negated(cue):
        return False
    if not any(c.dep_ == "aux" and c.lower_ in NON_ANSWER_AUX for c in cue.children):
        return False
    # "did not say that X": a negated statement, not a non-answer.
    return not any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in cue.children
    )


def _rejects_a_report(cue: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lower_ in REJECTED for c in cue.children)


def _hedged(cue: Token, cand: Candidate, sent: Span) -> bool:
    near = [cue, *([cue.head] if cue.dep_ in ("xcomp", "ccomp") else [])]
    if any(c.lower_ in HEDGES for t in near for c in t.children):
        return True
    if cue.lemma_.lower() == "rule" and _negated(cue):  # "could not rule out"
        return True
    if cand.content is not None:
        s, e = cand.content
        if any(s <= t.idx < e and t.lower_ in HEDGES for t in sent):
            return True
    return False


def non_answer_candidates(sent: Span) -> list[Candidate]:
    """ "X could not be reached", "X was not available for comment", "X had no comment",
    "X did not return calls": refusals with no cue verb of saying."""
    out = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        holder = None
        if lemma == "reach" and _negated(tok) and any(c.dep_ == "auxpass" for c in tok.children):
            holder = tok
        elif lemma == "available" and _negated(tok.head if tok.dep_ == "acomp" else tok):
            holder = tok.head if tok.dep_ == "acomp" else tok
        elif (
            lemma == "return"
            and _negated(tok)
            and any(c.dep_ == "dobj" and c.lemma_.lower() in UNRETURNED for c in tok.children)
        ):
            holder = tok
        elif lemma in NON_ANSWER_ACTS and lemma not in CUE_LEMMAS and _non_answer(tok):
            holder = tok  # "did not elaborate", "would not specify"
        elif (
            lemma == "comment"
            and tok.dep_ == "dobj"
            and tok.head.lemma_.lower() == "have"
            and any(c.lower_ == "no" for c in tok.children)
        ):
            holder = tok.head
        if holder is None:
            continue
        subjects = [c for c in holder.children if c.dep_ in SUBJECTS]
        if not subjects:
            continue
        left = min(
            [c.i for c in holder.children if c.dep_ in ("aux", "auxpass", "neg")] + [holder.i]
        )
        right = tok.i + 1 if tok.i >= holder.i else holder.i + 1
        s, e = trim(sent.doc, sent.start, sent.end, keep_quotes=True)
        out.append(
            Candidate(
                cue=chars(sent.doc, left, right),
                cue_token=holder.i,
                sentence=chars(sent.doc, s, e),
                sources=source_refs(subjects[0]),
                content=None,
                kind=AttributionKind.REFUSAL,
                confidence=0.8,
            )
        )
    return out

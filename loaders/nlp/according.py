"""Cues that are not verbs.

"According to X, Y", "Y, according to X", and the headline style
"Mayor Ruiz: The bridge will reopen".
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from graph.model import AttributionKind
from graph.names import PERSON_NOUNS
from loaders.nlp.candidate import Candidate, SourceRef
from loaders.nlp.sources import DOCUMENT_NOUNS, NOMINAL, ORG_NOUNS, named_elsewhere, source_refs
from loaders.nlp.spans import chars, ents_in, trim


def according_candidates(sent: Span) -> list[Candidate]:
    """One candidate per "according to" phrase in ``sent``."""
    doc = sent.doc
    out = []
    for tok in sent:
        if tok.lower_ != "according" or tok.i + 1 >= sent.end or doc[tok.i + 1].lower_ != "to":
            continue
        to = doc[tok.i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"]
        if not objs:
            continue
        obj = objs[0]
        phrase_end = obj.right_edge.i + 1
        left = trim(doc, sent.start, tok.i)
        right = trim(doc, phrase_end, sent.end)
        use_left = left[1] - left[0] >= 3 and (
            left[1] - left[0] >= right[1] - right[0] or right[1] - right[0] < 3
        )
        start, end = left if use_left else right
        if end <= start:
            continue
        out.append(
            Candidate(
                cue=chars(doc, tok.i, tok.i + 2),
                cue_token=tok.i,
                sentence=chars(doc, *trim(doc, sent.start, sent.end)),
                sources=source_refs(obj),
                content=chars(doc, start, end),
                kind=AttributionKind.STATEMENT,
                confidence=0.9,
            )
        )
    return out


def colon_candidates(sent: Span) -> list[Candidate]:
    """ "Ruiz: Bridge will reopen": a short name, a colon, then what they said."""
    doc = sent.doc
    colon = next((t for t in sent[:6] if t.text == ":"), None)
    if colon is None or colon.i == sent.start:
        return []
    name = doc[sent.start : colon.i]
    capitalised = all(
        (t.pos_ in ("PROPN", "NOUN") and (t.is_title or t.is_upper)) or t.is_punct for t in name
    )
    if not capitalised or name.root.pos_ not in NOMINAL:
        return []
    ents = ents_in(name)
    if ents and ents[0].label_ not in ("PERSON", "ORG", "NORP"):
        return []
    start, end = trim(doc, colon.i + 1, sent.end)
    if end - start < 3:
        return []
    if (
        not ents
        and name.root.pos_ == "NOUN"
        and not _can_say(name.root)
        and not (doc[start].is_quote or _title_case(doc[start:end]))
        and not named_elsewhere(name.root)
    ):
        return []  # a caption's label: "Scene: the tram on its side", "Rain: downpours"
    return [
        Candidate(
            cue=chars(doc, colon.i, colon.i + 1),
            cue_token=colon.i,
            sentence=chars(doc, *trim(doc, sent.start, sent.end)),
            sources=[SourceRef(span=name, referent=name)],
            content=chars(doc, start, end),
            confidence=0.6,
        )
    ]


def _can_say(noun: Token) -> bool:
    """Whether a common noun before a colon can be who speaks ("Police: two held",
    "Poll: a dead heat")."""
    lemma = noun.lemma_.lower()
    return lemma in PERSON_NOUNS or lemma in ORG_NOUNS or lemma in DOCUMENT_NOUNS


def _title_case(span: Span) -> bool:
    """A headline in title case ("Harbour Pier Will Reopen In May")."""
    words = [t for t in span if t.is_alpha]
    return bool(words) and sum(t.is_title for t in words) >= 0.6 * len(words)

"""Attributions headed by a verb: "X said Y", "Y, X said", "said X", "X as saying Y", refusals."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from graph.model import AttributionKind
from loaders.nlp.candidate import Candidate, SourceRef
from loaders.nlp.content import (
    adjacent_quote,
    as_content,
    citing_token,
    clause_bounds,
    clause_content,
    drop_trailing_aside,
    extend_to_quote,
    left_content,
    parenthetical_content,
)
from loaders.nlp.cues import (
    APPOINTING,
    AS_SPEECH,
    CHANNELS,
    CUE_LEMMAS,
    DENIAL_VERBS,
    HEARSAY_PASSIVES,
    HEDGES,
    MODALS,
    NEGATIONS,
    PERCEIVING_VERBS,
    RAISING_VERBS,
    REFUSED_ACTS,
    REFUSING_VERBS,
    REPORTING_VERBS,
    SPEECH_VERBS,
    VERB_CHANNELS,
    words,
)
from loaders.nlp.mentions import SUBJECT_DEPS, person_noun, stray_subject
from loaders.nlp.senses import lacks_its_clause, says_nothing
from loaders.nlp.sources import ASIDE_DASHES, DOCUMENT_NOUNS, linear_refs, source_refs
from loaders.nlp.spans import chars, span_of, trim

NOT_CUE_ADVERBS = words("when where why how however so then instead thus therefore")
INHERIT_DEPS = frozenset(("conj", "xcomp", "advcl"))


def verb_candidates(sent: Span, quotes: Sequence[tuple[int, int]]) -> list[Candidate]:
    """Every verb-headed attribution in ``sent``."""
    out: list[Candidate] = []
    consumed: set[int] = set()
    for tok in sent:
        if _is_as_saying(tok, sent):
            found = _as_saying(sent, tok, quotes, consumed)
            if found is not None:
                out.append(found)
    for tok in sent:
        if tok.i in consumed or not tok.tag_.startswith("VB"):
            continue
        lemma = tok.lemma_.lower()
        if lemma in REFUSING_VERBS:
            found = _refusal(sent, tok, quotes, consumed)
        elif lemma == "put":
            found = _put_it(sent, tok)
        elif lemma in CUE_LEMMAS and not says_nothing(tok):
            found = _speech(sent, tok, quotes, consumed)
        else:
            continue
        if found is not None:
            out.append(found)
    return out


# Parts of speech a misparse may give a cue for a subject; none names a source.
NOT_A_SUBJECT = frozenset(("DET", "ADP", "CCONJ", "SCONJ", "PUNCT", "PART"))


def subject_of(verb: Token, depth: int = 3) -> tuple[Token | None, bool]:
    """The subject of ``verb`` (borrowed from a governing verb) and whether it is passive.

    "That prompted the ambassador to say": the one who says is the object of "prompted";
    "a letter asking him": the one asking is the letter.
    """
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    active = any(c.dep_ == "nsubj" for c in verb.children) and not passive
    for child in verb.children:
        # "by" is an agent only in a passive: in "X has blamed the letters by Y for Z"
        # (parsed as an agent) X blames, not Y
        if child.dep_ == "agent" and not active:
            objs = [g for g in child.children if g.dep_ == "pobj"]
            return (objs[0] if objs else None), False
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            return _before_aside(child), passive or child.dep_ == "nsubjpass"
    stray = stray_subject(verb)
    if stray is not None:
        return stray, passive  # "... to vote Vell Ana Ruiz shared a picture": Ruiz shared
    governor = verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and can_speak(governor):
        return governor, passive  # "a letter asking him to resign"
    if verb.dep_ == "xcomp" and verb.tag_ == "VB":
        objs = [c for c in governor.children if c.dep_ == "dobj" and c.i < verb.i]
        if objs:
            # "prompted the ambassador to say", not "praised Trump, saying": the one
            # praising says
            return objs[0], passive
    if verb.dep_ == "pcomp" and governor.pos_ == "ADP" and governor.head is not governor:
        governor = governor.head  # "by saying", "after saying"
    elif (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and governor.dep_ in ("ccomp", "xcomp")
        and governor.head.lemma_.lower() in PERCEIVING_VERBS
    ):
        # "A fan spotted Ruiz walking her dog, posting a photo": the fan posts; the one
        # seen walking is what was seen, not who goes on to act
        governor = governor.head
    elif verb.dep_ not in INHERIT_DEPS:
        governor = verb
    if depth and governor is not verb and governor.pos_ in ("VERB", "AUX"):
        subject, head_passive = subject_of(governor, depth - 1)
        return subject, passive or head_passive
    return None, passive


def _before_aside(subject: Token) -> Token:
    """The subject before a dashed aside the parser took the end of for it: in "Vell -
    who urged fans to vote for Ruiz - called for calm", Vell calls, not Ruiz."""
    doc = subject.doc
    if subject.i == 0 or doc[subject.i - 1].pos_ != "ADP":
        return subject
    if not any(t.text in ASIDE_DASHES for t in doc[subject.i + 1 : subject.head.i]):
        return subject
    start = subject.sent.start
    opening = [t for t in doc[start : subject.i] if t.text in ASIDE_DASHES]
    if len(opening) != 1 or opening[0].i == start:
        return subject
    before = doc[opening[0].i - 1]
    return before if before.pos_ in ("PROPN", "NOUN", "PRON") else subject


def can_speak(noun: Token) -> bool:
    """Whether the noun a participle hangs on can be the one saying: a name, a person or
    a document ("a letter asking him to resign"), not "a balcony hoping to ..."."""
    lemma = noun.lemma_.lower()
    return noun.pos_ == "PROPN" or person_noun(lemma) or lemma in DOCUMENT_NOUNS


def is_hedged(verb: Token) -> bool:
    tokens = [verb, *(verb.head for _ in (0,) if verb.dep_ == "xcomp")]
    return any(c.lower_ in HEDGES for t in tokens for c in t.children)


def _speech(
    sent: Span, verb: Token, quotes: Sequence[tuple[int, int]], consumed: set[int]
) -> Candidate | None:
    doc = sent.doc
    lemma = verb.lemma_.lower()
    if verb.dep_ in ("amod", "compound") or (lemma == "say" and verb.dep_ == "auxpass"):
        return None
    kind = AttributionKind.DENIAL if lemma in DENIAL_VERBS else AttributionKind.STATEMENT
    own_subject = any(c.dep_ in SUBJECT_DEPS or c.dep_ == "agent" for c in verb.children)
    if verb.tag_ == "VBN" and verb.dep_ == "advcl" and not own_subject:
        return None  # "When asked if X, Netanyahu responded": he was asked, he did not ask
    if not own_subject and lemma in SPEECH_VERBS:
        linear = _linear_clause(sent, verb)
        if linear is not None:
            subject_range, before = linear
            refs = linear_refs(doc, *subject_range)
            return _build(
                sent, verb, refs, chars(doc, *before), kind, verb.i, verb.i + 1, None, 0.7
            )
    subject, passive = subject_of(verb)
    if subject is None and lemma in SPEECH_VERBS and verb.i > sent.start:
        subject = _inverted_subject(verb)
    cue_start, cue_end = verb.i, verb.i + 1
    negs = [c for c in verb.children if c.dep_ == "neg" and c.lower_ in NEGATIONS]
    modals = [c for c in verb.children if c.dep_ == "aux" and c.lower_ in MODALS]
    if negs and modals and lemma in REFUSED_ACTS:
        kind = AttributionKind.REFUSAL
        cue_start = min(modals[0].i, negs[0].i)
    channel = VERB_CHANNELS.get(lemma)
    recipient = None
    if lemma == "tell":
        objs = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        recipient = span_of(doc, *_subtree(objs[0])) if objs else None
    citing = citing_token(verb, sent)
    left, right = clause_bounds(verb, subject)
    quote = adjacent_quote(sent, left, right, quotes) if lemma in SPEECH_VERBS else None
    if quote is not None and quote[1] <= verb.idx and _adds_its_own(verb):
        quote = None  # "'...,' she said, adding that Y": what she added is Y
    content: tuple[int, int] | None = quote
    if quote is None and lacks_its_clause(verb):
        return None
    if quote is None:
        found = clause_content(verb, sent, skip=citing)
        rng: tuple[int, int] | None = None
        if found is not None:
            rng, complement_cue_end = found
            if kind is not AttributionKind.REFUSAL:
                cue_end = max(cue_end, complement_cue_end)
            if rng[1] <= verb.i:
                # "Y, X reports": the whole sentence before the clause, however it parsed.
                rng = left_content(sent, left, right) or rng
        elif lemma in SPEECH_VERBS:
            rng = (
                as_content(sent, verb, left, right)
                or left_content(sent, left, right)
                or parenthetical_content(sent, left, right)
            )
        if rng is not None and rng[1] > rng[0]:
            rng = drop_trailing_aside(doc, *rng)
            content = extend_to_quote(chars(doc, *rng), quotes)
    cue_start = min(cue_start, cue_left_edge(verb))
    channel = _channel(verb) or channel
    if content is None and kind is not AttributionKind.REFUSAL:
        return None
    agentless = passive and not any(c.dep_ == "agent" for c in verb.children)
    if lemma in RAISING_VERBS or agentless:
        return _sourceless(sent, verb, subject, content, lemma, cue_start, cue_end)
    if subject is None or subject.pos_ in NOT_A_SUBJECT:
        return None  # "the coming campaign to declare ...", parsed with "the" as subject
    cand = _build(sent, verb, source_refs(subject), content, kind, cue_start, cue_end, channel)
    cand.quote = quote is not None
    cand.recipient = recipient
    if citing is not None:
        obj = next(c for c in citing.children if c.dep_ == "dobj")
        cand.via = cand.sources
        cand.sources = source_refs(obj)
        consumed.add(citing.i)
    return cand


def _adds_its_own(verb: Token) -> bool:
    """ "said, adding that ...", "said, noting that ...": a second verb of the speaker
    with a clause of its own after it."""
    return verb.dep_ in ("advcl", "conj") and any(
        c.dep_ == "ccomp" and c.i > verb.i for c in verb.children
    )


def _inverted_subject(verb: Token) -> Token | None:
    """ "“...,” added a port official": the parser may read the speaker as an object."""
    before = verb.doc[verb.i - 1]
    if not (before.is_quote or before.text == ","):
        return None
    objs = [c for c in verb.children if c.dep_ in ("dobj", "attr") and c.i > verb.i]
    return objs[0] if objs and objs[0].pos_ in ("NOUN", "PROPN") else None


def _channel(verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "in" and child.i > verb.i:
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs and objs[0].lemma_.lower() in CHANNELS:
                return CHANNELS[objs[0].lemma_.lower()]
    return None


def cue_left_edge(verb: Token) -> int:
    """Where the cue starts: auxiliaries, negation and adverbs right before the verb
    belong to it ("has also said", "did not mention")."""
    doc = verb.doc
    start = verb.i
    while start > 0:
        prev = doc[start - 1]
        if prev.head != verb or prev.dep_ not in ("aux", "auxpass", "neg", "advmod"):
            break
        if prev.dep_ == "advmod" and (prev.lower_ in NOT_CUE_ADVERBS or prev.lower_ in HEDGES):
            break
        start -= 1
    return start


def _sourceless(
    sent: Span,
    verb: Token,
    subject: Token | None,
    content: tuple[int, int] | None,
    lemma: str,
    cue_start: int,
    cue_end: int,
) -> Candidate | None:
    """Agentless passives and raising verbs: nobody is named as the source.

    "X was said to be Y", "X seemed Y": the content runs from the subject to
    the end of the complement.
    """
    if content is None or not any(
        c.dep_ in ("xcomp", "ccomp", "acomp", "attr", "oprd") for c in verb.children
    ):
        return None
    if lemma in APPOINTING:
        return None
    start = content[0]
    if subject is not None and subject.i < verb.i:
        start = min(start, subject.left_edge.idx)
    cand = _build(
        sent, verb, [], (start, content[1]), AttributionKind.STATEMENT, cue_start, cue_end, None
    )
    for aux in verb.children:
        if aux.dep_ == "auxpass" and aux.i < cue_start:
            cand.cue = (aux.idx, cand.cue[1])
    cand.hedged = cand.hedged or lemma in HEARSAY_PASSIVES
    cand.confidence = 0.7
    return cand


def _subtree(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def _linear_clause(sent: Span, verb: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """ "Y, a US official and two others reportedly revealed.": the parse may have lost the
    subject; read it as the words between the last comma and the verb."""
    doc = sent.doc
    tail = [t for t in doc[verb.i + 1 : sent.end] if not (t.is_punct or t.is_space)]
    if any(t.pos_ in ("VERB", "AUX") or t.lower_ == "that" for t in tail) or len(tail) > 6:
        return None
    end = verb.i
    while end > sent.start and (
        doc[end - 1].lower_ in HEDGES or doc[end - 1].dep_ in ("aux", "neg", "advmod")
    ):
        end -= 1
    start = end
    while start > sent.start and doc[start - 1].text not in (",", "—", "–", "--", ";"):
        start -= 1
    if start <= sent.start + 2 or end - start > 20:
        return None
    subject = trim(doc, start, end)
    content = trim(doc, sent.start, start - 1)
    if subject[1] <= subject[0] or content[1] - content[0] < 3:
        return None
    words = doc[subject[0] : subject[1]]
    if not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in words):
        return None
    if words[0].pos_ in ("VERB", "AUX") or words[-1].pos_ == "ADP":
        return None  # "..., has been keeping a low profile since conceding defeat"
    return subject, content


def _build(
    sent: Span,
    verb: Token,
    refs: list[SourceRef],
    content: tuple[int, int] | None,
    kind: AttributionKind,
    cue_start: int,
    cue_end: int,
    channel: str | None,
    confidence: float = 0.9,
) -> Candidate:
    doc = sent.doc
    return Candidate(
        cue=chars(doc, cue_start, cue_end),
        cue_token=verb.i,
        sentence=chars(doc, *trim(doc, sent.start, sent.end, keep_quotes=True)),
        sources=refs,
        content=content,
        kind=kind,
        hedged=is_hedged(verb),
        channel=channel,
        confidence=confidence,
    )


def _is_as_saying(tok: Token, sent: Span) -> bool:
    """ "as saying", "as writing", "as telling", "as stating": a gerund of speech after "as"."""
    return (
        tok.i > sent.start
        and sent.doc[tok.i - 1].lower_ == "as"
        and tok.lower_.endswith("ing")
        and tok.lemma_.lower() in AS_SPEECH
    )


def _as_saying(
    sent: Span, saying: Token, quotes: Sequence[tuple[int, int]], consumed: set[int]
) -> Candidate | None:
    """ "Bloomberg reports two officials as saying Y", "the paper quoted X as writing Y",
    "“Y,” the magazine reported X as writing": the reporter is in the chain."""
    doc = sent.doc
    as_i = saying.i - 1
    reporter = next(
        (t for t in reversed(doc[sent.start : as_i]) if t.lemma_.lower() in REPORTING_VERBS),
        None,
    )
    if reporter is None:
        return None
    consumed.update((reporter.i, saying.i))
    subject, passive = subject_of(reporter)
    found = clause_content(saying, sent)
    rng = found[0] if found else None
    content = chars(doc, *rng) if rng and rng[1] > rng[0] else None
    if content is None:
        left = reporter.i
        if subject is not None and subject.i < reporter.i:
            left = min(left, subject.left_edge.i)
        right = max(saying.i, saying.right_edge.i) + 1
        quote = adjacent_quote(sent, left, right, quotes)
        if quote is None:
            return None
        content = quote
    source = span_of(doc, reporter.i + 1, as_i)
    refs: list[SourceRef] = []
    via: list[SourceRef] = []
    if source is not None:
        refs = linear_refs(doc, source.start, source.end)
        if subject is not None and not passive:
            via = source_refs(subject)
    elif subject is not None:
        refs = source_refs(subject)  # "X was quoted as saying Y"
    if not refs:
        return None
    cand = _build(
        sent, saying, refs, content, AttributionKind.STATEMENT, saying.i, saying.i + 1, None
    )
    cand.via = via
    cand.hedged = cand.hedged or is_hedged(reporter)
    return cand


def _refusal(
    sent: Span, verb: Token, quotes: Sequence[tuple[int, int]], consumed: set[int]
) -> Candidate | None:
    """ "X refused to comment on Y", "X declined to say whether Y"."""
    doc = sent.doc
    acts = [c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in REFUSED_ACTS]
    if not acts:
        return None
    act = acts[0]
    consumed.add(act.i)
    subject, _ = subject_of(verb)
    if subject is None:
        return None
    preps = [c for c in act.children if c.dep_ == "prep" and c.lower_ in ("on", "about")]
    found = clause_content(act, sent)
    rng = trim(doc, *_subtree(preps[0])) if preps else found[0] if found else None
    content = chars(doc, *rng) if rng and rng[1] > rng[0] else None
    return _build(
        sent, verb, source_refs(subject), content, AttributionKind.REFUSAL, verb.i, act.i + 1, None
    )


def _put_it(sent: Span, verb: Token) -> Candidate | None:
    """ "..., as X put it, ..." / "based on how X put it": the sentence is the content."""
    doc = sent.doc
    obj = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "it"]
    how = [c for c in verb.children if c.lower_ in ("how", "as")]
    subject, _ = subject_of(verb)
    if not obj or not how or subject is None:
        return None
    content = chars(doc, *trim(doc, sent.start, sent.end))
    return _build(
        sent,
        verb,
        source_refs(subject),
        content,
        AttributionKind.STATEMENT,
        verb.i,
        obj[0].i + 1,
        None,
        confidence=0.7,
    )

"""The learned engine: the tagger's spans as rule-style candidates, and the hybrid with the rules.

``model_candidates`` turns what the tagger finds in a ``Doc`` into
:class:`~loaders.nlp.candidate.Candidate` records (one per cue with a
content). ``combine`` lets the tagger decide which cues are attributions and the rules
say what they are: a rule's candidate stands where the tagger tags its cue too (its
source, chain and kind; the tagger's content edges where they make whole phrases of the
rule's clause, its content where the two disagree entirely), and
without the tagger only when it is a quotation, a verb of saying, "according to", a
refusal, denial or hedge, or a chain; the tagger's own candidates fill the cues no rule
found.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from graph.model import AttributionKind
from graph.substance import has_substance
from loaders.nlp.candidate import Candidate, SourceRef
from loaders.nlp.content import extend_to_quote
from loaders.nlp.cues import CUE_LEMMAS, PASSIVE_SPEAKER, SPEECH_VERBS
from loaders.nlp.learned.component import tagged_spans
from loaders.nlp.learned.link import Linked, link
from loaders.nlp.senses import lacks_its_clause, says_nothing
from loaders.nlp.sources import COMPANY_NOUNS, ORG_NOUNS, RELATIVE, source_refs
from loaders.nlp.spans import (
    chars,
    doc_text,
    find_quotes,
    is_quote,
    opens_quote,
    quote_around,
    span_of,
    trim,
    within_quote,
)
from loaders.nlp.verbs import can_speak, subject_of


def model_candidates(doc: Doc) -> list[Candidate]:
    """One candidate per cue the tagger finds in ``doc`` that has a content."""
    quotes = find_quotes(doc_text(doc))
    out = []
    for linked in link(doc, tagged_spans(doc)):
        cand = _candidate(doc, linked, quotes)
        if cand is not None:
            out.append(cand)
    out.sort(key=lambda c: c.cue)
    return out


def _candidate(doc: Doc, linked: Linked, quotes: list[tuple[int, int]]) -> Candidate | None:
    if not linked.contents:
        return None
    cue = linked.cue
    sent = cue.root.sent
    # a piece in an earlier sentence belongs to this cue only inside a quotation:
    # "... messages to a rival. Officials responded with bafflement" says nothing of them
    pieces = [
        (s.start_char, s.end_char)
        for s in linked.contents
        if s.end_char > sent.start_char or within_quote(quotes, s.start_char, s.end_char)
    ]
    if not pieces:
        return None
    s, e = trim(doc, sent.start, sent.end, keep_quotes=True)
    refs: list[SourceRef] = []
    for src in linked.sources:
        if not _names_someone(src):
            continue  # "The", "Fans of": the cue's subject is looked for instead
        if len(src) == 1 and src[0].lower_ in RELATIVE:
            refs.extend(source_refs(src[0]))
        else:
            src = _cue_subject(src, cue.root)
            src = span_of(doc, src.start, src.end) or src  # "The singer, a fan,"
            refs.append(SourceRef(span=src, referent=src))
    return Candidate(
        cue=(cue.start_char, cue.end_char),
        cue_token=cue.root.i,
        sentence=(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)) if e > s else pieces[0],
        sources=refs,
        content=(pieces[0][0], pieces[-1][1]),
        pieces=pieces if len(pieces) > 1 else [],
        quote=within_quote(quotes, pieces[0][0], pieces[-1][1]),
        confidence=0.8,
    )


def _names_someone(src: Span) -> bool:
    """Whether a tagger's source span is a phrase that names someone: a noun, name or
    pronoun in it, and no article, preposition or conjunction left hanging at its end
    ("The disclosed", "Fans of have hit out at", "the cenotaph in")."""
    words = [t for t in src if not t.is_punct]
    return (
        bool(words)
        and words[-1].pos_ not in ("DET", "ADP", "CCONJ", "SCONJ")
        and any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in words)
    )


def _cue_subject(src: Span, cue: Token) -> Span:
    """The tagger's source cut to the cue's own subject inside it: "a move fans have
    described as stupid" is the fans' description, not the move's (the parser may take
    "move" for part of the subject)."""
    doc = src.doc
    for child in cue.children:
        if child.dep_ != "nsubj" or not src.start <= child.i < src.end:
            continue
        start = max(src.start, child.left_edge.i)
        if doc[start].lower_ in ("a", "an") and child.tag_ == "NNS":
            # "a move fans": "a" cannot go with "fans"; the words up to the plural are the
            # noun the clause describes
            start = child.i
        if start > src.start:
            return doc[start : src.end]
    return src


def combine(doc: Doc, rules: list[Candidate], model: list[Candidate]) -> list[Candidate]:
    """The rules' candidates the tagger confirms or that stand alone, and the tagger's
    candidates for the cues no rule found (see the module's docstring).

    On PolNeAR dev the tagger's cues are the better judge of what is an attribution (a
    rule's stance verb the tagger passes over is more often wrong than right), the rules
    the better judge of its parts: which clause is the content, their sources (resolved,
    in chains) and kinds; the tagger the better judge of where a content ends (exact
    content +1.9, relation +1.0 with its edges where they are whole phrases).
    """
    out = []
    quotes = find_quotes(doc_text(doc))
    for rule in rules:
        tagged = [m for m in model if overlaps(m.cue, rule.cue)]
        if tagged:
            _fit_content(doc, rule, tagged, quotes)
        elif not _stands_alone(doc, rule):
            continue
        out.append(rule)
    text = doc_text(doc)
    for cand in model:
        if any(overlaps(cand.cue, r.cue) for r in rules):
            continue
        if not cand.sources:
            cand.sources = _subject_refs(doc, cand)
        if cand.sources and _worth_adding(doc, cand, rules, text):
            out.append(cand)
    out.sort(key=lambda c: c.cue)
    return out


def _stands_alone(doc: Doc, rule: Candidate) -> bool:
    """Whether a rule's candidate holds without the tagger: a quotation, a verb of
    saying, "according to", a refusal, denial or hedge, a chain of intermediaries."""
    lemma = doc[rule.cue_token].lemma_.lower()
    return (
        rule.quote
        or lemma in SPEECH_VERBS
        or lemma == "accord"
        or rule.kind != AttributionKind.STATEMENT
        or rule.hedged
        or bool(rule.via)
    )


def _fit_content(
    doc: Doc, rule: Candidate, tagged: list[Candidate], quotes: list[tuple[int, int]]
) -> None:
    """The tagger's content edges for a rule's cue where they make whole phrases; a
    quotation stays.

    Of the tagger's contents for the cue, the one that overlaps the rule's most is taken
    when it holds the head of the rule's clause (:func:`_whole`): the rules find the
    clause, the tagger its edges. When none overlaps (the rule took the wrong clause), the
    tagger's first is taken (on the 96 real articles it is the better of the two more often
    than not).
    """
    if rule.quote or rule.content is None:
        return
    content = rule.content
    theirs = [m for m in tagged if m.content is not None and not _speaker_of(m.content, rule)]
    if not theirs:
        return
    m = max(theirs, key=lambda m: _shared(m.content, content))
    if not _shared(m.content, content):
        m = theirs[0]
    elif m.content == content or not _whole(doc, m, content, quotes):
        return
    assert m.content is not None
    pieces = [_tidy(doc, piece, quotes) for piece in (m.pieces or [m.content])]
    rule.content, rule.quote = (pieces[0][0], pieces[-1][1]), m.quote
    rule.pieces = pieces if len(pieces) > 1 else []


def _tidy(doc: Doc, piece: tuple[int, int], quotes: list[tuple[int, int]]) -> tuple[int, int]:
    """A tagger's content piece without commas or dashes at its edges, and with a quotation
    it leaves open closed: "the toll 'may well increase" ends at the closing mark, "'we are
    not a nation' '" does not end on the next quotation's opening mark, and a piece of a
    quotation that runs on past it does not start on the opening mark."""
    span = doc.char_span(*piece, alignment_mode="expand")
    if span is None:
        return piece
    start, end = trim(doc, span.start, span.end, keep_quotes=True)
    if end - start > 1 and opens_quote(doc[end - 1]):
        start, end = trim(doc, start, end - 1, keep_quotes=True)  # a mark that opens
    if end <= start:
        return piece
    s, e = chars(doc, start, end)
    _, closed = extend_to_quote((s, e), quotes)
    if not doc_text(doc)[e:closed].strip(_CLOSING):
        e = closed
    opened = quote_around(quotes, s + 1)
    if end - start > 1 and is_quote(doc[start]) and opened is not None and opened[1] > e + 1:
        s = doc[start + 1].idx  # the quotation runs on past the piece: no mark left open
    return s, e


_CLOSING = " .,!?;:'\"’”"  # what may stand between a content's end and its closing mark


def _whole(
    doc: Doc, cand: Candidate, clause: tuple[int, int], quotes: list[tuple[int, int]]
) -> bool:
    """Whether ``cand``'s content is made of whole phrases and holds the head of ``clause``.

    Each piece hangs from one word outside it and leaves none of its words' dependents
    outside (punctuation aside), neither starts nor ends on a conjunction, and crosses a
    sentence only inside a quotation; a piece away from the clause is a quotation in the
    cue's sentence ("'Part one,' she said, 'part two'"), not an earlier one. So
    "conditions were fine" cut to "conditions", "at the candidate's North" (of "North
    Carolina rally"), "his opponent of corruption and", or a clause with the next
    paragraph's heading are no edges to take.
    """
    text = doc_text(doc)
    pieces = cand.pieces or ([cand.content] if cand.content else [])
    spans = [doc.char_span(s, e, alignment_mode="expand") for s, e in pieces]
    if not pieces or any(sp is None or not len(sp) for sp in spans):
        return False
    if not has_substance(" ".join(text[s:e] for s, e in pieces)):
        return False
    cue_sent = doc[cand.cue_token].sent
    head = doc.char_span(*clause, alignment_mode="expand")
    if head is None or not any(sp.start <= head.root.i < sp.end for sp in spans if sp):
        return False
    for (s, e), sp in zip(pieces, spans, strict=True):
        assert sp is not None
        quoted = within_quote(quotes, s, e)
        if not overlaps((s, e), clause) and (not quoted or sp.sent != cue_sent):
            return False
        if not quoted and sp[0].sent != sp[-1].sent:
            return False
        words = [t for t in sp if not t.is_punct]
        if not words or words[0].dep_ == "cc" or words[-1].dep_ == "cc":
            return False
        inside = range(sp.start, sp.end)
        heads = {t.head.i for t in words if t.head.i not in inside}
        if len(heads) > 1:
            return False
        if any(c.i not in inside and not c.is_punct for t in words for c in t.children):
            return False
    return True


def _shared(a: tuple[int, int] | None, b: tuple[int, int]) -> int:
    """How many characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0])) if a else 0


def _subject_refs(doc: Doc, cand: Candidate) -> list[SourceRef]:
    """The cue's subject as the rules find it, for a tagger candidate without a source
    (not the subject of a passive: "Her husband has been criticised")."""
    subject, passive = subject_of(doc[cand.cue_token])
    if subject is None or passive:
        return []
    return source_refs(subject)


def _worth_adding(doc: Doc, cand: Candidate, rules: list[Candidate], text: str) -> bool:
    """Whether a tagger candidate no rule found is an attribution worth a record.

    Not a cue the rules know says nothing ("slammed into", "opted"), nor one whose content
    is only a name or a pronoun ("Trump called Putin on Monday": a phone call, not a
    claim), nor one whose source is the subject of a passive cue, or inside it ("Her
    husband has been criticised": nobody named criticised him, least of all "her"), nor one
    whose content holds its own source; not a
    cue inside a rule's content or source (only the outermost attribution of a nested
    report counts), nor a content that is a rule's source or relay, nor a content the
    rules already give in the same sentence. A cue
    outside every lexicon needs a verb, noun or colon among its words and a source that can
    speak: a name, a pronoun, a person, an organisation or a document ("claims emerged",
    "Mr Comey's move writes", "aides seemingly" are no report).
    """
    cue = doc[cand.cue_token]
    if says_nothing(cue) or _patient_source(doc, cand):
        return False
    if cue.lemma_.lower() not in CUE_LEMMAS and not _outside_lexicon_holds(doc, cand):
        return False
    if lacks_its_clause(cue) and not cand.quote and not _has_verb(doc, cand.content):
        return False  # "has been planning the transition": no clause, no quotation
    if cand.content is None or not has_substance(text[cand.content[0] : cand.content[1]]):
        return False
    if any(_in_sources(piece, cand) for piece in cand.pieces or [cand.content]):
        return False  # "An official claimed: An official who was on the call said": a misreading
    if any(r.covers(cand.cue[0]) or _in_sources(cand.cue, r) for r in rules):
        return False
    if any(_speaker_of(cand.content, r) for r in rules):
        return False
    # a report the rules folded into a chain ("Y denies Z, X told the BBC")
    return not any(_same_content(cand, r) for r in rules)


def _speaker_of(content: tuple[int, int], rule: Candidate) -> bool:
    """Whether a tagger's content lies inside what a rule reads as a source or a relay: "the Wire
    reported, citing two port officials" cites the officials, who speak; they are not
    what was said."""
    refs = (*rule.sources, *rule.via)
    return any(r.span.start_char <= content[0] and content[1] <= r.span.end_char for r in refs)


def _outside_lexicon_holds(doc: Doc, cand: Candidate) -> bool:
    """Whether a tagger's cue that no lexicon knows is an attribution: a verb, noun or
    colon among its words, not only an adverb or adjective ("seemingly", "likely"); sources
    that can speak, and not the "it" of "it remains unknown", "it became clear" (a cue
    with an adjective: no one speaks)."""
    span = doc.char_span(*cand.cue, alignment_mode="expand")
    words = list(span) if span is not None else [doc[cand.cue_token]]
    if not any(t.pos_ in ("VERB", "AUX", "NOUN", "PROPN") or t.text == ":" for t in words):
        return False
    copular = any(t.pos_ == "ADJ" for t in words)
    return all(
        _speaker_like(r) and not (copular and r.referent.root.lower_ == "it") for r in cand.sources
    )


def _speaker_like(ref: SourceRef) -> bool:
    """Whether a tagger's source can be one who speaks: what ``verbs.can_speak`` allows (a
    name, a person, a document), and pronouns and organisations too."""
    root = ref.referent.root
    lemma = root.lemma_.lower()
    return (
        can_speak(root)
        or root.pos_ == "PRON"
        or root.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or lemma in ORG_NOUNS
        or lemma in COMPANY_NOUNS
    )


def _has_verb(doc: Doc, content: tuple[int, int] | None) -> bool:
    span = doc.char_span(*content, alignment_mode="expand") if content else None
    return span is not None and any(t.tag_ in ("VBD", "VBZ", "VBP", "MD", "VB") for t in span)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _same_content(model: Candidate, rule: Candidate) -> bool:
    """Whether a rule's candidate in the same sentence already holds the model's content,
    or, anywhere, the quotation the model gives its cue ("X fielded a grounder. 'We
    waited so long,' Y said": Y said it)."""
    if model.content is None or rule.content is None:
        return False
    if model.sentence != rule.sentence and not (model.quote and rule.quote):
        return False
    return overlaps(model.content, rule.content)


def _in_sources(where: tuple[int, int], cand: Candidate) -> bool:
    """Whether the characters ``where`` overlap a source of ``cand``."""
    return any(overlaps(where, (r.span.start_char, r.span.end_char)) for r in cand.sources)


def _patient_source(doc: Doc, cand: Candidate) -> bool:
    """Whether a source of ``cand`` is, or lies inside, the subject of a passive cue
    ("Her husband has been criticised"); not for a cue whose passive subject is the one
    heard speaking ("she was quoted as saying", "he was heard telling")."""
    cue = doc[cand.cue_token]
    if cue.lemma_.lower() in PASSIVE_SPEAKER:
        return False
    subjects = [c for c in cue.children if c.dep_ == "nsubjpass"]
    for ref in cand.sources:
        root = ref.span.root
        if any(s.left_edge.i <= root.i <= s.right_edge.i for s in subjects):
            return True
    return False

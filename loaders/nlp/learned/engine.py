"""The learned engine: the tagger's spans as rule-style candidates, and the hybrid with the rules.

``model_candidates`` turns what the tagger finds in a ``Doc`` into
:class:`~loaders.nlp.candidate.Candidate` records (one per cue with a
content). ``hybrid`` keeps the rules' candidates (quotes, chains, "according
to", refusals) and adds the model's where no rule found the cue.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from graph.substance import has_substance
from loaders.nlp.candidate import Candidate, SourceRef
from loaders.nlp.cues import PASSIVE_SPEAKER
from loaders.nlp.learned.component import tagged_spans
from loaders.nlp.learned.link import Linked, link
from loaders.nlp.senses import lacks_its_clause, says_nothing
from loaders.nlp.sources import RELATIVE, source_refs
from loaders.nlp.spans import doc_text, find_quotes, trim, within_quote


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
        if len(src) == 1 and src[0].lower_ in RELATIVE:
            refs.extend(source_refs(src[0]))
        else:
            src = _cue_subject(src, cue.root)
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


def hybrid(doc: Doc, rules: list[Candidate], model: list[Candidate]) -> list[Candidate]:
    """The rules' candidates, plus the model's whose cue no rule found.

    Only the model's candidates with a source are added (on PolNeAR dev the
    source-less ones cost more precision than they bring recall); a model cue
    inside a rule's content or source is left out (only the outermost
    attribution of a nested report counts); a cue the rules know says nothing
    ("slammed into", "opted") is left out too, and so is one whose content is only a
    name or a pronoun ("Trump called Putin on Monday": a phone call, not a claim), and
    one whose source is the subject of a passive cue, or inside it ("Her husband has
    been criticised": nobody named criticised him, least of all "her").
    """
    out = list(rules)
    text = doc_text(doc)
    for cand in model:
        if not cand.sources or any(overlaps(cand.cue, r.cue) for r in rules):
            continue
        cue = doc[cand.cue_token]
        if says_nothing(cue) or _patient_source(doc, cand):
            continue
        if lacks_its_clause(cue) and not cand.quote and not _has_verb(doc, cand.content):
            continue  # "has been planning the transition": no clause, no quotation
        if cand.content is None or not has_substance(text[cand.content[0] : cand.content[1]]):
            continue
        if any(r.covers(cand.cue[0]) or _in_sources(cand.cue, r) for r in rules):
            continue
        if any(_same_content(cand, r) for r in rules):
            continue  # a report the rules folded into a chain ("Y denies Z, X told the BBC")
        out.append(cand)
    out.sort(key=lambda c: c.cue)
    return out


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


def _in_sources(cue: tuple[int, int], cand: Candidate) -> bool:
    return any(overlaps(cue, (r.span.start_char, r.span.end_char)) for r in cand.sources)


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

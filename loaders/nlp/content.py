"""Where the content of a cue verb lies: a quote, a clause, an object, or the sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from loaders.nlp.cues import (
    CHANNELS,
    CITING_VERBS,
    CONTENT_PREPS,
    CUE_LEMMAS,
    NEEDS_SECOND_COMPLEMENT,
    words,
)
from loaders.nlp.spans import (
    doc_text,
    first_quote_after,
    last_quote_before,
    quote_around,
    subtree_range,
    trim,
)

# Children that belong to the cue's own clause, not to its content.
CLAUSE_DEPS = words("prep dative advmod npadvmod prt agent aux neg auxpass")
# Verbs whose object noun names a stance: "expressed concern", "voiced support".
STANCE_CARRIERS = words("express voice")
ASIDE_DEPS = words("relcl appos")
# Subjects that usually mean the speaker goes on acting ("said X, and then she left").
SPEAKER_PRONOUNS = words("he she they i we")
# Text allowed between a quote and the clause that attributes it.
GLUE = frozenset(" ,:\n—–-")
GLUE_RUN = re.compile("[" + re.escape("".join(sorted(GLUE))) + "]*")


def clause_bounds(verb: Token, subject: Token | None) -> tuple[int, int]:
    """Token range ``[left, right)`` of the attributing clause: subject, verb, channel."""
    left, right = verb.i, verb.i + 1
    if subject is not None:
        left = min(left, subject.left_edge.i)
        if subject.i > verb.i:
            right = max(right, subject.right_edge.i + 1)
    for child in verb.children:
        if child.dep_ in CLAUSE_DEPS:
            if child.i > verb.i:
                right = max(right, child.right_edge.i + 1)
            elif child.i < left and child.dep_ in ("aux", "neg", "advmod"):
                left = child.i
    return left, right


def adjacent_quote(
    sent: Span, left: int, right: int, quotes: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    """The quotation right before ``left`` or right after ``right`` (tokens), if any."""
    doc = sent.doc
    text = doc_text(doc)
    start_char = doc[left].idx
    last = doc[right - 1]
    end_char = last.idx + len(last.text)
    # Quotations hold marks that are not glue, so only the nearest one on each side can be
    # separated from the clause by glue alone.
    before = last_quote_before(quotes, start_char)
    if before is not None and not _glue(text, before[1], start_char):
        before = None
    right_clause = any(c.dep_ == "ccomp" and c.i > right for c in doc[right - 1].head.children)
    if (
        before is not None
        and not right_clause
        and _ends_open(text, *before, text[before[1] : start_char])
    ):
        return _with_lead_in(sent, *before)
    after = first_quote_after(quotes, end_char)
    if after is not None and not _glue(text, end_char, after[0]):
        after = None
    if after and (set(text[end_char : after[0]]) & set(",:") or right >= sent.end - 1):
        return after
    return None


def _glue(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is glue only (stops at the first other character)."""
    return GLUE_RUN.match(text, start, end).end() == end  # type: ignore[union-attr]


def _with_lead_in(sent: Span, start: int, end: int) -> tuple[int, int]:
    """ "He was a “fine manager,” she said": the words leading into the quote belong to it."""
    first = next((t for t in sent if not (t.is_space or t.is_punct)), None)
    if first is not None and first.idx < start:
        return first.idx, end
    return start, end


def _ends_open(text: str, start: int, end: int, glue: str) -> bool:
    """A quote that hands over to its speaker: “...,” or “...?” or a comma after it."""
    inner = text[start:end].rstrip("”»\"'` ")
    return "," in glue or inner[-1:] in (",", "?", "!", "—", "–", "-")


def citing_token(verb: Token, sent: Span) -> Token | None:
    """A "citing X" / "quoting X" phrase near ``verb`` (spaCy attaches it loosely)."""
    for tok in sent:
        if (
            tok.lemma_.lower() in CITING_VERBS
            and tok.tag_ == "VBG"
            and abs(tok.i - verb.i) <= 4
            and any(c.dep_ == "dobj" for c in tok.children)
        ):
            return tok
    return None


def clause_content(
    verb: Token, sent: Span, skip: Token | None = None
) -> tuple[tuple[int, int], int] | None:
    """Token range of ``verb``'s content, and where its cue ends.

    A clausal complement wins ("said that Y", "Y, X said"); otherwise every
    complement after the verb ("urged Lee to wait", "called for a recount";
    the preposition then joins the cue).
    """
    doc = sent.doc
    lemma = verb.lemma_.lower()
    cue_end = verb.i + 1
    for child in verb.children:
        if child.dep_ == "prt" and child.i == cue_end:
            cue_end += 1
    for child in verb.children:
        if child.dep_ == "ccomp":
            if _subjectless_finite(child):
                return None  # "named ... by friends but the identities were unknown"
            start, end = subtree_range(child, exclude=(skip,) if skip is not None else ())
            return trim(doc, start, _coordinated_end(verb, end)), cue_end
    clause = _clause_after_channel(verb)
    if clause is not None:
        return trim(doc, *subtree_range(clause)), cue_end
    comps = [c for c in verb.children if c.i > verb.i and _is_complement(c, lemma)]
    if not comps:
        return None
    if lemma in NEEDS_SECOND_COMPLEMENT and not any(
        c.dep_ in ("oprd", "xcomp", "ccomp") or c.dep_ == "prep" for c in comps
    ):
        return None
    first = comps[0]
    stance = _stance_object(first, lemma)
    if stance is not None:
        return stance
    if len(comps) == 1 and first.dep_ == "dobj":
        return trim(doc, *_nominal_range(first)), cue_end
    if first.dep_ == "prep" and first.i == cue_end:
        # "called on X to act": the preposition joins the cue, its object opens the content.
        objs = [g for g in first.children if g.dep_ in ("pobj", "pcomp")]
        if not objs:
            return None
        start = objs[0].left_edge.i
        end = max([objs[0].right_edge.i + 1] + [c.right_edge.i + 1 for c in comps[1:]])
        return trim(doc, start, end), first.i + 1
    start = min(c.left_edge.i for c in comps)
    end = max(c.right_edge.i + 1 for c in comps)
    return trim(doc, start, end), cue_end


def _subjectless_finite(clause: Token) -> bool:
    """A finite clause after its cue with no subject of its own: the parser hung the
    verb of the next clause on the cue ("X were named by friends but the others were
    unknown" read as friends naming "were unknown")."""
    return (
        clause.i > clause.head.i
        and clause.tag_ in ("VBD", "VBZ")  # not VBP: "demanding Obama make a pledge"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children)
        and not any(c.is_quote for c in clause.doc[clause.head.i : clause.i])
    )


def _coordinated_end(verb: Token, end: int) -> int:
    """ "said X is over, and the city must act": a clause with its own subject, coordinated
    right after the content, continues it (the parser hangs it on the cue verb)."""
    for child in verb.children:
        if (
            child.dep_ == "conj"
            and child.i >= end
            and child.lemma_.lower() not in CUE_LEMMAS
            and any(
                g.dep_ in ("nsubj", "nsubjpass", "expl") and g.lower_ not in SPEAKER_PRONOUNS
                for g in child.children
            )
            and all(
                t.is_punct or t.dep_ == "cc" or t.is_space
                for t in child.doc[end : child.left_edge.i]
            )
        ):
            end = child.right_edge.i + 1
    return end


def _stance_object(obj: Token, lemma: str) -> tuple[tuple[int, int], int] | None:
    """ "expressed concern that Y", "voiced doubts about Y": the noun joins the cue and what
    it is about is the content."""
    if lemma not in STANCE_CARRIERS or obj.dep_ != "dobj":
        return None
    doc = obj.doc
    for child in obj.children:
        if child.i < obj.i:
            continue
        if child.dep_ in ("acl", "ccomp", "relcl") and child.left_edge.lower_ == "that":
            return trim(doc, child.left_edge.i, child.right_edge.i + 1), obj.i + 1
        if child.dep_ == "prep" and child.i == obj.i + 1:
            objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                return trim(doc, objs[0].left_edge.i, objs[0].right_edge.i + 1), child.i + 1
    return None


def _clause_after_channel(verb: Token) -> Token | None:
    """ "said in a statement that Y": the parser may hang "that Y" on "statement"."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in CHANNELS:
                    for clause in obj.children:
                        if clause.dep_ in ("acl", "relcl") and clause.left_edge.lower_ == "that":
                            return clause
    return None


def _is_complement(child: Token, lemma: str) -> bool:
    if child.dep_ in ("dobj", "xcomp", "oprd", "acomp", "attr"):
        return not (lemma == "tell" and child.dep_ == "dobj")
    if child.dep_ == "dative":
        return lemma != "tell"
    if child.dep_ == "prep" and child.lower_ in CONTENT_PREPS:
        objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
        return bool(objs) and objs[0].ent_type_ not in ("DATE", "TIME")
    return False


def left_content(sent: Span, left: int, right: int) -> tuple[int, int] | None:
    """ "Y, X said": the sentence before the clause, when the clause ends the sentence."""
    doc = sent.doc
    tail = [t for t in doc[right : sent.end] if not (t.is_punct or t.is_space)]
    if tail or left <= sent.start + 1:
        return None
    before = doc[left - 1]
    if before.text not in (",", "—", "–", "--") and not before.is_quote:
        return None
    start, end = trim(doc, sent.start, left)
    return (start, end) if end - start >= 2 else None


def as_content(sent: Span, verb: Token, left: int, right: int) -> tuple[int, int] | None:
    """ "As Ruiz said, the pier is safe": the main clause after the comma."""
    doc = sent.doc
    marks = [c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"]
    if not marks or right >= sent.end - 1 or doc[right].text != ",":
        return None
    start, end = trim(doc, right + 1, sent.end)
    return (start, end) if end - start >= 3 else None


def parenthetical_content(sent: Span, left: int, right: int) -> tuple[int, int] | None:
    """ "The plan, a source said, is to wait": the whole sentence around the aside."""
    doc = sent.doc
    if left <= sent.start or right >= sent.end - 1:
        return None
    if doc[left - 1].text != "," or doc[right].text != ",":
        return None
    return trim(doc, sent.start, sent.end)


def _nominal_range(head: Token) -> tuple[int, int]:
    """A noun phrase without a trailing comma-set apposition or relative clause."""
    start, end = head.left_edge.i, head.right_edge.i + 1
    for child in head.children:
        if child.i > head.i and child.dep_ == "punct" and child.text == ",":
            return start, child.i
    return start, end


def drop_trailing_aside(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A content ending in an aside on a name ("..., Sen. Ana Ruiz, who faces a race") stops
    before it: the aside is the writer's, not the source's.

    Only a comma-set relative clause or apposition on a proper noun that runs to the end, or an
    unclosed parenthesis, counts.
    """
    cut = _open_paren(doc, start, end)
    if cut is not None:
        return trim(doc, start, cut)
    last = end - 1
    for i in range(end - 2, start + 2, -1):
        tok = doc[i]
        if tok.text != ",":
            continue
        nxt = doc[i + 1]
        aside = nxt if nxt.dep_ == "appos" else nxt.head if nxt.head.dep_ == "relcl" else None
        if aside is None and nxt.dep_ == "relcl":
            aside = nxt
        if (
            aside is not None
            and aside.dep_ in ASIDE_DEPS
            and aside.left_edge.i == i + 1
            and aside.right_edge.i >= last
            and aside.head.pos_ == "PROPN"
            and aside.head.i < i
        ):
            return trim(doc, start, i)
    return start, end


def _open_paren(doc: Doc, start: int, end: int) -> int | None:
    """Where an unclosed parenthesis starts an aside running to the end of the content:
    "X would fall (the council disagrees"."""
    opens = [t.i for t in doc[start:end] if t.text == "("]
    closes = [t.i for t in doc[start:end] if t.text == ")"]
    if opens and opens[-1] > start + 2 and (not closes or closes[-1] < opens[-1]):
        return opens[-1]
    return None


def extend_to_quote(content: tuple[int, int], quotes: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """A content that stops inside a quotation it opened runs to the quotation's end."""
    start, end = content
    around = quote_around(quotes, end)
    if around is not None and start <= around[0]:
        return start, around[1]
    return content

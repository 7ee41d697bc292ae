"""A mention in an article's salience list: who was named where, and how."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from graph.model import Source
from graph.names import PERSON_NOUNS, offices

# Ranks of a mention (lower is more salient).
MAIN_SUBJECT = 0  # subject of a main clause, or a speaker
CLAUSE_SUBJECT = 1  # subject of a reported, subordinate or relative clause
MENTIONED = 2  # a person named anywhere else ("anger from Ana Ruiz", "called his mother, Jane")


SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass", "csubj"))


@dataclass(frozen=True, slots=True)
class Entry:
    token: int
    source: Source
    head_lemma: str
    plural: bool
    rank: int = MAIN_SUBJECT
    sentence: int = 0  # first token of the mention's sentence
    head: int = -1  # the mention's head token


@dataclass(slots=True)
class Person:
    """A full name the article mentions, with what the article says about them."""

    source: Source
    first: int  # token of the first mention
    gender: frozenset[str]
    titles: list[str]


def fits(person: Person, sex: frozenset[str], titles: frozenset[str]) -> bool:
    """Whether a mention with this gender and these offices can be ``person``:
    "Mr." is never a woman; "President Obama" is the Obama the article calls president."""
    if sex and person.gender and not sex & person.gender:
        return False
    return not (titles and not titles & offices(*person.titles))


def person_noun(lemma: str) -> bool:
    """ "spokesman", "girl", "president": a noun for a person."""
    return lemma in PERSON_NOUNS


def stray_subject(verb: Token) -> Token | None:
    """The subject of a finite conjoined verb that has none of its own, found right before
    it though the parser hung it elsewhere: a name ("reading from an iPad, and
    spokeswoman Ana Ruiz entered the cabin"; in text run together from captions, "... to
    vote Vell Ana Ruiz shared a picture"), or a noun phrase ending in a prepositional
    object ("after the board announced its review of the accounts found no fault": the
    review found)."""
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == 0:
        return None
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in verb.children):
        return None
    before = verb.doc[verb.i - 1]
    if before.pos_ not in ("NOUN", "PROPN") or before.dep_ in ("nsubj", "nsubjpass"):
        return None
    if before.ent_type_ == "PERSON":
        return before
    if before.pos_ != "NOUN":
        return None  # "... leaders at Capitol Hill Ryan says": a name glued to a place
    head = before
    while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ == "NOUN":
        head = head.head.head
    return head if head is not before else None

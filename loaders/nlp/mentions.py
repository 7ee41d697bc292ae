"""A mention in an article's salience list: who was named where, and how."""

from __future__ import annotations

from dataclasses import dataclass

from graph.model import Source
from graph.names import PERSON_NOUNS, offices

# Ranks of a mention (lower is more salient).
MAIN_SUBJECT = 0  # subject of a main clause, or a speaker
CLAUSE_SUBJECT = 1  # subject of a reported, subordinate or relative clause
MENTIONED = 2  # a person named anywhere else ("anger from Ana Ruiz", "called his mother, Jane")


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

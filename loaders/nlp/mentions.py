"""A mention in an article's salience list: who was named where, and how."""

from __future__ import annotations

from dataclasses import dataclass

from graph.model import Source

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

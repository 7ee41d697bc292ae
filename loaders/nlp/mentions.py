"""A mention in an article's salience list: who was named where, and how."""

from __future__ import annotations

from dataclasses import dataclass

from graph.model import Source


@dataclass(frozen=True, slots=True)
class Entry:
    token: int
    source: Source
    head_lemma: str
    plural: bool
    subject: bool = True  # False: a person brought in as an object ("called his mother, Jane")
    head: int = -1  # the mention's head token

"""Which attributions voice an opinion rather than report a fact (the "claims only" filter).

The graph has no fact/opinion label, so the rule reads the evidence each
attribution carries, its cue and its content (:data:`OPINION_RULE`):

>>> is_opinion("believes", "the bridge is unsafe")
True
>>> is_opinion("said", "I look forward to working with the council")
True
>>> is_opinion("said", "the bridge will close on Monday")
False
"""

from __future__ import annotations

import re
from typing import Final

OPINION_RULE: Final = """\
A claim counts as an opinion, not a factual claim, when any attribution of it
(or of a near-duplicate) is an opinion: the same words do not become a fact by
being quoted elsewhere. An attribution is an opinion when
1. its cue is a verb of belief, feeling, wish, judgement or promise (think,
   believe, feel, hope, fear, expect, want, wish, doubt, suspect, worry, argue,
   praise, criticise, condemn, welcome, slam, vow, promise, pledge, call ...), or
2. its content speaks in the first person (I, me, my, we, us, our): a speaker
   talking about themselves ("I very much look forward to ...") states a view
   or an intention, not a fact that other sources could confirm.
Refusals, denials and photo credits are never claims. Everything else (said,
told, reported, according to ... about a third party) is a factual claim."""

#: Cue word starts (lower case) that mark belief, feeling, wish, judgement or promise.
OPINION_CUES: Final = (
    "think", "thought", "believ", "feel", "felt", "hop", "fear", "expect", "want", "wish",
    "doubt", "suspect", "reckon", "guess", "suppos", "worr", "argu", "prais", "critici",
    "condemn", "welcom", "slam", "blast", "blam", "vow", "promis", "pledg", "call", "insist",
    "warn", "urg", "demand", "accus",
)  # fmt: skip
# "I" only in capitals (not the letter in "i.e."), "us" not as "US".
_FIRST_PERSON = re.compile(
    r"\bI\b|\b[Uu]s\b|\b(?i:me|my|mine|myself|we|our|ours|ourselves)\b|\b(?i:we)'(?i:re|ve|d|ll)\b"
)


def opinion_cue(cue: str) -> bool:
    """Whether a word of ``cue`` starts like one of :data:`OPINION_CUES`.

    >>> opinion_cue("told reporters"), opinion_cue("is hoping")
    (False, True)
    """
    return any(word.startswith(OPINION_CUES) for word in cue.lower().split())


def first_person(content: str) -> bool:
    """Whether ``content`` speaks in the first person.

    >>> first_person("We will win"), first_person("the US will win")
    (True, False)
    """
    return bool(_FIRST_PERSON.search(content.replace("\u2019", "'")))


def is_opinion(cue: str, content: str) -> bool:
    """The rule of :data:`OPINION_RULE` for one attribution's cue and content."""
    return opinion_cue(cue) or first_person(content)

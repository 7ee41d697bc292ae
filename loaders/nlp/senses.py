"""Senses of cue verbs that say nothing: choices, motion, physical acts.

"A car slammed into a wall", "slammed the door", "oxygen is pumped into the well",
"laid a wreath", "his team opted to pit him": the verbs are cues elsewhere ("slammed
the decision", "laid out a plan"), so the word lists in :mod:`loaders.nlp.cues` name
what tells the senses apart, and both engines ask :func:`says_nothing`.
"""

from __future__ import annotations

from spacy.tokens import Token

from loaders.nlp.cues import (
    CLAIMED,
    NEEDS_CLAUSE,
    NOT_SPEECH,
    PARTICLE_ONLY,
    PHYSICAL_IN_PASSIVE,
    PHYSICAL_OBJECTS,
    PHYSICAL_PARTICLES,
    PHYSICAL_WITH_DATIVE,
    PHYSICAL_WITH_OBJECT,
    SAYS_IT_ALL,
)


def says_nothing(verb: Token) -> bool:
    """A verb that is never a cue here: a choice or motion ("opted", "lined") or a
    physical sense (:func:`physical_sense`); both engines ask."""
    return verb.lemma_.lower() in NOT_SPEECH or physical_sense(verb)


def lacks_its_clause(verb: Token) -> bool:
    """A cue of :data:`~loaders.nlp.cues.NEEDS_CLAUSE` with no clause of its own
    ("has been planning the opening"); a quotation beside it is asked for apart."""
    return (
        verb.pos_ in ("VERB", "AUX")
        and verb.lemma_.lower() in NEEDS_CLAUSE
        and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)
        and not any(  # "decided against recommending charges", "decided on a recount"
            c.dep_ == "prep" and c.lower_ in ("against", "on") for c in verb.children
        )
        and not any(c.dep_ == "dobj" and c.lower_ in CLAIMED for c in verb.children)
    )


def _physical_clause(verb: Token, lemma: str, after: list[Token]) -> bool:
    """The clause shapes of :data:`~loaders.nlp.cues.PHYSICAL_IN_PASSIVE` and the sets
    after it: "was seen leaving", "shows the guests the pier", "pumping it", "said it all"."""
    if lemma in PHYSICAL_IN_PASSIVE and any(c.dep_ == "auxpass" for c in verb.children):
        return True
    if lemma in PHYSICAL_WITH_DATIVE and any(c.dep_ == "dative" for c in after):
        return True
    objects = [c for c in after if c.dep_ == "dobj"]
    if lemma in PHYSICAL_WITH_OBJECT and objects:
        return True
    doc = verb.doc
    return lemma in SAYS_IT_ALL and any(
        o.lower_ == "it" and o.i + 1 < len(doc) and doc[o.i + 1].lower_ == "all" for o in objects
    )


def physical_sense(verb: Token) -> bool:
    """Whether ``verb`` is used in a sense that says nothing: "slammed into a wall",
    "slammed the door", "laid a wreath" (see :data:`~loaders.nlp.cues.PHYSICAL_PARTICLES`)."""
    lemma = verb.lemma_.lower()
    after = [c for c in verb.children if c.i > verb.i]
    if _physical_clause(verb, lemma, after):
        return True
    particles = {  # right after the verb: "slammed into", not "called it X in May"
        c.lower_
        for c in after
        if c.dep_ in ("prep", "prt", "advmod", "acomp") and c.i <= verb.i + 2
    }
    if lemma in PARTICLE_ONLY:
        return not particles & PARTICLE_ONLY[lemma]
    if particles & PHYSICAL_PARTICLES.get(lemma, frozenset()):
        return True
    if lemma not in PHYSICAL_PARTICLES:
        return False
    objects = [c for c in after if c.dep_ == "dobj"]
    objects += [g for c in after if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(o.lower_ in PHYSICAL_OBJECTS for o in objects)

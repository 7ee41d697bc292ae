"""Senses of cue verbs that say nothing: choices, motion, physical acts.

"A car slammed into a wall", "slammed the door", "oxygen is pumped into the well",
"laid a wreath", "his team opted to pit him": the verbs are cues elsewhere ("slammed
the decision", "laid out a plan"), so the word lists in :mod:`loaders.nlp.cues` name
what tells the senses apart, and both engines ask :func:`says_nothing`.
"""

from __future__ import annotations

from spacy.tokens import Token

from loaders.nlp.cues import NOT_SPEECH, PARTICLE_ONLY, PHYSICAL_OBJECTS, PHYSICAL_PARTICLES


def says_nothing(verb: Token) -> bool:
    """A verb that is never a cue here: a choice or motion ("opted", "lined") or a
    physical sense (:func:`physical_sense`); both engines ask."""
    return verb.lemma_.lower() in NOT_SPEECH or physical_sense(verb)


def physical_sense(verb: Token) -> bool:
    """Whether ``verb`` is used in a sense that says nothing: "slammed into a wall",
    "slammed the door", "laid a wreath" (see :data:`~loaders.nlp.cues.PHYSICAL_PARTICLES`)."""
    lemma = verb.lemma_.lower()
    after = [c for c in verb.children if c.i > verb.i]
    if lemma == "see" and any(c.dep_ == "auxpass" for c in verb.children):
        return True  # "was seen taking a walk": what was seen, no one's claim
    if lemma == "show" and any(c.dep_ == "dative" for c in after):
        return True  # "shows the guests the pier"
    doc = verb.doc
    if lemma == "say" and any(
        c.dep_ == "dobj"
        and c.lower_ == "it"
        and c.i + 1 < len(doc)
        and doc[c.i + 1].lower_ == "all"
        for c in after
    ):
        return True  # "the look on his face said it all"
    if lemma == "pump" and any(c.dep_ == "dobj" for c in after):
        return True  # "pumping his fist", "grabbing the hand and pumping it"
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

"""Who "he" and "she" stand for, over a resolver's salience list (see
:mod:`loaders.nlp.coref`, whose :class:`~loaders.nlp.coref.Resolver` mixes this in).

A personal pronoun goes to a person of its gender (or a singular anonymous person) in the
nearest sentence back that has one, the best ranked there (:mod:`loaders.nlp.mentions`):
in its own sentence only a subject that binds it; a person only mentioned only when no
subject before it in its sentence could be that person; never a person the speaker names
in what they say while someone else fits.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from graph.model import Source, SourceType
from graph.names import TITLES, first_name_gender, gender, given_name, surname
from loaders.nlp.mentions import (
    CLAUSE_SUBJECT,
    MAIN_SUBJECT,
    MENTIONED,
    Entry,
    Person,
    person_noun,
)
from loaders.nlp.sources import role_only

# How sure a pronoun's resolution is.
PRONOUN_AGREES = 0.85
PRONOUN_SURE = 0.9  # agrees, and nobody else of that gender in this or the last sentence
PRONOUN_UNKNOWN = 0.6

# Words a report uses, after "the", for someone it has named: "the teenager", "the singer".
EPITHETS = frozenset(
    """
    teenager singer star host actor actress billionaire tycoon businessman businesswoman
    candidate nominee champion rapper comedian presenter celebrity mogul congressman
    congresswoman lawmaker president senator governor mayor chairman chairwoman leader
    """.split()  # noqa: SIM905
)


class Pronouns:
    """The he/she search of a resolver: it provides ``doc``, ``people``, ``entries`` and
    ``_before``."""

    doc: Doc
    people: dict[str, Person]
    entries: list[Entry]
    _keys: list[int]  # each entry's first token, in order

    def _before(self, token: int) -> list[Entry]:
        raise NotImplementedError

    def sentence_of(self, token: int) -> int:
        raise NotImplementedError

    def _person_antecedent(self, span: Span, want: str, said: str) -> tuple[Source, float] | None:
        """ "he"/"she": the nearest sentence back (this one first) with a person of that
        gender, the best ranked in it; a person named in ``said`` only when nobody else
        fits ("'Thank you, President Obama,' he said")."""
        fitting: list[tuple[Entry, float]] = []
        # the nearest sentence whose subject is an epithet left unresolved ("the former
        # host"): a "he" after it stands for whoever that is, the person named before it
        # only when one person of that gender was named
        epithet: int | None = None
        epithet_rank = MENTIONED
        for entry in self._before(span.start):
            kind = entry.source.type
            if kind is SourceType.PERSON:
                person = self.people.get(entry.source.name)
                known = person.gender if person is not None else gender(entry.source.role)
                if known and want not in known:
                    continue  # "she" is never the man named last
                fitting.append((entry, PRONOUN_AGREES if known else PRONOUN_UNKNOWN))
            elif kind is SourceType.ANONYMOUS and not entry.plural and entry.rank != MENTIONED:
                if person_noun(entry.head_lemma) and not (
                    self._definite(entry) and entry.head_lemma in EPITHETS
                ):
                    # "a spokesman", "the girl"; not "the teenager", "the singer": a
                    # name the report gave before, said another way
                    fitting.append((entry, PRONOUN_UNKNOWN))
                elif (
                    epithet is None
                    and self._definite(entry)
                    and entry.head_lemma in EPITHETS
                    and want in (gender(entry.head_lemma) or {want})
                ):
                    epithet, epithet_rank = entry.sentence, entry.rank
            elif kind is SourceType.ORGANIZATION and want in first_name_gender(entry.source.name):
                # "Darren Mimms" taken for an organisation: a first name says a person
                as_person = replace(entry.source, type=SourceType.PERSON, role=None)
                fitting.append((replace(entry, source=as_person), PRONOUN_UNKNOWN))
        compatible = list(fitting)
        fitting = [f for f in fitting if f[0].rank != MENTIONED or self._unrivalled(f[0], want)]
        unnamed = [f for f in fitting if not _names(said, f[0].source.name)]
        # ... nor, while someone else was at least mentioned ("Trump tweeted. Trump and
        # Obama met. 'I was encouraged by President-elect Trump,' he said": Obama)
        mentioned = [f for f in compatible if not _names(said, f[0].source.name)]
        pool = unnamed or (mentioned if len(mentioned) < len(compatible) else []) or fitting
        here = self.sentence_of(span.start)
        # In the pronoun's own sentence only the subject of a main clause is a candidate
        # ("Ruiz said he...", not "When the mayor finished, he..." nor "Ruiz's letter").
        main = [f for f in pool if f[0].sentence != here or self._binds(f[0], span)]
        pool = main or pool
        if not pool:
            return None
        nearest = pool[0][0].sentence  # entries come nearest first
        in_it = [f for f in pool if f[0].sentence == nearest]
        outranked = epithet == nearest and epithet_rank < min(f[0].rank for f in in_it)
        if epithet is not None and (epithet > nearest or outranked):
            # "Obama and Trump met. The former host spoke. He said"; "The former host
            # spoke of his meeting with Obama. He said": the host is not Obama
            names = {f[0].source.name for f in compatible if f[0].sentence == nearest}
            met = {
                f[0].source.name
                for f in compatible
                if f[0].sentence == epithet and f[0].rank == MENTIONED
            }
            if len(names) > 1 or names & met:
                return None
        if nearest == here:
            entry, sure = in_it[0]  # the nearest
        else:
            # the nearest subject; of people only mentioned, the first named
            entry, sure = min(
                in_it,
                key=lambda f: (f[0].rank, f[0].token if f[0].rank == MENTIONED else -f[0].token),
            )
        last = self.sentence_of(here - 1) if here > 0 else here
        if sure == PRONOUN_AGREES and nearest in (here, last):
            rivals = [
                f
                for f in compatible
                if f[0].sentence in (here, last) and f[0].source.name != entry.source.name
            ]
            if not rivals:
                sure = PRONOUN_SURE  # the only person of that gender in this or the last one
        return entry.source, sure

    def _binds(self, entry: Entry, pronoun: Span) -> bool:
        """Whether a subject in the pronoun's own sentence can be what it stands for: a
        main clause's subject, or one whose clause holds the pronoun ("Ruiz, who was hurt,
        said he ..."), not "When the mayor finished, he ..."."""
        if entry.rank == MAIN_SUBJECT:
            return True
        if entry.rank == MENTIONED or entry.head < 0:
            return False
        if entry.token == entry.sentence:
            return True  # the sentence opens with it, whatever the parse made of its verb
        verb = self.doc[entry.head].head
        return verb.left_edge.i <= pronoun.start <= verb.right_edge.i

    def _definite(self, entry: Entry) -> bool:
        return self.doc[entry.token].lower_ in ("the", "this", "that")

    def _unrivalled(self, entry: Entry, want: str) -> bool:
        """Whether a person only mentioned can be what a pronoun stands for: no subject
        before it in its sentence may be a person of that gender ("the president met his
        predecessor, George Bush. He said" is not Bush; "the plan drew anger from Ana
        Ruiz. She said" is Ruiz)."""
        for other in self.entries[
            bisect_left(self._keys, entry.sentence) : bisect_left(self._keys, entry.token)
        ]:
            if other.rank == MENTIONED:
                continue
            kind = other.source.type
            if kind is SourceType.PERSON:
                person = self.people.get(other.source.name)
                known = person.gender if person is not None else gender(other.source.role)
                if not known or want in known:
                    return False
            elif (
                kind is SourceType.ANONYMOUS
                and not other.plural
                and (
                    person_noun(other.head_lemma)
                    or role_only(self.doc[other.token : other.head + 1])
                )
            ):
                return False
        return True


def clause_rank(verb: Token) -> int:
    """A subject's rank by its verb: a main clause (or its conjuncts) or anything else."""
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return MAIN_SUBJECT if verb.dep_ == "ROOT" else CLAUSE_SUBJECT


def _names(said: str, name: str) -> bool:
    """Whether what a speaker says names the person ``name`` ("Thank you, Mr. Vell",
    "President-elect Vell"): the surname, after nothing capitalised, a title or the given
    name; not after another given name ("his wife, Ghazala Khan" names no Khizr Khan)."""
    last = surname(name)
    given = given_name(name)
    for m in re.finditer(r"\b([A-Z][\w'’.-]*\s+)?([A-Z][\w'’-]+)", said):
        if m.group(2).lower().removesuffix("'s").removesuffix("’s") != last:
            continue
        before = (m.group(1) or "").strip().lower()
        if not before or before in TITLES or before == given or "-" in before:
            return True
    return False

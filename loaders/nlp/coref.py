"""Resolve pronouns, surnames and titles to a source named in the same article.

A small rule-based resolver (no trained coreference model: coreferee and
similar packages need models downloaded from outside the package registries).
It keeps every person the article names, with what the article says about them:

- gender, from an honorific ("Mr.", "Mrs."), a gendered role word
  ("spokeswoman", "first lady") or the first name (:mod:`graph.names`);
- offices, from the titles written before the name ("President Barack Obama");
- salience: subjects and sources in text order, outside quotations.

A bare surname ("Obama", "Mr. Obama", "President Obama") goes to the full name
of that surname that fits its honorific and title, the most recent first; "he"
and "she" go to the most recent compatible person (or singular anonymous
source), "they" to the most recent group; "the president" to the person the
article gives that title. Each answer comes with a confidence.

>>> from graph.outlets import default_registry
>>> from loaders.nlp.models import load_model
>>> doc = load_model()("Mayor Ana Ruiz spoke. Tom Vell listened. She said it was over.")
>>> r = Resolver(doc, default_registry())
>>> source, sure = r.resolve_sure(doc[9:10])
>>> source.name, sure
('Ana Ruiz', 0.85)
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from graph.model import Source, SourceType
from graph.names import first_name_gender, gender, holds, name_tokens, offices, surname
from graph.outlets import OutletRegistry
from loaders.nlp.companies import Companies, is_company_word
from loaders.nlp.mentions import Entry
from loaders.nlp.sources import appositive_name, describe, is_pronoun, is_title, role_only
from loaders.nlp.spans import doc_text, find_quotes, in_quote

MALE_PRONOUNS = frozenset(("he", "him", "his"))
FEMALE_PRONOUNS = frozenset(("she", "her"))
PERSON_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS
GROUP_PRONOUNS = frozenset(("they", "them", "their"))
# "the newspaper said": the outlet mentioned last.
OUTLET_NOUNS = frozenset(
    ("newspaper", "paper", "magazine", "website", "site", "tabloid", "broadcaster", "network")
)
THING_PRONOUNS = frozenset(("it", "its"))
SALIENT_DEPS = frozenset(("nsubj", "nsubjpass"))
OBJECT_DEPS = frozenset(("dobj", "pobj", "dative"))
WINDOW = 250  # tokens a pronoun may look back

# How sure each kind of resolution is.
NAMED = 1.0
SURNAME_UNIQUE = 0.95
SURNAME_NEAREST = 0.7
PRONOUN_AGREES = 0.85
PRONOUN_UNKNOWN = 0.6
TITLE_HOLDER = 0.8
DESCRIPTION = 0.8
UNRESOLVED = 0.3


@dataclass(slots=True)
class Person:
    """A full name the article mentions, with what the article says about them."""

    source: Source
    first: int  # token of the first mention
    gender: frozenset[str]
    titles: list[str]


class Resolver:
    """Salience list of one doc; ``resolve`` names a source phrase."""

    def __init__(self, doc: Doc, registry: OutletRegistry) -> None:
        self.doc = doc
        self.registry = registry
        self.people: dict[str, Person] = {}  # by full name
        self.titled: list[tuple[int, str, str]] = []  # (token, title text, full name)
        self.entries: list[Entry] = []
        self._keys: list[int] = []
        self._quoted: list[tuple[int, int]] = []
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                self._learn(ent)
        self._quoted = find_quotes(doc_text(doc))
        self.companies = Companies(doc)
        # Twice: the first pass finds the people the tagger missed, the second one
        # resolves every subject knowing all of them.
        for _ in range(2):
            self.entries, self._keys = [], []
            self._salience()
            self._another_of_the_name()

    def _salience(self) -> None:
        doc, quoted = self.doc, self._quoted
        for tok in doc:
            if in_quote(quoted, tok.idx):
                continue  # what a speaker says is not who is speaking
            agent = tok.dep_ == "pobj" and tok.head.dep_ == "agent"
            if (tok.dep_ in SALIENT_DEPS or agent) and tok.pos_ in ("NOUN", "PROPN"):
                span = doc[tok.left_edge.i : tok.i + 1]
                self.add(span, self._name(span)[0])
            elif tok.dep_ in OBJECT_DEPS and (name := appositive_name(tok)) is not None:
                # "called his mother, Jane, ... She told": a person brought in by name
                span = doc[tok.left_edge.i : name.i + 1]
                self.add(span, self._name(span)[0], subject=False)

    # -- what the article says about its people ----------------------------------------------

    def _learn(self, ent: Span) -> None:
        doc = self.doc
        start = ent.start
        while start > 0 and (
            is_title(doc[start - 1])
            or (doc[start - 1].dep_ in ("compound", "amod") and doc[start - 1].head.i >= ent.start)
        ):
            start -= 1
        title = doc[start : ent.start].text
        src = describe(ent, self.registry)
        if src.type is not SourceType.PERSON:
            return
        name = src.name
        said = gender(title, src.role, ent.text)
        if len(name_tokens(name)) < 2:
            # "Mr. Obama": a bare surname, gendered and titled, for the full name it fits.
            if title:
                self.titled.append((ent.start, title, name))
            return
        known = self.people.get(name)
        if known is None:
            known = Person(
                source=replace(src, role=None),
                first=ent.start,
                gender=said or first_name_gender(name),
                titles=[],
            )
            self.people[name] = known
        elif said and not known.gender:
            known.gender = said
        if title:
            known.titles.append(title)
            self.titled.append((ent.start, title, name))

    def _another_of_the_name(self) -> None:
        """ "President Obama" in an article that names only Michelle Obama: another Obama.

        A titled bare surname that no full name of the article fits (by gender or office)
        is kept as a person of its own, so that a later plain "Obama" can mean either.
        """
        for tok, title, name in self.titled:
            if len(name_tokens(name)) != 1 or name in self.people:
                continue
            sex, titles = gender(title), offices(title)
            full = [p for p in self.people.values() if surname(p.source.name) == surname(name)]
            if full and not any(_fits(p, sex, titles) for p in full):
                self.people[name] = Person(
                    source=Source(name=name, type=SourceType.PERSON),
                    first=tok,
                    gender=sex,
                    titles=[title],
                )

    def add(self, span: Span, source: Source, subject: bool = True) -> None:
        """Record that ``source`` was mentioned at ``span``."""
        if source.type is SourceType.UNSPECIFIED:
            return
        if source.type is SourceType.PERSON and len(name_tokens(source.name)) >= 2:
            person = self.people.get(source.name)
            if person is None:
                sex = gender(source.role) or first_name_gender(source.name)
                person = Person(
                    source=replace(source, role=None), first=span.start, gender=sex, titles=[]
                )
                self.people[source.name] = person
            if source.role and source.role not in person.titles:
                person.titles.append(source.role)
        root = span.root
        entry = Entry(
            span.start,
            source,
            root.lemma_.lower(),
            root.tag_ in ("NNS", "NNPS", "CD"),
            subject,
            root.i,
        )
        pos = bisect.bisect_right(self._keys, span.start)
        self._keys.insert(pos, span.start)
        self.entries.insert(pos, entry)

    # -- resolving ---------------------------------------------------------------------------

    def resolve(self, span: Span) -> Source:
        """The source ``span`` refers to (itself when nothing earlier fits)."""
        return self.resolve_sure(span)[0]

    def resolve_sure(self, span: Span) -> tuple[Source, float]:
        """The source ``span`` refers to, and how sure the resolution is (0-1)."""
        return self.resolution(span)[:2]

    def resolution(self, span: Span) -> tuple[Source, float, str]:
        """Source, confidence and the gender the article gives this mention ("m", "f", "")."""
        sex = self.mention_gender(span)
        found, sure = self._resolve(span)
        return found, sure, sex

    def mention_gender(self, span: Span) -> str:
        """The gender a mention carries: its honorific or pronoun, else the first personal
        pronoun after it in its sentence outside quotations ("Obama said his ...")."""
        word = span[0].lower_ if len(span) == 1 else ""
        if word in MALE_PRONOUNS or word in FEMALE_PRONOUNS:
            return "m" if word in MALE_PRONOUNS else "f"
        said = gender(span.text)
        if len(said) == 1:
            return next(iter(said))
        quoted = self._quoted
        for tok in span.doc[span.end : span.sent.end]:
            if in_quote(quoted, tok.idx):
                continue
            if tok.lower_ in MALE_PRONOUNS:
                return "m"
            if tok.lower_ in FEMALE_PRONOUNS:
                return "f"
        return ""

    def _resolve(self, span: Span) -> tuple[Source, float]:
        if is_pronoun(span):
            found = self._antecedent(span)
            return found if found is not None else (Source(name=span.text), UNRESOLVED)
        source, sure = self._name(span)
        if span[0].lower_ == "the" and len(span) == 2 and span[1].lower_ in OUTLET_NOUNS:
            for entry in self._before(span.start):
                if entry.source.type is SourceType.OUTLET:
                    return entry.source, DESCRIPTION
        if is_company_word(span.text):
            company = self.companies.company(self._before(span.start))
            if company is not None:
                return company, DESCRIPTION
        if span[0].lower_ == "the" and role_only(span):
            titled = self._title_holder(span)
            if titled is not None:
                return titled, TITLE_HOLDER
        if source.type is SourceType.ANONYMOUS and span[0].lower_ in ("the", "this", "that"):
            lemma = span.root.lemma_.lower()
            for entry in self._before(span.start):
                if entry.source.type is SourceType.ANONYMOUS and entry.head_lemma == lemma:
                    return entry.source, DESCRIPTION
        return source, sure

    def _name(self, span: Span) -> tuple[Source, float]:
        source = describe(span, self.registry)
        bare = source.type is SourceType.PERSON or (
            source.type is SourceType.ORGANIZATION and source.name.istitle()
        )
        tokens = name_tokens(source.name)
        if not bare or len(tokens) != 1:
            return source, NAMED
        mention = span.text
        said = self.mention_gender(span)
        sex = frozenset({said}) if said else frozenset()
        titles = offices(mention, source.role)
        fits = [
            p
            for p in self.people.values()
            if surname(p.source.name) == tokens[0] and _fits(p, sex, titles)
        ]
        if not fits:
            named = self.companies.first_word(tokens[0], span.start, self._before(span.start))
            return named or source, NAMED
        best = max(fits, key=lambda p: (self._last_seen(p, span.start), -p.first))
        role = source.role if source.type is SourceType.PERSON else None
        sure = SURNAME_UNIQUE if len(fits) == 1 else SURNAME_NEAREST
        return Source(name=best.source.name, type=SourceType.PERSON, role=role), sure

    def _last_seen(self, person: Person, token: int) -> int:
        name = person.source.name
        seen = [e.token for e in self.entries if e.token < token and e.source.name == name]
        seen += [t for t, _, n in self.titled if t < token and n == name]
        seen.append(person.first if person.first < token else -1)
        return max(seen)

    def _title_holder(self, span: Span) -> Source | None:
        """ "The president said": the person the article gives that title, nearest before."""
        title = span[1:].text.lower()
        held = [
            (tok, name)
            for tok, text, name in self.titled
            if tok < span.start and holds(text, title)
        ]
        for entry in self._before(span.start):
            role = entry.source.role
            if entry.source.type is SourceType.PERSON and role and holds(role, title):
                held.append((entry.token, entry.source.name))
        if not held:
            return None
        _, name = max(held)
        person = self.people.get(name)
        return person.source if person is not None else Source(name=name, type=SourceType.PERSON)

    def _before(self, token: int, window: int = WINDOW) -> list[Entry]:
        pos = bisect.bisect_left(self._keys, token)
        return [e for e in reversed(self.entries[:pos]) if token - e.token <= window]

    def _antecedent(self, span: Span) -> tuple[Source, float] | None:
        found = self._nearest(span, self._before(span.start))
        return (found[0].source, found[1]) if found is not None else None

    def _other_gender_subject(self, entry: Entry, want: str) -> bool:
        """Whether the subjects before ``entry`` in its sentence are all known to be of the
        other gender: only then can a pronoun pass them for a person brought in as an
        object ("Tom Vell called his mother, Jane. She said ..." is Jane; "the president
        met his predecessor, George Bush. He said ..." is not Bush)."""
        sent = self.doc[entry.token].sent
        subjects = [
            t
            for t in sent
            if t.dep_ in SALIENT_DEPS
            and t.i < entry.token
            and (t.pos_ in ("NOUN", "PROPN") or t.lower_ in PERSON_PRONOUNS)
        ]
        if not subjects:
            return False
        starts = {e.token: e for e in self.entries}
        for tok in subjects:
            if tok.lower_ in PERSON_PRONOUNS:
                sex = frozenset({"m" if tok.lower_ in MALE_PRONOUNS else "f"})
            else:
                known = starts.get(tok.left_edge.i)
                person = self.people.get(known.source.name) if known is not None else None
                sex = person.gender if person is not None else frozenset()
            if not sex or want in sex:
                return False
        return True

    def _nearest(self, span: Span, entries: list[Entry]) -> tuple[Entry, float] | None:
        word = span[0].lower_
        want = "m" if word in MALE_PRONOUNS else "f" if word in FEMALE_PRONOUNS else None
        for entry in entries:
            kind = entry.source.type
            if not entry.subject and (want is None or not self._other_gender_subject(entry, want)):
                continue
            if want is not None and kind is SourceType.PERSON:
                person = self.people.get(entry.source.name)
                known = person.gender if person is not None else gender(entry.source.role)
                if known and want not in known:
                    continue  # "she" is never the man named last
                return entry, PRONOUN_AGREES if known else PRONOUN_UNKNOWN
            if (
                want is not None
                and kind is SourceType.ANONYMOUS
                and not entry.plural
                and _person_noun(entry.head_lemma)
            ):
                return entry, PRONOUN_UNKNOWN
            if word in GROUP_PRONOUNS and (
                kind in (SourceType.ORGANIZATION, SourceType.OUTLET)
                or (kind is SourceType.ANONYMOUS and entry.plural)
            ):
                return entry, PRONOUN_UNKNOWN
            if word in THING_PRONOUNS and kind in (
                SourceType.ORGANIZATION,
                SourceType.OUTLET,
                SourceType.DOCUMENT,
            ):
                if self.companies.is_product(entry.source.name):
                    company = self.companies.company(self._before(entry.token))
                    if company is not None:  # "It added": the maker, not its product
                        return replace(entry, source=company), PRONOUN_UNKNOWN
                return entry, PRONOUN_UNKNOWN
        return None


def _offices(person: Person) -> frozenset[str]:
    return offices(*person.titles)


def _fits(person: Person, sex: frozenset[str], titles: frozenset[str]) -> bool:
    """Whether a mention with this gender and these offices can be ``person``:
    "Mr." is never a woman; "President Obama" is the Obama the article calls president."""
    if sex and person.gender and not sex & person.gender:
        return False
    return not (titles and not titles & _offices(person))


_PERSON_NOUNS = frozenset(
    """
    official source spokesman spokeswoman spokesperson aide officer witness resident
    person man woman diplomat lawyer analyst expert executive adviser advisor member
    """.split()  # noqa: SIM905
)


def _person_noun(lemma: str) -> bool:
    return lemma in _PERSON_NOUNS

"""Resolve pronouns, surnames and titles to a source named in the same article.

A small rule-based resolver (no trained coreference model: coreferee and
similar packages need models downloaded from outside the package registries).
It keeps every person the article names, with what the article says about them:

- gender, from an honorific ("Mr.", "Mrs."), a gendered role word
  ("spokeswoman", "first lady") or the first name (:mod:`graph.names`);
- offices, from the titles written before the name ("President Barack Obama");
- salience: subjects, sources and named people in text order, outside quotations,
  each with a rank: the subject of a main clause or a speaker first, then a subject
  inside a reported or subordinate clause ("Obama said Trump was unfit": Obama before
  Trump), then a person only mentioned ("anger from Javier Ruiz").

A bare surname ("Obama", "Mr. Obama", "President Obama") goes to the full name
of that surname that fits its honorific and title, the most recent first; "he"
and "she" go to a compatible person (or singular anonymous source) in the nearest
sentence back that has one, the best ranked there, never to a person the speaker
names in what they say ("'Thank you, President Obama,' he said" is not Obama);
"they" to the most recent group; "the president" to the person the
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
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Span

from graph.model import Source, SourceType
from graph.names import (
    first_name_gender,
    gender,
    holds,
    name_tokens,
    offices,
    surname,
)
from graph.outlets import OutletRegistry
from loaders.nlp.companies import Companies, is_company_word
from loaders.nlp.mentions import (
    MAIN_SUBJECT,
    MENTIONED,
    Entry,
    Person,
    fits,
    person_noun,
    stray_subject,
)
from loaders.nlp.pronouns import PRONOUN_AGREES, PRONOUN_UNKNOWN, Pronouns, clause_rank
from loaders.nlp.sources import (
    ORG_NOUNS,
    appositive_name,
    describe,
    is_pronoun,
    is_title,
    role_only,
)
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
# A person named as one of these counts as mentioned ("anger from Ana Ruiz", "Ruiz's
# letter"); a modifier ("the Ruiz family") does not.
MENTION_DEPS = frozenset(("pobj", "dobj", "appos", "conj", "attr", "npadvmod", "dative", "poss"))
WINDOW = 250  # tokens a pronoun may look back
GOES_ON_WINDOW = 2 * WINDOW  # ... and "he added" for the last speaker (past a sidebar)
TITLE_NEAR = 60  # tokens: a title holder this near is the one "the president" means
GENERIC_OFFICES = frozenset(("head", "chief", "leader", "director", "chair", "ceo", "executive"))

# How sure each kind of resolution is.
NAMED = 1.0
SURNAME_UNIQUE = 0.95
SURNAME_NEAREST = 0.7
TITLE_HOLDER = 0.8
DESCRIPTION = 0.8
UNRESOLVED = 0.3


class Resolver(Pronouns):
    """Salience list of one doc; ``resolve`` names a source phrase."""

    def __init__(self, doc: Doc, registry: OutletRegistry) -> None:
        self.doc = doc
        self.registry = registry
        self.people: dict[str, Person] = {}  # by full name
        self.titled: list[tuple[int, str, str]] = []  # (token, title text, full name)
        self.entries: list[Entry] = []
        self._keys: list[int] = []
        self._quoted: list[tuple[int, int]] = []
        self._descriptions: dict[tuple[int, int], Source] = {}
        # the sources of attributions so far: (token, source, gender said, a person noun)
        # (token, source, gender, a singular "spokesman", may be a "they")
        self._speakers: list[tuple[int, Source, str, bool, bool]] = []
        for ent in doc.ents:
            # an organisation to the tagger may be a person to the article ("Ana Vell,
            # head of research"): describe() decides
            if ent.label_ == "PERSON" or (ent.label_ == "ORG" and len(ent) <= 3):
                self._learn(ent)
        self._quoted = find_quotes(doc_text(doc))
        self.companies = Companies(doc)
        self._sentence = [0] * len(doc)  # each token's sentence start (Span.sent scans)
        self._sentence_end = [0] * len(doc)
        for sent in doc.sents:
            self._sentence[sent.start : sent.end] = [sent.start] * len(sent)
            self._sentence_end[sent.start : sent.end] = [sent.end] * len(sent)
        # Twice: the first pass finds the people the tagger missed, the second one
        # resolves every subject knowing all of them.
        for _ in range(2):
            self.entries, self._keys = [], []
            self._salience()
            self._another_of_the_name()

    def _salience(self) -> None:
        """One pass in text order: subjects and named people (outside quotations), and
        the subject pronouns resolved as they come, so that focus carries on."""
        doc, quoted = self.doc, self._quoted
        people = {ent.start: ent for ent in doc.ents if ent.label_ == "PERSON"}
        for tok in doc:
            if in_quote(quoted, tok.idx):
                continue  # what a speaker says is not who is speaking
            agent = tok.dep_ == "pobj" and tok.head.dep_ == "agent"
            subject = tok.dep_ in SALIENT_DEPS or agent
            verb = tok.head.head if agent else tok.head
            if subject and tok.pos_ in ("NOUN", "PROPN"):
                span = doc[tok.left_edge.i : tok.i + 1]
                self.add(span, self._resolve(span)[0], clause_rank(verb))
            elif subject and tok.lower_ in PERSON_PRONOUNS:
                want = "m" if tok.lower_ in MALE_PRONOUNS else "f"
                found = self._person_antecedent(doc[tok.i : tok.i + 1], want, "")
                if found is not None:
                    self.add(doc[tok.i : tok.i + 1], found[0], clause_rank(verb))
            if tok.dep_ in OBJECT_DEPS and (name := appositive_name(tok)) is not None:
                # "called his mother, Jane, ...": a person brought in by name
                span = doc[tok.left_edge.i : name.i + 1]
                source = self._name(span)[0]
                if source.type is SourceType.PERSON:
                    self.add(span, source, MENTIONED)
                continue
            ent = people.get(tok.i)
            if ent is not None and ent.root.dep_ in MENTION_DEPS:
                source = self._name(ent)[0]
                if source.type is SourceType.PERSON and len(name_tokens(source.name)) >= 2:
                    after = doc[ent.end] if ent.end < len(doc) else None
                    if after is not None and stray_subject(after) is not None:
                        self.add(ent, source, clause_rank(after))  # "..., and Ruiz entered"
                    else:
                        self.add(ent, source, MENTIONED)

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
        src = self._describe(ent)
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
            if full and not any(fits(p, sex, titles) for p in full):
                self.people[name] = Person(
                    source=Source(name=name, type=SourceType.PERSON),
                    first=tok,
                    gender=sex,
                    titles=[title],
                )

    def add(
        self, span: Span, source: Source, rank: int = MAIN_SUBJECT, speaker: bool = False
    ) -> None:
        """Record that ``source`` was mentioned at ``span`` (a subject of that ``rank``;
        the source of an attribution when ``speaker``)."""
        if source.type is SourceType.UNSPECIFIED:
            return
        if speaker:
            root = span.root
            lemma = root.lemma_.lower()
            anonymous = source.type is SourceType.ANONYMOUS
            someone = anonymous and root.tag_ == "NN" and person_noun(lemma)  # "a spokesman"
            they = source.type is SourceType.ORGANIZATION or (
                anonymous and (person_noun(lemma) or lemma in ORG_NOUNS)
            )  # not "this graphic"
            self._speakers.append((span.start, source, self.mention_gender(span), someone, they))
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
            root.tag_ in ("NNS", "NNPS", "CD") or any(c.dep_ == "conj" for c in root.children),
            rank,
            self.sentence_of(span.start),
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

    def resolution(
        self, span: Span, said: str = "", goes_on: bool = False
    ) -> tuple[Source, float, str]:
        """Source, confidence and the gender the article gives this mention ("m", "f", "").

        ``said`` is what the mention is the source of: a pronoun never resolves to a
        person that text names while another candidate fits. ``goes_on``: the mention
        is the source of a cue that continues a statement ("he added"), so a pronoun is
        the last speaker of its gender, whoever was in focus since."""
        sex = self.mention_gender(span)
        found, sure = self._resolve(span, said)
        if goes_on and len(span) == 1 and span[0].lower_ in PERSON_PRONOUNS:
            last = self._last_speaker(span.start, sex)
            if last is not None and last != found:
                found, sure = last, PRONOUN_AGREES
        elif goes_on and len(span) == 1 and span[0].lower_ == "they":
            group = self._last_group_speaker(span.start)
            if group is not None and group != found:
                found, sure = group, PRONOUN_UNKNOWN
        return found, sure, sex

    def _last_group_speaker(self, token: int) -> Source | None:
        """ "A fire brigade spokesman said ... '...,' they added": the last source before
        ``token`` (within ``GOES_ON_WINDOW``) when it is an organisation or people not
        named; a named person last is no "they", nor is "this graphic"."""
        for at, source, _, _, they in reversed(self._speakers):
            if at >= token:
                continue
            if token - at > GOES_ON_WINDOW or source.type is SourceType.PERSON:
                return None
            if they:
                return source
        return None

    def _last_speaker(self, token: int, sex: str) -> Source | None:
        """The source of the last attribution before ``token`` (within ``GOES_ON_WINDOW``)
        that is a person of gender ``sex``."""
        for at, source, said, someone, _ in reversed(self._speakers):
            if at >= token:
                continue
            if token - at > GOES_ON_WINDOW:
                return None
            if someone:
                return None  # "a spokesman said ... He added": the salience reading stands
            if source.type is not SourceType.PERSON:
                continue  # "officials", "his steepled hands", the company
            person = self.people.get(source.name)
            known = person.gender if person is not None and person.gender else frozenset(said)
            if sex in known:
                return source
            if not known:
                return None  # a speaker of unknown gender: it may be them
        return None

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
        for tok in span.doc[span.end : self._sentence_end[span.start]]:
            if in_quote(quoted, tok.idx):
                continue
            if tok.lower_ in MALE_PRONOUNS:
                return "m"
            if tok.lower_ in FEMALE_PRONOUNS:
                return "f"
        return ""

    def _resolve(self, span: Span, said: str = "") -> tuple[Source, float]:
        if is_pronoun(span):
            found = self._antecedent(span, said)
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
        head = span[: span.root.i - span.start + 1]  # "The President, who ...": "The President"
        if span[0].lower_ == "the" and role_only(head):
            titled = self._title_holder(head)
            if titled is not None:
                return titled, TITLE_HOLDER
        if source.type is SourceType.ANONYMOUS and span[0].lower_ in ("the", "this", "that"):
            earlier = self._described_before(span)
            if earlier is not None:
                return earlier, DESCRIPTION
        return source, sure

    def _described_before(self, span: Span) -> Source | None:
        """ "The spokesman": the nearest anonymous source described by that noun before;
        "the Nato spokesman": of those, the one whose description shares the most of
        its other words ("a Nato spokesman", not "a spokesman for the German command"),
        and the word right before the noun ("ministry" in "the German foreign ministry
        spokesman"); none when no description does."""
        lemma = span.root.lemma_.lower()
        before = span.root.i - 1
        key = span.doc[before].lower_ if before >= span.start else ""
        modifiers = {t.lower_ for t in span if t.i != span.root.i and t.is_alpha and not t.is_stop}
        best: Source | None = None
        shared = 0
        for entry in self._before(span.start):
            if entry.source.type is not SourceType.ANONYMOUS or entry.head_lemma != lemma:
                continue
            if not modifiers:
                return entry.source
            words = {w.lower() for w in entry.source.name.split()}
            n = len(modifiers & words)
            if n > shared and (key not in modifiers or key in words):
                best, shared = entry.source, n
        return best

    def _describe(self, span: Span) -> Source:
        """:func:`~loaders.nlp.sources.describe`, once per span (both passes ask)."""
        key = (span.start, span.end)
        found = self._descriptions.get(key)
        if found is None:
            found = self._descriptions[key] = describe(span, self.registry)
        return found

    def _name(self, span: Span) -> tuple[Source, float]:
        source = self._describe(span)
        bare = source.type is SourceType.PERSON or (
            source.type is SourceType.ORGANIZATION and source.name.istitle()
        )
        tokens = name_tokens(source.name)
        if not bare or len(tokens) != 1:
            return source, NAMED
        mention = span.text
        said = self.mention_gender(span)
        sex = frozenset({said}) if said else frozenset()
        # "head of the chamber" and "its president" are both true of one man: only an
        # office that tells people apart ("President Obama", not "first lady") counts
        titles = offices(mention, source.role) - GENERIC_OFFICES
        namesakes = [
            p
            for p in self.people.values()
            if surname(p.source.name) == tokens[0] and fits(p, sex, titles)
        ]
        if not namesakes:
            named = self.companies.first_word(tokens[0], span.start, self._before(span.start))
            return named or source, NAMED
        # the one the article has named most so far ("Katy Perry", not her mother Mary
        # Perry named once), then the one last in focus
        best = max(
            namesakes,
            key=lambda p: (
                self._times_named(p, span.start),
                self._last_seen(p, span.start),
                -p.first,
            ),
        )
        role = source.role if source.type is SourceType.PERSON else None
        sure = SURNAME_UNIQUE if len(namesakes) == 1 else SURNAME_NEAREST
        return Source(name=best.source.name, type=SourceType.PERSON, role=role), sure

    def _times_named(self, person: Person, token: int) -> int:
        name = person.source.name
        return sum(1 for e in self.entries if e.token < token and e.source.name == name)

    def _last_seen(self, person: Person, token: int) -> int:
        name = person.source.name
        seen = [
            e.token
            for e in self.entries
            if e.token < token and e.source.name == name and e.rank != MENTIONED
        ]
        seen += [t for t, _, n in self.titled if t < token and n == name]
        seen.append(person.first if person.first < token else -1)
        return max(seen)

    def _title_holder(self, span: Span) -> Source | None:
        """ "The president said": the person the article gives that title, nearest before
        (within :data:`TITLE_NEAR` tokens), else the one it gives it most often."""
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
        last, name = max(held)
        if span.start - last > TITLE_NEAR:
            # nobody so titled just before: the one the article titles so most often
            # ("President Obama" four times, then one "President George W Bush" in a
            # look back at 2008: "The president spoke first" is Obama)
            counts = Counter(n for _, n in held)
            name = max(counts, key=lambda n: (counts[n], max(t for t, m in held if m == n)))
        person = self.people.get(name)
        return person.source if person is not None else Source(name=name, type=SourceType.PERSON)

    def sentence_of(self, token: int) -> int:
        """The first token of ``token``'s sentence."""
        return self._sentence[token]

    def _before(self, token: int, window: int = WINDOW) -> list[Entry]:
        pos = bisect.bisect_left(self._keys, token)
        return [e for e in reversed(self.entries[:pos]) if token - e.token <= window]

    def _antecedent(self, span: Span, said: str = "") -> tuple[Source, float] | None:
        word = span[0].lower_
        if word in PERSON_PRONOUNS:
            return self._person_antecedent(span, "m" if word in MALE_PRONOUNS else "f", said)
        for entry in self._before(span.start):
            kind = entry.source.type
            if word in GROUP_PRONOUNS and (
                kind in (SourceType.ORGANIZATION, SourceType.OUTLET)
                or (kind is SourceType.ANONYMOUS and entry.plural)
            ):
                return entry.source, PRONOUN_UNKNOWN
            if word in THING_PRONOUNS and kind in (
                SourceType.ORGANIZATION,
                SourceType.OUTLET,
                SourceType.DOCUMENT,
            ):
                if self.companies.is_product(entry.source.name):
                    company = self.companies.company(self._before(entry.token))
                    if company is not None:  # "It added": the maker, not its product
                        return company, PRONOUN_UNKNOWN
                return entry.source, PRONOUN_UNKNOWN
        return None

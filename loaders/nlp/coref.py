"""Resolve pronouns, surnames and definite descriptions to a source named earlier.

Light, rule-based salience: the most recent compatible subject (or source)
before the mention wins. "Peskov" becomes "Dmitry Peskov" when the full name
appeared earlier; "the official" becomes "a US official".
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from graph.model import Source, SourceType
from graph.outlets import OutletRegistry
from loaders.nlp.sources import describe, is_pronoun, role_only
from loaders.nlp.spans import doc_text, find_quotes

PERSON_PRONOUNS = frozenset(("he", "she", "him", "her", "his"))
GROUP_PRONOUNS = frozenset(("they", "them", "their"))
# "the newspaper said": the outlet mentioned last.
OUTLET_NOUNS = frozenset(
    ("newspaper", "paper", "magazine", "website", "site", "tabloid", "broadcaster", "network")
)
THING_PRONOUNS = frozenset(("it", "its"))
SALIENT_DEPS = frozenset(("nsubj", "nsubjpass"))
WINDOW = 250  # tokens a pronoun may look back


@dataclass(frozen=True, slots=True)
class Entry:
    token: int
    source: Source
    head_lemma: str
    plural: bool


class Resolver:
    """Salience list of one doc; ``resolve`` names a source phrase."""

    def __init__(self, doc: Doc, registry: OutletRegistry) -> None:
        self.doc = doc
        self.registry = registry
        self.surnames: dict[str, Source] = {}
        self.entries: list[Entry] = []
        self._keys: list[int] = []
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                src = describe(ent, registry)
                parts = src.name.split()
                if src.type is SourceType.PERSON and len(parts) >= 2:
                    self.surnames.setdefault(parts[-1].lower(), replace(src, role=None))
        quoted = find_quotes(doc_text(doc))
        q = 0
        for tok in doc:
            while q < len(quoted) and quoted[q][1] <= tok.idx:
                q += 1
            if q < len(quoted) and quoted[q][0] <= tok.idx:
                continue  # what a speaker says is not who is speaking
            agent = tok.dep_ == "pobj" and tok.head.dep_ == "agent"
            if (tok.dep_ in SALIENT_DEPS or agent) and tok.pos_ in ("NOUN", "PROPN"):
                span = doc[tok.left_edge.i : tok.i + 1]
                self.add(span, self._name(span))

    def add(self, span: Span, source: Source) -> None:
        """Record that ``source`` was mentioned at ``span``."""
        if source.type is SourceType.UNSPECIFIED:
            return
        if source.type is SourceType.PERSON and " " in source.name:
            known = self.surnames.get(source.name.split()[-1].lower())
            if known is None or (known.name == source.name and source.role):
                self.surnames[source.name.split()[-1].lower()] = source
        root = span.root
        entry = Entry(span.start, source, root.lemma_.lower(), root.tag_ in ("NNS", "NNPS", "CD"))
        pos = bisect.bisect_right(self._keys, span.start)
        self._keys.insert(pos, span.start)
        self.entries.insert(pos, entry)

    def resolve(self, span: Span) -> Source:
        """The source ``span`` refers to (itself when nothing earlier fits)."""
        if is_pronoun(span):
            found = self._antecedent(span)
            return found if found is not None else Source(name=span.text)
        source = self._name(span)
        if span[0].lower_ == "the" and len(span) == 2 and span[1].lower_ in OUTLET_NOUNS:
            for entry in self._before(span.start):
                if entry.source.type is SourceType.OUTLET:
                    return entry.source
        if span[0].lower_ == "the" and role_only(span):
            titled = self._titled_person(span)
            if titled is not None:
                return titled
        if source.type is SourceType.ANONYMOUS and span[0].lower_ in ("the", "this", "that"):
            lemma = span.root.lemma_.lower()
            for entry in self._before(span.start):
                if entry.source.type is SourceType.ANONYMOUS and entry.head_lemma == lemma:
                    return entry.source
        return source

    def _name(self, span: Span) -> Source:
        source = describe(span, self.registry)
        if source.type is SourceType.PERSON and " " not in source.name:
            full = self.surnames.get(source.name.lower())
            if full is not None:
                return Source(name=full.name, type=full.type, role=source.role or full.role)
        return source

    def _titled_person(self, span: Span) -> Source | None:
        """ "The mayor said": the latest person before whose role is that title."""
        title = span[1:].text.lower()
        for entry in self._before(span.start):
            if entry.source.type is not SourceType.PERSON or not entry.source.role:
                continue
            for role in entry.source.role.lower().split("; "):
                if role == title or role.endswith(" " + title) or role.startswith(title + " "):
                    return entry.source
        return None

    def _before(self, token: int) -> list[Entry]:
        pos = bisect.bisect_left(self._keys, token)
        return [e for e in reversed(self.entries[:pos]) if token - e.token <= WINDOW]

    def _antecedent(self, span: Span) -> Source | None:
        word = span[0].lower_
        for entry in self._before(span.start):
            kind = entry.source.type
            if word in PERSON_PRONOUNS and kind is SourceType.PERSON:
                return entry.source
            if word in GROUP_PRONOUNS and (
                kind in (SourceType.ORGANIZATION, SourceType.OUTLET)
                or (kind is SourceType.ANONYMOUS and entry.plural)
            ):
                return entry.source
            if word in THING_PRONOUNS and kind in (SourceType.ORGANIZATION, SourceType.OUTLET):
                return entry.source
        return None

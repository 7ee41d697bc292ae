"""Companies and their products within one article, for resolving "the company" and "it".

"Harbour Foods said ... It added" is Harbour Foods, not the "Crunch bar" it makes: a
name the article uses for a product ("the Crunch brand", "Crunch bars", "which makes
Crunch") is never the company a later "the company" or "it" stands for while a company
is in reach, and a bare "Harbour" is the "Harbour Foods International" named before.

>>> from loaders.nlp.models import load_model
>>> doc = load_model()("Harbour Foods, which makes Crunch, said sales of Crunch bars fell.")
>>> sorted(product_names(doc))
['crunch']
"""

from __future__ import annotations

from spacy.tokens import Doc

from graph.model import Source, SourceType
from loaders.nlp.cues import words
from loaders.nlp.mentions import Entry

ORG = SourceType.ORGANIZATION

# "the company said": a description standing for the company named before.
COMPANY_WORDS = words("company firm maker makers manufacturer group")
# Nouns a product name modifies: "Crunch bars", "the Crunch brand".
PRODUCT_NOUNS = words("bar bars brand product products chocolate range model drink")
# Verbs whose object is a product: "which makes Crunch", "owns Crunch".
MAKING_VERBS = words("make own produce manufacture sell")


def product_names(doc: Doc) -> frozenset[str]:
    """Lower-case names the article uses for products."""
    out = set()
    for tok in doc:
        if tok.pos_ != "PROPN":
            continue
        head = tok.head.lemma_.lower()
        if (tok.dep_ == "compound" and head in PRODUCT_NOUNS) or (
            tok.dep_ == "dobj" and head in MAKING_VERBS
        ):
            out.add(tok.text.lower())
    return frozenset(out)


def company_names(doc: Doc) -> list[tuple[int, str]]:
    """``(token, name)`` of every organisation of two or more words the article names."""
    return [
        (ent.start, ent.text[4:] if ent.text.startswith("The ") else ent.text)
        for ent in doc.ents
        if ent.label_ == "ORG" and len(ent) >= 2
    ]


def is_company_word(text: str) -> bool:
    """ "the company", "the firm": a description that stands for a company."""
    parts = text.lower().split()
    return len(parts) == 2 and parts[0] == "the" and parts[1] in COMPANY_WORDS


class Companies:
    """The companies, products and places of one article."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.products = product_names(doc)
        self.named = company_names(doc)
        self.places = {e.text for e in doc.ents if e.label_ in ("GPE", "LOC", "NORP", "FAC")}

    def is_product(self, name: str) -> bool:
        return name.lower() in self.products

    def first_word(self, word: str, token: int, before: list[Entry]) -> Source | None:
        """ "Harbour said": the "Harbour Foods International" named before ``token``."""
        named = [(t, n) for t, n in self.named if t < token]
        named += [(e.token, e.source.name) for e in before if e.source.type is ORG]
        fits = sorted(
            (t, n) for t, n in named if len(n.split()) > 1 and n.split()[0].lower() == word
        )
        return Source(name=fits[-1][1], type=ORG) if fits else None

    def company(self, before: list[Entry]) -> Source | None:
        """The company "the company" stands for: the nearest named organisation in
        ``before`` (nearest first) that is not one of the article's products or places;
        none when it is one of several ("Tesco and Unilever clashed after the company
        said")."""
        for entry in before:
            source = entry.source
            if (
                source.type is ORG
                and source.name[:1].isupper()
                and not self.is_product(source.name)
                and source.name not in self.places
            ):
                head = self.doc[entry.head] if entry.head >= 0 else None
                if head is not None and (
                    head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children)
                ):
                    return None
                return source
        return None

"""Entity resolution: one node per outlet, per named source, per anonymous source.

Outlets resolve through the outlet registry (``"NYT"`` and ``"New York
Times"`` are one outlet); named people resolve to their full name, with role
words stripped (name rules: :mod:`graph.names`); who a bare surname is, across
the collection, is decided at read time by :mod:`graph.identity`.

>>> outlet_ref("NYT")
('the-new-york-times', 'The New York Times')
>>> person_name("Kremlin spokesman Dmitry Peskov")
'Dmitry Peskov'
"""

from __future__ import annotations

import re

from graph.model import Source, SourceType, stable_id
from graph.names import (
    norm_text,
    person_id,
    person_name,
)
from graph.outlets import OutletRegistry, default_registry, slug

# Source types described rather than named, kept per article, and their id prefix.
_PER_ARTICLE = {SourceType.ANONYMOUS: "anon", SourceType.DOCUMENT: "doc"}

_DETERMINERS = frozenset(
    "a an the one two three four five several some many few two other another".split()  # noqa: SIM905
)


_PLAIN_NAME = re.compile(r"[0-9a-z]+(?: [0-9a-z]+)*")
_ID = re.compile(r"[0-9a-z]+(?:-[0-9a-z]+)*")


def outlet_ref(name: str, registry: OutletRegistry | None = None) -> tuple[str, str]:
    """``(id, canonical name)`` of an outlet.

    A known outlet has its registry id. An unknown one is keyed by its name as
    written, up to case, spacing, curly quotes and a leading "the": its slug
    when the slug keeps all of that (plain letters and digits), else the slug
    and a hash of the name, so names that differ only in punctuation or in
    letters a slug drops ("Yahoo!" and "Yahoo", "Zürich Post" and "Zarich
    Post") stay two outlets. Variant spellings of one outlet belong in the
    outlet list as aliases. An id given as the name is its own id.

    >>> outlet_ref("The Daily Planet"), outlet_ref("daily  planet")[0]
    (('daily-planet', 'The Daily Planet'), 'daily-planet')
    >>> outlet_ref("Daily-Planet")[0] != outlet_ref("Daily Planet")[0]
    True
    >>> outlet_ref(outlet_ref("Yahoo!")[0])[0] == outlet_ref("Yahoo!")[0]
    True
    """
    reg = registry or default_registry()
    known = reg.lookup(name)
    if known is not None:
        return known.id, known.name
    clean = norm_text(name)
    key = (clean[4:] if clean.lower().startswith("the ") else clean).lower()
    if _ID.fullmatch(clean):
        return clean, clean
    if _PLAIN_NAME.fullmatch(key):
        return slug(key), clean
    return "-".join(p for p in (slug(key), stable_id("outlet", key, length=8)) if p), clean


def descriptor(text: str) -> str:
    """An anonymous source's descriptor for grouping: lower case, no leading determiners.

    >>> descriptor("Two senior US officials"), descriptor("one of the engineers")
    ('senior us officials', 'engineers')
    """
    tokens = norm_text(text).lower().split()
    while len(tokens) > 1 and (tokens[0] in _DETERMINERS or tokens[0] == "of"):
        tokens.pop(0)
    return " ".join(tokens)


class SourceResolver:
    """Resolve the sources of one article to node ids, from the article alone.

    Mentions arrive resolved within their article (:mod:`loaders.nlp.coref`); a bare
    surname left over is decided at read time from the whole collection
    (:func:`graph.identity.canonicalise`).
    """

    def __init__(
        self,
        article_id: str,
        *,
        registry: OutletRegistry | None = None,
    ) -> None:
        self.article_id = article_id
        self.registry = registry or default_registry()

    def is_outlet(self, source: Source) -> bool:
        if source.type == SourceType.OUTLET:
            return True
        return (
            source.type == SourceType.ORGANIZATION and self.registry.lookup(source.name) is not None
        )

    def resolve(self, source: Source) -> tuple[str, str, dict[str, object]]:
        """``(label, id, properties)`` of the node for ``source``."""
        if self.is_outlet(source):
            oid, name = outlet_ref(source.name, self.registry)
            return "Outlet", oid, {"id": oid, "name": name}
        props: dict[str, object] = {"type": str(source.type)}
        if source.role:
            props["roles"] = [norm_text(source.role)]
        if source.type in _PER_ARTICLE:
            # described, not named: one node per article ("a senior official", "the report")
            desc = descriptor(source.name)
            sid = f"{_PER_ARTICLE[source.type]}-{self.article_id}-{slug(desc) or stable_id(desc)}"
            props.update(id=sid, name=norm_text(source.name), descriptor=desc)
            props["article_id"] = self.article_id
            return "Source", sid, props
        if source.type == SourceType.PERSON:
            name = person_name(source.name)
            sid = person_id(name)
            props.update(id=sid, name=name)
            return "Source", sid, props
        name = norm_text(source.name)
        key = name[4:] if name.lower().startswith("the ") else name
        if source.type == SourceType.ORGANIZATION and not _generic(key):
            sid = f"org-{slug(key) or stable_id(key)}"
        else:
            # An unresolved "I" or "he", or a bare "company", in one article is nobody in
            # particular elsewhere: such sources stay per article, like anonymous ones.
            sid = f"src-{self.article_id}-{slug(key) or stable_id(key)}"
            props["article_id"] = self.article_id
        props.update(id=sid, name=name)
        return "Source", sid, props


def _generic(name: str) -> bool:
    """A one-word, lower-case organisation name ("company", "ministry") names no one in particular.

    >>> _generic("company"), _generic("Acme"), _generic("port authority")
    (True, False, False)
    """
    return " " not in name and name.islower()


__all__ = [
    "SourceResolver",
    "descriptor",
    "norm_text",
    "outlet_ref",
    "person_id",
    "person_name",
]

"""Entity resolution: one node per outlet, per named source, per anonymous source.

Outlets resolve through the outlet registry (``"NYT"`` and ``"New York
Times"`` are one outlet); named people resolve to their full name, with role
words stripped, and a surname-only mention resolves to a full name only when
exactly one full name with that surname is known (first in the article, then
in the corpus).

>>> outlet_ref("NYT")
('the-new-york-times', 'The New York Times')
>>> person_name("Kremlin spokesman Dmitry Peskov")
'Dmitry Peskov'
>>> people = PeopleIndex()
>>> people.add("person-dmitry-peskov", "Dmitry Peskov")
>>> people.resolve("Peskov")
('person-dmitry-peskov', 'Dmitry Peskov')
>>> people.add("person-anna-peskov", "Anna Peskov")
>>> people.resolve("Peskov") is None
True
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from graph.model import Source, SourceType, stable_id
from graph.outlets import OutletRegistry, default_registry, slug

# Words that can precede a name without being part of it.
_TITLES = frozenset(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady
    president vice prime minister secretary senator sen sen. rep rep. representative
    gov gov. governor mayor chancellor king queen prince princess pope
    gen gen. general col col. colonel lt lt. lieutenant capt capt. captain maj maj. major
    adm adm. admiral sgt sgt. sergeant officer chief director judge justice ambassador
    spokesman spokeswoman spokesperson minister deputy foreign defence defense interior
    attorney chairman chairwoman chair ceo head leader commissioner inspector detective
    professor father rev rev. reverend rabbi imam sheikh
    """.split()  # noqa: SIM905
)
# Offices and positions: a surname-only mention titled with one ("President Obama")
# does not join a namesake known only under other ones ("first lady Michelle Obama").
_OFFICES = frozenset(
    """
    president vice prime minister secretary senator sen rep representative gov governor
    mayor chancellor king queen prince princess pope gen general col colonel lt lieutenant
    capt captain maj major adm admiral sgt sergeant officer chief director judge justice
    ambassador spokesman spokeswoman spokesperson deputy attorney chairman chairwoman chair
    ceo head leader commissioner inspector detective professor lady coach manager speaker
    """.split()  # noqa: SIM905
)
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_DETERMINERS = frozenset(
    "a an the one two three four five several some many few two other another".split()  # noqa: SIM905
)


def norm_text(text: str) -> str:
    """Collapse whitespace and unify quotes.

    >>> norm_text("  The  ‘Kremlin’ ")
    "The 'Kremlin'"
    """
    return " ".join(text.replace("’", "'").replace("‘", "'").split())


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


def person_name(text: str) -> str:
    """The name in a person mention, without leading role words or possessives.

    >>> person_name("Russian President Vladimir Putin's")
    'Vladimir Putin'
    >>> person_name("Sen. Amy Fictional Jr.")
    'Amy Fictional Jr.'
    >>> person_name("[Harbour Director Ann B.] Lee")
    'Ann B. Lee'
    """
    clean = norm_text(re.sub(r"[\[\]()]", " ", text))
    clean = re.sub(r"'s?$", "", clean)
    tokens = clean.split()
    # The name is the trailing run of capitalised tokens that are not titles.
    start = len(tokens)
    while start > 0:
        tok = tokens[start - 1]
        low = tok.lower()
        if low in _SUFFIXES and start == len(tokens):
            start -= 1
            continue
        if low in _TITLES or not (tok[:1].isupper() or tok[:1].isdigit()):
            break
        start -= 1
    name = " ".join(tokens[start:])
    return name or clean


def surname(name: str) -> str:
    """The last name of a full name, ignoring suffixes.

    >>> surname("Amy Fictional Jr.")
    'fictional'
    """
    tokens = [t for t in name.lower().split() if t not in _SUFFIXES]
    return tokens[-1] if tokens else ""


def descriptor(text: str) -> str:
    """An anonymous source's descriptor for grouping: lower case, no leading determiners.

    >>> descriptor("Two senior US officials"), descriptor("one of the engineers")
    ('senior us officials', 'engineers')
    """
    tokens = norm_text(text).lower().split()
    while len(tokens) > 1 and (tokens[0] in _DETERMINERS or tokens[0] == "of"):
        tokens.pop(0)
    return " ".join(tokens)


_MALE = frozenset({"mr", "sir", "lord", "king", "prince", "father"})
_FEMALE = frozenset({"mrs", "ms", "miss", "madam", "dame", "lady", "queen", "princess"})


def gender(*texts: str | None) -> frozenset[str]:
    """``{"m"}``, ``{"f"}`` (or both, or neither) from honorifics in role or mention texts.

    >>> gender("Mr. Vell"), gender("first lady"), gender("President")
    (frozenset({'m'}), frozenset({'f'}), frozenset())
    """
    words = set(" ".join(t for t in texts if t).lower().replace(".", " ").split())
    return frozenset({"m"} if words & _MALE else set()) | ({"f"} if words & _FEMALE else set())


def offices(*texts: str | None) -> frozenset[str]:
    """The office words in role or mention texts.

    >>> sorted(offices("US President-elect", "Sen. Amy Fictional"))
    ['president', 'sen']
    """
    words = " ".join(t for t in texts if t).lower().replace("-", " ").replace(".", " ")
    return frozenset(w for w in words.split() if w in _OFFICES)


def _is_full(name: str) -> bool:
    return len([t for t in name.split() if t.lower() not in _SUFFIXES]) >= 2


class PeopleIndex:
    """Full names of people by surname (with their offices), to resolve surname-only mentions."""

    def __init__(self) -> None:
        self._by_surname: dict[str, dict[str, str]] = defaultdict(dict)
        self._offices: dict[str, set[str]] = defaultdict(set)
        self._gender: dict[str, set[str]] = defaultdict(set)

    def add(self, source_id: str, name: str, roles: Iterable[str] = ()) -> None:
        if _is_full(name):
            self._by_surname[surname(name)][source_id] = name
            self._offices[source_id].update(offices(*roles))
            self._gender[source_id].update(gender(*roles))

    def surname_node(self, source_id: str, name: str) -> str | None:
        """The id of a surname-only node that ``name`` may now absorb, if unambiguous.

        >>> people = PeopleIndex()
        >>> people.add("person-ann-lee", "Ann Lee")
        >>> people.surname_node("person-ann-lee", "Ann Lee")
        'person-lee'
        >>> people.add("person-bo-lee", "Bo Lee")
        >>> people.surname_node("person-ann-lee", "Ann Lee") is None
        True
        """
        if not _is_full(name):
            return None
        found = self._by_surname.get(surname(name), {})
        if list(found) != [source_id]:
            return None
        return person_id(surname(name))

    def resolve(
        self, name: str, titles: frozenset[str] = frozenset(), sex: frozenset[str] = frozenset()
    ) -> tuple[str, str] | None:
        """The only known full name with surname ``name`` that fits the mention's offices
        (``titles``) and honorific (``sex``: "Mr" never joins someone known as "Mrs").

        >>> people = PeopleIndex()
        >>> people.add("person-ann-lee", "Ann Lee", ["first lady"])
        >>> people.add("person-bo-lee", "Bo Lee", ["President"])
        >>> people.resolve("Lee", offices("President")), people.resolve("Lee")
        (('person-bo-lee', 'Bo Lee'), None)
        """
        if _is_full(name):
            return None
        found = [
            (id_, full)
            for id_, full in self._by_surname.get(name.lower(), {}).items()
            if (not titles or not self._offices[id_] or titles & self._offices[id_])
            and not (len(sex) == 1 and self._gender[id_] and not sex & self._gender[id_])
        ]
        return found[0] if len(found) == 1 else None


class SourceResolver:
    """Resolve the sources of one article to node ids.

    ``corpus`` holds people known from earlier articles; the people of the
    article itself are consulted first.
    """

    def __init__(
        self,
        article_id: str,
        sources: list[Source],
        *,
        corpus: PeopleIndex | None = None,
        registry: OutletRegistry | None = None,
    ) -> None:
        self.article_id = article_id
        self.registry = registry or default_registry()
        self.corpus = corpus
        self.local = PeopleIndex()
        for s in sources:
            if s.type == SourceType.PERSON:
                name = person_name(s.name)
                self.local.add(person_id(name), name, [s.role or "", s.name])

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
        if source.type == SourceType.ANONYMOUS:
            desc = descriptor(source.name)
            sid = f"anon-{self.article_id}-{slug(desc) or stable_id(desc)}"
            props.update(id=sid, name=norm_text(source.name), descriptor=desc)
            props["article_id"] = self.article_id
            return "Source", sid, props
        if source.type == SourceType.PERSON:
            name = person_name(source.name)
            titles = offices(source.role, source.name)
            sex = gender(source.role, source.name)
            hit = self.local.resolve(name, titles, sex) or (
                self.corpus.resolve(name, titles, sex) if self.corpus else None
            )
            if hit is not None:
                sid, name = hit
            else:
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


def person_id(name: str) -> str:
    """The node id of a named person; middle initials do not count.

    >>> person_id("Dmitry Peskov"), person_id("Donald J. Trump")
    ('person-dmitry-peskov', 'person-donald-trump')
    """
    tokens = name.split()
    if len(tokens) > 2:
        middle = [t for t in tokens[1:-1] if not re.fullmatch(r"[A-Z]\.?", t)]
        tokens = [tokens[0], *middle, tokens[-1]]
    key = " ".join(tokens)
    return f"person-{slug(key) or stable_id(key)}"

"""Recognise news outlets by name, alias or web domain.

The list lives in ``graph/data/outlets.json`` (editable; point the
``SOURCETRACE_OUTLETS`` environment variable at another file to replace it).

>>> reg = default_registry()
>>> reg.lookup("NYT").name
'The New York Times'
>>> reg.lookup("the new york times").name
'The New York Times'
>>> reg.from_url("https://www.theguardian.com/world/x").name
'The Guardian'
>>> reg.lookup("Peskov") is None
True

A one-word name is only recognised with a capital initial, and one after
"the" (The Sun, The Hill) only with its "the", so neither "Hill" (a surname)
nor "the sun" (the star) nor "a slate of candidates" is taken for an outlet:

>>> reg.lookup("the Hill").name, reg.lookup("Hill"), reg.lookup("the sun")
('The Hill', None, None)
>>> reg.lookup("the BBC").name, reg.lookup("Slate").name, reg.lookup("slate")
('BBC', 'Slate', None)
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from graph.errors import InputError

DATA_FILE = Path(__file__).parent / "data" / "outlets.json"
ENV_VAR = "SOURCETRACE_OUTLETS"


@dataclass(frozen=True, slots=True, kw_only=True)
class Outlet:
    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    kind: str = "news"
    country: str | None = None  # ISO 3166 alpha-2 code where the outlet is based

    @property
    def id(self) -> str:
        """A readable, stable id: the canonical name as a slug, accents folded so
        that no letter is lost ("RTÉ" is ``rte``, apart from "RT").

        >>> Outlet(name="RTÉ").id, Outlet(name="RT").id
        ('rte', 'rt')
        """
        return slug(fold_accents(self.name))


def slug(name: str) -> str:
    """Lower-case, ascii-ish slug of a name.

    >>> slug("The New York Times")
    'the-new-york-times'
    """
    return re.sub(r"[^0-9a-z]+", "-", name.lower()).strip("-")


def fold_accents(name: str) -> str:
    """``name`` with accents taken off its letters.

    >>> fold_accents("Süddeutsche Zeitung, RTÉ")
    'Suddeutsche Zeitung, RTE'
    """
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _norm(name: str) -> str:
    """Index key of a name: lower case, single spaces; a leading "the" is dropped
    only when more than one word follows it ("the new york times" ->
    "new york times", but "the hill" stays).

    >>> _norm("The  New York Times"), _norm("The Hill"), _norm("Reuters")
    ('new york times', 'the hill', 'reuters')
    """
    n = " ".join(name.replace("’", "'").split()).lower()
    return n[4:] if n.startswith("the ") and " " in n[4:] else n


class OutletRegistry:
    """Outlets indexed by every name and domain they go by."""

    def __init__(self, outlets: Iterable[Outlet]) -> None:
        self.outlets = tuple(outlets)
        self._by_name: dict[str, Outlet] = {}
        self._by_domain: dict[str, Outlet] = {}
        self._lower_ok: set[str] = set()  # one-word names spelt lower case ("dpa")
        for outlet in self.outlets:
            for n in (outlet.name, *outlet.aliases):
                key = _norm(n)
                self._by_name.setdefault(key, outlet)
                if n.split() and n.split()[-1][:1].islower():
                    self._lower_ok.add(key)
            for d in outlet.domains:
                self._by_domain.setdefault(d.lower(), outlet)

    @classmethod
    def from_file(cls, path: str | Path) -> OutletRegistry:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            entries = data["outlets"] if isinstance(data, dict) else data
            return cls(
                Outlet(
                    name=e["name"],
                    aliases=tuple(e.get("aliases", ())),
                    domains=tuple(e.get("domains", ())),
                    kind=e.get("kind", "news"),
                    country=e.get("country") or None,
                )
                for e in entries
            )
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise InputError(str(path), f"not a valid outlets file: {e}") from e

    def lookup(self, name: str) -> Outlet | None:
        """The outlet called ``name`` (any alias, case-insensitive, a leading "the"
        optional), or None.

        A one-word name must be written with a capital initial (as it is in the
        data), and one after "the" ("The Hill") needs its "the": a lower-case
        word or a bare surname is not an outlet.
        """
        key = _norm(name)
        outlet = self._by_name.get(key)
        if outlet is None and key.startswith("the "):
            key = key[4:]  # "the BBC", "the AP"
            outlet = self._by_name.get(key)
        if outlet is None or " " in key.removeprefix("the "):
            return outlet
        first = name.split()[-1][:1]
        return outlet if first.isupper() or key in self._lower_ok else None

    def from_url(self, url: str) -> Outlet | None:
        """The outlet whose domain (or a parent domain) serves ``url`` (a URL or a
        bare domain such as ``www.bbc.co.uk``)."""
        host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
        while host:
            if host in self._by_domain:
                return self._by_domain[host]
            _, _, host = host.partition(".")
        return None

    def names(self) -> list[str]:
        """Every name and alias, original spelling, longest first."""
        out = {n for o in self.outlets for n in (o.name, *o.aliases)}
        return sorted(out, key=lambda n: (-len(n), n))


@lru_cache(maxsize=4)
def _load(path: str) -> OutletRegistry:
    return OutletRegistry.from_file(path)


def default_registry() -> OutletRegistry:
    """The registry from ``$SOURCETRACE_OUTLETS`` or the bundled data file."""
    return _load(os.environ.get(ENV_VAR) or str(DATA_FILE))

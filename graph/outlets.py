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
"""

from __future__ import annotations

import json
import os
import re
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

    @property
    def id(self) -> str:
        """A readable, stable id: the canonical name as a slug."""
        return slug(self.name)


def slug(name: str) -> str:
    """Lower-case, ascii-ish slug of a name.

    >>> slug("The New York Times")
    'the-new-york-times'
    """
    return re.sub(r"[^0-9a-z]+", "-", name.lower()).strip("-")


def _norm(name: str) -> str:
    n = " ".join(name.replace("’", "'").split()).lower()
    return n[4:] if n.startswith("the ") else n


class OutletRegistry:
    """Outlets indexed by every name and domain they go by."""

    def __init__(self, outlets: Iterable[Outlet]) -> None:
        self.outlets = tuple(outlets)
        self._by_name: dict[str, Outlet] = {}
        self._by_domain: dict[str, Outlet] = {}
        for outlet in self.outlets:
            for n in (outlet.name, *outlet.aliases):
                self._by_name.setdefault(_norm(n), outlet)
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
                )
                for e in entries
            )
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise InputError(str(path), f"not a valid outlets file: {e}") from e

    def lookup(self, name: str) -> Outlet | None:
        """The outlet called ``name`` (any alias, case-insensitive, leading "the" ignored)."""
        return self._by_name.get(_norm(name))

    def from_url(self, url: str) -> Outlet | None:
        """The outlet whose domain (or a parent domain) serves ``url``."""
        host = (urlsplit(url).hostname or "").lower()
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

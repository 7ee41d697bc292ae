"""The extraction engines and how one is chosen (no spaCy import: the CLI reads it at start).

>>> engine_name("rules")
'rules'
"""

from __future__ import annotations

import os

from graph.errors import ModelError

ENGINE_VAR = "SOURCETRACE_ENGINE"
ENGINES = ("rules", "learned")
# The better one on PolNeAR dev (README, "How extraction works"): learned beats rules on
# exact source, cue and content F1 and on relation F1, at about half the speed.
DEFAULT_ENGINE = "learned"


def engine_name(engine: str | None = None) -> str:
    """The engine to use: ``engine``, else ``$SOURCETRACE_ENGINE``, else the default."""
    name = engine or os.environ.get(ENGINE_VAR) or DEFAULT_ENGINE
    if name not in ENGINES:
        raise ModelError(f"unknown engine {name!r}: choose one of {', '.join(ENGINES)}")
    return name

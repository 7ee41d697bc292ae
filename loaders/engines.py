"""The extraction engines and how one is chosen (no spaCy import: the CLI reads it at start).

>>> engine_name("rules")
'rules'
"""

from __future__ import annotations

import os

from graph.errors import ModelError

ENGINE_VAR = "SOURCETRACE_ENGINE"
ENGINES = ("rules", "learned")
# README, "How extraction works": on PolNeAR dev the learned engine (the tagger trained
# for three epochs) leads the rules on every score (exact F1 source +2.2, cue +1.7,
# content +0.2, relation +1.1) at about half the speed of bare spaCy, so it is the
# default; the rules engine stays as the fast path.
DEFAULT_ENGINE = "learned"


def engine_name(engine: str | None = None) -> str:
    """The engine to use: ``engine``, else ``$SOURCETRACE_ENGINE``, else the default."""
    name = engine or os.environ.get(ENGINE_VAR) or DEFAULT_ENGINE
    if name not in ENGINES:
        raise ModelError(f"unknown engine {name!r}: choose one of {', '.join(ENGINES)}")
    return name

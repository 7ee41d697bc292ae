"""The extraction engines and how one is chosen (no spaCy import: the CLI reads it at start).

>>> engine_name("rules")
'rules'
"""

from __future__ import annotations

import os

from graph.errors import ModelError

ENGINE_VAR = "SOURCETRACE_ENGINE"
ENGINES = ("rules", "learned")
# README, "How extraction works": on PolNeAR dev learned leads rules by only 0.1-0.4 F1
# (within run-to-run noise of the scorer's choices) at half the speed and 224 MiB more
# memory, so rules stays the default until a better-trained tagger clearly wins.
DEFAULT_ENGINE = "rules"


def engine_name(engine: str | None = None) -> str:
    """The engine to use: ``engine``, else ``$SOURCETRACE_ENGINE``, else the default."""
    name = engine or os.environ.get(ENGINE_VAR) or DEFAULT_ENGINE
    if name not in ENGINES:
        raise ModelError(f"unknown engine {name!r}: choose one of {', '.join(ENGINES)}")
    return name

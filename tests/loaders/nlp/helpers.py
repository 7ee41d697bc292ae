"""Helpers for the attribution extractor tests."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Attribution

Extract = Callable[..., list[Attribution]]


def only(attributions: list[Attribution]) -> Attribution:
    """The single attribution of a test sentence."""
    assert len(attributions) == 1, [
        (a.cue.text, a.content and a.content.text) for a in attributions
    ]
    return attributions[0]


def by_cue(attributions: list[Attribution], cue: str, nth: int = 0) -> Attribution:
    """The ``nth`` attribution (in text order) whose cue reads ``cue``."""
    found = [a for a in attributions if a.cue.text == cue]
    assert len(found) > nth, [a.cue.text for a in attributions]
    return found[nth]


def source_name(attribution: Attribution) -> str | None:
    return attribution.source.source.name if attribution.source else None

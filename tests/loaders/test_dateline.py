"""Outlets from datelines, domains and declared names."""

from __future__ import annotations

import pytest

from graph.outlets import Outlet, OutletRegistry
from loaders.dateline import article_outlet, dateline_end, dateline_outlet, resolve_outlet


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("WASHINGTON (Reuters) - The senator said the bill would pass.", "Reuters"),
        ("(AFP) – Officials said the border had reopened.", "Agence France-Presse"),
        ("LONDON, May 3 (Reuters) - Shares fell, traders said.", "Reuters"),
        ("NEW YORK, March 3, 2024 (AP) — The mayor said the trains ran.", "Associated Press"),
        ("KYIV, Ukraine (AP) — A governor said the power was back.", "Associated Press"),
        ("Washington (CNN) The committee chair said the hearing would go on.", "CNN"),
        ("SAN JUAN, Puerto Rico (Bloomberg) -- Bondholders said talks stalled.", "Bloomberg"),
        ("BERLIN (dpa) - Ein Sprecher sagte, der Zug sei pünktlich.", "Deutsche Presse-Agentur"),
        ("TOKYO, Jan. 5 (Kyodo) - A minister said exports rose.", "Kyodo News"),
        ("  \ufeffBEIJING (Xinhua) -- The ministry said rainfall was heavy.", "Xinhua"),
        (
            "Storm hits coast\n\nMIAMI (AP) — Forecasters said the storm weakened.",
            "Associated Press",
        ),
        ("PORT ALDER (Lagoon Wire) - The ferry captain said the crossing resumed.", "Lagoon Wire"),
        ("LONDON (The Associated Press) — A judge said the case would go on.", "Associated Press"),
    ],
)
def test_dateline_names_the_outlet(text: str, outlet: str) -> None:
    assert dateline_outlet(text) == outlet


@pytest.mark.parametrize(
    "text",
    [
        "Senator Jones (R-Texas) said the bill would fail.",
        "Officials (who asked not to be named) said it rained.",
        "The company (Acme) said profits rose.",
        "the harbour (reuters) - lower-case place is a sentence, not a dateline",
        "A spokesman said the plan (unknown) - would fail.",
        "WASHINGTON — The senator said the bill would pass.",
        "Budget (Part 2) - what the new taxes mean for you",
        "Harbour Notes (Weekly Digest) - ferries said to be late",
        "Line one.\nLine two.\nLine three.\nLine four.\nLine five.\nPARIS (AFP) - Too far down.",
        "",
    ],
)
def test_text_without_a_dateline_has_no_outlet(text: str) -> None:
    assert dateline_outlet(text) is None


def test_dateline_uses_the_registry_given() -> None:
    registry = OutletRegistry([Outlet(name="Lagoon Wire", aliases=("LW",))])
    assert dateline_outlet("PORT ALDER (LW) The captain said so.", registry) == "Lagoon Wire"
    assert dateline_outlet("PARIS (AFP) - Officials said so.", registry) == "AFP"


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("NYT", "The New York Times"),
        ("new york times", "The New York Times"),
        ("  The   Associated Press ", "Associated Press"),
        ("www.reuters.com", "Reuters"),
        ("https://www.bbc.co.uk/news", "BBC"),
        ("Lagoon Gazette", "Lagoon Gazette"),
        ("lagoon-gazette.example", "lagoon-gazette.example"),
        ("", None),
        (None, None),
    ],
)
def test_resolve_outlet_canonicalises_known_names_and_domains(
    name: str | None, canonical: str | None
) -> None:
    assert resolve_outlet(name) == canonical


def test_declared_outlet_beats_url_and_dateline() -> None:
    outlet = article_outlet(
        declared="Lagoon Gazette", url="https://www.cnn.com/x", text="PARIS (AFP) - x"
    )
    assert outlet == "Lagoon Gazette"


def test_url_domain_beats_dateline() -> None:
    assert article_outlet(url="https://uk.reuters.com/x", text="PARIS (AFP) - x") == "Reuters"


def test_dateline_is_the_last_resort() -> None:
    assert article_outlet(url="https://lagoon.example/x", text="PARIS (AFP) - x") == (
        "Agence France-Presse"
    )
    assert article_outlet(url="https://lagoon.example/x", text="Nobody said anything.") is None


@pytest.mark.parametrize(
    ("text", "story"),
    [
        ("LONDON (Reuters) - Prices rose.", "Prices rose."),
        ("Headline here\n\nSAN MARCO, Jan. 5 (Lagoon Wire) – Boats were idle.", "Boats were idle."),
    ],
)
def test_dateline_end_points_at_the_story(text: str, story: str) -> None:
    end = dateline_end(text)
    assert end is not None and text[end:] == story


@pytest.mark.parametrize(
    "text",
    ["Senator Jones (R-Texas) said the bill was dead.", "Prices rose in London on Monday."],
)
def test_dateline_end_is_none_without_a_dateline(text: str) -> None:
    assert dateline_end(text) is None

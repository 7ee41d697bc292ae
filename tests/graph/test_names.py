"""The one owner of name rules: titles, honorifics, gender, offices, agreement."""

from __future__ import annotations

import pytest

from graph.names import agree, first_name_gender, gender, holds, offices, person_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Vell", {"m"}),
        ("Mrs Vell", {"f"}),
        ("Ms. Ruiz", {"f"}),
        ("first lady", {"f"}),
        ("the company's spokeswoman", {"f"}),
        ("council chairman", {"m"}),
        ("President", set()),
    ],
)
def test_gender_comes_from_honorifics_and_gendered_role_words(text: str, expected: set) -> None:
    assert gender(text) == expected


def test_first_names_hint_a_gender_and_a_bare_surname_none() -> None:
    assert first_name_gender("Nora Pell") == {"f"}
    assert first_name_gender("Peter Vell") == {"m"}
    assert first_name_gender("Vell") == frozenset()


@pytest.mark.parametrize(
    ("role", "title", "expected"),
    [
        ("US President", "president", True),
        ("President-elect", "president", False),
        ("Vice President", "president", False),
        ("former president", "president", False),
        ("harbour mayor; Democrat", "mayor", True),
    ],
)
def test_holds_a_title(role: str, title: str, expected: bool) -> None:
    assert holds(role, title) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Ana Vell", "Peter Vell", False),
        ("Vell", "Peter Vell", True),
        ("P. Vell", "Peter Vell", True),
        ("Peter J. Vell", "Peter Vell", True),
        ("Peter Vell", "Peter Bell", False),
    ],
)
def test_two_first_names_never_agree(a: str, b: str, expected: bool) -> None:
    assert agree(a, b) is expected


def test_offices_and_titles_are_read_from_the_same_lists() -> None:
    assert offices("Sen. Ana Vell", "harbour mayor") == {"sen", "mayor"}
    assert person_name("Sen. Ana Vell") == "Ana Vell"

"""The facts in a claim that a fact-checker holds fixed: numbers, negation, names.

Two wordings are only the same claim when these agree, however alike they
read. The rule for numbers: each quantity of the claim with fewer quantities
must fit a different quantity of the other. Exact figures fit when they are
equal; one written with a scale word or decimals stands for what rounds to it
("143 million" = "143million" = "143,000,000", "6.15am" = "6.15 a.m.").
A hedged figure stands for a range, and fits what falls in it: "more than /
over / at least X" is X to 1.25 X ("more than 200,000" fits 209,000, not
300,000, and "more than 30" does not fit 30);
"up to / as many as / less than X" is X / 1.25 to X; "about / around / some /
roughly X" is 0.9 X to 1.1 X; "nearly / almost X" is 0.85 X to X; "dozens" is
24 to 99. Two hedged figures fit when their ranges overlap. Years fit only
years, exactly. A claim without numbers fits any (it says less, not something
else).

>>> a, b = facts("hackers stole 209,000 card numbers"), facts("more than 200,000 cards were taken")
>>> fit(a, b)
(True, ['209,000 ~ more than 200,000'])
>>> fit(facts("143 million customers were affected"), facts("2.5 million more were affected"))
(False, [])
>>> fit(facts("the bridge will reopen"), facts("the bridge will not reopen"))
(False, [])
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_SCALE = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
}
_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "dozen": 12,
}
# hedge words before a figure -> (low factor, high factor, low bound exclusive)
_HEDGES: list[tuple[str, tuple[float, float, bool]]] = [
    (r"more than|over|upwards of|in excess of|above", (1.0, 1.25, True)),
    (r"at least|a minimum of", (1.0, 1.25, False)),
    (r"up to|as many as|at most|less than|fewer than|under|below", (0.8, 1.0, False)),
    (r"nearly|almost|close to", (0.85, 1.0, False)),
    (
        r"about|around|some|roughly|approximately|an estimated|estimated|approx\.?",
        (0.9, 1.1, False),
    ),
]
_HEDGE = "|".join(f"(?P<h{i}>{p})" for i, (p, _) in enumerate(_HEDGES))
_NUMBER = re.compile(
    rf"(?:\b(?:{_HEDGE})\s+)?"
    r"(?:(?P<num>(?<![\w.])\d+(?:,\d{3})*(?:\.\d+)?)|\b(?P<word>" + "|".join(_WORDS) + r")\b)"
    r"(?:[\s-]*(?P<scale>thousand|millions?|billions?|trillion|mn|bn|[kmb])\b)?",
    re.IGNORECASE,
)
_DOZENS = re.compile(r"\bdozens\b", re.IGNORECASE)
_NEGATION = re.compile(
    r"\b(?:not|no|never|nor|none|nothing|neither|without|denied|denies|deny)\b|n't\b",
    re.IGNORECASE,
)
_NAME = re.compile(r"(?<![.!?:\"“'‘(]\s)(?<!^)\b[A-Z][\w'’-]*[a-z][\w'’-]*|\b[A-Z]{2,}\b")
# capitalised words that name nobody in particular
_NOT_NAMES = frozenset(
    """
    i mr mrs ms dr the a an he she it we they his her its our their this that these those
    president minister secretary director chief officer police senator governor mayor
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december us uk
    """.split()  # noqa: SIM905
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure as the range of values it allows; ``text`` as written."""

    low: float
    high: float
    exclusive_low: bool
    year: bool
    text: str

    def fits(self, other: Quantity) -> bool:
        if self.year or other.year:
            return self.year and other.year and self.low == other.low
        lo = max(self.low, other.low)
        hi = min(self.high, other.high)
        if lo < hi:
            return True
        if lo > hi:
            return False
        # touching ranges: fine unless the shared end is excluded by either side
        return not (
            (self.exclusive_low and self.low == lo) or (other.exclusive_low and other.low == lo)
        )


@dataclass(frozen=True, slots=True)
class Facts:
    """The quantities, negation and capitalised names of a claim."""

    quantities: tuple[Quantity, ...]
    negated: bool
    names: frozenset[str]


def _exact_range(value: float, digits: str) -> tuple[float, float]:
    """A rounded figure ("143 million", "6.15"), widened by half its last written digit."""
    decimals = len(digits.partition(".")[2])
    plain = float(digits)
    half = 10.0**-decimals / 2 * (value / plain if plain else 1.0)
    return value - half, value + half


def quantities(text: str) -> tuple[Quantity, ...]:
    """Every figure in ``text`` with the range it allows."""
    found: list[Quantity] = []
    for m in _NUMBER.finditer(text):
        digits = (m.group("num") or "").replace(",", "")
        word = (m.group("word") or "").lower()
        if not digits and not word:
            continue
        base = float(digits) if digits else float(_WORDS[word])
        scale_word = (m.group("scale") or "").lower()
        if scale_word in ("m", "b", "k") and not digits:
            scale_word = ""
        value = base * _SCALE.get(scale_word, 1.0)
        hedge = next((_HEDGES[i][1] for i in range(len(_HEDGES)) if m.group(f"h{i}")), None)
        year = not scale_word and not hedge and digits.isdigit() and 1900 <= value <= 2099
        if hedge is not None:
            low, high = value * hedge[0], value * hedge[1]
            exclusive = hedge[2]
        elif "." in digits or scale_word:
            low, high = _exact_range(value, digits)
            exclusive = False
        else:
            low = high = value
            exclusive = False
        found.append(Quantity(low, high, exclusive, year, m.group(0).strip()))
    for m in _DOZENS.finditer(text):
        found.append(Quantity(24.0, 99.0, False, False, m.group(0)))
    return tuple(found)


def facts(text: str) -> Facts:
    """The :class:`Facts` of a claim's text."""
    clean = text.replace("’", "'")
    names = frozenset(re.sub(r"'s?$", "", n.lower()) for n in _NAME.findall(clean)) - _NOT_NAMES
    return Facts(quantities(clean), bool(_NEGATION.search(clean)), names)


def fit(a: Facts, b: Facts) -> tuple[bool, list[str]]:
    """Whether the two claims' numbers and negation agree, and the figures matched.

    Matching is exhaustive over the smaller list (claims hold a handful of figures).
    """
    if a.negated != b.negated:
        return False, []
    few, many = sorted((a.quantities, b.quantities), key=len)
    if not few:
        return True, []
    matched = _match(few, many, 0, frozenset())
    if matched is None:
        return False, []
    pairs = [(few[i], many[j]) for i, j in enumerate(matched)]
    if few is b.quantities and few is not a.quantities:
        pairs = [(y, x) for x, y in pairs]
    return True, [x.text if x.text == y.text else f"{x.text} ~ {y.text}" for x, y in pairs]


def _match(
    few: tuple[Quantity, ...], many: tuple[Quantity, ...], i: int, used: frozenset[int]
) -> list[int] | None:
    if i == len(few):
        return []
    for j, q in enumerate(many):
        if j not in used and few[i].fits(q):
            rest = _match(few, many, i + 1, used | {j})
            if rest is not None:
                return [j, *rest]
    return None


def magnitude_keys(f: Facts) -> frozenset[int]:
    """Coarse buckets of the claim's figures (fitting figures share a bucket)."""
    keys: set[int] = set()
    for q in f.quantities:
        if q.high > 0:
            keys.add(math.floor(math.log10(max(q.low, 1e-9)) * 4))
            keys.add(math.floor(math.log10(q.high) * 4))
    return frozenset(keys)

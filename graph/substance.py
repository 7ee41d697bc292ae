"""Whether a content says something: the rule that decides which contents become claims.

A content that is only a pronoun ("it", "him"), a name ("Clinton", "Melania Trump the
White House"), a single word ("sick") or a few function words stays an attribution
(who said something, with its evidence) but makes no Claim node, so it is never
counted or ranked as a claim. Nor does what someone saw, shared, planned, wanted or
felt ("could be seen standing on a truck", "shared a picture", "plans to meet the
speaker", "expressed their dismay"): an attribution in the extractor's broad sense
(PolNeAR's), no claim a fact-checker can trace, unless it is a quotation.

>>> [has_substance(t) for t in ("it", "him", "sick", "Clinton", "In 2011")]
[False, False, False, False, False]
>>> has_substance("the bridge will reopen in May"), has_substance("Trump was unfit")
(True, True)
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[\w’'-]+")
FUNCTION_WORDS = frozenset(
    """
    a an the this that these those it its it's he she they we i you him her them us me my
    his their our your mine yours hers theirs ours one ones some any all each every
    of in on at to for from by with about as into onto over under after before than then
    and or but nor so yet if not no is are was were be been being am do does did have has
    had will would shall should can could may might must there here what which who whom
    whose when where why how very just also too only even
    """.split()  # noqa: SIM905
)


# The cue words of acts that assert nothing: perception, appearance, sharing, intention,
# feeling, talk about a topic. Reporting, believing, finding and showing stay claims.
NO_CLAIM_CUES = frozenset(
    """
    see saw seen sees seeing appear appears appeared appearing seem seems seemed seeming
    look looks looked looking share shares shared sharing post posts posted posting
    plan plans planned planning want wants wanted wanting wish wishes wished wishing
    feel feels felt feeling love loves loved loving enjoy enjoys enjoyed enjoying
    discuss discusses discussed discussing express expresses expressed expressing
    thank thanks thanked thanking congratulate congratulates congratulated congratulating
    celebrate celebrates celebrated celebrating watch watches watched watching
    """.split()  # noqa: SIM905
)
_QUOTES = "\"“”‘’'«"


def makes_claim(cue: str, content: str) -> bool:
    """Whether an attribution with this cue and content makes a Claim node: a content of
    substance (:func:`has_substance`), asserted (not seen, shared, planned or felt) or
    quoted.

    >>> makes_claim("said", "the pier will reopen in May")
    True
    >>> makes_claim("could be seen", "standing on a truck"), makes_claim("shared", "a picture")
    (False, False)
    >>> makes_claim("posted", "“We will rebuild the pier.”")
    True
    """
    if not has_substance(content):
        return False
    if content.lstrip()[:1] in _QUOTES:
        return True
    return not any(w.lower() in NO_CLAIM_CUES for w in _WORD.findall(cue))


def content_words(text: str) -> list[str]:
    """The words of ``text`` that are not function words (numbers do not count).

    >>> content_words("that he would win in 2016")
    ['win']
    """
    words = [w.strip("’'-") for w in _WORD.findall(text)]
    return [w for w in words if w and w.lower() not in FUNCTION_WORDS and not w.isdigit()]


def has_substance(text: str) -> bool:
    """Whether ``text`` is a claim: two content words, or one in three words or more, and
    not only names ("a wreath" and "sick" are not claims).

    >>> has_substance("that he would win"), has_substance("Melania Trump the White House")
    (True, False)
    """
    words = content_words(text)
    if not words or all(w[:1].isupper() for w in words):
        return False
    return len(words) >= 2 or len(_WORD.findall(text)) >= 3

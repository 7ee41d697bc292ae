"""Where a heading or caption flattened into the text runs into a source phrase.

Text whose line breaks were lost glues a caption to the next sentence: "A map of where
the crash happened Her brother Tom", "(Ida Marsh) Mayor Ana Ruiz", "'Not a result of the
storm' A spokeswoman", "PIER NEWS Port officials". :func:`unglued_start` says where the
source phrase really starts; the phrase keeps its end, so offsets stay.

>>> from loaders.nlp.models import load_model
>>> doc = load_model()("Rain fell all night (Ida Marsh) Mayor Ana Ruiz said it was over.")
>>> doc[unglued_start(doc, 0, 11, 10) : 11].text
'Mayor Ana Ruiz'
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from loaders.nlp.cues import words

# A sentence's first word, capitalized where a phrase never has it: "... happened Her brother".
_OPENERS = words("The A An Her His Their Its Our My")
_HONORIFICS = words("Mr Mrs Ms Mr. Mrs. Ms.")
_RELATIVE = words("who whom which that")
# Words that open a sentence and, capitalized, never go on one: "... as huge negatives
# Then, on 6 May, ...", "... to remember the victims He said ...".
_NEW_SENTENCE = frozenset(("He", "She", "They", "We", "But", "However", "Meanwhile", "According"))
_NEW_SENTENCE_BEFORE_COMMA = frozenset(("Then", "Later", "Earlier", "Instead", "Still", "Now"))


def glued_sentence_starts(doc: Doc) -> list[int]:
    """Tokens that start a sentence glued to a caption or heading without a full stop:
    a word in lower case, then a capitalized opener ("He", "But", "Then,")."""
    out = []
    for tok in doc[1:-1]:
        prev = doc[tok.i - 1]
        if not (prev.is_alpha and prev.is_lower and prev.whitespace_):
            continue
        if tok.text in _NEW_SENTENCE or (
            tok.text in _NEW_SENTENCE_BEFORE_COMMA and doc[tok.i + 1].text == ","
        ):
            out.append(tok.i)
    return out


def unglued_start(doc: Doc, start: int, end: int, head: int) -> int:
    """The first token of the source phrase ``doc[start:end]`` (headed by token ``head``)
    once a glued heading or caption before it is cut off (``start`` when there is none).
    Past the head no cut is made after a comma or a relative pronoun: "a spokeswoman,
    who told The Ledger" is one phrase."""
    cut = start
    for i in range(start + 1, end):
        if i > head and (doc[i - 1].text == "," or doc[i - 1].lower_ in _RELATIVE):
            break
        if _boundary(doc, start, i) or (_after_shouting(doc, start, i) and head > i):
            cut = i  # a shouted heading goes only when a phrase is left: "AMY LEE Comedian"
    return cut


def _boundary(doc: Doc, start: int, i: int) -> bool:
    tok, prev = doc[i], doc[i - 1]
    if not tok.text[:1].isupper():
        return False
    if prev.text == ")" or prev.like_email or prev.like_url:
        return True  # "(Ida Marsh) Mayor Ana Ruiz", "... ruiz@harbour.org Sceptics claim"
    if prev.is_quote and prev.whitespace_:
        # "'... storm' A spokeswoman": a quotation closed, not a possessive "News' Ana"
        return any(t.is_quote for t in doc[max(0, start - 1) : i - 1])
    if tok.text in _HONORIFICS:
        return prev.is_alpha and prev.lower_ not in ("and", "or") and prev.pos_ == "PROPN"
    if tok.text in _OPENERS:
        return prev.is_alpha and prev.is_lower and prev.pos_ in ("VERB", "NOUN", "ADJ")
    return False


def _after_shouting(doc: Doc, start: int, i: int) -> bool:
    """ "PIER NEWS Port officials": ``doc[i]`` ends a heading in capitals."""
    tok = doc[i]
    if not tok.text[:1].isupper() or _shouted(tok):
        return False
    first = i
    while first > start and _shouted(doc[first - 1]):
        first -= 1
    # the heading stands alone: at the phrase's start or after a word in lower case
    alone = first == start or doc[first - 1].is_lower
    return i - first >= 2 and alone


def _shouted(tok: Token) -> bool:
    text = tok.text
    letters = [c for c in text if c.isalpha()]
    return (len(letters) >= 2 and all(c.isupper() for c in letters)) or text in ("'S", "’S")

"""People's names: the one owner of titles, honorifics, suffixes, gender and name agreement.

Extraction (:mod:`loaders.nlp.sources`, :mod:`loaders.nlp.coref`), node
resolution (:mod:`graph.resolve`, :mod:`graph.identity`) and origin counting
(:mod:`graph.analysis.independence`) all read names through this module.

>>> person_name("Russian President Vladimir Putin's")
'Vladimir Putin'
>>> gender("Mr. Vell"), gender("first lady"), gender("President")
(frozenset({'m'}), frozenset({'f'}), frozenset())
>>> agree("Barack Obama", "Michelle Obama"), agree("Obama", "Michelle Obama")
(False, True)
"""

from __future__ import annotations

import re

from graph.model import stable_id
from graph.outlets import slug

# Honorifics carry a gender; "Mr." never names a woman.
MALE_HONORIFICS = frozenset({"mr", "sir", "lord", "king", "prince", "father", "brother"})
FEMALE_HONORIFICS = frozenset(
    {"mrs", "ms", "miss", "madam", "dame", "lady", "queen", "princess", "sister"}
)
# Role words with a gender ("spokeswoman", "first lady").
MALE_WORDS = frozenset(
    """
    spokesman chairman congressman councilman businessman husband son father boyfriend
    brother grandfather actor widower king prince duke
    """.split()  # noqa: SIM905
)
FEMALE_WORDS = frozenset(
    """
    spokeswoman chairwoman congresswoman councilwoman businesswoman wife daughter mother
    girlfriend sister grandmother actress widow queen princess duchess lady
    """.split()  # noqa: SIM905
)

# Nouns that describe a person and can stand before the name in apposition:
# "his mother, Jane", "the port's spokeswoman, Ola Bern", "her rival, Tom Vell".
_PERSON_WORDS = """
    man woman boy girl teenager child son daughter cousin uncle aunt nephew niece grandson
    granddaughter fiance fiancee fiancé fiancée partner friend neighbour neighbor colleague
    spokesperson official aide adviser advisor lawyer attorney owner founder member resident
    witness driver passenger victim analyst expert executive organiser organizer backer
    supporter critic rival predecessor successor ally opponent challenger nominee candidate
    singer actor star host presenter author writer reporter correspondent editor producer
    doctor nurse teacher student worker employee manager leader official strategist
    fan relative voter protester protestor demonstrator commuter pupil parent survivor
    bystander onlooker eyewitness activist campaigner
    """
PERSON_NOUNS = frozenset(_PERSON_WORDS.split()) | MALE_WORDS | FEMALE_WORDS

# Offices and positions: "President Obama" is not "first lady Michelle Obama".
OFFICES = frozenset(
    """
    president vice prime minister secretary senator sen rep representative gov governor
    mayor chancellor king queen prince princess pope gen general col colonel lt lieutenant
    capt captain maj major adm admiral sgt sergeant officer chief director judge justice
    ambassador spokesman spokeswoman spokesperson deputy attorney chairman chairwoman chair
    ceo head leader commissioner inspector detective professor lady coach manager speaker
    sheriff premier congressman congresswoman councillor councilor councilman councilwoman
    """.split()  # noqa: SIM905
)
# Words that can precede a name without being part of it (lower case, with and without ".").
_TITLE_WORDS = """
    mr mrs ms miss dr prof sir dame lord lady madam president vice prime minister secretary
    senator sen rep representative gov governor mayor chancellor premier king queen prince
    princess pope gen general col colonel lt lieutenant capt captain maj major adm admiral sgt
    sergeant officer chief director judge justice ambassador spokesman spokeswoman spokesperson
    foreign defence defense interior attorney chairman chairwoman chair ceo head leader
    commissioner inspector detective professor father sister rev reverend rabbi imam sheikh
    councillor councilor councilman councilwoman sheriff deputy speaker congressman
    congresswoman constable superintendent manager coach
"""
TITLES = frozenset(_TITLE_WORDS.split()) | frozenset(w + "." for w in _TITLE_WORDS.split())
PERSON_NOUNS = PERSON_NOUNS | OFFICES
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})

# Common English given names by usual gender (a hint, never proof: titles and pronouns win).
_MALE_FIRST = """
    aaron adam alan albert alex alexander andrew andy anthony antonio arthur barack ben benjamin
    bernie bill billy bob bobby boris brad brandon brian bruce carl carlos charles charlie chris
    christopher chuck colin craig dan daniel darren dave david dennis dick dmitry don donald doug
    douglas drew edward emmanuel eric frank fred gary george gerald gordon greg gregory harry
    henry hugh ian jack jacob jake james jared jason jeb jeff jeffrey jeremy jerry jim jimmy joe
    joel john johnny jon jonathan jose joseph josh joshua juan justin keith kenneth kevin
    larry leon lewis luis marco mark martin matt matthew michael mike mitch mohammed muhammad
    neil newt nicholas nick nigel oliver patrick paul peter phil philip ralph raymond reince richard
    rick rob robert roger ron ronald roy russell ryan sam samuel scott sean sergei seth simon
    stephen steve steven ted terry theo thomas tim timothy todd tom tony vladimir walter wayne
    william xi
"""
_FEMALE_FIRST = """
    abby alice alicia alison amanda amy ana andrea angela ann anna anne barbara betty beyonce
    carly carol caroline catherine cheryl christina christine claire cynthia dana deborah debbie
    denise diana diane donna dorothy elizabeth ellen emily emma eva evelyn hannah heather helen
    hillary huma ivanka jane janet jennifer jessica jill joan judith julia julie karen kate
    katherine kathleen kathy katy kellyanne kelly laura lauren lena linda lisa lucy madeleine maria
    marie marine martha mary megan melania melissa michelle monica nancy natalie nicola nicole nora
    olivia pamela patricia rachel rebecca rose ruth sally samantha sandra sarah sharon shirley
    sophie stephanie susan teresa theresa tiffany tina valerie victoria virginia wendy
"""
MALE_FIRST = frozenset(_MALE_FIRST.split())
FEMALE_FIRST = frozenset(_FEMALE_FIRST.split())

_INITIAL = re.compile(r"[A-Z]\.?")


def norm_text(text: str) -> str:
    """Collapse whitespace and unify quotes.

    >>> norm_text("  The  ‘Kremlin’ ")
    "The 'Kremlin'"
    """
    return " ".join(text.replace("’", "'").replace("‘", "'").split())


def is_title_word(word: str) -> bool:
    """A word that may stand before a name without being part of it ("Sen.", "President")."""
    return word.lower() in TITLES


def person_name(text: str) -> str:
    """The name in a person mention, without leading role words or possessives.

    >>> person_name("Russian President Vladimir Putin's")
    'Vladimir Putin'
    >>> person_name("Sen. Amy Fictional Jr.")
    'Amy Fictional Jr.'
    >>> person_name("[Harbour Director Ann B.] Lee")
    'Ann B. Lee'
    >>> person_name("ANA RUIZ Harbour mayor"), person_name("Ruiz Ruiz")
    ('Ana Ruiz', 'Ruiz')
    """
    clean = norm_text(re.sub(r"[\[\]()]", " ", text))
    clean = re.sub(r"'s?$", "", clean)
    tokens = clean.split()
    caps = 0
    while caps < len(tokens) and tokens[caps].isalpha() and tokens[caps].isupper():
        caps += 1
    if caps >= 2 and caps < len(tokens):
        tokens = [t.title() for t in tokens[:caps]]  # "AMY SCHUMER Comedian": a caption's name
    tokens = [t for i, t in enumerate(tokens) if i == 0 or t != tokens[i - 1]]
    # The name is the trailing run of capitalised tokens that are not titles.
    start = len(tokens)
    while start > 0:
        tok = tokens[start - 1]
        low = tok.lower()
        if low in SUFFIXES and start == len(tokens):
            start -= 1
            continue
        if low in TITLES or not (tok[:1].isupper() or tok[:1].isdigit()):
            break
        start -= 1
    name = " ".join(tokens[start:])
    return name or clean


def name_tokens(name: str) -> list[str]:
    """Lower-case name words without suffixes or punctuation.

    >>> name_tokens("Amy B. Fictional Jr.")
    ['amy', 'b', 'fictional']
    """
    tokens = [t.strip(".,'’").lower() for t in name.split()]
    return [t for t in tokens if t and t not in SUFFIXES and t + "." not in SUFFIXES]


def surname(name: str) -> str:
    """The last name of a full name, ignoring suffixes.

    >>> surname("Amy Fictional Jr.")
    'fictional'
    """
    tokens = name_tokens(name)
    return tokens[-1] if tokens else ""


def given_name(name: str) -> str | None:
    """The first name of a full name (``None`` for a bare surname).

    >>> given_name("Barack H. Obama"), given_name("Obama")
    ('barack', None)
    """
    tokens = name_tokens(name)
    return tokens[0] if len(tokens) >= 2 else None


def is_full(name: str) -> bool:
    """A first name and a surname, at least."""
    return len(name_tokens(name)) >= 2


def gender(*texts: str | None) -> frozenset[str]:
    """``{"m"}``, ``{"f"}`` (or both, or neither) from honorifics and gendered role words.

    >>> gender("Mr. Vell"), gender("spokeswoman"), gender("President")
    (frozenset({'m'}), frozenset({'f'}), frozenset())
    """
    text = " ".join(t for t in texts if t).lower().replace(".", " ").replace("-", " ")
    words = set(text.split())
    male = bool(words & (MALE_HONORIFICS | MALE_WORDS))
    female = bool(words & (FEMALE_HONORIFICS | FEMALE_WORDS)) or "first lady" in " ".join(
        text.split()
    )
    return frozenset(({"m"} if male else set()) | ({"f"} if female else set()))


def first_name_gender(name: str) -> frozenset[str]:
    """The usual gender of a full name's first name, from the lists above.

    >>> first_name_gender("Hillary Clinton"), first_name_gender("Obama")
    (frozenset({'f'}), frozenset())
    """
    first = given_name(name)
    if first in MALE_FIRST:
        return frozenset({"m"})
    if first in FEMALE_FIRST:
        return frozenset({"f"})
    return frozenset()


def offices(*texts: str | None) -> frozenset[str]:
    """The office words in role or mention texts.

    >>> sorted(offices("US President-elect", "Sen. Amy Fictional"))
    ['president', 'sen']
    """
    words = " ".join(t for t in texts if t).lower().replace("-", " ").replace(".", " ")
    return frozenset(w for w in words.split() if w in OFFICES)


def holds(role: str, title: str) -> bool:
    """Whether ``role`` ("US President; Democrat") holds ``title`` ("president").

    "President-elect" does not hold "president", nor "vice president".

    >>> holds("US President", "president"), holds("President-elect", "president")
    (True, False)
    >>> holds("vice president", "president"), holds("first lady", "lady")
    (False, True)
    """
    title = " ".join(title.lower().split())
    for part in role.lower().split(";"):
        words = part.replace(".", " ").split()
        text = " ".join(words)
        if not text:
            continue
        if text == title or text.endswith(" " + title):
            before = text[: -len(title)].split()
            if not before or before[-1] not in ("vice", "deputy", "former", "ex", "assistant"):
                return True
    return False


def agree(a: str, b: str) -> bool:
    """Whether two names can be one person: the same surname, and first names (or
    initials) that do not differ. A bare surname agrees with any full name.

    >>> agree("Donald J. Trump", "Donald Trump"), agree("J. Comey", "James Comey")
    (True, True)
    >>> agree("Eric Trump", "Donald Trump")
    False
    """
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb or ta[-1] != tb[-1]:
        return False
    if len(ta) < 2 or len(tb) < 2:
        return True
    fa, fb = ta[0], tb[0]
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    return fa == fb


def person_id(name: str) -> str:
    """The node id of a named person; middle initials do not count.

    >>> person_id("Dmitry Peskov"), person_id("Donald J. Trump")
    ('person-dmitry-peskov', 'person-donald-trump')
    """
    tokens = name.split()
    if len(tokens) > 2:
        middle = [t for t in tokens[1:-1] if not _INITIAL.fullmatch(t)]
        tokens = [tokens[0], *middle, tokens[-1]]
    key = " ".join(tokens)
    return f"person-{slug(key) or stable_id(key)}"

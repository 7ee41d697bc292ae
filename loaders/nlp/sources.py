"""Source phrases: split coordinated subjects, then type and name each one.

A source is typed as an outlet (by the outlet registry), a person (a named
person, titles and appositions kept as its role), an organisation, an
anonymous descriptor ("a US official", "people familiar with the matter") or
a document ("the report", "a letter"). Pronouns are left for :mod:`loaders.nlp.coref`;
title words come from :mod:`graph.names`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from graph.model import Source, SourceType
from graph.names import PERSON_NOUNS, TITLES, first_name_gender
from graph.outlets import OutletRegistry
from loaders.nlp.candidate import SourceRef
from loaders.nlp.cues import SPEECH_VERBS, words
from loaders.nlp.glued import unglued_start
from loaders.nlp.spans import ents_in, opens_quote, span_of, trim

NOMINAL = frozenset(("NOUN", "PROPN", "PRON"))
RELATIVE = frozenset(("who", "which", "that", "whom"))
PRONOUNS = words("he she they it i we you him her them his their its")
# Dashes that open an aside: "Vell -- noting that the pier was shut -- said ...".
ASIDE_DASHES = frozenset(("-", "–", "—", "--"))

# Heads of common-noun phrases that name an organisation rather than people.
ORG_NOUNS = words(
    """
    military army navy government ministry department agency administration office
    campaign committee commission council team company firm group court parliament
    congress senate house police service services command embassy bank party union
    organization organisation institute foundation center centre network board
    kremlin pentagon cabinet regime coalition alliance bureau authority authorities
    newspaper paper magazine site website outlet channel agency university school
    """
)

# Heads of descriptions of a company: "the product's maker, Harbour Foods".
COMPANY_NOUNS = words("company firm maker manufacturer producer owner parent corporation")

# Heads of phrases that name a document: "a letter", "the report", "state data".
DOCUMENT_NOUNS = words(
    """
    report letter data datum filing poll survey study statement tweet document memo memorandum
    analysis email e-mail post complaint indictment lawsuit affidavit transcript record
    records audit review figures statistics census assessment dossier note
    """
)


def source_refs(subject: Token) -> list[SourceRef]:
    """The source(s) of a subject, one per coordinated conjunct.

    A relative pronoun keeps its antecedent as the referent.
    """
    doc = subject.doc
    if subject.lower_ in RELATIVE and subject.head.dep_ == "relcl":
        antecedent = subject.head.head
        written = doc[subject.i : subject.i + 1]
        named = span_of(doc, antecedent.left_edge.i, antecedent.i + 1) or written
        if subject.lower_ == "which" and (
            antecedent.ent_type_ == "PERSON" or antecedent.lemma_.lower() in PERSON_NOUNS
        ):
            named = written  # "than Mr Vela's, which Ms Wood claims shows": not Vela
        return [SourceRef(span=written, referent=named)]
    conjs = [c for c in subject.children if c.dep_ == "conj" and c.pos_ in NOMINAL]
    start, end = subject.left_edge.i, subject.right_edge.i + 1
    if subject.dep_ == "ROOT":
        end = subject.i + 1  # a subject the parser made the root ("Vell - who ... - said")
    start = unglued_start(doc, start, end, subject.i)
    end = _split_name_end(subject, end)
    end = _before_misparsed_verb(subject, end)
    while end < len(doc) - 1 and doc[end].text == "-" and not doc[end - 1].whitespace_:
        end += 2  # "The vice-president said", parsed as three subjects
    # "Vell -- noting that the pier was shut -- said": the aside is not Vell (a spaced
    # dash, not the hyphen of "vice-president"; a noun phrase after it describes Vell)
    end = next(
        (
            t.i
            for t in doc[subject.i + 1 : end]
            if t.text in ASIDE_DASHES
            and doc[t.i - 1].whitespace_
            and _opens_aside(doc, t.i + 1, end)
        ),
        end,
    )
    if not conjs or subject.pos_ not in NOMINAL or doc[subject.i].pos_ == "ADJ":
        whole = span_of(doc, start, end)
        return [SourceRef(span=whole, referent=whole)] if whole is not None else []
    cut = min(
        c.left_edge.i for c in subject.children if c.dep_ in ("cc", "conj") and c.i > subject.i
    )
    pieces = [(start, cut)]
    for conj in conjs:
        inner = [c.left_edge.i for c in conj.children if c.dep_ in ("cc", "conj") and c.i > conj.i]
        pieces.append((conj.left_edge.i, min([conj.right_edge.i + 1, *inner])))
    out = []
    for s, e in pieces:
        span = span_of(doc, s, e)
        if span is not None:
            out.append(SourceRef(span=span, referent=span))
    return out


def _before_misparsed_verb(subject: Token, end: int) -> int:
    """Where a subject phrase ends before a verb of saying the parser hung from it: "The
    singer, a vocal supporter, tweeted yesterday: '...', referring to ..." reads "tweeted"
    as a clause of "singer" (a verb, then a colon or an opening quotation mark: the
    sentence's own report, not a description such as "the officials briefed on it")."""
    doc = subject.doc
    for child in subject.children:
        after = child.right_edge.i + 1
        if (
            child.dep_ == "acl"
            and child.i > subject.i
            and child.tag_ in ("VBD", "VBN", "VBZ", "VBP")
            and child.lemma_.lower() in SPEECH_VERBS
            and after < len(doc)
            and (doc[after].text == ":" or opens_quote(doc[after]))
        ):
            return min(end, child.left_edge.i)
    return end


def _opens_aside(doc: Doc, i: int, end: int) -> bool:
    """Whether ``doc[i]`` opens a clause set off by dashes ("-- noting that", "- who
    urged", "— even as he says"), not a description ("-- co-editor of the book", and
    "WASHINGTON -- Mr Vell" is a dateline)."""
    if i >= end:
        return False
    tok = doc[i]
    return tok.tag_ in ("VBG", "VBN") or tok.lower_ in RELATIVE or tok.pos_ in ("ADV", "SCONJ")


def _split_name_end(subject: Token, end: int) -> int:
    """``end``, or past a name the parser made a second subject of the same verb ("His
    son-in-law Tom Vell told", parsed as two subjects): one phrase, one person."""
    doc = subject.doc
    after = subject.right_edge.i + 1
    if end != after or after >= len(doc) or subject.lemma_.lower() not in PERSON_NOUNS:
        return end
    name = next((e for e in doc.ents if e.start == after and _a_person(e)), None)
    if name is None or doc[after].head.i == subject.i:
        return end
    root = doc[name.end - 1]
    if root.dep_ == subject.dep_ and root.head.i == subject.head.i:
        return name.end
    return end


def _a_person(ent: Span) -> bool:
    """After a person noun ("Son-in-law Darren Mimms"): the recogniser's person, or two or
    three capitalised words it took for an organisation."""
    return ent.label_ == "PERSON" or (
        ent.label_ == "ORG" and 2 <= len(ent) <= 3 and all(t.is_title and t.is_alpha for t in ent)
    )


def linear_refs(doc: Doc, start: int, end: int) -> list[SourceRef]:
    """Split ``doc[start:end]`` at "and" between two noun phrases (no parse needed)."""
    cuts = [
        t.i
        for t in doc[start:end]
        if t.lower_ == "and"
        and t.i > start
        and doc[t.i - 1].pos_ in NOMINAL
        and t.i + 1 < end
        and doc[t.i + 1].pos_ in ("DET", "NUM", "PROPN", "PRON")
    ]
    out = []
    for s, e in zip([start, *[c + 1 for c in cuts]], [*cuts, end], strict=True):
        span = span_of(doc, s, e)
        if span is not None:
            out.append(SourceRef(span=span, referent=span))
    return out


def head_of(span: Span) -> Token:
    """The syntactic head of ``span`` (its root, ignoring a trailing apposition)."""
    return span.root


# Words that make another title of a title: "President-elect", "minister-designate".
TITLE_SUFFIXES = frozenset(("elect", "designate"))


def is_title(tok: Token) -> bool:
    """A title word, including both halves of a hyphenated "President-elect"."""
    if tok.lower_ in TITLES:
        return True
    doc, i = tok.doc, tok.i
    if tok.lower_ in TITLE_SUFFIXES:
        return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in TITLES
    return (
        tok.text == "-"
        and 0 < i < len(doc) - 1
        and doc[i - 1].lower_ in TITLES
        and doc[i + 1].lower_ in TITLE_SUFFIXES
    )


def role_only(span: Span) -> bool:
    """ "the mayor", "the president-elect": a title standing for a person, no name."""
    words = [t for t in span if t.pos_ != "DET"]
    return bool(words) and all(is_title(t) for t in words)


def is_pronoun(span: Span) -> bool:
    return len(span) == 1 and span[0].lower_ in PRONOUNS


def describe(span: Span, registry: OutletRegistry) -> Source:
    """Type and name the source phrase ``span``.

    Persons are named without titles; titles and appositions become the role.
    """
    root = head_of(span)
    outlet = _outlet(span, root, registry)
    if outlet is not None:
        return Source(name=outlet, type=SourceType.OUTLET)
    if is_pronoun(span) or _heading(span):
        return Source(name=span.text, type=SourceType.UNSPECIFIED)
    if role_only(span):
        return Source(name=span.text.strip(" ,;:"), type=SourceType.ANONYMOUS)
    named = (
        named_apposition(span, root)
        or _office_holder(span, root)
        or _split_name(span)
        or _named_after_person_noun(span, root)
    )
    if named is not None:
        return named
    ent = next((e for e in ents_in(span) if e.start <= root.i < e.end), None)
    if (ent is not None and ent.label_ == "PERSON") or (
        # "President-elect Vell": a title makes a person of what NER took for an ORG
        (ent is None or ent.label_ in ("ORG", "NORP", "GPE")) and _titled(span, root)
    ):
        return _person(span, root, ent)
    if len(span) == 1 and root.is_title and named_elsewhere(root, ("PERSON",)):
        # "Trump -- noting ... -- said", the parser's common noun, the article's "Donald Trump"
        return _person(span, root, None)
    core_start, core_end = _core(span, root)
    name = _strip_the(span.doc[core_start:core_end].text)
    if root.pos_ == "NOUN" and root.lemma_.lower() in DOCUMENT_NOUNS and not _own_or_hearsay(span):
        # "the report", "state environmental data reviewed by the Post": a document
        return Source(name=name, type=SourceType.DOCUMENT)
    if root.tag_ in ("NNPS", "NNS") and (ent is None or ent.label_ == "NORP"):
        # "three Russians who know", "Syrian officials": people described, not named
        return Source(name=span.text.strip(" ,;:"), type=SourceType.ANONYMOUS)
    if (
        ent is not None
        and ent.label_ in ("ORG", "GPE", "FAC", "NORP", "LOC")
        and root.pos_ == "PROPN"
    ):
        if ent.label_ == "ORG" and len(ent) <= 3 and _described_as_a_person(root):
            # "Navin Nayak, head of the research division": a person the tagger took for
            # an organisation
            return _person(span, root, ent)
        return Source(name=_strip_the(ent.text), type=SourceType.ORGANIZATION, role=_appos(root))
    if root.pos_ == "PROPN" and ent is None and _looks_like_a_name(span, root):
        return _person(span, root, None)
    if root.pos_ == "PROPN":
        if len(name.split()) <= 3 and _described_as_a_person(root):
            return _person(span, root, None)  # "Ruiz, head of the chamber,"
        return Source(name=name, type=SourceType.ORGANIZATION, role=_appos(root))
    if root.lemma_.lower() in ORG_NOUNS and not _indefinite(span):
        return Source(name=name, type=SourceType.ORGANIZATION, role=_appos(root))
    text = span.text.strip(" ,;:")
    return Source(name=text, type=SourceType.ANONYMOUS)


def named_elsewhere(word: Token, labels: tuple[str, ...] = ("PERSON", "ORG", "NORP")) -> bool:
    """Whether the article names someone with this word elsewhere ("Sanders: ..." or
    "Trump later tweeted" where "Bernie Sanders", "Donald Trump" come too): the parser or
    the recogniser missed a name here."""
    return any(
        e.label_ in labels and e.start != word.i and any(t.lower_ == word.lower_ for t in e)
        for e in word.doc.ents
    )


def appositive_name(root: Token) -> Token | None:
    """The name set beside a described person: "Jane" in "his mother, Jane", "Ola Bern" in
    "the port's spokeswoman, Ola Bern" (the entity recogniser's person, two or three
    capitalised words, or a known first name); the description is one person."""
    if root.pos_ != "NOUN" or root.tag_ != "NN":
        return None
    person_noun = root.lemma_.lower() in PERSON_NOUNS
    doc = root.doc
    for child in root.children:
        if child.dep_ != "appos" or child.pos_ != "PROPN" or child.i < root.i:
            continue
        ent = next((e for e in doc.ents if e.start <= child.i < e.end), None)
        whole = doc[child.left_edge.i : child.i + 1]
        if (ent is not None and ent.label_ == "PERSON") or (
            # "an electrifying figure of a different kind: Khizr Khan" needs the recogniser
            person_noun and (_looks_like_a_name(whole, child) or first_name_gender(child.text))
        ):
            return child
    return None


def named_apposition(span: Span, root: Token) -> Source | None:
    """ "Tom Vell's mother, Jane Doe": the person named in the apposition, the
    description before it as the role; "the product's maker, Harbour Foods Inc": the
    company so named."""
    doc = span.doc
    name = appositive_name(root)
    if name is None:
        return _named_company(span, root)
    ent = next((e for e in ents_in(span) if e.start <= name.i < e.end), None)
    person = _person(doc[name.left_edge.i : name.i + 1], name, ent)
    described = _description(span, root, name.left_edge.i)
    role = "; ".join(r for r in (described, person.role) if r) or None
    return Source(name=person.name, type=SourceType.PERSON, role=role)


def _office_holder(span: Span, root: Token) -> Source | None:
    """ "Governor of Texas Greg Abbott": the person named after a title's "of" phrase,
    the title and its place as the role."""
    if not is_title(root):
        return None
    doc = span.doc
    for prep in root.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        end = prep.right_edge.i + 1
        ent = next((e for e in ents_in(span) if e.label_ == "PERSON" and e.end == end), None)
        if ent is None or ent.start <= prep.i + 1:
            return None
        start = ent.start
        while start > prep.i + 2 and _unlabelled_name_word(doc[start - 1]):
            start -= 1  # "Mayor of London Sadiq Khan": the recogniser's person only "Khan"
        role = doc[_after_article(span) : start].text.strip(" ,") or None
        return Source(name=doc[start:end].text, type=SourceType.PERSON, role=role)
    return None


def _named_after_person_noun(span: Span, root: Token) -> Source | None:
    """ "Harbour fan Ana Ruiz-Vell": a name after a noun for a person, the words up to it
    the role (the recogniser may have typed the whole for an organisation)."""
    if root.pos_ != "PROPN":
        return None
    doc = span.doc
    i = root.i
    while i > span.start and (doc[i - 1].pos_ == "PROPN" or doc[i - 1].text == "-"):
        i -= 1
    words = [t for t in doc[i : root.i + 1] if t.text != "-"]
    noun = doc[i - 1] if i > span.start else None
    if (
        noun is None
        or noun.pos_ != "NOUN"
        or noun.lemma_.lower() not in PERSON_NOUNS
        or not 2 <= len(words) <= 4
        or not all(t.is_title and t.is_alpha and not is_title(t) for t in words)
    ):
        return None
    return Source(
        name=doc[i : root.i + 1].text,
        type=SourceType.PERSON,
        role=doc[_after_article(span) : i].text or None,
    )


def _after_article(span: Span) -> int:
    """Where ``span`` starts once its article or determiner is left out."""
    return span.start + (1 if span.doc[span.start].pos_ == "DET" else 0)


def _unlabelled_name_word(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and not tok.ent_type_ and tok.is_title and not is_title(tok)


def _split_name(span: Span) -> Source | None:
    """ "His son-in-law Tom Vell" parsed as two subjects (:func:`_split_name_end`): the
    name is the person, the description before it the role."""
    doc = span.doc
    first = doc[span.start : span.end - 1].root
    if span.root.dep_ != first.dep_ or first.lemma_.lower() not in PERSON_NOUNS:
        return None
    ent = next((e for e in ents_in(span) if e.end == span.end and _a_person(e)), None)
    if ent is None or ent.start != first.right_edge.i + 1:
        return None
    person = _person(doc[ent.start : ent.end], doc[ent.end - 1], ent)
    role = _description(span, first, ent.start)
    return Source(name=person.name, type=SourceType.PERSON, role=role)


def _description(span: Span, root: Token, upto: int = -1) -> str | None:
    """The words before an apposition ("organiser of the march" in "One organiser of the
    march, Ana Ruiz"), without the article; up to ``upto`` (else the head noun)."""
    doc = span.doc
    start, end = trim(
        doc, _after_article(span), upto if upto > root.i else root.i + 1, keep_quotes=False
    )
    return doc[start:end].text.strip(" ,:;") if end > start else None


def _named_company(span: Span, root: Token) -> Source | None:
    if root.pos_ != "NOUN" or root.lemma_.lower() not in COMPANY_NOUNS:
        return None
    doc = span.doc
    for child in root.children:
        if child.dep_ != "appos" or child.pos_ != "PROPN" or child.i < root.i:
            continue
        ent = next((e for e in doc.ents if e.start <= child.i < e.end), None)
        if ent is not None and ent.label_ == "PERSON":
            return None
        start = child.i
        while start > child.left_edge.i and doc[start - 1].pos_ == "PROPN":
            start -= 1
        name = (
            ent.text if ent is not None and ent.label_ == "ORG" else doc[start : child.i + 1].text
        )
        return Source(
            name=_strip_the(name), type=SourceType.ORGANIZATION, role=_description(span, root)
        )
    return None


def _own_or_hearsay(span: Span) -> bool:
    """ "our data", "his letter" (the speaker's own) and "media reports", "reports",
    "unconfirmed reports" (hearsay) name no document of their own."""
    first = span[0].lower_
    root = span.root
    bare_reports = root.lower_ == "reports" and not any(
        t.dep_ in ("det", "poss", "nummod") or t.pos_ == "PROPN" for t in root.children
    )
    return (
        bare_reports
        or first in ("our", "my", "his", "her", "their", "its", "your")
        or any(t.lower_ in ("media", "news", "press") for t in span)
    )


def _outlet(span: Span, root: Token, registry: OutletRegistry) -> str | None:
    doc = span.doc
    core_start, core_end = _core(span, root)
    for cand in (doc[core_start:core_end].text, span.text):
        found = registry.lookup(cand)
        if found is not None:
            return found.name
    for ent in ents_in(span):
        if ent.start <= root.i < ent.end:
            found = registry.lookup(ent.text)
            if found is not None:
                return found.name
    return None


def _core(span: Span, root: Token) -> tuple[int, int]:
    """The head noun phrase without appositions, relative clauses or trailing modifiers."""
    start = span.start
    for child in root.children:
        if child.i > root.i and child.dep_ in (
            "appos",
            "relcl",
            "acl",
            "punct",
            "prep",
            "cc",
            "conj",
        ):
            return trim(span.doc, start, child.i, keep_quotes=False)
    return trim(span.doc, start, root.i + 1, keep_quotes=False)


def _titled(span: Span, root: Token) -> bool:
    return root.pos_ == "PROPN" and any(
        is_title(t) and t.i < root.i for t in span if t.head == root
    )


def _looks_like_a_name(span: Span, root: Token) -> bool:
    """Two or three capitalised words the entity recogniser missed ("Ana Ruiz")."""
    doc = span.doc
    start = root.i
    while start > span.start and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head == root:
        start -= 1
    words = [t for t in doc[start : root.i + 1] if not is_title(t)]
    return (
        2 <= len(words) <= 3
        and all(t.is_title and t.is_alpha for t in words)
        and not any(t.lower_ in ORG_NOUNS for t in words)
        # "the Reuters/Ipsos States of the Nation project": a name of something
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children)
        and (start == 0 or doc[start - 1].text != "/")
    )


def _person(span: Span, root: Token, ent: Span | None) -> Source:
    doc = span.doc
    start, end = (ent.start, ent.end) if ent is not None else (root.i, root.i + 1)
    if ent is None or ent.label_ != "PERSON":
        # the tagger missed the name or took part of it for an organisation: "Ana [Vell]"
        while (
            start > span.start and doc[start - 1].pos_ == "PROPN" and not is_title(doc[start - 1])
        ):
            start -= 1
    while start < end - 1 and is_title(doc[start]):
        start += 1
    end = min(end, root.i + 1) if root.i >= start else end
    name = doc[start:end].text
    role_parts = []
    pre_start = span.start
    if doc[pre_start].pos_ == "DET":
        pre_start += 1
    if start > pre_start:
        pre = doc[pre_start:start].text.strip(" ,")
        if pre and not pre.endswith(("'s", "’s")):
            role_parts.append(pre)
    appos = _appos(root)
    if appos:
        role_parts.append(appos)
    return Source(name=name, type=SourceType.PERSON, role="; ".join(role_parts) or None)


def _heading(span: Span) -> bool:
    """ "CLINTON CLEARED FBI": a headline in capitals read as a source names no one
    (a person's name in capitals, "AMY LEE", stays a name)."""
    words = [t for t in span if t.is_alpha]
    return (
        len(words) >= 2
        and all(t.text.isupper() for t in words)
        and not any(e.label_ == "PERSON" and first_name_gender(e.text) for e in ents_in(span))
    )


def _described_as_a_person(root: Token) -> bool:
    """Whether an apposition describes ``root`` as a person ("Ana Vell, head of ...")."""
    return any(
        c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in PERSON_NOUNS
        for c in root.children
    )


def _appos(root: Token) -> str | None:
    """The apposition describing ``root`` ("Ana Vell, head of the port"), not an age
    ("Ana Vell, 36")."""
    for child in root.children:
        if child.dep_ == "appos":
            s, e = child.left_edge.i, child.right_edge.i + 1
            if root.doc[s].pos_ == "DET":
                s += 1
            s, e = trim(root.doc, s, e, keep_quotes=False)
            if e > s and not all(t.like_num or t.is_punct for t in root.doc[s:e]):
                return root.doc[s:e].text
    return None


def _indefinite(span: Span) -> bool:
    return span[0].lower_ in ("a", "an", "some", "several", "one", "two", "three", "many")


def _strip_the(text: str) -> str:
    text = text.strip(" ,;:")
    return text[4:] if text.lower().startswith("the ") else text

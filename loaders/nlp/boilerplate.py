"""Page furniture masked out before NLP: share widgets, captions' labels, credits, prompts.

Text taken from the web carries what the page showed around the story: "Click to
share on Twitter (Opens in new window)", "Image copyright AP Image caption",
"Skip Ad ... x Embed x Share", newsletter prompts ending in "Invalid Email",
"(Photo: Name, Agency)", "Read more", "Continue reading the main story", "Read or Share
this story: URL", bylines,
gallery counters ("Getty Images 22"), "Related stories" boxes. :func:`mask` blanks
them, character for character, so every offset found in the masked text points at the
same place in the original; each blanked stretch starts with a full stop and a line
break, so the parser ends the sentence there and no sentence runs across it. A box of
headlines run into the story ends at its first full stop or opening double quote: when
the story goes on with a plain sentence, that sentence is masked with the box.

>>> text = "Police said two died. Click to share on Twitter (Opens in new window) More later."
>>> masked = mask(text)
>>> len(masked) == len(text), masked[21:30].strip(), masked.split()[-2:]
(True, '.', ['More', 'later.'])
"""

from __future__ import annotations

import re

_CAP = r"[A-Z][\w.'’&-]*"
_NAMES = rf"{_CAP}(?:[ -]{_CAP}){{0,5}}"
_STOP = r"(?!(?:He|She|They|It|We|I|The|A|An|By|In|On|At|Read|But|And|As|This|That)\b)"
_CREDIT = rf"{_STOP}{_CAP}(?: {_STOP}{_CAP}){{0,3}}"
# A photographer's name in a credit ("Ana Ruiz", "Lee Park-Sun"): capitalized, then lower.
_PERSON = r"[A-Z][a-z][\w'’-]*(?: [A-Z][\w'’-]+){1,2}"
# Who a photo is credited to after the slash: a news agency, a picture desk, "The Paper".
_AGENCY = (
    r"(?:The [A-Z][\w.'’&-]*(?: (?!Buy\b)[A-Z][\w.'’&-]*){0,3}|Reuters|REUTERS|AP|AFP|PA|EPA|"
    r"Getty(?: Images)?|Bloomberg|Rex(?: Features| Shutterstock)?|Shutterstock|Alamy|Xinhua|"
    r"European Pressphoto Agency|Associated Press|Press Association|Daily [A-Z][a-z]+|"
    r"Pool(?: via [A-Z]+)?|[A-Z]{2,6} Images)"
)
# "Ana Ruiz/The Harbour Wire", "Ana Ruiz / Reuters", "Lee Park, Ana Ruiz/AP"
_REVERSE_CREDIT = rf"{_PERSON}(?:, ?{_PERSON})* ?/ ?{_AGENCY}"
_BUY = r"Buy Photo(?: Wait \d+ seconds? to continue\.?)?"
_NEXT = r"(?= [A-Z\d(\"“]|\s*$)"  # what follows a credit: the next caption or story
# The heading of a box of links to other stories, before its first headline.
# (before a capital or a quote; in title case or capitals before any word: a headline may
# start in lower case, "Related Stories email cleared Why has ...")
_RELATED = (
    r"\b(?:(?:[Rr]elated|RELATED) (?:[Ss]tories|[Aa]rticles|STORIES|ARTICLES)(?= ['‘A-Z])"
    r"|(?:Related (?:Stories|Articles)|RELATED (?:STORIES|ARTICLES))(?= \w))"
)
# A name in a caption's list, not running into the next sentence ("... and Sam Lee They").
_LISTED = rf"[A-Z][a-z][\w'’-]*(?: {_STOP}[A-Z][\w'’-]+){{1,2}}"
# Where a caption run into the text can start: the story's start or a sentence's end.
_AFTER_SENTENCE = r"(?:(?<=[.!?] )|(?<=[.!?][\"”’] )|(?<=# )|^)"
# A caption's credit in brackets: "(Facebook)", "(Getty Images)", "(Ida Marsh)".
_BRACKET_CREDIT = r"\([A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3}\)"
_SOCIAL = r"(?:WhatsApp|Facebook|Twitter|Pinterest|LinkedIn|Reddit|Email|Google\+?|Messenger)"

FURNITURE = re.compile(
    "|".join(
        (
            rf"Click to share on {_SOCIAL} \(Opens in new window\)",
            r"(?:Share|Tweet|Email|Pin|Embed) (?:this|on) (?:story|article|video|"
            rf"{_SOCIAL})(?: \(Opens in new window\))?",
            r"Get [\w ]{0,30}updates directly to your inbox \+ Subscribe Thank you for "
            r"subscribing! Could not subscribe, try again later Invalid Email",
            r"(?:Sign up|Subscribe) (?:for|to) (?:our|the) [\w ]{0,30}newsletters?",
            r"Invalid Email",
            r"Skip Ad(?: Ad Loading\.\.\.)?(?: x)?(?: Embed x Share)?",
            r"\b\d+ of \d+ Full Screen Autoplay Close",
            r"\bx Embed x Share",
            r"\bView Photos\b",
            r"Video Loading Video Unavailable Click to play Tap to play The video will start "
            r"in \d+ Cancel Play now(?: Watch this video again)?(?: Video will play in)?"
            r"(?: Share this video)?(?: Watch Next)?",
            r"Play slideshow(?: \S+(?: Images)?(?: for \w+)? \d+ of \d+)?",
            rf"Image copyright (?:{_NAMES} )??(?=Image caption)",
            rf"Image copyright {_CREDIT}",
            r"\b(?:Image|Media) caption\b",
            r"\(Photo: [^()]{1,80}\)",
            r"\((?:[A-Z][\w.&-]*[ /]?){1,4}(?:Images|Photo|Getty|Pressphoto Agency|Press)\)",
            r"\((?:[A-Z]{2,}[A-Z ]*/[^()]{1,60})\)",
            # photo credits, photographer first: "(Ana Ruiz/The Harbour Wire)", and bare
            # ones ending a caption, with a gallery counter or a "Buy Photo" button
            rf"\((?:Photo: )?{_REVERSE_CREDIT} ?\)",
            rf"\b{_REVERSE_CREDIT}(?: \d{{1,3}}/\d{{1,3}})?(?: {_BUY})?{_NEXT}",
            rf"\b[A-Z][a-z]+ [A-Z][a-z]+ \d{{1,3}}/\d{{1,3}}{_NEXT}",
            rf"\b{_BUY}",
            r"\b(?:AP:Associated Press|PA:Press Association|EPA|Sky News|Rex Features|Reuters|AFP)"
            r" \d{1,3}(?= [A-Z])",
            r"\bGetty Images(?: for \w+)?(?: \d{1,3}(?: of \d{1,3})?(?= [A-Z(]))?",
            r"TPX IMAGES OF THE DAY",
            r"\bGETTY\b",
            r"\b(?:GETTY|Getty|PA|AP|EPA|AFP|REX|Twitter/@\w+) \d{1,3}/\d{1,3}\b",
            r"\bCLOSE\b",
            r"Read or Share this story: \S+",
            # a link to another story: its headline, then "Read more"
            rf"{_AFTER_SENTENCE}[A-Z\"“‘][^.!?\n]{{5,200}}? (?:READ MORE|Read more)"
            r"(?= [A-Z\"“]|\s*$)",
            r"\b(?:READ MORE|Read more)(?::| ?›)?(?= [A-Z\"“]|\s*$)",
            r"\bContinue reading the main story\b",
            r"Follow @?[\w ]{1,40} on (?:Twitter|Facebook|Instagram):? @\w+",
            rf"Contributing: {_CREDIT}",
            rf"\bBy {_CAP} {_CAP}(?: {_CAP})?, (?:[\w.'’-]+ ){{0,5}}"
            r"(?:reporter|correspondent|editor|writer)\b",
            r"\bCaption(?= [A-Z])",
            # a "Related stories" box run into the text: its headlines carry no full stop,
            # so it ends at the first one, or where a quotation opens the story again
            rf"{_RELATED}[^\"“\n]{{0,1500}}?(?:(?<!\.)\.(?!\.)(?=\s|$)|(?=[\"“\n])|$)",
            _RELATED,
            r"\bAdvertisement\b",
            r"\bScroll down for (?:the )?videos?\b",
            r"\bYou might also like:?",
            r"Your browser does not support (?:this )?(?:interactive content|video)\.?",
            # an embedded tweet's signature: "— Neil R (@neil) November 8, 2016"
            r"(?:--|—|–|-) ?[^()\n]{1,40} \(@\w+\) [A-Z][a-z]+ \d{1,2}, \d{2,4}\b",
            r"\bpic\.twitter\.com/\w+",
            # a caption's pointer: "Above Clinton speaks", "Pictured: the pier", "Ana Ruiz
            # (left)", "Tom Vell (pictured right)"
            r"\b(?:Above|Below|Pictured|Inset)(?::|(?= [A-Z][a-z]))",
            r"\((?:pictured|left|right|centre|center|above|below|top|bottom|inset|far left|"
            r"far right)(?: (?:left|right|centre|center|above|below))?\)",
            # a caption run into the story, ending in its credit: "Ana Ruiz at the pier on
            # Monday (Facebook) The storm ...", "Scene: boats on the quay (Ida Marsh)"; not
            # a dateline in capitals ("NEW YORK CITY (Reuters) ...")
            rf"{_AFTER_SENTENCE}(?![A-Z ,.'’-]+ \()[A-Z\"“‘][^.!?\n()]{{8,250}}? "
            rf"{_BRACKET_CREDIT}(?= [A-Z\"“‘]|\s*$)",
            # a labelled caption naming who is pictured: "Victims: From left to right: Ana
            # Ruiz, Tom Vell and Ola Bern", "Victim: Ana Ruiz pictured with her dog " + quote
            rf"\b[A-Z][a-z]+: (?:From )?(?:[Ll]eft to right|L-R|\(L-R\)):? "
            rf"{_LISTED}(?:, {_LISTED})*,?(?: and {_LISTED})?",
            rf"{_AFTER_SENTENCE}[A-Z][a-z]+: {_PERSON},?(?: \d{{1,3}},)? pictured "
            r"[^.!?\"“\n()]{1,80}?(?= [\"“])",
            # a gallery's picture count before a caption: ". 4 The new pier at dawn"
            r"(?:(?<=[.!?] )|^)\d{1,2}(?= (?:The|A|An|This|These|Those) [a-z0-9])",
            # a gallery's header: "Harbour storm 8 show all Harbour storm 1/8"
            r"\b\d{1,3} show all\b(?: [^\n]{1,80}? \d{1,3}/\d{1,3}\b)?",
        )
    )
)


def spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the furniture in ``text``, in order.

    >>> t = "Image copyright AP Image caption Ann Lee at the port. Ann Lee said it reopens."
    >>> [t[s:e] for s, e in spans(t)]
    ['Image copyright AP ', 'Image caption']
    """
    return [(m.start(), m.end()) for m in FURNITURE.finditer(text) if m.end() > m.start()]


def mask(text: str) -> str:
    """``text`` with its furniture blanked (same length; ".\\n" opens each blank)."""
    found = spans(text)
    if not found:
        return text
    out = []
    last = 0
    for start, end in found:
        out.append(text[last:start])
        out.append(".\n" + " " * (end - start - 2) if end - start >= 2 else " ")
        last = end
    out.append(text[last:])
    return "".join(out)


def masked_at(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` overlaps furniture."""
    return any(s < end and start < e for s, e in spans(text))

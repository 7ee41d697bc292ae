"""Word lists that drive the attribution rules.

Everything the rules know about English reporting language lives here, so
tuning the extractor means editing sets, not code.

>>> "say" in SPEECH_VERBS and "believe" in CUE_LEMMAS
True
>>> is_cue_lemma("tweet")
True
>>> is_cue_lemma("eat")
False
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` as a set.

    >>> sorted(words("b a  a"))
    ['a', 'b']
    """
    return frozenset(text.split())


# Verbs of saying: with a subject, a clause, a quote or the rest of the
# sentence ("Y, X said") is their content.
SPEECH_VERBS = words(
    """
    say tell add estimate reveal warn insist write post tweet announce confirm deny
    acknowledge admit claim state report explain note observe remark comment reply respond
    argue assert contend maintain suggest predict declare stress emphasize emphasise
    repeat reiterate recall concede allege testify disclose indicate promise pledge vow
    agree caution complain boast brag joke quip muse retort counter concur charge
    ask urge blog proclaim affirm assure forecast mention hint signal tout lament
    grumble scoff protest demand calculate conclude find show reckon summarize
    summarise describe believe think know hope fear expect worry doubt feel suspect
    """
)

# Cues that can be reported in turn: "X reports that officials estimated Y".
REPORTED_SPEECH = words(
    """
    say tell add estimate report claim state announce confirm deny warn write post tweet
    reveal acknowledge admit insist argue explain note predict declare allege disclose
    indicate suggest assert contend maintain testify concede
    """
)

# Verbs that PolNeAR annotators mark as attribution cues (stance, evaluation,
# perception, intention) at least about a third of the time they occur with a
# subject and a complement outside quotations (measured on the PolNeAR train
# split; lemmas as the spaCy lemmatizer writes them, e.g. "hop" for "hopes").
LEARNED_VERBS = words(
    """
    say tell call add write ask show suggest note argue report see seem announce know
    want expect support think find describe appear endorse seek continue accuse talk point
    criticize offer claim believe explain cite respond tweet acknowledge decline declare
    refer agree hop insist promise urge express refuse defend warn question discuss look
    mention vow praise state recall oppose release attack reveal propose pledge back
    conclude consider push focus indicate plan decide blame admit denounce post predict
    deny reject blast name dismiss issue cast identify worry share confirm fear highlight
    view charge mock read list recognize emphasize tout like learn portray remind feel reply
    threaten slam challenge complain assure order favor comment prefer aim assert lay answer
    concede condemn boast reiterate advocate compare encourage remember estimate nominate
    wonder repeat echo stress hope promote allege thank press deem demand lament publish
    present introduce rule joke decry rail persuade voice underscore quote intend convince
    applaud chant sound apologize recommend remark signal email disclose imply reference
    request caution enjoy shout welcome care outline expose plead credit attribute detail
    congratulate title project invoke regard realize appoint cheer disavow hint distance
    paint assume approve contend rebut speculate testify suspect retweete counter label
    love contrast devote rattle resist bemoan articulate restrict sue hail liken recount
    allude lash characterize assail dispute chide disagree side reaffirm anger unveil
    dub imagine forget lambast boo balk rebuke frame contemplate spar brush notice pivot
    interject clarify contradict proclaim brag inform single experience witness rip champion
    dedicate recite hammer broadcast doubt vouch pressure insult prohibit dwell negotiate
    repudiate opt interpret position shrug line withdraw acquiesce justify relish judge
    rebuff pump muse
    """
)

# Lemmas whose predictions matched gold relations less than a quarter of the
# time on PolNeAR train (at least 8 predictions each): left out.
LOW_PRECISION = words(
    "continue seek release issue view present maintain cast intend answer promote remind"
)

# Learned verbs that news reports use for choices and motion, not for saying anything:
# "his team opted to pit him", "police lined the streets".
# A tagger's cue may be any verb: "be", "have" and "picture" ("is pictured making a
# point", a caption) never are.
NOT_SPEECH = words("opt line be have do picture surprise")

CUE_LEMMAS = (SPEECH_VERBS | LEARNED_VERBS) - LOW_PRECISION - NOT_SPEECH

# Physical senses of cue verbs, told by a preposition or particle of the verb: "a car
# slammed into a wall", "oxygen is pumped into the well", "ripping up the rules",
# "is called in for new tyres", "the safety car appears on the track".
PHYSICAL_PARTICLES = {
    "slam": words("into onto against through down shut"),
    "pump": words("into through"),
    "push": words("across through into"),
    "rip": words("up apart off open"),
    "hammer": words("into"),
    "call": words("in"),
    "appear": words("on in at onstage"),
}

# ... and by the object: "slammed the door", "slammed on the brakes".
PHYSICAL_OBJECTS = words("door doors brake brakes ball fist fists hand hands car wall")

# ... and by the shape of the clause: in the passive ("was seen leaving the pier"), with
# a second object ("shows the guests the pier"), with any object ("pumping his fist",
# "pumping it"), or in the idiom "said it all".
PHYSICAL_IN_PASSIVE = words("see")
PHYSICAL_WITH_DATIVE = words("show")
PHYSICAL_WITH_OBJECT = words("pump")
SAYS_IT_ALL = words("say")

# Cues only with this particle: "laid out a plan" (not "laid a wreath"), "singled out".
PARTICLE_ONLY = {
    "lay": words("out bare"),
    "single": words("out"),
    "point": words("out to"),  # "pointed out that", not "points his finger at"
}

# Cue verbs with no source of their own: "X seemed to Y", "X appears Y".
RAISING_VERBS = words("seem appear")

# Passives that, with no agent, tell of an appointment, not of a report: "was named
# most valuable player", "was appointed general manager".
APPOINTING = words("name appoint nominate")

# Cues only with a clause or a quotation: "claimed that Y", not "claimed the final spot";
# "saw that Y", not "had seen a lead evaporate"; "looked set to", not "looked awkward".
# Cues only with a clause (or a quotation): "plans to build", not "planning the opening",
# "decided to", not "the college that decides the presidency".
NEEDS_CLAUSE = words("claim see look plan decide feel")
# ... or with one of these objects: "claimed responsibility for the attack".
CLAIMED = words("responsibility credit")

# "call" is a cue only with a second complement ("called it a hoax", "called for").
NEEDS_SECOND_COMPLEMENT = words("call name")

# Verbs that report what someone else said: "Bloomberg reports X as saying Y".
REPORTING_VERBS = words("report quote cite describe")

# What the reported source did in "reports X as saying / writing / telling / stating Y".
AS_SPEECH = words("say write tell state add claim warn tweet post")

# Verbs of seeing whose complement is what was seen ("spotted Ruiz walking her dog").
PERCEIVING_VERBS = words("see spot watch notice catch film photograph hear")
# Passive cues whose subject is the one speaking ("she was quoted as saying").
PASSIVE_SPEAKER = words("quote hear record overhear cite film tape")
# "He added": the speaker goes on, so "he" is the last man who spoke.
CONTINUING_VERBS = words("add")
# "citing two officials": the object of these is the source behind the reporter.
CITING_VERBS = words("cite quote")

# Verbs that head a refusal: "refused to comment", "declined to say".
REFUSING_VERBS = words("refuse decline")

# What one refuses to do: "comment", "say", "speculate", ...
REFUSED_ACTS = words("comment say speculate elaborate discuss confirm answer respond disclose")

MODALS = words("could would will can might")
NEGATIONS = words("not n't never")
DENIAL_VERBS = words("deny")

# Passive "X was said to ..." is hearsay: hedged.
HEARSAY_PASSIVES = words("say report believe allege rumor rumour think claim")

HEDGES = words("reportedly allegedly purportedly supposedly reputedly apparently")

# Prepositions that introduce content: "called for X", "accused Y of X", "talked about X".
CONTENT_PREPS = words("of for to about on against as over into toward towards")

# "said in a statement": the object of "in" names the channel.
CHANNELS = {
    "statement": "statement",
    "post": "post",
    "tweet": "tweet",
    "interview": "interview",
    "email": "email",
    "e-mail": "email",
    "letter": "letter",
    "video": "video",
    "speech": "speech",
    "blog": "blog",
    "op-ed": "op-ed",
    "column": "column",
    "briefing": "briefing",
    "conference": "press conference",
    "release": "press release",
    "message": "message",
    "memo": "memo",
    "podcast": "podcast",
    "broadcast": "broadcast",
}

# Cue verbs that name their own channel.
VERB_CHANNELS = {"tweet": "tweet", "retweete": "tweet", "post": "post", "blog": "blog"}


def is_cue_lemma(lemma: str) -> bool:
    """Whether a verb lemma can head an attribution."""
    return lemma.lower() in CUE_LEMMAS

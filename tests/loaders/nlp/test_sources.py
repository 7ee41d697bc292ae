"""Sources: coreference, anonymous descriptors, roles, coordination, organisations."""

from __future__ import annotations

import pytest

from graph.model import SourceType
from tests.loaders.nlp.helpers import Extract, by_cue, only, source_name


def test_pronoun_resolves_to_the_full_name(extract: Extract) -> None:
    text = "Ana Ruiz opened the pier on Monday. She said the beams were new."
    a = only(extract(text))
    assert source_name(a) == "Ana Ruiz"
    assert a.source is not None and a.source.span.text == "She"


def test_surname_resolves_to_the_full_name(extract: Extract) -> None:
    text = "Ana Ruiz opened the pier on Monday. Later, Ruiz said the beams were new."
    a = only(extract(text))
    assert source_name(a) == "Ana Ruiz"
    assert a.source is not None and a.source.span.text == "Ruiz"


def test_they_resolves_to_an_organisation_named_as_agent(extract: Extract) -> None:
    text = (
        "The photos were published by the Coastal Watch Group. "
        "“The pier is cracked,” they said in a post."
    )
    a = only(extract(text))
    assert source_name(a) == "Coastal Watch Group"
    assert a.source is not None and a.source.source.type is SourceType.ORGANIZATION
    assert a.channel == "post"


def test_pronoun_ignores_people_only_mentioned_inside_a_quote(extract: Extract) -> None:
    text = (
        "“Relatives often wait for weeks,” the Coastal Watch Group said. "
        "They said the pier was closed."
    )
    a = by_cue(extract(text), "said")
    later = [x for x in extract(text) if x.source and x.source.span.text == "They"]
    assert later and source_name(later[0]) == "Coastal Watch Group"
    assert source_name(a) == "Coastal Watch Group"


@pytest.mark.parametrize(
    "descriptor",
    ["A port official", "Three engineers who know the site", "People familiar with the matter"],
)
def test_anonymous_sources_keep_their_descriptor(extract: Extract, descriptor: str) -> None:
    a = only(extract(f"{descriptor} said the pier was unsafe."))
    assert a.source is not None
    assert a.source.source.type is SourceType.ANONYMOUS
    assert a.source.source.name == descriptor


def test_definite_description_resolves_to_the_earlier_anonymous_source(extract: Extract) -> None:
    text = (
        "A port official said the pier was unsafe. "
        "The official, however, could not say when it would reopen."
    )
    _, second = extract(text)
    assert source_name(second) == "A port official"
    assert second.source is not None and second.source.span.text == "The official"


def test_apposition_becomes_the_role(extract: Extract) -> None:
    a = only(extract("Ana Ruiz, the spokeswoman for the harbour board, said the pier was safe."))
    assert source_name(a) == "Ana Ruiz"
    assert a.source is not None and a.source.source.role == "spokeswoman for the harbour board"
    assert a.source.span.text == "Ana Ruiz, the spokeswoman for the harbour board"


def test_an_age_is_no_role(extract: Extract) -> None:
    a = only(extract("Greg Kojak, 36, said the pier was closed."))
    assert source_name(a) == "Greg Kojak"
    assert a.source is not None and a.source.source.role is None


def test_title_becomes_the_role(extract: Extract) -> None:
    a = only(extract("Harbour Commissioner Ana Ruiz said the pier was safe."))
    assert source_name(a) == "Ana Ruiz"
    assert a.source is not None and a.source.source.role == "Harbour Commissioner"


def test_coordinated_subject_gives_one_attribution_per_conjunct(extract: Extract) -> None:
    text = (
        "The pier was closed on Monday, a port official and three engineers who have knowledge "
        "about the site reportedly revealed."
    )
    first, second = extract(text)
    assert source_name(first) == "a port official"
    assert source_name(second) == "three engineers who have knowledge about the site"
    assert first.content == second.content
    assert first.content is not None and first.content.text == "The pier was closed on Monday"
    assert first.hedged and second.hedged


def test_organisation_source(extract: Extract) -> None:
    a = only(extract("The harbour ministry said the pier was safe."))
    assert a.source is not None and a.source.source.type is SourceType.ORGANIZATION
    assert source_name(a) == "harbour ministry"


def test_definite_title_resolves_to_the_person_who_holds_it(extract: Extract) -> None:
    text = "Mayor Lena Ortiz toured the harbour on Monday. The mayor said the ferry would stop."
    a = only(extract(text))
    assert source_name(a) == "Lena Ortiz"
    assert a.source is not None and a.source.span.text == "The mayor"
    assert a.source.source.type is SourceType.PERSON


def test_definite_title_with_no_holder_stays_a_descriptor(extract: Extract) -> None:
    a = only(extract("The spokesman said the plan was sound."))
    assert source_name(a) == "The spokesman"
    assert a.source is not None and a.source.source.type is SourceType.ANONYMOUS


def test_the_president_elect_is_never_a_person_called_elect(extract: Extract) -> None:
    text = "President-elect Tomas Vell met donors. The president-elect said the talks went well."
    a = only(extract(text))
    assert source_name(a) == "Tomas Vell"


@pytest.mark.parametrize(
    "text",
    [
        "PORT VERITY (The Harbor Ledger) - Mayor Lena Ortiz said the ferry would stop.",
        "SANDHAVEN, Estrava, May 3 (Meridian Wire) – Mayor Lena Ortiz said the ferry would stop.",
        "Ferry to stop\n\nCALDERA (Reuters) - Mayor Lena Ortiz said the ferry would stop.",
    ],
)
def test_dateline_is_never_part_of_the_source(extract: Extract, text: str) -> None:
    a = only(extract(text))
    assert source_name(a) == "Lena Ortiz"
    assert a.source is not None and a.source.span.text == "Mayor Lena Ortiz"


def test_the_newspaper_resolves_to_the_outlet_named_before(extract: Extract) -> None:
    text = "The Harbor Ledger printed a map on Monday. The newspaper said the plant had leaked."
    a = by_cue(extract(text), "said")
    assert source_name(a) == "The Harbor Ledger"
    assert a.source is not None and a.source.source.type is SourceType.OUTLET


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "The port authority said it was aware. Tomas Vela's mother, Jane Doe, said "
            "the pier was unsafe.",
            "Jane Doe",
            "Tomas Vela's mother",
        ),
        (
            "The port authority said it was aware. His mother, Jane, told the Ledger that "
            "the tram was late.",
            "Jane",
            "His mother",
        ),
        ("A port spokeswoman, Ola Bern, said the ferry was late.", "Ola Bern", "port spokeswoman"),
    ],
)
def test_a_described_person_named_in_apposition_is_the_source(
    extract: Extract, text: str, name: str, role: str
) -> None:
    a = extract(text)[-1]
    assert a.source is not None and a.source.source.type is SourceType.PERSON
    assert (a.source.source.name, a.source.source.role) == (name, role)


def test_she_goes_to_a_woman_brought_in_by_name_as_an_object(extract: Extract) -> None:
    text = (
        "The port authority said it was aware of the claims. Martin Vela, who was on his way "
        "to work, called his mother, Jane, after the crash. She told the Ledger that he was "
        "shaken."
    )
    a = by_cue(extract(text), "told")
    assert a.source is not None and a.source.span.text == "She"
    assert a.source.source.name == "Jane"


def test_a_person_brought_in_as_an_object_gives_way_to_the_subject(extract: Extract) -> None:
    text = (
        "Mayor Tomas Vela opened the pier. The mayor said he had thanked his predecessor, "
        "Karl Berg, on Monday. He said the pier would reopen in May."
    )
    a = extract(text)[-1]
    assert a.source is not None and a.source.span.text == "He"
    assert a.source.source.name != "Karl Berg"


@pytest.mark.parametrize(
    "text",
    [
        "Ola Bern, a director at the consultancy Harbour Finance, said sales fell.",
        "The town's other team, the Harbour Sox, said the game was off.",
    ],
)
def test_an_apposition_to_a_thing_is_not_a_person(extract: Extract, text: str) -> None:
    a = only(extract(text))
    assert a.source is not None
    assert a.source.source.name not in ("Harbour Finance", "Harbour Sox")


COMPANY_STORY = (
    "The bar's maker, Harbour Foods International, said costs had risen. Fans of Crunch "
    "bars were upset. Harbour said the change was needed. On the Crunch Facebook page, the "
    'company said it had to choose. Crunch is loved by many. It added: "We carry these costs."'
)


def test_a_company_named_in_apposition_is_an_organisation(extract: Extract) -> None:
    a = extract(COMPANY_STORY)[0]
    assert a.source is not None and a.source.source.type is SourceType.ORGANIZATION
    assert (a.source.source.name, a.source.source.role) == (
        "Harbour Foods International",
        "bar's maker",
    )


@pytest.mark.parametrize("written", ["Harbour", "the company", "It"])
def test_the_company_and_it_go_to_the_maker_not_its_product(extract: Extract, written: str) -> None:
    [a] = [a for a in extract(COMPANY_STORY) if a.source and a.source.span.text == written]
    assert a.source is not None and a.source.source.name == "Harbour Foods International"
    assert a.source.source.type is SourceType.ORGANIZATION


def test_the_company_after_two_companies_stays_unresolved(extract: Extract) -> None:
    text = "Harbour Foods and Bay Dairy clashed after the company said it would raise prices."
    a = by_cue(extract(text), "said")
    assert a.source is not None and a.source.source.name == "company"


def test_which_never_stands_for_a_person(extract: Extract) -> None:
    """ "than Mr Vela's, which Ms Wood claims shows ...": "which" is not Vela; "the FBI,
    which announced ..." is the FBI."""
    text = (
        "Ana Ruiz kept her hands much further apart than Mr Vela's, which Ms Wood claims "
        "shows the mayor is nervous."
    )
    assert all(source_name(a) != "Tomas Vela" and source_name(a) != "Vela" for a in extract(text))
    fbi = extract("The FBI, which announced the review on Sunday, said no charges were warranted.")
    assert source_name(by_cue(fbi, "said")) == "FBI"


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Governor of Texas Greg Abbott said the state would help.",
            "Greg Abbott",
            "Governor of Texas",
        ),
        ("Mayor of London Sadiq Khan said the trams would run.", "Sadiq Khan", "Mayor of London"),
        (
            "Deputy Chief Constable Adrian Hanstock said the scene was closed.",
            "Adrian Hanstock",
            "Deputy Chief Constable",
        ),
        ("Manager Joe Vell said the team played well.", "Joe Vell", "Manager"),
        (
            "His son-in-law Tom Vell told the Harbour Wire the pier was safe.",
            "Tom Vell",
            "His son-in-law",
        ),
        (
            'Her son-in-law Karl Wessel told the Port Gazette: "Ana was a kind woman."',
            "Karl Wessel",
            "Her son-in-law",
        ),
        ('Son-in-law Darren Mimms said: "Phil was such a kind man."', "Darren Mimms", "Son-in-law"),
        ("President-elect Tomas Vell said the talks went well.", "Tomas Vell", "President-elect"),
        (
            "Vice President-elect Ana Morrow said the cabinet was ready.",
            "Ana Morrow",
            "Vice President-elect",
        ),
        (
            'Gulls fan Alayna Fodor-Gopal said: "It was a game of ups and downs."',
            "Alayna Fodor-Gopal",
            "Gulls fan",
        ),
    ],
)
def test_a_named_person_after_a_title_kin_or_noun_for_a_person_has_it_as_role(
    extract: Extract, text: str, name: str, role: str
) -> None:
    a = only(extract(text))
    assert a.source is not None
    assert (a.source.source.name, a.source.source.type) == (name, SourceType.PERSON)
    assert a.source.source.role == role


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Vell -- noting that the pier had been shut for a week -- said it would reopen.", "Vell"),
        (
            "The mayor - who urged people to stay away from the quay - said the damage was bad.",
            "The mayor",
        ),
        ("The vice-president said the pier would reopen.", "The vice-president"),
    ],
)
def test_a_dashed_aside_is_not_part_of_the_source(extract: Extract, text: str, source: str) -> None:
    a = by_cue(extract(text), "said")
    assert a.source is not None and a.source.span.text == source


@pytest.mark.parametrize(
    "text",
    [
        "Scene: this aerial view shows boats piled on the quay.",
        "Rain: there were heavy downpours throughout the night.",
        "Carnage: the pier was torn apart by the waves.",
    ],
)
def test_a_caption_label_before_a_colon_is_no_speaker(extract: Extract, text: str) -> None:
    assert not [a for a in extract(text) if a.cue.text == ":"]


def test_a_speaker_before_a_colon_still_speaks(extract: Extract) -> None:
    a = only(extract("Police: two men were held after the crash on the pier."))
    assert source_name(a) == "Police"


def test_a_clause_the_parser_hung_on_a_cue_without_its_subject_is_no_content(
    extract: Extract,
) -> None:
    text = (
        "Three men were named among the dead by friends and relatives but the identities "
        "of the remaining two men were unknown until Sunday."
    )
    assert not [a for a in extract(text) if a.cue.text.endswith("named")]


def test_a_surname_the_parser_took_for_a_common_noun_is_the_person(
    either_extract: Extract,
) -> None:
    text = (
        "Tom Vell met Ana Ruiz on Monday. Vell -- noting that the meeting ran long -- said: "
        '"It was a great honour."'
    )
    a = by_cue(either_extract(text), "said")
    assert a.source is not None and a.source.span.text == "Vell"
    assert (a.source.source.name, a.source.source.type) == ("Tom Vell", SourceType.PERSON)


def test_a_named_project_is_no_person(extract: Extract) -> None:
    a = only(
        extract(
            "The Harbour/Ipsos States of the Coast project estimates that Ms Ruiz has a 90 "
            "percent chance of winning the vote."
        )
    )
    assert a.source is not None and a.source.source.type is not SourceType.PERSON


def test_a_description_between_dashes_stays_with_the_source(extract: Extract) -> None:
    text = "Vell -- co-editor of a book on the harbour -- said the pier would reopen."
    a = by_cue(extract(text), "said")
    assert a.source is not None and a.source.span.text.startswith("Vell -- co-editor")


def test_a_verb_of_saying_hung_from_the_subject_is_no_part_of_it(extract: Extract) -> None:
    """The parser may read "posted" as a clause of "skipper" (a reduced relative) when the
    quotation after the colon has a verb of its own; the source stops before it."""
    text = (
        "The skipper, a keen supporter of the ferry, posted on Sunday: 'Sometimes we simply "
        "have to wait for the tide and hope', replying to the harbour board."
    )
    found = by_cue(extract(text), "replying to")
    assert found.source is not None
    assert found.source.span.text == "The skipper, a keen supporter of the ferry"


def test_a_description_closed_by_a_quotation_mark_stays_in_the_source(extract: Extract) -> None:
    """ "The volunteers known as 'quay-minders'": the quotation mark after "known as ..."
    closes a name (no space before it), so "known" describes them, not what they say."""
    text = "The volunteers known as 'quay-minders' warned that the pier was unsafe."
    found = by_cue(extract(text), "warned")
    assert found.source is not None
    assert found.source.span.text.startswith("The volunteers known as 'quay-minders")

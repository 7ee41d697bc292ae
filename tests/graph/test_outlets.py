"""The outlet registry and its bundled data file."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from graph.errors import InputError
from graph.outlets import DATA_FILE, ENV_VAR, Outlet, OutletRegistry, _load, _norm, default_registry

KINDS = {"agency", "newspaper", "broadcaster", "magazine", "online"}
# Common words and names that must never, alone, be taken for an outlet.
AMBIGUOUS = [
    "Times", "times", "the times", "Mail", "Sun", "the sun", "Post", "Hill", "Mirror", "Star",
    "Globe", "Herald", "Independent", "Express", "Telegraph", "guardian", "Nation", "Age", "Fox",
    "ABC", "Daily", "News", "Journal", "Tribune", "Observer", "Standard", "Metro", "Inquirer",
    "Chronicle", "Republic", "Examiner", "Insider", "Stuff", "Reason", "Salon", "Time",
    "Dawn", "Punch", "slate", "wired", "fortune", "vox", "nos", "Peskov", "Trump",
]  # fmt: skip


@pytest.fixture(scope="module")
def registry() -> OutletRegistry:
    return OutletRegistry.from_file(DATA_FILE)


def test_bundled_file_lists_at_least_150_outlets_of_every_kind(registry: OutletRegistry) -> None:
    assert len(registry.outlets) >= 150
    kinds = Counter(o.kind for o in registry.outlets)
    assert set(kinds) == KINDS
    assert kinds["agency"] >= 20
    assert len({o.country for o in registry.outlets}) >= 30


def test_every_outlet_has_a_domain_and_a_country(registry: OutletRegistry) -> None:
    for outlet in registry.outlets:
        assert outlet.domains, outlet.name
        assert outlet.country and len(outlet.country) == 2 and outlet.country.isupper(), outlet


def test_no_name_alias_or_domain_belongs_to_two_outlets(registry: OutletRegistry) -> None:
    keys = Counter(k for o in registry.outlets for k in {_norm(n) for n in (o.name, *o.aliases)})
    domains = Counter(d for o in registry.outlets for d in o.domains)
    assert [k for k, c in keys.items() if c > 1] == []
    assert [d for d, c in domains.items() if c > 1] == []


def test_no_two_listed_outlets_share_an_id(registry: OutletRegistry) -> None:
    # The id is a slug, which drops punctuation: two listed names must not collide in it.
    ids = Counter(o.id for o in registry.outlets)
    assert [i for i, c in ids.items() if c > 1] == []


def test_domains_are_bare_lower_case_hosts(registry: OutletRegistry) -> None:
    for outlet in registry.outlets:
        for domain in outlet.domains:
            assert domain == domain.lower().strip(), domain
            assert "/" not in domain and not domain.startswith("www."), domain


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("NYT", "The New York Times"),
        ("New York Times", "The New York Times"),
        ("the New York Times", "The New York Times"),
        ("AP", "Associated Press"),
        ("the AP", "Associated Press"),
        ("The Associated Press", "Associated Press"),
        ("AFP", "Agence France-Presse"),
        ("WSJ", "The Wall Street Journal"),
        ("WaPo", "The Washington Post"),
        ("FT", "Financial Times"),
        ("the BBC", "BBC"),
        ("dpa", "Deutsche Presse-Agentur"),
        ("REUTERS", "Reuters"),
        ("the Hill", "The Hill"),
        ("The Sun", "The Sun"),
        ("The Economist", "The Economist"),
        ("Al-Jazeera", "Al Jazeera"),
        ("Sydney Morning Herald", "The Sydney Morning Herald"),
        ("Spiegel", "Der Spiegel"),
        ("The Times of London", "The Times (London)"),
        ("CNA", "Channel NewsAsia"),
        ("Yonhap", "Yonhap"),
        ("the  Washington   Post", "The Washington Post"),
    ],
)
def test_aliases_resolve_to_the_canonical_name(
    registry: OutletRegistry, alias: str, name: str
) -> None:
    found = registry.lookup(alias)
    assert found is not None, alias
    assert found.name == name


@pytest.mark.parametrize("word", AMBIGUOUS)
def test_common_words_and_names_are_not_outlets(registry: OutletRegistry, word: str) -> None:
    assert registry.lookup(word) is None


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://www.nytimes.com/2024/01/01/world/x.html", "The New York Times"),
        ("https://apnews.com/article/x", "Associated Press"),
        ("https://edition.cnn.com/x", "CNN"),
        ("http://news.bbc.co.uk/1/hi/x.stm", "BBC"),
        ("https://www.theguardian.com/uk", "The Guardian"),
        ("https://english.kyodonews.net/news/x", "Kyodo News"),
        ("https://www.abc.net.au/news/x", "Australian Broadcasting Corporation"),
        ("https://abcnews.go.com/US/x", "ABC News"),
        ("https://news.sky.com/story/x", "Sky News"),
        ("www.reuters.com", "Reuters"),
        ("HTTPS://WWW.LEMONDE.FR/x", "Le Monde"),
    ],
)
def test_domains_and_subdomains_resolve(registry: OutletRegistry, url: str, name: str) -> None:
    found = registry.from_url(url)
    assert found is not None, url
    assert found.name == name


@pytest.mark.parametrize(
    "url",
    ["https://sky.com/tv", "https://notnytimes.com/x", "https://example.org/", "not a url", ""],
)
def test_unknown_domains_have_no_outlet(registry: OutletRegistry, url: str) -> None:
    assert registry.from_url(url) is None


def test_names_lists_every_spelling_longest_first(registry: OutletRegistry) -> None:
    names = registry.names()
    assert "NYT" in names and "The New York Times" in names
    assert [len(n) for n in names] == sorted((len(n) for n in names), reverse=True)


def test_outlet_id_is_a_slug_of_the_name(registry: OutletRegistry) -> None:
    found = registry.lookup("NYT")
    assert found is not None and found.id == "the-new-york-times"


def test_environment_variable_replaces_the_bundled_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "mine.json"
    path.write_text(
        json.dumps(
            {"outlets": [{"name": "Lagoon Wire", "aliases": ["LW"], "domains": ["lw.example"]}]}
        ),
        "utf-8",
    )
    monkeypatch.setenv(ENV_VAR, str(path))
    reg = default_registry()
    found = reg.lookup("LW")
    assert found == Outlet(name="Lagoon Wire", aliases=("LW",), domains=("lw.example",))
    assert reg.lookup("NYT") is None
    _load.cache_clear()


def test_a_plain_list_is_a_valid_outlets_file(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text('[{"name": "Lagoon Wire", "kind": "agency", "country": "IT"}]', "utf-8")
    [outlet] = OutletRegistry.from_file(path).outlets
    assert (outlet.kind, outlet.country) == ("agency", "IT")


@pytest.mark.parametrize("content", ["{not json", '{"outlets": [{"aliases": []}]}', "[1, 2]"])
def test_invalid_outlets_file_is_an_input_error_naming_it(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, "utf-8")
    with pytest.raises(InputError) as info:
        OutletRegistry.from_file(path)
    assert info.value.where == str(path)

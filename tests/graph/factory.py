"""Hand-built articles and attributions for graph tests (fictional people and outlets)."""

from __future__ import annotations

from graph.model import Article, Attribution, Mention, Source, SourceType, Span


def _span(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span.of(text, start, start + len(part))


def _sentence(text: str, at: int) -> Span:
    start = text.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    end = text.find(". ", at)
    end = len(text) if end < 0 else end + 1
    return Span.of(text, start, end)


def mention(
    text: str, part: str, type_: SourceType, *, name: str | None = None, role: str | None = None
) -> Mention:
    return Mention(span=_span(text, part), source=Source(name=name or part, type=type_, role=role))


def attribution(
    article: Article,
    *,
    cue: str,
    content: str | None,
    source: tuple[str, SourceType] | tuple[str, SourceType, str] | None = None,
    role: str | None = None,
    via: tuple[tuple[str, SourceType], ...] = (),
) -> Attribution:
    """An attribution whose spans are the first occurrences of the given strings."""
    text = article.text
    src = None
    after = 0
    if source is not None:
        name = source[2] if len(source) == 3 else None  # type: ignore[misc]
        src = mention(text, source[0], source[1], name=name, role=role)
        after = _sentence(text, src.span.start).start
    cue_span = _span(text, cue, after)
    return Attribution(
        article_id=article.id,
        source=src,
        via=tuple(mention(text, v, t) for v, t in via),
        cue=cue_span,
        content=_span(text, content) if content else None,
        sentence=_sentence(text, cue_span.start),
    )


P, ORG, A, OUT = SourceType.PERSON, SourceType.ORGANIZATION, SourceType.ANONYMOUS, SourceType.OUTLET

# Two outlets report the same (invented) event in their own words.
HARBOUR_1 = (
    "Mayor Lina Ostrova said the northern harbour will close for six weeks of repairs. "
    "A port official said the closure would cost the city money. "
    "The Coastal Ledger reported that two ferry companies plan to sue."
)
HARBOUR_2 = (
    "The northern harbour will close for six weeks of repairs, Ostrova told reporters. "
    "According to the Coastal Ledger, two ferry companies plan to sue the city."
)


def harbour_articles() -> list[tuple[Article, list[Attribution]]]:
    """The same story from 'NYT' and 'New York Times' (one outlet), with shared claims."""
    a1 = Article.create(
        text=HARBOUR_1, url="https://example.org/harbour-1", outlet="NYT", title="Harbour shuts"
    )
    a2 = Article.create(
        text=HARBOUR_2,
        url="https://example.org/harbour-2",
        outlet="Daily Quill",
        title="Port repairs",
    )
    return [
        (
            a1,
            [
                attribution(
                    a1,
                    cue="said",
                    content="the northern harbour will close for six weeks of repairs",
                    source=("Mayor Lina Ostrova", P, "Lina Ostrova"),
                    role="Mayor",
                ),
                attribution(
                    a1,
                    cue="said",
                    content="the closure would cost the city money",
                    source=("A port official", A),
                ),
                attribution(
                    a1,
                    cue="reported",
                    content="two ferry companies plan to sue",
                    source=("The Coastal Ledger", OUT),
                ),
            ],
        ),
        (
            a2,
            [
                attribution(
                    a2,
                    cue="told",
                    content="The northern harbour will close for six weeks of repairs",
                    source=("Ostrova", P),
                ),
                attribution(
                    a2,
                    cue="According to",
                    content="two ferry companies plan to sue the city",
                    source=("the Coastal Ledger", OUT),
                ),
            ],
        ),
    ]


NESTED = (
    "The Coastal Ledger reports two engineers as saying the seawall was never inspected. "
    "New York Times said the council had ignored warnings about the wall for years."
)


def nested_article() -> tuple[Article, list[Attribution]]:
    """A report of a report: Coastal Ledger -> two engineers; and an outlet as source."""
    a = Article.create(text=NESTED, url="https://example.org/seawall", outlet="Reuters")
    return (
        a,
        [
            attribution(
                a,
                cue="saying",
                content="the seawall was never inspected",
                source=("two engineers", A),
                via=(("The Coastal Ledger", OUT),),
            ),
            attribution(
                a,
                cue="said",
                content="the council had ignored warnings about the wall for years",
                source=("New York Times", OUT),
            ),
        ],
    )


_PEOPLE = ("Lina Ostrova", "Tomas Brell", "Ada Kirwan", "Jonas Mbeki", "Rosa Lindqvist")
_TOWNS = ("Eastmere", "Bralow", "Kettering Vale", "Solby", "Marrow Point")
_THINGS = ("bridge", "library", "rail depot", "water plant", "market hall")
_OUTLETS = ("Coastal Ledger", "Valley Courier", "Reuters", "The Guardian", "Northern Post")
_GROUPS = ("residents", "workers", "councillors", "traders", "engineers")


def synthetic_article(i: int) -> tuple[Article, list[Attribution]]:
    """Article ``i`` of an endless invented corpus, with its attributions built by hand."""
    person = _PEOPLE[i % 5]
    town, thing = _TOWNS[(i // 5) % 5], _THINGS[(i // 25) % 5]
    outlet, group = _OUTLETS[(i // 3) % 5], _GROUPS[(i // 7) % 5]
    n = 10 + i % 90
    text = (
        f"{person} said the {thing} in {town} will reopen after {n} days of work. "
        f"According to the {outlet}, {n + 3} {group} have signed a letter of protest. "
        f"A council official told reporters that the {thing} had cost {n * 1000} pounds. "
        f"Article number {i} ends here."
    )
    article = Article.create(
        text=text,
        url=f"https://news.example.org/{i}",
        outlet=_OUTLETS[i % 5],
        title=f"{thing.title()} in {town} ({i})",
    )
    return article, [
        attribution(
            article,
            cue="said",
            content=f"the {thing} in {town} will reopen after {n} days of work",
            source=(person, P),
        ),
        attribution(
            article,
            cue="According to",
            content=f"{n + 3} {group} have signed a letter of protest",
            source=(f"the {outlet}", OUT),
        ),
        attribution(
            article,
            cue="told",
            content=f"the {thing} had cost {n * 1000} pounds",
            source=("A council official", A),
        ),
    ]

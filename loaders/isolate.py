"""Extraction that survives one article failing: the failure is reported, the others go on.

Used by ``sourcetrace extract`` and the app's Add page (and meant for every
caller of :meth:`loaders.nlp.Extractor.extract_many` that must not stop at one
bad article).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from graph.errors import InputError
from graph.model import Article, Attribution


def article_ref(article: Article) -> str:
    """How an article is named in output and errors: where it was read from."""
    return article.origin or article.url or article.id


def one_line(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters.

    >>> one_line("a  long\\nreason", 7)
    'a long…'
    """
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def extract_each(
    extractor: Any,
    articles: Iterable[Article],
    on_error: Callable[[InputError], object],
    processes: int = 1,
) -> Iterator[tuple[Article, list[Attribution]]]:
    """``extractor.extract_many`` over ``articles``, in order, where an article
    whose extraction raises is reported to ``on_error`` (an InputError naming
    it) and the others go on.

    Batches still go through ``extract_many``; only when it fails are the
    articles it had taken in but not yet returned redone one at a time.
    """
    source = iter(articles)
    pending: deque[Article] = deque()

    def feed() -> Iterator[Article]:
        for article in source:
            pending.append(article)
            yield article

    while True:
        try:
            for article, found in extractor.extract_many(feed(), processes=processes):
                pending.popleft()
                yield article, found
            return
        except Exception:  # one of the pending articles broke the batch
            if not pending:
                raise
        while pending:
            article = pending.popleft()
            try:
                found = extractor.extract(article)
            except Exception as e:
                why = one_line(f"{type(e).__name__}: {e}", 200)
                on_error(InputError(article_ref(article), f"extraction failed ({why})"))
                continue
            yield article, found

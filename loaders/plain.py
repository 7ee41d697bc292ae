"""Plain-text articles: the text exactly as decoded, outlet from a dateline.

>>> a = plain_article("PARIS (AFP) - Officials said it rained.", origin="a.txt")
>>> a.outlet, a.origin, a.text[:5]
('Agence France-Presse', 'a.txt', 'PARIS')
"""

from __future__ import annotations

from graph.model import Article
from graph.outlets import OutletRegistry
from loaders.dateline import article_outlet


def plain_article(
    text: str,
    *,
    origin: str,
    url: str | None = None,
    registry: OutletRegistry | None = None,
) -> Article:
    """An article whose text is ``text`` unchanged, so offsets match the file.

    The outlet comes from ``url``'s domain, else from a dateline.
    """
    return Article.create(
        text=text,
        url=url,
        outlet=article_outlet(url=url, text=text, registry=registry),
        origin=origin,
    )

"""The graph schema shared by the stores, the analyses and the app.

The same property graph lives in Neo4j, in the embedded store and in the
networkx ``MultiDiGraph`` that ``GraphStore.to_networkx`` returns.

Nodes (label -> key properties)::

    Article      id, url, title, outlet, published, content_hash, text
    Outlet       id, name (canonical), aliases
    Source       id, name, type, roles, descriptor (anonymous: per article)
    Claim        id, text, (optionally) group
    Attribution  id, article_id, kind, cue, hedged, confidence, channel,
                 sentence, sentence_start, sentence_end,
                 source_text, source_start, source_end,
                 cue_start, cue_end, content_text, content_start, content_end,
                 content_pieces (a content in several pieces: [start, end, ...])

Relationships (type: from -> to)::

    PUBLISHED_BY   Article -> Outlet
    CONTAINS       Article -> Attribution
    VIA            Attribution -> Outlet|Source   {position: 0 = outermost,
                                                   text, start, end}
    ATTRIBUTED_TO  Attribution -> Source|Outlet   (the origin; absent when the
                                                   source is unspecified)
    ASSERTS        Attribution -> Claim
    SIMILAR_TO     Claim -> Claim                 {score}

In networkx, node keys are ``"<label>:<id>"`` (see :func:`node_key`), every
node has a ``label`` attribute plus its properties, and the edge key of a
MultiDiGraph edge is its relationship type.

The chain of one attribution is
``Article -> VIA[0] -> VIA[1] ... -> origin -> Claim``.
"""

from __future__ import annotations

from typing import Final

ARTICLE: Final = "Article"
OUTLET: Final = "Outlet"
SOURCE: Final = "Source"
CLAIM: Final = "Claim"
ATTRIBUTION: Final = "Attribution"
LABELS: Final = (ARTICLE, OUTLET, SOURCE, CLAIM, ATTRIBUTION)

PUBLISHED_BY: Final = "PUBLISHED_BY"
CONTAINS: Final = "CONTAINS"
VIA: Final = "VIA"
ATTRIBUTED_TO: Final = "ATTRIBUTED_TO"
ASSERTS: Final = "ASSERTS"
SIMILAR_TO: Final = "SIMILAR_TO"
REL_TYPES: Final = (PUBLISHED_BY, CONTAINS, VIA, ATTRIBUTED_TO, ASSERTS, SIMILAR_TO)


def node_key(label: str, id_: str) -> str:
    """The networkx node key of a node.

    >>> node_key("Claim", "ab12")
    'Claim:ab12'
    """
    if label not in LABELS:
        raise ValueError(f"unknown node label {label!r}")
    return f"{label}:{id_}"


def split_key(key: str) -> tuple[str, str]:
    """Inverse of :func:`node_key`.

    >>> split_key("Outlet:reuters")
    ('Outlet', 'reuters')
    """
    label, _, id_ = key.partition(":")
    if label not in LABELS or not id_:
        raise ValueError(f"not a node key: {key!r}")
    return label, id_

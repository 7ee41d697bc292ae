"""Every Cypher statement the Neo4j store runs, as named constants.

Values always travel as ``$parameters``; labels and relationship types come
only from :mod:`graph.schema` (the per-label tables below are built from that
fixed set at import time, never from input). The statements avoid APOC,
full-text indexes and ``elementId`` so they run on Neo4j 5 and on ArcadeDB's
Bolt server alike.

>>> MERGE_EDGE[("VIA", "Attribution", "Outlet")].split("MERGE")[1].strip()
'(a)-[r:VIA {position: row.position}]->(b) SET r = row.props'
"""

from __future__ import annotations

from typing import Final

from graph import schema
from graph.search import display_field

CONSTRAINTS: Final = tuple(
    f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
    for label in schema.LABELS
)
INDEXES: Final = (
    "CREATE INDEX attribution_article IF NOT EXISTS FOR (n:Attribution) ON (n.article_id)",
    "CREATE INDEX source_article IF NOT EXISTS FOR (n:Source) ON (n.article_id)",
    "CREATE INDEX claim_group IF NOT EXISTS FOR (n:Claim) ON (n.group)",
)

PING: Final = "RETURN 1 AS ok"

ARTICLE_HASHES: Final = (
    "UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a.id AS id, a.content_hash AS hash"
)
COUNT_ATTRIBUTIONS_OF: Final = (
    "UNWIND $ids AS id MATCH (at:Attribution {article_id: id}) RETURN id, count(at) AS n"
)

# Replacing articles: find the shared nodes they touch, delete what they own,
# then the shared nodes nothing points at any more.
SHARED_OF_ARTICLES: Final = (
    "UNWIND $ids AS aid MATCH (a:Article {id: aid})-[*1..2]->(m) "
    "WHERE m.article_id IS NULL "
    "RETURN DISTINCT labels(m)[0] AS label, m.id AS id"
)
DELETE_ATTRIBUTIONS: Final = (
    "UNWIND $ids AS aid MATCH (at:Attribution {article_id: aid}) DETACH DELETE at"
)
DELETE_ARTICLE_SOURCES: Final = (
    "UNWIND $ids AS aid MATCH (s:Source {article_id: aid}) DETACH DELETE s"
)
DELETE_PUBLISHED_BY: Final = (
    "UNWIND $ids AS aid MATCH (:Article {id: aid})-[r:PUBLISHED_BY]->() DELETE r"
)
ORPHAN_CLAIMS: Final = (
    "UNWIND $ids AS id MATCH (c:Claim {id: id}) OPTIONAL MATCH (c)<-[r:ASSERTS]-() "
    "WITH c, count(r) AS n WHERE n = 0 RETURN c.id AS id"
)
ORPHANS: Final = {
    label: (
        f"UNWIND $ids AS id MATCH (n:{label} {{id: id}}) OPTIONAL MATCH (n)-[r]-() "
        "WITH n, count(r) AS k WHERE k = 0 RETURN n.id AS id"
    )
    for label in (schema.SOURCE, schema.OUTLET)
}
DELETE_NODES: Final = {
    label: f"UNWIND $ids AS id MATCH (n:{label} {{id: id}}) DETACH DELETE n"
    for label in schema.LABELS
}

# Nodes an article owns are overwritten; shared nodes keep their first
# properties and collect roles/aliases.
MERGE_OWNED: Final = {
    label: f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET n = row.props"
    for label in (schema.ARTICLE, schema.ATTRIBUTION, schema.SOURCE)
}
MERGE_SHARED: Final = {
    label: (
        f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) "
        "ON CREATE SET n = row.props "
        "ON MATCH SET n.roles = coalesce(n.roles, []) + "
        "[x IN coalesce(row.props.roles, []) WHERE NOT x IN coalesce(n.roles, [])], "
        "n.aliases = coalesce(n.aliases, []) + "
        "[x IN coalesce(row.props.aliases, []) WHERE NOT x IN coalesce(n.aliases, [])]"
    )
    for label in (schema.SOURCE, schema.OUTLET, schema.CLAIM)
}

# (type, start label, end label) -> statement, for every combination the schema allows.
_EDGE_ENDS: Final = {
    schema.PUBLISHED_BY: ((schema.ARTICLE, schema.OUTLET),),
    schema.CONTAINS: ((schema.ARTICLE, schema.ATTRIBUTION),),
    schema.VIA: ((schema.ATTRIBUTION, schema.OUTLET), (schema.ATTRIBUTION, schema.SOURCE)),
    schema.ATTRIBUTED_TO: (
        (schema.ATTRIBUTION, schema.SOURCE),
        (schema.ATTRIBUTION, schema.OUTLET),
    ),
    schema.ASSERTS: ((schema.ATTRIBUTION, schema.CLAIM),),
    schema.SIMILAR_TO: ((schema.CLAIM, schema.CLAIM),),
}
MERGE_EDGE: Final = {
    (rel, start, end): (
        f"UNWIND $rows AS row MATCH (a:{start} {{id: row.start}}) "
        f"MATCH (b:{end} {{id: row.end}}) "
        + (
            f"MERGE (a)-[r:{rel} {{position: row.position}}]->(b) SET r = row.props"
            if rel == schema.VIA
            else f"MERGE (a)-[r:{rel}]->(b) SET r = row.props"
        )
    )
    for rel, ends in _EDGE_ENDS.items()
    for start, end in ends
}

# Reading.
ARTICLE_HASH: Final = "MATCH (a:Article {id: $id}) RETURN a.content_hash AS hash"
# The store's version: a token every write transaction replaces (on a node outside the
# schema labels, so no graph read ever sees it).
BUMP_VERSION: Final = "MERGE (m:StoreMeta {id: 'store'}) SET m.version = $token"
VERSION: Final = "MATCH (m:StoreMeta {id: 'store'}) RETURN m.version AS version"
COUNT_NODES: Final = {label: f"MATCH (n:{label}) RETURN count(n) AS n" for label in schema.LABELS}
COUNT_RELATIONSHIPS: Final = "MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS n"
NODE: Final = {
    label: f"MATCH (n:{label} {{id: $id}}) RETURN properties(n) AS props" for label in schema.LABELS
}
NODES: Final = {
    label: f"UNWIND $ids AS id MATCH (n:{label} {{id: id}}) RETURN properties(n) AS props"
    for label in schema.LABELS
}
ALL_NODES: Final = {
    label: f"MATCH (n:{label}) RETURN properties(n) AS props" for label in schema.LABELS
}
# Search candidates: nodes of one label whose property contains $q (lower case), with the
# number of relationships pointing at them; ranked by graph.search.rank, not here.
SEARCH: Final = {
    (label, prop): (
        f"MATCH (n:{label}) WHERE toLower(coalesce(n.{prop}, '')) CONTAINS $q "
        "OPTIONAL MATCH (n)<-[r]-() "
        "WITH n, count(r) AS cited "
        f"RETURN n.id AS id, n.{display_field(label)} AS name, n.type AS type, cited "
        "ORDER BY cited DESC, id LIMIT $limit"
    )
    for label in schema.LABELS
    for prop in {display_field(label), "text"}
}
OUT_EDGES: Final = {
    label: (
        f"UNWIND $ids AS id MATCH (n:{label} {{id: id}})-[r]->(m) "
        "RETURN n.id AS id, type(r) AS type, labels(m)[0] AS label, m.id AS other, "
        "properties(r) AS props"
    )
    for label in schema.LABELS
}
IN_EDGES: Final = {
    label: (
        f"UNWIND $ids AS id MATCH (n:{label} {{id: id}})<-[r]-(m) "
        "RETURN n.id AS id, type(r) AS type, labels(m)[0] AS label, m.id AS other, "
        "properties(r) AS props"
    )
    for label in schema.LABELS
}
ALL_EDGES: Final = (
    "MATCH (a)-[r]->(b) RETURN labels(a)[0] AS start_label, a.id AS start, type(r) AS type, "
    "labels(b)[0] AS end_label, b.id AS end, properties(r) AS props"
)
CHAIN_LINKS: Final = (
    "MATCH (c:Claim {id: $id})<-[:ASSERTS]-(at:Attribution)-[r]-(x) "
    "RETURN at.id AS attribution, type(r) AS type, labels(x)[0] AS label, x.id AS id, "
    "r.position AS position"
)
ATTRIBUTIONS_ALL: Final = "MATCH (at:Attribution) RETURN properties(at) AS props"
ATTRIBUTIONS_OF_ARTICLE: Final = (
    "MATCH (at:Attribution {article_id: $id}) RETURN properties(at) AS props"
)
ATTRIBUTIONS_OF_OUTLET: Final = (
    "MATCH (:Outlet {id: $id})<-[:PUBLISHED_BY]-(:Article)-[:CONTAINS]->(at:Attribution) "
    "RETURN properties(at) AS props"
)
ATTRIBUTIONS_OF_SOURCE: Final = {
    label: (
        f"MATCH (at:Attribution)-[:ATTRIBUTED_TO]->(:{label} {{id: $id}}) "
        "RETURN properties(at) AS props"
    )
    for label in (schema.SOURCE, schema.OUTLET)
}
CLAIMS: Final = (
    "MATCH (c:Claim) RETURN c.id AS id, c.text AS text, c.group AS claim_group, "
    "c.first_seen AS first_seen, c.last_seen AS last_seen ORDER BY id"
)

# Claim groups: every SIMILAR_TO link (with the user's splits), the group and day range
# of claims the index changed, and a group's members (for Neo4j users too).
CLAIM_LINKS: Final = (
    "MATCH (a:Claim)-[r:SIMILAR_TO]->(b:Claim) WHERE r.reason IS NOT NULL "
    "RETURN a.id AS a, b.id AS b, r.score AS score, r.split AS split"
)
SET_CLAIM_PROPS: Final = (
    "UNWIND $rows AS row MATCH (c:Claim {id: row.id}) "
    "SET c.group = row.group, c.first_seen = row.first_seen, c.last_seen = row.last_seen"
)
CLAIM_GROUP: Final = "MATCH (c:Claim {group: $group}) RETURN c.id AS id, c.text AS text ORDER BY id"
DELETE_LABEL: Final = {label: f"MATCH (n:{label}) DETACH DELETE n" for label in schema.LABELS}

"""The Neo4j store: the graph in a Neo4j 5 (or any Bolt/Cypher) server.

Writes are ``UNWIND $rows AS row MERGE ...`` in chunks of ``batch_rows``
rows, one transaction per batch of articles; every statement lives in
:mod:`graph.store.cypher`. Opening checks the connection and the credentials
and raises :class:`~graph.errors.StoreUnavailableError` within seconds when
the server cannot be used.
"""

from __future__ import annotations

import secrets
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import neo4j
import networkx as nx
from neo4j.exceptions import AuthError, DriverError, Neo4jError

from graph import schema
from graph.build import ArticleRows, GraphBuilder, merge_props
from graph.claims import Link, day_of
from graph.errors import NotFoundError, StoreError, StoreUnavailableError
from graph.identity import canonicalise
from graph.search import CANDIDATES_PER_LABEL, Candidate, Hit, normalise, rank
from graph.store import cypher
from graph.store.common import (
    Edge,
    StoreBase,
    chains_from,
    check_labels,
    expand,
    outlet_filter_id,
    search_fields,
    source_key,
)

_OWNED_LABELS = (schema.ARTICLE, schema.ATTRIBUTION)


class Neo4jStore(StoreBase):
    """A :class:`~graph.store.base.GraphStore` on a Bolt server at ``uri``."""

    def __init__(
        self,
        uri: str,
        *,
        user: str = "neo4j",
        password: str = "",
        database: str | None = None,
        batch_rows: int = 1000,
        timeout: float = 5.0,
    ) -> None:
        self.uri = uri
        self.database = database
        self.batch_rows = max(1, batch_rows)
        try:
            self._driver = neo4j.GraphDatabase.driver(
                uri,
                auth=(user, password),
                connection_timeout=timeout,
                connection_acquisition_timeout=timeout,
                max_transaction_retry_time=timeout,
            )
        except (ValueError, DriverError, Neo4jError) as e:
            raise StoreError(f"{uri}: not a usable Neo4j URI: {e}") from e
        try:
            self._driver.verify_connectivity()
            self._driver.verify_authentication()
            with self._session() as session:
                session.run(cypher.PING).consume()
                for statement in (*cypher.CONSTRAINTS, *cypher.INDEXES):
                    session.run(statement).consume()
        except AuthError as e:
            self._driver.close()
            raise StoreUnavailableError(
                f"{uri}: the server refused the credentials of user {user!r}"
            ) from e
        except (DriverError, OSError) as e:
            self._driver.close()
            raise StoreUnavailableError(f"{uri}: the Neo4j server is unreachable: {e}") from e
        except Neo4jError as e:
            self._driver.close()
            raise StoreUnavailableError(f"{uri}: cannot use the database: {e}") from e

    def _session(self) -> neo4j.Session:
        return self._driver.session(database=self.database)

    def _read(self, query: str, **params: Any) -> list[dict[str, Any]]:
        try:
            records, _, _ = self._driver.execute_query(
                query, params, database_=self.database, routing_=neo4j.RoutingControl.READ
            )
        except (Neo4jError, DriverError) as e:
            raise StoreError(f"{self.uri}: query failed: {e}") from e
        return [r.data() for r in records]

    # -- writing: the hooks of StoreBase's write path ---------------------------------------

    def _seed_builder(self) -> GraphBuilder:
        """A builder seeded with the claims already stored."""
        builder = GraphBuilder()
        self._seed_claims(builder)
        return builder

    def _seed_claims(self, builder: GraphBuilder) -> None:
        """Load the stored claims (vectors are not stored here: re-encoded) and their links.

        Claims from before meaning-based grouping (no ``first_seen`` and no new-style
        links) keep their groups until their articles are written again.
        """
        rows = self._read(cypher.CLAIMS)
        texts = [r["text"] or "" for r in rows]
        vectors = builder.claims.encode(texts)[0] if rows else None
        for k, r in enumerate(rows):
            assert vectors is not None
            days = (day_of(r["first_seen"]), day_of(r["last_seen"]))
            builder.claims.load(r["id"], texts[k], vectors[k], days, r["claim_group"] or r["id"])
        for r in self._read(cypher.CLAIM_LINKS):
            if r["a"] in builder.claims and r["b"] in builder.claims:
                builder.claims.load_link(r["a"], r["b"], float(r["score"]), split=bool(r["split"]))

    def _write_claim_changes(
        self,
        tx: neo4j.Transaction,
        updates: Iterable[tuple[str, dict[str, Any]]],
        links: Iterable[Link],
    ) -> None:
        rows = [{"start": k.a, "end": k.b, "props": k.props()} for k in links]
        key = (schema.SIMILAR_TO, schema.CLAIM, schema.CLAIM)
        self._unwind(tx, cypher.MERGE_EDGE[key], rows)
        self._unwind(tx, cypher.SET_CLAIM_PROPS, [{"id": c, **p} for c, p in updates])

    def split_claim(self, claim_id: str) -> list[str]:
        """Take a claim out of its group for good (a user's correction).

        Returns the claims it was split from; regrouping never joins them again.
        """
        builder = self.builder
        if claim_id not in builder.claims:
            raise NotFoundError(f"no claim {claim_id!r} in {self.uri}")
        update, splits = builder.claims.split(claim_id)
        try:
            with self._session() as session, session.begin_transaction() as tx:
                self._write_claim_changes(tx, builder.claim_updates(update), splits)
                tx.commit()
        except (Neo4jError, DriverError, OSError) as e:
            self._builder = None
            raise StoreError(f"{self.uri}: write failed: {e}") from e
        return sorted(s.b if s.a == claim_id else s.a for s in splits)

    @contextmanager
    def _transaction(self) -> Iterator[neo4j.Transaction]:
        try:
            with self._session() as session, session.begin_transaction() as tx:
                yield tx
                tx.commit()
        except (Neo4jError, DriverError, OSError) as e:
            raise StoreError(f"{self.uri}: write failed: {e}") from e

    def _hashes(self, tx: neo4j.Transaction, ids: Sequence[str]) -> dict[str, str]:
        return {r["id"]: r["hash"] for r in tx.run(cypher.ARTICLE_HASHES, ids=list(ids))}

    def _stored_hash(self, article_id: str) -> str | None:
        rows = self._read(cypher.ARTICLE_HASH, id=article_id)
        return str(rows[0]["hash"]) if rows else None

    def _attribution_counts(self, tx: neo4j.Transaction, ids: Sequence[str]) -> dict[str, int]:
        return {r["id"]: int(r["n"]) for r in tx.run(cypher.COUNT_ATTRIBUTIONS_OF, ids=list(ids))}

    def _delete_articles(self, tx: neo4j.Transaction, ids: Sequence[str]) -> list[str]:
        ids = list(ids)
        shared: dict[str, list[str]] = defaultdict(list)
        for r in tx.run(cypher.SHARED_OF_ARTICLES, ids=ids):
            shared[r["label"]].append(r["id"])
        tx.run(cypher.DELETE_ATTRIBUTIONS, ids=ids).consume()
        tx.run(cypher.DELETE_ARTICLE_SOURCES, ids=ids).consume()
        tx.run(cypher.DELETE_PUBLISHED_BY, ids=ids).consume()
        claims = [r["id"] for r in tx.run(cypher.ORPHAN_CLAIMS, ids=shared[schema.CLAIM])]
        tx.run(cypher.DELETE_NODES[schema.CLAIM], ids=claims).consume()
        builder = self.builder
        for cid in claims:  # the claims left behind regroup (StoreBase's discard is then a no-op)
            update = builder.claims.discard(cid)
            self._write_claim_changes(tx, builder.claim_updates(update), [])
        for label, query in cypher.ORPHANS.items():
            gone = [r["id"] for r in tx.run(query, ids=shared[label])]
            tx.run(cypher.DELETE_NODES[label], ids=gone).consume()
        return claims

    def _unwind(self, tx: neo4j.Transaction, query: str, rows: list[dict[str, Any]]) -> None:
        for i in range(0, len(rows), self.batch_rows):
            tx.run(query, rows=rows[i : i + self.batch_rows]).consume()

    def _insert(self, tx: neo4j.Transaction, written: Sequence[ArticleRows]) -> None:
        owned: dict[str, list[dict[str, Any]]] = defaultdict(list)
        shared: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
        edges: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
        for rows in written:
            for n in rows.nodes:
                if n.owner is not None or n.label in _OWNED_LABELS:
                    owned[n.label].append({"id": n.id, "props": n.props})
                else:
                    have = shared[n.label].get(n.id)
                    props = merge_props(have, n.props) if have else n.props
                    shared[n.label][n.id] = props
            for e in rows.edges:
                start_label, start = schema.split_key(e.start)
                end_label, end = schema.split_key(e.end)
                row: dict[str, Any] = {"start": start, "end": end, "props": e.props}
                if e.type == schema.VIA:
                    row["position"] = e.discriminator
                edges[(e.type, start_label, end_label)].append(row)
        for label, node_rows in owned.items():
            self._unwind(tx, cypher.MERGE_OWNED[label], node_rows)
        for label, by_id in shared.items():
            self._unwind(
                tx, cypher.MERGE_SHARED[label], [{"id": k, "props": v} for k, v in by_id.items()]
            )
        for (rel, start_label, end_label), edge_rows in edges.items():
            self._unwind(tx, cypher.MERGE_EDGE[(rel, start_label, end_label)], edge_rows)
        claims = {cid: props for rows in written for cid, props in rows.claims}
        self._unwind(tx, cypher.SET_CLAIM_PROPS, [{"id": c, **p} for c, p in claims.items()])
        tx.run(cypher.BUMP_VERSION, token=secrets.token_hex(8)).consume()

    # -- reading -----------------------------------------------------------------------------

    def version(self) -> str:
        rows = self._read(cypher.VERSION)
        return f"neo4j:{rows[0]['version'] if rows else 'empty'}"

    def counts(self) -> dict[str, dict[str, int]]:
        nodes = {label: int(self._read(q)[0]["n"]) for label, q in cypher.COUNT_NODES.items()}
        rels = {r["type"]: int(r["n"]) for r in self._read(cypher.COUNT_RELATIONSHIPS)}
        return {
            "nodes": nodes,
            "relationships": {t: rels.get(t, 0) for t in schema.REL_TYPES},
        }

    def node(self, key: str) -> dict[str, Any] | None:
        try:
            label, id_ = schema.split_key(key)
        except ValueError:
            return None
        rows = self._read(cypher.NODE[label], id=id_)
        return {**rows[0]["props"], "label": label} if rows else None

    def search(self, text: str, *, labels: Sequence[str] = (), limit: int = 20) -> list[str]:
        return [hit.key for hit in self.search_hits(text, labels=labels, limit=limit)]

    def search_hits(self, text: str, *, labels: Sequence[str] = (), limit: int = 20) -> list[Hit]:
        check_labels(labels)
        needle = normalise(text)
        if not needle:
            return []
        candidates = [
            Candidate(
                key=schema.node_key(label, r["id"]),
                label=label,
                name=str(r["name"] or schema.node_key(label, r["id"])),
                cited=int(r["cited"] or 0),
                type=str(r["type"] or ""),
            )
            for label, prop in search_fields(labels)
            for r in self._read(cypher.SEARCH[label, prop], q=needle, limit=CANDIDATES_PER_LABEL)
        ]
        return rank(text, candidates, limit=limit)

    def _links(self, keys: Sequence[str]) -> list[Edge]:
        by_label: dict[str, list[str]] = defaultdict(list)
        for key in keys:
            label, id_ = schema.split_key(key)
            by_label[label].append(id_)
        out = []
        for label, ids in by_label.items():
            for r in self._read(cypher.OUT_EDGES[label], ids=ids):
                other = schema.node_key(r["label"], r["other"])
                out.append((schema.node_key(label, r["id"]), r["type"], other, r["props"]))
            for r in self._read(cypher.IN_EDGES[label], ids=ids):
                other = schema.node_key(r["label"], r["other"])
                out.append((other, r["type"], schema.node_key(label, r["id"]), r["props"]))
        return out

    def _graph_of(self, keys: Iterable[str], edges: Iterable[Edge]) -> nx.MultiDiGraph:
        G = nx.MultiDiGraph()
        by_label: dict[str, list[str]] = defaultdict(list)
        for key in keys:
            label, id_ = schema.split_key(key)
            by_label[label].append(id_)
        for label, ids in by_label.items():
            for r in self._read(cypher.NODES[label], ids=ids):
                G.add_node(schema.node_key(label, r["props"]["id"]), label=label, **r["props"])
        for src, type_, dst, props in edges:
            if src in G and dst in G:
                G.add_edge(src, dst, key=type_, **props)
        return G

    def neighbourhood(self, key: str, *, depth: int = 1, limit: int = 500) -> nx.MultiDiGraph:
        if self.node(key) is None:
            raise NotFoundError(f"no node {key!r} in {self.uri}")
        keys, _ = expand(key, depth, limit, self._links)
        return self._graph_of(keys, self._links(keys))

    def chains(self, claim_id: str) -> list[list[str]]:
        if not self._read(cypher.NODE[schema.CLAIM], id=claim_id):
            raise NotFoundError(f"no claim {claim_id!r} in {self.uri}")
        links: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
        for r in self._read(cypher.CHAIN_LINKS, id=claim_id):
            other = schema.node_key(r["label"], r["id"])
            links[r["attribution"]].append((r["type"], other, int(r["position"] or 0)))
        return chains_from(schema.node_key(schema.CLAIM, claim_id), list(links.items()))

    def attributions(
        self,
        *,
        article_id: str | None = None,
        outlet: str | None = None,
        source_id: str | None = None,
    ) -> list[dict[str, Any]]:
        sets: list[dict[str, dict[str, Any]]] = []

        def add(rows: list[dict[str, Any]]) -> None:
            sets.append({r["props"]["id"]: r["props"] for r in rows})

        if article_id is not None:
            add(self._read(cypher.ATTRIBUTIONS_OF_ARTICLE, id=article_id))
        if outlet is not None:
            add(self._read(cypher.ATTRIBUTIONS_OF_OUTLET, id=outlet_filter_id(outlet)))
        if source_id is not None:
            rows: list[dict[str, Any]] = []
            for key in set(source_key(source_id)):
                label, id_ = schema.split_key(key)
                if label in cypher.ATTRIBUTIONS_OF_SOURCE:
                    rows += self._read(cypher.ATTRIBUTIONS_OF_SOURCE[label], id=id_)
            add(rows)
        if not sets:
            add(self._read(cypher.ATTRIBUTIONS_ALL))
        common = set(sets[0]).intersection(*sets[1:])
        found = [sets[0][i] for i in common]
        found.sort(key=lambda p: (p["article_id"], p["sentence_start"], p["cue_start"]))
        return found

    def to_networkx(self, *, labels: Sequence[str] | None = None) -> nx.MultiDiGraph:
        check_labels(labels or ())
        G = nx.MultiDiGraph()
        for label in labels or schema.LABELS:
            for r in self._read(cypher.ALL_NODES[label]):
                G.add_node(schema.node_key(label, r["props"]["id"]), label=label, **r["props"])
        for r in self._read(cypher.ALL_EDGES):
            src = schema.node_key(r["start_label"], r["start"])
            dst = schema.node_key(r["end_label"], r["end"])
            if src in G and dst in G:
                G.add_edge(src, dst, key=r["type"], **r["props"])
        return canonicalise(G) if not labels else G

    def clear(self) -> None:
        """Delete every node of the schema's labels (for tests and benchmarks)."""
        with self._session() as session:
            for query in cypher.DELETE_LABEL.values():
                session.run(query).consume()
        self._builder = None

    def close(self) -> None:
        self._driver.close()

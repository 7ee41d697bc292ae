"""The embedded store: the whole graph in one SQLite file, no server.

Each article (or each batch of articles) is written in one transaction, with
SQLite's rollback journal (``journal_mode=DELETE``, ``synchronous=FULL``): a
crash mid-write leaves a hot journal that the next open rolls back, so the
file only ever holds whole articles, and at rest the store is one file (WAL
would keep ``-wal``/``-shm`` files beside it and need a checkpoint on close,
which a killed process never runs).

>>> import tempfile, pathlib
>>> from graph.model import Article
>>> path = pathlib.Path(tempfile.mkdtemp()) / "graph.sqlite"
>>> store = EmbeddedStore(path)
>>> store.write_article(Article.create(text="Nothing said.", outlet="Reuters"), []).status
'added'
>>> store.counts()["nodes"]["Outlet"]
1
>>> store.close()
"""

from __future__ import annotations

import functools
import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import networkx as nx

from graph import schema
from graph.build import ArticleRows, GraphBuilder, merge_props
from graph.claims import Link, Update, day_of
from graph.errors import NotFoundError, StoreError
from graph.identity import canonicalise
from graph.search import (
    CANDIDATES_PER_LABEL,
    Candidate,
    Hit,
    display_field,
    normalise,
    rank,
)
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
from graph.store.sqlite_claims import DDL as claim_index_ddl
from graph.store.sqlite_claims import SqliteClaimIndex

APPLICATION_ID = 0x53545243  # "STRC": marks a sourcetrace store
SCHEMA_VERSION = 1
SQLITE_MAGIC = b"SQLite format 3\x00"

_DDL = """
CREATE TABLE IF NOT EXISTS nodes (
    key   TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    id    TEXT NOT NULL,
    owner TEXT,
    props TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS nodes_label ON nodes(label);
CREATE INDEX IF NOT EXISTS nodes_owner ON nodes(owner) WHERE owner IS NOT NULL;
CREATE TABLE IF NOT EXISTS edges (
    src   TEXT NOT NULL,
    type  TEXT NOT NULL,
    dst   TEXT NOT NULL,
    k     INTEGER NOT NULL DEFAULT 0,
    props TEXT NOT NULL,
    PRIMARY KEY (src, type, dst, k)
);
CREATE INDEX IF NOT EXISTS edges_dst ON edges(dst, type);
CREATE INDEX IF NOT EXISTS edges_type ON edges(type);
"""


_F = TypeVar("_F", bound=Callable[..., Any])


def _reading(method: _F) -> _F:
    """Turn SQLite errors of a read (a locked or damaged file) into a StoreError."""

    @functools.wraps(method)
    def wrapper(self: EmbeddedStore, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: cannot read the store: {e}") from e

    return wrapper  # type: ignore[return-value]


class EmbeddedStore(StoreBase):
    """A :class:`~graph.store.base.GraphStore` in one SQLite file at ``path``."""

    def __init__(self, path: str | Path, *, batch_size: int = 50) -> None:
        self.path = Path(path)
        self.batch_size = batch_size
        self._lock = threading.RLock()
        self._check_file()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False, timeout=10
            )
            self._db.execute("PRAGMA journal_mode=DELETE")
            self._db.execute("PRAGMA synchronous=FULL")
            self._init_schema()  # its first read rolls back a hot journal a crash left
            self._clear_stale_journal()
        except (sqlite3.Error, OSError) as e:
            raise StoreError(f"{self.path}: cannot open the store: {e}") from e

    def _check_file(self) -> None:
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a directory, not a store file")
        if not self.path.exists() or self.path.stat().st_size == 0:
            return
        try:
            with self.path.open("rb") as f:
                head = f.read(len(SQLITE_MAGIC))
        except OSError as e:
            raise StoreError(f"{self.path}: cannot read the store: {e}") from e
        if head != SQLITE_MAGIC:
            raise StoreError(f"{self.path}: not a sourcetrace store (not an SQLite file)")

    @property
    def journal(self) -> Path:
        """SQLite's rollback journal beside the store, there only while a write is under way."""
        return self.path.with_name(self.path.name + "-journal")

    def _clear_stale_journal(self) -> None:
        """Leave no journal at rest after a crash.

        A hot journal (a killed write) was rolled back by the first read. One
        that is still there is either a live writer's (it holds the write lock)
        or one SQLite ignores as not hot (its header was never written). Only
        SQLite itself may remove it: a write transaction that rewrites page 1
        with the same value makes SQLite reuse and, on commit, delete it. If
        another writer holds the lock, its journal is its own: leave it.
        """
        if not self.journal.exists():
            return
        db = self._db
        db.execute("PRAGMA busy_timeout=0")
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:  # a live writer: its journal, not a stale one
            return
        finally:
            db.execute("PRAGMA busy_timeout=10000")
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            db.execute(f"PRAGMA user_version={int(version)}")
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    def _init_schema(self) -> None:
        db = self._db
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id != APPLICATION_ID and tables:
            raise StoreError(f"{self.path}: an SQLite file but not a sourcetrace store")
        if app_id == APPLICATION_ID:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: store schema version {version} is newer than this "
                    f"sourcetrace ({SCHEMA_VERSION})"
                )
            return
        db.execute("BEGIN IMMEDIATE")
        for statement in [*_DDL.split(";"), *claim_index_ddl]:
            if statement.strip():
                db.execute(statement)
        db.execute(f"PRAGMA application_id={APPLICATION_ID}")
        db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        db.execute("COMMIT")

    # -- writing: the hooks of StoreBase's write path ---------------------------------------

    def _seed_builder(self) -> GraphBuilder:
        """A builder whose claim index lives in the file."""
        index = SqliteClaimIndex(self._db)
        missing = index.seed()
        builder = GraphBuilder(claims=index)
        if missing:
            self._group_claims(builder, missing)
        return builder

    def _group_claims(self, builder: GraphBuilder, claims: list[str]) -> None:
        """Index claims stored without vectors (a store from before meaning-based grouping).

        Their old word-rule links go; each article's claims are then seen as at ingest.
        """
        db = self._db
        keys = [schema.node_key(schema.CLAIM, c) for c in claims]
        by_article: dict[str, list[tuple[str, str]]] = {}
        db.execute("BEGIN IMMEDIATE")
        try:
            for key in keys:
                db.execute(
                    "DELETE FROM edges WHERE type=? AND (src=? OR dst=?) "
                    "AND json_extract(props, '$.reason') IS NULL",
                    (schema.SIMILAR_TO, key, key),
                )
                text = json.loads(
                    db.execute("SELECT props FROM nodes WHERE key=?", (key,)).fetchone()[0]
                ).get("text", "")
                for (owner,) in db.execute(
                    "SELECT n.owner FROM edges e JOIN nodes n ON n.key = e.src "
                    "WHERE e.dst=? AND e.type=?",
                    (key, schema.ASSERTS),
                ):
                    by_article.setdefault(owner, []).append((key.partition(":")[2], text))
            for article_id in sorted(by_article):
                row = db.execute(
                    "SELECT json_extract(props, '$.published') FROM nodes WHERE key=?",
                    (schema.node_key(schema.ARTICLE, article_id),),
                ).fetchone()
                update = builder.claims.observe(by_article[article_id], day_of(row and row[0]))
                self._write_claim_changes(builder, update, [])
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            self._builder = None
            raise

    def _write_claim_changes(
        self, builder: GraphBuilder, update: Update, links: Sequence[Link]
    ) -> None:
        """Write an index change: SIMILAR_TO links, then the claims' new properties."""
        self._db.executemany(
            "INSERT OR REPLACE INTO edges(src, type, dst, k, props) VALUES (?,?,?,0,?)",
            [
                (
                    schema.node_key(schema.CLAIM, link.a),
                    schema.SIMILAR_TO,
                    schema.node_key(schema.CLAIM, link.b),
                    json.dumps(link.props(), ensure_ascii=False),
                )
                for link in [*update.links, *links]
            ],
        )
        self._set_claims(builder.claim_updates(update))

    def _set_claims(self, updates: Iterable[tuple[str, dict[str, Any]]]) -> None:
        self._db.executemany(
            "UPDATE nodes SET props = json_patch(props, ?) WHERE key = ?",
            [
                (json.dumps(props, ensure_ascii=False), schema.node_key(schema.CLAIM, cid))
                for cid, props in updates
            ],
        )

    def split_claim(self, claim_id: str) -> list[str]:
        """Take a claim out of its group for good (a user's correction).

        Returns the claims it was split from; regrouping never joins them again.
        """
        with self._lock:
            builder = self.builder
            if claim_id not in builder.claims:
                raise NotFoundError(f"no claim {claim_id!r} in {self.path}")
            try:
                self._db.execute("BEGIN IMMEDIATE")
                update, splits = builder.claims.split(claim_id)
                self._write_claim_changes(builder, update, splits)
                self._db.execute("COMMIT")
            except BaseException as e:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                self._builder = None
                if isinstance(e, sqlite3.Error):
                    raise StoreError(f"{self.path}: write failed: {e}") from e
                raise
            return sorted(s.b if s.a == claim_id else s.a for s in splits)

    def _rows(self, sql: str, *params: Any) -> Iterator[tuple[str, dict[str, Any]]]:
        for id_, props in self._db.execute(sql, params).fetchall():
            yield id_, json.loads(props)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                yield self._db
                self._db.execute("COMMIT")
            except BaseException as e:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                if isinstance(e, sqlite3.Error):
                    raise StoreError(f"{self.path}: write failed: {e}") from e
                raise

    def _hashes(self, tx: Any, ids: Sequence[str]) -> dict[str, str]:
        return {i: h for i in ids if (h := self._content_hash(i)) is not None}

    def _stored_hash(self, article_id: str) -> str | None:
        try:
            with self._lock:
                return self._content_hash(article_id)
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: cannot read the store: {e}") from e

    def _content_hash(self, article_id: str) -> str | None:
        row = self._db.execute(
            "SELECT json_extract(props, '$.content_hash') FROM nodes WHERE key=?",
            (schema.node_key(schema.ARTICLE, article_id),),
        ).fetchone()
        return None if row is None else str(row[0])

    def _attribution_counts(self, tx: Any, ids: Sequence[str]) -> dict[str, int]:
        counts = {}
        for article_id in ids:
            row = self._db.execute(
                "SELECT count(*) FROM nodes WHERE owner=? AND label=?",
                (article_id, schema.ATTRIBUTION),
            ).fetchone()
            counts[article_id] = int(row[0])
        return counts

    def _delete_articles(self, tx: Any, ids: Sequence[str]) -> list[str]:
        return [claim for article_id in ids for claim in self._delete_article(article_id)]

    def _delete_article(self, article_id: str) -> list[str]:
        db = self._db
        owned = [k for (k,) in db.execute("SELECT key FROM nodes WHERE owner=?", (article_id,))]
        if not owned:
            return []
        marks = ",".join("?" * len(owned))
        shared = {
            k
            for (k,) in db.execute(
                f"SELECT dst FROM edges WHERE src IN ({marks})",
                owned,
            )
        } - set(owned)
        db.execute(f"DELETE FROM edges WHERE src IN ({marks}) OR dst IN ({marks})", owned * 2)
        db.execute("DELETE FROM nodes WHERE owner=?", (article_id,))
        claims = []
        for key in sorted(shared):
            label = key.partition(":")[0]
            if label == schema.CLAIM:
                left = db.execute(
                    "SELECT 1 FROM edges WHERE dst=? AND type=? LIMIT 1", (key, schema.ASSERTS)
                ).fetchone()
            else:
                left = db.execute(
                    "SELECT 1 FROM edges WHERE dst=? OR src=? LIMIT 1", (key, key)
                ).fetchone()
            if left is None:
                db.execute("DELETE FROM edges WHERE src=? OR dst=?", (key, key))
                db.execute("DELETE FROM nodes WHERE key=?", (key,))
                if label == schema.CLAIM:
                    claims.append(key.partition(":")[2])
                    if self._builder is not None:  # the claims left behind regroup
                        update = self._builder.claims.discard(key.partition(":")[2])
                        self._set_claims(self._builder.claim_updates(update))
        return claims

    def _insert(self, tx: Any, written: Sequence[ArticleRows]) -> None:
        for rows in written:
            self._insert_rows(rows)

    def _insert_rows(self, rows: ArticleRows) -> None:
        db = self._db
        for n in rows.nodes:
            props = n.props
            if n.owner is None:
                row = db.execute("SELECT props FROM nodes WHERE key=?", (n.key,)).fetchone()
                if row is not None:
                    props = merge_props(json.loads(row[0]), props)
            db.execute(
                "INSERT OR REPLACE INTO nodes(key, label, id, owner, props) VALUES (?,?,?,?,?)",
                (n.key, n.label, n.id, n.owner, json.dumps(props, ensure_ascii=False)),
            )
        db.executemany(
            "INSERT OR REPLACE INTO edges(src, type, dst, k, props) VALUES (?,?,?,?,?)",
            [
                (e.start, e.type, e.end, e.discriminator, json.dumps(e.props, ensure_ascii=False))
                for e in rows.edges
            ],
        )
        self._set_claims(rows.claims)

    # -- reading -----------------------------------------------------------------------------

    def version(self) -> str:
        """SQLite's file change counter (header bytes 24-27), which every committed write
        transaction increments, whichever process wrote: one read of the file header."""
        try:
            with self.path.open("rb") as f:
                head = f.read(32)
        except OSError as e:
            raise StoreError(f"{self.path}: cannot read the store: {e}") from e
        return f"sqlite:{int.from_bytes(head[24:28], 'big')}:{int.from_bytes(head[28:32], 'big')}"

    @_reading
    def counts(self) -> dict[str, dict[str, int]]:
        with self._lock:
            nodes = dict(self._db.execute("SELECT label, count(*) FROM nodes GROUP BY label"))
            rels = dict(self._db.execute("SELECT type, count(*) FROM edges GROUP BY type"))
        return {
            "nodes": {label: int(nodes.get(label, 0)) for label in schema.LABELS},
            "relationships": {t: int(rels.get(t, 0)) for t in schema.REL_TYPES},
        }

    @_reading
    def node(self, key: str) -> dict[str, Any] | None:
        with self._lock:
            row = self._db.execute("SELECT label, props FROM nodes WHERE key=?", (key,)).fetchone()
        if row is None:
            return None
        return {**json.loads(row[1]), "label": row[0]}

    @_reading
    def search(self, text: str, *, labels: Sequence[str] = (), limit: int = 20) -> list[str]:
        return [hit.key for hit in self.search_hits(text, labels=labels, limit=limit)]

    @_reading
    def search_hits(self, text: str, *, labels: Sequence[str] = (), limit: int = 20) -> list[Hit]:
        check_labels(labels)
        needle = normalise(text)
        if not needle:
            return []
        candidates: list[Candidate] = []
        with self._lock:
            for label, field in search_fields(labels):
                sql = (
                    "SELECT key, json_extract(props, '$.' || ?), json_extract(props, '$.type'), "
                    "(SELECT count(*) FROM edges e WHERE e.dst = n.key) AS cited "
                    "FROM nodes n WHERE label = ? "
                    "AND instr(lower(coalesce(json_extract(props, '$.' || ?), '')), ?) "
                    "ORDER BY cited DESC, key LIMIT ?"
                )
                for key, value, type_, cited in self._db.execute(
                    sql, (display_field(label), label, field, needle, CANDIDATES_PER_LABEL)
                ):
                    candidates.append(
                        Candidate(
                            key=key,
                            label=label,
                            name=str(value or key),
                            cited=int(cited),
                            type=str(type_ or ""),
                        )
                    )
        return rank(text, candidates, limit=limit)

    def _edges_touching(self, keys: Sequence[str]) -> list[Edge]:
        out = []
        for i in range(0, len(keys), 400):
            chunk = list(keys[i : i + 400])
            marks = ",".join("?" * len(chunk))
            sql = (
                f"SELECT src, type, dst, props FROM edges WHERE src IN ({marks}) "
                f"UNION SELECT src, type, dst, props FROM edges WHERE dst IN ({marks})"
            )
            for src, type_, dst, props in self._db.execute(sql, chunk * 2):
                out.append((src, type_, dst, json.loads(props)))
        return out

    def _graph_of(self, keys: Iterable[str], edges: Iterable[Edge]) -> nx.MultiDiGraph:
        G = nx.MultiDiGraph()
        keys = list(keys)
        for i in range(0, len(keys), 400):
            chunk = keys[i : i + 400]
            marks = ",".join("?" * len(chunk))
            for key, label, props in self._db.execute(
                f"SELECT key, label, props FROM nodes WHERE key IN ({marks})",
                chunk,
            ):
                G.add_node(key, label=label, **json.loads(props))
        for src, type_, dst, props in edges:
            if src in G and dst in G:
                G.add_edge(src, dst, key=type_, **props)
        return G

    @_reading
    def neighbourhood(self, key: str, *, depth: int = 1, limit: int = 500) -> nx.MultiDiGraph:
        with self._lock:
            if self.node(key) is None:
                raise NotFoundError(f"no node {key!r} in {self.path}")
            keys, _ = expand(key, depth, limit, self._edges_touching)
            return self._graph_of(keys, self._edges_touching(keys))

    @_reading
    def chains(self, claim_id: str) -> list[list[str]]:
        claim = schema.node_key(schema.CLAIM, claim_id)
        with self._lock:
            if self.node(claim) is None:
                raise NotFoundError(f"no claim {claim_id!r} in {self.path}")
            ats = [
                a
                for (a,) in self._db.execute(
                    "SELECT src FROM edges WHERE dst=? AND type=?", (claim, schema.ASSERTS)
                )
            ]
            rows = []
            for at in ats:
                links = self._db.execute(
                    "SELECT type, dst, k FROM edges WHERE src=? UNION "
                    "SELECT type, src, 0 FROM edges WHERE dst=? AND type=?",
                    (at, at, schema.CONTAINS),
                ).fetchall()
                rows.append((at, links))
        return chains_from(claim, rows)

    @_reading
    def attributions(
        self,
        *,
        article_id: str | None = None,
        outlet: str | None = None,
        source_id: str | None = None,
    ) -> list[dict[str, Any]]:
        sql = "SELECT n.props FROM nodes n WHERE n.label = 'Attribution'"
        params: list[Any] = []
        if article_id is not None:
            sql += " AND n.owner = ?"
            params.append(article_id)
        if outlet is not None:
            sql += (
                " AND n.owner IN (SELECT substr(e.src, 9) FROM edges e "
                "WHERE e.type='PUBLISHED_BY' AND e.dst=?)"
            )
            params.append(schema.node_key(schema.OUTLET, outlet_filter_id(outlet)))
        if source_id is not None:
            sql += (
                " AND n.key IN (SELECT e.src FROM edges e "
                "WHERE e.type='ATTRIBUTED_TO' AND e.dst IN (?, ?))"
            )
            params += list(source_key(source_id))
        with self._lock:
            found = [json.loads(p) for (p,) in self._db.execute(sql, params)]
        found.sort(key=lambda p: (p["article_id"], p["sentence_start"], p["cue_start"]))
        return found

    @_reading
    def to_networkx(self, *, labels: Sequence[str] | None = None) -> nx.MultiDiGraph:
        check_labels(labels or ())
        G = nx.MultiDiGraph()
        with self._lock:
            if labels:
                marks = ",".join("?" * len(labels))
                nodes = self._db.execute(
                    f"SELECT key, label, props FROM nodes WHERE label IN ({marks})",
                    list(labels),
                )
            else:
                nodes = self._db.execute("SELECT key, label, props FROM nodes")
            for key, label, props in nodes:
                G.add_node(key, label=label, **json.loads(props))
            for src, type_, dst, props in self._db.execute(
                "SELECT src, type, dst, props FROM edges"
            ):
                if src in G and dst in G:
                    G.add_edge(src, dst, key=type_, **json.loads(props))
        return canonicalise(G) if not labels else G

    def close(self) -> None:
        with self._lock:
            self._db.close()

"""The claim index of the embedded store: vectors kept in its SQLite file.

Sentence vectors are stored (``claim_vectors``, float16 blobs) so opening a
store does not re-encode its claims; groups and day ranges live on the Claim
nodes, links and splits on the SIMILAR_TO edges. The index is written in the
same transaction as the graph, so a rolled-back article takes its vectors out
too. In memory: the vectors (768 bytes a claim) and the links.

>>> import sqlite3
>>> db = sqlite3.connect(":memory:")
>>> index = SqliteClaimIndex(db)
>>> _ = index.observe([("c1", "The harbour will close for repairs next winter")], None)
>>> db.execute("SELECT count(*) FROM claim_vectors").fetchone()[0]
1
"""

from __future__ import annotations

import json
import sqlite3

import numpy as np

from graph import schema
from graph.claims import ClaimIndex, day_of

DDL = (
    "CREATE TABLE IF NOT EXISTS claim_vectors (claim TEXT PRIMARY KEY, vec BLOB NOT NULL) "
    "WITHOUT ROWID",
)


class SqliteClaimIndex(ClaimIndex):
    """A :class:`~graph.claims.ClaimIndex` whose vectors persist in ``claim_vectors``."""

    def __init__(self, db: sqlite3.Connection) -> None:
        super().__init__()
        self.db = db
        for statement in DDL:
            db.execute(statement)

    def _stored(self, claim: str) -> None:
        vec = self._vec[self._row[claim]].astype(np.float16).tobytes()
        self.db.execute(
            "INSERT OR REPLACE INTO claim_vectors(claim, vec) VALUES (?, ?)", (claim, vec)
        )

    def _removed(self, claim: str) -> None:
        self.db.execute("DELETE FROM claim_vectors WHERE claim=?", (claim,))

    def seed(self) -> list[str]:
        """Load the stored claims, links and splits; return the claims that had no vector."""
        missing: list[tuple[str, dict[str, object]]] = []
        rows = self.db.execute(
            "SELECT n.id, n.props, v.vec FROM nodes n LEFT JOIN claim_vectors v ON v.claim = n.id "
            "WHERE n.label = ? ORDER BY n.id",
            (schema.CLAIM,),
        ).fetchall()
        for id_, props_json, vec in rows:
            props = json.loads(props_json)
            if vec is None:
                missing.append((id_, props))
                continue
            days = (day_of(props.get("first_seen")), day_of(props.get("last_seen")))
            vector = np.frombuffer(vec, dtype=np.float16)
            self.load(id_, str(props.get("text", "")), vector, days, str(props.get("group", id_)))
        for src, dst, props_json in self.db.execute(
            "SELECT src, dst, props FROM edges WHERE type = ?", (schema.SIMILAR_TO,)
        ):
            props = json.loads(props_json)
            a, b = schema.split_key(src)[1], schema.split_key(dst)[1]
            if a in self and b in self and "reason" in props:
                self.load_link(a, b, float(props["score"]), split=bool(props.get("split")))
        return [id_ for id_, _ in missing]

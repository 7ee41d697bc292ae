"""The claim index of the embedded store, kept in its SQLite file.

Memory stays flat however many claims the store holds, and the index is
written in the same transaction as the graph, so a rolled-back article takes
its claims out of the index too.

>>> import sqlite3
>>> db = sqlite3.connect(":memory:")
>>> index = SqliteClaimIndex(db)
>>> index.add("c1", "The harbour will close for repairs next winter", "c1")
>>> index.similar("c2", "Next winter the harbour closes for repairs")
[('c1', 'c1', 1.0)]
>>> len(index), "c1" in index, index.group("c1")
(1, True, 'c1')
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable

from graph.claims import MAX_POSTING, ClaimIndex, Terms, claim_terms

DDL = (
    "CREATE TABLE IF NOT EXISTS claim_index (claim TEXT PRIMARY KEY, grp TEXT NOT NULL, "
    "words TEXT NOT NULL, numbers TEXT NOT NULL, negated INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS claim_words (word TEXT NOT NULL, claim TEXT NOT NULL, "
    "PRIMARY KEY (word, claim)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS claim_index_numbers ON claim_index(numbers)",
    "CREATE TABLE IF NOT EXISTS claim_df (word TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID",
)
_CHUNK = 400  # SQLite's bound-parameter limit is 999 on old builds


def _chunks(items: Collection[str]) -> Iterable[list[str]]:
    seq = sorted(items)
    for i in range(0, len(seq), _CHUNK):
        yield seq[i : i + _CHUNK]


def _marks(n: int) -> str:
    return ",".join("?" * n)


class SqliteClaimIndex(ClaimIndex):
    """A :class:`~graph.claims.ClaimIndex` in the tables ``claim_index`` and ``claim_words``."""

    def __init__(self, db: sqlite3.Connection) -> None:
        super().__init__()
        self.db = db
        for statement in DDL:
            db.execute(statement)
        self._size: int | None = None

    def __len__(self) -> int:
        if self._size is None:
            self._size = int(self.db.execute("SELECT count(*) FROM claim_index").fetchone()[0])
        return self._size

    def __contains__(self, claim: object) -> bool:
        row = self.db.execute("SELECT 1 FROM claim_index WHERE claim=?", (claim,)).fetchone()
        return row is not None

    def add(self, claim: str, text: str, group: str) -> None:
        if claim in self:
            self.discard(claim)
        terms = claim_terms(text)
        self.db.execute(
            "INSERT INTO claim_index(claim, grp, words, numbers, negated) VALUES (?,?,?,?,?)",
            (
                claim,
                group,
                " ".join(sorted(terms.words)),
                " ".join(sorted(terms.numbers)),
                int(terms.negated),
            ),
        )
        rows = [(w, claim) for w in terms.words]
        self.db.executemany("INSERT INTO claim_words(word, claim) VALUES (?,?)", rows)
        self.db.executemany(
            "INSERT INTO claim_df(word, n) VALUES (?, 1) ON CONFLICT(word) DO UPDATE SET n = n + 1",
            [(w,) for w in terms.words],
        )
        if self._size is not None:
            self._size += 1

    def discard(self, claim: str) -> None:
        row = self.db.execute("SELECT words FROM claim_index WHERE claim=?", (claim,)).fetchone()
        if row is None:
            return
        words = [(w,) for w in row[0].split()]
        self.db.execute("DELETE FROM claim_index WHERE claim=?", (claim,))
        self.db.execute("DELETE FROM claim_words WHERE claim=?", (claim,))
        self.db.executemany("UPDATE claim_df SET n = n - 1 WHERE word=?", words)
        self.db.executemany("DELETE FROM claim_df WHERE word=? AND n <= 0", words)
        if self._size is not None:
            self._size -= 1

    def forget_size(self) -> None:
        """Recount on next use (after a rollback)."""
        self._size = None

    def group(self, claim: str) -> str | None:
        row = self.db.execute("SELECT grp FROM claim_index WHERE claim=?", (claim,)).fetchone()
        return None if row is None else str(row[0])

    def _dfs(self, words: Iterable[str]) -> dict[str, int]:
        words = set(words)
        out = dict.fromkeys(words, 0)
        for chunk in _chunks(words):
            out.update(
                self.db.execute(
                    f"SELECT word, n FROM claim_df WHERE word IN ({_marks(len(chunk))})",
                    chunk,
                ).fetchall()
            )
        return out

    def _candidates(self, prefix: Collection[str], numbers: frozenset[str]) -> set[str]:
        key = " ".join(sorted(numbers))
        df = self._dfs(prefix)
        words = [w for w in prefix if df[w] <= MAX_POSTING]
        same = self.db.execute(
            "SELECT count(*) FROM (SELECT 1 FROM claim_index WHERE numbers=? LIMIT ?)",
            (key, MAX_POSTING + 1),
        ).fetchone()[0]
        if same <= MAX_POSTING:
            # few claims carry our numbers: start from them (CROSS JOIN fixes the order)
            words = list(prefix)
            sql = (
                "SELECT DISTINCT t.claim FROM claim_index t CROSS JOIN claim_words w "
                f"ON w.claim = t.claim AND w.word IN ({_marks(len(words))}) WHERE t.numbers = ?"
            )
        else:
            sql = (
                "SELECT DISTINCT w.claim FROM claim_words w CROSS JOIN claim_index t "
                f"ON t.claim = w.claim WHERE w.word IN ({_marks(len(words))}) AND t.numbers = ?"
            )
        if not words:
            return set()
        return {c for (c,) in self.db.execute(sql, [*words, key])}

    def _load(self, claims: Iterable[str]) -> dict[str, tuple[Terms, str]]:
        out: dict[str, tuple[Terms, str]] = {}
        for chunk in _chunks(set(claims)):
            for claim, grp, words, numbers, negated in self.db.execute(
                "SELECT claim, grp, words, numbers, negated FROM claim_index "
                f"WHERE claim IN ({_marks(len(chunk))})",
                chunk,
            ):
                terms = Terms(frozenset(words.split()), frozenset(numbers.split()), bool(negated))
                out[claim] = (terms, grp)
        return out

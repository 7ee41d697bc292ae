"""Graph stores: the embedded SQLite default and Neo4j (see :mod:`graph.store.base`).

:func:`open_store` picks one from command-line style settings: a Neo4j URI
wins; otherwise an embedded store at ``store``, ``$SOURCETRACE_STORE`` or the
user data directory.
"""

from __future__ import annotations

import os
from pathlib import Path

from graph.store.base import GraphStore, WriteResult

STORE_ENV = "SOURCETRACE_STORE"

__all__ = ["STORE_ENV", "GraphStore", "WriteResult", "default_store_path", "open_store"]


def default_store_path() -> Path:
    """``$SOURCETRACE_STORE`` or ``<user data dir>/sourcetrace/graph.sqlite``."""
    env = os.environ.get(STORE_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("sourcetrace", appauthor=False)) / "graph.sqlite"


def open_store(
    store: str | os.PathLike[str] | None = None,
    neo4j: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
) -> GraphStore:
    """Open the store the settings name: Neo4j at ``neo4j`` (or ``$NEO4J_URI``) or embedded.

    Neo4j settings not given come from ``NEO4J_USER``, ``NEO4J_PASSWORD`` and
    ``NEO4J_DATABASE``. Raises :class:`~graph.errors.StoreError` (or
    :class:`~graph.errors.StoreUnavailableError`) when the store cannot be used.
    """
    if neo4j is None and store is None:
        neo4j = os.environ.get("NEO4J_URI") or None
    if neo4j:
        from graph.store.neo4j_store import Neo4jStore

        return Neo4jStore(
            neo4j,
            user=user or os.environ.get("NEO4J_USER") or "neo4j",
            password=password if password is not None else os.environ.get("NEO4J_PASSWORD", ""),
            database=database or os.environ.get("NEO4J_DATABASE") or None,
        )
    from graph.store.embedded import EmbeddedStore

    return EmbeddedStore(Path(store).expanduser() if store else default_store_path())

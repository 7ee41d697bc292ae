"""Start an ArcadeDB server speaking Bolt (for the Neo4j store tests and benchmarks).

``arcadedb-embedded`` bundles a JRE and the server jars; the server runs as a
subprocess on free ports of 127.0.0.1 with one database, ``graph``.
"""

from __future__ import annotations

import secrets
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BoltServer:
    uri: str
    user: str
    password: str
    database: str
    log: Path


class ServerUnavailable(RuntimeError):
    """The Bolt test server cannot be started here."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def arcadedb_home() -> Path | None:
    """The installed ``arcadedb_embedded`` folder, when it has its JRE."""
    try:
        import arcadedb_embedded
    except ImportError:
        return None
    home = Path(arcadedb_embedded.__file__).parent
    return home if (home / "jre" / "bin" / "java").exists() else None


@contextmanager
def arcadedb_server(root: Path, *, timeout: float = 60.0) -> Iterator[BoltServer]:
    """Run ArcadeDB with its Bolt plugin under ``root`` until the block ends."""
    home = arcadedb_home()
    if home is None:
        raise ServerUnavailable("the arcadedb-embedded package (with its JRE) is not installed")
    root.mkdir(parents=True, exist_ok=True)
    password = "pw-" + secrets.token_hex(8)
    http, bolt = free_port(), free_port()
    log = root / "server.log"
    cmd = [
        str(home / "jre" / "bin" / "java"),
        "-Xmx1g",
        f"-Darcadedb.server.rootPath={root}",
        f"-Darcadedb.server.databaseDirectory={root / 'databases'}",
        f"-Darcadedb.server.rootPassword={password}",
        "-Darcadedb.server.mode=development",
        "-Darcadedb.server.httpIncomingHost=127.0.0.1",
        f"-Darcadedb.server.httpIncomingPort={http}",
        "-Darcadedb.server.plugins=Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
        "-Darcadedb.bolt.host=127.0.0.1",
        f"-Darcadedb.bolt.port={bolt}",
        "-Darcadedb.server.defaultDatabases=graph[root]",
        "-cp",
        str(home / "jars" / "*"),
        "com.arcadedb.server.ArcadeDBServer",
    ]
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=root)
    try:
        deadline = time.monotonic() + timeout
        ready = False
        while time.monotonic() < deadline and proc.poll() is None:
            if b"Server started" in log.read_bytes():
                try:
                    with socket.create_connection(("127.0.0.1", bolt), timeout=1):
                        ready = True
                        break
                except OSError:
                    pass
            time.sleep(0.2)
        if not ready:
            tail = log.read_text(errors="replace")[-2000:]
            raise ServerUnavailable(f"ArcadeDB did not start (exit {proc.poll()}); log:\n{tail}")
        yield BoltServer(
            uri=f"bolt://127.0.0.1:{bolt}",
            user="root",
            password=password,
            database="graph",
            log=log,
        )
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

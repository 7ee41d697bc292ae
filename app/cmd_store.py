"""Store subcommands: ``ingest`` articles into a graph store, ``stats``, ``demo``.

The ingestion itself is :func:`loaders.ingest.ingest` (shared with the Add page);
this module adds the progress line, the exit status and the summary.

Every command that reads or writes a store takes the same options
(:func:`add_store_options`) and opens the store with :func:`store_from_args`:
the embedded SQLite file by default, Neo4j with ``--neo4j URI``.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from app.cli import add_input_options, add_model_options, read_options, report_error
from graph.errors import InputError, StoreError
from graph.store import GraphStore, default_store_path, open_store
from loaders.ingest import Tally, ingest, summary

DEMO_CORPUS = Path(__file__).parent / "demo_corpus"
DEMO_PATTERNS = ("*.txt", "*.jsonl")


def add_store_options(parser: argparse.ArgumentParser) -> None:
    """``--store PATH`` or ``--neo4j URI`` (with user, password, database)."""
    group = parser.add_argument_group("graph store")
    where = group.add_mutually_exclusive_group()
    where.add_argument(
        "--store",
        metavar="PATH",
        help=f"embedded store file (default: $SOURCETRACE_STORE or {default_store_path()})",
    )
    where.add_argument(
        "--neo4j", metavar="URI", help="use the Neo4j server at URI (default: $NEO4J_URI)"
    )
    group.add_argument("--neo4j-user", metavar="USER", help="Neo4j user (default: $NEO4J_USER)")
    group.add_argument(
        "--neo4j-password",
        metavar="PASSWORD",
        help="Neo4j password (default: $NEO4J_PASSWORD; prefer the variable)",
    )
    group.add_argument(
        "--neo4j-database", metavar="NAME", help="Neo4j database (default: $NEO4J_DATABASE)"
    )


def store_from_args(args: argparse.Namespace) -> GraphStore:
    """Open the store named by the options of :func:`add_store_options`."""
    return open_store(
        store=getattr(args, "store", None),
        neo4j=getattr(args, "neo4j", None),
        user=getattr(args, "neo4j_user", None),
        password=getattr(args, "neo4j_password", None),
        database=getattr(args, "neo4j_database", None),
    )


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "ingest",
        help="extract attributions from articles into the graph store",
        description="Read articles, extract who said what through whom, and store the graph. "
        "Articles already stored with the same content are skipped.",
    )
    p.add_argument(
        "inputs", nargs="+", metavar="PATH|URL|FEED", help="files, directories, URLs, feeds"
    )
    add_store_options(p)
    add_model_options(p)
    add_input_options(p)
    p.set_defaults(func=cmd_ingest)

    p = subparsers.add_parser(
        "stats",
        help="count the nodes and relationships in the graph store",
        description="Count nodes by label and relationships by type.",
    )
    add_store_options(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_stats)

    p = subparsers.add_parser(
        "demo",
        help="load the bundled demo articles into the graph store",
        description=f"Ingest the demo corpus ({DEMO_CORPUS.name}/) into the store.",
    )
    add_store_options(p)
    add_model_options(p)
    p.set_defaults(func=cmd_demo)


class Progress:
    """The ``ingest: ...`` progress line on a stream, at most once a second (and at the end)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self._last = 0.0
        self._printed = ""

    def __call__(self, tally: Tally, *, force: bool = False) -> None:
        now = time.monotonic()
        line = tally.line()
        if (force and line != self._printed) or now - self._last >= 1.0:
            self._last = now
            self._printed = line
            self.stream.write(f"ingest: {line}\n")
            self.stream.flush()


class FirstInterrupt:
    """While active, the first Ctrl-C (SIGINT) only asks the run to stop after the batch in
    hand (:meth:`is_set`); a second one interrupts at once. Does nothing outside the main
    thread, where signals cannot be handled."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self._set = False
        self._previous: Any = None

    def is_set(self) -> bool:
        return self._set

    def _handle(self, signum: int, frame: object) -> None:
        if self._set:
            raise KeyboardInterrupt
        self._set = True
        self.stream.write("ingest: stopping after the current batch (Ctrl-C again to quit now)\n")
        self.stream.flush()

    def __enter__(self) -> FirstInterrupt:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)


def run_ingest(
    store: GraphStore,
    inputs: Sequence[str],
    *,
    model: str | None = None,
    engine: str | None = None,
    processes: int = 1,
    options: Any = None,
    stream: TextIO | None = None,
    out: TextIO | None = None,
) -> int:
    """Ingest ``inputs`` with progress on ``stream`` (stderr); the summary goes to ``out``
    (stdout) whatever happens, Ctrl-C and store failures included. Returns the exit status."""
    from loaders.read import read_inputs

    stream = stream or sys.stderr
    progress = Progress(stream)
    tally = Tally()
    try:
        with FirstInterrupt(stream) as interrupt:
            ingest(
                store,
                read_inputs(inputs, options),
                model=model,
                engine=engine,
                processes=processes,
                on_error=lambda e: report_error(e, stream),
                on_progress=progress,
                tally=tally,
                stop=interrupt.is_set,
            )
    except KeyboardInterrupt:
        tally.interrupted = True
    finally:
        progress(tally, force=True)
        if tally.failure:
            report_error(StoreError(tally.failure), stream)
        (out or sys.stdout).write(summary(store, tally))
    if tally.interrupted:
        return 130
    if tally.failure:
        return 2
    return 0 if tally.ok else 1


def cmd_ingest(args: argparse.Namespace) -> int:
    store = store_from_args(args)
    try:
        return run_ingest(
            store,
            args.inputs,
            model=args.model,
            engine=args.engine,
            processes=args.processes,
            options=read_options(args),
        )
    finally:
        store.close()


def cmd_stats(args: argparse.Namespace) -> int:
    store = store_from_args(args)
    try:
        counts = store.counts()
    finally:
        store.close()
    out = sys.stdout
    if args.json:
        json.dump(counts, out, indent=2)
        out.write("\n")
        return 0
    for title, section in (("nodes", counts["nodes"]), ("relationships", counts["relationships"])):
        out.write(f"{title}:\n")
        width = max(len(k) for k in section)
        for name, n in section.items():
            out.write(f"  {name.ljust(width)}  {n:>8}\n")
    return 0


def demo_inputs(folder: Path = DEMO_CORPUS) -> list[str]:
    """Every demo article file (``*.txt``, ``*.jsonl``) in ``folder``, sorted."""
    files = sorted({str(p) for pattern in DEMO_PATTERNS for p in folder.glob(pattern)})
    if not files:
        raise InputError(str(folder), "no demo articles (*.txt, *.jsonl) found")
    return files


def cmd_demo(args: argparse.Namespace) -> int:
    inputs = demo_inputs(DEMO_CORPUS)
    store = store_from_args(args)
    try:
        code = run_ingest(
            store, inputs, model=args.model, engine=args.engine, processes=args.processes
        )
        where = getattr(store, "path", None) or getattr(store, "uri", "")
        sys.stdout.write(f"demo graph stored in {where}\n")
    finally:
        store.close()
    return code


__all__ = [
    "DEMO_CORPUS",
    "add_store_options",
    "cmd_demo",
    "cmd_ingest",
    "cmd_stats",
    "demo_inputs",
    "run_ingest",
    "store_from_args",
]

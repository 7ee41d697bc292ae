"""Store subcommands: ``ingest`` articles into a graph store, ``stats``, ``demo``.

Every command that reads or writes a store takes the same options
(:func:`add_store_options`) and opens the store with :func:`store_from_args`:
the embedded SQLite file by default, Neo4j with ``--neo4j URI``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import TextIO

from app.cli import (
    add_input_options,
    add_model_options,
    iter_articles,
    read_options,
    report_error,
)
from graph.errors import InputError
from graph.model import Article, Attribution
from graph.store import GraphStore, default_store_path, open_store

DEMO_CORPUS = Path(__file__).parent / "demo_corpus"
DEMO_PATTERNS = ("*.txt", "*.jsonl")
# Articles written per store transaction: small enough to bound memory and
# lose little on a crash, large enough to amortise the commit.
WRITE_BATCH = 16


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


class Tally:
    """What an ingest did, printed as progress and as the final summary."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.status = {"added": 0, "replaced": 0, "unchanged": 0}
        self.attributions = 0
        self.errors = 0
        self._last = 0.0
        self._printed = ""

    @property
    def articles(self) -> int:
        return sum(self.status.values())

    def line(self) -> str:
        s = self.status
        return (
            f"{self.articles} articles ({s['added']} added, {s['replaced']} replaced, "
            f"{s['unchanged']} unchanged), {self.attributions} attributions, "
            f"{self.errors} errors"
        )

    def progress(self, *, force: bool = False) -> None:
        now = time.monotonic()
        line = self.line()
        if (force and line != self._printed) or now - self._last >= 1.0:
            self._last = now
            self._printed = line
            self.stream.write(f"ingest: {line}\n")
            self.stream.flush()


def _chunks(
    items: Iterable[tuple[Article, list[Attribution]]], size: int
) -> Iterator[list[tuple[Article, list[Attribution]]]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def ingest(
    store: GraphStore,
    inputs: Sequence[str],
    *,
    model: str | None = None,
    engine: str | None = None,
    processes: int = 1,
    stream: TextIO | None = None,
    options: object = None,
) -> Tally:
    """Stream ``inputs`` through extraction into ``store``; unchanged articles skip NLP."""
    from loaders.nlp import Extractor

    tally = Tally(stream or sys.stderr)

    def on_error(error: InputError) -> None:
        tally.errors += 1
        report_error(error, tally.stream)

    def fresh() -> Iterator[Article]:
        for article in iter_articles(inputs, on_error, options):
            if store.has_article(article.id, article.content_hash):
                tally.status["unchanged"] += 1
                tally.progress()
                continue
            yield article

    extractor = Extractor(model=model, engine=engine)
    results = extractor.extract_many(fresh(), processes=processes)
    for chunk in _chunks(results, WRITE_BATCH):
        for result in store.write_articles(chunk):
            tally.status[result.status] += 1
            if result.status != "unchanged":
                tally.attributions += result.attributions
        tally.progress()
    tally.progress(force=True)
    return tally


def _summary(store: GraphStore, tally: Tally, out: TextIO) -> None:
    counts = store.counts()
    nodes = counts["nodes"]
    out.write(
        f"{tally.line()}\n"
        f"store now holds {nodes['Article']} articles, {nodes['Attribution']} attributions, "
        f"{nodes['Source'] + nodes['Outlet']} sources and outlets, {nodes['Claim']} claims "
        f"({counts['relationships']['SIMILAR_TO']} similar-claim links)\n"
    )


def cmd_ingest(args: argparse.Namespace) -> int:
    store = store_from_args(args)
    try:
        tally = ingest(
            store,
            args.inputs,
            model=args.model,
            engine=args.engine,
            processes=args.processes,
            options=read_options(args),
        )
        _summary(store, tally, sys.stdout)
    finally:
        store.close()
    return 1 if tally.errors else 0


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
        tally = ingest(
            store, inputs, model=args.model, engine=args.engine, processes=args.processes
        )
        _summary(store, tally, sys.stdout)
        where = getattr(store, "path", None) or getattr(store, "uri", "")
        sys.stdout.write(f"demo graph stored in {where}\n")
    finally:
        store.close()
    return 1 if tally.errors else 0


__all__ = [
    "DEMO_CORPUS",
    "add_store_options",
    "cmd_demo",
    "cmd_ingest",
    "cmd_stats",
    "demo_inputs",
    "ingest",
    "store_from_args",
]

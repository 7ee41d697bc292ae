"""Analysis subcommands: trace, single-source, circular, dependency, diversity, export.

Each reads the graph from a store (``--store``/``--neo4j``, see :mod:`app.cmd_store`),
runs one analysis from :mod:`graph.analysis` and prints a table, or JSON with
``--json``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, TextIO

import networkx as nx

from app.cmd_store import add_store_options, store_from_args
from graph import analysis
from graph.export import FORMATS, export_graph, write_export


def load_graph(args: argparse.Namespace) -> nx.MultiDiGraph:
    """The whole graph of the store the arguments name."""
    store = store_from_args(args)
    try:
        return store.to_networkx()
    finally:
        store.close()


def _cell(value: object, width: int = 60) -> str:
    if value is None:
        text = "-"
    elif isinstance(value, float):
        text = f"{value:.2f}"
    elif isinstance(value, list | tuple):
        text = ", ".join(str(v) for v in value) or "-"
    else:
        text = " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def print_table(
    headers: Sequence[str], rows: Sequence[Sequence[object]], out: TextIO, width: int = 60
) -> None:
    """Left-aligned columns, one header line; ``(none)`` for no rows."""
    if not rows:
        out.write("(none)\n")
        return
    cells = [[_cell(v, width) for v in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    for line in (list(headers), *cells):
        out.write("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())
        out.write("\n")


def dump_json(data: Any, out: TextIO) -> None:
    def plain(value: Any) -> Any:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return {k: plain(v) for k, v in dataclasses.asdict(value).items()}
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        return value

    json.dump(plain(data), out, ensure_ascii=False, indent=2)
    out.write("\n")


def cmd_trace(args: argparse.Namespace) -> int:
    G = load_graph(args)
    chains = analysis.trace(G, args.claim, similar=not args.exact, similarity=args.similarity)
    out = sys.stdout
    if args.json:
        dump_json({"query": args.claim, "chains": chains}, out)
        return 0
    claims = sorted({(c.claim, c.claim_text) for c in chains})
    for key, text in claims:
        out.write(f"{key}  {_cell(text, 100)}\n")
    out.write(f"\n{len(chains)} chain(s), earliest first:\n")
    for c in chains:
        date = c.published or "(undated)"
        kind = "" if c.kind == "statement" else f"  [{c.kind}]"
        out.write(f"\n{date}  {' → '.join(c.path())}{kind}\n")
        out.write(f"  article: {c.title or c.article or '-'}\n")
        for hop in c.hops:
            role = f" ({', '.join(hop.roles)})" if hop.roles else ""
            where = f" @{hop.start}-{hop.end}" if hop.start is not None else ""
            out.write(f"  - {hop.name}{role} [{hop.type}]: “{hop.text or hop.name}”{where}\n")
        out.write(f"  evidence: {_cell(c.sentence, 300)}\n")
    return 0


def _origin_cell(r: analysis.ClaimOrigins) -> tuple[str, ...]:
    hidden = [f"(unidentified: {'; '.join(r.unidentified_sources)})"] if r.unidentified else []
    return (*r.named_origins, *hidden)


def cmd_single_source(args: argparse.Namespace) -> int:
    if args.explain:
        sys.stdout.write(analysis.ORIGIN_RULE + "\n")
        return 0
    G = load_graph(args)
    results = analysis.claim_origins(G, similarity=args.similarity, min_outlets=args.min_outlets)
    if not args.all:
        results = [r for r in results if r.verdict == analysis.independence.SINGLE_SOURCE]
    if args.limit:
        results = results[: args.limit]
    out = sys.stdout
    if args.json:
        dump_json({"rule": analysis.ORIGIN_RULE, "claims": results}, out)
        return 0
    rows = [
        (
            r.amplification,
            len(r.outlets),
            r.articles,
            r.origins,
            r.verdict,
            _origin_cell(r),
            r.text,
        )
        for r in results
    ]
    print_table(("AMPL", "OUTLETS", "ARTICLES", "ORIGINS", "VERDICT", "ORIGIN", "CLAIM"), rows, out)
    out.write("\nOrigins are counted by the rule `sourcetrace single-source --explain` prints.\n")
    return 0


def cmd_circular(args: argparse.Namespace) -> int:
    G = load_graph(args)
    cycles = analysis.circular_citations(G, similarity=args.similarity)
    out = sys.stdout
    if args.json:
        dump_json({"cycles": cycles}, out)
        return 0
    if not cycles:
        out.write("No circular citations found.\n")
        return 0
    for c in cycles:
        ring = " → ".join((*c.outlets, c.outlets[0]))
        support = (
            "ONLY SUPPORT" if c.cycle_only else "also supported by " + ", ".join(c.supported_by)
        )
        out.write(f"\n{ring}  ({support})\n  claim: {_cell(c.text, 100)}\n")
        for cit in c.citations:
            out.write(f"  - {cit.citing} cites {cit.cited}: {_cell(cit.sentence, 160)}\n")
    return 0


def cmd_dependency(args: argparse.Namespace) -> int:
    G = load_graph(args)
    dep = analysis.outlet_dependency(G)
    out = sys.stdout
    if args.json:
        dump_json(dep, out)
        return 0
    out.write("Outlets (originated = attributions naming no other outlet):\n")
    print_table(
        ("OUTLET", "ROLE", "ARTICLES", "ATTRIB", "ORIGINATED", "RELAYED", "CITES", "CITED BY"),
        [
            (
                o.name,
                o.role,
                o.articles,
                o.attributions,
                o.originated,
                o.relayed,
                o.cites,
                o.cited_by,
            )
            for o in dep.outlets
        ],
        out,
    )
    out.write("\nCitations (citing → cited):\n")
    print_table(
        ("CITING", "CITED", "ATTRIBUTIONS", "CLAIMS"),
        [(c.citing_name, c.cited_name, c.attributions, c.claims) for c in dep.citations],
        out,
    )
    return 0


def _mix_rows(mixes: Sequence[analysis.SourceMix]) -> list[tuple[object, ...]]:
    return [
        (m.name, m.attributions, m.sources, m.share_anonymous, m.share_official, m.share_refusals)
        for m in mixes
    ]


def cmd_diversity(args: argparse.Namespace) -> int:
    G = load_graph(args)
    d = analysis.source_diversity(G, top=args.top)
    out = sys.stdout
    if args.json:
        dump_json(d, out)
        return 0
    headers = ("NAME", "ATTRIB", "SOURCES", "ANON", "OFFICIAL", "REFUSALS")
    out.write("Per outlet (shares of attributions):\n")
    print_table(headers, _mix_rows(d.outlets), out)
    if args.articles:
        out.write("\nPer article:\n")
        print_table(headers, _mix_rows(d.articles), out)
    out.write(f"\nMost-cited sources (top {args.top}):\n")
    print_table(
        ("SOURCE", "TYPE", "ROLES", "OFFICIAL", "ATTRIB", "ARTICLES", "OUTLETS"),
        [
            (
                s.name,
                s.type,
                s.roles,
                "yes" if s.official else "no",
                s.attributions,
                s.articles,
                s.outlets,
            )
            for s in d.top_sources
        ],
        out,
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    G = load_graph(args)
    if args.output and args.output != "-":
        path = write_export(G, args.format, args.output)
        sys.stderr.write(
            f"wrote {path} ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges)\n"
        )
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(export_graph(G, args.format))
        sys.stdout.buffer.flush()
    return 0


def _add(
    sub: Any, name: str, func: Callable[[argparse.Namespace], int], help_: str, json_: bool = True
) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(name, help=help_, description=help_)
    add_store_options(p)
    if json_:
        p.add_argument("--json", action="store_true", help="print JSON instead of tables")
    p.set_defaults(func=func)
    return p


def _similarity(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--similarity",
        type=float,
        default=analysis.SIMILARITY_THRESHOLD,
        metavar="SCORE",
        help="count claims linked by SIMILAR_TO at least this meaning score as one claim, "
        "instead of the stored claim groups (links a user split stay apart)",
    )


def register(subparsers: Any) -> None:
    """Add the analysis subcommands to the ``sourcetrace`` parser."""
    p = _add(subparsers, "trace", cmd_trace, "trace a claim back through every chain to its origin")
    p.add_argument("claim", metavar="CLAIM_ID|TEXT", help="claim id, or text the claim contains")
    p.add_argument("--exact", action="store_true", help="do not follow similar claims")
    _similarity(p)

    p = _add(
        subparsers,
        "single-source",
        cmd_single_source,
        "claims carried by several outlets that all lead back to one origin",
    )
    p.add_argument("--min-outlets", type=int, default=2, metavar="N", help="default 2")
    p.add_argument("--all", action="store_true", help="list every claim with its verdict")
    p.add_argument("--limit", type=int, default=0, metavar="N", help="show the first N only")
    p.add_argument("--explain", action="store_true", help="print how origins are counted")
    _similarity(p)

    p = _add(subparsers, "circular", cmd_circular, "outlets citing each other for the same claim")
    _similarity(p)

    _add(subparsers, "dependency", cmd_dependency, "which outlets cite which; originators, relays")

    p = _add(
        subparsers,
        "diversity",
        cmd_diversity,
        "source mix per outlet and article; most-cited sources",
    )
    p.add_argument("--top", type=int, default=10, metavar="N", help="most-cited sources shown")
    p.add_argument("--articles", action="store_true", help="also list every article")

    p = _add(subparsers, "export", cmd_export, "export the graph to a file", json_=False)
    p.add_argument("--format", choices=FORMATS, required=True)
    p.add_argument("-o", "--output", metavar="FILE", help="file to write (default stdout)")

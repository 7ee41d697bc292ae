"""``sourcetrace claims`` (a claim's group and why its members were joined), ``split-claim``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

import networkx as nx

from app.cmd_analysis import dump_json, load_graph
from app.cmd_store import add_store_options, store_from_args
from graph import schema
from graph.analysis import claim_groups
from graph.errors import NotFoundError


def _find(G: nx.MultiDiGraph, query: str) -> str:
    key = schema.node_key(schema.CLAIM, query)
    if key in G:
        return key
    needle = query.lower()
    found = sorted(
        k
        for k, d in G.nodes(data=True)
        if d.get("label") == schema.CLAIM and needle in str(d.get("text", "")).lower()
    )
    if not found:
        raise NotFoundError(f"no claim with id or text {query!r}")
    return found[0]


def group_report(G: nx.MultiDiGraph, query: str) -> dict[str, Any]:
    """The group of the claim ``query`` (id or text): members, and every link among them."""
    key = _find(G, query)
    [members] = [g for g in claim_groups(G) if key in g]
    inside = set(members)
    links = [
        {"from": schema.split_key(a)[1], "to": schema.split_key(b)[1], **d}
        for a, b, rel, d in G.edges(keys=True, data=True)
        if rel == schema.SIMILAR_TO and (a in inside or b in inside)
    ]
    links.sort(key=lambda r: (-float(r.get("score", 0)), r["from"], r["to"]))
    return {
        "claim": schema.split_key(key)[1],
        "group": str(G.nodes[key].get("group") or schema.split_key(key)[1]),
        "members": [
            {"id": schema.split_key(m)[1], "text": str(G.nodes[m].get("text", ""))} for m in members
        ],
        "links": links,
    }


def cmd_claims(args: argparse.Namespace) -> int:
    report = group_report(load_graph(args), args.claim)
    out = sys.stdout
    if args.json:
        dump_json(report, out)
        return 0
    print(f"group {report['group']}: {len(report['members'])} claim(s)", file=out)
    for m in report["members"]:
        print(f"  {m['id']}  {m['text']}", file=out)
    for link in report["links"]:
        print(
            f"  {link['from']} -> {link['to']}: {link.get('reason', link.get('score'))}", file=out
        )
    return 0


def cmd_split(args: argparse.Namespace) -> int:
    store = store_from_args(args)
    try:
        apart = store.split_claim(args.claim)
    finally:
        store.close()
    print(f"claim {args.claim} split from {len(apart)} claim(s); regrouping keeps them apart")
    return 0


def register(subparsers: Any) -> None:
    """Add ``claims`` and ``split-claim`` to the ``sourcetrace`` parser."""
    help_ = "a claim's group: its members and why each link joined them"
    p = subparsers.add_parser("claims", help=help_, description=help_)
    add_store_options(p)
    p.add_argument("claim", metavar="CLAIM_ID|TEXT")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(func=cmd_claims)
    help_ = "take a claim out of a wrongly joined group, for good"
    p = subparsers.add_parser("split-claim", help=help_, description=help_)
    add_store_options(p)
    p.add_argument("claim", metavar="CLAIM_ID")
    p.set_defaults(func=cmd_split)

"""The rows behind the Reports page: claims with their verdicts, and the evidence for each.

:func:`evidence_rows` reads every supporting attribution once (through
:func:`graph.chains.attribution_views`) into flat rows, one per attribution and
claim group, with what a fact-checker needs to check it: the article's URL,
the sentence and the character offsets. :class:`ReportFilter` narrows them;
:func:`claim_rows` summarises what is left per claim.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import networkx as nx

from app.view.style import readable_date
from graph.analysis.independence import ClaimOrigins
from graph.analysis.opinion import first_person, is_opinion
from graph.chains import attribution_views, display_name
from graph.csv_out import csv_text

#: Columns of the evidence CSV, in order.
EVIDENCE_COLUMNS: Final = (
    "claim",
    "verdict",
    "outlet",
    "published",
    "article_title",
    "article_url",
    "source",
    "source_type",
    "via",
    "cue",
    "opinion",
    "sentence",
    "sentence_start",
    "sentence_end",
    "source_start",
    "source_end",
    "cue_start",
    "cue_end",
    "content_start",
    "content_end",
    "claim_group",
    "attribution",
    "article_id",
)


def evidence_rows(G: nx.MultiDiGraph, origins: Sequence[ClaimOrigins]) -> list[dict[str, Any]]:
    """One row per supporting attribution of each claim group in ``origins``
    (columns :data:`EVIDENCE_COLUMNS`), by claim, then date."""
    group_of = {c: r for r in origins for c in r.claims}
    rows = []
    for view in attribution_views(G):
        if not view.supports:
            continue
        node = G.nodes[view.key]
        article = G.nodes[view.article] if view.article else {}
        origin = view.origin
        groups = {group_of[c].group: group_of[c] for c in view.claims if c in group_of}
        for result in groups.values():
            rows.append(
                {
                    "claim": result.text,
                    "verdict": result.verdict,
                    "outlet": display_name(G, view.outlet) if view.outlet else "",
                    "published": view.published or "",
                    "article_title": str(article.get("title") or ""),
                    "article_url": str(article.get("url") or ""),
                    "source": origin.name if origin else "(unspecified)",
                    "source_type": (origin.type or "unspecified") if origin else "unspecified",
                    "via": " > ".join(h.name for h in view.via),
                    "cue": view.cue,
                    "opinion": is_opinion(view.cue, str(node.get("content_text") or "")),
                    "sentence": view.sentence,
                    "sentence_start": view.sentence_start,
                    "sentence_end": view.sentence_end,
                    "source_start": node.get("source_start"),
                    "source_end": node.get("source_end"),
                    "cue_start": node.get("cue_start"),
                    "cue_end": node.get("cue_end"),
                    "content_start": node.get("content_start"),
                    "content_end": node.get("content_end"),
                    "claim_group": result.group,
                    "attribution": view.key,
                    "article_id": view.article or "",
                }
            )
    opinions = {r["claim_group"] for r in rows if r["opinion"]}
    opinions |= {r.group for r in origins if first_person(r.text)}
    for row in rows:  # an opinion anywhere makes the claim an opinion (OPINION_RULE)
        row["opinion"] = row["claim_group"] in opinions
    rows.sort(key=lambda r: (r["claim_group"], r["published"] == "", r["published"], r["outlet"]))
    return rows


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportFilter:
    """What the Reports page keeps; an empty set means "all"."""

    verdicts: frozenset[str] = field(default_factory=frozenset)
    min_outlets: int = 2
    source_types: frozenset[str] = field(default_factory=frozenset)
    outlets: frozenset[str] = field(default_factory=frozenset)  # outlet names
    date_from: str | None = None  # ISO dates, compared on the first 10 characters
    date_to: str | None = None
    claims_only: bool = False  # leave out opinions (graph.analysis.opinion)

    def row_passes(self, row: dict[str, Any]) -> bool:
        day = str(row["published"])[:10]
        return not (
            (self.source_types and row["source_type"] not in self.source_types)
            or (self.outlets and row["outlet"] not in self.outlets)
            or (self.date_from and (not day or day < self.date_from))
            or (self.date_to and (not day or day > self.date_to))
            or (self.claims_only and row["opinion"])
        )


def select(
    origins: Sequence[ClaimOrigins], rows: Sequence[dict[str, Any]], spec: ReportFilter
) -> tuple[list[ClaimOrigins], list[dict[str, Any]]]:
    """The claims that pass ``spec`` (verdict, outlets reached, and at least one evidence
    row passing) and their passing evidence rows."""
    wanted = {
        r.group: r
        for r in origins
        if (not spec.verdicts or r.verdict in spec.verdicts) and len(r.outlets) >= spec.min_outlets
    }
    kept = [row for row in rows if row["claim_group"] in wanted and spec.row_passes(row)]
    groups = {row["claim_group"] for row in kept}
    return [r for r in origins if r.group in groups], kept


def claim_rows(
    claims: Sequence[ClaimOrigins], rows: Sequence[dict[str, Any]]
) -> list[dict[str, Any]]:
    """One table row per claim: verdict, reach, origin, dates of the evidence kept."""
    days: dict[str, list[str]] = {}
    for row in rows:
        if row["published"]:
            days.setdefault(row["claim_group"], []).append(str(row["published"]))
    out = []
    for r in claims:
        seen = sorted(days.get(r.group, []))
        out.append(
            {
                "claim": r.group,
                "Claim": r.text,
                "Verdict": r.verdict,
                "Outlets": len(r.outlets),
                "Origin": ", ".join(r.named_origins) or "(unidentified)",
                "Amplification": round(r.amplification, 2),
                "Articles": r.articles,
                "First seen": readable_date(seen[0]) if seen else "undated",
                "Unidentified": r.unidentified,
                "Relayed via": ", ".join(r.relayed_outlets),
                "Outlet names": ", ".join(r.outlets),
            }
        )
    return out


def csv_of(rows: Sequence[dict[str, Any]]) -> str:
    """The evidence rows as CSV (:data:`EVIDENCE_COLUMNS`), through the one CSV writer
    (:func:`graph.csv_out.csv_text`: cells that could start a formula are neutralised)."""
    return csv_text(rows, EVIDENCE_COLUMNS)

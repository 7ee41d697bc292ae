"""Analyses of the attribution graph: trace, independence, circular reporting,
outlet dependency and source diversity.

Every function takes the networkx ``MultiDiGraph`` of :mod:`graph.schema` first
and returns plain data (frozen dataclasses of plain values).
"""

from graph.analysis.circular import CircularCitation, Citation, circular_citations
from graph.analysis.dependency import (
    OutletCitation,
    OutletDependency,
    OutletRole,
    dependency_graph,
    outlet_dependency,
)
from graph.analysis.diversity import (
    OFFICIAL_WORDS,
    CitedSource,
    SourceDiversity,
    SourceMix,
    is_official,
    source_diversity,
)
from graph.analysis.independence import (
    ORIGIN_RULE,
    ClaimOrigins,
    claim_origins,
    independent_claims,
    single_source,
)
from graph.analysis.trace import Chain, find_claims, trace
from graph.chains import SIMILARITY_THRESHOLD, Hop, claim_groups

__all__ = [
    "OFFICIAL_WORDS",
    "ORIGIN_RULE",
    "SIMILARITY_THRESHOLD",
    "Chain",
    "CircularCitation",
    "Citation",
    "CitedSource",
    "ClaimOrigins",
    "Hop",
    "OutletCitation",
    "OutletDependency",
    "OutletRole",
    "SourceDiversity",
    "SourceMix",
    "circular_citations",
    "claim_groups",
    "claim_origins",
    "dependency_graph",
    "find_claims",
    "independent_claims",
    "is_official",
    "outlet_dependency",
    "single_source",
    "source_diversity",
    "trace",
]

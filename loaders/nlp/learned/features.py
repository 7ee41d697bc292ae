"""The spaCy parse and the rules' reading as input features of the tagger: one id per
word piece and feature.

One owner for the features, used by the run-time tagger and by ``training/``. Each
word piece gets, from the spaCy token its first character falls in, any of: the
token's part-of-speech tag (``tag``), its dependency label (``dep``), its head's
dependency label (``head_dep``, "inside a clausal complement"), and the part the rules
give it in an attribution (``rule``: ``cue-B``, ``cue-I``, ``source-B``, ... from the
rules' candidates, a cue before a source before a content where they overlap). A
model's ``tagger.json`` stores, under ``features``, the names it reads and their label
lists, in order, so that a model always gets the ids it was trained with; id 0 is a
piece outside every token or a label the list does not hold.

>>> import numpy as np
>>> vocab = {"tag": ["VBD", "NN"], "dep": ["ROOT", "nsubj"], "head_dep": ["ROOT"]}
>>> rows = [(("NN", "nsubj", "ROOT", "source-B"), 0, 4), (("VBD", "ROOT", "ROOT", "cue-B"), 5, 9)]
>>> piece_features(vocab, rows, [(0, 2), (2, 4), (5, 9), (9, 10)]).tolist()
[[2, 2, 1], [2, 2, 1], [1, 1, 1], [0, 0, 0]]
>>> piece_features({"rule": list(RULE_LABELS)}, rows, [(0, 2), (5, 9)]).tolist()
[[5], [3]]
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
from spacy.tokens import Doc

from loaders.nlp.candidate import Candidate

NAMES = ("tag", "dep", "head_dep", "rule")  # every feature a model may read
PARSE = NAMES[:3]  # the parse alone (``train.py --features``)
RULE_LABELS = ("content-B", "content-I", "cue-B", "cue-I", "source-B", "source-I")

Row = tuple[tuple[str, ...], int, int]  # one label per name of NAMES, start char, end char


def needs_rules(vocab: Mapping[str, Sequence[str]] | None) -> bool:
    """Whether a model with these features reads the rules' candidates."""
    return "rule" in (vocab or {})


def token_rows(doc: Doc, rules: Iterable[Candidate] = ()) -> list[Row]:
    """The feature labels and character extent of each token of ``doc``; ``rules``, the
    rules' candidates of ``doc``, give the ``rule`` labels (none without them)."""
    marks = rule_marks(doc, rules)
    return [
        ((t.tag_, t.dep_, t.head.dep_, marks.get(t.i, "")), t.idx, t.idx + len(t.text)) for t in doc
    ]


def rule_marks(doc: Doc, rules: Iterable[Candidate]) -> dict[int, str]:
    """Token index -> the part the rules' candidates give it (see the module's docstring)."""
    spans: list[tuple[int, str, int, int]] = []  # priority, role, start char, end char
    for cand in rules:
        spans.append((0, "cue", *cand.cue))
        for ref in cand.sources:
            spans.append((1, "source", ref.span.start_char, ref.span.end_char))
        for s, e in cand.pieces or ([cand.content] if cand.content else []):
            spans.append((2, "content", s, e))
    marks: dict[int, tuple[int, str]] = {}
    for prio, role, s, e in spans:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        for tok in span:
            tag = f"{role}-{'B' if tok.i == span.start else 'I'}"
            if tok.i not in marks or prio < marks[tok.i][0]:
                marks[tok.i] = (prio, tag)
    return {i: tag for i, (_, tag) in marks.items()}


def vocabulary(
    nlp_labels: Mapping[str, Sequence[str]], names: Sequence[str] = PARSE
) -> dict[str, list[str]]:
    """The label lists of the features ``names``: the parse's from a spaCy pipeline's
    ``tagger`` and ``parser`` labels, sorted."""
    tags = sorted(nlp_labels.get("tagger", ()))
    deps = sorted({*nlp_labels.get("parser", ()), "ROOT"})
    every = {"tag": tags, "dep": deps, "head_dep": deps, "rule": list(RULE_LABELS)}
    return {name: every[name] for name in names}


def piece_features(
    vocab: Mapping[str, Sequence[str]],
    rows: Sequence[Row],
    offsets: Sequence[tuple[int, int]],
) -> np.ndarray:
    """Feature ids (pieces x the features of ``vocab``, in its order) for word pieces at
    character ``offsets``."""
    names = list(vocab)
    where = [NAMES.index(name) for name in names]
    index = [{label: k + 1 for k, label in enumerate(vocab[name])} for name in names]
    starts = [r[1] for r in rows]
    out = np.zeros((len(offsets), len(names)), dtype=np.int64)
    for i, (s, _e) in enumerate(offsets):
        k = bisect_right(starts, s) - 1
        if k < 0 or s >= rows[k][2]:
            continue
        labels = rows[k][0]
        for f, w in enumerate(where):
            out[i, f] = index[f].get(labels[w], 0)
    return out

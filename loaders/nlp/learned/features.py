"""The spaCy parse as input features of the tagger: one id per word piece and feature.

One owner for the features, used by the run-time tagger and by ``training/``. Each
word piece gets, from the spaCy token its first character falls in, the token's
part-of-speech tag, its dependency label and its head's dependency label ("inside
a clausal complement"). The label lists are stored in the model's ``tagger.json``
(``features``) so that a model always reads the ids it was trained with; id 0 is a
piece outside every token or a label the list does not hold.

>>> import numpy as np
>>> vocab = {"tag": ["VBD", "NN"], "dep": ["ROOT", "nsubj"], "head_dep": ["ROOT"]}
>>> rows = [("NN", "nsubj", "ROOT", 0, 4), ("VBD", "ROOT", "ROOT", 5, 9)]
>>> piece_features(vocab, rows, [(0, 2), (2, 4), (5, 9), (9, 10)]).tolist()
[[2, 2, 1], [2, 2, 1], [1, 1, 1], [0, 0, 0]]
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence

import numpy as np
from spacy.tokens import Doc

NAMES = ("tag", "dep", "head_dep")

Row = tuple[str, str, str, int, int]  # tag, dep, head's dep, start char, end char


def token_rows(doc: Doc) -> list[Row]:
    """The feature labels and character extent of each token of ``doc``."""
    return [(t.tag_, t.dep_, t.head.dep_, t.idx, t.idx + len(t.text)) for t in doc]


def vocabulary(nlp_labels: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """The label lists of a spaCy pipeline (``tagger`` and ``parser`` labels), sorted."""
    tags = sorted(nlp_labels.get("tagger", ()))
    deps = sorted({*nlp_labels.get("parser", ()), "ROOT"})
    return {"tag": tags, "dep": deps, "head_dep": deps}


def piece_features(
    vocab: Mapping[str, Sequence[str]],
    rows: Sequence[Row],
    offsets: Sequence[tuple[int, int]],
) -> np.ndarray:
    """Feature ids (pieces x features) for word pieces at character ``offsets``."""
    index = [{label: k + 1 for k, label in enumerate(vocab[name])} for name in NAMES]
    starts = [r[3] for r in rows]
    out = np.zeros((len(offsets), len(NAMES)), dtype=np.int64)
    for i, (s, _e) in enumerate(offsets):
        k = bisect_right(starts, s) - 1
        if k < 0 or s >= rows[k][4]:
            continue
        row = rows[k]
        for f, label in enumerate((row[0], row[1], row[2])):
            out[i, f] = index[f].get(label, 0)
    return out

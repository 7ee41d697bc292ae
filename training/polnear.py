"""Read PolNeAR (BRAT standoff) into texts and role spans, and into tagged model windows.

Used by ``train.py`` only (training needs torch; the package never imports this).
One annotator per article, the first in sorted order, as the shared scorer does.
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass, field

from tokenizers import Tokenizer

from loaders.nlp.learned.labels import ROLES, TAGS
from loaders.nlp.learned.windows import STRIDE, windows


@dataclass
class Relation:
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)
    content: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Doc:
    name: str
    text: str
    relations: list[Relation]


def read_split(folder: str) -> list[Doc]:
    docs = []
    for path in sorted(glob.glob(os.path.join(folder, "text", "*.txt"))):
        name = os.path.basename(path)[:-4]
        anns = sorted(glob.glob(os.path.join(folder, "attributions", name + "_*.ann")))
        if not anns:
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        docs.append(Doc(name, text, read_ann(anns[0])))
    return docs


def read_ann(path: str) -> list[Relation]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    rels = []
    with open(path, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f]
    for line in lines:
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offs = parts[1].partition(" ")
            try:
                sp = [(int(s), int(e)) for s, e in (c.split() for c in offs.split(";"))]
            except ValueError:
                continue
            spans[parts[0]] = (label, sp)
    for line in lines:
        parts = line.split("\t")
        if not line.startswith("E") or len(parts) < 2:
            continue
        rel = Relation()
        for arg in parts[1].split():
            role, _, tid = arg.partition(":")
            r = role.rstrip("0123456789").lower()
            if r in ("source", "cue", "content") and tid in spans:
                getattr(rel, r).extend(spans[tid][1])
        if rel.cue and rel.content:
            rels.append(rel)
    return rels


def piece_tags(doc: Doc, offsets: list[tuple[int, int]]) -> list[list[int]]:
    """Per role, the BIO tag index of each word piece (each span piece gets its own B)."""
    out = []
    for role in ROLES:
        tags = [TAGS.index("O")] * len(offsets)
        pieces = sorted({p for r in doc.relations for p in getattr(r, role)})
        for s, e in pieces:
            idx = [i for i, (a, b) in enumerate(offsets) if a < e and b > s and b > a]
            if not idx or any(tags[i] != 0 for i in idx):
                continue
            tags[idx[0]] = TAGS.index("B")
            for i in idx[1:]:
                tags[i] = TAGS.index("I")
        out.append(tags)
    return out


def encode(
    tok: Tokenizer, doc: Doc, stride: int = STRIDE
) -> list[tuple[list[int], list[list[int]]]]:
    """Model windows of ``doc``: (piece ids with [CLS]/[SEP], per-role tags with -100 there)."""
    enc = tok.encode(doc.text, add_special_tokens=False)
    tags = piece_tags(doc, enc.offsets)
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    out = []
    for w in windows(len(enc.ids), stride=stride):
        ids = [cls, *enc.ids[w.start : w.end], sep]
        wt = [[-100, *t[w.start : w.end], -100] for t in tags]
        out.append((ids, wt))
    return out

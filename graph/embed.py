"""Claim vectors from all-MiniLM-L6-v2 (int8 ONNX, CPU): one per claim, one per token.

The model and its tokenizer ship in ``graph/data/models/`` (exported by
``training/export_encoder.py``; weights Apache-2.0, see training/README.md).
:func:`embed` gives a unit sentence vector per text (mean pooling), so a dot
product is the cosine. :func:`tokens` gives unit token vectors and their
weights (wordpiece IDF, 0 for stop words and punctuation), and
:func:`alignment` scores two claims by matching each token to its closest
counterpart (BERTScore F1): sharper than the cosine at telling "the same
claim" from "the same story".

>>> v = embed(["The bridge will reopen in March.", "In March the bridge reopens.",
...            "Heavy rain flooded the town centre."])
>>> v.shape, v.dtype.name
((3, 384), 'float32')
>>> bool(v[0] @ v[1] > 0.8 > v[0] @ v[2])
True
>>> a, b, c = tokens(["The bridge will reopen in March.", "In March the bridge reopens.",
...                   "Heavy rain flooded the town centre."])
>>> bool(alignment(a, b) > 0.8 > alignment(a, c))
True
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from graph import onnxrun

MODEL = "minilm-l6-v2-int8.onnx"
TOKENIZER = "tokenizer.json"
IDF = "wordpiece-idf.npy"
DIM = 384
_STOP = frozenset(
    """
    the a an of to in and that was is were be been it its for on at by with as had has
    have he she they this
    """.split()  # noqa: SIM905
)


@dataclass(frozen=True, slots=True)
class TokenVectors:
    """A claim's unit token vectors (float16, one row per wordpiece) and their weights."""

    vectors: np.ndarray
    weights: np.ndarray


@functools.lru_cache(maxsize=1)
def _weights_of() -> tuple[np.ndarray, np.ndarray]:
    """IDF per wordpiece id, and a mask of the ids that weigh nothing (stop words, marks)."""
    idf = np.load(onnxrun.packaged(IDF)).astype(np.float32)
    tok = onnxrun.tokenizer(onnxrun.packaged(TOKENIZER))
    zero = np.zeros(len(idf), dtype=bool)
    for piece, i in tok.get_vocab().items():
        if i < len(zero) and (piece in _STOP or not piece.strip("#").isalnum()):
            zero[i] = True
    return idf, zero


def _run(texts: Sequence[str]) -> tuple[np.ndarray, list[TokenVectors]]:
    pooled = np.zeros((len(texts), DIM), dtype=np.float32)
    toks: list[TokenVectors | None] = [None] * len(texts)
    if not texts:
        return pooled, []
    sess = onnxrun.session(onnxrun.packaged(MODEL))
    tok = onnxrun.tokenizer(onnxrun.packaged(TOKENIZER))
    idf, zero = _weights_of()
    # One text per run: the int8 model quantizes its activations dynamically, with one
    # scale for the whole input tensor, so a text's vectors would depend on the other
    # texts (and the padding) in its batch -- and the claim groups on ingest order.
    for j, text in enumerate(texts):
        feeds = onnxrun.encode(tok, [text])
        vec, states = onnxrun.run(sess, feeds)[:2]
        pooled[j] = vec[0]
        n = int(feeds["attention_mask"][0].sum())
        ids = feeds["input_ids"][0, 1 : n - 1]  # without [CLS] and [SEP]
        weights = np.where(zero[ids], 0.0, idf[ids]).astype(np.float32) + 1e-6
        toks[j] = TokenVectors(states[0, 1 : n - 1].astype(np.float16), weights)
    return pooled, [t for t in toks if t is not None]


def embed(texts: Sequence[str]) -> np.ndarray:
    """One unit vector (float32, :data:`DIM` wide) per text, in order."""
    return _run(texts)[0]


def tokens(texts: Sequence[str]) -> list[TokenVectors]:
    """The token vectors of each text, in order."""
    return _run(texts)[1]


def embed_all(texts: Sequence[str]) -> tuple[np.ndarray, list[TokenVectors]]:
    """Sentence vectors and token vectors in one pass."""
    return _run(texts)


def alignment(a: TokenVectors, b: TokenVectors) -> float:
    """Token-alignment F1 of two claims (each token's best cosine, IDF-weighted), 0 to 1."""
    if not len(a.weights) or not len(b.weights):
        return 0.0
    sim = a.vectors.astype(np.float32) @ b.vectors.astype(np.float32).T
    recall = float((sim.max(1) * a.weights).sum() / a.weights.sum())
    precision = float((sim.max(0) * b.weights).sum() / b.weights.sum())
    if recall + precision <= 0:
        return 0.0
    return max(0.0, 2 * precision * recall / (precision + recall))

"""Run the shipped word-piece tagger (ONNX, int8) on a text: character spans per role.

The model files live in ``loaders/nlp/learned/model/`` inside the installed
package (``tagger.onnx``, ``tokenizer.json``, ``tagger.json``); nothing is
downloaded. :func:`load_tagger` loads them once per process.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from multiprocessing import parent_process
from typing import TYPE_CHECKING, Any

import numpy as np

from graph import onnxrun
from graph.errors import ModelError
from loaders.nlp.learned.decode import role_spans
from loaders.nlp.learned.features import needs_rules, piece_features, token_rows
from loaders.nlp.learned.labels import ROLES, TAGS
from loaders.nlp.learned.windows import windows

if TYPE_CHECKING:
    from spacy.tokens import Doc

BATCH = 8


@dataclass(frozen=True, slots=True)
class Tagged:
    """What the tagger found in one text: character spans per role, text order."""

    spans: dict[str, list[tuple[int, int]]]


def model_dir() -> str:
    """The folder of the shipped model inside the installed package."""
    return str(resources.files("loaders.nlp.learned").joinpath("model"))


class Tagger:
    """The ONNX tagger and its tokenizer; :meth:`tag` a text."""

    def __init__(self, folder: str | None = None) -> None:
        from tokenizers import Tokenizer

        folder = folder or model_dir()
        path = os.path.join(folder, "tagger.onnx")
        if not os.path.exists(path):
            raise ModelError(f"the learned engine's model is missing: {path}")
        with open(os.path.join(folder, "tagger.json"), encoding="utf-8") as f:
            meta = json.load(f)
        if tuple(meta["roles"]) != ROLES or tuple(meta["tags"]) != TAGS:
            raise ModelError(f"{folder}: tagger labels {meta['roles']} do not match this code")
        self.path = path
        # a model trained with the spaCy parse or the rules' reading as input
        # (``features.py``) keeps its feature names and labels
        self.features: dict[str, list[str]] | None = meta.get("features")
        # One thread in worker processes (``--processes N``: each worker is forked with
        # this session, and a forked onnxruntime thread pool would wait for threads the
        # child does not have); the process that loaded the model runs the tagger on
        # :func:`graph.onnxrun.threads` threads, while spaCy waits for it.
        self.session = onnxrun.session(path, n_threads=1)
        self.threads = onnxrun.threads()
        self.pid = os.getpid()
        self._threaded: Any = None  # that process's session, made on first use
        self.tokenizer = Tokenizer.from_file(os.path.join(folder, "tokenizer.json"))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        self.cls = int(self.tokenizer.token_to_id("[CLS]") or 0)
        self.sep = int(self.tokenizer.token_to_id("[SEP]") or 0)

    def logp(self, ids: list[int], feats: np.ndarray | None = None) -> np.ndarray:
        """Log-probabilities (pieces x roles x tags) for the pieces ``ids`` of one text
        (and their parse features, pieces x features, for a model that reads them)."""
        n = len(ids)
        out = np.zeros((n, len(ROLES), len(TAGS)), dtype=np.float32)
        ws = windows(n)
        for b in range(0, len(ws), BATCH):
            group = ws[b : b + BATCH]
            width = max(w.end - w.start for w in group) + 2
            batch = np.zeros((len(group), width), dtype=np.int64)
            mask = np.zeros_like(batch)
            feeds: dict[str, np.ndarray] = {"input_ids": batch, "attention_mask": mask}
            if feats is not None:
                feeds["features"] = np.zeros((len(group), width, feats.shape[1]), dtype=np.int64)
            for k, w in enumerate(group):
                row = [self.cls, *ids[w.start : w.end], self.sep]
                batch[k, : len(row)] = row
                mask[k, : len(row)] = 1
                if feats is not None:
                    feeds["features"][k, 1 : len(row) - 1] = feats[w.start : w.end]
            (logits,) = self._session().run(None, feeds)
            logits = logits.reshape(len(group), width, len(ROLES), len(TAGS))
            for k, w in enumerate(group):
                a, z = w.keep_start - w.start + 1, w.keep_end - w.start + 1
                out[w.keep_start : w.keep_end] = logits[k, a:z]
        out -= np.log(np.exp(out).sum(-1, keepdims=True))
        return out

    def _session(self) -> Any:
        """The session for this process: more threads only where the model was loaded, and
        not in a worker process (forked or spawned)."""
        if self.threads > 1 and os.getpid() == self.pid and parent_process() is None:
            if self._threaded is None:
                self._threaded = onnxrun.session(self.path, n_threads=self.threads)
            return self._threaded
        return self.session

    def tag(self, text: str, doc: Doc | None = None) -> Tagged:
        """The source, cue and content spans the model finds in ``text``; a model that
        reads the parse or the rules needs ``doc``, the spaCy ``Doc`` of ``text``."""
        enc = self.tokenizer.encode(text, add_special_tokens=False)
        if not enc.ids:
            return Tagged({r: [] for r in ROLES})
        feats = None
        if self.features:
            if doc is None or doc.text != text:
                raise ModelError(f"{self.path}: this tagger reads the parse; give it the Doc")
            rules = []
            if needs_rules(self.features):
                from loaders.nlp.pipeline import rule_candidates  # the rules' reading as input

                rules = rule_candidates(doc)
            feats = piece_features(self.features, token_rows(doc, rules), enc.offsets)
        lp = self.logp(enc.ids, feats)
        cont = [t.startswith("##") for t in enc.tokens]
        offsets: Any = enc.offsets
        return Tagged({r: role_spans(lp[:, k, :], offsets, cont) for k, r in enumerate(ROLES)})


@lru_cache(maxsize=1)
def load_tagger() -> Tagger:
    """The shipped tagger, loaded once per process."""
    return Tagger()

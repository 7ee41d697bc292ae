"""Extraction cost against article length, and peak memory of a pathological article.

Usage: python benchmarks/bench_long.py [--sizes 10000,100000,1000000] [--no-memory | --memory-only]

For each size, one article of that many characters, built from generated news-like
paragraphs (``bench_extract.generated_texts``, invented sentences), is extracted with
``Extractor.extract_many``; the baseline is bare ``nlp.pipe`` over the same text, in
the same pieces the extractor parses (spaCy refuses one text over 1,000,000
characters). Words per second of both, and their ratio, are printed: a ratio that
stays flat as the text grows means the rules cost time linear in its length. A row
of quotation-dense text (every sentence a quote) checks the worst case for the quote
rules.

Memory: ``sourcetrace extract`` on a file of 100,000 one-letter lines, in a child
process, against a child that only loads the model; peak RSS (``VmHWM``) of each.
Nothing is asserted: numbers are printed, never tested.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_extract import generated_texts

from graph.model import Article
from loaders.nlp import Extractor
from loaders.nlp.pieces import pieces

QUOTED = [
    "“The ferry will run on Monday,” Ana Ruiz said.",
    "“We checked every beam,” said Tomas Brel.",
    "“Nothing is decided.”",
    "“The council meets again in June,” the spokesman added.",
]


def news_text(chars: int) -> str:
    """About ``chars`` characters of generated paragraphs."""
    paras = generated_texts(200)
    out: list[str] = []
    size, i = 0, 0
    while size < chars:
        out.append(paras[i % len(paras)])
        size += len(out[-1]) + 2
        i += 1
    return "\n\n".join(out)[:chars]


def quoted_text(chars: int) -> str:
    """Quotation after quotation, a paragraph every eight."""
    out: list[str] = []
    size, i = 0, 0
    while size < chars:
        out.append(QUOTED[i % len(QUOTED)] + ("\n\n" if i % 8 == 7 else " "))
        size += len(out[-1])
        i += 1
    return "".join(out)[:chars]


def words(text: str) -> int:
    return len(text.split())


def row(ex: Extractor, name: str, text: str) -> None:
    cuts = [text[s:e] for s, e in pieces(text)]
    start = time.perf_counter()
    for _ in ex.nlp.pipe(cuts):
        pass
    bare = time.perf_counter() - start
    article = Article.create(text=text)
    start = time.perf_counter()
    [(_, found)] = list(ex.extract_many([article]))
    full = time.perf_counter() - start
    n = words(text)
    print(
        f"{name:<22} {len(text):>9,} chars {n:>8,} words  "
        f"nlp.pipe {n / bare:>6,.0f} w/s  extraction {n / full:>6,.0f} w/s  "
        f"ratio {bare / full:.2f}  ({len(found):,} attributions)",
        flush=True,
    )


def peak_rss_mb(code: str) -> float:
    """Peak resident memory (MiB) of a fresh Python running ``code``, as the child itself
    reports it (``VmHWM``; a forked child's ``ru_maxrss`` would count the parent's pages)."""
    report = (
        "\nimport resource, sys\n"
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')]\n"
        "kb = int(hwm[0].split()[1]) if hwm else "
        "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(kb, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code + report], check=True, capture_output=True, text=True
    )
    return int(done.stderr.strip().splitlines()[-1]) / 1024


def memory_rows() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "letters.txt"
        path.write_text("a\n" * 100_000, encoding="utf-8")
        base = peak_rss_mb("from loaders.nlp import Extractor; Extractor()")
        code = (
            "import sys; from app.cli import main; out = sys.stdout; "
            "sys.stdout = open('/dev/null', 'w'); "
            f"main(['extract', '--format', 'jsonl', {str(path)!r}]); sys.stdout = out"
        )
        peak = peak_rss_mb(code)
    print(f"peak RSS, model loaded only:                 {base:>7,.0f} MiB")
    print(f"peak RSS, extract 100,000 one-letter lines:  {peak:>7,.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--no-memory", action="store_true")
    parser.add_argument("--memory-only", action="store_true")
    args = parser.parse_args()
    if args.memory_only:
        memory_rows()
        return
    ex = Extractor()
    list(ex.extract_many([Article.create(text=news_text(5_000))]))  # warm up
    sizes = [int(s) for s in args.sizes.split(",")]
    for size in sizes:
        row(ex, "news paragraphs", news_text(size))
    row(ex, "quotes only", quoted_text(min(max(sizes), 100_000)))
    if not args.no_memory:
        memory_rows()


if __name__ == "__main__":
    main()

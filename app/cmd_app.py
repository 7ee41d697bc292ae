"""``sourcetrace app``: run the Streamlit explorer on a store.

The store options are those of every store command (``--store PATH`` or
``--neo4j URI``); they reach the Streamlit process as the environment
variables :func:`graph.store.open_store` reads. Streamlit runs headless, on
127.0.0.1 by default, with usage statistics off.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from app.cmd_store import add_store_options, store_from_args
from graph.store import STORE_ENV
from loaders.files import DEFAULT_MAX_BYTES

APP = Path(__file__).parent / "streamlit_app.py"


def streamlit_command(port: int, address: str) -> list[str]:
    """The ``streamlit run`` command line, with every setting that keeps it offline.

    >>> cmd = streamlit_command(8601, "127.0.0.1")
    >>> cmd[1:4], "--browser.gatherUsageStats" in cmd
    (['-m', 'streamlit', 'run'], True)
    """
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(APP),
        "--server.port",
        str(port),
        "--server.address",
        address,
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
        "--client.toolbarMode",
        "minimal",
        "--server.maxUploadSize",
        str(DEFAULT_MAX_BYTES // 2**20),
    ]


def app_environment(args: argparse.Namespace, base: dict[str, str] | None = None) -> dict[str, str]:
    """The Streamlit process's environment: the chosen store as ``open_store`` reads it.

    >>> env = app_environment(argparse.Namespace(store="g.sqlite", neo4j=None), {"NEO4J_URI": "x"})
    >>> env["SOURCETRACE_STORE"].endswith("g.sqlite"), "NEO4J_URI" in env
    (True, False)
    """
    env = dict(os.environ if base is None else base)
    env["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] = "false"
    if getattr(args, "neo4j", None):
        env["NEO4J_URI"] = args.neo4j
        for option, name in (
            ("neo4j_user", "NEO4J_USER"),
            ("neo4j_password", "NEO4J_PASSWORD"),
            ("neo4j_database", "NEO4J_DATABASE"),
        ):
            if getattr(args, option, None):
                env[name] = getattr(args, option)
    elif getattr(args, "store", None):
        env[STORE_ENV] = str(Path(args.store).expanduser().resolve())
        env.pop("NEO4J_URI", None)
    return env


def cmd_app(args: argparse.Namespace) -> int:
    # Open (and close) the store first, so a wrong path or server fails here,
    # with a readable message, rather than inside the browser.
    store_from_args(args).close()
    command = streamlit_command(args.port, args.address)
    # Become Streamlit rather than wait for it: a signal sent to `sourcetrace app` then
    # reaches the server itself, and no server is left behind when this process ends.
    os.chdir(APP.parent)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(command[0], command, app_environment(args))


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "app",
        help="open the graph explorer in the browser",
        description="Run the Streamlit explorer (overview, interactive graph, claim traces, "
        "single-source and circular reporting) on a graph store. Nothing is fetched "
        "from the internet.",
    )
    add_store_options(p)
    p.add_argument("--port", type=int, default=8501, help="port to serve on (default 8501)")
    p.add_argument(
        "--address",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: this machine only)",
    )
    p.set_defaults(func=cmd_app)

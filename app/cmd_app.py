"""``sourcetrace app``: run the Streamlit explorer on a store.

The store options are those of every store command (``--store PATH`` or
``--neo4j URI``); they reach the Streamlit process as the environment
variables :func:`graph.store.open_store` reads. Streamlit runs headless, on
127.0.0.1 by default, with usage statistics off. It runs in a process group of
its own, and SIGTERM, SIGINT (Ctrl-C) or SIGHUP to ``sourcetrace app`` stop
the whole group (:func:`run_child`), so no server is left behind.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import signal
import subprocess
import sys
from pathlib import Path

from app.cmd_store import add_store_options, store_from_args
from graph.store import STORE_ENV
from loaders.files import DEFAULT_MAX_BYTES

APP = Path(__file__).parent / "streamlit_app.py"
# Signals that stop the app: forwarded to Streamlit's process group, then SIGKILL after
# GRACE_S seconds.
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
GRACE_S = 5.0


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


class _Stop(Exception):
    """Raised by the signal handler to leave the wait for the child."""


def _die_with_parent() -> None:
    """In the child, before ``exec``: get SIGKILL if ``sourcetrace app`` itself dies
    (Linux ``PR_SET_PDEATHSIG``; elsewhere nothing)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def stop_group(proc: subprocess.Popen[bytes], signum: int, grace: float = GRACE_S) -> int:
    """Send ``signum`` to the child's process group, wait ``grace`` seconds, then SIGKILL
    whatever of the group is left. Returns the child's exit status."""
    for sig in (signum, signal.SIGKILL):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            return proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            continue
    return proc.wait()


def run_child(command: list[str], env: dict[str, str], cwd: Path) -> int:
    """Run ``command`` in a process group of its own until it exits, or until this process
    gets SIGTERM, SIGINT or SIGHUP: then the signal goes to the whole group, which is
    killed after :data:`GRACE_S` seconds if it is still there. Returns the child's exit
    status, or 128 + the signal's number."""
    got: list[int] = []

    def on_signal(signum: int, frame: object) -> None:
        if not got:
            got.append(signum)
            raise _Stop

    # A signal before the handlers are in place kills this process the default way; the
    # child then gets SIGKILL from _die_with_parent.
    proc = subprocess.Popen(
        command, env=env, cwd=cwd, start_new_session=True, preexec_fn=_die_with_parent
    )
    previous = {s: signal.signal(s, on_signal) for s in STOP_SIGNALS}
    try:
        return proc.wait()
    except _Stop:
        stop_group(proc, got[0])
        return 128 + got[0]
    finally:
        if proc.poll() is None:  # any other way out of the wait
            stop_group(proc, signal.SIGTERM)
        for s, handler in previous.items():
            signal.signal(s, handler)


def cmd_app(args: argparse.Namespace) -> int:
    # Open (and close) the store first, so a wrong path or server fails here,
    # with a readable message, rather than inside the browser.
    store_from_args(args).close()
    command = streamlit_command(args.port, args.address)
    return run_child(command, app_environment(args), APP.parent)


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

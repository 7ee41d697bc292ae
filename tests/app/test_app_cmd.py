"""``sourcetrace app``: options, the environment it gives Streamlit, and a real start."""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil
import pytest

from app import cli
from app.cmd_app import app_environment, streamlit_command


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_app_command_is_registered_with_store_and_port_options() -> None:
    args = cli.build_parser().parse_args(["app", "--store", "g.sqlite", "--port", "8999"])
    assert (args.command, args.store, args.port, args.address) == (
        "app",
        "g.sqlite",
        8999,
        "127.0.0.1",
    )


def test_streamlit_runs_headless_without_usage_statistics() -> None:
    cmd = streamlit_command(8999, "127.0.0.1")
    flags = dict(zip(cmd[5::2], cmd[6::2], strict=True))
    assert flags["--server.headless"] == "true"
    assert flags["--browser.gatherUsageStats"] == "false"
    assert flags["--server.address"] == "127.0.0.1" and flags["--server.port"] == "8999"


@pytest.mark.parametrize(
    ("options", "expected", "absent"),
    [
        ({"store": "x/graph.sqlite"}, {"SOURCETRACE_STORE": "graph.sqlite"}, {"NEO4J_URI"}),
        (
            {"neo4j": "bolt://127.0.0.1:7687", "neo4j_user": "reader"},
            {"NEO4J_URI": "bolt://127.0.0.1:7687", "NEO4J_USER": "reader"},
            set(),
        ),
    ],
)
def test_store_options_reach_streamlit_as_environment(
    options: dict[str, str], expected: dict[str, str], absent: set[str]
) -> None:
    env = app_environment(argparse.Namespace(**options), {"NEO4J_URI": "bolt://elsewhere:1"})
    for name, value in expected.items():
        assert env[name].endswith(value)
    assert not absent & set(env)
    assert env["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] == "false"


def test_unusable_store_fails_before_starting_streamlit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["app", "--store", str(tmp_path), "--port", str(free_port())]) == 2
    assert str(tmp_path) in capsys.readouterr().err


def _wait_healthy(proc: subprocess.Popen[bytes], port: int) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1):
                return
        except OSError:
            assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
            assert time.monotonic() < deadline, "the app did not start"
            time.sleep(0.3)


def _serving(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_sourcetrace_app_serves_the_explorer_and_a_signal_stops_streamlit_too(
    store_path: Path, signum: signal.Signals
) -> None:
    port = free_port()
    exe = shutil.which("sourcetrace") or ""
    command = [exe] if exe else [sys.executable, "-m", "app.cli"]
    env = {k: v for k, v in os.environ.items() if k != "NEO4J_URI"}
    proc = subprocess.Popen(
        [*command, "app", "--store", str(store_path), "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    children: list[psutil.Process] = []
    try:
        _wait_healthy(proc, port)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as page:
            assert page.status == 200 and b"<html" in page.read().lower()
        children = psutil.Process(proc.pid).children(recursive=True)
        assert any("streamlit" in " ".join(c.cmdline()) for c in children)
        proc.send_signal(signum)  # to sourcetrace alone, as a service manager or Ctrl-C does
        assert proc.wait(timeout=20) == 128 + signum
        _, alive = psutil.wait_procs(children, timeout=10)
        assert alive == []
        assert not _serving(port)
    finally:
        for child in children:
            if child.is_running():
                child.kill()
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=20)

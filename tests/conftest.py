"""Fixtures shared by every test package."""

from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path

import psutil
import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the checkout (CI always has it); skip where it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


# --- no process left behind ----------------------------------------------------------------
# Every process the test run starts inherits this variable (tests that build an environment
# start from os.environ). At the end, any process still carrying it -- a child, or an orphan
# whose parent died (a `streamlit run`, a java Bolt server, a chromium) -- fails the run.
SESSION_MARK = "SOURCETRACE_TEST_SESSION"


def pytest_sessionstart(session: pytest.Session) -> None:
    os.environ[SESSION_MARK] = f"{os.getpid()}-{uuid.uuid4().hex}"


def _left_behind() -> list[psutil.Process]:
    mark = os.environ.get(SESSION_MARK)
    me = os.getpid()
    found = {p.pid: p for p in psutil.Process(me).children(recursive=True)}
    for p in psutil.process_iter():
        if p.pid == me or p.pid in found:
            continue
        try:
            if mark and p.environ().get(SESSION_MARK) == mark:
                found[p.pid] = p
        except (psutil.AccessDenied, psutil.NoSuchProcess, psutil.ZombieProcess):
            continue
    return list(found.values())


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _, alive = psutil.wait_procs(_left_behind(), timeout=5)
    if not alive:
        return
    lines = []
    for p in alive:
        try:
            lines.append(f"  pid {p.pid}: {' '.join(p.cmdline())[:200]}")
            p.kill()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    if lines:
        print("\nprocesses started by the tests were still running (now killed):", file=sys.stderr)
        print("\n".join(lines), file=sys.stderr)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED

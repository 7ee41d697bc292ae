"""Fixtures shared by every test package."""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"

# Every process a test starts inherits this marker, so the end of the run can find any
# that was left behind, even one reparented away from pytest.
RUN_MARKER = "SOURCETRACE_TEST_RUN"
os.environ[RUN_MARKER] = secrets.token_hex(8)


def leftover_processes() -> list[tuple[int, str]]:
    """``(pid, command line)`` of live processes carrying this run's marker, pytest excepted."""
    needle = f"{RUN_MARKER}={os.environ[RUN_MARKER]}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if needle not in (entry / "environ").read_bytes().split(b"\0"):
                continue
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if state != "Z":
            found.append((int(entry.name), command.strip()))
    return found


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run when a test left a process running (and end that process)."""
    if not Path("/proc/self/environ").exists() or hasattr(session.config, "workerinput"):
        return
    left = leftover_processes()
    for pid, _ in left:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    if left:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line("processes left behind by the tests (now killed):", red=True)
            for pid, command in left:
                reporter.write_line(f"  {pid}: {command[:200]}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the checkout (CI always has it); skip where it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED

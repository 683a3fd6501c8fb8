"""Test settings shared by every test: no display needed, one locale, fresh terminals."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")
# Never read the developer's own settings file (~/.config/memberdesk/memberdesk.toml).
os.environ.setdefault("MEMBERDESK_CONFIG_DIR", os.path.join(os.sep, "nonexistent", "memberdesk"))

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.bootstrap import Terminal, open_terminal
from app.services.context import Actor, FixedClock

# A Tuesday at 10:00 in Shanghai; Wednesday is member day in the default rule book.
START = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def terminal(tmp_path: Path, clock: FixedClock) -> Iterator[Terminal]:
    """A fresh terminal on the default rule book with one cashier of each role."""
    from app.services.staff import SYSTEM

    term = open_terminal(tmp_path / "data", clock=clock)
    term.add_cashier(SYSTEM, "lin", "Lin Cashier", "cashier", "1111")
    term.add_cashier(SYSTEM, "sam", "Sam Supervisor", "supervisor", "2222")
    yield term
    term.close()


@pytest.fixture
def cashier(terminal: Terminal) -> Actor:
    return terminal.actor("lin")


@pytest.fixture
def supervisor(terminal: Terminal) -> Actor:
    return terminal.actor("sam")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Every terminal log the suite's processes wrote (under the run's temporary directory)
    is grepped for the demo phones and member-code texts: a log line holding one fails the
    run (issue 15: logs carry no personal data)."""
    if hasattr(session.config, "workerinput"):  # an xdist worker: the controller looks
        return
    factory = getattr(session.config, "_tmp_path_factory", None)
    if factory is None:
        return
    from logscan import personal_data

    try:
        root = factory.getbasetemp()
    except OSError:
        return
    found = personal_data(root)
    if found:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        text = "personal data in terminal logs:\n" + "\n".join(found[:20])
        if reporter is not None:
            reporter.write_line(text, red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED

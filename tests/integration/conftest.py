"""Fixtures for the use-case tests: a database probe and a member with some history."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from probe import DbProbe, probe_for

from app.bootstrap import Terminal, open_terminal
from app.services.context import Actor, FixedClock
from app.services.staff import SYSTEM
from app.services.views import EnrollResult

PHONE = "13900000001"
START = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)  # as in tests/conftest.py


@pytest.fixture(scope="session")
def template_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated terminal with the two cashiers, made once: hashing PINs and migrating
    for every test would double the folder's run time."""
    data = tmp_path_factory.mktemp("template") / "data"
    term = open_terminal(data, clock=FixedClock(START))
    term.add_cashier(SYSTEM, "lin", "Lin Cashier", "cashier", "1111")
    term.add_cashier(SYSTEM, "sam", "Sam Supervisor", "supervisor", "2222")
    term.close()
    return data


@pytest.fixture
def terminal(tmp_path: Path, clock: FixedClock, template_dir: Path) -> Iterator[Terminal]:
    """The same terminal as tests/conftest.py's, copied from the template."""
    shutil.copytree(template_dir, tmp_path / "data")
    term = open_terminal(tmp_path / "data", clock=clock)
    yield term
    term.close()


@pytest.fixture
def db(terminal: Terminal) -> DbProbe:
    return probe_for(terminal)


@pytest.fixture
def member(terminal: Terminal, cashier: Actor) -> EnrollResult:
    return terminal.enroll("enroll-1", cashier, phone=PHONE, name="Zhang Wei")


@pytest.fixture
def rich_member(terminal: Terminal, supervisor: Actor, member: EnrollResult) -> EnrollResult:
    """A bronze member with 5000 points (a supervisor's welcome adjustment, no purchases)."""
    terminal.adjust("seed-points", supervisor, member.member_id, 5000, "welcome points")
    assert terminal.card(member.member_id).points == 5000
    return member

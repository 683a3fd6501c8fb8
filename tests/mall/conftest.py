"""Fixtures of a mall run as separate processes (see harness.py), on SQLite and PostgreSQL."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .harness import Counter, Ledger, pg_database


@pytest.fixture(params=["sqlite", "postgres"])
def ledger(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Ledger]:
    """A ledger process on a fresh database of each kind."""
    home = tmp_path / "ledger-host"
    home.mkdir()
    databases: Iterator[str] | None = None
    if request.param == "sqlite":
        url = f"sqlite+pysqlite:///{home / 'ledger.db'}"
    else:
        databases = pg_database()
        url = next(databases)
    server = Ledger(url, home)
    server.start()
    yield server
    server.stop()
    if databases is not None:
        next(databases, None)


CounterFactory = Callable[..., Counter]


@pytest.fixture
def paired_counter(ledger: Ledger, tmp_path: Path) -> CounterFactory:
    """A terminal PC paired the way the operator guide says: ``terminal add`` at the ledger,
    ``memberdesk pair`` on the PC, then its first cashier with ``memberdesk cashier first``."""

    def make(terminal_id: str = "T01", store: str = "S001") -> Counter:
        home = tmp_path / f"pc-{terminal_id}"
        home.mkdir()
        counter = Counter(home / "memberdesk", home)
        code = ledger.add_terminal(terminal_id, store)
        counter.run("pair", "--ledger", ledger.url, "--code", code, "--terminal-id", terminal_id)
        counter.run("cashier", "first", "lin", "--name", "Lin", "--pin", "1111")
        return counter

    return make


@pytest.fixture(scope="session")
def seeded_pc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A terminal PC with demo data and one sale, made once (each command a process)."""
    home = tmp_path_factory.mktemp("seeded-pc")
    counter = Counter(home / "memberdesk", home)
    counter.run("demo")
    counter.run("award", "13800138001", "--line", "grocery=100", "--cashier", "lin")
    return home


@pytest.fixture
def pc(seeded_pc: Path, tmp_path: Path) -> Counter:
    """A copy of the seeded PC for one test to break."""
    home = tmp_path / "pc"
    shutil.copytree(seeded_pc, home)
    return Counter(home / "memberdesk", home)

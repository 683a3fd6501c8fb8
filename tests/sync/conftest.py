"""A real ledger over real HTTP (uvicorn on a free loopback port), on SQLite and on the
PostgreSQL server at 127.0.0.1:5432, and terminals paired with it."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest
import uvicorn
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.bootstrap import Terminal, open_terminal
from app.config import Settings
from app.services.context import FixedClock
from app.services.staff import SYSTEM
from sync.client.authorizer import connect
from sync.client.commands import make_syncer, pair_terminal
from sync.client.engine import Syncer
from sync.server import ledger as ledger_rules
from sync.server.api import create_app
from sync.server.cli import open_ledger

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"
ADMIN_TOKEN = "test-admin-token"


def postgres_available() -> bool:
    try:
        with psycopg.connect(PG_ADMIN, connect_timeout=2):
            return True
    except psycopg.Error:
        return False


@pytest.fixture(params=["sqlite", "postgres"])
def ledger_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty ledger database of each kind."""
    if request.param == "sqlite":
        yield f"sqlite+pysqlite:///{tmp_path / 'ledger.db'}"
        return
    if not postgres_available():
        pytest.fail("PostgreSQL must run at 127.0.0.1:5432 (user postgres, database test)")
    name = f"md_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass
class LedgerServer:
    url: str  # http://127.0.0.1:PORT
    engine: Engine
    server: uvicorn.Server
    thread: threading.Thread

    def add_terminal(self, terminal_id: str, store: str = "S001") -> str:
        with Session(self.engine) as session, session.begin():
            return ledger_rules.add_terminal(
                session, terminal_id, store, ledger_rules.rule_book(session)
            )

    def revoke(self, terminal_id: str) -> None:
        with Session(self.engine) as session, session.begin():
            ledger_rules.revoke(session, terminal_id)

    def report(self) -> dict[str, object]:
        with Session(self.engine) as session:
            return ledger_rules.report(session)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)


def start_ledger(database_url: str) -> LedgerServer:
    engine = open_ledger(database_url)
    app = create_app(engine, admin_token=ADMIN_TOKEN)
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the ledger did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    return LedgerServer(f"http://127.0.0.1:{port}", engine, server, thread)


@pytest.fixture
def ledger(ledger_url: str) -> Iterator[LedgerServer]:
    server = start_ledger(ledger_url)
    yield server
    server.stop()
    server.engine.dispose()


@dataclass
class Counter:
    """A paired terminal and its sync engine."""

    terminal: Terminal
    syncer: Syncer
    clock: FixedClock


TerminalFactory = Callable[..., Counter]


@pytest.fixture
def make_counter(ledger: LedgerServer, tmp_path: Path) -> Iterator[TerminalFactory]:
    made: list[Terminal] = []

    def make(terminal_id: str = "T01", store: str = "S001") -> Counter:
        data = tmp_path / terminal_id
        clock = FixedClock(datetime.now(UTC))
        terminal = open_terminal(
            data,
            clock=clock,
            settings=Settings(data_dir=data, terminal_id=terminal_id, store_code=store),
            connect=connect,
        )
        terminal.add_cashier(SYSTEM, "lin", "Lin Cashier", "cashier", "1111")
        terminal.add_cashier(SYSTEM, "sam", "Sam Supervisor", "supervisor", "2222")
        code = ledger.add_terminal(terminal_id, store)
        pair_terminal(terminal, ledger.url, code)
        syncer = make_syncer(terminal)
        assert syncer is not None
        made.append(terminal)
        return Counter(terminal, syncer, clock)

    yield make
    for terminal in made:
        terminal.close()

"""What the sync benchmarks share: a ledger served by ``memberdesk-ledger serve`` in a
subprocess (its own interpreter, so its CPU does not share the benchmark's GIL), terminals
added and paired with it, and a scratch PostgreSQL database."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
import requests
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from sync.client.http import LedgerClient
from sync.protocol import API
from sync.server import ledger as ledger_rules
from sync.server.cli import open_ledger

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _ledger_command() -> list[str]:
    script = Path(sys.executable).with_name("memberdesk-ledger")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from sync.server.cli import main; sys.exit(main())"]


@dataclass
class LedgerProcess:
    url: str  # http://127.0.0.1:PORT
    database_url: str
    engine: Engine  # the benchmark's own connection to the same database (operator side)
    process: subprocess.Popen[bytes]

    def add_terminal(self, terminal_id: str, store: str = "S001") -> str:
        with Session(self.engine) as session, session.begin():
            return ledger_rules.add_terminal(
                session, terminal_id, store, ledger_rules.rule_book(session)
            )

    def pair(self, terminal_id: str, store: str = "S001") -> str:
        """Add and pair a terminal over HTTP; its credential."""
        code = self.add_terminal(terminal_id, store)
        client = LedgerClient(self.url)
        try:
            return client.pair(terminal_id, code).credential
        finally:
            client.close()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)
        self.engine.dispose()


def start_ledger(database_url: str, workers: int = 1) -> LedgerProcess:
    """Migrate the database here, then serve it from a subprocess (``workers`` uvicorn
    worker processes)."""
    engine = open_ledger(database_url)
    port = _free_port()
    process = subprocess.Popen(
        [
            *_ledger_command(),
            "--database-url",
            database_url,
            "--log-level",
            "WARNING",
            "serve",
            "--port",
            str(port),
            "--limit-concurrency",
            "1000",
            "--workers",
            str(workers),
        ],
        stdout=subprocess.DEVNULL,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"the ledger exited with {process.returncode}")
        try:
            if requests.get(f"{url}{API}/health", timeout=1).ok:
                break
        except requests.RequestException:
            pass
        if time.monotonic() > deadline:
            process.kill()
            raise RuntimeError("the ledger did not start")
        time.sleep(0.1)
    return LedgerProcess(url, database_url, engine, process)


@contextmanager
def ledger(database_url: str, workers: int = 1) -> Iterator[LedgerProcess]:
    server = start_ledger(database_url, workers)
    try:
        yield server
    finally:
        server.stop()


@contextmanager
def scratch_postgres() -> Iterator[str]:
    """A new PostgreSQL database (SQLAlchemy URL), dropped afterwards."""
    name = f"md_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def copy_database(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)

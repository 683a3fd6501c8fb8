"""award_commit: durable awards per second through ``Terminal.award``.

Each award has its own request id and is its own write transaction (BEGIN IMMEDIATE ... COMMIT
with WAL and synchronous=FULL, so one fsync of the WAL per award). Two baselines, measured in
the same run:

- ``award_commit``: the floor that durability sets on the same disk: a bare ``sqlite3``
  connection with the same pragmas doing one single-row INSERT per transaction;
- ``award_commit_same_rows``: the same rows each award wrote (its INSERTs and UPDATEs, as
  SQLite's trace gave them), written through a bare ``sqlite3`` connection with the same
  pragmas in one transaction per award, on a copy of the terminal's database taken before
  the measured awards. Its ratio is the code's share (reads, rules, the ORM): the rows' own
  cost on this disk is the baseline.

The three alternate in rounds so that a disk that speeds up or slows down during the run
affects them alike.
"""

from __future__ import annotations

import random
import sqlite3
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import event

from app.bootstrap import Terminal, open_terminal
from app.domain.quote import Line
from app.services.context import Actor, FixedClock
from app.services.staff import SYSTEM
from app.store.db import BUSY_TIMEOUT_MS
from bench.common import BENCH_NOW, Figure, note, scratch_dir

CATEGORIES = ("grocery", "fashion", "electronics", "beauty", "dining")
MEMBERS = 4
ROUNDS = 6


def setup_terminal(data_dir: Path) -> tuple[Terminal, FixedClock, Actor, list[str]]:
    clock = FixedClock(BENCH_NOW)
    terminal = open_terminal(data_dir, clock=clock)
    terminal.add_cashier(SYSTEM, "lin", "Lin Cashier", "cashier", "1111")
    cashier = terminal.actor("lin")
    members = [
        terminal.enroll(
            f"bench-enroll-{n}", cashier, phone=f"1390000{n:04d}", name=f"Bench Member {n}"
        ).member_id
        for n in range(MEMBERS)
    ]
    return terminal, clock, cashier, members


def basket(rng: random.Random) -> list[Line]:
    return [
        Line(rng.choice(CATEGORIES), rng.randint(20, 600) * 100 + rng.randint(0, 99))
        for _ in range(rng.randint(1, 3))
    ]


def do_awards(
    terminal: Terminal,
    clock: FixedClock,
    cashier: Actor,
    members: list[str],
    rng: random.Random,
    count: int,
) -> float:
    """``count`` awards, each with a new request id; the seconds they took."""
    started = time.perf_counter()
    for _ in range(count):
        clock.advance(seconds=30)
        terminal.award(str(uuid.uuid4()), cashier, rng.choice(members), basket(rng))
    return time.perf_counter() - started


def bare_connection(path: Path) -> sqlite3.Connection:
    """The baseline's connection: the same durability pragmas as ``app.store.db``."""
    connection = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    connection.execute(
        "CREATE TABLE IF NOT EXISTS entries (id INTEGER PRIMARY KEY, member_id TEXT NOT NULL, "
        "points INTEGER NOT NULL, created_at TEXT NOT NULL)"
    )
    return connection


def do_inserts(connection: sqlite3.Connection, rng: random.Random, count: int) -> float:
    started = time.perf_counter()
    for _ in range(count):
        connection.execute("BEGIN IMMEDIATE")
        connection.execute(
            "INSERT INTO entries (member_id, points, created_at) VALUES (?, ?, ?)",
            (f"M{rng.randrange(MEMBERS):07d}", rng.randint(1, 600), BENCH_NOW.isoformat()),
        )
        connection.execute("COMMIT")
    return time.perf_counter() - started


WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


class RowRecorder:
    """Every write transaction the terminal's writer commits, as SQLite's trace gave its
    statements (values inlined)."""

    def __init__(self, terminal: Terminal) -> None:
        self.transactions: list[list[str]] = []
        self._open: list[str] | None = None
        self.recording = False
        writer = terminal.ctx.database.writer
        event.listen(writer, "connect", self._on_connect)
        writer.dispose()  # pooled connections reconnect, traced

    def _on_connect(self, dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.set_trace_callback(self._trace)

    def _trace(self, statement: str) -> None:
        if not self.recording:
            return
        word = statement.lstrip().upper()
        if word.startswith("BEGIN"):
            self._open = []
        elif word.startswith(("COMMIT", "END")) and self._open is not None:
            if self._open:
                self.transactions.append(self._open)
            self._open = None
        elif (
            word.startswith(WRITES)
            and self._open is not None
            # SQLite traces a statement again at each of its subprograms (foreign key
            # checks): the same text twice in a row is one statement.
            and (not self._open or self._open[-1] != statement)
        ):
            self._open.append(statement)

    def record(self, do: Callable[[], float]) -> tuple[float, list[list[str]]]:
        """Run ``do``; its seconds and the write transactions it committed."""
        first = len(self.transactions)
        self.recording = True
        try:
            return do(), self.transactions[first:]
        finally:
            self.recording = False


def copy_database(terminal: Terminal, target: Path) -> sqlite3.Connection:
    """A copy of the terminal's database as it is now, opened as ``bare_connection`` opens
    its file (the same pragmas)."""
    source = sqlite3.connect(terminal.settings.database_path)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        source.close()
        copy.close()
    connection = sqlite3.connect(target, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA foreign_keys=ON")
    return connection


def write_same_rows(connection: sqlite3.Connection, transactions: list[list[str]]) -> float:
    """The awards' rows, in the same transactions; the seconds they took."""
    started = time.perf_counter()
    for statements in transactions:
        connection.execute("BEGIN IMMEDIATE")
        for statement in statements:
            connection.execute(statement)
        connection.execute("COMMIT")
    return time.perf_counter() - started


COUNTED = ("purchases", "purchase_lines", "journal", "lot_balances", "outbox", "audit_log")


def check_same_rows(terminal: Terminal, same: sqlite3.Connection) -> None:
    """The copy holds as many rows as the terminal: the baseline wrote what the awards did."""
    source = sqlite3.connect(terminal.settings.database_path)
    try:
        for table in COUNTED:
            query = f"SELECT count(*) FROM {table}"
            ours, theirs = source.execute(query).fetchone(), same.execute(query).fetchone()
            if ours != theirs:
                raise RuntimeError(f"{table}: {theirs[0]} rows in the copy, {ours[0]} here")
    finally:
        source.close()


def run(quick: bool) -> list[Figure]:
    total = 60 if quick else 480
    warmup = 10 if quick else 30
    per_round = total // ROUNDS
    rng = random.Random(20261124)
    with scratch_dir("award") as tmp:
        terminal, clock, cashier, members = setup_terminal(tmp / "terminal")
        bare = bare_connection(tmp / "bare.db")
        try:
            do_awards(terminal, clock, cashier, members, rng, warmup)
            do_inserts(bare, rng, warmup)
            same = copy_database(terminal, tmp / "same-rows.db")
            recorder = RowRecorder(terminal)
            award_s = insert_s = rows_s = 0.0
            for _ in range(ROUNDS):
                seconds, written = recorder.record(
                    lambda: do_awards(terminal, clock, cashier, members, rng, per_round)
                )
                award_s += seconds
                insert_s += do_inserts(bare, rng, per_round)
                rows_s += write_same_rows(same, written)
            check_same_rows(terminal, same)
            same.close()
        finally:
            bare.close()
            terminal.close()
    count = per_round * ROUNDS
    note(
        f"award_commit: {count} awards in {award_s:.2f} s "
        f"({award_s / count * 1000:.2f} ms each); {count} bare inserts in {insert_s:.2f} s "
        f"({insert_s / count * 1000:.2f} ms each); {MEMBERS} members, "
        f"{warmup + count // MEMBERS} purchases each by the end"
    )
    if len(written) != per_round:
        raise RuntimeError(f"{len(written)} write transactions for {per_round} awards")
    note(
        f"award_commit_same_rows: an award writes {len(written[-1])} rows or updates in one "
        f"transaction; through bare sqlite3 they took {rows_s / count * 1000:.2f} ms an award"
    )
    return [
        Figure("award_commit", count / award_s, "awards/s", count / insert_s),
        Figure("award_commit_same_rows", count / award_s, "awards/s", count / rows_s),
    ]

"""award_commit: durable awards per second through ``Terminal.award``.

Each award has its own request id and is its own write transaction (BEGIN IMMEDIATE ... COMMIT
with WAL and synchronous=FULL, so one fsync of the WAL per award). The baseline is the floor
that durability sets on the same disk: a bare ``sqlite3`` connection with the same pragmas doing
one single-row INSERT per transaction. The two alternate in rounds so that a disk that speeds up
or slows down during the run affects both alike.
"""

from __future__ import annotations

import random
import sqlite3
import time
import uuid
from pathlib import Path

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


def run(quick: bool) -> Figure:
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
            award_s = insert_s = 0.0
            for _ in range(ROUNDS):
                award_s += do_awards(terminal, clock, cashier, members, rng, per_round)
                insert_s += do_inserts(bare, rng, per_round)
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
    return Figure("award_commit", count / award_s, "awards/s", count / insert_s)

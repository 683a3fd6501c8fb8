"""member_lookup_1m: p99 milliseconds to load everything the member card shows.

``Terminal.card`` is called alternately with a member id and with a phone number, in a database
of 1,000,000 members (``bench.build_db``). Half the lookups are members with a purchase history
(the members who actually come to a counter), half are members drawn from the whole population.
The baseline is a bare primary-key read of the member row (``SELECT * FROM members WHERE
member_id = ?``) on an open ``sqlite3`` connection to the same file, timed interleaved with the
card lookups, one each, for the same members.
"""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path

from app.bootstrap import open_terminal
from app.config import DATABASE_NAME
from app.services.context import FixedClock
from app.store.db import BUSY_TIMEOUT_MS
from bench.build_db import Population, ensure_database, history_members
from bench.common import BENCH_NOW, Figure, note, percentile


def lookups(population: Population, count: int, seed: int) -> list[tuple[str, str]]:
    """(query, member id) pairs: alternately by member id and by phone."""
    rng = random.Random(seed)
    regulars = history_members(population)
    picks: list[tuple[str, str]] = []
    for i in range(count):
        n = rng.choice(regulars) if i % 4 < 2 else rng.randrange(population.members)
        member_id = population.member_id(n)
        picks.append((member_id if i % 2 == 0 else population.phone(n), member_id))
    return picks


def bare_connection(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return connection


def warm_file(path: Path) -> None:
    """Read the database once so the OS holds it in memory: the figure is about the code's
    work per lookup, not about how fast this machine's disk pages in a cold file."""
    with path.open("rb") as handle:
        while handle.read(1 << 22):
            pass


def run(quick: bool) -> Figure:
    population = Population(20_000, 1_000) if quick else Population(1_000_000, 20_000)
    count, warmup = (400, 100) if quick else (3000, 300)
    data_dir = ensure_database(population)
    warm_file(data_dir / DATABASE_NAME)
    terminal = open_terminal(data_dir, clock=FixedClock(BENCH_NOW))
    bare = bare_connection(data_dir / DATABASE_NAME)
    read = "SELECT * FROM members WHERE member_id = ?"
    card_ms: list[float] = []
    bare_ms: list[float] = []
    by_phone_ms: list[float] = []
    try:
        for query, member_id in lookups(population, warmup, seed=5):
            terminal.card(query)
            bare.execute(read, (member_id,)).fetchone()
        clock = time.perf_counter_ns
        for query, member_id in lookups(population, count, seed=6):
            t0 = clock()
            card = terminal.card(query)
            t1 = clock()
            row = bare.execute(read, (member_id,)).fetchone()
            t2 = clock()
            if card.member_id != member_id or row is None:
                raise AssertionError(f"lookup of {query} found {card.member_id}")
            card_ms.append((t1 - t0) / 1e6)
            bare_ms.append((t2 - t1) / 1e6)
            if query != member_id:
                by_phone_ms.append((t1 - t0) / 1e6)
    finally:
        bare.close()
        terminal.close()
    p99 = percentile(card_ms, 99)
    base = percentile(bare_ms, 99)
    note(
        f"member_lookup_1m: {population.members} members ({population.with_history} with "
        f"history), {count} lookups: card p50={percentile(card_ms, 50):.3f} ms "
        f"p99={p99:.3f} ms (by phone p99={percentile(by_phone_ms, 99):.3f} ms); bare PK read "
        f"p50={percentile(bare_ms, 50) * 1000:.1f} us p99={base * 1000:.1f} us"
    )
    return Figure("member_lookup_1m", p99, "ms", base)

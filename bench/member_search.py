"""member_search: p99 milliseconds of the counter's member search (F11, ``memberdesk member
search``), alternately by the phone's last 4 digits and by the beginning of a name, in a
database of 200,000 members (``bench.build_db``). Each search returns at most 20 members,
read through the indexes of migration 0010.

The baseline is a bare primary-key read of a member row (``SELECT * FROM members WHERE
member_id = ?``) on an open ``sqlite3`` connection to the same file, interleaved one each.
"""

from __future__ import annotations

import random
import time

from app.bootstrap import open_terminal
from app.config import DATABASE_NAME
from app.services.context import FixedClock
from bench.build_db import Population, ensure_database
from bench.common import BENCH_NOW, Figure, note, percentile
from bench.lookup import bare_connection, warm_file


def queries(population: Population, count: int, seed: int) -> list[tuple[str, str]]:
    """(query, a member id it must find): last 4 digits, then a name's beginning."""
    rng = random.Random(seed)
    picks = []
    for i in range(count):
        n = rng.randrange(population.members)
        query = population.phone(n)[-4:] if i % 2 == 0 else f"member {n}"
        picks.append((query, population.member_id(n)))
    return picks


def run(quick: bool) -> Figure:
    population = Population(20_000, 1_000) if quick else Population(200_000, 2_000)
    count, warmup = (400, 100) if quick else (2000, 200)
    data_dir = ensure_database(population)
    warm_file(data_dir / DATABASE_NAME)
    terminal = open_terminal(data_dir, clock=FixedClock(BENCH_NOW))
    bare = bare_connection(data_dir / DATABASE_NAME)
    read = "SELECT * FROM members WHERE member_id = ?"
    search_ms: list[float] = []
    bare_ms: list[float] = []
    found = 0
    try:
        for query, member_id in queries(population, warmup, seed=7):
            terminal.search_members(query)
            bare.execute(read, (member_id,)).fetchone()
        clock = time.perf_counter_ns
        for query, member_id in queries(population, count, seed=8):
            t0 = clock()
            hits = terminal.search_members(query)
            t1 = clock()
            row = bare.execute(read, (member_id,)).fetchone()
            t2 = clock()
            if not hits or row is None:
                raise AssertionError(f"search {query!r} found nobody")
            found += any(hit.member_id == member_id for hit in hits)
            search_ms.append((t1 - t0) / 1e6)
            bare_ms.append((t2 - t1) / 1e6)
    finally:
        bare.close()
        terminal.close()
    p99, base = percentile(search_ms, 99), percentile(bare_ms, 99)
    note(
        f"member_search: {population.members} members, {count} searches ({found} listed the "
        f"member looked for among at most 20): p50={percentile(search_ms, 50):.3f} ms "
        f"p99={p99:.3f} ms; bare PK read p99={base * 1000:.1f} us"
    )
    return Figure("member_search", p99, "ms", base)

"""Where the time of a figure goes: ``python -m bench.profile NAME [--quick] [--pyinstrument]``.

Prints the SQL statements one operation issues (with how often and how long they take) and a
cProfile summary, or a pyinstrument tree with ``--pyinstrument`` (``pip install pyinstrument``
into the venv; it is not a project dependency).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import random
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, event

from bench.common import BENCH_NOW


@dataclass
class SqlLog:
    calls: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def report(self, operations: int) -> None:
        total = sum(self.calls.values())
        spent = sum(self.seconds.values())
        print(
            f"\nSQL: {total / operations:.1f} statements and {spent / operations * 1000:.3f} ms "
            "in cursor.execute per operation"
        )
        for sql, n in sorted(self.calls.items(), key=lambda kv: -self.seconds[kv[0]]):
            text = " ".join(sql.split())
            print(f"  {n / operations:6.2f}x {self.seconds[sql] / n * 1000:7.3f} ms  {text[:150]}")


@contextmanager
def sql_log(*engines: Engine) -> Iterator[SqlLog]:
    log = SqlLog()

    def before(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        conn.info["bench_t0"] = time.perf_counter()

    def after(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        log.calls[statement] += 1
        log.seconds[statement] += time.perf_counter() - conn.info.pop("bench_t0")

    for engine in engines:
        event.listen(engine, "before_cursor_execute", before)
        event.listen(engine, "after_cursor_execute", after)
    try:
        yield log
    finally:
        for engine in engines:
            event.remove(engine, "before_cursor_execute", before)
            event.remove(engine, "after_cursor_execute", after)


def profile(work: Callable[[], object], use_pyinstrument: bool) -> None:
    if use_pyinstrument:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0002)
        profiler.start()
        work()
        profiler.stop()
        print(profiler.output_text(unicode=False, color=False, show_all=False))
        return
    cprof = cProfile.Profile()
    cprof.enable()
    work()
    cprof.disable()
    out = io.StringIO()
    stats = pstats.Stats(cprof, stream=out)
    stats.sort_stats("tottime").print_stats(30)
    stats.sort_stats("cumulative").print_stats(45)
    print(out.getvalue())


def award_commit(quick: bool, use_pyinstrument: bool) -> None:
    from bench.award import do_awards, setup_terminal
    from bench.common import scratch_dir

    rng = random.Random(7)
    with scratch_dir("profile-award") as tmp:
        terminal, clock, cashier, members = setup_terminal(tmp / "terminal")
        try:
            do_awards(terminal, clock, cashier, members, rng, 30)
            n = 50 if quick else 200
            database = terminal.ctx.database
            with sql_log(database.writer, database.reader) as log:
                do_awards(terminal, clock, cashier, members, rng, n)
            log.report(n)
            profile(lambda: do_awards(terminal, clock, cashier, members, rng, n), use_pyinstrument)
        finally:
            terminal.close()


def member_lookup_1m(quick: bool, use_pyinstrument: bool) -> None:
    from app.bootstrap import open_terminal
    from app.services.context import FixedClock
    from bench.build_db import Population, ensure_database
    from bench.lookup import lookups

    population = Population(20_000, 1_000) if quick else Population(1_000_000, 20_000)
    terminal = open_terminal(ensure_database(population), clock=FixedClock(BENCH_NOW))
    try:
        for query, _ in lookups(population, 300, seed=5):
            terminal.card(query)
        picks = lookups(population, 1000, seed=8)
        database = terminal.ctx.database
        with sql_log(database.writer, database.reader) as log:
            for query, _ in picks:
                terminal.card(query)
        log.report(len(picks))

        def work() -> None:
            for query, _ in picks:
                terminal.card(query)

        profile(work, use_pyinstrument)
    finally:
        terminal.close()


TARGETS: dict[str, Callable[[bool, bool], None]] = {
    "award_commit": award_commit,
    "member_lookup_1m": member_lookup_1m,
}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.profile")
    parser.add_argument("name", choices=sorted(TARGETS))
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--pyinstrument", action="store_true")
    args = parser.parse_args()
    TARGETS[args.name](args.quick, args.pyinstrument)


if __name__ == "__main__":
    main()

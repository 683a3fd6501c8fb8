"""award_during_pull: p99 of an award's wait while a sync applies a 5,000-member checkpoint,
against the p99 of the same awards with no sync, in the same run.

The terminal holds 5,000 members from the ledger (a snapshot, as a paired terminal has). A
sync thread then applies a checkpoint that changes every one of them (balance, buckets), as
the window's sync worker does, on the same ``Terminal``; meanwhile the counter records sales
one after another (``Terminal.award``, as the window's executor does) and each award's time,
from the call to its return, is a sample. The baseline is the same number of awards with no
sync running. Target: p99 during the pull <= 100 ms (the checkpoint goes in chunks of about
``replica.CHUNK_S`` of write lock each).
"""

from __future__ import annotations

import random
import threading
import time
import uuid
from datetime import date, timedelta

from app.bootstrap import Terminal, open_terminal
from app.domain.profile import DayDelta
from app.services import replica
from app.services.context import FixedClock
from app.services.staff import SYSTEM
from bench.award import basket
from bench.common import BENCH_NOW, Figure, note, percentile, scratch_dir

TARGET_MS = 100.0


def ledger_member(n: int, points: int, day: date) -> replica.ReplicaMember:
    return replica.ReplicaMember(
        member_id=f"M{n:07d}",
        phone=f"137{n:08d}",
        name=f"Ledger Member {n}",
        birthday=None,
        enrolled_on=date(2026, 1, 1),
        home_store="S001",
        plus_expires_on=None,
        status="active",
        points=points,
        growth=points // 2,
        buckets=((date(2027, 12, 31), points),),
        days=(DayDelta(day, points * 10, 1, 0, {"grocery": points * 10}),),
    )


def checkpoint(cursor: int, members: int, rng: random.Random) -> replica.Checkpoint:
    day = BENCH_NOW.date() - timedelta(days=cursor)
    return replica.Checkpoint(
        cursor=cursor,
        applied_through_seq=0,
        ledger_time=BENCH_NOW,
        members=[ledger_member(n, rng.randint(0, 5_000), day) for n in range(members)],
        rule_book=None,
    )


def awards_while(
    terminal: Terminal, clock: FixedClock, running: threading.Event | None, count: int
) -> list[float]:
    """Awards one after another (``count`` of them, or as long as ``running`` is set); the
    seconds each took."""
    cashier = terminal.actor("lin")
    rng = random.Random(len(terminal.cashiers()))
    samples: list[float] = []
    while (running is not None and running.is_set()) or (running is None and len(samples) < count):
        member_id = f"M{rng.randrange(200):07d}"
        clock.advance(seconds=5)
        started = time.perf_counter()
        terminal.award(uuid.uuid4().hex, cashier, member_id, basket(rng))
        samples.append(time.perf_counter() - started)
    return samples


def run(quick: bool) -> Figure:
    members = 1_000 if quick else 5_000
    pulls = 2 if quick else 1
    rng = random.Random(20261206)
    with scratch_dir("award-during-pull") as tmp:
        clock = FixedClock(BENCH_NOW)
        terminal = open_terminal(tmp / "terminal", clock=clock)
        try:
            terminal.add_cashier(SYSTEM, "lin", "Lin Cashier", "cashier", "1111")
            replica.apply_checkpoint(terminal.ctx, checkpoint(1, members, rng))  # the snapshot
            awards_while(terminal, clock, None, 20)  # warm up
            during: list[float] = []
            applying: list[float] = []
            for pull in range(pulls):
                running = threading.Event()
                running.set()
                incoming = checkpoint(2 + pull, members, rng)

                def sync(
                    incoming: replica.Checkpoint = incoming, running: threading.Event = running
                ) -> None:
                    started = time.perf_counter()
                    try:
                        replica.apply_checkpoint(terminal.ctx, incoming)
                    finally:
                        applying.append(time.perf_counter() - started)
                        running.clear()

                worker = threading.Thread(target=sync, name="bench-sync")
                worker.start()
                during.extend(awards_while(terminal, clock, running, 0))
                worker.join()
            alone = awards_while(terminal, clock, None, len(during))
        finally:
            terminal.close()
    p99_during, p99_alone = percentile(during, 99) * 1000, percentile(alone, 99) * 1000
    note(
        f"award_during_pull: {pulls} checkpoints of {members} changed members, each applied in "
        f"{sum(applying) / len(applying):.2f} s on average; {len(during)} awards meanwhile: "
        f"p50 {percentile(during, 50) * 1000:.1f} ms, p99 {p99_during:.1f} ms, max "
        f"{max(during) * 1000:.1f} ms; {len(alone)} awards with no sync: p50 "
        f"{percentile(alone, 50) * 1000:.1f} ms, p99 {p99_alone:.1f} ms; target p99 <= "
        f"{TARGET_MS:.0f} ms: {'met' if p99_during <= TARGET_MS else 'NOT met'}"
    )
    return Figure("award_during_pull", p99_during, "ms p99", p99_alone)

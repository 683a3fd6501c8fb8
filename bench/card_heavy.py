"""card_heavy_member: p99 of the member card and of an award for a member with 10,000
purchases in the last 365 days, against the same for a new member, in the same run.

A terminal records 10,000 awards for one member through ``Terminal.award``, spread over the
365 days before ``BENCH_NOW``, and the ledger takes them (``replica.mark_taken``, as a sync
would; the buckets stay the terminal's own, one a day, none folded by a checkpoint: the most
rows a member's window can have). The figure is the heavy member's card p99 over the new member's
card p99 (target ratio <= 2: a card costs the same whatever the member's history); the award's
p99s and ratio are printed beside it. Cards and awards alternate heavy/new, one each, so that
the machine's load affects both alike.
"""

from __future__ import annotations

import random
import time
import uuid
from datetime import timedelta

from app.bootstrap import open_terminal
from app.domain.quote import Line
from app.services import replica
from app.services.context import FixedClock
from app.services.staff import SYSTEM
from bench.common import BENCH_NOW, Figure, note, percentile, scratch_dir

CATEGORIES = ("grocery", "fashion", "electronics", "beauty", "dining")


def run(quick: bool) -> Figure:
    history = 1_000 if quick else 10_000
    samples = 200 if quick else 1_000
    rng = random.Random(20261206)
    with scratch_dir("card-heavy") as tmp:
        clock = FixedClock(BENCH_NOW - timedelta(days=365))
        terminal = open_terminal(tmp / "terminal", clock=clock)
        try:
            terminal.add_cashier(SYSTEM, "lin", "Lin Cashier", "cashier", "1111")
            cashier = terminal.actor("lin")
            heavy = terminal.enroll("enroll-heavy", cashier, phone="13900000001", name="Heavy")
            step = timedelta(days=364) / history
            started = time.perf_counter()
            for n in range(history):
                clock.advance(seconds=step.total_seconds())
                terminal.award(f"history-{n}", cashier, heavy.member_id, _basket(rng))
            note(f"card_heavy_member: {history} purchases in {time.perf_counter() - started:.1f} s")
            replica.mark_taken(terminal.ctx, history + 1)  # the enrollment and every sale
            clock.current = BENCH_NOW
            new = terminal.enroll("enroll-new", cashier, phone="13900000002", name="New")
            card_ms: dict[str, list[float]] = {"heavy": [], "new": []}
            award_ms: dict[str, list[float]] = {"heavy": [], "new": []}
            members = {"heavy": heavy.member_id, "new": new.member_id}
            tick = time.perf_counter_ns
            for n in range(samples // 10 + samples):
                for who in ("heavy", "new") if n % 2 else ("new", "heavy"):
                    t0 = tick()
                    card = terminal.card(members[who])
                    t1 = tick()
                    assert card.member_id == members[who]
                    if n >= samples // 10:  # after the warm-up
                        card_ms[who].append((t1 - t0) / 1e6)
            for n in range(samples // 10 + samples // 4):
                for who in ("heavy", "new") if n % 2 else ("new", "heavy"):
                    clock.advance(seconds=1)
                    t0 = tick()
                    terminal.award(str(uuid.uuid4()), cashier, members[who], _basket(rng))
                    t1 = tick()
                    if n >= samples // 10:
                        award_ms[who].append((t1 - t0) / 1e6)
            heavy_card = terminal.card(members["heavy"])
        finally:
            terminal.close()
    p99 = {who: percentile(ms, 99) for who, ms in card_ms.items()}
    award_p99 = {who: percentile(ms, 99) for who, ms in award_ms.items()}
    note(
        f"card_heavy_member: heavy member ({heavy_card.tier}, growth {heavy_card.growth}) card "
        f"p50={percentile(card_ms['heavy'], 50):.3f} ms p99={p99['heavy']:.3f} ms; new member "
        f"p50={percentile(card_ms['new'], 50):.3f} ms p99={p99['new']:.3f} ms "
        f"(ratio {p99['heavy'] / p99['new']:.2f}); award p99 heavy={award_p99['heavy']:.3f} ms "
        f"new={award_p99['new']:.3f} ms (ratio {award_p99['heavy'] / award_p99['new']:.2f})"
    )
    return Figure("card_heavy_member", p99["heavy"], "ms", p99["new"])


def _basket(rng: random.Random) -> list[Line]:
    return [
        Line(rng.choice(CATEGORIES), rng.randint(20, 600) * 100 + rng.randint(0, 99))
        for _ in range(rng.randint(1, 3))
    ]

"""shift_report: p50 milliseconds to close a day (``Terminal.end_of_day``) that holds 10,000
purchases, in a terminal with 30 such days (300,000 purchases), with refunds, redemptions,
PLUS sales, coupon uses and adjustments among them.

The rows are written with bare inserts (the report reads only what the use cases wrote; how
fast they write is ``award_commit``). The baseline is the least any report of that day reads:
one bare ``SELECT count(*), sum(payable_fen) FROM purchases`` over the day's range, on an open
``sqlite3`` connection to the same file, timed interleaved with the reports.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import datetime, time, timedelta
from pathlib import Path
from time import perf_counter, perf_counter_ns

from app.bootstrap import open_terminal
from app.config import DATABASE_NAME
from app.services.context import FixedClock
from app.services.reports import day_bounds
from bench.common import BENCH_NOW, Figure, note, percentile, scratch_dir

CASHIERS = ("lin", "sam", "maria", "ana", "wei", "li")


def stamp(at: datetime) -> str:
    """As ``UTCDateTime`` stores an instant."""
    return at.astimezone(BENCH_NOW.tzinfo).isoformat(timespec="microseconds")


def fill(path: Path, days: int, per_day: int, members: int, seed: int) -> None:
    """``days`` days up to BENCH_NOW's, ``per_day`` purchases each over the shop's opening
    hours, and one refund, redemption, PLUS sale, coupon use and adjustment per 50 sales."""
    rng = random.Random(seed)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("BEGIN")
    db.executemany(
        "INSERT INTO members (member_id, phone, name, enrolled_on, home_store, "
        "marketing_consent, real_name_verified, credit_score, risk_flags, reviews, referrals, "
        "status) VALUES (?, ?, 'Bench Member', '2025-01-01', 'S001', 1, 0, 60, 0, 0, 0, "
        "'active')",
        [(f"B{n:07d}", f"139{n:08d}") for n in range(members)],
    )
    db.execute(
        "INSERT INTO coupons (coupon_code, member_id, template_code, valid_from, valid_until, "
        "source, request_id, created_at) VALUES ('BENCHC', 'B0000000', 'WINBACK20', "
        "'2025-01-01', '2030-01-01', 'desk', 'bench', ?)",
        (stamp(BENCH_NOW),),
    )
    for back in range(days):
        # the shop opens at 09:00 in Shanghai (01:00 UTC) and sells for 13 hours
        opens = datetime.combine(BENCH_NOW.date(), time(1), BENCH_NOW.tzinfo) - timedelta(days=back)
        purchases, refunds, others = [], [], []
        for n in range(per_day):
            at = stamp(opens + timedelta(seconds=rng.randrange(13 * 3600)))
            receipt = f"T01-{back:03d}{n:07d}"
            member = f"B{rng.randrange(members):07d}"
            cashier = rng.choice(CASHIERS)
            fen = rng.randrange(500, 60_000)
            purchases.append((receipt, member, cashier, fen, fen, 0, fen // 100, 0, receipt, at))
            if n % 50 == 0:
                refunds.append((receipt, fen // 2, fen // 200, cashier, receipt + "r", at))
                others.append((member, cashier, at))
        db.executemany(
            "INSERT INTO purchases (receipt_no, member_id, store_code, cashier_id, subtotal_fen,"
            " payable_fen, savings_fen, points_earned, points_used, rule_book_version, quote, "
            "request_id, created_at) VALUES (?, ?, 'S001', ?, ?, ?, ?, ?, ?, 1, '{}', ?, ?)",
            purchases,
        )
        db.executemany(
            "INSERT INTO refunds (receipt_no, amount_fen, points_clawed_back, points_returned,"
            " overdraft_points, cashier_id, request_id, created_at) "
            "VALUES (?, ?, ?, 0, 0, ?, ?, ?)",
            refunds,
        )
        db.executemany(
            "INSERT INTO redemptions (member_id, kind, item, points, amount_fen, cashier_id, "
            "request_id, created_at) VALUES (?, 'gift', 'tote', 1500, 0, ?, 'b', ?)",
            others,
        )
        db.executemany(
            "INSERT INTO plus_terms (member_id, starts_on, ends_on, fee_fen, cashier_id, "
            "request_id, created_at) VALUES (?, '2026-01-01', '2026-12-31', 14900, ?, 'b', ?)",
            others,
        )
        db.executemany(
            "INSERT INTO coupon_uses (coupon_code, receipt_no, cashier_id, used_at) "
            "VALUES ('BENCHC', NULL, ?, ?)",
            [(cashier, at) for _, cashier, at in others],
        )
        db.executemany(
            "INSERT INTO audit_log (at, cashier_id, action, member_id, request_id, detail) "
            "VALUES (?, ?, 'adjust', ?, 'b', '{\"points\": 100}')",
            [(at, cashier, member) for member, cashier, at in others],
        )
    db.execute("COMMIT")
    db.close()


def run(quick: bool) -> Figure:
    days, per_day, members = (5, 1_000, 2_000) if quick else (30, 10_000, 50_000)
    rounds = 10 if quick else 30
    with scratch_dir("shift-report") as scratch:
        data_dir = scratch / "terminal"
        terminal = open_terminal(data_dir, clock=FixedClock(BENCH_NOW))
        started = perf_counter()
        fill(data_dir / DATABASE_NAME, days, per_day, members, seed=14)
        note(f"{days} days of {per_day:,} purchases written in {perf_counter() - started:.1f} s")
        start, end = day_bounds(terminal.ctx, terminal.ctx.today())
        bare = sqlite3.connect(data_dir / DATABASE_NAME, isolation_level=None)
        read = (
            "SELECT count(*), sum(payable_fen) FROM purchases "
            "WHERE created_at >= ? AND created_at < ?"
        )
        report_ms: list[float] = []
        bare_ms: list[float] = []
        try:
            clock = perf_counter_ns
            for _ in range(rounds + 2):
                t0 = clock()
                report = terminal.end_of_day()
                t1 = clock()
                count, _sum = bare.execute(read, (stamp(start), stamp(end))).fetchone()
                t2 = clock()
                if report.totals.purchases != count or count != per_day:
                    raise AssertionError(f"{report.totals.purchases} purchases, {count} rows")
                report_ms.append((t1 - t0) / 1e6)
                bare_ms.append((t2 - t1) / 1e6)
        finally:
            bare.close()
            terminal.close()
    report_ms, bare_ms = report_ms[2:], bare_ms[2:]  # the first two warm the caches
    note(
        f"report p50 {percentile(report_ms, 50):.2f} ms, max {max(report_ms):.2f} ms; "
        f"bare day read p50 {percentile(bare_ms, 50):.2f} ms"
    )
    return Figure("shift_report", percentile(report_ms, 50), "ms", percentile(bare_ms, 50))

"""quote: quotes per second for a 10-line basket through the pure ``app.domain.quote.quote``.

No database: a silver-tier PLUS member with points, the default rule book, a Tuesday in
Shanghai, no coupon, some points used (so every step of the quote runs: tier discount, PLUS
discount, points cap, earning with tier, PLUS and campaign extras).

Baseline: the same loop building the same 10 ``Line`` objects and summing their amounts, i.e.
the least work any quote of this basket must do (touch every line once). A no-op call loop would
be faster still but says nothing about the basket; a "reference implementation" would be a
second copy of the rules to keep in step. The ratio is therefore small by construction (well
under 1); what matters is how it moves between runs: it is the quote's cost in units of "build
the basket once", which travels between machines.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from zoneinfo import ZoneInfo

from app.domain.quote import Line, Shopper, quote
from app.domain.rulebook import RuleBook
from app.paths import default_rule_book
from app.services.setup import read_rule_book_file
from bench.common import BENCH_NOW, Figure, note

BASKET = (
    ("grocery", 1_299),
    ("grocery", 4_550),
    ("dining", 8_800),
    ("fashion", 29_900),
    ("electronics", 159_900),
    ("beauty", 12_050),
    ("grocery", 650),
    ("dining", 3_200),
    ("fashion", 7_999),
    ("beauty", 2_500),
)


def best_rate(step: Callable[[], object], count: int, repeats: int) -> float:
    """Calls per second of ``step``, from the fastest of ``repeats`` loops of ``count`` calls
    (the usual timeit rule: the slowest loops measure the machine's other work, not the code)."""
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for _ in range(count):
            step()
        best = min(best, time.perf_counter() - started)
    return count / best


def run(quick: bool) -> Figure:
    rules: RuleBook = read_rule_book_file(default_rule_book())
    day = BENCH_NOW.astimezone(ZoneInfo("Asia/Shanghai")).date()
    shopper = Shopper(
        member_id="M00000001", tier=rules.tier("silver"), plus_active=True, spendable_points=5_000
    )
    basket = BASKET

    def one_quote() -> object:
        lines = [Line(category, amount) for category, amount in basket]
        return quote(
            lines=lines, shopper=shopper, store="S001", day=day, rules=rules, points_to_use=1_000
        )

    def baseline() -> object:
        lines = [Line(category, amount) for category, amount in basket]
        return sum(line.amount_fen for line in lines)

    one_quote()  # fail loudly before timing if the basket is not quotable
    count, repeats = (1_000, 3) if quick else (10_000, 5)
    value = best_rate(one_quote, count, repeats)
    base = best_rate(baseline, count * 5, repeats)
    note(f"quote: {1e6 / value:.1f} us per quote; baseline {1e6 / base:.2f} us per basket")
    return Figure("quote", value, "quotes/s", base)

"""Demo data for a first start: cashiers, gift stock and members with a believable history.

Deterministic (a fixed random seed), so screenshots and tests see the same members.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from app.bootstrap import Terminal
from app.domain.errors import NotAllowed
from app.domain.quote import Line
from app.domain.stores import scope_of
from app.services.context import FixedClock
from app.services.replica import DEMO_REQUEST_PREFIX
from app.services.staff import SYSTEM
from app.store.scopes import put_scope_balances

DEMO_CASHIERS = (
    ("admin", "Ada Admin", "admin", "9999"),
    ("sam", "Sam Supervisor", "supervisor", "2222"),
    ("lin", "Lin Cashier", "cashier", "1111"),
    ("maria", "Maria Cajera", "cashier", "3333"),
)

# member id, phone, name, birthday, days since enrolled, purchases, days since last, PLUS
DEMO_MEMBERS = (
    ("M000001", "13800138001", "Zhang Wei", date(1988, 3, 14), 700, 40, 2, True),
    ("M000002", "13800138002", "Li Na", date(1995, 11, 2), 5, 1, 1, False),
    ("M000003", "13800138003", "Maria Garcia", date(1979, 6, 30), 500, 8, 120, False),
    ("M000004", "13800138004", "Wang Fang", None, 800, 3, 400, False),
    ("M000005", "13800138005", "Chen Jie", date(1990, 11, 20), 400, 15, 6, False),
    ("M000006", "13800138006", "John Smith", date(1970, 1, 5), 900, 60, 1, True),
    ("M000007", "13800138007", "刘洋", date(2000, 8, 8), 200, 5, 20, False),
    ("M000008", "13800138008", "Carmen López", None, 60, 2, 40, False),
)

CATEGORIES = ("grocery", "fashion", "electronics", "beauty", "dining")


DEMO_SCOPES_MEMBER = "M000008"  # has points at the food court and a single store too


@dataclass(frozen=True)
class DemoSummary:
    seeded: bool
    cashiers: int
    members: int


def seed_demo(terminal: Terminal) -> DemoSummary:
    """Seed once; a second call changes nothing. A paired terminal is never seeded: its
    events go to the mall's ledger."""
    if any(c.cashier_id == "admin" for c in terminal.cashiers()):
        return DemoSummary(False, len(DEMO_CASHIERS), len(DEMO_MEMBERS))
    state = terminal.sync_state()
    if state.paired:
        raise NotAllowed(
            f"This terminal is paired with the ledger at {state.ledger_url}: demo members "
            "and sales would reach it. Demo data is for a terminal that is not paired."
        )
    for cashier_id, name, role, pin in DEMO_CASHIERS:
        terminal.add_cashier(SYSTEM, cashier_id, name, role, pin)  # type: ignore[arg-type]
    for gift in terminal.rules.gifts:
        terminal.set_gift_stock(SYSTEM, gift.code, 25)

    real_clock = terminal.ctx.clock
    now = real_clock.now()
    rng = random.Random(20261123)  # noqa: S311 - demo data, not secrets
    cashier = terminal.actor("lin")
    try:
        for member_id, phone, name, birthday, enrolled, purchases, last, plus in DEMO_MEMBERS:
            clock = FixedClock(now - timedelta(days=enrolled))
            terminal.ctx.clock = clock
            terminal.enroll(
                f"{DEMO_REQUEST_PREFIX}enroll-{member_id}",
                cashier,
                phone=phone,
                name=name,
                birthday=birthday,
                consent=True,
                member_id=member_id,
            )
            if plus:
                clock.current = now - timedelta(days=min(enrolled, 200))
                terminal.sell_plus(f"{DEMO_REQUEST_PREFIX}plus-{member_id}", cashier, member_id)
            span = max(enrolled - last, 1)
            for n in range(purchases):
                ago = last + (span * (purchases - 1 - n)) // max(purchases, 1)
                clock.current = now - timedelta(days=ago, hours=rng.randint(0, 6))
                lines = [
                    Line(rng.choice(CATEGORIES), rng.randint(20, 600) * 100 + rng.randint(0, 99))
                    for _ in range(rng.randint(1, 3))
                ]
                terminal.award(
                    f"{DEMO_REQUEST_PREFIX}award-{member_id}-{n}", cashier, member_id, lines
                )
    finally:
        terminal.ctx.clock = real_clock
    terminal.expire()
    with terminal.ctx.write() as session:  # points elsewhere in the mall, as a ledger sends them
        put_scope_balances(
            session,
            [(DEMO_SCOPES_MEMBER, {"food-court": 1_200, "S006": 300})],
            own_scope=scope_of(terminal.rules, terminal.ctx.store_code),
            new_here=False,
        )
    return DemoSummary(True, len(DEMO_CASHIERS), len(DEMO_MEMBERS))

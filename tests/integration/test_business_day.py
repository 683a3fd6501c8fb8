"""Every event the terminal writes carries the shop's business day, set from the same instant
as its time, in the same transaction: early on a Wednesday morning in Shanghai it is Wednesday
on the receipt, in the campaign, in the expiry and in the event, though Tuesday in UTC."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from probe import DbProbe

from app.bootstrap import Terminal
from app.domain.quote import Line
from app.services.context import Actor, FixedClock
from app.services.views import EnrollResult

# Tuesday 8 December 2026, 23:30 UTC: Wednesday 07:30 in Shanghai (the terminal's zone).
LATE_TUESDAY_UTC = datetime(2026, 12, 8, 23, 30, tzinfo=UTC)
# Thursday 31 December 2026, 23:30 UTC: Friday 1 January 2027, 07:30 in Shanghai.
NEW_YEARS_EVE_UTC = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)


def days(db: DbProbe) -> dict[str, set[str | None]]:
    """The business days the terminal's events carry, by kind."""
    found: dict[str, set[str | None]] = {}
    for kind, payload in db.rows("SELECT kind, payload FROM outbox ORDER BY seq"):
        found.setdefault(kind, set()).add(json.loads(payload).get("business_day"))
    return found


def test_every_event_carries_the_shops_business_day(
    terminal: Terminal,
    clock: FixedClock,
    cashier: Actor,
    supervisor: Actor,
    member: EnrollResult,
    db: DbProbe,
) -> None:
    clock.current = LATE_TUESDAY_UTC
    sale = terminal.award("a-1", cashier, member.member_id, [Line("grocery", 10_000)])
    assert sale.points_earned == 200  # member day: Wednesday in the shop
    terminal.adjust("adj-1", supervisor, member.member_id, 50, "goodwill")
    terminal.redeem("r-1", cashier, member.member_id, "order", points=20, amount_fen=5_000)
    terminal.refund("f-1", supervisor, sale.receipt_no)
    terminal.sell_plus("p-1", cashier, member.member_id)

    found = days(db)
    assert set(found) >= {"member_enrolled", "purchase", "adjust", "redeem", "refund", "plus_sold"}
    enrolled_day = found.pop("member_enrolled")
    assert enrolled_day == {"2026-11-24"}  # enrolled at the fixture's start, a Tuesday
    assert all(day == {"2026-12-09"} for day in found.values()), found


def test_points_earned_on_new_years_morning_expire_at_the_end_of_the_next_shop_year(
    terminal: Terminal, clock: FixedClock, cashier: Actor, member: EnrollResult, db: DbProbe
) -> None:
    clock.current = NEW_YEARS_EVE_UTC
    sale = terminal.award("a-1", cashier, member.member_id, [Line("grocery", 10_000)])
    expires = db.scalar(
        "SELECT expires_on FROM journal WHERE receipt_no = ? AND is_lot", sale.receipt_no
    )
    assert expires == "2028-12-31"
    payload = json.loads(db.scalar("SELECT payload FROM outbox WHERE request_id = 'a-1'"))
    assert payload["business_day"] == "2027-01-01"

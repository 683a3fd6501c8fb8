"""Expiring points after their last day: once a day, oldest lots only."""

from __future__ import annotations

from datetime import UTC, datetime

from probe import DbProbe

from app.bootstrap import Terminal
from app.domain.quote import Line
from app.services.context import Actor, FixedClock
from app.services.views import EnrollResult


def at(day: str) -> datetime:
    """10:00 in Shanghai on ``day``."""
    return datetime.fromisoformat(f"{day}T02:00:00").replace(tzinfo=UTC)


def test_points_expire_after_the_end_of_next_year(
    terminal: Terminal, cashier: Actor, member: EnrollResult, clock: FixedClock, db: DbProbe
) -> None:
    mid = member.member_id
    terminal.award("a-2026", cashier, mid, [Line("grocery", 10_000)])  # 100, until 2027-12-31
    clock.current = at("2027-06-01")
    terminal.award("a-2027", cashier, mid, [Line("grocery", 5_000)])  # 50, until 2028-12-31

    clock.current = at("2027-12-31")  # the last day: nothing expires yet
    assert terminal.expire().points == 0
    assert terminal.card(mid).points == 150

    clock.current = at("2028-01-01")
    result = terminal.expire()
    assert (result.day, result.members, result.points) == ("2028-01-01", 1, 100)
    card = terminal.card(mid)
    assert card.points == 50
    assert db.balances()[mid] == 50
    assert db.rows("SELECT points FROM journal WHERE kind = 'expire'") == [(-100,)]
    assert db.count("outbox", "kind = 'expire'") == 1
    assert db.count("audit_log", "action = 'expire' AND cashier_id = 'system'") == 1
    assert terminal.verify().ok


def test_expiring_twice_on_one_day_applies_once(
    terminal: Terminal, cashier: Actor, member: EnrollResult, clock: FixedClock, db: DbProbe
) -> None:
    terminal.award("a-1", cashier, member.member_id, [Line("grocery", 10_000)])
    clock.current = at("2028-03-01")
    first = terminal.expire()
    counts = db.counts()
    assert terminal.expire() == first
    assert db.counts() == counts
    clock.advance(days=1)
    assert terminal.expire().points == 0
    assert terminal.verify().ok


def test_expiry_takes_only_what_is_left_of_a_lot(
    terminal: Terminal, cashier: Actor, rich_member: EnrollResult, clock: FixedClock
) -> None:
    mid = rich_member.member_id  # 5000 points until 2027-12-31
    terminal.redeem("r-1", cashier, mid, "order", points=1_200, amount_fen=10_000)
    clock.current = at("2028-01-02")
    assert terminal.expire().points == 3_800
    card = terminal.card(mid)
    assert (card.points, card.open_overdraft) == (0, 0)
    assert terminal.verify().ok


def test_nothing_to_expire_writes_no_event(terminal: Terminal, db: DbProbe) -> None:
    result = terminal.expire()
    assert (result.members, result.points) == (0, 0)
    assert db.count("outbox") == 0
    assert db.count("journal") == 0

"""Identifying a member and the member card the counter shows."""

from __future__ import annotations

import pytest
from probe import DbProbe

from app.bootstrap import Terminal
from app.domain.errors import InvalidInput, UnknownMember
from app.domain.quote import Line
from app.services.context import Actor, FixedClock
from app.services.views import EnrollResult


@pytest.mark.parametrize("query", ["13900000001", " 139-0000-0001 ", "(139) 0000 0001"])
def test_identify_by_phone(terminal: Terminal, member: EnrollResult, query: str) -> None:
    assert terminal.identify(query) == member.member_id


def test_identify_by_member_id(terminal: Terminal, member: EnrollResult) -> None:
    assert terminal.identify(f"  {member.member_id}  ") == member.member_id


@pytest.mark.parametrize("query", ["M999", "13911112222", "nobody"])
def test_an_unknown_member_is_refused(
    terminal: Terminal, member: EnrollResult, db: DbProbe, query: str
) -> None:
    with db.refused(UnknownMember, "enroll"):
        terminal.identify(query)
    with db.refused(UnknownMember):
        terminal.card(query)


@pytest.mark.parametrize("query", ["", "   "])
def test_an_empty_query_asks_for_a_member(terminal: Terminal, db: DbProbe, query: str) -> None:
    with db.refused(InvalidInput, "Scan a member code"):
        terminal.identify(query)


def test_the_card_shows_points_expiry_and_pending_sync(
    terminal: Terminal, cashier: Actor, member: EnrollResult, clock: FixedClock
) -> None:
    terminal.award("a-1", cashier, member.member_id, [Line("grocery", 12_345)])
    card = terminal.card("13900000001")
    assert card.points == 123
    assert card.points_value_fen == 123
    # Points earned in 2026 last to the end of 2027: not "expiring soon" today...
    assert card.expiring_points == 0
    assert card.expiring_on is None
    assert card.unconfirmed_events == 2
    # ... but they are in November 2027.
    clock.advance(days=350)
    card = terminal.card(member.member_id)
    assert card.expiring_points == 123
    assert card.expiring_on == "2027-12-31"
    # And after their last day they are no longer spendable.
    clock.advance(days=60)
    assert terminal.card(member.member_id).points == 0


def test_the_card_shows_tier_progress_and_benefits(
    terminal: Terminal, cashier: Actor, member: EnrollResult
) -> None:
    card = terminal.card(member.member_id)
    assert card.tier_name == "Bronze"
    assert card.next_tier_name == "Silver"
    assert card.growth_missing == 1000 - card.growth
    assert 0 <= card.tier_progress_percent < 100
    assert card.tier_benefits == ["Points on every purchase"]
    assert "2x points" in card.plus_benefits
    terminal.award("a-1", cashier, member.member_id, [Line("fashion", 150_000)])
    card = terminal.card(member.member_id)
    assert card.tier == "silver"
    assert card.growth > 1000


def test_reading_a_card_writes_nothing(
    terminal: Terminal, member: EnrollResult, db: DbProbe
) -> None:
    before = db.snapshot()
    terminal.card(member.member_id)
    terminal.identify(member.phone)
    assert db.snapshot() == before

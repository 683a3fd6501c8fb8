"""Selling and renewing PLUS, and what it changes at the counter."""

from __future__ import annotations

from probe import DbProbe

from app.bootstrap import Terminal
from app.domain.errors import RequestConflict, UnknownMember
from app.domain.quote import Line
from app.services.context import Actor, FixedClock
from app.services.views import EnrollResult


def test_sell_plus_shows_on_the_card_with_its_coupon(
    terminal: Terminal, cashier: Actor, member: EnrollResult, db: DbProbe
) -> None:
    r = terminal.sell_plus("p-1", cashier, member.member_id)
    assert (r.starts_on, r.ends_on, r.fee_fen, r.renewal) == (
        "2026-11-24",
        "2027-11-23",
        14_900,
        False,
    )
    assert len(r.coupons_issued) == 1
    card = terminal.card(member.member_id)
    assert card.plus_active is True
    assert card.plus_expires_on == "2027-11-23"
    assert [c.template for c in card.coupons] == ["PLUS10"]
    assert db.count("plus_terms", "member_id = ?", member.member_id) == 1
    assert db.count("outbox", "kind = 'plus_sold'") == 1
    report = terminal.end_of_day().totals
    assert (report.plus_sold, report.plus_fees_fen) == (1, 14_900)


def test_a_plus_member_gets_the_discount_and_double_points(
    terminal: Terminal, cashier: Actor, member: EnrollResult
) -> None:
    terminal.sell_plus("p-1", cashier, member.member_id)
    r = terminal.award("a-1", cashier, member.member_id, [Line("grocery", 10_000)])
    assert (r.payable_fen, r.savings_fen) == (9_500, 500)
    assert (r.earn_base, r.earn_plus, r.points_earned) == (95, 95, 190)
    assert r.plus_would_save_fen == 0


def test_an_early_renewal_loses_no_day_and_brings_no_coupon(
    terminal: Terminal, cashier: Actor, member: EnrollResult, clock: FixedClock
) -> None:
    terminal.sell_plus("p-1", cashier, member.member_id)
    clock.advance(days=300)
    r = terminal.sell_plus("p-2", cashier, member.member_id)
    assert (r.renewal, r.starts_on, r.ends_on, r.coupons_issued) == (
        True,
        "2027-11-24",
        "2028-11-22",
        [],
    )
    assert terminal.card(member.member_id).plus_expires_on == "2028-11-22"


def test_a_lapsed_membership_starts_again_today(
    terminal: Terminal, cashier: Actor, member: EnrollResult, clock: FixedClock
) -> None:
    terminal.sell_plus("p-1", cashier, member.member_id)
    clock.advance(days=365)  # 2027-11-24: the day after the last valid day
    assert terminal.card(member.member_id).plus_active is False
    r = terminal.sell_plus("p-2", cashier, member.member_id)
    assert (r.renewal, r.starts_on) == (False, "2027-11-24")
    assert len(r.coupons_issued) == 1


def test_the_same_sale_twice_charges_once(
    terminal: Terminal, cashier: Actor, member: EnrollResult, db: DbProbe
) -> None:
    first = terminal.sell_plus("p-1", cashier, member.member_id)
    counts = db.counts()
    assert terminal.sell_plus("p-1", cashier, member.member_id) == first
    assert db.counts() == counts
    assert terminal.card(member.member_id).plus_expires_on == "2027-11-23"


def test_plus_for_an_unknown_member_or_a_reused_id_is_refused(
    terminal: Terminal, cashier: Actor, member: EnrollResult, db: DbProbe
) -> None:
    with db.refused(UnknownMember):
        terminal.sell_plus("p-1", cashier, "M404")
    terminal.sell_plus("p-1", cashier, member.member_id)
    other = terminal.enroll("e-2", cashier, phone="13900000002", name="Li Na")
    with db.refused(RequestConflict):
        terminal.sell_plus("p-1", cashier, other.member_id)

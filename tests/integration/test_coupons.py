"""Coupons: a supervisor issues one, the member uses it once, within its dates."""

from __future__ import annotations

import pytest
from probe import DbProbe

from app.bootstrap import Terminal
from app.domain.errors import CouponNotUsable, InvalidInput, NotAllowed, UnknownMember
from app.domain.quote import Line
from app.services.context import Actor, FixedClock
from app.services.views import CouponIssued, EnrollResult

BASKET = [Line("grocery", 20_000)]


@pytest.fixture
def winback(terminal: Terminal, supervisor: Actor, member: EnrollResult) -> CouponIssued:
    return terminal.issue_coupon("c-1", supervisor, member.member_id, "WINBACK20")


def test_issue_and_use_a_coupon(
    terminal: Terminal, cashier: Actor, member: EnrollResult, winback: CouponIssued, db: DbProbe
) -> None:
    assert winback.template == "WINBACK20"
    assert winback.valid_until == "2026-12-23"  # 30 days, today included
    card = terminal.card(member.member_id)
    assert [c.code for c in card.coupons] == [winback.coupon_code]
    assert card.coupons[0].name == "We missed you: 20 yuan off 150"
    assert db.count("outbox", "kind = 'coupon_issued'") == 1

    q = terminal.quote(member.member_id, BASKET, coupon=winback.coupon_code.lower())
    assert (q.coupon_discount_fen, q.payable_fen) == (2_000, 18_000)
    r = terminal.award("a-1", cashier, member.member_id, BASKET, coupon=winback.coupon_code)
    assert (r.coupon_code, r.payable_fen, r.savings_fen, r.points_earned) == (
        winback.coupon_code,
        18_000,
        2_000,
        180,
    )
    assert terminal.card(member.member_id).coupons == []
    assert db.count(
        "coupon_uses", "coupon_code = ? AND receipt_no = ?", r.coupon_code, r.receipt_no
    )
    assert terminal.end_of_day().totals.coupons_used == 1


def test_the_same_issue_twice_gives_one_coupon(
    terminal: Terminal, supervisor: Actor, member: EnrollResult, winback: CouponIssued, db: DbProbe
) -> None:
    counts = db.counts()
    assert terminal.issue_coupon("c-1", supervisor, member.member_id, "WINBACK20") == winback
    assert db.counts() == counts


def test_a_used_coupon_is_refused(
    terminal: Terminal, cashier: Actor, member: EnrollResult, winback: CouponIssued, db: DbProbe
) -> None:
    terminal.award("a-1", cashier, member.member_id, BASKET, coupon=winback.coupon_code)
    with db.refused(CouponNotUsable, "already been used"):
        terminal.award("a-2", cashier, member.member_id, BASKET, coupon=winback.coupon_code)
    with db.refused(CouponNotUsable, "already been used"):
        terminal.quote(member.member_id, BASKET, coupon=winback.coupon_code)


def test_an_expired_coupon_is_refused(
    terminal: Terminal,
    cashier: Actor,
    member: EnrollResult,
    winback: CouponIssued,
    db: DbProbe,
    clock: FixedClock,
) -> None:
    clock.advance(days=29)  # the last valid day
    terminal.quote(member.member_id, BASKET, coupon=winback.coupon_code)
    clock.advance(days=1)
    assert terminal.card(member.member_id).coupons == []
    with db.refused(CouponNotUsable, "expired on 2026-12-23"):
        terminal.award("a-1", cashier, member.member_id, BASKET, coupon=winback.coupon_code)


def test_another_members_coupon_is_refused(
    terminal: Terminal, cashier: Actor, winback: CouponIssued, db: DbProbe
) -> None:
    other = terminal.enroll("e-2", cashier, phone="13900000002", name="Li Na")
    with db.refused(CouponNotUsable, "another member"):
        terminal.award("a-1", cashier, other.member_id, BASKET, coupon=winback.coupon_code)


@pytest.mark.parametrize(
    ("template", "basket", "match"),
    [
        ("WINBACK20", [Line("grocery", 14_999)], r"at least 150\.00"),
        ("DINE10P", [Line("grocery", 20_000)], "coupon's categories"),
        ("COFFEE", [Line("dining", 2_000)], "cannot be used in this store"),
    ],
)
def test_a_coupon_that_does_not_fit_the_basket_is_refused(
    terminal: Terminal,
    cashier: Actor,
    supervisor: Actor,
    member: EnrollResult,
    db: DbProbe,
    template: str,
    basket: list[Line],
    match: str,
) -> None:
    code = terminal.issue_coupon("c-9", supervisor, member.member_id, template).coupon_code
    with db.refused(CouponNotUsable, match):
        terminal.award("a-1", cashier, member.member_id, basket, coupon=code)


def test_an_unknown_coupon_is_refused(
    terminal: Terminal, cashier: Actor, member: EnrollResult, db: DbProbe
) -> None:
    with db.refused(CouponNotUsable, "no coupon 'CNOPE'"):
        terminal.award("a-1", cashier, member.member_id, BASKET, coupon="CNOPE")


def test_a_cashier_cannot_issue_coupons(
    terminal: Terminal, cashier: Actor, member: EnrollResult, db: DbProbe
) -> None:
    with db.refused(NotAllowed, "needs a supervisor"):
        terminal.issue_coupon("c-1", cashier, member.member_id, "WINBACK20")


def test_an_unknown_template_or_member_is_refused(
    terminal: Terminal, supervisor: Actor, member: EnrollResult, db: DbProbe
) -> None:
    with db.refused(InvalidInput, "no coupon template 'FREE100'"):
        terminal.issue_coupon("c-1", supervisor, member.member_id, "FREE100")
    with db.refused(UnknownMember):
        terminal.issue_coupon("c-2", supervisor, "M404", "WINBACK20")


def test_a_full_refund_gives_the_coupon_back_a_partial_one_does_not(
    terminal: Terminal, cashier: Actor, member: EnrollResult, winback: CouponIssued, db: DbProbe
) -> None:
    mid = member.member_id
    r = terminal.award("a-1", cashier, mid, BASKET, coupon=winback.coupon_code)
    terminal.refund("rf-1", cashier, r.receipt_no, 1_000)
    assert terminal.card(mid).coupons == []
    with db.refused(CouponNotUsable, "already been used"):
        terminal.quote(mid, BASKET, coupon=winback.coupon_code)
    terminal.refund("rf-2", cashier, r.receipt_no)
    assert [c.code for c in terminal.card(mid).coupons] == [winback.coupon_code]
    again = terminal.award("a-2", cashier, mid, BASKET, coupon=winback.coupon_code)
    assert again.savings_fen == 2_000
    assert terminal.card(mid).coupons == []
    assert terminal.verify().ok

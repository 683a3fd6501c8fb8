"""Refunds, full and partial: points follow the money; spent points become an overdraft."""

from __future__ import annotations

import pytest
from probe import DbProbe

from app.bootstrap import Terminal
from app.domain.errors import InvalidInput, RefundTooLarge, RequestConflict, UnknownReceipt
from app.domain.quote import Line
from app.services.context import Actor
from app.services.views import AwardResult, EnrollResult


@pytest.fixture
def purchase(terminal: Terminal, cashier: Actor, member: EnrollResult) -> AwardResult:
    """100 yuan of groceries, 100 points earned."""
    return terminal.award("buy-1", cashier, member.member_id, [Line("grocery", 10_000)])


def test_a_full_refund_takes_the_earned_points_back(
    terminal: Terminal, cashier: Actor, member: EnrollResult, purchase: AwardResult, db: DbProbe
) -> None:
    r = terminal.refund("rf-1", cashier, purchase.receipt_no)
    assert (r.receipt_no, r.amount_fen, r.points_clawed_back) == (purchase.receipt_no, 10_000, 100)
    assert (r.points_returned, r.overdraft_points, r.refundable_left_fen) == (0, 0, 0)
    assert r.balance == 0
    card = terminal.card(member.member_id)
    assert (card.points, card.open_overdraft) == (0, 0)
    assert db.count("refunds", "receipt_no = ? AND amount_fen = 10000", purchase.receipt_no) == 1
    assert db.count("outbox", "kind = 'refund'") == 1
    assert db.count("overdrafts") == 0
    assert terminal.verify().ok


def test_partial_refunds_add_up_to_exactly_the_points_earned(
    terminal: Terminal, cashier: Actor, purchase: AwardResult
) -> None:
    parts = [
        terminal.refund(f"rf-{n}", cashier, purchase.receipt_no, amount)
        for n, amount in enumerate((3_333, 3_333, 3_334))
    ]
    assert [p.points_clawed_back for p in parts] == [33, 33, 34]
    assert [p.refundable_left_fen for p in parts] == [6_667, 3_334, 0]
    assert parts[-1].balance == 0
    assert terminal.verify().ok


def test_a_refund_gives_back_the_points_that_paid(
    terminal: Terminal, cashier: Actor, rich_member: EnrollResult, db: DbProbe
) -> None:
    mid = rich_member.member_id
    paid = terminal.award("buy-1", cashier, mid, [Line("grocery", 10_000)], points=1_000)
    assert paid.balance == 4_090
    half = terminal.refund("rf-1", cashier, paid.receipt_no, 4_500)
    assert (half.points_returned, half.points_clawed_back, half.balance) == (500, 45, 4_545)
    rest = terminal.refund("rf-2", cashier, paid.receipt_no)
    assert (rest.amount_fen, rest.points_returned, rest.points_clawed_back) == (4_500, 500, 45)
    assert rest.balance == 5_000
    assert terminal.card(mid).points == 5_000
    assert terminal.verify().ok


def test_earned_points_already_spent_become_a_flagged_overdraft(
    terminal: Terminal, cashier: Actor, member: EnrollResult, purchase: AwardResult, db: DbProbe
) -> None:
    mid = member.member_id
    terminal.redeem("r-1", cashier, mid, "order", points=100, amount_fen=1_000)
    r = terminal.refund("rf-1", cashier, purchase.receipt_no)
    assert (r.points_clawed_back, r.overdraft_points, r.balance) == (100, 100, -100)
    card = terminal.card(mid)
    assert (card.points, card.open_overdraft) == (0, 100)
    assert db.rows("SELECT member_id, points, receipt_no FROM overdrafts") == [
        (mid, 100, purchase.receipt_no)
    ]
    assert terminal.verify().ok
    # The next points earned pay the overdraft off first.
    later = terminal.award("buy-2", cashier, mid, [Line("grocery", 6_000)])
    assert (later.points_earned, later.balance) == (60, -40)
    card = terminal.card(mid)
    assert (card.points, card.open_overdraft) == (0, 40)
    terminal.award("buy-3", cashier, mid, [Line("grocery", 5_000)])
    card = terminal.card(mid)
    assert (card.points, card.open_overdraft) == (10, 0)
    assert terminal.verify().ok


def test_the_same_refund_twice_applies_once(
    terminal: Terminal, cashier: Actor, purchase: AwardResult, db: DbProbe
) -> None:
    first = terminal.refund("rf-1", cashier, purchase.receipt_no, 1_000)
    counts = db.counts()
    assert terminal.refund("rf-1", cashier, purchase.receipt_no, 1_000) == first
    assert db.counts() == counts


def test_a_reused_refund_id_for_another_amount_is_refused(
    terminal: Terminal, cashier: Actor, purchase: AwardResult, db: DbProbe
) -> None:
    terminal.refund("rf-1", cashier, purchase.receipt_no, 1_000)
    with db.refused(RequestConflict):
        terminal.refund("rf-1", cashier, purchase.receipt_no, 2_000)


def test_a_refund_larger_than_the_purchase_is_refused(
    terminal: Terminal, cashier: Actor, purchase: AwardResult, db: DbProbe
) -> None:
    with db.refused(RefundTooLarge, r"Only 100\.00 of receipt") as info:
        terminal.refund("rf-1", cashier, purchase.receipt_no, 10_001)
    assert info.value.params["refundable_fen"] == 10_000
    terminal.refund("rf-2", cashier, purchase.receipt_no, 6_000)
    with db.refused(RefundTooLarge, r"Only 40\.00"):
        terminal.refund("rf-3", cashier, purchase.receipt_no, 4_001)
    terminal.refund("rf-4", cashier, purchase.receipt_no)
    with db.refused(RefundTooLarge, r"Only 0\.00"):
        terminal.refund("rf-5", cashier, purchase.receipt_no)
    with db.refused(RefundTooLarge):
        terminal.refund("rf-6", cashier, purchase.receipt_no, 1)


@pytest.mark.parametrize(
    ("amount", "match"),
    [(0, "more than zero"), (-100, "negative"), (10_000_000_001, "more than any single sale")],
)
def test_bad_refund_amounts_are_refused(
    terminal: Terminal,
    cashier: Actor,
    purchase: AwardResult,
    db: DbProbe,
    amount: int,
    match: str,
) -> None:
    with db.refused(InvalidInput, match):
        terminal.refund("rf-1", cashier, purchase.receipt_no, amount)


def test_an_unknown_receipt_is_refused(terminal: Terminal, cashier: Actor, db: DbProbe) -> None:
    with db.refused(UnknownReceipt, "T01-9999999"):
        terminal.refund("rf-1", cashier, " T01-9999999 ")

"""Quote a basket and award a purchase: what the receipt says and what the member keeps."""

from __future__ import annotations

import json

import pytest
from probe import DbProbe

from app.bootstrap import Terminal
from app.domain.errors import InsufficientPoints, InvalidInput, RequestConflict, UnknownMember
from app.domain.quote import Line
from app.services.context import Actor, FixedClock
from app.services.views import EnrollResult


def test_quote_and_award_agree_and_the_card_follows(
    terminal: Terminal, cashier: Actor, member: EnrollResult, db: DbProbe
) -> None:
    lines = [Line("grocery", 10_000), Line("fashion", 2_550)]
    before = db.snapshot()
    q = terminal.quote(member.member_id, lines)
    assert db.snapshot() == before  # a quote changes nothing
    assert q.subtotal_fen == 12_550
    assert q.payable_fen == 12_550
    assert q.points_to_earn == 125
    assert q.max_points_usable == 0  # no points yet
    # PLUS would take 5% off groceries, 3% off the rest, and double the points.
    assert q.plus_would_save_fen == 500 + 76 + 125

    r = terminal.award("a-1", cashier, member.member_id, lines)
    assert r.receipt_no == "T01-0000002"
    assert (r.subtotal_fen, r.payable_fen, r.savings_fen) == (12_550, 12_550, 0)
    assert (r.points_earned, r.points_used, r.balance) == (125, 0, 125)
    assert (r.earn_base, r.earn_tier, r.earn_plus, r.earn_campaign) == (125, 0, 0, 0)
    assert r.plus_would_save_fen == q.plus_would_save_fen
    assert terminal.card(member.member_id).points == 125

    purchase = db.rows(
        "SELECT member_id, cashier_id, payable_fen, points_earned, request_id FROM purchases"
    )
    assert purchase == [(member.member_id, "lin", 12_550, 125, "a-1")]
    assert db.count("purchase_lines", "receipt_no = ?", r.receipt_no) == 2
    kind, payload = db.rows("SELECT kind, payload FROM outbox WHERE request_id = 'a-1'")[0]
    assert kind == "purchase"
    assert json.loads(payload)["points_earned"] == 125
    assert db.count("journal", "receipt_no = ? AND kind = 'earn' AND is_lot", r.receipt_no) == 1
    assert terminal.verify().ok


def test_member_day_doubles_the_points(
    terminal: Terminal, cashier: Actor, member: EnrollResult, clock: FixedClock
) -> None:
    clock.advance(days=1)  # Wednesday
    r = terminal.award("a-1", cashier, member.member_id, [Line("dining", 10_000)])
    assert (r.earn_base, r.earn_campaign, r.points_earned) == (100, 100, 200)


def test_points_pay_for_part_of_the_purchase(
    terminal: Terminal, cashier: Actor, rich_member: EnrollResult
) -> None:
    mid = rich_member.member_id
    q = terminal.quote(mid, [Line("grocery", 10_000)], points=1_000)
    assert q.max_points_usable == 5_000  # half of the order
    assert q.payable_fen == 9_000
    r = terminal.award("a-1", cashier, mid, [Line("grocery", 10_000)], points=1_000)
    assert (r.points_used, r.payable_fen, r.savings_fen, r.points_earned) == (1000, 9000, 1000, 90)
    assert r.balance == 5_000 - 1_000 + 90
    assert terminal.card(mid).points == 4_090


def test_the_same_award_twice_applies_once(
    terminal: Terminal, cashier: Actor, member: EnrollResult, db: DbProbe
) -> None:
    first = terminal.award("a-1", cashier, member.member_id, [Line("grocery", 10_000)])
    counts = db.counts()
    again = terminal.award("a-1", cashier, member.member_id, [Line("grocery", 10_000)])
    assert again == first
    assert db.counts() == counts
    assert terminal.card(member.member_id).points == 100


def test_a_reused_award_id_for_another_basket_is_refused(
    terminal: Terminal, cashier: Actor, member: EnrollResult, db: DbProbe
) -> None:
    terminal.award("a-1", cashier, member.member_id, [Line("grocery", 10_000)])
    with db.refused(RequestConflict, "Start a new transaction"):
        terminal.award("a-1", cashier, member.member_id, [Line("grocery", 10_001)])
    with db.refused(RequestConflict):
        terminal.redeem("a-1", cashier, member.member_id, "order", points=10, amount_fen=1000)


@pytest.mark.parametrize(
    ("lines", "match"),
    [
        ([Line("grocery", -100)], "negative"),
        ([Line("grocery", 0)], "more than zero"),
        ([Line("grocery", 10_000_000_001)], "more than any single sale"),
        ([Line("grocery", 6_000_000_000), Line("fashion", 6_000_000_000)], "Total"),
        ([Line("cars", 100)], "not a product category"),
        ([], "at least one amount"),
        ([Line("grocery", 100)] * 501, "at most 500 lines"),
    ],
)
def test_bad_amounts_are_refused(
    terminal: Terminal,
    cashier: Actor,
    member: EnrollResult,
    db: DbProbe,
    lines: list[Line],
    match: str,
) -> None:
    with db.refused(InvalidInput, match):
        terminal.quote(member.member_id, lines)
    with db.refused(InvalidInput, match):
        terminal.award("a-1", cashier, member.member_id, lines)


def test_an_unknown_member_cannot_buy(terminal: Terminal, cashier: Actor, db: DbProbe) -> None:
    with db.refused(UnknownMember, "M404"):
        terminal.award("a-1", cashier, "M404", [Line("grocery", 100)])


def test_more_points_than_the_balance_are_refused(
    terminal: Terminal, cashier: Actor, member: EnrollResult, db: DbProbe
) -> None:
    terminal.award("a-0", cashier, member.member_id, [Line("grocery", 10_000)])  # 100 points
    with db.refused(InsufficientPoints, "100 points") as info:
        terminal.award("a-1", cashier, member.member_id, [Line("grocery", 10_000)], points=101)
    assert info.value.params == {"balance": 100, "requested": 101}


def test_points_beyond_the_order_share_are_refused(
    terminal: Terminal, cashier: Actor, rich_member: EnrollResult, db: DbProbe
) -> None:
    with db.refused(InvalidInput, "At most 50 points"):
        terminal.award("a-1", cashier, rich_member.member_id, [Line("grocery", 100)], points=51)


def test_negative_points_are_refused(
    terminal: Terminal, cashier: Actor, rich_member: EnrollResult, db: DbProbe
) -> None:
    with db.refused(InvalidInput, "negative"):
        terminal.award("a-1", cashier, rich_member.member_id, [Line("grocery", 100)], points=-5)


def test_expired_points_cannot_pay(
    terminal: Terminal, cashier: Actor, member: EnrollResult, db: DbProbe, clock: FixedClock
) -> None:
    terminal.award("a-0", cashier, member.member_id, [Line("grocery", 10_000)])
    clock.advance(days=500)  # past 2027-12-31, before any expiry run
    with db.refused(InsufficientPoints, "has 0 points"):
        terminal.award("a-1", cashier, member.member_id, [Line("grocery", 10_000)], points=10)


def test_receipt_numbers_rise_and_each_purchase_has_its_event(
    terminal: Terminal, cashier: Actor, member: EnrollResult, db: DbProbe
) -> None:
    receipts = [
        terminal.award(f"a-{n}", cashier, member.member_id, [Line("grocery", 1_000)]).receipt_no
        for n in range(5)
    ]
    assert receipts == sorted(set(receipts))
    assert db.count("purchases") == 5
    assert db.count("outbox", "kind = 'purchase'") == 5
    assert db.scalar("SELECT next_seq FROM terminal_state") == 7  # enroll + 5 purchases + 1

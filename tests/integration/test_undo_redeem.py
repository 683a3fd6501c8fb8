"""Undo the last redemption within minutes: a reversing event, the points back exactly."""

from __future__ import annotations

import json

import pytest
from probe import DbProbe

from app.bootstrap import Terminal
from app.domain.errors import NotAllowed
from app.services.context import Actor, FixedClock
from app.services.views import EnrollResult


def test_undo_gives_back_the_points_to_the_same_lots_and_the_gift(
    terminal: Terminal,
    cashier: Actor,
    supervisor: Actor,
    rich_member: EnrollResult,
    db: DbProbe,
    clock: FixedClock,
) -> None:
    member_id = rich_member.member_id
    terminal.set_gift_stock(supervisor, "tote", 2)
    lots_before = db.rows("SELECT lot_id, remaining, expires_on FROM lot_balances ORDER BY 1")
    redeemed = terminal.redeem("r-1", cashier, member_id, "gift", item="tote")
    clock.advance(minutes=4)
    undone = terminal.undo_redemption("u-1", cashier)
    assert (undone.member_id, undone.points, undone.balance) == (member_id, 1_500, 5_000)
    assert undone.redeem_event_id == redeemed.event_id
    assert terminal.card(member_id).points == 5_000
    assert db.rows("SELECT lot_id, remaining, expires_on FROM lot_balances ORDER BY 1") == (
        lots_before
    )
    assert db.scalar("SELECT stock FROM gift_stock WHERE gift_code = 'tote'") == 2
    (payload,) = db.rows("SELECT payload FROM outbox WHERE kind = 'redeem_undone'")
    body = json.loads(payload[0])
    assert (body["redeem_event_id"], body["points"], body["member_id"]) == (
        redeemed.event_id,
        1_500,
        member_id,
    )
    assert sum(lot["points"] for lot in body["lots"]) == 1_500
    assert db.count("audit_log", "action = 'redeem_undo' AND cashier_id = 'lin'") == 1
    assert terminal.end_of_day().totals.points_redeemed == 0  # given back: not redeemed
    moves = [(m.kind, m.points) for m in terminal.history(member_id).movements]
    assert sum(points for kind, points in moves if kind == "redeem_undo") == 1_500
    # a retry of the same request is the same result; a new request is refused: once only
    assert terminal.undo_redemption("u-1", cashier) == undone
    with db.refused(NotAllowed, "undone already"):
        terminal.undo_redemption("u-2", cashier)
    assert terminal.card(member_id).points == 5_000
    assert terminal.verify().ok


def test_too_late_or_a_coupon_is_refused_and_changes_nothing(
    terminal: Terminal, cashier: Actor, rich_member: EnrollResult, db: DbProbe, clock: FixedClock
) -> None:
    terminal.redeem("r-1", cashier, rich_member.member_id, "order", points=300, amount_fen=600)
    clock.advance(minutes=5, seconds=1)
    with db.refused(NotAllowed, "more than 5 minutes"):
        terminal.undo_redemption("u-1", cashier)
    terminal.redeem("r-2", cashier, rich_member.member_id, "coupon", item="DINE10P")
    with db.refused(NotAllowed, "coupon"):
        terminal.undo_redemption("u-2", cashier)


def test_nothing_to_undo(terminal: Terminal, cashier: Actor, db: DbProbe) -> None:
    with db.refused(NotAllowed, "no redemption"):
        terminal.undo_redemption("u-1", cashier)


def test_undo_of_another_members_last_redemption_only(
    terminal: Terminal, cashier: Actor, rich_member: EnrollResult, db: DbProbe
) -> None:
    terminal.redeem("r-1", cashier, rich_member.member_id, "order", points=300, amount_fen=600)
    with pytest.raises(NotAllowed):
        terminal.undo_redemption("u-1", cashier, member_id="M999999")
    assert terminal.undo_redemption("u-2", cashier, member_id=rich_member.member_id).points == 300

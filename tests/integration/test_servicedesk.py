"""The service desk: a member's history, open overdrafts, a supervisor's write-off; receipts."""

from __future__ import annotations

import json

import pytest
from probe import DbProbe

from app.bootstrap import Terminal
from app.domain.errors import InvalidInput, NotAllowed, UnknownMember, UnknownReceipt
from app.domain.quote import Line
from app.services.context import Actor
from app.services.views import EnrollResult


@pytest.fixture
def owing(terminal: Terminal, cashier: Actor, member: EnrollResult) -> str:
    """A member who spent 100 points, then had the purchase that earned them refunded."""
    mid = member.member_id
    bought = terminal.award("buy-1", cashier, mid, [Line("grocery", 10_000)])
    terminal.redeem("r-1", cashier, mid, "order", points=100, amount_fen=1_000)
    terminal.refund("rf-1", cashier, bought.receipt_no)
    return mid


def test_history_lists_movements_purchases_refunds_and_redemptions(
    terminal: Terminal, owing: str
) -> None:
    history = terminal.history("13900000001")  # by phone, like the counter
    assert history.member_id == owing
    assert history.name == "Z**** W**"
    assert (history.balance, history.open_overdraft) == (-100, 100)
    assert [p.points_earned for p in history.purchases] == [100]
    purchase = history.purchases[0]
    assert purchase.at == "2026-11-24T10:00:00+08:00"  # the shop's time, with its offset
    assert [(r.points_clawed_back, r.overdraft_points) for r in history.refunds] == [(100, 100)]
    assert [(r.kind, r.points) for r in history.redemptions] == [("order", 100)]
    kinds = [m.kind for m in history.movements]
    assert kinds[-1] == "earn"  # newest first: the earn is the oldest
    assert "overdraft" in kinds
    assert sum(m.points for m in history.movements) == -100  # earned, spent, clawed back


def test_history_of_an_unknown_member_is_the_cashier_message(terminal: Terminal) -> None:
    with pytest.raises(UnknownMember):
        terminal.history("M999999")


def test_open_overdrafts_name_the_member_and_the_refund(terminal: Terminal, owing: str) -> None:
    items = terminal.overdrafts()
    assert [(i.member_id, i.points_owed) for i in items] == [(owing, 100)]
    assert items[0].reason.startswith("Refund of")
    assert items[0].receipt_no is not None


def test_a_supervisor_writes_an_overdraft_off_once(
    terminal: Terminal, supervisor: Actor, owing: str, db: DbProbe
) -> None:
    result = terminal.write_off_overdraft("wo-1", supervisor, owing, "  goodwill,  refund error ")
    assert (result.points, result.balance, result.reason) == (100, 0, "goodwill, refund error")
    again = terminal.write_off_overdraft("wo-1", supervisor, owing, "goodwill, refund error")
    assert again == result
    card = terminal.card(owing)
    assert (card.points, card.open_overdraft) == (0, 0)
    assert terminal.overdrafts() == []
    events = db.rows("SELECT payload FROM outbox WHERE kind = 'adjust'")
    assert len(events) == 1
    payload = json.loads(events[0][0])
    assert (payload["points"], payload["resolves"]) == (100, "overdraft")
    assert db.count("audit_log", "action = 'write_off_overdraft' AND cashier_id = 'sam'") == 1
    assert terminal.verify().ok
    with pytest.raises(InvalidInput, match="owes no points"):
        terminal.write_off_overdraft("wo-2", supervisor, owing, "again")


def test_a_cashier_cannot_write_off_and_a_reason_is_needed(
    terminal: Terminal, cashier: Actor, supervisor: Actor, owing: str, db: DbProbe
) -> None:
    with pytest.raises(NotAllowed, match="needs a supervisor"):
        terminal.write_off_overdraft("wo-1", cashier, owing, "because")
    with pytest.raises(InvalidInput, match="reason"):
        terminal.write_off_overdraft("wo-2", supervisor, owing, "   ")
    assert db.count("outbox", "kind = 'adjust'") == 0


def test_a_receipt_reads_back_the_purchase(
    terminal: Terminal, cashier: Actor, member: EnrollResult
) -> None:
    sale = terminal.award(
        "buy-1", cashier, member.member_id, [Line("grocery", 12_850), Line("dining", 8_600)]
    )
    view = terminal.receipt(sale.receipt_no)
    assert (view.receipt_no, view.store_code, view.cashier) == (
        sale.receipt_no,
        "S001",
        "Lin Cashier",
    )
    assert view.at == "2026-11-24T10:00:00+08:00"
    assert view.timezone == "Asia/Shanghai"
    assert [(ln.category, ln.amount_fen) for ln in view.lines] == [
        ("Grocery", 12_850),
        ("Dining", 8_600),
    ]
    assert (view.payable_fen, view.points_earned, view.balance) == (
        sale.payable_fen,
        sale.points_earned,
        sale.balance,
    )
    assert view.expiring_points == 0
    with pytest.raises(UnknownReceipt):
        terminal.receipt("T01-9999999")

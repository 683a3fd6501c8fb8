"""The terminal writes every event through its kind's dataclass: whatever the services write,
the ledger's reading of it (``from_payload``) gives back exactly the payload in the outbox."""

from __future__ import annotations

import json

from sqlalchemy import text

from app.bootstrap import Terminal
from app.domain.event_kinds import KINDS
from app.domain.quote import Line
from app.services.context import Actor
from app.services.views import EnrollResult


def test_every_event_the_services_write_reads_back_as_written(
    terminal: Terminal, cashier: Actor, supervisor: Actor, rich_member: EnrollResult
) -> None:
    member = rich_member.member_id
    sale = terminal.award("sale-1", cashier, member, [Line("dining", 25_000)], points=300)
    terminal.redeem("gift-1", cashier, member, "order", points=100, amount_fen=1_000)
    terminal.undo_redemption("undo-1", cashier)
    terminal.refund("back-1", cashier, sale.receipt_no, amount_fen=5_000)
    terminal.sell_plus("plus-1", cashier, member)
    terminal.issue_coupon("give-1", supervisor, member, "WINBACK20")
    terminal.adjust("take-1", supervisor, member, -50, "typo")
    terminal.expire()

    with terminal.ctx.read() as session:
        rows = session.execute(text("SELECT kind, payload FROM outbox ORDER BY seq")).all()
    kinds = [kind for kind, _ in rows]
    assert {"member_enrolled", "adjust", "purchase", "redeem", "refund", "plus_sold"} <= set(kinds)
    assert "redeem_undone" in kinds
    assert "coupon_issued" in kinds
    for kind, body in rows:
        payload = json.loads(body)
        assert KINDS[kind].from_payload(payload).to_payload() == payload, kind
        assert "business_day" in payload  # every event carries the shop's day

"""An undone redemption at the ledger (``redeem_undone``): the points come back exactly,
once, only for the terminal's own applied redemption; the stores' clearing nets out."""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.quote import Line
from app.store.models import OutboxEvent
from sync.client.http import LedgerClient
from sync.server.models import Entry, Lot

from .conftest import Counter, LedgerServer, TerminalFactory
from .support import ledger_points, make_chain, secret, stored_events


def _shop(make_counter: TerminalFactory) -> tuple[Counter, str]:
    counter = make_counter("T01", "S001")
    lin = counter.terminal.actor("lin")
    member = counter.terminal.enroll("e-1", lin, phone="13912340000", name="Zhang Wei").member_id
    counter.terminal.award("a-1", lin, member, [Line("grocery", 300_000)])
    counter.syncer.round()
    return counter, member


def _lots(ledger: LedgerServer, member_id: str) -> list[tuple[object, int]]:
    with Session(ledger.engine) as session:
        return sorted(
            (lot.expires_on, lot.remaining)
            for lot in session.scalars(select(Lot).where(Lot.member_id == member_id))
            if lot.remaining
        )


def _redeemed_total(ledger: LedgerServer) -> int:
    with Session(ledger.engine) as session:
        return int(
            session.scalar(
                select(func.coalesce(func.sum(Entry.points), 0)).where(Entry.kind == "redeem")
            )
            or 0
        )


def test_an_undo_gives_the_points_back_at_the_ledger_once(
    ledger: LedgerServer, make_counter: TerminalFactory
) -> None:
    counter, member = _shop(make_counter)
    before, lots_before = ledger_points(ledger, member), _lots(ledger, member)
    lin = counter.terminal.actor("lin")
    counter.terminal.redeem("r-1", lin, member, "order", points=700, amount_fen=5_000)
    counter.syncer.round()
    assert ledger_points(ledger, member) == (before[0] - 700, 0)
    counter.terminal.undo_redemption("u-1", lin)
    counter.syncer.round()
    assert ledger_points(ledger, member) == before
    assert _lots(ledger, member) == lots_before
    assert _redeemed_total(ledger) == 0  # the store's redemptions net out for clearing
    assert [e[2:] for e in stored_events(ledger)][-2:] == [("applied", None), ("applied", None)]
    assert counter.terminal.card(member).points == before[0]

    # The same undo again under a new id (an edited terminal database): refused, no points.
    with counter.terminal.ctx.read() as session:
        last = session.scalars(select(OutboxEvent).order_by(OutboxEvent.seq.desc())).first()
        assert last is not None and last.kind == "redeem_undone"
        seq, prev, payload = last.seq, last.hash, json.loads(last.payload)
    again = make_chain("T01", [("redeem_undone", payload)], seq=seq + 1, prev=prev)
    reply = LedgerClient(ledger.url, secret(counter)).push(again)
    assert [(r.status, r.code) for r in reply.results] == [("rejected", "undone_already")]
    assert ledger_points(ledger, member) == before


def test_a_redemption_and_its_undo_in_one_push(
    ledger: LedgerServer, make_counter: TerminalFactory
) -> None:
    counter, member = _shop(make_counter)
    before = ledger_points(ledger, member)
    lin = counter.terminal.actor("lin")
    counter.terminal.redeem("r-1", lin, member, "order", points=900, amount_fen=5_000)
    counter.terminal.undo_redemption("u-1", lin)
    counter.syncer.round()
    assert ledger_points(ledger, member) == before
    assert [e[2] for e in stored_events(ledger)][-2:] == ["applied", "applied"]
    assert _redeemed_total(ledger) == 0


def test_an_undo_of_no_redemption_or_other_points_is_rejected(
    ledger: LedgerServer, make_counter: TerminalFactory
) -> None:
    counter, member = _shop(make_counter)
    before = ledger_points(ledger, member)
    with counter.terminal.ctx.read() as session:
        last = session.scalars(select(OutboxEvent).order_by(OutboxEvent.seq.desc())).first()
        assert last is not None
        seq, prev = last.seq, last.hash
        award_id = last.event_id  # a purchase, not a redemption
    lots = [{"expires_on": None, "points": 100}]
    forged = make_chain(
        "T01",
        [
            (
                "redeem_undone",
                {"member_id": member, "redeem_event_id": award_id, "points": 100, "lots": lots},
            ),
            (
                "redeem_undone",
                {"member_id": member, "redeem_event_id": "x", "points": 100, "lots": []},
            ),
        ],
        seq=seq + 1,
        prev=prev,
    )
    reply = LedgerClient(ledger.url, secret(counter)).push(forged)
    assert [(r.status, r.code) for r in reply.results] == [
        ("rejected", "unknown_redemption"),
        ("rejected", "bad_payload"),
    ]
    assert ledger_points(ledger, member) == before

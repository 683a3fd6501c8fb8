"""``members show``'s reads: the last events that moved a member's points, one line an event
(its entries summed), only open holds, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

from sqlalchemy.orm import Session

from app.domain.events import GENESIS_HASH
from sync.server.cli import open_ledger
from sync.server.member_view import RECENT_EVENTS, member_at_ledger
from sync.server.models import Entry, Event, Hold, Member

AT = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


def _event(session: Session, seq: int, kind: str, payload: str = "{}") -> str:
    event_id = str(uuid.uuid4())
    session.add(
        Event(event_id=event_id, terminal_id="T01", seq=seq, kind=kind, payload=payload,
              prev_hash=GENESIS_HASH, hash=GENESIS_HASH, terminal_time=AT.isoformat(),
              status="applied", code=None, reason=None, ledger_time=AT)
    )  # fmt: skip
    return event_id


def _entry(session: Session, event_id: str, member_id: str, kind: str, points: int) -> None:
    session.add(Entry(event_id=event_id, member_id=member_id, kind=kind, points=points,
                      store_code="S001", ledger_time=AT))  # fmt: skip


def test_the_last_events_one_line_each_newest_first_and_open_holds_only(ledger_url: str) -> None:
    engine = open_ledger(ledger_url)
    try:
        with Session(engine) as session, session.begin():
            for member_id, phone in (("M1", "13900000001"), ("M2", "13900000002")):
                session.add(
                    Member(member_id=member_id, phone=phone, name="Zhang Wei", birthday=None,
                           enrolled_on=date(2026, 1, 1), home_store="S001", plus_expires_on=None,
                           status="active", growth=0, points=0, overdraft=0, spend_365_fen=0,
                           purchases=0, cursor=0)
                )  # fmt: skip
            purchases = []
            for seq in range(1, 31):
                # Purchases using 5 points and earning 10, another member's entries between.
                event_id = _event(
                    session, seq, "purchase", f'{{"business_day":"2026-11-{seq:02d}"}}'
                )
                _entry(session, event_id, "M1", "spend", -5)
                _entry(session, _event(session, 1000 + seq, "purchase"), "M2", "earn", 7)
                _entry(session, event_id, "M1", "earn", 10)
                purchases.append(event_id)
            _entry(session, "expiry", "M1", "expire", -3)
            session.add_all(
                [
                    Hold(
                        hold_id=f"h{n}",
                        request_id=f"r{n}",
                        member_id="M1",
                        terminal_id="T01",
                        points=20 + n,
                        expires_at=AT + timedelta(minutes=15 * (1 - n)),
                        consumed=n == 2,
                    )
                    for n in (0, 1, 2)
                ]
            )
            session.get(Member, "M1").points = 30 * 5 - 3  # type: ignore[union-attr]
        with Session(engine) as session:
            shown = member_at_ledger(session, "13900000001", at=AT)
    finally:
        engine.dispose()

    assert (shown.member_id, shown.points, shown.held, shown.available) == ("M1", 147, 20, 127)
    assert [(h.request_id, h.points) for h in shown.holds] == [("r0", 20)]
    assert len(shown.events) == RECENT_EVENTS
    expiry, *rest = shown.events
    assert (expiry.event_id, expiry.kind, expiry.points, expiry.terminal_id) == (
        None, "expire", -3, None,
    )  # fmt: skip
    assert [e.event_id for e in rest] == purchases[::-1][: RECENT_EVENTS - 1]
    newest = rest[0]
    assert (newest.kind, newest.points, newest.entries) == (
        "purchase",
        5,
        [("spend", -5), ("earn", 10)],
    )
    assert (newest.terminal_id, newest.store_code, newest.business_day) == (
        "T01",
        "S001",
        "2026-11-30",
    )
    assert {e.points for e in rest} == {5}

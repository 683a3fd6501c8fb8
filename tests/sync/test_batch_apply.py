"""A batch is applied as if each event were applied alone, in order: a business rejection in
the middle changes nothing of its own, and the events after it see the balance the events
before it left (the ledger decides each event before it writes anything for it)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.client.http import LedgerClient
from sync.protocol import WireEvent
from sync.server import ledger as ledger_rules
from sync.server.models import Entry, Flag, Lot, Member

from .conftest import LedgerServer
from .faults.checks import ledger_balances_add_up
from .support import make_chain


def _client(ledger: LedgerServer, terminal_id: str) -> LedgerClient:
    code = ledger.add_terminal(terminal_id, "S001")
    credential = LedgerClient(ledger.url).pair(terminal_id, code).credential
    return LedgerClient(ledger.url, credential)


def _members(ledger: LedgerServer, *member_ids: str) -> None:
    with Session(ledger.engine) as session, session.begin():
        ledger_rules.import_members(
            session,
            [
                {"member_id": m, "phone": f"1390000{n:04d}", "enrolled_on": "2026-01-05"}
                | {"points": "100"}
                for n, m in enumerate(member_ids)
            ],
            ledger_rules.rule_book(session),
        )


def _story(member_id: str) -> list[tuple[str, dict[str, Any]]]:
    """Event 3 of 5 is rejected after a part of it (the claw-back) would have been valid;
    event 4 overdraws what events 1 and 2 left; event 5 settles the overdraft."""
    return [
        ("adjust", {"member_id": member_id, "points": 50, "store": "S001"}),
        ("redeem", {"member_id": member_id, "points": 120, "store": "S001"}),
        (
            "refund",
            {
                "member_id": member_id,
                "points_clawed_back": 10,
                "points_returned": -5,
                "store": "S001",
            },
        ),
        ("redeem", {"member_id": member_id, "points": 40, "store": "S001"}),
        ("adjust", {"member_id": member_id, "points": 25, "store": "S001"}),
    ]


def _outcome(ledger: LedgerServer, member_id: str) -> dict[str, Any]:
    with Session(ledger.engine) as session:
        member = session.get(Member, member_id)
        assert member is not None
        return {
            "balance": (member.points, member.overdraft),
            "entries": [
                (e.kind, e.points)
                for e in session.scalars(
                    select(Entry).where(Entry.member_id == member_id).order_by(Entry.entry_id)
                )
            ],
            "lots": sorted(
                (lot.expires_on, lot.remaining)
                for lot in session.scalars(select(Lot).where(Lot.member_id == member_id))
            ),
            "flags": [
                (f.kind, f.points)
                for f in session.scalars(select(Flag).where(Flag.member_id == member_id))
            ],
        }


def test_a_rejection_mid_batch_equals_the_events_pushed_one_by_one(ledger: LedgerServer) -> None:
    _members(ledger, "M1", "M2")
    batched, single = _client(ledger, "B01"), _client(ledger, "S01")
    together = make_chain("B01", _story("M1"))
    apart = make_chain("S01", _story("M2"))

    results = batched.push(together).results
    one_by_one = [single.push([event]).results[0] for event in apart]

    assert [(r.status, r.code) for r in results] == [
        ("applied", None),
        ("applied", None),
        ("rejected", "bad_payload"),
        ("applied", None),
        ("applied", None),
    ]
    assert [(r.status, r.code, r.reason) for r in results] == [
        (r.status, r.code, r.reason) for r in one_by_one
    ]
    in_batch, alone = _outcome(ledger, "M1"), _outcome(ledger, "M2")
    assert in_batch == alone
    # 100 + 50 - 120 = 30; the refund took nothing; 30 - 40 = -10 (10 owed, flagged);
    # +25 settles the 10 and leaves 15.
    assert in_batch["balance"] == (15, 0)
    assert in_batch["flags"] == [("overdraft", 10)]
    assert [kind for kind, _ in in_batch["entries"]] == [
        "import",
        "adjust",
        "redeem",
        "redeem",
        "adjust",
    ]
    # A retry of the whole batch gets the same results and changes nothing.
    assert batched.push(together).results == results
    assert _outcome(ledger, "M1") == in_batch
    ledger_balances_add_up(ledger.engine)
    batched.close()
    single.close()


def test_a_member_enrolled_in_a_batch_is_served_by_the_events_after_it(
    ledger: LedgerServer,
) -> None:
    client = _client(ledger, "E01")
    enroll: dict[str, Any] = {
        "member_id": "N1",
        "phone": "13900009999",
        "enrolled_on": "2026-01-05",
        "store": "S001",
    }
    events: list[WireEvent] = make_chain(
        "E01",
        [
            ("adjust", {"member_id": "N1", "points": 5, "store": "S001"}),  # not yet enrolled
            ("member_enrolled", enroll),
            ("adjust", {"member_id": "N1", "points": 7, "store": "S001"}),
            ("member_enrolled", enroll | {"member_id": "N2"}),  # the same phone
            ("member_enrolled", enroll),  # the same member again: nothing to do
            ("redeem", {"member_id": "N1", "points": 3, "store": "S001"}),
        ],
    )
    results = client.push(events).results
    assert [(r.status, r.code) for r in results] == [
        ("rejected", "unknown_member"),
        ("applied", None),
        ("applied", None),
        ("rejected", "duplicate_phone"),
        ("applied", None),
        ("applied", None),
    ]
    outcome = _outcome(ledger, "N1")
    assert outcome["balance"] == (4, 0)
    assert outcome["entries"] == [("adjust", 7), ("redeem", -3)]
    with Session(ledger.engine) as session:
        assert session.get(Member, "N2") is None
    ledger_balances_add_up(ledger.engine)
    client.close()

"""A new terminal's first load (the paged snapshot): the bulk path that writes a page of new
members at once leaves exactly the replica the member-by-member path leaves, and a load cut
between pages resumes without a member or a point twice."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from sqlalchemy import insert, text, update
from sqlalchemy.orm import Session

from app.services import replica
from sync.client import engine
from sync.client.http import TransientError
from sync.protocol import ChangesPage, MemberState, SnapshotPage, checked_members
from sync.server import ledger as ledger_rules
from sync.server.models import Counter as ChangeCounter
from sync.server.models import Lot, Member, Terminal

from .conftest import Counter, LedgerServer, TerminalFactory

NEVER = date(9999, 12, 31)
PAGE = 4  # members per snapshot page here: several pages, a short last one


def _member(n: int, **fields: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "member_id": f"M{n:05d}",
        "phone": f"1370000{n:04d}",
        "name": f"Member {n}",
        "birthday": None,
        "enrolled_on": date(2024, 1, 1),
        "home_store": "S001",
        "plus_expires_on": None,
        "status": "active",
        "growth": 0,
        "points": 0,
        "overdraft": 0,
        "spend_365_fen": 0,
        "purchases": 0,
        "cursor": n + 1,
    }
    row.update(fields)
    return row


def fill(ledger: LedgerServer) -> int:
    """Members of every shape a snapshot carries, straight into the ledger's tables."""
    members = [
        _member(0, points=120, birthday=date(1990, 5, 17), growth=340),
        _member(1),  # no points at all
        _member(2, points=500, plus_expires_on=date(2027, 3, 31), status="frozen"),
        _member(3, points=-40, overdraft=40),  # owes points: an overdraft here too
        _member(4, points=75, name="Zoë 李"),
        _member(5, points=10),  # only an expired lot: live points, no live bucket
        _member(6, points=9000, growth=12_000),
        _member(7, points=1),
        _member(8, points=300),
    ]
    lots = [
        ("M00000", date(2027, 12, 31), 20),
        ("M00000", date(2028, 12, 31), 100),
        ("M00002", NEVER, 500),
        ("M00004", date(2027, 12, 31), 75),
        ("M00005", date(2020, 12, 31), 10),
        ("M00006", date(2028, 12, 31), 4000),
        ("M00006", date(2027, 12, 31), 5000),
        ("M00007", NEVER, 1),
        ("M00008", date(2027, 6, 30), 0),  # spent: not a bucket
        ("M00008", date(2029, 12, 31), 300),
    ]
    with Session(ledger.engine) as session, session.begin():
        session.execute(insert(Member), members)
        session.execute(
            insert(Lot),
            [{"member_id": m, "expires_on": d, "remaining": r} for m, d, r in lots],
        )
        session.execute(
            update(ChangeCounter)
            .where(ChangeCounter.name == "changes")
            .values(value=len(members) + 1)
        )
    return len(members)


def replica_rows(counter: Counter) -> dict[str, list[tuple[Any, ...]]]:
    """Every row the snapshot writes, less the times it was written at."""
    queries = {
        "members": "SELECT * FROM members ORDER BY member_id",
        "balances": "SELECT * FROM balances ORDER BY member_id",
        "journal": "SELECT entry_id, member_id, kind, points, lot_id, expires_on, is_lot, "
        "request_id, receipt_no, event_seq, note FROM journal ORDER BY entry_id",
        "lot_balances": "SELECT * FROM lot_balances ORDER BY lot_id",
        "outbox": "SELECT seq, kind, payload, request_id, member_id, acked_at IS NULL "
        "FROM outbox ORDER BY seq",
        "state": "SELECT applied_through_seq, pull_cursor, snapshot_done FROM terminal_state",
    }
    with counter.terminal.ctx.read() as session:
        return {
            name: [tuple(row) for row in session.execute(text(sql))]
            for name, sql in queries.items()
        }


@pytest.fixture(autouse=True)
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "SNAPSHOT_PAGE", PAGE)


def test_the_bulk_load_leaves_the_replica_the_member_by_member_path_leaves(
    ledger: LedgerServer, make_counter: TerminalFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    count = fill(ledger)
    bulk = make_counter("T01", "S001")
    bulk.syncer.pull()
    with monkeypatch.context() as slow:
        slow.setattr(replica, "members_absent", lambda *_: False)
        one_by_one = make_counter("T02", "S001")
        one_by_one.syncer.pull()

    fast_rows, slow_rows = replica_rows(bulk), replica_rows(one_by_one)
    assert len(fast_rows["members"]) == count
    assert fast_rows == slow_rows
    for phone in ("13700000000", "13700000003", "13700000006", "13700000008"):
        fast, slow = bulk.terminal.card(phone), one_by_one.terminal.card(phone)
        assert (fast.member_id, fast.points, fast.name) == (slow.member_id, slow.points, slow.name)
    assert bulk.terminal.card("13700000006").points == 9000
    assert ("M00003", -40, 40) in fast_rows["balances"]  # owed here as at the ledger
    assert bulk.terminal.verify().ok
    assert one_by_one.terminal.verify().ok


def test_a_load_cut_between_pages_resumes_without_duplicates(
    ledger: LedgerServer, make_counter: TerminalFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    count = fill(ledger)
    whole = make_counter("T01", "S001")
    whole.syncer.pull()

    cut = make_counter("T02", "S001")
    fetch = cut.syncer.client.snapshot_members
    calls: list[str | None] = []

    def failing_third(
        after: str | None, checkpoint: int | None, limit: int
    ) -> tuple[SnapshotPage, list[dict[str, Any]]]:
        calls.append(after)
        if len(calls) == 3:
            raise TransientError("the link went down")
        return fetch(after, checkpoint, limit)

    monkeypatch.setattr(cut.syncer.client, "snapshot_members", failing_third)
    with pytest.raises(TransientError):
        cut.syncer.pull()
    progress = json.loads((cut.syncer.data_dir / engine.SNAPSHOT_FILE).read_text())
    assert progress["after"] == f"M{2 * PAGE - 1:05d}"  # two pages written, no more
    assert not progress["done"]
    # A crash after the second page's commit but before its progress was written: the
    # second page comes again and changes nothing.
    progress["after"] = f"M{PAGE - 1:05d}"
    (cut.syncer.data_dir / engine.SNAPSHOT_FILE).write_text(json.dumps(progress))

    cut.syncer.pull()

    assert calls[3] == f"M{PAGE - 1:05d}"
    rows = replica_rows(cut)
    assert len(rows["members"]) == count
    assert rows == replica_rows(whole)
    assert cut.terminal.verify().ok


def test_the_ledger_sends_pages_the_protocol_describes(ledger: LedgerServer) -> None:
    """The snapshot and changes pages are built as plain data: each member is what the
    one-member reply (``member_state``) says, and the page validates as its model."""
    count = fill(ledger)
    with Session(ledger.engine) as session:
        terminal = Terminal(terminal_id="T09", store_code="S001", last_seq=0)
        expected = [
            ledger_rules.member_state(session, member)
            for member in session.query(Member).order_by(Member.member_id)
        ]
        snapshot = SnapshotPage.model_validate(
            {**ledger_rules.snapshot(session, terminal, None, None, count), "keys": []}
        )
        changes = ChangesPage.model_validate(
            {**ledger_rules.changes(session, terminal, 0, None, count), "keys": []}
        )
    assert list(snapshot.members) == expected
    assert sorted(changes.members, key=lambda m: m.member_id) == expected
    assert all(isinstance(m, MemberState) for m in expected)
    assert [b.expires_on for b in expected[6].buckets] == ["2027-12-31", "2028-12-31"]


GOOD_MEMBER: dict[str, Any] = {
    "member_id": "M00001",
    "phone": "13700000001",
    "name": "Member 1",
    "birthday": None,
    "enrolled_on": "2024-01-01",
    "home_store": "S001",
    "plus_expires_on": "2027-03-31",
    "status": "active",
    "points": 120,
    "overdraft": 0,
    "growth": 3,
    "buckets": [{"expires_on": None, "points": 20}, {"expires_on": "2027-12-31", "points": 100}],
    "days": [
        {
            "day": "2026-12-01",
            "spend_fen": 12000,
            "purchases": 2,
            "refunds": 0,
            "categories": {"dining": 8000, "grocery": 4000},
        }
    ],
    "coupons": [
        {
            "code": "C23456789A",
            "template": "WINBACK20",
            "valid_from": "2026-12-01",
            "valid_until": "2026-12-31",
            "used": False,
        }
    ],
    "referrer": "M00002",
    "id_last4": "002X",
    "credit_score": None,
    "risk_flags": 0,
    "scopes": {"mall": 100, "S006": 20},
}


def test_members_checked_as_plain_data_are_what_the_model_reads() -> None:
    members = checked_members(
        [GOOD_MEMBER, {**GOOD_MEMBER, "buckets": [], "days": [], "coupons": []}]
    )
    assert [MemberState.model_validate(m).model_dump() for m in members] == members


@pytest.mark.parametrize(
    "change",
    [
        {"points": "120"},  # a string for a number
        {"points": True},  # a bool for a number
        {"points": 1.5},
        {"name": 7},
        {"name": None},  # not optional
        {"enrolled_on": None},
        {"buckets": None},
        {"buckets": [{"expires_on": None}]},  # a bucket without its points
        {"buckets": [{"expires_on": None, "points": 1, "extra": 0}]},
        {"buckets": [{"expires_on": 20271231, "points": 1}]},
        {"buckets": "none"},
        {"tier": "gold"},  # a field this protocol version does not have
        {"days": [{**GOOD_MEMBER["days"][0], "categories": {"dining": "80"}}]},
        {"days": [{**GOOD_MEMBER["days"][0], "categories": [["dining", 80]]}]},
        {"days": [{**GOOD_MEMBER["days"][0], "purchases": True}]},
        {"coupons": [{**GOOD_MEMBER["coupons"][0], "used": 0}]},  # a number for a bool
        {"coupons": [{"code": "C1"}]},
        {"scopes": {"mall": "100"}},  # a scope's points as text
        {"scopes": [["mall", 100]]},
    ],
)
def test_a_member_that_does_not_match_the_protocol_is_refused(change: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="member 1"):
        checked_members([GOOD_MEMBER, {**GOOD_MEMBER, **change}])


def test_a_member_without_a_field_is_refused() -> None:
    incomplete = {k: v for k, v in GOOD_MEMBER.items() if k != "growth"}
    with pytest.raises(ValueError, match="member 0"):
        checked_members([incomplete])
    with pytest.raises(ValueError, match="not a list"):
        checked_members({"0": GOOD_MEMBER})

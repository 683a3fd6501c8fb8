"""A store's points budget at the ledger: a grant event is applied only against its own
terminal's authorisation, once; an authorisation never goes past the budget. A real ledger
over HTTP, SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy.orm import Session

from sync.client.http import LedgerClient
from sync.server import budgets
from sync.server.ledger import now_utc, rule_book

from .conftest import LedgerServer
from .support import ledger_points, make_chain

MEMBER = "M0000051"


def _terminal(ledger: LedgerServer, terminal_id: str, store: str) -> LedgerClient:
    code = ledger.add_terminal(terminal_id, store)
    return LedgerClient(ledger.url, LedgerClient(ledger.url).pair(terminal_id, code).credential)


def _grant(points: int, request_id: str) -> tuple[str, dict[str, object]]:
    return (
        "points_granted",
        {"member_id": MEMBER, "points": points, "request_id": request_id, "store": "S006",
         "reason": "gift", "cashier": "lin"},
    )  # fmt: skip


def test_a_grant_needs_its_own_terminals_authorisation_once(ledger: LedgerServer) -> None:
    boutique, other = _terminal(ledger, "T06", "S006"), _terminal(ledger, "T16", "S006")
    with Session(ledger.engine) as session, session.begin():
        budgets.fund(session, rule_book(session), "S006", 250, "INV-1", now_utc())
    enrolled = {"member_id": MEMBER, "phone": "13900000051", "name": "Wu Hao",
                "enrolled_on": "2026-12-01", "store": "S006"}  # fmt: skip
    events = make_chain("T06", [("member_enrolled", enrolled), _grant(100, "g-1")])
    reply = boutique.push(events)
    assert [(r.status, r.code) for r in reply.results] == [
        ("applied", None),
        ("rejected", "grant_not_authorised"),  # nobody asked the ledger: no points
    ]
    first = boutique.grant(MEMBER, 200, "g-2")
    assert (first.approved, first.budget_left) == (True, 50)
    again = boutique.grant(MEMBER, 200, "g-2")  # asked again: the same grant, charged once
    assert (again.approved, again.budget_left) == (True, 50)
    refused = other.grant(MEMBER, 100, "g-2")  # the same request id at another terminal
    assert (refused.approved, refused.budget_left) == (False, 50)
    assert refused.reason is not None and "budget has 50 points left" in refused.reason

    more = make_chain(
        "T06",
        [_grant(200, "g-2"), _grant(200, "g-2"), _grant(150, "g-2")],
        seq=3,
        prev=events[-1].hash,
    )
    reply = boutique.push(more)
    assert [(r.status, r.code) for r in reply.results] == [
        ("applied", None),
        ("rejected", "grant_used"),  # the same authorisation twice
        ("rejected", "grant_mismatch"),  # other points than were authorised
    ]
    assert ledger_points(ledger, MEMBER)[0] == 200
    with Session(ledger.engine) as session:
        assert budgets.budget_of(session, "S006") == {
            "store": "S006", "funded": 250, "granted": 200, "left": 50,
            "grants_not_yet_synced": 0,
        }  # fmt: skip
    funders = {f["funder"]: f for f in ledger.report()["funders"]}  # type: ignore[attr-defined]
    assert (funders["S006"]["issued"], funders["S006"]["fen"]) == (200, 200)

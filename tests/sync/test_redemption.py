"""Redemption: online the ledger holds the points (no double spend); offline the rule book's
caps apply, and an offline overdraw is posted and flagged, never dropped."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy.orm import Session

from app.domain.errors import InsufficientPoints, OfflineLimit
from app.domain.quote import Line
from app.paths import default_rule_book
from sync.server.models import Entry, Hold

from .conftest import Counter, LedgerServer, TerminalFactory
from .support import events_body, ledger_points, make_chain, post, restart_on_same_port, secret


def small_caps_rule_book() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(default_rule_book().read_text(encoding="utf-8"))
    document["version"] = 2
    document["offline"] = {
        **document["offline"],
        "per_redemption_points": 500,
        "per_member_per_day_points": 800,
        "per_terminal_total_points": 1_000,
    }
    return document


@pytest.fixture
def shop(
    ledger: LedgerServer, make_counter: TerminalFactory
) -> Iterator[tuple[Counter, Counter, list[str]]]:
    """Two synced terminals of two stores, small offline caps, three members with points."""
    response = post(ledger, "/admin/rules", small_caps_rule_book(), admin=True)
    assert response.status_code == 200, response.text
    first, second = make_counter("T01", "S001"), make_counter("T02", "S002")
    lin = first.terminal.actor("lin")
    members = []
    for n in range(3):
        member = first.terminal.enroll(f"e-{n}", lin, phone=f"1391234000{n}", name=f"M{n}")
        first.terminal.award(f"a-{n}", lin, member.member_id, [Line("grocery", 200_000)])
        members.append(member.member_id)
    first.syncer.round()
    second.syncer.round()
    for counter in (first, second):
        assert counter.terminal.rules.offline.per_redemption_points == 500
    yield first, second, members


def points_of(counter: Counter, member_id: str) -> int:
    return counter.terminal.card(member_id).points


def test_online_two_terminals_cannot_spend_the_same_points(
    ledger: LedgerServer, shop: tuple[Counter, Counter, list[str]]
) -> None:
    first, second, (member, *_) = shop
    have = ledger_points(ledger, member)[0]
    assert points_of(second, member) == have
    # Online, the ledger authorises beyond the offline caps: it knows the true balance.
    spend = have - 100
    first.terminal.redeem(
        "r-1", first.terminal.actor("lin"), member, "order", points=spend, amount_fen=spend * 2
    )

    with pytest.raises(InsufficientPoints) as refused:
        second.terminal.redeem(
            "r-2",
            second.terminal.actor("lin"),
            member,
            "order",
            points=spend,
            amount_fen=spend * 2,
        )
    assert refused.value.params["balance"] == 100  # what the ledger says is left
    assert points_of(second, member) == have  # nothing was written at the second till
    assert second.terminal.outbox_waiting() == 0

    first.syncer.round()
    assert ledger_points(ledger, member) == (100, 0)
    with Session(ledger.engine) as session:
        holds = session.query(Hold).all()
        assert [(h.terminal_id, h.points, h.consumed) for h in holds] == [("T01", spend, True)]
    second.syncer.round()
    assert points_of(second, member) == 100


def test_a_push_cannot_use_another_terminals_hold(
    ledger: LedgerServer, shop: tuple[Counter, Counter, list[str]], make_counter: TerminalFactory
) -> None:
    first, _, (member, *_) = shop
    have = ledger_points(ledger, member)[0]
    first.terminal.redeem(
        "r-1", first.terminal.actor("lin"), member, "order", points=300, amount_fen=600
    )
    with Session(ledger.engine) as session:
        held = session.query(Hold).one()
    # Another terminal names that hold (and request id) in a push of its own.
    intruder = make_counter("T03", "S001")
    payload = {
        "member_id": member,
        "kind": "order",
        "item": None,
        "points": 100,
        "amount_fen": 200,
        "store": "S001",
        "cashier": "lin",
        "hold_id": held.hold_id,
        "request_id": "r-1",
        "coupon_issued": None,
    }
    response = post(
        ledger,
        "/events",
        events_body(make_chain("T03", [("redeem", payload)])),
        credential=secret(intruder),
    )
    assert response.status_code == 200, response.text
    with Session(ledger.engine) as session:
        assert session.get(Hold, held.hold_id).consumed is False  # still T01's, still live
    first.syncer.round()
    with Session(ledger.engine) as session:
        assert session.get(Hold, held.hold_id).consumed is True
    assert ledger_points(ledger, member)[0] == have - 400


def test_the_same_hold_request_for_other_points_is_a_conflict(
    ledger: LedgerServer, shop: tuple[Counter, Counter, list[str]]
) -> None:
    first, _, (member, other, _) = shop
    body = {"member_id": member, "points": 100, "request_id": "h-1"}
    granted = post(ledger, "/redemptions/authorize", body, credential=secret(first))
    assert granted.status_code == 200 and granted.json()["approved"], granted.text
    again = post(ledger, "/redemptions/authorize", body, credential=secret(first))
    assert again.json()["hold_id"] == granted.json()["hold_id"]  # a retry: the same hold
    for changed, field in (({"points": 200}, "points"), ({"member_id": other}, "member_id")):
        conflict = post(
            ledger, "/redemptions/authorize", {**body, **changed}, credential=secret(first)
        )
        assert conflict.status_code == 409, conflict.text
        assert conflict.json()["code"] == "hold_conflict"
        assert conflict.json()["fields"] == [field]
    released = post(ledger, "/redemptions/release", {"request_id": "h-1"}, credential=secret(first))
    assert released.json()["released"] is True
    with Session(ledger.engine) as session:
        hold = session.query(Hold).one()
        assert hold.expires_at <= datetime.now(UTC)  # its points are free again


def test_offline_caps_apply_when_the_ledger_is_down(
    ledger: LedgerServer, shop: tuple[Counter, Counter, list[str]]
) -> None:
    first, _, (a, b, c) = shop
    lin = first.terminal.actor("lin")
    ledger.stop()

    def redeem(request_id: str, member: str, points: int) -> None:
        first.terminal.redeem(request_id, lin, member, "order", points=points, amount_fen=5_000)

    with pytest.raises(OfflineLimit, match="at most 500 points"):
        redeem("r-1", a, 501)
    redeem("r-2", a, 500)
    with pytest.raises(OfflineLimit, match="800 points a day"):
        redeem("r-3", a, 301)
    redeem("r-4", a, 300)
    redeem("r-5", b, 200)
    with pytest.raises(OfflineLimit, match="limit is 1000 until it syncs"):
        redeem("r-6", c, 1)
    assert first.terminal.outbox_waiting() == 3
    assert points_of(first, a) == 2_000 - 800


def test_an_offline_overdraw_is_posted_and_flagged_never_dropped(
    ledger: LedgerServer, shop: tuple[Counter, Counter, list[str]]
) -> None:
    first, second, _ = shop
    lin = first.terminal.actor("lin")
    member = first.terminal.enroll("e-9", lin, phone="13912349999", name="Over").member_id
    first.terminal.award("a-9", lin, member, [Line("grocery", 60_000)])
    first.syncer.round()
    second.syncer.round()
    assert points_of(second, member) == ledger_points(ledger, member)[0] == 600
    ledger.stop()

    first.terminal.redeem(
        "r-1", first.terminal.actor("lin"), member, "order", points=400, amount_fen=1_000
    )
    second.terminal.redeem(
        "r-2", second.terminal.actor("lin"), member, "order", points=500, amount_fen=1_000
    )
    back = restart_on_same_port(ledger)
    try:
        first.syncer.round()
        second.syncer.round()
        first.syncer.round()
    finally:
        back.stop()

    assert ledger_points(ledger, member) == (-300, 300)
    report = ledger.report()
    assert report["overdraft_points"] == 300
    assert report["overdrafts"] == [{"member_id": member, "points": 300}]
    assert [(f["kind"], f["member_id"], f["points"]) for f in report["flags"]] == [
        ("overdraft", member, 300)
    ]
    with Session(ledger.engine) as session:
        redeemed = [
            -e.points for e in session.query(Entry).filter_by(member_id=member, kind="redeem").all()
        ]
    assert sorted(redeemed) == [400, 500]
    for counter in (first, second):
        card = counter.terminal.card(member)
        assert (card.points, card.open_overdraft) == (0, 300)
        assert counter.terminal.verify().ok


@pytest.mark.parametrize(
    ("move", "reason"),
    [
        ({"minutes": -10}, "went back in time"),
        ({"hours": 73}, "offline for more than 72 hours"),
    ],
)
def test_a_clock_moved_back_or_too_long_offline_refuses_offline_redemption(
    ledger: LedgerServer,
    shop: tuple[Counter, Counter, list[str]],
    move: dict[str, float],
    reason: str,
) -> None:
    first, _, (member, *_) = shop
    ledger.stop()
    first.clock.advance(**move)

    with pytest.raises(OfflineLimit, match=reason):
        first.terminal.redeem(
            "r-1", first.terminal.actor("lin"), member, "order", points=10, amount_fen=100
        )
    assert first.terminal.outbox_waiting() == 0


def test_a_terminal_clock_drifted_from_ledger_time_refuses_offline_only(
    ledger: LedgerServer, shop: tuple[Counter, Counter, list[str]]
) -> None:
    first, _, (member, *_) = shop
    lin = first.terminal.actor("lin")
    limit = first.terminal.rules.offline.max_clock_drift_seconds
    # The till runs an hour fast: set from real time (the ledger's clock), not from when the
    # fixture started, so a slow machine cannot shrink the drift below the limit.
    first.clock.current = datetime.now(UTC) + timedelta(hours=1)
    first.syncer.round()  # the ledger's time shows the drift
    assert first.terminal.sync_state().clock_offset_s < -limit

    # Online the ledger's word counts, the till's clock is only metadata.
    first.terminal.redeem("r-1", lin, member, "order", points=10, amount_fen=100)
    ledger.stop()
    with pytest.raises(OfflineLimit, match="too far from the ledger"):
        first.terminal.redeem("r-2", lin, member, "order", points=10, amount_fen=100)
    assert first.terminal.outbox_waiting() == 1

"""The ledger counts each event on the shop's business day: the day the event carries (or,
for an event written before events carried one, its time in the store's zone from the rule
book), for the recomputation of a purchase, its campaign days and the expiry of the points it
earns; and its own expiry at ledger time runs on the store's date, not on UTC's."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.events import GENESIS_HASH
from app.paths import default_rule_book
from sync.client.http import LedgerClient
from sync.protocol import WireEvent
from sync.server import push
from sync.server.models import Flag, Lot

from .conftest import LedgerServer, TerminalFactory
from .support import ledger_points, make_chain, post, secret

MEMBER = "M770001"
# Tuesday 8 December 2026, 23:30 UTC: Wednesday 07:30 in Shanghai (member day: double points).
LATE_TUESDAY_UTC = "2026-12-08T23:30:00.000000+00:00"
# Thursday 31 December 2026, 23:30 UTC: Friday 1 January 2027, 07:30 in Shanghai.
NEW_YEARS_EVE_UTC = "2026-12-31T23:30:00.000000+00:00"
ENROLLED = "2026-01-05T02:00:00.000000+00:00"


def chain(*events: tuple[str, dict[str, Any], str]) -> list[WireEvent]:
    """Terminal T01's events from its first, each (kind, payload, created_at)."""
    made: list[WireEvent] = []
    for kind, payload, created_at in events:
        made += make_chain(
            "T01",
            [(kind, payload)],
            seq=len(made) + 1,
            prev=made[-1].hash if made else GENESIS_HASH,
            created_at=created_at,
        )
    return made


def enrolled() -> tuple[str, dict[str, Any], str]:
    payload = {
        "member_id": MEMBER,
        "phone": "13977000001",
        "name": "Day",
        "enrolled_on": "2026-01-05",
        "store": "S001",
    }
    return ("member_enrolled", payload, ENROLLED)


def purchase(n: int, payable_fen: int, earned: int, **day: str) -> dict[str, Any]:
    """A bronze member's purchase (rule book v1) that says it earned ``earned`` points;
    ``business_day=...`` as a terminal that carries it writes it."""
    return {
        "receipt_no": f"T01-{n:07d}",
        "member_id": MEMBER,
        "store": "S001",
        "cashier": "lin",
        "hold_id": None,
        "rule_book_version": 1,
        "tier": "bronze",
        "plus": False,
        "lines": [["grocery", payable_fen]],
        "coupon": None,
        "points_used": 0,
        "points_earned": earned,
        "payable_fen": payable_fen,
        "coupons_issued": [],
        **day,
    }


def lots(ledger: LedgerServer) -> dict[date, int]:
    with Session(ledger.engine) as session:
        rows = session.execute(
            select(Lot.expires_on, Lot.remaining).where(Lot.member_id == MEMBER, Lot.remaining > 0)
        )
        return {expires: remaining for expires, remaining in rows}


def flags(ledger: LedgerServer) -> list[tuple[str, int]]:
    with Session(ledger.engine) as session:
        return [(f.kind, f.points) for f in session.scalars(select(Flag).order_by(Flag.flag_id))]


def publish(ledger: LedgerServer, **changes: Any) -> None:
    """Rule book v2: the default with top-level fields and ``S001``'s fields changed."""
    document = json.loads(default_rule_book().read_text(encoding="utf-8"))
    document["version"] = 2
    document.update(changes.pop("top", {}))
    document["stores"][0].update(changes)
    assert post(ledger, "/admin/rules", document, admin=True).status_code == 200


def test_a_wednesday_morning_purchase_in_shanghai_earns_member_day_points_without_a_flag(
    ledger: LedgerServer, make_counter: TerminalFactory
) -> None:
    counter = make_counter("T01", "S001")
    events = chain(
        enrolled(),
        # as a terminal now writes it: the day travels with the event
        ("purchase", purchase(1, 10_000, 200, business_day="2026-12-09"), LATE_TUESDAY_UTC),
        # as a terminal wrote it before: the day is its time in the store's zone
        ("purchase", purchase(2, 10_000, 200), LATE_TUESDAY_UTC),
    )

    reply = LedgerClient(ledger.url, secret(counter)).push(events)

    assert [r.status for r in reply.results] == ["applied"] * 3
    assert flags(ledger) == []
    assert ledger_points(ledger, MEMBER) == (400, 0)
    assert lots(ledger) == {date(2027, 12, 31): 400}


def test_the_stores_zone_comes_from_the_rule_book(
    ledger: LedgerServer, make_counter: TerminalFactory
) -> None:
    counter = make_counter("T01", "S001")
    publish(ledger, timezone="America/New_York")  # S001 moved: Tuesday 18:30 there
    events = chain(
        enrolled(),
        ("purchase", purchase(1, 10_000, 200), LATE_TUESDAY_UTC),  # not member day in New York
        ("purchase", purchase(2, 10_000, 100), LATE_TUESDAY_UTC),
        # a terminal set to Shanghai said Wednesday: its day is taken, as its receipt printed
        ("purchase", purchase(3, 10_000, 200, business_day="2026-12-09"), LATE_TUESDAY_UTC),
    )

    reply = LedgerClient(ledger.url, secret(counter)).push(events)

    assert [r.status for r in reply.results] == ["applied"] * 4
    assert flags(ledger) == [("recompute_mismatch", 100)]
    assert reply.results[1].event_id == events[1].event_id


def test_points_earned_on_new_years_morning_in_shanghai_expire_at_the_end_of_the_next_year(
    ledger: LedgerServer, make_counter: TerminalFactory
) -> None:
    counter = make_counter("T01", "S001")
    adjust = {"member_id": MEMBER, "store": "S001", "points": 30, "reason": "goodwill"}
    refund = {
        "member_id": MEMBER,
        "store": "S001",
        "receipt_no": "T01-0000002",
        "points_clawed_back": 0,
        "points_returned": 7,
    }
    events = chain(
        enrolled(),
        ("purchase", purchase(2, 5_000, 50, business_day="2027-01-01"), NEW_YEARS_EVE_UTC),
        ("adjust", adjust, NEW_YEARS_EVE_UTC),  # an older terminal's: dated in Shanghai
        ("refund", {**refund, "business_day": "2027-01-01"}, NEW_YEARS_EVE_UTC),
    )

    reply = LedgerClient(ledger.url, secret(counter)).push(events)

    assert [r.status for r in reply.results] == ["applied"] * 4
    assert flags(ledger) == []
    # 2027 in the shop (2026 in UTC): the points last until the end of 2028.
    assert lots(ledger) == {date(2028, 12, 31): 87}


def test_a_business_day_that_is_not_the_events_is_refused(
    ledger: LedgerServer, make_counter: TerminalFactory
) -> None:
    counter = make_counter("T01", "S001")
    events = chain(
        enrolled(),
        # Tuesday 23:30 UTC is a Tuesday or a Wednesday somewhere, never a Thursday
        ("purchase", purchase(1, 10_000, 200, business_day="2026-12-10"), LATE_TUESDAY_UTC),
    )

    reply = LedgerClient(ledger.url, secret(counter)).push(events)

    assert [(r.status, r.code) for r in reply.results] == [
        ("applied", None),
        ("rejected", "bad_payload"),
    ]
    assert "2026-12-10 is not the date of created_at" in (reply.results[1].reason or "")
    assert ledger_points(ledger, MEMBER) == (0, 0)


@pytest.mark.parametrize(
    ("ledger_time", "left"),
    [
        (datetime(2026, 12, 31, 15, 30, tzinfo=UTC), 101),  # 23:30 on 31 December in Shanghai
        (datetime(2026, 12, 31, 16, 30, tzinfo=UTC), 1),  # 00:30 on 1 January: expired there
    ],
)
def test_the_ledger_expires_points_when_the_year_ends_in_the_shop(
    ledger: LedgerServer,
    make_counter: TerminalFactory,
    monkeypatch: pytest.MonkeyPatch,
    ledger_time: datetime,
    left: int,
) -> None:
    counter = make_counter("T01", "S001")
    client = LedgerClient(ledger.url, secret(counter))
    earned = {"member_id": MEMBER, "store": "S001", "points": 100, "reason": "opening"}
    events = chain(
        enrolled(),
        ("adjust", {**earned, "business_day": "2025-06-01"}, "2025-06-01T02:00:00+00:00"),
        ("adjust", {**earned, "points": 1, "business_day": "2027-01-01"}, NEW_YEARS_EVE_UTC),
    )
    assert [r.status for r in client.push(events[:2]).results] == ["applied"] * 2
    assert lots(ledger) == {date(2026, 12, 31): 100}

    monkeypatch.setattr(push.group, "now_utc", lambda: ledger_time)  # the ledger's clock
    assert [r.status for r in client.push(events).results] == ["applied"] * 3

    assert ledger_points(ledger, MEMBER) == (left, 0)

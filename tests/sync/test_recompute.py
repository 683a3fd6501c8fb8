"""The ledger recomputes every purchase with the rule book version the terminal used: a
figure that agrees is taken silently; one that disagrees is still applied (the receipt was
printed) and flagged for review with the difference."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from app.domain.events import business_day
from app.domain.quote import Shopper, points_earned
from app.paths import default_rule_book
from sync.client.http import LedgerClient
from sync.server import ledger as ledger_rules

from .conftest import LedgerServer, TerminalFactory
from .support import ledger_points, make_chain, post, secret

MEMBER = "M700001"


def purchase(version: int, tier: str, payable_fen: int, earned: int, n: int) -> dict[str, Any]:
    return {
        "receipt_no": f"T01-{n:06d}",
        "member_id": MEMBER,
        "store": "S001",
        "cashier": "lin",
        "hold_id": None,
        "rule_book_version": version,
        "tier": tier,
        "plus": False,
        "lines": [["grocery", payable_fen]],
        "coupon": None,
        "points_used": 0,
        "points_earned": earned,
        "payable_fen": payable_fen,
        "coupons_issued": [],
    }


def test_a_purchase_is_recomputed_at_the_terminals_rule_book_version_and_a_mismatch_flagged(
    ledger: LedgerServer, make_counter: TerminalFactory
) -> None:
    counter = make_counter("T01", "S001")
    with Session(ledger.engine) as session:
        rules = ledger_rules.rule_book(session)
    assert rules is not None
    tier = rules.tiers[0]
    payable = 123_400
    right = points_earned(
        payable,
        shopper=Shopper(MEMBER, tier, False, 0),
        store="S001",
        day=business_day(datetime.now(UTC), rules.zone("S001")),  # the shop's day, not UTC's
        rules=rules,
    ).total
    assert right > 0
    events = make_chain(
        "T01",
        [
            (
                "member_enrolled",
                {
                    "member_id": MEMBER,
                    "phone": "13970000001",
                    "name": "Recompute",
                    "enrolled_on": "2026-01-05",
                    "store": "S001",
                },
            ),
            ("purchase", purchase(rules.version, tier.code, payable, right, 1)),
            ("purchase", purchase(rules.version, tier.code, payable, right + 7, 2)),
        ],
    )

    # Meanwhile the operator publishes a rule book that gives twice the points: the ledger
    # must judge each purchase by the version printed on it, not by the newest.
    newer = json.loads(default_rule_book().read_text(encoding="utf-8"))
    newer["version"] = rules.version + 1
    newer["points"]["earn_points"] *= 2
    assert post(ledger, "/admin/rules", newer, admin=True).status_code == 200

    reply = LedgerClient(ledger.url, secret(counter)).push(events)

    assert [r.status for r in reply.results] == ["applied"] * 3
    assert ledger_points(ledger, MEMBER) == (2 * right + 7, 0)  # posted as printed
    flags = [f for f in ledger.report()["flags"] if f["kind"] == "recompute_mismatch"]
    assert [(f["event_id"], f["points"]) for f in flags] == [(events[2].event_id, 7)]
    assert f"v{rules.version} gives {right}" in flags[0]["detail"]

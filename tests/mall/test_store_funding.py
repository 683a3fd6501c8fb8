"""Who pays for points: a campaign's funder charged net of what refunds clawed back, and a
store's own points budget, granted at its counter and refused once spent. Terminal
processes and a ledger process through the real command lines, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.paths import default_rule_book

from .conftest import CounterFactory
from .harness import Counter, Ledger

PHONE = "13900000041"


def enroll(counter: Counter, name: str) -> str:
    return str(
        counter.json("enroll", "--phone", PHONE, "--name", name, "--cashier", "lin")["member_id"]
    )


def funders(ledger: Ledger, *extra: str) -> dict[str, tuple[int, int, int]]:
    report: dict[str, Any] = ledger.admin("report", "--json", *extra).json()
    return {f["funder"]: (f["issued"], f["clawed_back"], f["fen"]) for f in report["funders"]}


def test_a_funder_is_charged_net_of_points_refunds_clawed_back(
    ledger: Ledger, paired_counter: CounterFactory, tmp_path: Path
) -> None:
    # Beauty Hall (S002) pays for double points at the main counter (S001).
    document = json.loads(default_rule_book().read_text(encoding="utf-8"))
    document["version"] = 2
    document["campaigns"].append(
        {
            "code": "sponsored", "name": "Beauty Hall doubles your points",
            "starts_on": "2020-01-01", "ends_on": "2099-12-31", "stores": ["S001"],
            "tiers": [], "funded_by": "S002", "multiplier_percent": 200,
        }
    )  # fmt: skip
    rules = tmp_path / "rules-v2.json"
    rules.write_text(json.dumps(document), encoding="utf-8")
    ledger.admin("rules", "publish", str(rules))
    main = paired_counter("T01", "S001")
    main.run("sync", "--once")
    member = enroll(main, "Qian Yu")
    sale = main.json(
        "award", member, "--line", "grocery=1000", "--cashier", "lin", "--request-id", "s-1"
    )
    assert sale["earn_campaign"] >= 1000  # the sponsor's 1,000 (more on a Wednesday)
    given = sale["points_earned"]
    main.run("refund", sale["receipt_no"], "--amount", "400", "--cashier", "lin")
    main.run("sync", "--once")

    chart = tmp_path / "clearing.svg"
    charged = funders(ledger, "--chart", str(chart))
    # 40% of the sale refunded: 40% of each funder's points clawed back, each charged the rest
    assert charged["S002"] == (1000, 400, 600)
    assert sum(issued for issued, _, _ in charged.values()) == given
    assert sum(back for _, back, _ in charged.values()) == given * 4 // 10
    assert "S002" in chart.read_text(encoding="utf-8")
    assert "gave 1,000 points, 400 clawed back: charged 600 points = 6.00 yuan" in chart.read_text(
        encoding="utf-8"
    )


def test_a_store_grants_from_its_budget_until_it_is_spent(
    ledger: Ledger, paired_counter: CounterFactory
) -> None:
    boutique = paired_counter("T06", "S006")  # Watch Boutique: a single store
    member = enroll(boutique, "Sun Li")
    boutique.run("sync", "--once")
    shown = ledger.admin("budget", "fund", "S006", "300", "--note", "INV-2026-118", "--json")
    assert shown.json()["left"] == 300

    def grant(points: int, request_id: str) -> Any:
        return boutique.run(
            "grant", member, str(points), "--reason", "opening week gift", "--cashier", "lin",
            "--request-id", request_id, "--json", check=False,
        )  # fmt: skip

    granted = grant(200, "g-1")
    assert granted.returncode == 0, granted.stderr
    assert (granted.json()["budget_left"], granted.json()["balance"]) == (100, 200)
    assert grant(200, "g-1").stdout == granted.stdout  # the cashier's retry: granted once
    refused = grant(200, "g-2")
    assert refused.returncode == 1
    assert "budget has 100 points left; 200 were asked" in refused.stderr, refused.stderr
    ledger.stop()
    offline = grant(50, "g-3")
    assert offline.returncode == 1
    assert "cannot be reached now. Nothing was granted" in offline.stderr, offline.stderr
    ledger.start()
    boutique.run("sync", "--once")

    assert ledger.admin("budget", "show", "S006", "--json").json() == [
        {"store": "S006", "funded": 300, "granted": 200, "left": 100, "grants_not_yet_synced": 0}
    ]
    assert ledger.balance(member) == 200
    assert boutique.json("member", "show", member)["points"] == 200
    assert funders(ledger)["S006"] == (200, 0, 200)  # the store pays for what it gave
    [row] = ledger.rows("SELECT terminal_id, request_id, member_id FROM budget_entries "
                        "WHERE kind = 'grant'")  # fmt: skip
    assert row == {"terminal_id": "T06", "request_id": "g-1", "member_id": member}

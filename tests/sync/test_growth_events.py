"""The ledger's side of growth events (sync/server/growth.py), on SQLite and PostgreSQL: a
day's activity cap counts every counter, a reward or benefit named twice is refused, and a
bad event is a final rejection that changes nothing and never blocks the queue."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from app.domain.events import BUSINESS_DAY
from app.services import growth

from .conftest import LedgerServer, TerminalFactory
from .support import events_body, ledger_points, make_chain, post, secret, stored_events
from .test_operator import ledger_cli


def test_the_days_cap_counts_the_check_ins_of_every_counter(
    ledger: LedgerServer, make_counter: TerminalFactory
) -> None:
    t1, t2 = make_counter("T01", "S001"), make_counter("T02", "S002")
    lin = t1.terminal.actor("lin")
    member = t1.terminal.enroll("e", lin, phone="13912340001", name="Cap").member_id
    t1.syncer.round()
    t2.syncer.round()
    for counter, request in ((t1, "c1"), (t2, "c2")):  # offline from each other: both record
        growth.record_activity(
            counter.terminal.ctx,
            request_id=request,
            actor=counter.terminal.actor("lin"),
            member_id=member,
            activity="checkin",
        )
    assert t1.syncer.round().rejected == 0
    assert t2.syncer.round().rejected == 1
    assert [e for e in stored_events(ledger) if e[0] == "T02"][-1][2:] == ("rejected", "daily_cap")
    assert ledger_points(ledger, member) == (5, 0)
    t1.syncer.round()
    assert t2.terminal.card(member).points == t1.terminal.card(member).points == 5
    assert t2.terminal.outbox_waiting() == 0


def _payloads(counter_day: str) -> list[tuple[str, dict[str, Any]]]:
    day = {"store": "S001", BUSINESS_DAY: counter_day}
    enrol = {"phone": "13912340002", "enrolled_on": counter_day, "name": "A", **day}
    return [
        ("member_enrolled", {"member_id": "MA", **enrol}),
        ("member_enrolled", {"member_id": "MB", **enrol, "phone": "13912340003", "referrer": "MA"}),
        ("member_enrolled", {"member_id": "MC", **enrol, "phone": "13912340004"}),
        # MC did not refer MB: refused
        ("referral_rewarded", {"member_id": "MC", "referee": "MB", "points": 300, **day}),
        ("referral_rewarded", {"member_id": "MA", "referee": "MB", "points": 300, **day}),
        ("referral_rewarded", {"member_id": "MA", "referee": "MB", "points": 300, **day}),
        ("benefit_given", {"member_id": "MA", "benefit": "party", "period": "x", **day}),
        ("benefit_given", {"member_id": "MA", "benefit": "birthday", "period": "2026", **day}),
        ("benefit_given", {"member_id": "MA", "benefit": "birthday", "period": "2026", **day}),
        ("real_name_verified", {"member_id": "MA", "id_hash": "11010519491231002X",
                                "id_last4": "002X", **day}),
        ("activity", {"member_id": "MA", "activity": "like", "points": 1, **day}),
        ("activity", {"member_id": "MA", "activity": "review", "points": 20, **day}),
        ("activity", {"member_id": "MA", "activity": "checkin", "points": -5, **day}),
    ]  # fmt: skip


def test_bad_and_repeated_growth_events_are_final_rejections(
    ledger: LedgerServer, make_counter: TerminalFactory
) -> None:
    counter = make_counter("T01", "S001")
    today = counter.terminal.ctx.today().isoformat()
    events = make_chain("T01", _payloads(today))
    response = post(ledger, "/events", events_body(events), credential=secret(counter))
    assert response.status_code == 200, response.text
    results = [(r["status"], r["code"]) for r in response.json()["results"]]
    assert results == [
        ("applied", None),
        ("applied", None),
        ("applied", None),
        ("rejected", "not_referred"),
        ("applied", None),
        ("rejected", "already_given"),
        ("rejected", "bad_payload"),
        ("applied", None),
        ("rejected", "already_given"),
        ("rejected", "bad_payload"),  # a bare ID number is never stored
        ("rejected", "bad_payload"),
        ("rejected", "bad_payload"),  # a review names its receipt
        ("rejected", "bad_payload"),
    ]
    assert ledger_points(ledger, "MA") == (300, 0)
    assert ledger_points(ledger, "MC") == (0, 0)


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["member_id", "phone", "name", "credit_score"])
        writer.writeheader()
        writer.writerows(rows)


def test_an_imported_credit_score_counts_at_the_counters_and_is_refreshed(
    ledger: LedgerServer,
    ledger_url: str,
    make_counter: TerminalFactory,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "members.csv"
    _write(path, [
        {"member_id": "M1", "phone": "13700000001", "name": "Scored", "credit_score": "80"},
        {"member_id": "M2", "phone": "13700000002", "name": "Unknown", "credit_score": ""},
    ])  # fmt: skip
    out, _ = ledger_cli(capsys, ledger_url, "members", "import", str(path), "--json")
    assert out["imported"] == 2
    counter = make_counter("T01", "S001")
    counter.syncer.round()
    assert counter.terminal.card("M1").growth_by_dimension["credit"] == 80 * 300 // 100
    assert counter.terminal.card("M2").growth_by_dimension["credit"] == 0  # unknown: 0

    _write(path, [{"member_id": "M1", "phone": "13700000001", "name": "S", "credit_score": "50"}])
    out, _ = ledger_cli(capsys, ledger_url, "members", "import", str(path), "--json")
    assert (out["imported"], out["existing"], out["credit_scores"]) == (0, 1, 1)
    counter.syncer.round()
    assert counter.terminal.card("M1").growth_by_dimension["credit"] == 150

    _write(path, [{"member_id": "M1", "phone": "13700000001", "name": "S", "credit_score": "101"}])
    out, err = ledger_cli(capsys, ledger_url, "members", "import", str(path), "--json", status=1)
    assert "credit_score" in err


def test_an_open_risk_flag_takes_reputation_off_until_it_is_resolved(
    ledger: LedgerServer,
    ledger_url: str,
    make_counter: TerminalFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    t1 = make_counter("T01", "S001")
    member = t1.terminal.enroll(
        "e", t1.terminal.actor("lin"), phone="13912340009", name="Risky"
    ).member_id
    t1.syncer.round()
    # The same phone-code step taken at two other counters: a copied code, flagged.
    for terminal_id in ("T02", "T03"):
        credential = secret(make_counter(terminal_id, "S001"))
        chain = make_chain(terminal_id, [("code_accepted", {"member_id": member, "step": 7})])
        assert post(ledger, "/events", events_body(chain), credential=credential).ok
    t1.syncer.round()
    assert t1.terminal.card(member).growth_by_dimension["reputation"] == -500
    out, _ = ledger_cli(capsys, ledger_url, "flags", "list", "--json")
    (flag,) = [f for f in out if f["kind"] == "code_replay"]
    ledger_cli(
        capsys, ledger_url, "flags", "resolve", str(flag["flag_id"]), "--note", "own phone",
        "--by", "ops", "--json",
    )  # fmt: skip
    t1.syncer.round()
    assert t1.terminal.card(member).growth_by_dimension["reputation"] == 0

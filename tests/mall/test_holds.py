"""A mall's points are safe: every online redemption is held at the ledger, from every
terminal process, after every restart; a hold belongs to its terminal's request.

Each terminal is its own PC (data directory and home) and every step a new ``memberdesk``
process, paired through the real command line with a ledger process.
"""

from __future__ import annotations

from pathlib import Path

from .conftest import CounterFactory
from .harness import Counter, Ledger

MEMBER, OTHER = "M100001", "M100002"


def _mall(ledger: Ledger, tmp_path: Path, points: int = 3000) -> None:
    ledger.import_members(
        [
            {"member_id": MEMBER, "phone": "13900000001", "name": "Wang Fang", "points": points},
            {"member_id": OTHER, "phone": "13900000002", "name": "Li Lei", "points": 0},
        ],
        tmp_path,
    )


def _redeem(counter: Counter, request_id: str, points: int, member: str = MEMBER, **kw: bool):
    return counter.run(
        "redeem", member, "--order", str(points // 10 * 2), "--points", str(points),
        "--cashier", "lin", "--request-id", request_id, "--json", **kw,
    )  # fmt: skip


def test_after_a_restart_a_redemption_asks_the_ledger_for_a_hold(
    ledger: Ledger, paired_counter: CounterFactory, tmp_path: Path
):
    _mall(ledger, tmp_path)
    counter = paired_counter("T01")
    counter.run("sync", "--once")
    done = _redeem(counter, "sale-0001", 2500)  # a new process: pairing was two commands ago
    assert done.json()["balance"] == 500
    holds = ledger.live_holds(MEMBER)
    assert [(h["terminal_id"], h["request_id"], h["points"]) for h in holds] == [
        ("T01", "sale-0001", 2500)
    ]
    counter.run("sync", "--once")
    assert ledger.live_holds(MEMBER) == []  # used up by the redemption it was made for
    assert ledger.balance(MEMBER) == 500


def test_two_counters_online_cannot_spend_the_same_points(
    ledger: Ledger, paired_counter: CounterFactory, tmp_path: Path
):
    _mall(ledger, tmp_path)
    first, second = paired_counter("T01"), paired_counter("T02", "S002")
    for counter in (first, second):
        counter.run("sync", "--once")
    _redeem(first, "a-1", 2500)
    refused = _redeem(second, "b-1", 2500, check=False)  # T02 has not synced since
    assert refused.returncode == 1
    assert "500 points" in refused.stderr, refused.stderr
    for counter in (first, second):
        counter.run("sync", "--once")
    assert ledger.balance(MEMBER) == 500
    assert ledger.rows("SELECT * FROM members WHERE overdraft > 0") == []


def test_a_request_id_reused_at_another_terminal_gets_its_own_hold(
    ledger: Ledger, paired_counter: CounterFactory, tmp_path: Path
):
    _mall(ledger, tmp_path)
    first, second = paired_counter("T01"), paired_counter("T02", "S002")
    for counter in (first, second):
        counter.run("sync", "--once")
    _redeem(first, "sale-0001", 1000)
    # Same request id at another terminal, for a member with no points: the ledger refuses
    # (it once answered with T01's hold and approved it).
    refused = _redeem(second, "sale-0001", 1000, member=OTHER, check=False)
    assert refused.returncode == 1
    assert "0 points" in refused.stderr, refused.stderr
    assert [h["terminal_id"] for h in ledger.live_holds(MEMBER)] == ["T01"]
    assert ledger.live_holds(OTHER) == []


def test_a_retried_offline_redemption_prints_its_first_result_after_a_sync(
    ledger: Ledger, paired_counter: CounterFactory, tmp_path: Path
):
    _mall(ledger, tmp_path, points=300)
    counter = paired_counter("T01")
    counter.run("sync", "--once")
    ledger.stop()
    first = _redeem(counter, "off-1", 300)  # offline: within the rule book's caps
    assert first.json()["balance"] == 0
    ledger.start()
    counter.run("sync", "--once")
    assert ledger.balance(MEMBER) == 0
    again = _redeem(counter, "off-1", 300)  # the cashier's retry, online now
    assert again.stdout == first.stdout
    assert ledger.live_holds(MEMBER) == []


def test_a_redemption_the_terminal_refuses_leaves_no_hold(
    ledger: Ledger, paired_counter: CounterFactory, tmp_path: Path
):
    _mall(ledger, tmp_path)
    counter, other = paired_counter("T01"), paired_counter("T02", "S002")
    for each in (counter, other):
        each.run("sync", "--once")
    refused = counter.run(
        "redeem", MEMBER, "--gift", "tote", "--cashier", "lin", "--request-id", "g-1",
        check=False,
    )  # fmt: skip
    assert refused.returncode == 1
    assert "out of stock" in refused.stderr
    # the hold was asked for (1500 points of a tote), then given back at once, unused
    [asked] = ledger.rows("SELECT * FROM holds WHERE request_id = 'g-1'")
    assert (asked["terminal_id"], asked["points"], bool(asked["consumed"])) == ("T01", 1500, False)
    assert ledger.live_holds(MEMBER) == []
    _redeem(other, "b-1", 3000)  # every point is there for the next counter at once
    other.run("sync", "--once")
    assert ledger.balance(MEMBER) == 0


def test_a_push_may_use_only_its_own_terminals_hold(
    ledger: Ledger, paired_counter: CounterFactory, tmp_path: Path
):
    """T02's credential pushes a redemption that names T01's hold and request id."""
    import json

    import requests

    from app.domain.events import GENESIS_HASH, canonical_json, event_hash
    from app.domain.ids import uuid7

    _mall(ledger, tmp_path)
    first, second = paired_counter("T01"), paired_counter("T02")
    first.run("sync", "--once")
    _redeem(first, "sale-0001", 1000)
    [held] = ledger.live_holds(MEMBER)
    secret = json.loads((second.data_dir / "ledger-credential.json").read_text())["secret"]
    payload = canonical_json(
        {"member_id": MEMBER, "kind": "order", "points": 100, "amount_fen": 200,
         "store": "S001", "cashier": "lin", "hold_id": held["hold_id"],
         "request_id": "sale-0001"}
    )  # fmt: skip
    event_id, created = str(uuid7()), "2026-12-06T08:00:00.000000+00:00"
    event = {
        "event_id": event_id, "terminal_id": "T02", "seq": 1, "kind": "redeem",
        "payload": payload, "prev_hash": GENESIS_HASH, "created_at": created,
        "hash": event_hash(prev_hash=GENESIS_HASH, event_id=event_id, terminal_id="T02",
                           seq=1, kind="redeem", payload=payload, created_at=created),
    }  # fmt: skip
    reply = requests.post(
        f"{ledger.url}/v1/events",
        json={"protocol": 1, "events": [event]},
        headers={"Authorization": f"Bearer {secret}"},
        timeout=30,
    )
    assert reply.status_code == 200, reply.text
    assert [h["hold_id"] for h in ledger.live_holds(MEMBER)] == [held["hold_id"]]  # still T01's
    first.run("sync", "--once")
    assert ledger.live_holds(MEMBER) == []
    assert ledger.balance(MEMBER) == 3000 - 100 - 1000

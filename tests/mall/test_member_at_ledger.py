"""The operator sees one member at the ledger, and withdrawn codes withdraw codes only: every
terminal is its own process, through the real ``memberdesk`` and ``memberdesk-ledger``."""

from __future__ import annotations

import json

import requests

from .conftest import CounterFactory
from .harness import Ledger

PHONE = "13900000001"


def test_the_operator_sees_the_member_a_counter_served(
    ledger: Ledger, paired_counter: CounterFactory
) -> None:
    counter = paired_counter("T01")
    enrolled = counter.json("enroll", "--phone", PHONE, "--name", "Zhang Wei", "--cashier", "lin")
    member_id = enrolled["member_id"]
    award = counter.json(
        "award", PHONE, "--line", "grocery=100", "--cashier", "lin", "--request-id", "sale-1"
    )
    assert (award["member_id"], award["points_earned"]) == (member_id, 100)
    # A retry prints the first result: the same event id.
    again = counter.run("award", PHONE, "--line", "grocery=100", "--cashier", "lin",
                        "--request-id", "sale-1")  # fmt: skip
    assert again.stdout.strip().endswith(f"Member {member_id}, event {award['event_id']}.")
    counter.run("sync", "--once")

    shown = ledger.admin("members", "show", PHONE, "--json").json()
    assert (shown["member_id"], shown["points"], shown["overdraft"]) == (member_id, 100, 0)
    assert (shown["held"], shown["available"], shown["holds"], shown["flags"]) == (0, 100, [], [])
    [event] = shown["events"]
    assert (event["event_id"], event["kind"], event["points"]) == (
        award["event_id"],
        "purchase",
        100,
    )
    assert (event["store_code"], event["terminal_id"]) == ("S001", "T01")

    text = ledger.admin("members", "show", member_id).stdout
    assert f"{member_id}  Zhang Wei  {PHONE}  active" in text
    assert "points 100 (held 0, available 100); overdraft 0" in text
    assert "open holds: none" in text
    assert f"purchase           +100  store S001  terminal T01  event {award['event_id']}" in text
    assert "open flags: none" in text

    # An online authorisation's hold shows with its terminal, request and expiry.
    secret = json.loads((counter.data_dir / "ledger-credential.json").read_text())["secret"]
    reply = requests.post(
        f"{ledger.url}/v1/redemptions/authorize",
        json={"member_id": member_id, "points": 30, "request_id": "redeem-7"},
        headers={"Authorization": f"Bearer {secret}"},
        timeout=30,
    )
    assert reply.status_code == 200 and reply.json()["approved"], reply.text
    shown = ledger.admin("members", "show", member_id, "--json").json()
    assert (shown["points"], shown["held"], shown["available"]) == (100, 30, 70)
    [hold] = shown["holds"]
    assert (hold["points"], hold["terminal_id"], hold["request_id"]) == (30, "T01", "redeem-7")
    text = ledger.admin("members", "show", PHONE).stdout
    assert "30 points for terminal T01, request redeem-7, until " in text

    unknown = ledger.admin("members", "show", "M404", check=False)
    assert unknown.returncode == 1
    assert "No member 'M404' at the ledger." in unknown.stderr


def test_withdrawn_codes_refuse_the_card_but_serve_the_member_by_phone(
    ledger: Ledger, paired_counter: CounterFactory
) -> None:
    counter = paired_counter("T01")
    member_id = counter.json("enroll", "--phone", PHONE, "--name", "Zhang Wei", "--cashier", "lin")[
        "member_id"
    ]
    counter.run("sync", "--once")
    card = counter.json("code", "card", member_id)["code"]
    assert counter.run("code", "verify", card).stdout.strip() == (
        f"valid printed card code of member {member_id}"
    )

    revoked = ledger.admin("members", "codes", "revoke", member_id)
    assert f"Member {member_id}: codes withdrawn" in revoked.stdout
    counter.run("sync", "--once")

    scan = counter.run("code", "verify", card, check=False)
    assert scan.returncode == 1
    assert "not accepted (code_revoked): This member's codes were withdrawn" in scan.stdout
    assert "Serve the member by phone number" in scan.stdout

    shown = counter.run("member", "show", PHONE).stdout
    assert shown.startswith(f"{member_id}  Z**** W**  139****0001")
    assert "codes withdrawn: refuse the member's card and phone codes" in shown
    sale = counter.json("award", PHONE, "--line", "grocery=50", "--cashier", "lin")
    assert (sale["member_id"], sale["balance"]) == (member_id, 50)
    by_id = counter.json("award", member_id, "--line", "grocery=20", "--cashier", "lin")
    assert by_id["balance"] == 70
    counter.run("sync", "--once")

    at_ledger = ledger.admin("members", "show", PHONE, "--json").json()
    assert (at_ledger["status"], at_ledger["points"]) == ("codes_revoked", 70)
    assert [e["event_id"] for e in at_ledger["events"]] == [by_id["event_id"], sale["event_id"]]
    # The ledger signs no new card until the operator gives the codes back.
    assert counter.run("code", "card", member_id, check=False).returncode == 1
    ledger.admin("members", "codes", "restore", member_id)
    counter.run("sync", "--once")
    assert counter.run("code", "verify", card).returncode == 0

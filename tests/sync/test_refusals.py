"""Every refusal is a clear 4xx with a stable code, and nothing is written at the ledger."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from app.domain.quote import Line
from sync.client.engine import SyncBlocked
from sync.client.http import LedgerClient, LedgerRefused
from sync.protocol import API, MAX_BATCH, MAX_BODY_BYTES

from .conftest import Counter, LedgerServer, TerminalFactory
from .support import (
    events_body,
    ledger_points,
    ledger_state,
    make_chain,
    post,
    secret,
    stored_events,
    wire,
)


def busy_counter(make_counter: TerminalFactory, terminal_id: str = "T01") -> Counter:
    """A terminal with an enrollment and two purchases waiting (3 events)."""
    counter = make_counter(terminal_id, "S001")
    lin = counter.terminal.actor("lin")
    member = counter.terminal.enroll(
        f"e-{terminal_id}", lin, phone="1391234" + terminal_id[-2:].rjust(4, "0"), name="Ref"
    )
    counter.terminal.award(f"a1-{terminal_id}", lin, member.member_id, [Line("grocery", 10_000)])
    counter.terminal.award(f"a2-{terminal_id}", lin, member.member_id, [Line("grocery", 5_000)])
    assert counter.terminal.outbox_waiting() == 3
    return counter


def refusal(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert body["code"] == code, body
    assert body["message"], body
    return body


def test_events_of_another_terminal_under_this_credential_are_refused(
    ledger: LedgerServer, make_counter: TerminalFactory
) -> None:
    mine, other = busy_counter(make_counter, "T01"), busy_counter(make_counter, "T02")
    before = ledger_state(ledger)

    body = refusal(
        post(ledger, "/events", events_body(wire(other)), credential=secret(mine)),
        403,
        "wrong_terminal",
    )

    assert "T02" in body["message"] and "T01" in body["message"]
    assert ledger_state(ledger) == before
    # The rightful owner still pushes its own events from sequence 1.
    mine.syncer.round()
    other.syncer.round()
    events = stored_events(ledger)
    assert [seq for t, seq, _, _ in events if t == "T02"][:3] == [1, 2, 3]
    assert {status for _, _, status, _ in events} == {"applied"}


def test_a_revoked_terminal_is_refused_at_once_even_mid_session(
    ledger: LedgerServer, make_counter: TerminalFactory
) -> None:
    counter = busy_counter(make_counter)
    counter.syncer.round()  # the client's HTTP session is open and working
    lin = counter.terminal.actor("lin")
    member_id = counter.terminal.card("13912340001").member_id
    counter.terminal.award("after", lin, member_id, [Line("grocery", 1_000)])
    before = ledger_state(ledger)

    ledger.revoke("T01")

    with pytest.raises(SyncBlocked, match="revoked"):
        counter.syncer.push()
    with pytest.raises(LedgerRefused) as refused:
        counter.syncer.client.changes(0, None, 10)
    assert (refused.value.status, refused.value.refusal.code) == (403, "revoked")
    refusal(
        post(ledger, "/events", events_body(wire(counter)), credential=secret(counter)),
        403,
        "revoked",
    )
    after = ledger_state(ledger)
    assert {k: v for k, v in after.items() if k != "terminals"} == {
        k: v for k, v in before.items() if k != "terminals"
    }
    assert counter.terminal.outbox_waiting() == 1  # kept, never lost


def test_forged_and_missing_credentials_are_401(
    ledger: LedgerServer, make_counter: TerminalFactory
) -> None:
    counter = busy_counter(make_counter)
    before = ledger_state(ledger)
    body = events_body(wire(counter))

    refusal(post(ledger, "/events", body, credential="forged-" + "x" * 40), 401, "bad_credential")
    refusal(post(ledger, "/events", body), 401, "no_credential")
    with pytest.raises(LedgerRefused) as refused:
        LedgerClient(ledger.url, "not-a-credential").changes(0, None, 10)
    assert (refused.value.status, refused.value.refusal.code) == (401, "bad_credential")

    assert ledger_state(ledger) == before


def test_a_tampered_hash_chain_is_refused(
    ledger: LedgerServer, make_counter: TerminalFactory
) -> None:
    counter = busy_counter(make_counter)
    before = ledger_state(ledger)
    # Someone edits a waiting purchase in the terminal's database to award more points.
    with sqlite3.connect(counter.terminal.settings.database_path) as db:
        (payload,) = db.execute("SELECT payload FROM outbox WHERE seq = 2").fetchone()
        assert '"points_earned":100' in payload
        db.execute(
            "UPDATE outbox SET payload = ? WHERE seq = 2",
            (payload.replace('"points_earned":100', '"points_earned":9999'),),
        )

    body = refusal(
        post(ledger, "/events", events_body(wire(counter)), credential=secret(counter)),
        409,
        "hash_chain_broken",
    )
    assert body["expected_seq"] == 2
    with pytest.raises(SyncBlocked, match="hash chain"):
        counter.syncer.push()
    assert ledger_state(ledger) == before  # event 1 of the refused batch is not kept either
    assert counter.terminal.outbox_waiting() == 3


def test_a_sequence_gap_is_refused_with_the_expected_sequence(
    ledger: LedgerServer, make_counter: TerminalFactory
) -> None:
    counter = busy_counter(make_counter)
    first, _, third = wire(counter)
    before = ledger_state(ledger)

    body = refusal(
        post(ledger, "/events", events_body([third]), credential=secret(counter)),
        409,
        "sequence_gap",
    )
    assert body["expected_seq"] == 1
    body = refusal(
        post(ledger, "/events", events_body([first, third]), credential=secret(counter)),
        409,
        "sequence_gap",
    )
    assert body["expected_seq"] == 2
    assert ledger_state(ledger) == before


def test_a_replayed_event_with_changed_content_names_the_fields(
    ledger: LedgerServer, make_counter: TerminalFactory
) -> None:
    counter = busy_counter(make_counter)
    events = wire(counter)
    counter.syncer.round()
    before = ledger_state(ledger)

    changed = events[1].model_copy(update={"created_at": "2020-01-01T00:00:00+00:00"})
    body = refusal(
        post(ledger, "/events", events_body([changed]), credential=secret(counter)),
        409,
        "event_conflict",
    )
    assert body["fields"] == ["created_at"]
    forged = events[2].model_copy(update={"payload": events[2].payload.replace("50", "99")})
    body = refusal(
        post(ledger, "/events", events_body([forged]), credential=secret(counter)),
        409,
        "event_conflict",
    )
    assert body["fields"] == ["payload"]
    assert ledger_state(ledger) == before


def test_an_oversized_body_is_413(ledger: LedgerServer, make_counter: TerminalFactory) -> None:
    counter = busy_counter(make_counter)
    before = ledger_state(ledger)
    raw = b'{"protocol":1,"events":[' + b" " * (MAX_BODY_BYTES + 1) + b"]}"

    refusal(post(ledger, "/events", raw=raw, credential=secret(counter)), 413, "too_large")
    assert ledger_state(ledger) == before


def test_an_oversized_body_sent_chunked_without_a_length_is_413(
    ledger: LedgerServer, make_counter: TerminalFactory
) -> None:
    counter = busy_counter(make_counter)
    before = ledger_state(ledger)
    chunk = b" " * 65_536

    def body() -> Iterator[bytes]:  # no Content-Length: the limit must count what arrives
        yield b'{"protocol":1,"events":['
        for _ in range(MAX_BODY_BYTES // len(chunk) + 2):
            yield chunk
        yield b"]}"

    response = requests.post(
        f"{ledger.url}{API}/events",
        data=body(),
        headers={"Authorization": f"Bearer {secret(counter)}"},
        timeout=30,
    )
    refusal(response, 413, "too_large")
    assert ledger_state(ledger) == before


def test_a_batch_of_more_events_than_the_protocol_allows_is_refused_whole(
    ledger: LedgerServer, make_counter: TerminalFactory
) -> None:
    counter = make_counter("T01", "S001")
    events = make_chain(
        "T01",
        [("adjust", {"member_id": "M404", "points": 1, "store": "S001"})] * (MAX_BATCH + 1),
    )
    before = ledger_state(ledger)

    body = refusal(
        post(ledger, "/events", events_body(events), credential=secret(counter)),
        422,
        "malformed",
    )
    assert body["fields"] == ["events"] and str(MAX_BATCH) in body["message"]
    assert ledger_state(ledger) == before
    # The same events in batches the protocol allows go through (as rejections: no member).
    client = LedgerClient(ledger.url, secret(counter))
    assert client.push(events[:MAX_BATCH]).applied_through_seq == MAX_BATCH


def test_malformed_json_and_wrong_types_are_422(
    ledger: LedgerServer, make_counter: TerminalFactory
) -> None:
    counter = busy_counter(make_counter)
    before = ledger_state(ledger)
    good = events_body(wire(counter))

    refusal(
        post(ledger, "/events", raw=b'{"events": [', credential=secret(counter)), 422, "malformed"
    )
    wrong = {**good, "events": [{**good["events"][0], "seq": "first"}]}
    body = refusal(post(ledger, "/events", wrong, credential=secret(counter)), 422, "malformed")
    assert body["fields"] == ["events.0.seq"]
    extra = {**good, "events": [{**good["events"][0], "points": 5}]}
    body = refusal(post(ledger, "/events", extra, credential=secret(counter)), 422, "malformed")
    assert body["fields"] == ["events.0.points"]
    body = refusal(
        post(
            ledger,
            "/redemptions/authorize",
            {"member_id": "M1", "points": -5, "request_id": "r"},
            credential=secret(counter),
        ),
        422,
        "malformed",
    )
    assert body["fields"] == ["points"]
    refusal(
        post(ledger, "/events", {"protocol": 2, "events": []}, credential=secret(counter)),
        422,
        "malformed",
    )
    assert ledger_state(ledger) == before


def test_a_bad_pairing_code_and_a_code_used_twice_are_refused(ledger: LedgerServer) -> None:
    code = ledger.add_terminal("T05", "S002")
    before = ledger_state(ledger)
    client = LedgerClient(ledger.url)

    with pytest.raises(LedgerRefused) as refused:
        client.pair("T05", "AAAA-BBBB-CCCC")
    assert (refused.value.status, refused.value.refusal.code) == (403, "bad_pairing_code")
    with pytest.raises(LedgerRefused) as refused:
        client.pair("T99", code)  # the right code for another terminal
    assert refused.value.refusal.code == "bad_pairing_code"
    assert ledger_state(ledger) == before

    paired = client.pair("T05", code)
    assert (paired.terminal_id, paired.store_code) == ("T05", "S002")
    with pytest.raises(LedgerRefused) as refused:
        client.pair("T05", code)
    assert (refused.value.status, refused.value.refusal.code) == (403, "bad_pairing_code")
    # The first pairing's credential still works; the second attempt took nothing.
    assert LedgerClient(ledger.url, paired.credential).push([]).applied_through_seq == 0


def test_another_stores_event_is_rejected_recorded_and_does_not_block(
    ledger: LedgerServer, make_counter: TerminalFactory
) -> None:
    counter = make_counter("T01", "S001")
    lin = counter.terminal.actor("lin")
    member = counter.terminal.enroll("e-1", lin, phone="13912340000", name="Store")
    first = counter.terminal.award("a-1", lin, member.member_id, [Line("grocery", 10_000)])
    counter.terminal.ctx.store_code = "S002"  # a misconfigured till writes for another store
    counter.terminal.award("a-2", lin, member.member_id, [Line("grocery", 70_000)])
    counter.terminal.ctx.store_code = "S001"
    third = counter.terminal.award("a-3", lin, member.member_id, [Line("grocery", 20_000)])
    kept = first.points_earned + third.points_earned
    assert counter.terminal.card(member.member_id).points > kept

    result = counter.syncer.round()

    assert result.rejected == 1
    assert stored_events(ledger)[:4] == [
        ("T01", 1, "applied", None),
        ("T01", 2, "applied", None),
        ("T01", 3, "rejected", "wrong_store"),
        ("T01", 4, "applied", None),
    ]
    assert ledger_points(ledger, member.member_id) == (kept, 0)
    assert counter.terminal.outbox_waiting() == 0
    assert counter.terminal.card(member.member_id).points == kept  # corrected to the ledger
    assert counter.terminal.verify().ok
    assert ledger.report()["earned_by_store"] == {"S001": kept}

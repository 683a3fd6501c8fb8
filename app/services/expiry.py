"""Expire points whose lots are past their last day, oldest first, one event per member."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services.common import audit, post
from app.services.context import Actor, ServiceContext
from app.services.idempotency import run_once
from app.services.views import ExpireResult
from app.store.models import LotBalance


def expire_points(
    ctx: ServiceContext, *, actor: Actor, request_id: str | None = None
) -> ExpireResult:
    """Safe to run at every start: the request id defaults to one per business day."""
    today = ctx.today()
    request_id = request_id or f"expire-{ctx.terminal_id}-{today.isoformat()}"

    def work(session: Session) -> ExpireResult:
        rows = session.execute(
            select(LotBalance.member_id, LotBalance.lot_id, LotBalance.remaining)
            .where(LotBalance.expires_on < today, LotBalance.remaining > 0)
            .order_by(LotBalance.member_id, LotBalance.lot_id)
        ).all()
        due: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for member_id, lot_id, remaining in rows:
            if remaining > 0:
                due[member_id].append((lot_id, remaining))
        now = ctx.now()
        total = 0
        for member_id, lots in due.items():
            points = sum(r for _, r in lots)
            posting = post(
                session,
                kind="expire",
                payload={"member_id": member_id, "points": points, "day": today.isoformat()},
                request_id=request_id,
                member_id=member_id,
                now=now,
                zone=ctx.timezone,
            )
            for lot_id, remaining in lots:
                posting.take_from_lot("expire", lot_id, remaining)
            total += points
        if due:
            audit(
                session,
                actor=actor,
                action="expire",
                now=now,
                request_id=request_id,
                members=len(due),
                points=total,
            )
        return ExpireResult(today.isoformat(), len(due), total)

    return run_once(
        ctx,
        request_id=request_id,
        operation="expire",
        inputs={"day": today.isoformat()},
        result_type=ExpireResult,
        work=work,
    )

"""Expire points whose lots are past their last day, oldest first, one event per member."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.event_kinds import Expire
from app.domain.points import Lot, due_to_expire
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
        rows = session.execute(  # the index narrows; due_to_expire is the rule
            select(
                LotBalance.member_id, LotBalance.lot_id, LotBalance.remaining, LotBalance.expires_on
            )
            .where(LotBalance.expires_on < today, LotBalance.remaining > 0)
            .order_by(LotBalance.member_id, LotBalance.lot_id)
        ).all()
        lapsed: dict[str, list[Lot]] = defaultdict(list)
        for member_id, lot_id, remaining, expires_on in rows:
            lapsed[member_id].append(Lot(lot_id, remaining, expires_on))
        due = {
            member_id: taken
            for member_id, lots in lapsed.items()
            if (taken := due_to_expire(lots, today))
        }
        now = ctx.now()
        total = 0
        for member_id, lots in due.items():
            points = sum(r for _, r in lots)
            posting = post(
                session,
                Expire(member_id=member_id, points=points, day=today),
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

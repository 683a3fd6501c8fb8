"""A supervisor's points adjustment, with a reason, as a journal entry like any other."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput
from app.domain.event_kinds import Adjust
from app.domain.points import expiry_for
from app.services.common import audit, load_member, post
from app.services.context import Actor, ServiceContext
from app.services.idempotency import run_once
from app.services.views import AdjustResult
from app.store.journal import shown_balance

MAX_ADJUSTMENT = 1_000_000
MAX_REASON = 200


def adjust(
    ctx: ServiceContext,
    *,
    request_id: str,
    actor: Actor,
    member_id: str,
    points: int,
    reason: str,
) -> AdjustResult:
    actor.require("supervisor", "A points adjustment")
    reason = " ".join(reason.split())
    if not reason or len(reason) > MAX_REASON:
        raise InvalidInput(
            f"Give the reason for the adjustment (1 to {MAX_REASON} characters).",
            field="reason",
        )
    if points == 0 or abs(points) > MAX_ADJUSTMENT:
        raise InvalidInput(
            f"An adjustment is between 1 and {MAX_ADJUSTMENT} points, up or down.",
            field="points",
        )

    def work(session: Session) -> AdjustResult:
        load_member(session, member_id)
        now = ctx.now()
        posting = post(
            session,
            Adjust(
                member_id=member_id,
                points=points,
                reason=reason,
                supervisor=actor.cashier_id,
                store=ctx.store_code,
            ),
            request_id=request_id,
            member_id=member_id,
            now=now,
            zone=ctx.timezone,
            note=reason,
        )
        if points > 0:
            posting.credit("adjust", points, expiry_for(ctx.today(), ctx.rules.points))
        else:
            posting.debit("adjust", -points, ctx.today())
        audit(
            session,
            actor=actor,
            action="adjust",
            now=now,
            member_id=member_id,
            request_id=request_id,
            points=points,
            reason=reason,
        )
        balance = shown_balance(session, member_id, ctx.today())
        return AdjustResult(member_id, points, reason, balance, posting.event_id)

    return run_once(
        ctx,
        request_id=request_id,
        operation="adjust",
        inputs={"member_id": member_id, "points": points, "reason": reason},
        result_type=AdjustResult,
        work=work,
    )

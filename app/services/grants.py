"""A store gives a member points it funds from its own budget (merchant-funded points).

Online only: the budget is the store's money at the ledger, so the ledger takes the grant
from it first (one per request id) and this terminal then writes the points and their
``points_granted`` event. Offline the grant is refused, not queued: an unchecked grant could
spend a budget that is already gone, and nothing at the counter waits on it (the cashier
grants again once the link is back). Standalone shops have no budget to grant from.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput, LedgerUnavailable, OfflineLimit
from app.domain.event_kinds import PointsGranted
from app.domain.points import expiry_for
from app.services.common import audit, load_member, post
from app.services.context import Actor, ServiceContext
from app.services.idempotency import run_once
from app.services.views import GrantResult
from app.store.journal import shown_balance

MAX_GRANT = 1_000_000
MAX_REASON = 200


def grant_points(
    ctx: ServiceContext,
    *,
    request_id: str,
    actor: Actor,
    member_id: str,
    points: int,
    reason: str,
) -> GrantResult:
    reason = " ".join(reason.split())
    if not reason or len(reason) > MAX_REASON:
        raise InvalidInput(
            f"Say why the store gives the points (1 to {MAX_REASON} characters).", field="reason"
        )
    if not 0 < points <= MAX_GRANT:
        raise InvalidInput(f"Grant between 1 and {MAX_GRANT:,} points.", field="points")
    with ctx.read() as session:
        load_member(session, member_id)
    if ctx.grants is None:
        raise OfflineLimit(
            "This terminal has no ledger, so its store has no points budget to grant from.",
            kind="grant_standalone",
        )
    try:
        left = ctx.grants.authorize_grant(member_id, points, request_id)
    except LedgerUnavailable:
        raise OfflineLimit(
            "Store points come from the store's budget at the ledger, which cannot be reached "
            "now. Nothing was granted: grant them once the terminal is back online.",
            kind="grant_offline",
        ) from None

    def work(session: Session) -> GrantResult:
        now = ctx.now()
        posting = post(
            session,
            PointsGranted(
                member_id=member_id,
                points=points,
                reason=reason,
                request_id=request_id,
                cashier=actor.cashier_id,
                store=ctx.store_code,
            ),
            request_id=request_id,
            member_id=member_id,
            now=now,
            zone=ctx.timezone,
            note=reason,
        )
        posting.credit("grant", points, expiry_for(ctx.today(), ctx.rules.points))
        audit(
            session,
            actor=actor,
            action="grant",
            now=now,
            member_id=member_id,
            request_id=request_id,
            points=points,
            reason=reason,
            budget_left=left,
        )
        balance = shown_balance(session, member_id, ctx.today())
        return GrantResult(
            member_id, points, ctx.store_code, reason, left, balance, posting.event_id
        )

    return run_once(
        ctx,
        request_id=request_id,
        operation="grant",
        inputs={"member_id": member_id, "points": points, "reason": reason},
        result_type=GrantResult,
        work=work,
    )

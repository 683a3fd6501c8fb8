"""Sell or renew PLUS, the paid yearly membership."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.domain.event_kinds import PlusSold
from app.domain.plus import is_plus, next_term
from app.services.common import audit, load_member, post
from app.services.context import Actor, ServiceContext
from app.services.coupons import give_coupon
from app.services.idempotency import run_once
from app.services.views import PlusResult
from app.store.models import PlusTerm


def sell_plus(ctx: ServiceContext, *, request_id: str, actor: Actor, member_id: str) -> PlusResult:
    def work(session: Session) -> PlusResult:
        member = load_member(session, member_id)
        today = ctx.today()
        renewal = is_plus(member.plus_expires_on, today)
        term = next_term(member.plus_expires_on, today, ctx.rules)
        now = ctx.now()
        # This month's PLUS coupons come with a new membership, not with an early renewal.
        given = (
            []
            if renewal
            else [
                give_coupon(
                    ctx,
                    session,
                    member_id=member_id,
                    template_code=code,
                    source="plus",
                    request_id=request_id,
                )
                for code in ctx.rules.plus.monthly_coupons
            ]
        )
        issued = [coupon.coupon_code for coupon in given]
        posting = post(
            session,
            PlusSold(
                member_id=member_id,
                starts_on=term.starts_on,
                ends_on=term.ends_on,
                fee_fen=term.fee_fen,
                store=ctx.store_code,
                cashier=actor.cashier_id,
                coupons_issued=tuple(issued),
                coupons=tuple(coupon.wire() for coupon in given),
            ),
            request_id=request_id,
            member_id=member_id,
            now=now,
            zone=ctx.timezone,
        )
        session.add(
            PlusTerm(
                member_id=member_id,
                starts_on=term.starts_on,
                ends_on=term.ends_on,
                fee_fen=term.fee_fen,
                cashier_id=actor.cashier_id,
                request_id=request_id,
                created_at=now,
            )
        )
        member.plus_expires_on = term.ends_on  # the replica's view; the terms are the history
        audit(
            session,
            actor=actor,
            action="sell_plus",
            now=now,
            member_id=member_id,
            request_id=request_id,
            ends_on=term.ends_on.isoformat(),
        )
        return PlusResult(
            member_id,
            term.starts_on.isoformat(),
            term.ends_on.isoformat(),
            term.fee_fen,
            renewal,
            issued,
            posting.event_id,
        )

    return run_once(
        ctx,
        request_id=request_id,
        operation="sell_plus",
        inputs={"member_id": member_id},
        result_type=PlusResult,
        work=work,
    )

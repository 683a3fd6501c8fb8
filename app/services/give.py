"""Give a lifecycle benefit: its coupons, points, event and count in the member's day, in
the caller's unit of work (the enrolment's welcome pack, a birthday, a win-back, a medal)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.domain import benefits
from app.domain.event_kinds import BenefitGiven
from app.domain.events import business_day
from app.domain.points import expiry_for
from app.domain.profile import mark_delta
from app.services.common import audit, post
from app.services.context import Actor, ServiceContext
from app.services.coupons import give_coupon
from app.services.views import CouponIssued, Given
from app.store.cardread import raw_connection
from app.store.profiledays import add_own


def give(
    ctx: ServiceContext,
    session: Session,
    *,
    member_id: str,
    due: benefits.Due,
    request_id: str,
    actor: Actor,
) -> Given:
    """Write one benefit: its coupons, points, event and count in the member's day."""
    now = ctx.now()
    today = business_day(now, ctx.timezone)
    coupons = [
        give_coupon(
            ctx,
            session,
            member_id=member_id,
            template_code=code,
            source=due.benefit,
            request_id=request_id,
        )
        for code in due.coupons
    ]
    posting = post(
        session,
        BenefitGiven(
            member_id=member_id,
            benefit=due.benefit,
            period=due.period,
            points=due.points,
            coupons=tuple(c.wire() for c in coupons),
            store=ctx.store_code,
        ),
        request_id=request_id,
        member_id=member_id,
        now=now,
        zone=ctx.timezone,
    )
    posting.credit("benefit_given", due.points, expiry_for(today, ctx.rules.points))
    add_own(raw_connection(session), member_id, [mark_delta(today, due.benefit)], today)
    audit(
        session,
        actor=actor,
        action=due.benefit,
        now=now,
        member_id=member_id,
        request_id=request_id,
        period=due.period,
    )
    return Given(
        member_id, due.benefit, due.points, [c.coupon_code for c in coupons], posting.event_id
    )


def welcome_pack(
    ctx: ServiceContext, session: Session, *, member_id: str, request_id: str
) -> list[CouponIssued]:
    """The new-member coupon pack, in the enrolment's transaction: its coupons travel on the
    enrolment's own event (the ledger registers them with the member)."""
    due = benefits.welcome(ctx.rules)
    return [
        give_coupon(
            ctx,
            session,
            member_id=member_id,
            template_code=code,
            source="welcome",
            request_id=request_id,
        )
        for code in (due.coupons if due else ())
    ]

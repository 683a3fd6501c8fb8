"""Enroll a member, identify one, and build the member card the counter shows."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.errors import DuplicateMember, InvalidInput
from app.domain.growth import Activity, growth_value, tier_for
from app.domain.lifecycle import lifecycle
from app.domain.medals import medals
from app.domain.plus import is_plus
from app.services.common import (
    audit,
    clean_phone,
    find_member_id,
    iso,
    mask_name,
    mask_phone,
    post,
)
from app.services.context import Actor, ServiceContext
from app.services.idempotency import run_once
from app.services.views import CouponView, EnrollResult, MedalView, MemberCard
from app.store.journal import points_summary
from app.store.models import (
    Balance,
    Coupon,
    CouponReturn,
    CouponUse,
    Member,
    OutboxEvent,
    Purchase,
    PurchaseLine,
    Refund,
)
from app.store.outbox import terminal_state

EXPIRING_SOON_DAYS = 60
MAX_NAME = 80


def enroll(
    ctx: ServiceContext,
    *,
    request_id: str,
    actor: Actor,
    phone: str,
    name: str,
    birthday: date | None = None,
    consent: bool = False,
    member_id: str | None = None,
) -> EnrollResult:
    phone = clean_phone(phone)
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME or not name.isprintable():
        raise InvalidInput(f"Type the member's name (1 to {MAX_NAME} characters).", field="name")
    today = ctx.today()
    if birthday is not None and not date(1900, 1, 1) <= birthday <= today:
        raise InvalidInput("The birthday is not a plausible date.", field="birthday")

    def work(session: Session) -> EnrollResult:
        if session.scalar(select(Member.member_id).where(Member.phone == phone)) is not None:
            raise DuplicateMember(
                f"A member with phone {mask_phone(phone)} already exists; scan their code instead.",
                phone=phone,
            )
        state = terminal_state(session)
        new_id = member_id or f"M{state.terminal_id}{state.next_seq:07d}"
        if session.get(Member, new_id) is not None:
            raise DuplicateMember(f"Member {new_id} already exists.", member_id=new_id)
        now = ctx.now()
        session.add(
            Member(
                member_id=new_id,
                phone=phone,
                name=name,
                birthday=birthday,
                enrolled_on=today,
                home_store=ctx.store_code,
                marketing_consent=consent,
                real_name_verified=False,
                credit_score=60,
                risk_flags=0,
                reviews=0,
                referrals=0,
                plus_expires_on=None,
                pin_hash=None,
                status="active",
            )
        )
        session.flush()
        session.add(Balance(member_id=new_id, points=0, open_overdraft=0))
        session.flush()
        post(
            session,
            kind="member_enrolled",
            payload={
                "member_id": new_id,
                "phone": phone,
                "name": name,
                "birthday": iso(birthday),
                "consent": consent,
                "store": ctx.store_code,
                "enrolled_on": today.isoformat(),
            },
            request_id=request_id,
            member_id=new_id,
            now=now,
        )
        audit(
            session, actor=actor, action="enroll", now=now, member_id=new_id, request_id=request_id
        )
        return EnrollResult(new_id, phone, name, today.isoformat())

    return run_once(
        ctx,
        request_id=request_id,
        operation="enroll",
        inputs={
            "phone": phone,
            "name": name,
            "birthday": iso(birthday),
            "consent": consent,
            "member_id": member_id,
        },
        result_type=EnrollResult,
        work=work,
    )


def identify(ctx: ServiceContext, query: str) -> str:
    """A member number or a phone number to the member id (UnknownMember if none)."""
    with ctx.read() as session:
        return find_member_id(session, query)


def activity(
    ctx: ServiceContext, session: Session, member: Member
) -> tuple[Activity, date | None, dict[str, int]]:
    """The member's last 365 days, their last purchase, and spend per category (all time)."""
    today = ctx.today()
    since = datetime.combine(today - timedelta(days=365), time(), tzinfo=ctx.timezone)
    # Few rows per member: count days in the shop's zone here, not by UTC date in SQL.
    rows = session.execute(
        select(Purchase.created_at, Purchase.payable_fen).where(
            Purchase.member_id == member.member_id, Purchase.created_at >= since
        )
    ).all()
    count = len(rows)
    spend = sum(fen for _, fen in rows)
    local_days = {at.astimezone(ctx.timezone).date() for at, _ in rows}
    days = len(local_days)
    last_day = max(local_days, default=None)
    refunds, refunded = session.execute(
        select(func.count(Refund.refund_id), func.coalesce(func.sum(Refund.amount_fen), 0))
        .join(Purchase, Purchase.receipt_no == Refund.receipt_no)
        .where(Purchase.member_id == member.member_id, Refund.created_at >= since)
    ).one()
    per_category: dict[str, int] = {
        category: int(total)
        for category, total in session.execute(
            select(PurchaseLine.category, func.sum(PurchaseLine.amount_fen))
            .join(Purchase, Purchase.receipt_no == PurchaseLine.receipt_no)
            .where(Purchase.member_id == member.member_id)
            .group_by(PurchaseLine.category)
        )
    }
    return (
        Activity(
            spend_fen=max(0, spend - refunded),
            purchases=count,
            categories=len(per_category),
            active_days=days,
            profile_complete=member.birthday is not None,
            real_name_verified=member.real_name_verified,
            returns=refunds,
            risk_flags=member.risk_flags,
            credit_score=member.credit_score,
        ),
        last_day,
        per_category,
    )


def member_card(ctx: ServiceContext, query: str) -> MemberCard:
    with ctx.read() as session:
        member_id = find_member_id(session, query)
        return build_card(ctx, session, member_id)


def build_card(ctx: ServiceContext, session: Session, member_id: str) -> MemberCard:
    rules = ctx.rules
    today = ctx.today()
    member = session.get(Member, member_id)
    if member is None:
        raise LookupError(member_id)
    balance = session.get(Balance, member_id)
    points = points_summary(session, member_id, today, today + timedelta(days=EXPIRING_SOON_DAYS))
    acts, last_purchase, per_category = activity(ctx, session, member)
    status = tier_for(max(growth_value(acts, rules).total, member.ledger_growth or 0), rules)
    stage = lifecycle(
        enrolled_on=member.enrolled_on,
        last_purchase_on=last_purchase,
        purchases_365=acts.purchases,
        birthday=member.birthday,
        today=today,
        rules=rules,
    )
    medal_states = medals(
        category_spend_fen=per_category,
        behaviour={
            "purchases": acts.purchases,
            "reviews": member.reviews,
            "referrals": member.referrals,
            "active_days": acts.active_days,
        },
        rules=rules,
    )
    uses = (
        select(func.count(CouponUse.use_id))
        .where(CouponUse.coupon_code == Coupon.coupon_code)
        .scalar_subquery()
    )
    returns = (
        select(func.count(CouponReturn.return_id))
        .where(CouponReturn.coupon_code == Coupon.coupon_code)
        .scalar_subquery()
    )
    coupons = session.execute(
        select(Coupon.coupon_code, Coupon.template_code, Coupon.valid_until)
        .where(
            Coupon.member_id == member_id,
            Coupon.valid_until >= today,
            Coupon.valid_from <= today,
            uses <= returns,
        )
        .order_by(Coupon.valid_until)
    ).all()
    coupon_views = []
    for code, template_code, until in coupons:
        template = rules.coupon_template(template_code)
        if template is not None:
            coupon_views.append(
                CouponView(code, template_code, template.name, template.kind, until.isoformat())
            )
    pending = session.scalar(
        select(func.count(OutboxEvent.seq)).where(
            OutboxEvent.member_id == member_id, OutboxEvent.acked_at.is_(None)
        )
    )
    plus_active = is_plus(member.plus_expires_on, today)
    plus = rules.plus
    plus_benefits = [
        f"{plus.points_multiplier_percent / 100:g}x points",
        f"{plus.extra_discount_percent}% off",
        *(f"{pct}% off {cat}" for cat, pct in plus.category_discounts.items()),
        *plus.partner_benefits,
    ]
    return MemberCard(
        member_id=member.member_id,
        name=mask_name(member.name),
        phone=mask_phone(member.phone),
        status=member.status,
        tier=status.tier.code,
        tier_name=status.tier.name,
        growth=status.growth,
        next_tier_name=status.next_tier.name if status.next_tier else None,
        growth_missing=status.missing,
        tier_progress_percent=status.progress_percent,
        plus_active=plus_active,
        plus_expires_on=iso(member.plus_expires_on),
        points=points.spendable,
        points_value_fen=points.spendable * rules.points.value_fen_per_point,
        open_overdraft=balance.open_overdraft if balance else 0,
        expiring_points=points.expiring,
        expiring_on=iso(points.first_expiry),
        medals=[
            MedalView(m.medal.code, m.medal.name, m.level, len(m.medal.levels))
            for m in medal_states
        ],
        coupons=coupon_views,
        tier_benefits=list(status.tier.benefits),
        plus_benefits=plus_benefits,
        stage=stage.stage,
        suggested_action=stage.action,
        birthday_action=stage.birthday_action,
        winback_coupon=stage.winback_coupon,
        unconfirmed_events=pending or 0,
    )


def current_tier_and_plus(
    ctx: ServiceContext, session: Session, member: Member
) -> tuple[str, bool]:
    acts, _, _ = activity(ctx, session, member)
    status = tier_for(
        max(growth_value(acts, ctx.rules).total, member.ledger_growth or 0), ctx.rules
    )
    return status.tier.code, is_plus(member.plus_expires_on, ctx.today())

"""Quote a basket and award a purchase: points spent, points earned, coupon used."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from sqlalchemy.orm import Session

from app.domain.event_kinds import Purchase
from app.domain.events import business_day
from app.domain.plus import is_plus
from app.domain.points import expiry_for
from app.domain.profile import purchase_delta
from app.domain.quote import Line, Quote, Shopper, quote
from app.services.caps import check_offline_caps, online_hold
from app.services.common import load_member_facts
from app.services.context import Actor, ServiceContext
from app.services.coupons import check_with_ledger, give_coupon, load_coupon
from app.services.idempotency import earlier_result, run_once
from app.services.member_codes import MemberCheck, require_member_check
from app.services.members import profile_of
from app.services.plus_offer import give_monthly_coupons, saving_of
from app.services.views import AwardResult
from app.store.cardread import MemberFacts, raw_connection, read_points
from app.store.outbox import canonical_json
from app.store.profiledays import add_own
from app.store.purchasewrite import (
    PurchaseRow,
    SpendAndEarn,
    append_event,
    chain_head,
    insert_audit,
    insert_coupon_use,
    insert_purchase,
)


def _quote_in(
    ctx: ServiceContext,
    session: Session,
    member_id: str,
    lines: Sequence[Line],
    coupon_code: str | None,
    points_to_use: int,
) -> tuple[Quote, Shopper, MemberFacts]:
    today = ctx.today()
    member = load_member_facts(session, member_id)
    profile = profile_of(ctx, session, member)
    shopper = Shopper(
        member_id=member.member_id,
        tier=profile.tier.tier,
        plus_active=is_plus(member.plus_expires_on, today),
        medal_levels={m.medal.code: m.level for m in profile.medals if m.level},
        spendable_points=read_points(
            raw_connection(session), member.member_id, today, today
        ).spendable,
    )
    coupon = load_coupon(ctx, session, coupon_code) if coupon_code else None
    q = quote(
        lines=lines,
        shopper=shopper,
        store=ctx.store_code,
        day=ctx.today(),
        rules=ctx.rules,
        coupon=coupon,
        points_to_use=points_to_use,
    )
    return q, shopper, member


def quote_purchase(
    ctx: ServiceContext,
    *,
    member_id: str,
    lines: Sequence[Line],
    coupon_code: str | None = None,
    points_to_use: int = 0,
) -> Quote:
    with ctx.read() as session:
        return _quote_in(ctx, session, member_id, lines, coupon_code, points_to_use)[0]


def award(
    ctx: ServiceContext,
    *,
    request_id: str,
    actor: Actor,
    member_id: str,
    lines: Sequence[Line],
    coupon_code: str | None = None,
    points_to_use: int = 0,
    member_check: MemberCheck | None = None,
) -> AwardResult:
    """Record a purchase: spend the points used, earn the points due, use the coupon.

    The journal entries, the purchase and its outbox event commit together or not at all.
    """
    inputs = {
        "member_id": member_id,
        "lines": [[ln.category, ln.amount_fen] for ln in lines],
        "coupon": coupon_code,
        "points": points_to_use,
    }
    earlier = earlier_result(
        ctx, request_id=request_id, operation="award", inputs=inputs, result_type=AwardResult
    )
    if earlier is not None:  # a retry: its first result, without a second hold
        return earlier
    require_member_check(ctx, member_id, points_to_use, member_check)
    if coupon_code:
        check_with_ledger(ctx, coupon_code)
    with online_hold(ctx, member_id, points_to_use, request_id) as hold_id:
        return run_once(
            ctx,
            request_id=request_id,
            operation="award",
            inputs=inputs,
            result_type=AwardResult,
            work=_award_work(
                ctx, request_id, actor, member_id, lines, coupon_code, points_to_use, hold_id
            ),
        )


def _award_work(
    ctx: ServiceContext,
    request_id: str,
    actor: Actor,
    member_id: str,
    lines: Sequence[Line],
    coupon_code: str | None,
    points_to_use: int,
    hold_id: str | None,
) -> Callable[[Session], AwardResult]:
    def work(session: Session) -> AwardResult:
        q, shopper, member = _quote_in(ctx, session, member_id, lines, coupon_code, points_to_use)
        if hold_id is None and q.points_used > 0:  # nothing to cap otherwise
            check_offline_caps(ctx, session, member_id, q.points_used)
        now = ctx.now()
        today = business_day(now, ctx.timezone)  # the event's: its expiry is the ledger's
        # The award's rows go in through prebuilt statements on this transaction's connection
        # (app.store.purchasewrite); the ORM writes only the coupons given and the request.
        connection = raw_connection(session)
        head = chain_head(connection)
        receipt_no = head.next_receipt_no
        quote_json = canonical_json(dataclasses.asdict(q))
        # Coupons first, so the event tells the ledger every code this sale created.
        given = [
            give_coupon(
                ctx,
                session,
                member_id=member_id,
                template_code=template,
                source="campaign",
                request_id=request_id,
            )
            for template in q.earn.campaign_coupons
        ]
        if shopper.plus_active:  # the member's first purchase of a month brings its coupons
            given += give_monthly_coupons(
                ctx,
                session,
                member_id=member_id,
                plus_expires_on=member.plus_expires_on,
                request_id=request_id,
            )
        issued = [coupon.coupon_code for coupon in given]
        event = append_event(
            connection,
            head,
            Purchase(
                receipt_no=receipt_no,
                member_id=member_id,
                store=ctx.store_code,
                cashier=actor.cashier_id,
                hold_id=hold_id,
                request_id=request_id,  # the ledger consumes this terminal's hold by it
                rule_book_version=ctx.rules.version,
                tier=shopper.tier.code,
                plus=shopper.plus_active,
                medals=dict(sorted(shopper.medal_levels.items())),  # campaigns target them
                lines=tuple((ln.category, ln.amount_fen) for ln in lines),
                coupon=q.coupon_code,
                points_used=q.points_used,
                points_earned=q.points_to_earn,
                payable_fen=q.payable_fen,
                coupons_issued=tuple(issued),
                coupons=tuple(coupon.wire() for coupon in given),
            ),
            request_id=request_id,
            member_id=member_id,
            now=now,
            zone=ctx.timezone,
        )
        insert_purchase(
            connection,
            PurchaseRow(
                receipt_no=receipt_no,
                member_id=member_id,
                store_code=ctx.store_code,
                cashier_id=actor.cashier_id,
                subtotal_fen=q.subtotal_fen,
                payable_fen=q.payable_fen,
                savings_fen=q.savings_fen,
                points_earned=q.points_to_earn,
                points_used=q.points_used,
                coupon_code=q.coupon_code,
                rule_book_version=ctx.rules.version,
                quote=quote_json,
                request_id=request_id,
                created_at=now,
            ),
            [(ln.category, ln.amount_fen) for ln in lines],
        )
        # What the receipt prints follows from the spendable points read for the quote.
        balance = SpendAndEarn(
            connection,
            member_id=member_id,
            request_id=request_id,
            receipt_no=receipt_no,
            event_seq=event.seq,
            now=now,
        ).post(
            spend_kind="spend",
            spend=q.points_used,
            earn_kind="earn",
            earn=q.points_to_earn,
            earn_expires_on=expiry_for(today, ctx.rules.points),
            today=today,
            spendable_before=shopper.spendable_points,
        )
        # The member's bucket of the day (app.domain.profile), with the event that tells it.
        add_own(
            connection,
            member_id,
            [purchase_delta(today, [(ln.category, ln.amount_fen) for ln in lines], q.payable_fen)],
            today,
        )
        saving = saving_of(ctx, connection, member)  # with this sale, as the receipt says
        if q.coupon_code:
            insert_coupon_use(connection, q.coupon_code, receipt_no, actor.cashier_id, now)
        insert_audit(
            connection,
            at=now,
            cashier_id=actor.cashier_id,
            action="award",
            member_id=member_id,
            request_id=request_id,
            detail={"receipt_no": receipt_no},
        )
        return AwardResult(
            receipt_no=receipt_no,
            member_id=member_id,
            subtotal_fen=q.subtotal_fen,
            payable_fen=q.payable_fen,
            savings_fen=q.savings_fen,
            points_used=q.points_used,
            points_earned=q.points_to_earn,
            earn_base=q.earn.base,
            earn_tier=q.earn.tier,
            earn_plus=q.earn.plus,
            earn_campaign=q.earn.campaign,
            coupon_code=q.coupon_code,
            coupons_issued=issued,
            plus_would_save_fen=q.plus_would_save_fen,
            balance=balance,
            event_id=event.event_id,
            plus_saving_kind=saving.kind,
            plus_saving_fen=saving.fen,
        )

    return work

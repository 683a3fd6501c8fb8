"""Redeem points: off an order, for a gift from the catalogue, or for a coupon."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput, OutOfStock
from app.domain.event_kinds import Redeem
from app.domain.events import business_day
from app.domain.money import check_amount_fen, percent_of
from app.services.caps import check_offline_caps, online_hold
from app.services.common import audit, load_member, post
from app.services.context import Actor, ServiceContext
from app.services.coupons import give_coupon
from app.services.idempotency import earlier_result, run_once
from app.services.member_codes import MemberCheck, require_member_check
from app.services.views import RedeemResult
from app.store.journal import shown_balance
from app.store.models import GiftStock, Redemption

MAX_POINTS = 10_000_000


def _check_points(points: int) -> None:
    if points <= 0:
        raise InvalidInput("Points to redeem must be more than zero.", field="points")
    if points > MAX_POINTS:
        raise InvalidInput(f"{points} points is more than any redemption can be.", field="points")


def redeem(
    ctx: ServiceContext,
    *,
    request_id: str,
    actor: Actor,
    member_id: str,
    kind: str,
    item: str | None = None,
    points: int = 0,
    amount_fen: int = 0,
    member_check: MemberCheck | None = None,
) -> RedeemResult:
    """``kind`` is ``order`` (points off an amount), ``gift`` (item = gift code) or ``coupon``
    (item = coupon template bought with points)."""
    rules = ctx.rules
    if kind == "order":
        _check_points(points)
        check_amount_fen(amount_fen, "Order amount", allow_zero=False)
        cap = percent_of(amount_fen, rules.points.max_order_share_percent)
        if points * rules.points.value_fen_per_point > cap:
            raise InvalidInput(
                f"At most {cap // rules.points.value_fen_per_point} points can be used on this "
                f"order ({rules.points.max_order_share_percent}% of the amount).",
                field="points",
            )
        cost, amount_off = points, points * rules.points.value_fen_per_point
    elif kind in ("gift", "coupon") and not (item or "").strip():
        raise InvalidInput(
            f"Choose the {kind} to redeem from the catalogue; none was given.", field="item"
        )
    elif kind == "gift":
        gift = rules.gift(item or "")
        if gift is None:
            raise InvalidInput(f"There is no gift {item!r} in the catalogue.", field="item")
        cost, amount_off = gift.points_cost, 0
    elif kind == "coupon":
        template = rules.coupon_template(item or "")
        if template is None or template.points_cost == 0:
            raise InvalidInput(f"Coupon {item!r} cannot be bought with points.", field="item")
        cost, amount_off = template.points_cost, 0
    else:
        raise InvalidInput(f"Unknown kind of redemption {kind!r}.", field="kind")

    inputs = {
        "member_id": member_id,
        "kind": kind,
        "item": item,
        "points": points,
        "amount_fen": amount_fen,
    }
    earlier = earlier_result(
        ctx, request_id=request_id, operation="redeem", inputs=inputs, result_type=RedeemResult
    )
    if earlier is not None:  # a retry: its first result, without a second hold
        return earlier
    require_member_check(ctx, member_id, cost, member_check)
    with online_hold(ctx, member_id, cost, request_id) as hold_id:
        return run_once(
            ctx,
            request_id=request_id,
            operation="redeem",
            inputs=inputs,
            result_type=RedeemResult,
            work=_redeem_work(
                ctx, request_id, actor, member_id, kind, item, cost, amount_off, amount_fen, hold_id
            ),
        )


def _redeem_work(
    ctx: ServiceContext,
    request_id: str,
    actor: Actor,
    member_id: str,
    kind: str,
    item: str | None,
    cost: int,
    amount_off: int,
    amount_fen: int,
    hold_id: str | None,
) -> Callable[[Session], RedeemResult]:
    def work(session: Session) -> RedeemResult:
        load_member(session, member_id)
        if hold_id is None:
            check_offline_caps(ctx, session, member_id, cost)
        now = ctx.now()
        if kind == "gift":
            stock = session.get(GiftStock, item)
            if stock is None or stock.stock <= 0:
                raise OutOfStock(f"The {item} gift is out of stock.", item=item)
            stock.stock -= 1
        coupon_code = None
        given = []
        if kind == "coupon" and item is not None:
            given.append(
                give_coupon(
                    ctx,
                    session,
                    member_id=member_id,
                    template_code=item,
                    source="exchange",
                    request_id=request_id,
                )
            )
            coupon_code = given[0].coupon_code
        posting = post(
            session,
            Redeem(
                member_id=member_id,
                kind=kind,
                item=item,
                points=cost,
                amount_fen=amount_fen,
                store=ctx.store_code,
                cashier=actor.cashier_id,
                hold_id=hold_id,
                request_id=request_id,  # the ledger consumes this terminal's hold by it
                coupon_issued=coupon_code,
                coupons=tuple(coupon.wire() for coupon in given),
            ),
            request_id=request_id,
            member_id=member_id,
            now=now,
            zone=ctx.timezone,
        )
        today = business_day(now, ctx.timezone)  # the event's own day, not a second clock read
        posting.debit(f"redeem_{kind}", cost, today)
        session.add(
            Redemption(
                member_id=member_id,
                kind=kind,
                item=item,
                points=cost,
                amount_fen=amount_fen,
                cashier_id=actor.cashier_id,
                request_id=request_id,
                created_at=now,
            )
        )
        audit(
            session,
            actor=actor,
            action=f"redeem_{kind}",
            now=now,
            member_id=member_id,
            request_id=request_id,
            points=cost,
            item=item,
        )
        balance = shown_balance(session, member_id, today)
        return RedeemResult(
            member_id, kind, item, cost, amount_off, coupon_code, balance, posting.event_id
        )

    return work


def set_gift_stock(ctx: ServiceContext, *, actor: Actor, gift_code: str, stock: int) -> None:
    """Count the gifts on the shelf (a stock take, not history: the redemptions are)."""
    actor.require("supervisor", "Changing gift stock")
    if ctx.rules.gift(gift_code) is None:
        raise InvalidInput(f"There is no gift {gift_code!r} in the catalogue.", field="gift")
    if not 0 <= stock <= 1_000_000:
        raise InvalidInput("Stock is a count between 0 and 1000000.", field="stock")
    with ctx.write() as session:
        row = session.get(GiftStock, gift_code)
        if row is None:
            session.add(GiftStock(gift_code=gift_code, stock=stock))
        else:
            row.stock = stock
        audit(session, actor=actor, action="gift_stock", now=ctx.now(), gift=gift_code, stock=stock)

"""Refund a purchase in full or in part.

Points follow the money in proportion, computed on the running total so that rounding never
drifts: after refunds totalling R of a purchase paid P that earned E and used U points, the
member has given back floor(E*R/P) and got back floor(U*R/P); a full refund returns exactly E
and U. Earned points already spent become a flagged overdraft, never a silent negative.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import event_kinds
from app.domain.errors import RefundTooLarge, UnknownReceipt
from app.domain.events import business_day
from app.domain.money import check_amount_fen, format_fen
from app.domain.profile import refund_deltas
from app.services import receipts
from app.services.common import audit, post
from app.services.context import Actor, ServiceContext
from app.services.idempotency import run_once
from app.services.views import RefundResult
from app.store.cardread import raw_connection
from app.store.journal import lot_takes, shown_balance
from app.store.models import (
    CouponReturn,
    JournalEntry,
    Overdraft,
    Purchase,
    PurchaseLine,
    Refund,
)
from app.store.profiledays import add_own


def _refunded(session: Session, receipt_no: str) -> int:
    return (
        session.scalar(
            select(func.coalesce(func.sum(Refund.amount_fen), 0)).where(
                Refund.receipt_no == receipt_no
            )
        )
        or 0
    )


def refund(
    ctx: ServiceContext,
    *,
    request_id: str,
    actor: Actor,
    receipt_no: str,
    amount_fen: int | None = None,
) -> RefundResult:
    """``amount_fen`` None refunds whatever is left of the purchase."""
    with ctx.read() as session:
        receipt_no = receipts.resolve_receipt_no(session, receipt_no, ctx.terminal_id)
    if amount_fen is not None:
        check_amount_fen(amount_fen, "Refund amount", allow_zero=False)

    def work(session: Session) -> RefundResult:
        purchase = session.get(Purchase, receipt_no)
        if purchase is None:
            raise UnknownReceipt(
                f"No purchase with receipt {receipt_no!r} on this terminal. Check the number "
                "on the receipt.",
                receipt_no=receipt_no,
            )
        before = _refunded(session, receipt_no)
        refunds_so_far, clawed_so_far = session.execute(
            select(
                func.count(Refund.refund_id),
                func.coalesce(func.sum(Refund.points_clawed_back), 0),
            ).where(Refund.receipt_no == receipt_no)
        ).one()
        paid = purchase.payable_fen
        left = paid - before
        if paid == 0:
            # Paid entirely with points or a coupon: returning the goods is one whole refund.
            if refunds_so_far or amount_fen is not None:
                raise RefundTooLarge(
                    f"Nothing was paid in money on receipt {receipt_no}; it can only be "
                    "refunded once, in full (leave the amount empty).",
                    refundable_fen=0,
                    receipt_no=receipt_no,
                )
            amount, after_share = 0, (1, 1)
        else:
            amount = left if amount_fen is None else amount_fen
            if amount > left or left == 0:
                raise RefundTooLarge(
                    f"Only {format_fen(left)} of receipt {receipt_no} can still be refunded "
                    f"(paid {format_fen(paid)}, refunded {format_fen(before)}).",
                    refundable_fen=left,
                    receipt_no=receipt_no,
                    paid_fen=paid,
                    refunded_fen=before,
                )
            after_share = (before + amount, paid)
        earned_lot = session.scalar(
            select(JournalEntry.entry_id).where(
                JournalEntry.receipt_no == receipt_no,
                JournalEntry.kind == "earn",
                JournalEntry.is_lot.is_(True),
            )
        )
        # Points of this purchase that already expired are gone: never take them twice.
        expired = -(
            session.scalar(
                select(func.coalesce(func.sum(JournalEntry.points), 0)).where(
                    JournalEntry.lot_id == earned_lot, JournalEntry.kind == "expire"
                )
            )
            or 0
        )
        share, whole = after_share
        earned, used = purchase.points_earned, purchase.points_used
        claw = max(0, min(earned * share // whole, earned - expired) - clawed_so_far)
        before_share = (before, paid) if paid else (0, 1)
        give = used * share // whole - used * before_share[0] // before_share[1]
        full_refund = share == whole
        now = ctx.now()
        member_id = purchase.member_id
        # Net spend: the money comes off the purchase's day, the refund counts on its own.
        lines = session.execute(
            select(PurchaseLine.category, PurchaseLine.amount_fen)
            .where(PurchaseLine.receipt_no == receipt_no)
            .order_by(PurchaseLine.line_id)
        ).all()
        deltas = refund_deltas(
            purchase_day=business_day(purchase.created_at, ctx.timezone),
            refund_day=business_day(now, ctx.timezone),
            lines=[(category, fen) for category, fen in lines],
            payable_fen=paid,
            refunded_before_fen=before,
            amount_fen=amount,
        )
        posting = post(
            session,
            event_kinds.Refund(
                receipt_no=receipt_no,
                member_id=member_id,
                amount_fen=amount,
                points_clawed_back=claw,
                points_returned=give,
                coupon_returned=purchase.coupon_code if full_refund else None,
                cashier=actor.cashier_id,
                store=ctx.store_code,
                profile=deltas[0].wire(),  # the purchase day's bucket change
            ),
            request_id=request_id,
            member_id=member_id,
            now=now,
            zone=ctx.timezone,
            receipt_no=receipt_no,
        )
        add_own(raw_connection(session), member_id, deltas, ctx.today())
        # Give back spent points into the lots they came from, newest take first.
        to_give = give
        for lot_id, taken in _net_takes(session, receipt_no, "spend", "refund_spend"):
            share = min(taken, to_give)
            posting.refill("refund_spend", lot_id, share)
            to_give -= share
            if to_give == 0:
                break
        overdraft = posting.debit(
            "refund_earn",
            claw,
            ctx.today(),
            prefer_lot=earned_lot,
            overdraft_reason=f"refund of {receipt_no}",
        )
        if overdraft:
            session.add(
                Overdraft(
                    member_id=member_id,
                    points=overdraft,
                    reason=f"Refund of {receipt_no}: earned points already spent",
                    receipt_no=receipt_no,
                    created_at=now,
                )
            )
        refund_row = Refund(
            receipt_no=receipt_no,
            amount_fen=amount,
            points_clawed_back=claw,
            points_returned=give,
            overdraft_points=overdraft,
            cashier_id=actor.cashier_id,
            request_id=request_id,
            created_at=now,
        )
        session.add(refund_row)
        if full_refund and purchase.coupon_code:
            # Everything came back, so the coupon the sale used is the member's again.
            session.flush()
            session.add(
                CouponReturn(
                    coupon_code=purchase.coupon_code,
                    refund_id=refund_row.refund_id,
                    returned_at=now,
                )
            )
        audit(
            session,
            actor=actor,
            action="refund",
            now=now,
            member_id=member_id,
            request_id=request_id,
            receipt_no=receipt_no,
            amount_fen=amount,
        )
        balance = shown_balance(session, member_id, ctx.today())
        return RefundResult(
            receipt_no,
            amount,
            claw,
            give,
            overdraft,
            left - amount,
            balance,
            member_id,
            posting.event_id,
        )

    return run_once(
        ctx,
        request_id=request_id,
        operation="refund",
        inputs={"receipt_no": receipt_no, "amount_fen": amount_fen},
        result_type=RefundResult,
        work=work,
    )


def _net_takes(
    session: Session, receipt_no: str, taken_kind: str, returned_kind: str
) -> list[tuple[int, int]]:
    """Per lot, what the purchase took and earlier refunds have not yet returned."""
    net: dict[int, int] = {}
    order: list[int] = []
    for lot_id, points in lot_takes(session, receipt_no, taken_kind):
        if lot_id not in net:
            order.append(lot_id)
        net[lot_id] = net.get(lot_id, 0) + points
    for lot_id, points in lot_takes(session, receipt_no, returned_kind):
        net[lot_id] = net.get(lot_id, 0) + points  # lot_takes negates: returns come back < 0
    return [(lot_id, net[lot_id]) for lot_id in order if net[lot_id] > 0]

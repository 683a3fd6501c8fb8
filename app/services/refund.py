"""Refund a purchase in full or in part.

Points follow the money in proportion, computed on the running total so that rounding never
drifts: after refunds totalling R of a purchase paid P that earned E and used U points, the
member has given back floor(E*R/P) and got back floor(U*R/P); a full refund returns exactly E
and U. Earned points already spent become a flagged overdraft, never a silent negative.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput, RefundTooLarge, UnknownReceipt
from app.domain.money import check_amount_fen, format_fen
from app.services.common import audit, post
from app.services.context import Actor, ServiceContext
from app.services.idempotency import run_once
from app.services.views import RefundResult
from app.store.journal import lot_takes
from app.store.models import Balance, JournalEntry, Overdraft, Purchase, Refund


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
    receipt_no = receipt_no.strip()
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
        left = purchase.payable_fen - before
        amount = left if amount_fen is None else amount_fen
        if amount > left or left == 0:
            raise RefundTooLarge(
                f"Only {format_fen(left)} of receipt {receipt_no} can still be refunded "
                f"(paid {format_fen(purchase.payable_fen)}, refunded {format_fen(before)}).",
                refundable_fen=left,
            )
        if amount == 0 and purchase.payable_fen == 0:
            raise InvalidInput("Nothing was paid on this receipt.", field="amount")
        paid = purchase.payable_fen
        after = before + amount
        claw = (purchase.points_earned * after // paid) - (purchase.points_earned * before // paid)
        give = (purchase.points_used * after // paid) - (purchase.points_used * before // paid)
        now = ctx.now()
        member_id = purchase.member_id
        posting = post(
            session,
            kind="refund",
            payload={
                "receipt_no": receipt_no,
                "member_id": member_id,
                "amount_fen": amount,
                "points_clawed_back": claw,
                "points_returned": give,
                "cashier": actor.cashier_id,
                "store": ctx.store_code,
            },
            request_id=request_id,
            member_id=member_id,
            now=now,
            receipt_no=receipt_no,
        )
        # Give back spent points into the lots they came from, newest take first.
        to_give = give
        for lot_id, taken in _net_takes(session, receipt_no, "spend", "refund_spend"):
            share = min(taken, to_give)
            posting.refill("refund_spend", lot_id, share)
            to_give -= share
            if to_give == 0:
                break
        earned_lot = session.scalar(
            select(JournalEntry.entry_id).where(
                JournalEntry.receipt_no == receipt_no,
                JournalEntry.kind == "earn",
                JournalEntry.is_lot.is_(True),
            )
        )
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
        session.add(
            Refund(
                receipt_no=receipt_no,
                amount_fen=amount,
                points_clawed_back=claw,
                points_returned=give,
                overdraft_points=overdraft,
                cashier_id=actor.cashier_id,
                request_id=request_id,
                created_at=now,
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
        balance = session.get(Balance, member_id)
        return RefundResult(
            receipt_no,
            amount,
            claw,
            give,
            overdraft,
            left - amount,
            balance.points if balance else 0,
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

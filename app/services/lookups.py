"""Reads the counter's flows show before they change anything: gift stock, what a receipt
still has to refund, today's receipts to pick a refund from."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from app.services import receipts
from app.services.common import mask_name
from app.services.context import ServiceContext
from app.services.reports import day_bounds
from app.store.models import GiftStock, Member, Purchase, Refund

TODAY_RECEIPTS = 50


@dataclass(frozen=True)
class RefundPreview:
    """A purchase as the refund screen shows it, with what earlier refunds took."""

    receipt: receipts.ReceiptView
    refunded_fen: int
    refunds: int

    @property
    def refundable_fen(self) -> int:
        return self.receipt.payable_fen - self.refunded_fen


def gift_stock(ctx: ServiceContext) -> dict[str, int]:
    """Gifts on the shelf by gift code (a gift never counted has none)."""
    with ctx.read() as session:
        return {row.gift_code: row.stock for row in session.scalars(select(GiftStock))}


def refund_preview(ctx: ServiceContext, receipt_no: str) -> RefundPreview:
    """UnknownReceipt when there is no such purchase on this terminal."""
    view = receipts.receipt(ctx, receipt_no)
    with ctx.read() as session:
        refunded, count = session.execute(
            select(
                func.coalesce(func.sum(Refund.amount_fen), 0), func.count(Refund.refund_id)
            ).where(Refund.receipt_no == view.receipt_no)
        ).one()
    return RefundPreview(view, int(refunded), int(count))


@dataclass(frozen=True)
class TodayReceipt:
    """One of today's purchases on this terminal, as the refund screen lists it."""

    receipt_no: str
    at: str  # local time with its offset
    member_id: str
    member_name: str  # privacy-masked
    payable_fen: int
    refunded_fen: int


def receipts_today(ctx: ServiceContext, limit: int = TODAY_RECEIPTS) -> list[TodayReceipt]:
    """Today's purchases (the shop's business day), newest first, at most ``limit``."""
    start, end = day_bounds(ctx, ctx.today())
    with ctx.read() as session:
        rows = session.execute(
            select(Purchase, Member.name)
            .join(Member, Member.member_id == Purchase.member_id)
            .where(Purchase.created_at >= start, Purchase.created_at < end)
            .order_by(Purchase.created_at.desc(), Purchase.receipt_no.desc())
            .limit(max(1, min(limit, TODAY_RECEIPTS)))
        ).all()
        numbers = [purchase.receipt_no for purchase, _name in rows]
        refunded: dict[str, int] = {
            receipt_no: int(total or 0)
            for receipt_no, total in session.execute(
                select(Refund.receipt_no, func.sum(Refund.amount_fen))
                .where(Refund.receipt_no.in_(numbers))
                .group_by(Refund.receipt_no)
            )
        }
        return [
            TodayReceipt(
                receipt_no=purchase.receipt_no,
                at=purchase.created_at.astimezone(ctx.timezone).isoformat(timespec="seconds"),
                member_id=purchase.member_id,
                member_name=mask_name(name),
                payable_fen=purchase.payable_fen,
                refunded_fen=refunded.get(purchase.receipt_no, 0),
            )
            for purchase, name in rows
        ]

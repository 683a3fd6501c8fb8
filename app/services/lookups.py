"""Reads the counter's flows show before they change anything: gift stock, what a receipt
still has to refund."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from app.services import receipts
from app.services.context import ServiceContext
from app.store.models import GiftStock, Refund


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

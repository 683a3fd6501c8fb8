"""What a receipt prints, read back from the purchase: the same for the first print and a
reprint. The screen turns it into words in the cashier's language and sends it to a printer;
the core never formats for a device."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import UnknownReceipt
from app.services.common import mask_name
from app.services.context import ServiceContext
from app.services.members import EXPIRING_SOON_DAYS
from app.services.plus_offer import saving_of
from app.store.cardread import find_member, raw_connection
from app.store.journal import points_summary, shown_balance
from app.store.models import Cashier, Member, Purchase, PurchaseLine


@dataclass(frozen=True)
class ReceiptLine:
    category: str  # the rule book's name of the category
    amount_fen: int


@dataclass(frozen=True)
class ReceiptView:
    store_code: str
    terminal_id: str
    receipt_no: str
    at: str  # local time with its offset, e.g. 2026-11-24T10:00:00+08:00
    timezone: str  # the zone's name, e.g. Asia/Shanghai
    cashier: str
    member_id: str
    member_name: str  # privacy-masked
    lines: list[ReceiptLine] = field(default_factory=list)
    subtotal_fen: int = 0
    savings_fen: int = 0
    payable_fen: int = 0
    coupon_code: str | None = None
    points_used: int = 0
    points_deduction_fen: int = 0
    points_earned: int = 0
    balance: int = 0  # the member's balance now
    expiring_points: int = 0
    expiring_on: str | None = None
    # the member's PLUS saving as their card shows it now (app.services.plus_offer)
    plus_saving_kind: str | None = None
    plus_saving_fen: int = 0


# A receipt number as a person types it: "146", "t01-146", "T01-0000146".
_TYPED_RECEIPT = re.compile(r"^(?:(?P<terminal>[A-Z0-9]+)-)?(?P<seq>\d{1,12})$")


def resolve_receipt_no(session: Session, text: str, terminal_id: str) -> str:
    """The purchase's receipt number for what was typed: in any case, without the leading
    zeros, or only the sequence number (this terminal's). The text itself, trimmed, when no
    purchase matches (the caller says so)."""
    typed = text.strip()
    candidates = [typed, typed.upper()]
    match = _TYPED_RECEIPT.match(typed.upper())
    if match is not None:
        terminal = match.group("terminal") or terminal_id
        candidates.append(f"{terminal}-{int(match.group('seq')):07d}")
    for candidate in candidates:
        if session.get(Purchase, candidate) is not None:
            return candidate
    return typed


def receipt(ctx: ServiceContext, receipt_no: str) -> ReceiptView:
    with ctx.read() as session:
        receipt_no = resolve_receipt_no(session, receipt_no, ctx.terminal_id)
        purchase = session.get(Purchase, receipt_no)
        if purchase is None:
            raise UnknownReceipt(
                f"No purchase with receipt {receipt_no!r} on this terminal. Check the number "
                "on the receipt.",
                receipt_no=receipt_no,
            )
        names = {c.code: c.name for c in ctx.rules.categories}
        lines = [
            ReceiptLine(names.get(category, category), amount)
            for category, amount in session.execute(
                select(PurchaseLine.category, PurchaseLine.amount_fen)
                .where(PurchaseLine.receipt_no == receipt_no)
                .order_by(PurchaseLine.line_id)
            )
        ]
        cashier = session.get(Cashier, purchase.cashier_id)
        member = session.get(Member, purchase.member_id)
        today = ctx.today()
        summary = points_summary(
            session, purchase.member_id, today, today + timedelta(days=EXPIRING_SOON_DAYS)
        )
        quote = json.loads(purchase.quote)
        connection = raw_connection(session)
        facts = find_member(connection, purchase.member_id, None)
        saving = saving_of(ctx, connection, facts) if facts is not None else None
        return ReceiptView(
            store_code=purchase.store_code,
            terminal_id=ctx.terminal_id,
            receipt_no=receipt_no,
            at=purchase.created_at.astimezone(ctx.timezone).isoformat(timespec="seconds"),
            timezone=str(ctx.timezone.key),
            cashier=cashier.name if cashier is not None else purchase.cashier_id,
            member_id=purchase.member_id,
            member_name=mask_name(member.name) if member is not None else "",
            lines=lines,
            subtotal_fen=purchase.subtotal_fen,
            savings_fen=purchase.savings_fen,
            payable_fen=purchase.payable_fen,
            coupon_code=purchase.coupon_code,
            points_used=purchase.points_used,
            points_deduction_fen=int(quote.get("points_deduction_fen", 0)),
            points_earned=purchase.points_earned,
            balance=shown_balance(session, purchase.member_id, today),
            expiring_points=summary.expiring,
            expiring_on=summary.first_expiry.isoformat() if summary.first_expiry else None,
            plus_saving_kind=saving.kind if saving else None,
            plus_saving_fen=saving.fen if saving else 0,
        )

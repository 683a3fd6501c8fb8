"""End-of-day and shift totals: sales, PLUS fees, refunds, adjustments, gross and net money,
points awarded and redeemed, per cashier, in the shop's time zone.

Each figure is one indexed aggregate over the day's rows, so a day of thousands of
purchases closes in milliseconds, not minutes. Times are the shop's (the receipts' times and
business day), never UTC: a sale at 00:30 in Shanghai is on that day, not the one before.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select

from app.domain.events import business_day
from app.services.context import ServiceContext
from app.services.views import CashierTotals, DayReport
from app.store.models import (
    AuditEntry,
    CouponUse,
    PlusTerm,
    Purchase,
    Redemption,
    RedemptionUndo,
    Refund,
)

# Audit actions that moved points by a supervisor's decision (each audited with its points).
ADJUST_ACTIONS = ("adjust", "write_off_overdraft")


def day_bounds(ctx: ServiceContext, day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(), tzinfo=ctx.timezone)
    return start, start + timedelta(days=1)


def end_of_day(ctx: ServiceContext, day: date | None = None) -> DayReport:
    start, end = day_bounds(ctx, day or ctx.today())
    return totals_between(ctx, start, end)


def totals_between(
    ctx: ServiceContext,
    start: datetime,
    end: datetime,
    *,
    cashier_id: str | None = None,
    shift: bool = False,
) -> DayReport:
    per: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))

    def add(rows: Any, *fields: str) -> None:
        for row in rows:
            cashier = row[0]
            for name, value in zip(fields, row[1:], strict=True):
                per[cashier][name] += int(value or 0)

    def window(column: Any, cashier: Any) -> list[Any]:
        conditions = [column >= start, column < end]
        if cashier_id is not None:
            conditions.append(cashier == cashier_id)
        return conditions

    with ctx.read() as session:
        add(
            session.execute(
                select(
                    Purchase.cashier_id,
                    func.sum(Purchase.points_earned),
                    func.sum(Purchase.points_used),
                    func.sum(Purchase.payable_fen),
                    func.count(Purchase.receipt_no),
                )
                .where(*window(Purchase.created_at, Purchase.cashier_id))
                .group_by(Purchase.cashier_id)
            ),
            "points_awarded",
            "points_redeemed",
            "sales_fen",
            "purchases",
        )
        add(
            session.execute(
                select(Redemption.cashier_id, func.sum(Redemption.points))
                # an undone redemption gave its points back: not redeemed (pick)
                .outerjoin(RedemptionUndo, RedemptionUndo.redemption_id == Redemption.redemption_id)
                .where(
                    *window(Redemption.created_at, Redemption.cashier_id),
                    RedemptionUndo.redemption_id.is_(None),
                )
                .group_by(Redemption.cashier_id)
            ),
            "points_redeemed",
        )
        add(
            session.execute(
                select(
                    Refund.cashier_id,
                    func.sum(Refund.points_clawed_back),
                    func.count(Refund.refund_id),
                    func.sum(Refund.amount_fen),
                )
                .where(*window(Refund.created_at, Refund.cashier_id))
                .group_by(Refund.cashier_id)
            ),
            "points_refunded",
            "refunds",
            "refunds_fen",
        )
        add(
            session.execute(
                select(
                    PlusTerm.cashier_id, func.count(PlusTerm.term_id), func.sum(PlusTerm.fee_fen)
                )
                .where(*window(PlusTerm.created_at, PlusTerm.cashier_id))
                .group_by(PlusTerm.cashier_id)
            ),
            "plus_sold",
            "plus_fees_fen",
        )
        add(
            session.execute(
                select(CouponUse.cashier_id, func.count(CouponUse.coupon_code))
                .where(*window(CouponUse.used_at, CouponUse.cashier_id))
                .group_by(CouponUse.cashier_id)
            ),
            "coupons_used",
        )
        add(
            session.execute(
                select(
                    AuditEntry.cashier_id,
                    func.count(AuditEntry.audit_id),
                    func.sum(func.json_extract(AuditEntry.detail, "$.points")),
                )
                .where(
                    *window(AuditEntry.at, AuditEntry.cashier_id),
                    AuditEntry.action.in_(ADJUST_ACTIONS),
                )
                .group_by(AuditEntry.cashier_id)
            ),
            "adjustments",
            "points_adjusted",
        )

    rows = [_with_money(CashierTotals(cashier_id=c, **dict(v))) for c, v in sorted(per.items())]
    names = [f.name for f in dataclasses.fields(CashierTotals) if f.name != "cashier_id"]
    total = CashierTotals(
        cashier_id=cashier_id or "*",
        **{name: sum(getattr(r, name) for r in rows) for name in names},
    )
    zone = ctx.timezone
    return DayReport(
        start.astimezone(zone).isoformat(timespec="seconds"),
        end.astimezone(zone).isoformat(timespec="seconds"),
        total,
        rows,
        business_day=business_day(start, zone).isoformat(),
        zone=zone.key,
        shift=shift,
    )


def _with_money(totals: CashierTotals) -> CashierTotals:
    gross = totals.sales_fen + totals.plus_fees_fen
    return dataclasses.replace(totals, gross_fen=gross, net_fen=gross - totals.refunds_fen)


__all__ = ["DayReport", "end_of_day", "totals_between"]

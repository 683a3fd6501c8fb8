"""Coupons: who may use one, where, and what it takes off."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.errors import CouponNotUsable
from app.domain.money import format_fen, percent_of
from app.domain.rulebook import CouponTemplate


@dataclass(frozen=True, slots=True)
class Coupon:
    code: str  # the coupon's own code (unique)
    template: CouponTemplate
    member_id: str
    valid_from: date
    valid_until: date  # inclusive
    used: bool = False


def validity(template: CouponTemplate, issued_on: date) -> tuple[date, date]:
    return issued_on, issued_on + timedelta(days=template.validity_days - 1)


def coupon_discount(
    coupon: Coupon,
    *,
    member_id: str,
    store: str,
    today: date,
    lines: Sequence[tuple[str, int]],
) -> int:
    """What the coupon takes off these (category, amount after discounts) lines, in fen.

    Raises CouponNotUsable with the reason a cashier can read out to the member.
    """
    t = coupon.template
    if coupon.member_id != member_id:
        raise CouponNotUsable(
            "This coupon belongs to another member.", coupon=coupon.code, kind="other_member"
        )
    if coupon.used:
        raise CouponNotUsable("This coupon has already been used.", coupon=coupon.code, kind="used")
    if today > coupon.valid_until:
        raise CouponNotUsable(
            f"This coupon expired on {coupon.valid_until.isoformat()}.",
            coupon=coupon.code,
            kind="expired",
            date=coupon.valid_until.isoformat(),
        )
    if today < coupon.valid_from:
        raise CouponNotUsable(
            f"This coupon is valid from {coupon.valid_from.isoformat()}.",
            coupon=coupon.code,
            kind="not_yet",
            date=coupon.valid_from.isoformat(),
        )
    if t.stores and store not in t.stores:
        raise CouponNotUsable(
            "This coupon cannot be used in this store.", coupon=coupon.code, kind="store"
        )
    eligible = sum(
        amount for category, amount in lines if not t.categories or category in t.categories
    )
    if eligible == 0:
        raise CouponNotUsable(
            "Nothing in this purchase is in the coupon's categories.",
            coupon=coupon.code,
            kind="categories",
        )
    if eligible < t.min_spend_fen:
        raise CouponNotUsable(
            f"This coupon needs a spend of at least {format_fen(t.min_spend_fen)}.",
            coupon=coupon.code,
            kind="min_spend",
            min_spend_fen=t.min_spend_fen,
        )
    if t.kind == "amount_off":
        return min(t.amount_fen, eligible)
    if t.kind == "percent_off":
        return percent_of(eligible, t.percent)
    return 0  # a gift coupon hands over goods; it takes nothing off the bill

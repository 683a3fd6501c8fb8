"""The checkout quote: discounts, coupon, points deduction, payable amount, points to earn.

Order of operations (each step on the result of the one before, per line, fen rounded down):
1. tier discount (the member's tier), 2. PLUS discount (the larger of PLUS's extra discount and
its category discount, never both), 3. coupon, 4. points deduction (capped at the rule book's
share of the order), 5. points earned on what is actually paid: base, then tier, PLUS and
campaign extras, each a share of the base.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from app.domain.campaigns import campaigns_in_force
from app.domain.coupons import Coupon, coupon_discount
from app.domain.errors import InsufficientPoints, InvalidInput
from app.domain.money import MAX_AMOUNT_FEN, check_amount_fen, percent_of
from app.domain.plus import plus_percent
from app.domain.points import apply_percent, points_for_fen
from app.domain.rulebook import RuleBook, Tier

MAX_LINES = 500


@dataclass(frozen=True, slots=True)
class Line:
    category: str
    amount_fen: int


@dataclass(frozen=True, slots=True)
class Shopper:
    """The member at the counter, as the quote needs them."""

    member_id: str
    tier: Tier
    plus_active: bool
    spendable_points: int
    # medal code -> level reached (0 omitted): campaigns may target medal levels
    medal_levels: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class EarnBreakdown:
    base: int
    tier: int
    plus: int
    campaign: int
    campaigns: tuple[str, ...]  # "code" or "code/variant"
    campaign_coupons: tuple[str, ...]  # coupon templates the campaigns hand out
    # each campaign's points, by "code" or "code/variant": the clearing charges its funder
    campaign_shares: tuple[tuple[str, int], ...] = ()

    @property
    def total(self) -> int:
        return self.base + self.tier + self.plus + self.campaign


@dataclass(frozen=True, slots=True)
class Quote:
    lines: tuple[Line, ...]
    subtotal_fen: int
    tier_discount_fen: int
    plus_discount_fen: int
    coupon_code: str | None
    coupon_discount_fen: int
    max_points_usable: int
    points_used: int
    points_deduction_fen: int
    payable_fen: int
    earn: EarnBreakdown
    savings_fen: int
    plus_saved_fen: int  # for a PLUS member: what PLUS saved on this purchase
    plus_would_save_fen: int  # for anyone else: what PLUS would have saved

    @property
    def points_to_earn(self) -> int:
        return self.earn.total


def _check_lines(lines: Sequence[Line], rules: RuleBook) -> None:
    if not lines:
        raise InvalidInput("Enter at least one amount.", field="lines", kind="no_lines")
    if len(lines) > MAX_LINES:
        raise InvalidInput(
            f"A purchase can have at most {MAX_LINES} lines.",
            field="lines",
            kind="too_many_lines",
            max_lines=MAX_LINES,
        )
    known = rules.category_codes()
    for i, line in enumerate(lines):
        if line.category not in known:
            raise InvalidInput(
                f"Line {i + 1}: '{line.category}' is not a product category "
                f"({', '.join(sorted(known))}).",
                field=f"lines[{i}].category",
            )
        check_amount_fen(line.amount_fen, f"Line {i + 1} amount", allow_zero=False)
    if sum(line.amount_fen for line in lines) > MAX_AMOUNT_FEN:
        check_amount_fen(sum(line.amount_fen for line in lines), "Total")


def points_earned(
    payable_fen: int, *, shopper: Shopper, store: str, day: date, rules: RuleBook
) -> EarnBreakdown:
    """Points earned on what was actually paid: the base, then the tier's, PLUS's and each
    campaign's share of the base, plus campaign bonus points. The ledger calls this too, to
    recompute a terminal's purchase."""
    base = points_for_fen(payable_fen, rules.points)
    applied = campaigns_in_force(
        rules=rules,
        day=day,
        store=store,
        tier=shopper.tier.code,
        member_id=shopper.member_id,
        plus_active=shopper.plus_active,
        medal_levels=shopper.medal_levels,
    )
    shares = tuple(
        (
            a.campaign.code if a.variant is None else f"{a.campaign.code}/{a.variant}",
            apply_percent(base, a.effect.multiplier_percent) + a.effect.bonus_points,
        )
        for a in applied
    )
    return EarnBreakdown(
        base=base,
        tier=apply_percent(base, shopper.tier.points_multiplier_percent),
        plus=apply_percent(base, rules.plus.points_multiplier_percent)
        if shopper.plus_active
        else 0,
        campaign=sum(points for _, points in shares),
        campaigns=tuple(code for code, _ in shares),
        campaign_coupons=tuple(a.effect.coupon for a in applied if a.effect.coupon),
        campaign_shares=shares,
    )


def quote(
    *,
    lines: Sequence[Line],
    shopper: Shopper,
    store: str,
    day: date,
    rules: RuleBook,
    coupon: Coupon | None = None,
    points_to_use: int = 0,
) -> Quote:
    _check_lines(lines, rules)
    if points_to_use < 0:
        raise InvalidInput("Points to use cannot be negative.", field="points")

    after_tier = [
        (ln.category, ln.amount_fen - percent_of(ln.amount_fen, shopper.tier.discount_percent))
        for ln in lines
    ]
    tier_discount = sum(ln.amount_fen for ln in lines) - sum(a for _, a in after_tier)

    plus_cuts = [percent_of(amount, plus_percent(cat, rules)) for cat, amount in after_tier]
    plus_discount = sum(plus_cuts) if shopper.plus_active else 0
    after_plus = (
        [(cat, amount - cut) for (cat, amount), cut in zip(after_tier, plus_cuts, strict=True)]
        if shopper.plus_active
        else after_tier
    )
    after_plus_total = sum(a for _, a in after_plus)

    coupon_cut = 0
    if coupon is not None:
        coupon_cut = coupon_discount(
            coupon, member_id=shopper.member_id, store=store, today=day, lines=after_plus
        )
    after_coupon = after_plus_total - coupon_cut

    value = rules.points.value_fen_per_point
    max_points = min(
        percent_of(after_coupon, rules.points.max_order_share_percent) // value,
        shopper.spendable_points,
    )
    if points_to_use > shopper.spendable_points:
        raise InsufficientPoints(
            f"The member has {shopper.spendable_points} points; {points_to_use} cannot be used.",
            balance=shopper.spendable_points,
            requested=points_to_use,
        )
    if points_to_use > max_points:
        raise InvalidInput(
            f"At most {max_points} points can be used on this purchase "
            f"({rules.points.max_order_share_percent}% of the amount).",
            field="points",
            max_points=max_points,
        )
    deduction = points_to_use * value
    payable = after_coupon - deduction

    earn = points_earned(payable, shopper=shopper, store=store, day=day, rules=rules)
    plus_extra = earn.plus
    plus_extra_if_member = apply_percent(earn.base, rules.plus.points_multiplier_percent)
    # What PLUS is worth on this basket: its discount plus the cash value of its extra points.
    plus_worth = sum(plus_cuts) + plus_extra_if_member * value
    return Quote(
        lines=tuple(lines),
        subtotal_fen=sum(ln.amount_fen for ln in lines),
        tier_discount_fen=tier_discount,
        plus_discount_fen=plus_discount,
        coupon_code=coupon.code if coupon else None,
        coupon_discount_fen=coupon_cut,
        max_points_usable=max_points,
        points_used=points_to_use,
        points_deduction_fen=deduction,
        payable_fen=payable,
        earn=earn,
        savings_fen=tier_discount + plus_discount + coupon_cut + deduction,
        plus_saved_fen=plus_discount + plus_extra * value if shopper.plus_active else 0,
        plus_would_save_fen=0 if shopper.plus_active else plus_worth,
    )

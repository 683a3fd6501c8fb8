"""What makes PLUS sell itself: its worth to the member, the renewal prompt and the monthly
coupons, each a function of the mall-wide profile and the rule book, so every counter shows
and issues the same."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from app.domain.money import percent_of
from app.domain.plus import is_plus, plus_percent
from app.domain.points import apply_percent, points_for_fen
from app.domain.rulebook import RuleBook

SavingKind = Literal["saved_this_term", "would_have_saved"]
PromptKind = Literal["renew_soon", "lapsed"]
# Coupon codes are read aloud at a counter: no 0/O, no 1/I.
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
MONTHLY_PREFIX = "P"
_CODE_CHARS = 12  # 60 bits: no two members' months share a code


@dataclass(frozen=True, slots=True)
class PlusSaving:
    kind: SavingKind
    fen: int


@dataclass(frozen=True, slots=True)
class RenewalPrompt:
    kind: PromptKind
    expires_on: date
    days: int  # renew_soon: days left after today; lapsed: days since it ended


def plus_worth_fen(category_spend_fen: Mapping[str, int], rules: RuleBook) -> int:
    """What PLUS takes off this spend per category (its discount) and the cash value of the
    extra points it gives on what is left: the same sum as a quote's "PLUS would have saved",
    on net spend per category (a negative figure, refunds beyond purchases, counts as 0)."""
    spend = {category: max(0, fen) for category, fen in category_spend_fen.items()}
    discount = sum(percent_of(fen, plus_percent(cat, rules)) for cat, fen in spend.items())
    base = points_for_fen(sum(spend.values()) - discount, rules.points)
    extra = apply_percent(base, rules.plus.points_multiplier_percent)
    return discount + extra * rules.points.value_fen_per_point


def plus_saving(
    *,
    plus_active: bool,
    last_12_months: Mapping[str, int],
    this_term: Mapping[str, int],
    rules: RuleBook,
) -> PlusSaving:
    """For a PLUS member, what PLUS saved on their spend of this term; for anyone else, what
    it would have saved on their spend of the last 12 months."""
    if plus_active:
        return PlusSaving("saved_this_term", plus_worth_fen(this_term, rules))
    return PlusSaving("would_have_saved", plus_worth_fen(last_12_months, rules))


def renewal_prompt(expires_on: date | None, today: date, rules: RuleBook) -> RenewalPrompt | None:
    """ "Renew now" from ``plus.renewal_prompt_days`` before the last day; "PLUS has lapsed"
    for ``plus.lapsed_prompt_days`` after it; nothing for a member who never had PLUS."""
    if expires_on is None:
        return None
    left = (expires_on - today).days
    if left >= 0:
        if left < rules.plus.renewal_prompt_days:
            return RenewalPrompt("renew_soon", expires_on, left)
        return None
    if -left <= rules.plus.lapsed_prompt_days:
        return RenewalPrompt("lapsed", expires_on, -left)
    return None


def monthly_coupon_code(member_id: str, month: date, template: str) -> str:
    """The one code of a member's PLUS coupon of a month: every counter derives the same, so
    a second issue of it (at another counter, offline) is the same coupon, never a second."""
    digest = hashlib.sha256(f"plus-monthly:{member_id}:{month:%Y-%m}:{template}".encode())
    number = int.from_bytes(digest.digest()[:8], "big")
    chars = []
    for _ in range(_CODE_CHARS):
        number, index = divmod(number, len(_ALPHABET))
        chars.append(_ALPHABET[index])
    return MONTHLY_PREFIX + "".join(chars)


def monthly_coupons_due(
    member_id: str, expires_on: date | None, today: date, rules: RuleBook
) -> tuple[tuple[str, str], ...]:
    """(template, code) of this month's PLUS coupons for a member with PLUS today: every month
    of every term. The caller issues those whose code the member does not hold yet."""
    if not is_plus(expires_on, today):
        return ()
    return tuple(
        (template, monthly_coupon_code(member_id, today, template))
        for template in rules.plus.monthly_coupons
    )

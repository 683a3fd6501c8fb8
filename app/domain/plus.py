"""PLUS, the paid yearly membership: validity, renewal and the member's price."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.rulebook import RuleBook


@dataclass(frozen=True, slots=True)
class PlusTerm:
    starts_on: date
    ends_on: date  # last valid day, inclusive
    fee_fen: int


def is_plus(expires_on: date | None, today: date) -> bool:
    return expires_on is not None and today <= expires_on


def plus_percent(category: str, rules: RuleBook) -> int:
    """PLUS's discount on a line: the larger of its extra and its category discount."""
    return max(rules.plus.extra_discount_percent, rules.plus.category_discounts.get(category, 0))


def fee_for(growth: int, rules: RuleBook) -> int:
    """The member's PLUS fee: the lowest of the standard fee and every special price whose
    growth line the member has reached (``plus.prices``)."""
    return min([rules.plus.fee_fen, *(p.fee_fen for p in rules.plus.prices if growth >= p.growth)])


def term_start(expires_on: date, rules: RuleBook) -> date:
    """The first day of the term that ends on ``expires_on``."""
    return expires_on - timedelta(days=rules.plus.validity_days - 1)


def next_term(
    current_expiry: date | None, today: date, rules: RuleBook, *, growth: int
) -> PlusTerm:
    """Renewing extends from the current expiry, so an early renewal loses no day; a lapsed
    membership starts again today. The fee is the member's by their growth."""
    if current_expiry is not None and today <= current_expiry:
        start = current_expiry + timedelta(days=1)
    else:
        start = today
    return PlusTerm(
        starts_on=start,
        ends_on=start + timedelta(days=rules.plus.validity_days - 1),
        fee_fen=fee_for(growth, rules),
    )

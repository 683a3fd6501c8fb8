"""PLUS, the paid yearly membership: validity and renewal."""

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


def next_term(current_expiry: date | None, today: date, rules: RuleBook) -> PlusTerm:
    """Renewing extends from the current expiry, so an early renewal loses no day; a lapsed
    membership starts again today."""
    if current_expiry is not None and today <= current_expiry:
        start = current_expiry + timedelta(days=1)
    else:
        start = today
    return PlusTerm(
        starts_on=start,
        ends_on=start + timedelta(days=rules.plus.validity_days - 1),
        fee_fen=rules.plus.fee_fen,
    )

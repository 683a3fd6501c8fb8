"""Money in integer minor units (fen) with a currency, and integer points.

No floats: amounts are parsed from decimal strings and all arithmetic is on integers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.errors import InvalidInput

# Commas only as thousands separators: "12,50" (a decimal comma) must not become 1250 yuan.
_AMOUNT = re.compile(r"^(?P<int>\d{1,12}|\d{1,3}(?:,\d{3}){1,3})(?:\.(?P<frac>\d{1,2}))?$")

# A single counter transaction above this is certainly a typing error (100 million yuan).
MAX_AMOUNT_FEN = 10_000_000_000


@dataclass(frozen=True, order=True, slots=True)
class Money:
    fen: int
    currency: str = "CNY"

    def __post_init__(self) -> None:
        if not isinstance(self.fen, int) or isinstance(self.fen, bool):
            raise TypeError("Money.fen must be an int")

    def __add__(self, other: Money) -> Money:
        self._same_currency(other)
        return Money(self.fen + other.fen, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same_currency(other)
        return Money(self.fen - other.fen, self.currency)

    def _same_currency(self, other: Money) -> None:
        if other.currency != self.currency:
            raise ValueError(f"cannot mix {self.currency} and {other.currency}")

    def __str__(self) -> str:
        return format_fen(self.fen)


def format_fen(fen: int) -> str:
    """1234 -> '12.34'; -5 -> '-0.05'."""
    sign = "-" if fen < 0 else ""
    whole, frac = divmod(abs(fen), 100)
    return f"{sign}{whole}.{frac:02d}"


def parse_amount(text: str, field: str = "amount") -> int:
    """Parse a yuan amount typed by a person ('12', '12.5', '12.50') into fen.

    Refuses negatives, more than two decimals, and absurd amounts with a message that names
    the field, so a typing slip never reaches the journal.
    """
    cleaned = text.strip()
    match = _AMOUNT.match(cleaned)
    if match is None:
        raise InvalidInput(
            f"{field}: '{text}' is not an amount; type yuan with at most two decimals, e.g. 12.50",
            field=field,
            kind="not_amount",
            text=text,
        )
    frac = (match.group("frac") or "").ljust(2, "0")
    fen = int(match.group("int").replace(",", "")) * 100 + int(frac)
    check_amount_fen(fen, field)
    return fen


def check_amount_fen(fen: int, field: str = "amount", *, allow_zero: bool = True) -> int:
    if fen < 0:
        raise InvalidInput(f"{field}: an amount cannot be negative", field=field, kind="negative")
    if fen == 0 and not allow_zero:
        raise InvalidInput(f"{field}: the amount must be more than zero", field=field, kind="zero")
    if fen > MAX_AMOUNT_FEN:
        raise InvalidInput(
            f"{field}: {format_fen(fen)} is more than any single sale can be; check the amount",
            field=field,
            kind="too_large",
            amount_fen=fen,
        )
    return fen


def percent_of(fen: int, percent: int) -> int:
    """The floor of percent% of an amount in fen (discounts never round in the shop's disfavour
    by more than one fen, and never give away a fraction)."""
    return fen * percent // 100

"""Partner benefits issued with a PLUS term: each an entitlement with its own code, printed
for the member and redeemed at the partner (the ledger records the redemption)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app.domain.rulebook import PartnerBenefit

_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # read aloud: no 0/O, 1/I
PREFIX = "E"


def new_code() -> str:
    """A bearer code (60 random bits): never derived from the member, so it cannot be made up."""
    return PREFIX + "".join(secrets.choice(_ALPHABET) for _ in range(12))


@dataclass(frozen=True)
class Entitlement:
    code: str
    benefit: str  # the rule book's partner benefit code
    name: str
    partner: str
    valid_from: str  # ISO dates, inclusive
    valid_until: str

    def wire(self) -> dict[str, Any]:
        """The entitlement as the PLUS event tells the ledger."""
        return {
            "code": self.code,
            "benefit": self.benefit,
            "name": self.name,
            "partner": self.partner,
            "valid_from": self.valid_from,
            "valid_until": self.valid_until,
        }


def issue(benefit: PartnerBenefit, today: date, code: str) -> Entitlement:
    until = today + timedelta(days=benefit.validity_days - 1)
    return Entitlement(
        code, benefit.code, benefit.name, benefit.partner, today.isoformat(), until.isoformat()
    )

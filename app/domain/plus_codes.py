"""PLUS activation codes: a year of PLUS paid through another channel (bank or airline
points, a co-branded card, a corporate batch), redeemed at a counter. The ledger makes them
and keeps only their hash; terminal and ledger read a typed code the same way."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from app.domain.errors import InvalidInput

CHANNELS = ("bank", "airline", "cobrand", "corporate")
COUNTER = "counter"  # a PLUS sale paid at the counter
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # read aloud and typed: no 0/O, 1/I
_LENGTH = 16  # 80 bits: guessing one is hopeless, so a plain hash keeps it safe


def new_code() -> str:
    """A new code as printed: four groups of four (ABCD-EFGH-JKLM-NPQR)."""
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, _LENGTH, 4))


def normalise_code(text: str) -> str:
    """The code as typed (any case, with or without dashes or spaces) in its one form.
    Raises InvalidInput for what cannot be a code."""
    cleaned = "".join(text.split()).replace("-", "").upper()
    if len(cleaned) != _LENGTH or any(c not in _ALPHABET for c in cleaned):
        raise InvalidInput(
            "That is not a PLUS activation code: 16 letters and digits, like ABCD-EFGH-JKLM-NPQR.",
            field="activation_code",
            kind="activation_code",
        )
    return cleaned


def code_hash(code: str) -> str:
    """What the ledger keeps of a code, and what an event names it by."""
    return hashlib.sha256(normalise_code(code).encode()).hexdigest()


@dataclass(frozen=True)
class ClaimedCode:
    """What the ledger answered when a counter claimed a code for a member."""

    channel: str
    batch: str
    validity_days: int
    code_hash: str
    last4: str

"""Identifiers made on the terminal before anything is sent, reused on every retry."""

from __future__ import annotations

import os
import time
import uuid


def uuid7(unix_ms: int | None = None, random_bytes: bytes | None = None) -> uuid.UUID:
    """A UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then 74 random bits.

    Time-ordered ids keep the ledger's index appends local; the randomness makes two terminals
    never collide. (Python 3.11 has no uuid.uuid7.)
    """
    ms = int(time.time() * 1000) if unix_ms is None else unix_ms
    rand = os.urandom(10) if random_bytes is None else random_bytes
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version
    value |= (int.from_bytes(rand[:2], "big") & 0x0FFF) << 64  # rand_a, 12 bits
    value |= 0b10 << 62  # variant
    value |= int.from_bytes(rand[2:], "big") & ((1 << 62) - 1)  # rand_b, 62 bits
    return uuid.UUID(int=value)

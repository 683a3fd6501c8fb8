"""Coverage-guided fuzzing of the member-code parser with atheris (``make fuzz``).

Any input must end in a member or a ``CodeError`` (a cashier's message); anything else is a
crash atheris reports with the input that caused it. Not part of ``make test``: a fuzzing run
is open-ended, the hypothesis tests in tests/property/test_code_fuzz.py are the bounded check.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime

import atheris

with atheris.instrument_imports():
    from app.domain import codes

import contextlib

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

NOW = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)
LEDGER = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
KEYS = {"K1": LEDGER.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)}


def one_input(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(800)
    with contextlib.suppress(codes.CodeError):
        codes.read_code(text, KEYS, now=NOW)


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

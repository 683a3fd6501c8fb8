"""One phone normalisation for the terminal, the ledger and the ledger's import.

A member's phone is stored, looked up and compared only in this form:

- a mainland China number (country code 86) is its national number, ``13912345684``: the
  form cashiers type and the demo data uses;
- any other country's number is E.164, ``+442079460958``.

``１３９１２３４５６８４`` (full-width digits), ``+86 139 1234 5684``, ``8613912345684``,
``0086 13912345684``, ``139-1234-5684`` and ``(+86)139 1234 5684`` all give ``13912345684``,
so they are one member. A number that is not a valid phone number (libphonenumber's
``is_valid_number``) is refused with ``InvalidInput`` naming the field ``phone``.
"""

from __future__ import annotations

import re

from app.domain.errors import InvalidInput

DEFAULT_REGION = "CN"
CHINA = 86
# Longer than any phone number written with spaces and a country code; a longer text is
# refused before the parser sees it.
MAX_PHONE_TEXT = 40
# What a phone number is written with: digits, one +, spaces, dashes, dots, brackets.
_WRITTEN = re.compile(r"^[0-9 ()./+-]+$")
# Full-width forms (U+FF01..U+FF5E, an IME's "１３９") and the ideographic space to ASCII;
# nothing else is folded (superscripts, other scripts' digits stay refused).
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def _refuse(field: str) -> InvalidInput:
    # The text is not repeated: a message can reach a log, and a phone is personal data.
    return InvalidInput(
        f"That is not a phone number ({field}); type the member's mobile number, e.g. "
        "13912345678 (another country's with its code, e.g. +44 20 7946 0958).",
        field=field,
    )


def normalise_phone(text: str, *, field: str = "phone") -> str:
    """The one stored form of the phone number in ``text``; ``InvalidInput`` otherwise."""
    if not isinstance(text, str) or len(text) > MAX_PHONE_TEXT:
        raise _refuse(field)
    folded = text.translate(_FULL_WIDTH).strip()
    # Only ASCII is left to match: no control characters, no other scripts' digits.
    if not _WRITTEN.match(folded) or folded.count("+") > 1:
        raise _refuse(field)
    import phonenumbers  # ~20 ms: loaded at the first phone, not at every start

    try:
        number = phonenumbers.parse(folded, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        raise _refuse(field) from None
    if number.extension or not phonenumbers.is_valid_number(number):
        raise _refuse(field)
    if number.country_code == CHINA:
        return str(number.national_number)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

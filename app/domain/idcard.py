"""Real-name verification: the 18-character resident ID number and the name on the document.

The number is 6 digits of region, the birth date (YYYYMMDD), 3 digits of sequence and a check
character by ISO 7064 MOD 11-2 (``X`` stands for 10). It is never stored: only a salted,
slow hash (to tell a second verification with the same document) and its last four
characters (for the service desk to read back to the member).
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
from dataclasses import dataclass
from datetime import date

from app.domain.errors import InvalidInput

ID_LENGTH = 18
# Weight of position i is 2**(17 - i) mod 11; the remainder of the sum picks the character.
_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_CHECK = "10X98765432"
_ITERATIONS = 100_000  # the number has little entropy: make each guess cost


def check_character(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character of the first 17 digits."""
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def clean_id_number(text: str, today: date) -> str:
    """The ID number, upper-case and without spaces; InvalidInput (field ``id_number``) naming
    what is wrong: length, characters, birth date or check character."""
    number = "".join(text.split()).upper()
    if len(number) != ID_LENGTH:
        raise InvalidInput(
            f"An ID number has {ID_LENGTH} characters; this one has {len(number)}.",
            field="id_number",
            kind="length",
        )
    if not number[:17].isascii() or not number[:17].isdigit() or number[17] not in "0123456789X":
        raise InvalidInput(
            "An ID number is 17 digits and a last digit or X.", field="id_number", kind="characters"
        )
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        born = None
    if born is None or not date(1900, 1, 1) <= born <= today:
        raise InvalidInput(
            "The birth date inside the ID number is not a real date: check the digits.",
            field="id_number",
            kind="birth_date",
        )
    if check_character(number[:17]) != number[17]:
        raise InvalidInput(
            "The ID number's check digit does not match: a digit was mistyped.",
            field="id_number",
            kind="check_digit",
        )
    return number


def same_name(on_document: str, of_member: str) -> bool:
    """The names match once width, case and spacing are set aside (全角/半角, 'Li  Lei')."""
    return _name_key(on_document) == _name_key(of_member) and bool(_name_key(of_member))


def _name_key(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).casefold().split())


@dataclass(frozen=True, slots=True)
class IdProof:
    """What is kept of a checked ID number: ``salt$hash`` (hex) and the last four."""

    digest: str
    last4: str


def id_proof(number: str, salt: bytes) -> IdProof:
    """The salted hash of a cleaned number (``clean_id_number``); the salt comes from the
    caller (the domain makes no randomness)."""
    hashed = hashlib.pbkdf2_hmac("sha256", number.encode(), salt, _ITERATIONS)
    return IdProof(f"{salt.hex()}${hashed.hex()}", number[-4:])


def proof_matches(number: str, digest: str) -> bool:
    """Whether ``number`` is the one a stored ``IdProof.digest`` was made from."""
    salt_hex, _, want = digest.partition("$")
    try:
        salt = bytes.fromhex(salt_hex)
    except ValueError:
        return False
    got = hashlib.pbkdf2_hmac("sha256", number.encode(), salt, _ITERATIONS).hex()
    return hmac.compare_digest(got, want)

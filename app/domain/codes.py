"""Member codes: signed QR texts the terminal verifies offline with the ledger's public keys.

Format (version 1; see docs/member-codes.md). Every part is RFC 4648 base32 without padding,
upper case, so the whole text uses the QR code's compact alphanumeric mode:

- card code:    ``MD1C.<key id>.<member id>.<signature>``
  The ledger signs ``MD1C|key id|member id``.
- dynamic code: ``MD1D.<key id>.<member id>.<device key>.<expiry day>.<ledger sig>``
  ``.<step>.<device sig>``
  The ledger signs ``MD1D|key id|member id|device key|expiry day`` (a credential for the
  member's phone key, valid to an expiry day counted from 1970-01-01); the phone signs
  ``MD1S|member id|step`` with its device key, for the current 30-second step.

The algorithm is fixed (Ed25519), never read from the code. Keys have ids and rotate: the
terminal holds every key the ledger has not revoked.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from app.domain.errors import MemberDeskError

CARD_PREFIX = "MD1C"
DYNAMIC_PREFIX = "MD1D"
STEP_SECONDS = 30
MAX_CODE_LENGTH = 512
EPOCH = date(1970, 1, 1)
# A member's status when the operator withdrew their codes (``memberdesk-ledger members codes
# revoke``: a lost card or phone). Their codes are refused; the member is still served by
# member number and phone number, like an active one.
CODES_REVOKED = "codes_revoked"


class CodeError(MemberDeskError):
    """A code the terminal refuses; ``code`` tells which reason (the screen translates it)."""

    code = "bad_code"


class CodeGarbage(CodeError):
    code = "code_garbage"


class CodeTooLong(CodeError):
    code = "code_too_long"


class CodeWrongPrefix(CodeError):
    code = "code_wrong_prefix"


class CodeTruncated(CodeError):
    code = "code_truncated"


class CodeUnknownKey(CodeError):
    code = "code_unknown_key"


class CodeBadSignature(CodeError):
    code = "code_bad_signature"


class CodeExpired(CodeError):
    code = "code_expired"


class CodeReplayed(CodeError):
    code = "code_replayed"


class CodeFromFuture(CodeError):
    code = "code_from_future"


class CodeRevoked(CodeError):
    code = "code_revoked"


@dataclass(frozen=True, slots=True)
class CardCode:
    key_id: str
    member_id: str


@dataclass(frozen=True, slots=True)
class DynamicCode:
    key_id: str
    member_id: str
    device_key: bytes
    expires_on: date
    step: int


MemberCode = CardCode | DynamicCode


def _b32(data: bytes) -> str:
    return base64.b32encode(data).decode("ascii").rstrip("=")


def _unb32(text: str, what: str) -> bytes:
    padded = text + "=" * (-len(text) % 8)
    try:
        return base64.b32decode(padded, casefold=False)
    except (binascii.Error, ValueError):
        raise CodeGarbage(f"The code's {what} is damaged; scan it again.") from None


def step_at(moment: datetime) -> int:
    return int(moment.astimezone(UTC).timestamp()) // STEP_SECONDS


def _card_message(key_id: str, member_id: str) -> bytes:
    return f"{CARD_PREFIX}|{key_id}|{member_id}".encode()


def _credential_message(key_id: str, member_id: str, device_key: bytes, expiry: int) -> bytes:
    return f"{DYNAMIC_PREFIX}|{key_id}|{member_id}|{device_key.hex()}|{expiry}".encode()


def _step_message(member_id: str, step: int) -> bytes:
    return f"MD1S|{member_id}|{step}".encode()


# ---------------------------------------------------------------------------- making codes


def card_code(ledger_key: Ed25519PrivateKey, key_id: str, member_id: str) -> str:
    signature = ledger_key.sign(_card_message(key_id, member_id))
    return ".".join((CARD_PREFIX, key_id, _b32(member_id.encode()), _b32(signature)))


@dataclass(frozen=True, slots=True)
class DeviceCredential:
    """What the ledger gives a member's phone: its key, certified until an expiry day."""

    key_id: str
    member_id: str
    device_key: bytes
    expires_on: date
    ledger_signature: bytes


def issue_credential(
    ledger_key: Ed25519PrivateKey,
    key_id: str,
    member_id: str,
    device_public: bytes,
    expires_on: date,
) -> DeviceCredential:
    expiry = (expires_on - EPOCH).days
    signature = ledger_key.sign(_credential_message(key_id, member_id, device_public, expiry))
    return DeviceCredential(key_id, member_id, device_public, expires_on, signature)


def dynamic_code(
    credential: DeviceCredential, device_key: Ed25519PrivateKey, moment: datetime
) -> str:
    """What the member's phone shows now (a new code every 30 seconds)."""
    step = step_at(moment)
    return ".".join(
        (
            DYNAMIC_PREFIX,
            credential.key_id,
            _b32(credential.member_id.encode()),
            _b32(credential.device_key),
            str((credential.expires_on - EPOCH).days),
            _b32(credential.ledger_signature),
            str(step),
            _b32(device_key.sign(_step_message(credential.member_id, step))),
        )
    )


# --------------------------------------------------------------------------- reading codes


def _check_text(text: str) -> str:
    if len(text) > MAX_CODE_LENGTH:
        raise CodeTooLong("That is far too long to be a member code; scan the member's code again.")
    if not text.isprintable():
        raise CodeGarbage(
            "The scan contains control characters; check the scanner's settings and scan again."
        )
    cleaned = text.strip()
    if not cleaned:
        raise CodeGarbage("Nothing was scanned.")
    if not cleaned.isascii():
        # Codes are ASCII only (the QR alphanumeric set): full-width or superscript digits
        # are a scanner's keyboard layout or a forgery, never a code.
        raise CodeGarbage(
            "The scan contains characters no member code has; check the scanner's keyboard "
            "layout and scan again."
        )
    return cleaned


# Days from 1970 to the last day a ``date`` holds, and 30-second steps to the same day.
MAX_DAY = (date.max - EPOCH).days
MAX_STEP = MAX_DAY * 86_400 // STEP_SECONDS


def _number(text: str, largest: int) -> int:
    """An ASCII decimal field (``str.isdigit`` also takes '²', which ``int`` refuses)."""
    if not (text.isascii() and text.isdigit()) or len(text) > 12 or int(text) > largest:
        raise CodeGarbage("The phone's code is damaged; ask the member to show it again.")
    return int(text)


def _verify(key: Ed25519PublicKey, signature: bytes, message: bytes, what: str) -> None:
    try:
        key.verify(signature, message)
    except InvalidSignature:
        raise CodeBadSignature(
            f"The {what} is not genuine: do not accept it, and ask the "
            "member for another way to identify."
        ) from None


def _public(keys: Mapping[str, bytes], key_id: str) -> Ed25519PublicKey:
    raw = keys.get(key_id)
    if raw is None:
        raise CodeUnknownKey(
            f"This code was signed with key {key_id!r}, which this terminal "
            "does not know (or which was revoked). Sync the terminal and "
            "scan again."
        )
    return Ed25519PublicKey.from_public_bytes(raw)


def read_code(
    text: str,
    keys: Mapping[str, bytes],
    *,
    now: datetime,
    revoked_members: frozenset[str] = frozenset(),
) -> MemberCode:
    """Parse and verify a scanned code; raises a CodeError naming what is wrong.

    Replay of a dynamic step is checked by the caller against what it has accepted.
    """
    cleaned = _check_text(text)
    parts = cleaned.split(".")
    prefix = parts[0]
    if prefix == CARD_PREFIX:
        if len(parts) != 4:
            raise CodeTruncated("The card code is incomplete; scan it again.")
        _, key_id, member_b32, sig_b32 = parts
        member_id = _unb32(member_b32, "member number").decode("utf-8", "replace")
        _verify(
            _public(keys, key_id),
            _unb32(sig_b32, "signature"),
            _card_message(key_id, member_id),
            "card code",
        )
        code: MemberCode = CardCode(key_id, member_id)
    elif prefix == DYNAMIC_PREFIX:
        if len(parts) != 8:
            raise CodeTruncated("The phone's code is incomplete; ask the member to show it again.")
        _, key_id, member_b32, device_b32, expiry_text, ledger_b32, step_text, device_sig = parts
        expiry = _number(expiry_text, MAX_DAY)
        step = _number(step_text, MAX_STEP)
        member_id = _unb32(member_b32, "member number").decode("utf-8", "replace")
        device_key = _unb32(device_b32, "device key")
        if len(device_key) != 32:
            raise CodeGarbage("The phone's code is damaged; ask the member to show it again.")
        _verify(
            _public(keys, key_id),
            _unb32(ledger_b32, "signature"),
            _credential_message(key_id, member_id, device_key, expiry),
            "phone's code",
        )
        if EPOCH + timedelta(days=expiry) < now.astimezone(UTC).date():
            raise CodeExpired(
                "The member's app has an expired credential; ask them to open "
                "the app online to renew it, or use the phone number."
            )
        current = step_at(now)
        if step > current + 1:
            raise CodeFromFuture(
                "The phone's clock is ahead; the code is not valid yet. Ask "
                "the member to check the phone's time."
            )
        if step < current - 1:
            raise CodeExpired(
                "The code on the phone is old (a screenshot?); ask the member "
                "to show the live code."
            )
        _verify(
            Ed25519PublicKey.from_public_bytes(device_key),
            _unb32(device_sig, "device signature"),
            _step_message(member_id, step),
            "phone's code",
        )
        code = DynamicCode(key_id, member_id, device_key, EPOCH + timedelta(days=expiry), step)
    else:
        raise CodeWrongPrefix(
            "That is not a MemberDesk member code; scan the member's code or type their number."
        )
    if code.member_id in revoked_members:
        raise CodeRevoked("This member's code was revoked; send the member to the service desk.")
    return code

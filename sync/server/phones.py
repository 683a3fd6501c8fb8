"""Members' phones at the ledger: one-time binding codes, bound phones (device keys the
ledger certifies, docs/member-codes.md), their removal, and the signed requests of the
member's page (the session is the device key itself: no password, no cookie)."""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain import codes
from sync.server import keys
from sync.server.errors import Refused
from sync.server.models import DeviceNonce, MemberDevice, PhoneBinding

BINDING_MINUTES = 5  # a binding QR works once, within this long of being shown
REQUEST_WINDOW_S = 120  # a signed request's time may differ from the ledger's by this much
MAX_PHONES = 5  # bound phones per member
REQUEST_PREFIX = "MD1P"  # what a phone signs for a request (never a code: see member-codes.md)
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_HEX128 = re.compile(r"^[0-9a-f]{128}$")
_NONCE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
_TOKEN = re.compile(r"^[A-Z2-7]{26}$")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_binding(
    session: Session, terminal_id: str, member_id: str, at: datetime
) -> tuple[str, PhoneBinding]:
    """A one-time binding code for the member (their codes must not be withdrawn): the code,
    shown once and kept only by its hash, and its row."""
    keys.active_member(session, member_id)
    token = base64.b32encode(secrets.token_bytes(16)).decode().rstrip("=")
    binding = PhoneBinding(
        token_hash=_hash(token),
        member_id=member_id,
        terminal_id=terminal_id,
        created_at=at,
        expires_at=at + timedelta(minutes=BINDING_MINUTES),
        used_at=None,
        device_key=None,
    )
    session.add(binding)
    session.flush()
    return token, binding


def _binding_refused(message: str) -> Refused:
    return Refused(409, "binding_unusable", message + " Ask at a counter for a new binding code.")


def bind(
    session: Session,
    token: str,
    device_key: str,
    label: str,
    at: datetime,
    signing_key: Ed25519PrivateKey | None,
) -> tuple[MemberDevice, codes.DeviceCredential]:
    """Bind the phone whose key signed the request to the binding code's member, once."""
    if not _TOKEN.match(token):
        raise Refused(422, "malformed", "That binding code is damaged.", fields=["token"])
    binding = session.get(PhoneBinding, _hash(token), with_for_update=True)
    if binding is None:
        raise _binding_refused("That binding code is unknown.")
    if binding.used_at is not None:
        raise _binding_refused("That binding code was already used.")
    if binding.expires_at <= at:
        raise _binding_refused("That binding code has expired.")
    member_id = binding.member_id
    live = devices_of(session, member_id)
    if len(live) >= MAX_PHONES and all(d.device_key != device_key for d in live):
        raise Refused(
            409,
            "too_many_phones",
            f"This member has {MAX_PHONES} phones bound already; remove one first.",
        )
    existing = session.get(MemberDevice, device_key)
    if existing is not None and existing.member_id != member_id:
        raise Refused(409, "phone_taken", "This phone's key belongs to another member.")
    if existing is not None and existing.removed_at is not None:
        raise Refused(409, "phone_removed", "This phone was removed; make a new key to bind it.")
    credential = _certify(session, member_id, device_key, at.date(), signing_key)
    binding.used_at, binding.device_key = at, device_key
    if existing is None:
        existing = MemberDevice(
            device_key=device_key,
            member_id=member_id,
            label=label,
            bound_at=at,
            last_seen_at=at,
            credential_until=credential.expires_on,
            removed_at=None,
            removed_by=None,
        )
        session.add(existing)
    session.flush()
    return existing, credential


def _certify(
    session: Session,
    member_id: str,
    device_key: str,
    today: date,
    signing_key: Ed25519PrivateKey | None,
) -> codes.DeviceCredential:
    return keys.device_credential(session, member_id, bytes.fromhex(device_key), today, signing_key)


def renew(
    session: Session, device: MemberDevice, at: datetime, signing_key: Ed25519PrivateKey | None
) -> codes.DeviceCredential:
    """A fresh credential for a bound phone (the page asks whenever it is online)."""
    credential = _certify(session, device.member_id, device.device_key, at.date(), signing_key)
    device.credential_until = max(device.credential_until, credential.expires_on)
    return credential


def devices_of(session: Session, member_id: str) -> list[MemberDevice]:
    """The member's bound phones, oldest first (removed ones are not listed)."""
    return list(
        session.scalars(
            select(MemberDevice)
            .where(MemberDevice.member_id == member_id, MemberDevice.removed_at.is_(None))
            .order_by(MemberDevice.bound_at, MemberDevice.device_key)
            .limit(MAX_PHONES + 1)
        )
    )


def remove(session: Session, member_id: str, device_key: str, by: str, at: datetime) -> None:
    """Remove a member's phone: its requests are refused at once, its codes at every
    terminal from its next sync. Removing a removed phone again changes nothing."""
    device = session.get(MemberDevice, device_key) if _HEX64.match(device_key) else None
    if device is None or device.member_id != member_id:
        raise Refused(404, "unknown_phone", "This member has no such phone.")
    if device.removed_at is None:
        device.removed_at, device.removed_by = at, by


def removed_devices(session: Session, today: date) -> list[str]:
    """Removed phones whose credentials a terminal could still accept (hex keys)."""
    return list(
        session.scalars(
            select(MemberDevice.device_key)
            .where(
                MemberDevice.removed_at.is_not(None),
                MemberDevice.credential_until >= today - timedelta(days=1),
            )
            .order_by(MemberDevice.device_key)
        )
    )


# ---------------------------------------------------------------------- signed requests


@dataclass(frozen=True)
class SignedRequest:
    """What the page sends with every request (headers ``X-MD-Device``, ``X-MD-Time``,
    ``X-MD-Nonce``, ``X-MD-Signature``)."""

    device_key: str  # hex of the 32-byte Ed25519 public key
    time: str  # Unix seconds, the phone's clock (corrected by the ledger's time it saw)
    nonce: str
    signature: str  # hex of the 64-byte signature


def request_message(method: str, path: str, request: SignedRequest, body: bytes) -> bytes:
    digest = hashlib.sha256(body).hexdigest()
    return f"{REQUEST_PREFIX}|{method}|{path}|{request.time}|{request.nonce}|{digest}".encode()


def _unsigned(message: str) -> Refused:
    return Refused(401, "not_signed", message)


def check_signature(
    session: Session, request: SignedRequest, method: str, path: str, body: bytes, at: datetime
) -> None:
    """The request is signed by its device key, within the window, and not seen before."""
    if not _HEX64.match(request.device_key) or not _HEX128.match(request.signature):
        raise _unsigned("This request is not signed by a phone key.")
    if not _NONCE.match(request.nonce) or not request.time.isdigit() or len(request.time) > 12:
        raise _unsigned("This request is not signed by a phone key.")
    if abs(int(request.time) - int(at.timestamp())) > REQUEST_WINDOW_S:
        raise Refused(
            401,
            "stale_request",
            f"The phone's clock differs from the ledger's; ledger time {int(at.timestamp())}.",
        )
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(request.device_key)).verify(
            bytes.fromhex(request.signature), request_message(method, path, request, body)
        )
    except (InvalidSignature, ValueError):
        raise _unsigned("The request's signature is not valid.") from None
    session.execute(
        delete(DeviceNonce).where(
            DeviceNonce.device_key == request.device_key,
            DeviceNonce.at < at - timedelta(seconds=2 * REQUEST_WINDOW_S),
        )
    )
    if session.get(DeviceNonce, (request.device_key, request.nonce)) is not None:
        raise Refused(401, "replayed_request", "This request was already received.")
    session.add(DeviceNonce(device_key=request.device_key, nonce=request.nonce, at=at))
    try:
        session.flush()
    except IntegrityError:
        raise Refused(401, "replayed_request", "This request was already received.") from None


def bound_device(session: Session, device_key: str, at: datetime) -> MemberDevice:
    """The phone of a signed request; a removed or unknown phone is refused."""
    device = session.get(MemberDevice, device_key)
    if device is None:
        raise Refused(401, "phone_unknown", "This phone is not bound to a member.")
    if device.removed_at is not None:
        raise Refused(401, "phone_removed", "This phone was removed from the member's account.")
    device.last_seen_at = at
    return device

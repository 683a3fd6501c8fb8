"""The ledger's member-code keys: create, rotate, revoke, publish, and sign codes."""

from __future__ import annotations

import base64
from datetime import date, timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import codes
from sync.protocol import PublicKey
from sync.server.errors import Refused
from sync.server.models import Member, SigningKey

CREDENTIAL_DAYS = 30


def _now_key_id(session: Session) -> str:
    count = len(session.scalars(select(SigningKey.key_id)).all())
    return f"K{count + 1}"


def rotate(session: Session) -> str:
    """A new signing key; older keys stay valid for reading until revoked."""
    private = Ed25519PrivateKey.generate()
    key_id = _now_key_id(session)
    from sync.server.ledger import now_utc

    session.add(
        SigningKey(
            key_id=key_id,
            private_key=private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()),
            public_key=private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw),
            created_at=now_utc(),
            revoked_at=None,
        )
    )
    session.flush()
    return key_id


def ensure_key(session: Session) -> None:
    if _signing_key(session) is None:
        rotate(session)


def revoke(session: Session, key_id: str) -> None:
    from sync.server.ledger import now_utc

    key = session.get(SigningKey, key_id)
    if key is None:
        raise Refused(404, "unknown_key", f"There is no key {key_id!r}.")
    key.revoked_at = now_utc()


def _signing_key(session: Session) -> SigningKey | None:
    return session.scalar(
        select(SigningKey)
        .where(SigningKey.revoked_at.is_(None))
        .order_by(SigningKey.created_at.desc(), SigningKey.key_id.desc())
        .limit(1)
    )


def public_keys(session: Session) -> list[PublicKey]:
    return [
        PublicKey(
            key_id=k.key_id,
            public_key=base64.b64encode(k.public_key).decode(),
            revoked=k.revoked_at is not None,
        )
        for k in session.scalars(select(SigningKey).order_by(SigningKey.key_id))
    ]


def _signer(session: Session) -> tuple[str, Ed25519PrivateKey]:
    key = _signing_key(session)
    if key is None:
        raise Refused(
            409, "no_key", "The ledger has no signing key; run 'memberdesk-ledger keys rotate'."
        )
    return key.key_id, Ed25519PrivateKey.from_private_bytes(key.private_key)


def _active_member(session: Session, member_id: str) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise Refused(404, "unknown_member", f"No member {member_id!r} at the ledger.")
    if member.status != "active":
        raise Refused(409, "member_revoked", f"Member {member_id} is {member.status}.")
    return member


def card_code(session: Session, member_id: str) -> str:
    _active_member(session, member_id)
    key_id, private = _signer(session)
    return codes.card_code(private, key_id, member_id)


def device_credential(
    session: Session, member_id: str, device_public: bytes, today: date
) -> codes.DeviceCredential:
    _active_member(session, member_id)
    if len(device_public) != 32:
        raise Refused(422, "bad_device_key", "A device key is 32 bytes (Ed25519).")
    key_id, private = _signer(session)
    return codes.issue_credential(
        private, key_id, member_id, device_public, today + timedelta(days=CREDENTIAL_DAYS)
    )

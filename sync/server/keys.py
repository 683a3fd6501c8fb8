"""The ledger's member-code keys: create, rotate, revoke, publish, and sign codes."""

from __future__ import annotations

import base64
import binascii
import os
import stat
from collections.abc import Mapping
from datetime import date, timedelta
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
    load_pem_private_key,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import codes
from sync.protocol import PublicKey
from sync.server.errors import Refused
from sync.server.models import Member, SigningKey

CREDENTIAL_DAYS = 30
# The signing key kept outside the database, for operators who want that: a PEM file
# (PKCS#8, readable by the ledger's user only), or the base64 of the raw 32-byte key.
SIGNING_KEY_FILE_ENV = "MEMBERDESK_LEDGER_SIGNING_KEY_FILE"
SIGNING_KEY_ENV = "MEMBERDESK_LEDGER_SIGNING_KEY"


def _raw_public(private: Ed25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def write_key_file(path: Path) -> Ed25519PrivateKey:
    """A new signing key in a PEM file made with mode 0600 (an existing file is refused)."""
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise Refused(409, "key_file_exists", f"{path} exists; it is not overwritten.") from None
    except OSError as error:
        raise Refused(422, "key_file_unwritable", f"{path}: {error.strerror}") from None
    with os.fdopen(handle, "wb") as out:
        out.write(pem)
    return private


def load_outside_key(
    key_file: str | None, environ: Mapping[str, str] = os.environ
) -> Ed25519PrivateKey | None:
    """The signing key given from outside the database, if any: ``key_file`` (or
    ``$MEMBERDESK_LEDGER_SIGNING_KEY_FILE``), else ``$MEMBERDESK_LEDGER_SIGNING_KEY``.
    A key file that others may read, or a key that is not Ed25519, is refused."""
    key_file = key_file or environ.get(SIGNING_KEY_FILE_ENV) or None
    if key_file is not None:
        path = Path(key_file)
        try:
            mode = path.stat().st_mode
            data = path.read_bytes()
        except OSError as error:
            raise Refused(
                422, "signing_key_unreadable", f"signing key file {path}: {error.strerror}"
            ) from None
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise Refused(
                422,
                "signing_key_exposed",
                f"signing key file {path} can be read by other users (mode "
                f"{stat.S_IMODE(mode):04o}); run 'chmod 600 {path}'.",
            )
        try:
            private = load_pem_private_key(data, password=None)
        except (ValueError, TypeError):
            raise Refused(
                422, "signing_key_invalid", f"{path} is not an unencrypted PEM private key."
            ) from None
        if not isinstance(private, Ed25519PrivateKey):
            raise Refused(422, "signing_key_invalid", f"{path} is not an Ed25519 key.")
        return private
    text = environ.get(SIGNING_KEY_ENV)
    if not text:
        return None
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise Refused(
            422,
            "signing_key_invalid",
            f"${SIGNING_KEY_ENV} must be the base64 of a 32-byte Ed25519 private key.",
        )
    return Ed25519PrivateKey.from_private_bytes(raw)


def adopt_outside_key(session: Session, private: Ed25519PrivateKey) -> str:
    """Make the key given from outside the signing key: recorded by its public half only
    (a new key id the first time, as a rotation would), and no private half is left in the
    database (older keys keep verifying codes they signed)."""
    from sync.server.ledger import now_utc

    public = _raw_public(private)
    row = session.scalar(select(SigningKey).where(SigningKey.public_key == public))
    if row is not None and row.revoked_at is not None:
        raise Refused(409, "signing_key_revoked", f"The key given is {row.key_id}, revoked.")
    if row is None:
        row = SigningKey(
            key_id=_now_key_id(session),
            private_key=None,
            public_key=public,
            created_at=now_utc(),
            revoked_at=None,
        )
        session.add(row)
    row.private_key = None
    for other in session.scalars(select(SigningKey).where(SigningKey.key_id != row.key_id)):
        other.private_key = None
    session.flush()
    return row.key_id


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


def ensure_key(session: Session, outside: Ed25519PrivateKey | None = None) -> None:
    if outside is not None:
        adopt_outside_key(session, outside)
    elif _signing_key(session) is None:
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


def _signer(
    session: Session, outside: Ed25519PrivateKey | None = None
) -> tuple[str, Ed25519PrivateKey]:
    if outside is not None:
        given = session.scalar(
            select(SigningKey).where(
                SigningKey.public_key == _raw_public(outside), SigningKey.revoked_at.is_(None)
            )
        )
        if given is not None:
            return given.key_id, outside
    key = _signing_key(session)
    if key is None:
        raise Refused(
            409, "no_key", "The ledger has no signing key; run 'memberdesk-ledger keys rotate'."
        )
    if key.private_key is not None:
        return key.key_id, Ed25519PrivateKey.from_private_bytes(key.private_key)
    raise Refused(
        409,
        "no_key",
        f"The signing key {key.key_id} is kept outside the database and was not given: set "
        f"${SIGNING_KEY_FILE_ENV} (or ${SIGNING_KEY_ENV}), or run 'memberdesk-ledger keys "
        "rotate' to make a new key in the database.",
    )


def active_member(session: Session, member_id: str) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise Refused(404, "unknown_member", f"No member {member_id!r} at the ledger.")
    if member.status != "active":
        raise Refused(409, "member_revoked", f"Member {member_id} is {member.status}.")
    return member


def card_code(session: Session, member_id: str, outside: Ed25519PrivateKey | None = None) -> str:
    active_member(session, member_id)
    key_id, private = _signer(session, outside)
    return codes.card_code(private, key_id, member_id)


def device_credential(
    session: Session,
    member_id: str,
    device_public: bytes,
    today: date,
    outside: Ed25519PrivateKey | None = None,
) -> codes.DeviceCredential:
    active_member(session, member_id)
    if len(device_public) != 32:
        raise Refused(422, "bad_device_key", "A device key is 32 bytes (Ed25519).")
    key_id, private = _signer(session, outside)
    return codes.issue_credential(
        private, key_id, member_id, device_public, today + timedelta(days=CREDENTIAL_DAYS)
    )

"""Scanned member codes: verified offline against the key set the ledger last sent, a phone
code's step taken once, and the member check a card code needs before a large redemption.

A scan is either a member code (``MD1C…`` card, ``MD1D…`` phone; see docs/member-codes.md) or
what a person typed: a member number or a phone number.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import codes
from app.domain.errors import InvalidInput, MemberDeskError, UnknownMember
from app.domain.event_kinds import CodeAccepted
from app.services.common import find_member_id
from app.services.context import ServiceContext
from app.services.staff import pin_matches
from app.store.cardread import raw_read
from app.store.codestore import CodeMember, device_removed, read_keys, read_member
from app.store.models import AcceptedCodeStep, CodeKey, Member, RemovedDevice
from app.store.outbox import append_event

log = logging.getLogger(__name__)

TYPED = "typed"
CARD_CODE = "card_code"
PHONE_CODE = "phone_code"
CODE_ACCEPTED = "code_accepted"
# Member numbers and phone numbers are short and plain; anything else is read as a code, so a
# damaged code gets the code's own message rather than "no such member".
TYPED_MAX = 20
MEMBER_CHECK_DIGITS = 4


@dataclass(frozen=True)
class ScannedMember:
    """Who a scan or a typed entry names, and how: ``typed``, ``card_code`` or ``phone_code``."""

    member_id: str
    via: str
    step: int | None = None


@dataclass(frozen=True)
class MemberCheck:
    """How the member at the counter was identified, and what they answered when asked for
    their PIN or the last digits of their phone (a card code above the rule book's threshold)."""

    via: str = TYPED
    answer: str | None = None


class MemberCheckNeeded(MemberDeskError):
    code = "member_check_needed"


class MemberCheckFailed(MemberDeskError):
    code = "member_check_failed"


@dataclass(frozen=True)
class PublishedKey:
    key_id: str
    public_key: bytes
    revoked: bool


def looks_like_code(text: str) -> bool:
    stripped = text.strip()
    return (
        len(stripped) > TYPED_MAX
        or "." in stripped
        or stripped.upper().startswith("MD1")
        or not text.isprintable()
    )


def _read(ctx: ServiceContext, text: str) -> tuple[codes.MemberCode, CodeMember]:
    """Parse and verify ``text`` and read its member, in one read transaction."""
    with raw_read(ctx.database.reader) as connection:
        keys = read_keys(connection)
        parts = text.strip().split(".")
        if len(parts) > 1 and parts[1] in keys.revoked:
            raise codes.CodeRevoked(
                "This code was signed with a key the ledger has withdrawn; ask the member for a "
                "new code, or type their number."
            )
        code = codes.read_code(text, keys.live, now=ctx.now())
        if isinstance(code, codes.DynamicCode) and device_removed(connection, code.device_key):
            raise codes.CodeRevoked(
                "This phone was removed from the member's account; do not accept its code. "
                "Serve the member by phone number, or bind their phone again."
            )
        step = code.step if isinstance(code, codes.DynamicCode) else None
        member = read_member(connection, code.member_id, step)
    if member is None:
        raise UnknownMember(
            f"The code is genuine, but member {code.member_id} is not on this terminal yet. "
            "Sync the terminal, or type the member's phone number.",
            query=code.member_id,
        )
    if member.status not in ("active", codes.CODES_REVOKED):
        raise UnknownMember(
            f"Member {code.member_id} is {member.status}; send the customer to the service desk.",
            query=code.member_id,
        )
    if member.status == codes.CODES_REVOKED:
        raise codes.CodeRevoked(
            "This member's codes were withdrawn (a lost card or phone); do not accept this "
            "code. Serve the member by phone number, or send them to the service desk for a "
            "new card."
        )
    if member.step_taken:
        raise _replayed()
    return code, member


def _replayed() -> codes.CodeReplayed:
    return codes.CodeReplayed(
        "This phone code was already used here (a screenshot?); ask the member to show the "
        "live code."
    )


def verify(ctx: ServiceContext, text: str) -> ScannedMember:
    """Check a code without taking it (``memberdesk code verify``): nothing is written."""
    code, member = _read(ctx, text)
    if isinstance(code, codes.DynamicCode):
        return ScannedMember(member.member_id, PHONE_CODE, code.step)
    return ScannedMember(member.member_id, CARD_CODE)


def scan(ctx: ServiceContext, text: str) -> ScannedMember:
    """The member a scan or typed entry names. A phone code's step is taken here, once: the
    same step again is refused, and the ledger hears of it to catch a copy used elsewhere."""
    if not looks_like_code(text):
        with ctx.read() as session:
            return ScannedMember(_typed_member_id(session, text), TYPED)
    # Codes are upper case only; a scanner with Caps Lock on sends them in lower case.
    text = text.upper()
    try:
        code, member = _read(ctx, text)
        if isinstance(code, codes.CardCode):
            return ScannedMember(member.member_id, CARD_CODE)
        with ctx.write() as session:
            # Checked again under the write lock: two scans of one code at once take it once.
            if session.get(AcceptedCodeStep, (member.member_id, code.step)) is not None:
                raise _replayed()
            now = ctx.now()
            session.add(
                AcceptedCodeStep(member_id=member.member_id, step=code.step, accepted_at=now)
            )
            append_event(
                session,
                CodeAccepted(member_id=member.member_id, step=code.step, key_id=code.key_id),
                request_id=f"code-{member.member_id}-{code.step}",
                member_id=member.member_id,
                now=now,
                zone=ctx.timezone,
            )
        return ScannedMember(member.member_id, PHONE_CODE, code.step)
    except MemberDeskError as error:
        # The scan itself is never logged: a code identifies a member.
        log.warning("scan refused: %s (%d characters)", error.code, len(text))
        raise


def _typed_member_id(session: Session, text: str) -> str:
    """A typed member number or phone; member numbers are upper case, so 'mt010000150' (a
    scanner with Caps Lock on, or a hurried cashier) finds MT010000150."""
    try:
        return find_member_id(session, text)
    except UnknownMember:
        upper = text.strip().upper()
        if upper == text.strip():
            raise
        try:
            return find_member_id(session, upper)
        except UnknownMember:
            pass
        raise


def install_removed_devices(session: Session, device_keys: Iterable[str]) -> None:
    """Replace the set of removed phones with the ledger's whole set (hex device keys)."""
    wanted = set(device_keys)
    for row in session.scalars(select(RemovedDevice)):
        if row.device_key not in wanted:
            session.delete(row)
        else:
            wanted.discard(row.device_key)
    session.add_all(RemovedDevice(device_key=k) for k in sorted(wanted))


def install_keys(session: Session, keys: Iterable[PublishedKey], now: datetime) -> None:
    """Replace the key set with the ledger's whole set (a checkpoint carries all of it)."""
    wanted = {k.key_id: k for k in keys}
    for row in session.scalars(select(CodeKey)):
        if row.key_id not in wanted:
            session.delete(row)
    for key in wanted.values():
        existing = session.get(CodeKey, key.key_id)
        encoded = base64.b64encode(key.public_key).decode("ascii")
        if existing is None:
            session.add(
                CodeKey(key_id=key.key_id, public_key=encoded, revoked=key.revoked, received_at=now)
            )
        else:
            existing.public_key, existing.revoked = encoded, key.revoked


def decode_removed_devices(device_keys: Iterable[str]) -> list[str]:
    """The ledger's removed phones, each the hex of a 32-byte key (anything else refused)."""
    found = []
    for key in device_keys:
        if len(key) != 64 or any(c not in "0123456789abcdef" for c in key):
            raise InvalidInput("A removed phone's key is not 64 hex digits.", field="removed")
        found.append(key)
    return found


def decode_key(key_id: str, public_key_b64: str, revoked: bool) -> PublishedKey:
    try:
        raw = base64.b64decode(public_key_b64, validate=True)
    except (binascii.Error, ValueError):
        raise InvalidInput(f"Key {key_id}: not base64.", field="keys") from None
    if len(raw) != 32:
        raise InvalidInput(f"Key {key_id}: an Ed25519 key has 32 bytes.", field="keys")
    return PublishedKey(key_id, raw, revoked)


def _answer_matches(member: Member, answer: str) -> bool:
    expected = member.phone[-MEMBER_CHECK_DIGITS:]
    phone_ok = hmac.compare_digest(answer.encode(), expected.encode())
    return phone_ok or (member.pin_hash is not None and pin_matches(answer, member.pin_hash))


def answer_matches(ctx: ServiceContext, member_id: str, answer: str) -> bool:
    """Whether ``answer`` (the phone's last digits, or the member's PIN) proves the member."""
    with ctx.read() as session:
        member = session.get(Member, member_id)
        return member is not None and _answer_matches(member, answer.strip())


def require_member_check(
    ctx: ServiceContext, member_id: str, points: int, check: MemberCheck | None
) -> None:
    """A card code proves a member number, not the member: above the threshold, ask for the
    last digits of their phone (or their PIN, if they set one). Phone codes and typed numbers
    need nothing more, and read nothing."""
    rules = ctx.rules
    if (
        check is None
        or check.via != CARD_CODE
        or points <= rules.offline.card_code_pin_threshold_points
    ):
        return
    answer = (check.answer or "").strip()
    if not answer:
        raise MemberCheckNeeded(
            f"Using more than {rules.offline.card_code_pin_threshold_points} points with a printed "
            f"card: ask the member for the last {MEMBER_CHECK_DIGITS} digits of their phone "
            "(or their PIN).",
            points=points,
        )
    if not answer_matches(ctx, member_id, answer):
        raise MemberCheckFailed(
            "Those digits do not match the member's phone; nothing was redeemed. Ask again, or "
            "send the member to the service desk.",
        )

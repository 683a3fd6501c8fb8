"""Find a member at the counter without their code: by the beginning of the name, the whole
phone number, the phone's last 4 digits or the member number; and the members this counter
served last. Every query is bounded and reads an index (migration 0010)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput
from app.services.common import SERVED_STATUSES, clean_phone, mask_phone
from app.services.context import ServiceContext
from app.store.models import AuditEntry, Member

MAX_RESULTS = 20
RECENT_MEMBERS = 10
# How far back the audit log is read for recent members: bounded whatever its size.
RECENT_SCAN_ROWS = 400
MAX_QUERY = 80


@dataclass(frozen=True)
class MemberHit:
    """One line of a results list: enough to pick the right person, not to read them out."""

    member_id: str
    name: str
    phone: str  # masked: 139****1234


def _hit(member: Member) -> MemberHit:
    return MemberHit(member.member_id, member.name, mask_phone(member.phone))


def _ascii_lower(text: str) -> str:
    """Lower case as SQLite's lower() makes it (ASCII only), so the range matches the index."""
    return "".join(c.lower() if c.isascii() else c for c in text)


def search_members(ctx: ServiceContext, query: str, limit: int = MAX_RESULTS) -> list[MemberHit]:
    """Members whose name begins with ``query`` (any case), whose phone ends with it (4
    digits) or is it, or whose member number it is; at most ``limit``, by name."""
    text = " ".join(query.split())
    if not text or len(text) > MAX_QUERY:
        raise InvalidInput(
            f"Type 1 to {MAX_QUERY} characters: a name, a phone or its last 4 digits.",
            field="query",
            kind="search",
        )
    limit = max(1, min(limit, MAX_RESULTS))
    served = Member.status.in_(SERVED_STATUSES)
    with ctx.read() as session:
        found: dict[str, Member] = {}
        by_id = session.get(Member, text.upper()) or session.get(Member, text)
        if by_id is not None and by_id.status in SERVED_STATUSES:
            found[by_id.member_id] = by_id
        digits = _digits(text)
        if digits is not None and len(digits) == 4:
            rows = session.scalars(
                select(Member)
                .where(func.substr(Member.phone, -4) == digits, served)
                .order_by(Member.name, Member.member_id)
                .limit(limit)
            )
            found.update((m.member_id, m) for m in rows)
        elif digits is not None:
            found.update((m.member_id, m) for m in _by_phone(session, text))
        else:
            prefix = _ascii_lower(text)
            # [prefix, prefix + the highest character): a range scan of the name index
            rows = session.scalars(
                select(Member)
                .where(
                    func.lower(Member.name) >= prefix,
                    func.lower(Member.name) < prefix + "\U0010ffff",
                    served,
                )
                .order_by(func.lower(Member.name), Member.member_id)
                .limit(limit)
            )
            found.update((m.member_id, m) for m in rows)
        return [_hit(m) for m in list(found.values())[:limit]]


def _digits(text: str) -> str | None:
    """The digits of a phone as typed ('+86 139…', full-width), or None for a name."""
    bare = text.replace(" ", "").replace("-", "").lstrip("+")
    normal = "".join(str(int(c)) if c.isdigit() else c for c in bare)
    return normal if normal.isascii() and normal.isdigit() else None


def _by_phone(session: Session, text: str) -> list[Member]:
    try:
        phone = clean_phone(text)
    except InvalidInput:
        return []
    member = session.scalar(select(Member).where(Member.phone == phone))
    return [member] if member is not None and member.status in SERVED_STATUSES else []


def recent_members(ctx: ServiceContext, limit: int = RECENT_MEMBERS) -> list[MemberHit]:
    """The members this counter served last (sale, redemption, refund, enrollment, PLUS…),
    newest first, from the tail of its audit log."""
    with ctx.read() as session:
        ids = session.scalars(
            select(AuditEntry.member_id)
            .where(AuditEntry.member_id.is_not(None))
            .order_by(AuditEntry.audit_id.desc())
            .limit(RECENT_SCAN_ROWS)
        ).all()
        order: list[str] = []
        for member_id in ids:
            if member_id is not None and member_id not in order:
                order.append(member_id)
            if len(order) == limit:
                break
        members = {
            m.member_id: m
            for m in session.scalars(
                select(Member).where(
                    Member.member_id.in_(order), Member.status.in_(SERVED_STATUSES)
                )
            )
        }
        return [_hit(members[i]) for i in order if i in members]

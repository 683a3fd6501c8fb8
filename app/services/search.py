"""Find a member at the counter without their code: by the beginning of the name, the whole
phone number, the phone's last 4 digits or the member number; and the members this counter
served last. Every query is bounded and reads an index (migration 0010)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, literal_column, select

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


_COLUMNS = (Member.member_id, Member.name, Member.phone)


def _hits(rows: Iterable[Any]) -> list[MemberHit]:
    """Plain rows to hits (no ORM objects: the search runs while the cashier waits)."""
    return [MemberHit(member_id, name, mask_phone(phone)) for member_id, name, phone in rows]


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
        # a member number as typed or in capitals (one primary-key read)
        found = _hits(
            session.execute(
                select(*_COLUMNS).where(Member.member_id.in_({text, text.upper()}), served)
            )
        )
        digits = _digits(text)
        if digits is not None and len(digits) == 4:
            statement = by_last_digits(digits)
        elif digits is not None:
            statement = select(*_COLUMNS).where(Member.phone == _phone(text), served)
        else:
            statement = by_name_prefix(text)
        seen = {hit.member_id for hit in found}
        found += [
            h for h in _hits(session.execute(statement.limit(limit))) if h.member_id not in seen
        ]
        return found[:limit]


# The index's own expression, written out: a bound -4 would not match it (a full scan).
_last4 = func.substr(Member.phone, literal_column("-4"))


def by_last_digits(digits: str) -> Select[str, str, str]:
    """Members whose phone ends with ``digits`` (4), by name: ix_members_phone_last4."""
    return (
        select(*_COLUMNS)
        .where(_last4 == digits, Member.status.in_(SERVED_STATUSES))
        .order_by(Member.name, Member.member_id)
    )


def by_name_prefix(text: str) -> Select[str, str, str]:
    """Members whose name begins with ``text`` in any (ASCII) case: ix_members_name_lower,
    as the range [prefix, prefix + the highest character)."""
    prefix = _ascii_lower(text)
    return (
        select(*_COLUMNS)
        .where(
            func.lower(Member.name) >= prefix,
            func.lower(Member.name) < prefix + "\U0010ffff",
            Member.status.in_(SERVED_STATUSES),
        )
        .order_by(func.lower(Member.name), Member.member_id)
    )


def _digits(text: str) -> str | None:
    """The digits of a phone as typed ('+86 139…', full-width), or None for a name."""
    bare = text.replace(" ", "").replace("-", "").lstrip("+")
    # decimal digits of any script become 0-9 ('¹' is a digit but no decimal: not a phone)
    normal = "".join(str(int(c)) if c.isdecimal() else c for c in bare)
    return normal if normal.isascii() and normal.isdigit() else None


def _phone(text: str) -> str:
    """The stored form of a phone as typed; '' (matching nobody) for one that is none."""
    try:
        return clean_phone(text)
    except InvalidInput:
        return ""


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
        hits = {
            hit.member_id: hit
            for hit in _hits(
                session.execute(
                    select(*_COLUMNS).where(
                        Member.member_id.in_(order), Member.status.in_(SERVED_STATUSES)
                    )
                )
            )
        }
        return [hits[i] for i in order if i in hits]

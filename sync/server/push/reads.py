"""What a group reads before it decides: the events the ledger already has, the rule books,
and the members it names, locked."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.domain.rulebook import RuleBook
from sync.protocol import WireEvent
from sync.server.ledger import (
    parsed_rule_book,
    rule_book,
)
from sync.server.push.fields import Rejection
from sync.server.push.state import EVENTS, LOTS, MEMBERS, RULE_BOOKS, Batch, MemberState, Stored
from sync.server.push.writer import JsonWriter, Writer, write_position


def lock_members(
    batch: Batch, payloads: list[dict[str, Any] | Rejection]
) -> dict[str, MemberState | None]:
    """Write the group's events and the terminals' positions, then lock every member the
    group names, in member id order, before any balance is read: two groups crediting one
    member at once must not both add to the same old balance."""
    session = batch.session
    ids: set[str] = set()
    for payload in payloads:
        if isinstance(payload, dict) and payload.get("member_id"):
            ids.add(str(payload["member_id"]))
    members: dict[str, MemberState | None] = dict.fromkeys(ids)
    ordered = sorted(ids)
    if session.get_bind().dialect.name == "postgresql":
        return members | _lock_members_pg(batch, ordered)
    write_position(batch, Writer(session))
    if not ids:
        return members
    rows = session.execute(
        select(MEMBERS)
        .where(MEMBERS.c.member_id.in_(ordered))
        .order_by(MEMBERS.c.member_id)
        .with_for_update()
    ).mappings()
    found = {row["member_id"]: dict(row) for row in rows}
    lots: dict[str, dict[date, int]] = {member_id: {} for member_id in found}
    for member_id, expires_on, remaining in session.execute(
        select(LOTS.c.member_id, LOTS.c.expires_on, LOTS.c.remaining).where(
            LOTS.c.member_id.in_(sorted(found))
        )
    ):
        lots[member_id][expires_on] = int(remaining)
    for member_id, row in found.items():
        members[member_id] = MemberState.of(row, lots[member_id], new=False)
    return members


def _lock_members_pg(batch: Batch, ordered: list[str]) -> dict[str, MemberState | None]:
    """The group's events and the terminals' positions written, the members locked and their
    lots read, with one round trip (a pipeline of the statements). The lots are read by a
    statement of their own, so that it sees what a group that held a lock committed while
    this one waited for it."""
    session = batch.session
    dbapi = session.connection().connection.dbapi_connection
    assert dbapi is not None
    names = [c.name for c in MEMBERS.c]
    with dbapi.pipeline():
        write_position(batch, JsonWriter(session))
        if not ordered:
            return {}
        locked = dbapi.cursor()
        locked.execute(
            f"SELECT {', '.join(names)} FROM members WHERE member_id = ANY(%s) "  # noqa: S608
            "ORDER BY member_id FOR UPDATE",
            [ordered],
        )
        lots = dbapi.cursor()
        lots.execute(
            "SELECT member_id, expires_on, remaining FROM lots WHERE member_id = ANY(%s)",
            [ordered],
        )
    members: dict[str, MemberState | None] = {}
    for row in locked.fetchall():
        fields = dict(zip(names, row, strict=True))
        members[fields["member_id"]] = MemberState.of(fields, {}, new=False)
    for member_id, expires_on, remaining in lots.fetchall():
        member = members.get(member_id)
        if member is not None:
            member.lots[expires_on] = member.stored_lots[expires_on] = int(remaining)
    return members


def stored_events(session: Session, events: list[WireEvent]) -> dict[str, Stored]:
    if not events:
        return {}
    rows = session.execute(
        select(EVENTS).where(EVENTS.c.event_id.in_([event.event_id for event in events]))
    ).mappings()
    return {row["event_id"]: Stored(**row) for row in rows}


def rule_books(
    session: Session, events: list[WireEvent], payloads: list[dict[str, Any] | Rejection]
) -> dict[int | None, RuleBook | None]:
    """The latest rule book and each one the batch's purchases name."""
    versions: set[int] = set()
    for event, payload in zip(events, payloads, strict=True):
        if event.kind == "purchase" and isinstance(payload, dict):
            version = payload.get("rule_book_version", 0)
            if isinstance(version, int) and not isinstance(version, bool) and version >= 0:
                versions.add(version)
    if session.get_bind().dialect.name != "postgresql":
        rules: dict[int | None, RuleBook | None] = {None: rule_book(session)}
        for version in sorted(versions):
            if version not in rules:
                rules[version] = rule_book(session, version)
        return rules
    # PostgreSQL: one round trip that names the books (version, md5 of the body); a body is
    # read and parsed only the first time this process sees it (ledger.rule_book's cache).
    latest = select(func.max(RULE_BOOKS.c.version)).scalar_subquery()
    found: dict[int, RuleBook] = {}
    for version, digest in session.execute(
        select(RULE_BOOKS.c.version, func.md5(RULE_BOOKS.c.body)).where(
            or_(RULE_BOOKS.c.version.in_(sorted(versions)), RULE_BOOKS.c.version == latest)
        )
    ):
        book = parsed_rule_book(int(version), str(digest)) or rule_book(session, version)
        if book is not None:  # None: deleted since; not expected
            found[version] = book
    rules = {None: found[max(found)] if found else None}
    for version in versions:
        rules.setdefault(version, found.get(version))
    return rules

"""Everything the member card shows, read in a handful of prebuilt statements.

The card is the counter's hot path (DESIGN.md, "How we measure": a member lookup against a bare
primary-key read), so it skips the ORM: one read transaction on the reader engine's pooled
DBAPI connection, plain SQL against the indexes the models declare, and small frozen facts
for ``app.services.members`` to turn into a card. The member's profile is their day buckets of
the last 365 days (``app.store.profiledays``), never a scan of their purchases. The award reads
the member's window with the same statements on its own write transaction's connection
(``raw_connection``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.domain.profile import Window
from app.store.journal import PointsSummary
from app.store.profiledays import read_window, spend_since

# The member with their cached overdraft, by id or by phone (both unique, both indexed).
_MEMBER = (
    "SELECT m.member_id, m.phone, m.name, m.birthday, m.enrolled_on, m.real_name_verified, "
    "m.credit_score, m.risk_flags, m.reviews, m.referrals, m.plus_expires_on, m.status, "
    "m.ledger_growth, b.open_overdraft FROM members m "
    "LEFT JOIN balances b ON b.member_id = m.member_id "
)
_MEMBER_BY_ID = _MEMBER + "WHERE m.member_id = ?"
_MEMBER_BY_PHONE = _MEMBER + "WHERE m.phone = ?"
# The same figures as ``journal.points_summary`` (?1 today, ?2 horizon, ?3 member), from the
# member's lots added up by expiry day (``lot_days``, kept by triggers on ``lot_balances``):
# a few rows, however many lots the member earned. 9999-12-31 is "never expires".
_POINTS = (
    "SELECT COALESCE(SUM(CASE WHEN expires_on >= ?1 THEN remaining ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN expires_on >= ?1 AND expires_on <= ?2 THEN remaining ELSE 0 END), 0), "
    "MIN(CASE WHEN expires_on >= ?1 AND expires_on <= ?2 THEN expires_on END) "
    "FROM lot_days WHERE member_id = ?3 AND remaining > 0"
)
# Coupons the member holds today and has not used (or got back by a full refund), here or,
# as far as the ledger knew at the last checkpoint, at any counter.
_COUPONS = (
    "SELECT c.coupon_code, c.template_code, c.valid_until FROM coupons c "
    "WHERE c.member_id = ?1 AND c.valid_until >= ?2 AND c.valid_from <= ?2 "
    "AND NOT c.ledger_used "
    "AND (SELECT COUNT(u.use_id) FROM coupon_uses u WHERE u.coupon_code = c.coupon_code) "
    "<= (SELECT COUNT(r.return_id) FROM coupon_returns r WHERE r.coupon_code = c.coupon_code) "
    "ORDER BY c.valid_until"
)
# The waiting events' partial index, by name: the planner would take the member's events by
# seq (``ix_outbox_member_seq``) and read the member's whole history.
_PENDING_EVENTS = (
    "SELECT COUNT(seq) FROM outbox INDEXED BY ix_outbox_pending "
    "WHERE member_id = ? AND acked_at IS NULL"
)


@dataclass(frozen=True, slots=True)
class MemberFacts:
    member_id: str
    phone: str
    name: str
    birthday: date | None
    enrolled_on: date
    real_name_verified: bool
    credit_score: int
    risk_flags: int
    reviews: int
    referrals: int
    plus_expires_on: date | None
    status: str
    ledger_growth: int | None
    open_overdraft: int  # 0 when the member has no balance row


@dataclass(frozen=True, slots=True)
class CardFacts:
    member: MemberFacts
    points: PointsSummary
    window: Window  # the member's buckets of the last 365 days, folded
    coupons: tuple[tuple[str, str, date], ...]  # (code, template, valid until), soonest first
    pending_events: int
    # net spend per category since the start of the member's PLUS term (none: no PLUS)
    term_spend: Mapping[str, int] = field(default_factory=dict)


# The first day of a member's running PLUS term, or None (the rule book's, from the service).
TermStart = Callable[[MemberFacts], date | None]


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def _member(row: tuple[Any, ...]) -> MemberFacts:
    return MemberFacts(
        member_id=row[0],
        phone=row[1],
        name=row[2],
        birthday=_day(row[3]),
        enrolled_on=cast(date, _day(row[4])),
        real_name_verified=bool(row[5]),
        credit_score=row[6],
        risk_flags=row[7],
        reviews=row[8],
        referrals=row[9],
        plus_expires_on=_day(row[10]),
        status=row[11],
        ledger_growth=row[12],
        open_overdraft=row[13] or 0,
    )


def find_member(
    connection: sqlite3.Connection, member_id: str, phone: str | None
) -> MemberFacts | None:
    """The member whose id is ``member_id``, else the one whose phone is ``phone``."""
    row = connection.execute(_MEMBER_BY_ID, (member_id,)).fetchone()
    if row is None and phone is not None:
        row = connection.execute(_MEMBER_BY_PHONE, (phone,)).fetchone()
    return None if row is None else _member(row)


def read_points(
    connection: sqlite3.Connection, member_id: str, today: date, horizon: date
) -> PointsSummary:
    spendable, expiring, first = connection.execute(
        _POINTS, (today.isoformat(), horizon.isoformat(), member_id)
    ).fetchone()
    return PointsSummary(int(spendable), int(expiring), _day(first))


def read_card_in(
    connection: sqlite3.Connection,
    member_id: str,
    phone: str | None,
    *,
    today: date,
    horizon: date,
    term_start: TermStart | None = None,
) -> CardFacts | None:
    """Everything the card shows, inside the caller's transaction; None when no member
    matches ``member_id`` (or, failing that, ``phone``)."""
    member = find_member(connection, member_id, phone)
    if member is None:
        return None
    found = member.member_id
    points = read_points(connection, found, today, horizon)
    window = read_window(connection, found, today)
    coupons = tuple(
        (code, template, cast(date, _day(until)))
        for code, template, until in connection.execute(_COUPONS, (found, today.isoformat()))
    )
    (pending,) = connection.execute(_PENDING_EVENTS, (found,)).fetchone()
    since = term_start(member) if term_start is not None else None
    term = spend_since(connection, found, since) if since is not None else {}
    return CardFacts(member, points, window, coupons, int(pending or 0), term)


def read_card(
    engine: Engine,
    member_id: str,
    phone: str | None,
    *,
    today: date,
    horizon: date,
    term_start: TermStart | None = None,
) -> CardFacts | None:
    """``read_card_in`` in one read transaction on a pooled connection of ``engine``."""
    with raw_read(engine) as connection:
        return read_card_in(
            connection, member_id, phone, today=today, horizon=horizon, term_start=term_start
        )


@contextmanager
def raw_read(engine: Engine) -> Iterator[sqlite3.Connection]:
    """One read transaction on a pooled DBAPI connection: the hot reads skip the ORM."""
    pooled = engine.raw_connection()
    try:
        connection = cast(sqlite3.Connection, pooled.driver_connection)
        connection.execute("BEGIN")
        try:
            yield connection
        finally:
            connection.execute("COMMIT")
    finally:
        pooled.close()  # back to the pool


def raw_connection(session: Session) -> sqlite3.Connection:
    """The DBAPI connection under ``session``'s transaction (begun if it was not)."""
    return cast(sqlite3.Connection, session.connection().connection.driver_connection)

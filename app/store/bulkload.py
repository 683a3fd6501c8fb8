"""Members new to this terminal, written in bulk: a snapshot page of thousands of members in
a handful of ``executemany`` statements instead of an ORM unit of work per member.

The rows are exactly the ones the per-member path writes for a member the terminal does not
have yet (``app.services.replica._upsert_member``, then ``Posting.credit`` or ``.debit``):

- ``members``: the ledger's fields, the local-only ones at their defaults;
- ``balances``: the correction as the balance, its negative part as the open overdraft;
- a correction above zero: one ``is_lot`` journal entry (a lot) and its ``lot_balances`` row;
- a correction below zero: one ``overdraft`` journal entry (the member has no lot to take from).

Values are written in the forms the SQLAlchemy types of ``app.store.models`` store (dates as
ISO text, aware times as UTC ISO text with microseconds, booleans as 0/1); tests compare both
paths table by table and run ``journal verify`` on the result.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import closing
from datetime import UTC, date, datetime
from typing import Any, NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.points import opening_entry
from app.store.models import JournalEntry

OVERDRAFT_KIND = "overdraft"  # what Posting.debit names a shortfall


class NewMember(NamedTuple):  # a tuple: made a million times in a bootstrap
    member_id: str
    phone: str
    name: str
    birthday: date | None
    enrolled_on: date
    home_store: str
    plus_expires_on: date | None
    status: str
    ledger_growth: int
    correction: int  # points to post: > 0 a new lot, < 0 an overdraft, 0 nothing
    lot_expires_on: date | None  # the new lot's expiry (correction > 0)


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


_MEMBERS = (
    "INSERT INTO members (member_id, phone, name, birthday, enrolled_on, home_store, "
    "marketing_consent, real_name_verified, credit_score, risk_flags, reviews, referrals, "
    "plus_expires_on, pin_hash, status, ledger_growth) VALUES ",
    "(?, ?, ?, ?, ?, ?, 0, 0, 60, 0, 0, 0, ?, NULL, ?, ?)",
)
_BALANCES = ("INSERT INTO balances (member_id, points, open_overdraft) VALUES ", "(?, ?, ?)")
_JOURNAL = (
    "INSERT INTO journal (entry_id, member_id, kind, points, lot_id, expires_on, is_lot, "
    "request_id, receipt_no, event_seq, created_at, note) VALUES ",
    "(?, ?, ?, ?, NULL, ?, ?, ?, NULL, ?, ?, ?)",
)
_LOTS = (
    "INSERT INTO lot_balances (lot_id, member_id, expires_on, remaining) VALUES ",
    "(?, ?, ?, ?)",
)
MAX_VARIABLES = 999  # per statement: SQLite's limit before 3.32 (later ones allow more)


def _insert(cursor: Any, statement: tuple[str, str], width: int, values: list[Any]) -> None:
    """Insert rows of ``width`` values (``values`` flat) with multi-row INSERTs: one SQLite
    step for a hundred rows, where executemany takes one (and a GIL round trip) per row."""
    head, row = statement
    per = MAX_VARIABLES // width * width  # values per full statement
    full = head + ", ".join([row] * (per // width))
    for start in range(0, len(values), per):
        chunk = values[start : start + per]
        sql = full if len(chunk) == per else head + ", ".join([row] * (len(chunk) // width))
        cursor.execute(sql, chunk)


_IN_CHUNK = 500  # values per IN (...): below SQLite's oldest limit of 999 variables


def members_absent(session: Session, members: Sequence[NewMember]) -> bool:
    """True when none of these member ids or phones is here yet, nor twice among them."""
    ids = [m.member_id for m in members]
    phones = [m.phone for m in members]
    if len(set(ids)) != len(ids) or len(set(phones)) != len(phones):
        return False
    connection = session.connection()
    for column, values in (("member_id", ids), ("phone", phones)):
        for start in range(0, len(values), _IN_CHUNK):
            chunk = values[start : start + _IN_CHUNK]
            marks = ", ".join("?" * len(chunk))
            found = connection.exec_driver_sql(
                f"SELECT 1 FROM members WHERE {column} IN ({marks}) LIMIT 1",  # noqa: S608
                tuple(chunk),
            ).first()
            if found is not None:
                return False
    return True


def insert_new_members(
    session: Session,
    members: Sequence[NewMember],
    *,
    kind: str,
    request_id: str,
    event_seq: int | None,
    now: datetime,
    note: str,
) -> int:
    """Write members that are not here yet (``members_absent``) with their corrections, in
    the caller's transaction. ``event_seq`` names the event of the corrections (needed when
    any is not zero). Returns how many members got a journal entry."""
    if now.tzinfo is None:
        raise ValueError("naive datetime: the store keeps time zones explicit")
    session.flush()
    # The session's own connection (its transaction), driven directly: these statements
    # carry only driver-level values, so SQLAlchemy has nothing to convert.
    with closing(session.connection().connection.cursor()) as cursor:
        rows: list[Any] = []
        balances: list[Any] = []
        for (
            member_id,
            phone,
            name,
            birthday,
            enrolled_on,
            home,
            plus,
            status,
            growth,
            points,
            _,
        ) in members:
            rows += (
                member_id,
                phone,
                name,
                birthday.isoformat() if birthday else None,
                enrolled_on.isoformat(),
                home,
                plus.isoformat() if plus else None,
                status,
                growth,
            )
            balances += (member_id, points, opening_entry(points)[1])
        _insert(cursor, _MEMBERS, 9, rows)
        _insert(cursor, _BALANCES, 3, balances)
        corrected = [m for m in members if m.correction]
        if not corrected:
            return 0
        if event_seq is None:
            raise ValueError("corrections need the event that names them")
        at = now.astimezone(UTC).isoformat(timespec="microseconds")
        first = (session.scalar(select(func.max(JournalEntry.entry_id))) or 0) + 1
        entries: list[Any] = []
        lots: list[Any] = []
        shared = (request_id, event_seq, at, note)
        for entry_id, m in enumerate(corrected, start=first):
            member_id = m.member_id
            lot, overdraft = opening_entry(m.correction)  # the journal's credit and debit rules
            if lot:
                expires = _day(m.lot_expires_on)
                entries += (entry_id, member_id, kind, lot, expires, 1, *shared)
                lots += (entry_id, member_id, expires, lot)
            else:
                entries += (entry_id, member_id, OVERDRAFT_KIND, -overdraft, None, 0, *shared)
        _insert(cursor, _JOURNAL, 10, entries)
        _insert(cursor, _LOTS, 4, lots)
        return len(corrected)

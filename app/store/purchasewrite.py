"""The award's writes on the DBAPI connection of its own write transaction.

An award is the counter's hot write (bench ``award_commit``), so its rows go in through
prebuilt statements instead of the ORM's unit of work. Everything else is as for any use case:
it runs inside ``run_once``'s transaction (the caller passes that transaction's connection), the
event is the next of the terminal's chain (``outbox.append_event``'s sequence and hash), and the
journal entries, ``lot_balances`` and ``balances`` move exactly as ``journal.Posting`` moves
them for a ``debit`` of the points used followed by a ``credit`` of the points earned.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, tzinfo
from typing import Any, NamedTuple

from app.domain.errors import InsufficientPoints
from app.domain.event_kinds import TerminalEvent
from app.domain.events import business_day, canonical_json, event_hash
from app.domain.ids import uuid7
from app.domain.points import Lot, allocate_oldest_first, overdraft_settled

_HEAD = "SELECT terminal_id, next_seq, last_hash FROM terminal_state WHERE id = 1"
_MOVE_HEAD = "UPDATE terminal_state SET next_seq = ?, last_hash = ? WHERE id = 1"
_EVENT = (
    "INSERT INTO outbox (seq, event_id, terminal_id, kind, payload, prev_hash, hash, "
    "request_id, member_id, created_at, acked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)"
)
_PURCHASE = (
    "INSERT INTO purchases (receipt_no, member_id, store_code, cashier_id, subtotal_fen, "
    "payable_fen, savings_fen, points_earned, points_used, coupon_code, rule_book_version, "
    "quote, request_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_LINE = "INSERT INTO purchase_lines (receipt_no, category, amount_fen) VALUES (?, ?, ?)"
_COUPON_USE = (
    "INSERT INTO coupon_uses (coupon_code, receipt_no, cashier_id, used_at) VALUES (?, ?, ?, ?)"
)
_AUDIT = (
    "INSERT INTO audit_log (at, cashier_id, action, member_id, request_id, detail) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)
_ENTRY = (
    "INSERT INTO journal (member_id, kind, points, lot_id, expires_on, is_lot, request_id, "
    "receipt_no, event_seq, created_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)"
)
_OPEN_LOTS = (
    "SELECT lot_id, remaining, expires_on FROM lot_balances WHERE member_id = ? AND remaining > 0"
)
_NEW_LOT = "INSERT INTO lot_balances (lot_id, member_id, expires_on, remaining) VALUES (?, ?, ?, ?)"
_MOVE_LOT = "UPDATE lot_balances SET remaining = remaining + ? WHERE lot_id = ?"
_BALANCE = "SELECT points, open_overdraft FROM balances WHERE member_id = ?"
_NEW_BALANCE = "INSERT INTO balances (member_id, points, open_overdraft) VALUES (?, ?, ?)"
_SET_BALANCE = "UPDATE balances SET points = ?, open_overdraft = ? WHERE member_id = ?"


def _instant(value: datetime) -> str:
    """As ``UTCDateTime`` stores it."""
    if value.tzinfo is None:
        raise ValueError("naive datetime: the store keeps time zones explicit")
    return value.astimezone(UTC).isoformat(timespec="microseconds")


@dataclass
class ChainHead:
    """Where the terminal's event chain stands (``terminal_state``), read once per award."""

    terminal_id: str
    next_seq: int
    last_hash: str

    @property
    def next_receipt_no(self) -> str:
        return f"{self.terminal_id}-{self.next_seq:07d}"


class AppendedEvent(NamedTuple):
    seq: int
    event_id: str


def chain_head(connection: sqlite3.Connection) -> ChainHead:
    row = connection.execute(_HEAD).fetchone()
    if row is None:
        raise RuntimeError("terminal identity missing: the database was not initialised")
    return ChainHead(*row)


def append_event(
    connection: sqlite3.Connection,
    head: ChainHead,
    event: TerminalEvent,
    *,
    request_id: str,
    member_id: str | None,
    now: datetime,
    zone: tzinfo,
) -> AppendedEvent:
    """``outbox.append_event`` in plain SQL: the next event, chained, with the shop's
    business day; returns its seq and id."""
    if now.tzinfo is None:
        raise ValueError("naive datetime: events keep time zones explicit")
    now = now.astimezone(UTC)
    seq = head.next_seq
    event_id = str(uuid7(int(now.timestamp() * 1000)))
    kind = event.KIND
    body = canonical_json(replace(event, business_day=business_day(now, zone)).to_payload())
    created = now.isoformat(timespec="microseconds")
    digest = event_hash(
        prev_hash=head.last_hash,
        event_id=event_id,
        terminal_id=head.terminal_id,
        seq=seq,
        kind=kind,
        payload=body,
        created_at=created,
    )
    connection.execute(
        _EVENT,
        (
            seq,
            event_id,
            head.terminal_id,
            kind,
            body,
            head.last_hash,
            digest,
            request_id,
            member_id,
            created,
        ),
    )
    head.next_seq, head.last_hash = seq + 1, digest
    connection.execute(_MOVE_HEAD, (head.next_seq, head.last_hash))
    return AppendedEvent(seq, event_id)


@dataclass(frozen=True, slots=True)
class PurchaseRow:
    receipt_no: str
    member_id: str
    store_code: str
    cashier_id: str
    subtotal_fen: int
    payable_fen: int
    savings_fen: int
    points_earned: int
    points_used: int
    coupon_code: str | None
    rule_book_version: int
    quote: str
    request_id: str
    created_at: datetime


def insert_purchase(
    connection: sqlite3.Connection, row: PurchaseRow, lines: Sequence[tuple[str, int]]
) -> None:
    connection.execute(
        _PURCHASE,
        (
            row.receipt_no,
            row.member_id,
            row.store_code,
            row.cashier_id,
            row.subtotal_fen,
            row.payable_fen,
            row.savings_fen,
            row.points_earned,
            row.points_used,
            row.coupon_code,
            row.rule_book_version,
            row.quote,
            row.request_id,
            _instant(row.created_at),
        ),
    )
    connection.executemany(
        _LINE, [(row.receipt_no, category, amount) for category, amount in lines]
    )


def insert_coupon_use(
    connection: sqlite3.Connection, coupon_code: str, receipt_no: str, cashier_id: str, at: datetime
) -> None:
    connection.execute(_COUPON_USE, (coupon_code, receipt_no, cashier_id, _instant(at)))


def insert_audit(
    connection: sqlite3.Connection,
    *,
    at: datetime,
    cashier_id: str,
    action: str,
    member_id: str | None,
    request_id: str | None,
    detail: dict[str, Any],
) -> None:
    connection.execute(
        _AUDIT,
        (_instant(at), cashier_id, action, member_id, request_id, canonical_json(detail)),
    )


@dataclass
class SpendAndEarn:
    """``Posting.debit(kind_spend, spend, today)`` then ``Posting.credit(kind_earn, earn,
    expires_on)`` for one member, on one event; returns the points the receipt prints (what
    the member can spend now, less what they owe)."""

    connection: sqlite3.Connection
    member_id: str
    request_id: str
    receipt_no: str | None
    event_seq: int
    now: datetime

    def __post_init__(self) -> None:
        self._at = _instant(self.now)

    def _entry(
        self, kind: str, points: int, lot_id: int | None, is_lot: bool, expires_on: date | None
    ) -> int:
        cursor = self.connection.execute(
            _ENTRY,
            (
                self.member_id,
                kind,
                points,
                lot_id,
                None if expires_on is None else expires_on.isoformat(),
                1 if is_lot else 0,
                self.request_id,
                self.receipt_no,
                self.event_seq,
                self._at,
            ),
        )
        return int(cursor.lastrowid or 0)

    def post(
        self,
        *,
        spend_kind: str,
        spend: int,
        earn_kind: str,
        earn: int,
        earn_expires_on: date | None,
        today: date,
        spendable_before: int,
    ) -> int:
        connection = self.connection
        row = connection.execute(_BALANCE, (self.member_id,)).fetchone()
        points, owed = (0, 0) if row is None else (int(row[0]), int(row[1] or 0))
        spendable = spendable_before
        if spend > 0:
            lots = [
                Lot(lot_id, remaining, None if until is None else date.fromisoformat(until))
                for lot_id, remaining, until in connection.execute(_OPEN_LOTS, (self.member_id,))
            ]
            taken, shortfall = allocate_oldest_first(lots, spend, today)
            if shortfall:
                available = spend - shortfall
                raise InsufficientPoints(
                    f"The member has {available} points; {spend} are needed.",
                    balance=available,
                    requested=spend,
                )
            for lot_id, take in taken:
                self._entry(spend_kind, -take, lot_id, False, None)
                connection.execute(_MOVE_LOT, (-take, lot_id))
                points -= take
            spendable -= spend  # allocate_oldest_first takes from live lots only
        if earn > 0:
            lot = self._entry(earn_kind, earn, None, True, earn_expires_on)
            connection.execute(
                _NEW_LOT,
                (
                    lot,
                    self.member_id,
                    None if earn_expires_on is None else earn_expires_on.isoformat(),
                    earn,
                ),
            )
            points += earn
            live = earn_expires_on is None or earn_expires_on >= today
            settle = overdraft_settled(owed, earn)
            if settle:
                self._entry("overdraft_settle", -settle, lot, False, None)
                connection.execute(_MOVE_LOT, (-settle, lot))
                self._entry("overdraft_paid", settle, None, False, None)
                owed -= settle
            if live:
                spendable += earn - settle
        if row is None:
            connection.execute(_NEW_BALANCE, (self.member_id, points, owed))
        elif spend > 0 or earn > 0:
            connection.execute(_SET_BALANCE, (points, owed, self.member_id))
        return spendable - owed

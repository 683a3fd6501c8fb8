"""The points journal: append-only movements, lots spent oldest first, overdrafts explicit.

Invariants (checked by ``app.services.verify``):
- a lot's remaining points (its own plus the entries that name it) are never negative;
- the open overdraft (the sum of entries that are neither lots nor take from one, negated)
  is never negative;
- the cached balance equals the sum of the member's entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from app.domain.errors import InsufficientPoints
from app.domain.points import Lot, allocate_oldest_first, overdraft_settled
from app.store.models import Balance, JournalEntry, LotBalance


@dataclass(frozen=True, slots=True)
class Movement:
    """What one operation did to a member's points, for results and events."""

    kind: str
    points: int
    lot_id: int | None


@dataclass
class Posting:
    """The context every entry of one operation shares."""

    session: Session
    member_id: str
    request_id: str
    event_seq: int
    now: datetime
    receipt_no: str | None = None
    note: str | None = None
    event_id: str = ""  # the outbox event's id, for the operation's result

    def __post_init__(self) -> None:
        self.movements: list[Movement] = []

    def _add(
        self,
        kind: str,
        points: int,
        *,
        lot_id: int | None = None,
        is_lot: bool = False,
        expires_on: date | None = None,
    ) -> JournalEntry:
        entry = JournalEntry(
            member_id=self.member_id,
            kind=kind,
            points=points,
            lot_id=lot_id,
            is_lot=is_lot,
            expires_on=expires_on,
            request_id=self.request_id,
            receipt_no=self.receipt_no,
            event_seq=self.event_seq,
            created_at=self.now,
            note=self.note,
        )
        self.session.add(entry)
        if is_lot:
            self.session.flush()  # later entries name this lot by its id
            self.session.add(
                LotBalance(
                    lot_id=entry.entry_id,
                    member_id=self.member_id,
                    expires_on=expires_on,
                    remaining=points,
                )
            )
        elif lot_id is not None:
            lot = self.session.get(LotBalance, lot_id)
            if lot is None:
                raise RuntimeError(f"lot {lot_id} has no balance row")
            lot.remaining += points
        balance = _balance_row(self.session, self.member_id)
        balance.points += points
        if not is_lot and lot_id is None:
            balance.open_overdraft -= points
        self.movements.append(Movement(kind, points, lot_id if not is_lot else entry.entry_id))
        return entry

    def credit(self, kind: str, points: int, expires_on: date | None) -> int:
        """A new lot of points; an open overdraft is settled from it first."""
        if points <= 0:
            return 0
        lot = self._add(kind, points, is_lot=True, expires_on=expires_on)
        owed = _balance_row(self.session, self.member_id).open_overdraft
        settle = overdraft_settled(owed, points)
        if settle:
            self._add("overdraft_settle", -settle, lot_id=lot.entry_id)
            self._add("overdraft_paid", settle)
        return lot.entry_id

    def debit(
        self,
        kind: str,
        points: int,
        today: date,
        *,
        prefer_lot: int | None = None,
        overdraft_reason: str | None = None,
    ) -> int:
        """Take points from the lots that expire first (``prefer_lot`` first of all).

        Without ``overdraft_reason`` a shortfall raises InsufficientPoints; with it, the
        shortfall becomes an explicit overdraft. Returns the overdraft points (0 normally).
        """
        if points <= 0:
            return 0
        lots = open_lots(self.session, self.member_id)
        taken: list[tuple[int, int]] = []
        left = points
        if prefer_lot is not None:
            for lot in lots:
                if lot.lot_id == prefer_lot and lot.remaining > 0:
                    take = min(lot.remaining, left)
                    taken.append((lot.lot_id, take))
                    left -= take
            lots = [lot if lot.lot_id != prefer_lot else Lot(lot.lot_id, 0, None) for lot in lots]
        more, shortfall = allocate_oldest_first(lots, left, today)
        taken.extend(more)
        if shortfall and overdraft_reason is None:
            available = points - shortfall
            raise InsufficientPoints(
                f"The member has {available} points; {points} are needed.",
                balance=available,
                requested=points,
            )
        for lot_id, take in taken:
            self._add(kind, -take, lot_id=lot_id)
        if shortfall:
            self._add("overdraft", -shortfall)
        return shortfall

    def take_from_lot(self, kind: str, lot_id: int, points: int) -> None:
        """Take points from one named lot (expiry takes exactly what is left of a lot)."""
        if points > 0:
            self._add(kind, -points, lot_id=lot_id)

    def refill(self, kind: str, lot_id: int, points: int) -> None:
        """Give points back to the lot they were taken from (a reversal keeps the expiry)."""
        if points > 0:
            self._add(kind, points, lot_id=lot_id)
            # points coming back pay an open overdraft first, as new earnings do
            settle = overdraft_settled(
                _balance_row(self.session, self.member_id).open_overdraft, points
            )
            if settle:
                self._add("overdraft_settle", -settle, lot_id=lot_id)
                self._add("overdraft_paid", settle)


def _balance_row(session: Session, member_id: str) -> Balance:
    row = session.get(Balance, member_id)
    if row is None:
        row = Balance(member_id=member_id, points=0, open_overdraft=0)
        session.add(row)
    return row


def open_lots(session: Session, member_id: str) -> list[Lot]:
    """The member's lots that still hold points (expired ones included)."""
    rows = session.execute(
        select(LotBalance.lot_id, LotBalance.remaining, LotBalance.expires_on).where(
            LotBalance.member_id == member_id, LotBalance.remaining > 0
        )
    ).all()
    return [Lot(lot_id, remaining, expires) for lot_id, remaining, expires in rows]


def shown_balance(session: Session, member_id: str, today: date) -> int:
    """What a receipt prints: points the member can spend now, less what they owe."""
    owed = _balance_row(session, member_id).open_overdraft
    return points_summary(session, member_id, today, today).spendable - owed


@dataclass(frozen=True, slots=True)
class PointsSummary:
    spendable: int
    expiring: int  # spendable points whose lots end by the horizon
    first_expiry: date | None


def points_summary(session: Session, member_id: str, today: date, horizon: date) -> PointsSummary:
    """Spendable and soon-expiring points in one indexed aggregate (the card's hot path)."""
    live = or_(LotBalance.expires_on.is_(None), LotBalance.expires_on >= today)
    soon = and_(LotBalance.expires_on >= today, LotBalance.expires_on <= horizon)
    spendable_points, expiring, first = session.execute(
        select(
            func.coalesce(func.sum(case((live, LotBalance.remaining), else_=0)), 0),
            func.coalesce(func.sum(case((soon, LotBalance.remaining), else_=0)), 0),
            func.min(case((soon, LotBalance.expires_on), else_=None)),
        ).where(LotBalance.member_id == member_id, LotBalance.remaining > 0)
    ).one()
    first_day = first if isinstance(first, date) or first is None else date.fromisoformat(first)
    return PointsSummary(int(spendable_points), int(expiring), first_day)


def spendable(lots: list[Lot], today: date) -> int:
    return sum(lot.remaining for lot in lots if lot.expires_on is None or lot.expires_on >= today)


def lot_takes(session: Session, receipt_no: str, kind: str) -> list[tuple[int, int]]:
    """(lot_id, points) that entries of this kind on this receipt took, newest first."""
    rows = session.execute(
        select(JournalEntry.lot_id, JournalEntry.points)
        .where(JournalEntry.receipt_no == receipt_no, JournalEntry.kind == kind)
        .order_by(JournalEntry.entry_id.desc())
    ).all()
    return [(lot_id, -points) for lot_id, points in rows if lot_id is not None]

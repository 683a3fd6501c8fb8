"""Points of single and joint stores at the ledger: kept apart by scope, spent only there.

A push applies an event with the scope of the pushing terminal's store
(``app.domain.stores.scope_of``). Mall-wide points stay in ``lots`` (``push/state.py``); the points
of every other scope are here, read once per push group for its members (their rows are
locked by then) and written with the group's other rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol, cast

from sqlalchemy import ColumnElement, Table, func, select
from sqlalchemy.orm import Session

from app.domain.stores import MALL
from sync.server.models import Member, ScopeLot

NEVER = date(9999, 12, 31)
SCOPE_LOTS = cast(Table, ScopeLot.__table__)

# member -> scope -> expiry day -> remaining
_Lots = dict[str, dict[str, dict[date, int]]]


class Writer(Protocol):
    def insert(self, table: Table, rows: list[dict[str, Any]]) -> None: ...

    def update(self, table: Table, keys: tuple[str, ...], rows: list[dict[str, Any]]) -> None: ...


@dataclass
class ScopeBook:
    """The scoped lots of one push group's members."""

    lots: _Lots = field(default_factory=dict)
    stored: dict[tuple[str, str, date], int] = field(default_factory=dict)

    def _of(self, session: Session, members: Iterable[str], member_id: str) -> dict[str, Any]:
        if member_id not in self.lots:
            wanted = sorted({member_id, *members} - self.lots.keys())
            for m in wanted:
                self.lots[m] = {}
            for m, scope, day, remaining in session.execute(
                select(
                    SCOPE_LOTS.c.member_id,
                    SCOPE_LOTS.c.scope,
                    SCOPE_LOTS.c.expires_on,
                    SCOPE_LOTS.c.remaining,
                ).where(SCOPE_LOTS.c.member_id.in_(wanted))
            ):
                self.lots[m].setdefault(scope, {})[day] = int(remaining)
                self.stored[(m, scope, day)] = int(remaining)
        return self.lots[member_id]

    def earn(
        self, session: Session, members: Iterable[str], member_id: str, scope: str, points: int,
        expires: date | None,
    ) -> None:  # fmt: skip
        lots = self._of(session, members, member_id).setdefault(scope, {})
        day = expires or NEVER
        lots[day] = lots.get(day, 0) + points

    def spend(
        self, session: Session, members: Iterable[str], member_id: str, scope: str, points: int,
        today: date,
    ) -> int:  # fmt: skip
        """Take points of this scope, soonest expiry first; returns what was missing."""
        lots = self._of(session, members, member_id).get(scope, {})
        left = points
        for day in sorted(d for d, r in lots.items() if r > 0 and d >= today):
            take = min(lots[day], left)
            lots[day] -= take
            left -= take
            if left == 0:
                break
        return left

    def expire(self, session: Session, members: Iterable[str], member_id: str, today: date) -> int:
        """Every scope's lots that ended before ``today`` emptied; returns the points."""
        total = 0
        for lots in self._of(session, members, member_id).values():
            for day, remaining in lots.items():
                if remaining > 0 and day < today:
                    total += remaining
                    lots[day] = 0
        return total

    def write(self, writer: Writer) -> None:
        new, changed = [], []
        for member_id, scopes in self.lots.items():
            for scope, lots in scopes.items():
                for day, remaining in lots.items():
                    row = {
                        "member_id": member_id,
                        "scope": scope,
                        "expires_on": day,
                        "remaining": remaining,
                    }
                    was = self.stored.get((member_id, scope, day))
                    if was is None:
                        new.append(row)
                    elif was != remaining:
                        changed.append(row)
        if new:
            writer.insert(SCOPE_LOTS, new)
        if changed:
            writer.update(SCOPE_LOTS, ("member_id", "scope", "expires_on"), changed)


# ------------------------------------------------------------------------ what a terminal sees


def scoped_lots(
    session: Session, which: ColumnElement[bool]
) -> dict[str, dict[str, list[tuple[date | None, int]]]]:
    """The live scoped lots of the members ``which`` picks: member -> scope -> (expiry or
    None for never, points), soonest first."""
    found: dict[str, dict[str, list[tuple[date | None, int]]]] = {}
    for member_id, scope, day, remaining in session.execute(
        select(ScopeLot.member_id, ScopeLot.scope, ScopeLot.expires_on, ScopeLot.remaining)
        .where(which, ScopeLot.remaining > 0)
        .order_by(ScopeLot.member_id, ScopeLot.scope, ScopeLot.expires_on)
    ):
        found.setdefault(member_id, {}).setdefault(scope, []).append(
            (None if day == NEVER else day, int(remaining))
        )
    return found


def balances(
    points: int, overdraft: int, scoped: dict[str, list[tuple[date | None, int]]]
) -> dict[str, int]:
    """A member's balance in each scope that holds points. ``points`` is the sum of all the
    member's entries (every scope, less what they owe); what the member owes counts against
    every scope, so it is taken off the mall's balance once and off each other scope's."""
    held = {scope: sum(p for _, p in lots) for scope, lots in scoped.items()}
    shown = {MALL: points - sum(held.values())}
    for scope, total in held.items():
        shown[scope] = total - overdraft
    return {scope: value for scope, value in shown.items() if value}


def available(session: Session, member: Member, scope: str, today: date) -> int:
    """What a member may spend in a scope now (before holds): for an online authorisation."""
    live = ScopeLot.expires_on >= today
    if scope == MALL:
        scoped = session.scalar(
            select(func.coalesce(func.sum(ScopeLot.remaining), 0)).where(
                ScopeLot.member_id == member.member_id
            )
        )
        return member.points - int(scoped or 0)
    own = session.scalar(
        select(func.coalesce(func.sum(ScopeLot.remaining), 0)).where(
            ScopeLot.member_id == member.member_id, ScopeLot.scope == scope, live
        )
    )
    return int(own or 0) - member.overdraft

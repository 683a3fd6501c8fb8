"""What every use case needs: the database, the rule book, the clock, who is acting."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Literal, Protocol
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from app.domain.errors import NotAllowed
from app.domain.events import business_day
from app.domain.plus_codes import ClaimedCode
from app.domain.rulebook import RuleBook
from app.store import db, failures
from app.store.db import Database

Role = Literal["cashier", "supervisor", "admin"]
ROLE_RANK: dict[str, int] = {"cashier": 1, "supervisor": 2, "admin": 3}


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, aware, in UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass
class FixedClock:
    """A clock for tests and demos that moves only when told to."""

    current: datetime

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


@dataclass(frozen=True, slots=True)
class Actor:
    cashier_id: str
    name: str
    role: Role

    def require(self, role: Role, action: str) -> None:
        if ROLE_RANK[self.role] < ROLE_RANK[role]:
            article = "an" if role[0] in "aeiou" else "a"
            raise NotAllowed(
                f"{action} needs {article} {role}; {self.name} is signed in as {self.role}. "
                f"Ask {article} {role} to do it.",
                role=self.role,
                needed=role,
            )


class Authorizer(Protocol):
    """Asks the ledger to set points aside for a redemption (online, no double spend)."""

    def authorize(self, member_id: str, points: int, request_id: str) -> str:
        """Return the ledger's hold id. Raise InsufficientPoints when the ledger says no,
        LedgerUnavailable when it cannot be asked, RequestConflict when this terminal's
        request id already holds points for another member or amount."""
        ...

    def release(self, request_id: str) -> None:
        """Give back at once the points held for this terminal's request (the redemption
        was refused after the hold); never raises: an unreleased hold expires."""
        ...


class CouponChecker(Protocol):
    """Asks the ledger about a coupon before a sale uses it (online: any counter's use
    counts at once)."""

    def used(self, code: str) -> bool | None:
        """True: used at some counter and not given back; False: usable; None: the ledger
        does not know it (issued here, not yet synced). Raise LedgerUnavailable when the
        ledger cannot be asked: the replica then decides."""
        ...


class GrantAuthorizer(Protocol):
    """Asks the ledger to take a grant from the store's points budget (online only)."""

    def authorize_grant(self, member_id: str, points: int, request_id: str) -> int:
        """Return the budget left after the grant. Raise InvalidInput when the budget is
        short, LedgerUnavailable when the ledger cannot be asked."""
        ...


class PlusCodes(Protocol):
    """Claims a PLUS activation code at the ledger for a member (online only)."""

    def claim(self, code: str, member_id: str, request_id: str) -> ClaimedCode:
        """The code's channel and days of PLUS, now bound to this member and request (a
        retry of the request gets the same answer). Raise PlusCodeRefused when the ledger
        says no, LedgerUnavailable when it cannot be asked."""
        ...


@dataclass
class ServiceContext:
    database: Database
    rules: RuleBook
    clock: Clock
    timezone: ZoneInfo
    store_code: str
    terminal_id: str
    authorizer: Authorizer | None = None
    coupons: CouponChecker | None = None
    grants: GrantAuthorizer | None = None  # None: standalone, or not linked to its ledger
    plus_codes: PlusCodes | None = None
    _rules_listeners: list[object] = field(default_factory=list)

    def now(self) -> datetime:
        return self.clock.now()

    def today(self) -> date:
        """The business day where the shop is: expiry, campaigns and birthdays use it."""
        return business_day(self.clock.now(), self.timezone)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction (BEGIN IMMEDIATE): committed only if the block returns.
        Writers of this process take it in turn (a sync's chunks never starve an award)."""
        turn = self.database.turn
        if not turn.acquire(db.BUSY_TIMEOUT_MS / 1000):
            raise failures.busy(self.database.path)
        try:
            with Session(self.database.writer, expire_on_commit=False) as session:
                try:
                    yield session
                    session.commit()
                except BaseException as error:
                    session.rollback()
                    self._raise_busy(error)
                    raise
        finally:
            turn.release()

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.database.reader) as session:
            try:
                yield session
            except Exception as error:
                self._raise_busy(error)
                raise

    def _raise_busy(self, error: BaseException) -> None:
        """Another writer kept the lock past the busy timeout: the terminal's own error (a
        retry with the same request id applies once), not an unexplained one."""
        if failures.is_busy(error):
            raise failures.busy(self.database.path) from error

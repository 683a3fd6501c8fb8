"""A store's points budget: the store buys points from the mall and gives them to its
customers at the counter (merchant-funded points). Append-only: funding adds, each grant
takes. A grant is authorised online against the budget (one per terminal and request id:
asking again is answered from the first), then arrives as the terminal's ``points_granted``
event, which must name an authorisation of its own terminal."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, func, select, text, update
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput
from app.domain.event_kinds import PointsGranted
from app.domain.rulebook import RuleBook
from app.domain.stores import check_grant
from sync.protocol import GrantResponse
from sync.server.errors import Refused
from sync.server.models import BudgetEntry, Member, Terminal

GRANT_KIND = PointsGranted.KIND  # the terminal's event of a grant
BUDGET = cast(Table, BudgetEntry.__table__)
MAX_FUNDING = 100_000_000


def budget_left(session: Session, store_code: str) -> int:
    return int(
        session.scalar(
            select(func.coalesce(func.sum(BudgetEntry.points), 0)).where(
                BudgetEntry.store_code == store_code
            )
        )
        or 0
    )


def _lock_budget(session: Session, store_code: str) -> None:
    """Two terminals of one store must not both spend the same budget. SQLite writes one
    transaction at a time already; PostgreSQL takes a lock per store until commit."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_advisory_xact_lock(hashtext(:key))"), {"key": f"budget:{store_code}"}
        )


def fund(
    session: Session, rules: RuleBook | None, store_code: str, points: int, note: str, at: datetime
) -> dict[str, Any]:
    """Add points to a store's budget (the store paid the mall for them)."""
    if rules is not None and rules.store(store_code) is None:
        raise Refused(404, "unknown_store", f"The rule book has no store {store_code!r}.")
    if not 0 < points <= MAX_FUNDING:
        raise Refused(400, "bad_points", f"Fund between 1 and {MAX_FUNDING:,} points.")
    note = " ".join(note.split())
    if not note or len(note) > 200:
        raise Refused(400, "bad_note", "Say what the funding is (an invoice, 1-200 characters).")
    _lock_budget(session, store_code)
    session.add(BudgetEntry(store_code=store_code, points=points, kind="fund", note=note, at=at))
    session.flush()
    return budget_of(session, store_code)


def budget_of(session: Session, store_code: str) -> dict[str, Any]:
    funded, granted, unused = session.execute(
        select(
            func.coalesce(func.sum(BudgetEntry.points).filter(BudgetEntry.kind == "fund"), 0),
            func.coalesce(func.sum(-BudgetEntry.points).filter(BudgetEntry.kind == "grant"), 0),
            func.count(BudgetEntry.entry_id).filter(
                BudgetEntry.kind == "grant", BudgetEntry.event_id.is_(None)
            ),
        ).where(BudgetEntry.store_code == store_code)
    ).one()
    return {
        "store": store_code,
        "funded": int(funded),
        "granted": int(granted),
        "left": int(funded) - int(granted),
        "grants_not_yet_synced": int(unused),
    }


def budgets(session: Session) -> list[dict[str, Any]]:
    stores = session.scalars(select(BudgetEntry.store_code).distinct().order_by("store_code"))
    return [budget_of(session, store) for store in stores]


def authorize_grant(
    session: Session, terminal: Terminal, member_id: str, points: int, request_id: str,
    at: datetime,
) -> GrantResponse:  # fmt: skip
    """Take ``points`` from the terminal's store's budget for this request, or say why not.
    The same request asked again gets the same answer; another member or amount under the
    same request id is a conflict (409)."""
    store = terminal.store_code
    if session.get(Member, member_id) is None:
        raise Refused(404, "unknown_member", f"No member {member_id!r} at the ledger.")
    _lock_budget(session, store)
    existing = session.scalar(
        select(BudgetEntry).where(
            BudgetEntry.terminal_id == terminal.terminal_id, BudgetEntry.request_id == request_id
        )
    )
    if existing is not None:
        if existing.member_id != member_id or -existing.points != points:
            raise Refused(
                409,
                "grant_conflict",
                f"Request {request_id!r} of terminal {terminal.terminal_id} already granted "
                f"{-existing.points} points to member {existing.member_id}.",
            )
        left = budget_left(session, store)
        return GrantResponse(
            approved=True, budget_left=left, reason=None, ledger_time=at.isoformat()
        )
    left = budget_left(session, store)
    try:
        check_grant(points, left, store)
    except InvalidInput as error:
        return GrantResponse(
            approved=False, budget_left=left, reason=error.message, ledger_time=at.isoformat()
        )
    session.add(
        BudgetEntry(
            store_code=store,
            points=-points,
            kind="grant",
            member_id=member_id,
            terminal_id=terminal.terminal_id,
            request_id=request_id,
            note="",
            at=at,
        )
    )
    return GrantResponse(
        approved=True, budget_left=left - points, reason=None, ledger_time=at.isoformat()
    )


class GrantRefused(Exception):
    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code, self.reason = code, reason


@dataclass
class GrantBook:
    """The grants one push group's events use up: each authorisation once."""

    used: dict[int, str] = field(default_factory=dict)  # budget entry -> event id

    def take(
        self, session: Session, terminal_id: str, payload: dict[str, Any], member_id: str,
        points: int, event_id: str,
    ) -> None:  # fmt: skip
        """Check the event against its authorisation; raise GrantRefused (nothing changed)."""
        request_id = payload.get("request_id")
        entry = (
            session.scalar(
                select(BudgetEntry).where(
                    BudgetEntry.terminal_id == terminal_id, BudgetEntry.request_id == request_id
                )
            )
            if isinstance(request_id, str)
            else None
        )
        if entry is None or entry.kind != "grant":
            raise GrantRefused(
                "grant_not_authorised",
                "No grant of this terminal's store budget was authorised for this request.",
            )
        if entry.member_id != member_id or -entry.points != points:
            raise GrantRefused(
                "grant_mismatch",
                f"The authorised grant was {-entry.points} points to member {entry.member_id}.",
            )
        earlier = self.used.get(entry.entry_id) or entry.event_id
        if earlier is not None and earlier != event_id:
            raise GrantRefused("grant_used", f"This grant was already given by event {earlier}.")
        self.used[entry.entry_id] = event_id

    def write(self, session: Session) -> None:
        for entry_id, event_id in self.used.items():
            session.execute(
                update(BUDGET).where(BUDGET.c.entry_id == entry_id).values(event_id=event_id)
            )

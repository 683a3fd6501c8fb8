"""What one group of pushes holds while it is applied: the batch (what it read and will
write), the members as the batch sees them, the events the ledger already has, and each push."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, cast
from zoneinfo import ZoneInfo

import orjson
from sqlalchemy import Table, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.domain.events import business_day, event_hash
from app.domain.points import Lot as PointsLot
from app.domain.points import allocate_oldest_first, due_to_expire, overdraft_settled
from app.domain.rulebook import DEFAULT_TIMEZONE, RuleBook
from app.domain.stores import MALL, scope_of
from sync.protocol import PushResponse, WireEvent
from sync.server import growth
from sync.server.budgets import GrantBook
from sync.server.clearing import FundingBook
from sync.server.ledger import (
    NEVER,
    rule_book,
)
from sync.server.models import (
    CodeStep,
    Counter,
    Entry,
    Event,
    Flag,
    Hold,
    Lot,
    Member,
    RuleBookVersion,
    Terminal,
)
from sync.server.profile import ProfileBook
from sync.server.push.fields import Rejection, payload_of
from sync.server.scopes import ScopeBook

if TYPE_CHECKING:
    from sync.server.push.purchase import Purchase


def _database_errors() -> tuple[type[Exception], ...]:
    """The errors of the database itself. psycopg only where it is installed: the bundle's
    embedded ledger is SQLite and ships without it."""
    try:
        import psycopg
    except ImportError:
        return (SQLAlchemyError,)
    return (SQLAlchemyError, psycopg.Error)


DATABASE_ERRORS = _database_errors()
MEMBERS = cast(Table, Member.__table__)
LOTS = cast(Table, Lot.__table__)
EVENTS = cast(Table, Event.__table__)
ENTRIES = cast(Table, Entry.__table__)
FLAGS = cast(Table, Flag.__table__)
CODE_STEPS = cast(Table, CodeStep.__table__)
HOLDS = cast(Table, Hold.__table__)
TERMINALS = cast(Table, Terminal.__table__)
COUNTERS = cast(Table, Counter.__table__)
RULE_BOOKS = cast(Table, RuleBookVersion.__table__)

# What a push may change in a member row it did not create.
_MEMBER_CHANGES = ("points", "overdraft", "growth", "spend_365_fen", "purchases", "plus_expires_on")


@dataclass(slots=True)
class MemberState:
    """A member row as the batch sees it (locked, or created by the batch)."""

    row: dict[str, Any]  # every column; the changing ones are kept in the fields below
    points: int
    overdraft: int
    growth: int
    spend_365_fen: int
    purchases: int
    plus_expires_on: date | None
    lots: dict[date, int]  # expiry day -> remaining
    stored_lots: dict[date, int]  # as read at the start of the push
    new: bool = False

    @property
    def member_id(self) -> str:
        return str(self.row["member_id"])

    @classmethod
    def of(cls, row: dict[str, Any], lots: dict[date, int], *, new: bool) -> MemberState:
        return cls(
            row=row,
            points=int(row["points"]),
            overdraft=int(row["overdraft"]),
            growth=int(row["growth"]),
            spend_365_fen=int(row["spend_365_fen"]),
            purchases=int(row["purchases"]),
            plus_expires_on=row["plus_expires_on"],
            lots=lots,
            stored_lots=dict(lots),
            new=new,
        )

    def changes(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in _MEMBER_CHANGES}


@dataclass(slots=True)
class Stored:
    """An event the ledger already has (from an earlier push or earlier in this batch)."""

    event_id: str
    terminal_id: str
    epoch: int
    seq: int
    kind: str
    payload: str
    prev_hash: str
    hash: str
    terminal_time: str
    status: str
    code: str | None
    reason: str | None
    ledger_time: datetime

    def result(self) -> dict[str, Any]:
        """Its ``EventResult`` as plain data (see ``PushReply``)."""
        return {
            "event_id": self.event_id,
            "seq": self.seq,
            "status": "applied" if self.status == "applied" else "rejected",
            "code": self.code,
            "reason": self.reason,
            "ledger_time": self.ledger_time.isoformat(),
        }

    def content_fields(self, event: WireEvent) -> list[str]:
        pairs = {
            "terminal_id": (event.terminal_id, self.terminal_id),
            "epoch": (event.epoch, self.epoch),
            "seq": (event.seq, self.seq),
            "kind": (event.kind, self.kind),
            "payload": (event.payload, self.payload),
            "prev_hash": (event.prev_hash, self.prev_hash),
            "hash": (event.hash, self.hash),
            "created_at": (event.created_at, self.terminal_time),
        }
        return sorted(name for name, (a, b) in pairs.items() if a != b)


@dataclass
class Batch:
    """Everything one group of pushes reads and will write."""

    session: Session
    terminal: TerminalRow  # that of the push being checked or applied
    at: datetime  # ledger time: one for the whole group
    rules: dict[int | None, RuleBook | None]
    stored: dict[str, Stored]
    members: dict[str, MemberState | None] = field(default_factory=dict)  # None: not at the ledger
    code_steps: dict[tuple[str, int], tuple[str, str]] = field(default_factory=dict)
    phones: set[str] = field(default_factory=set)  # phones of members the batch enrolled
    expired: set[str] = field(default_factory=set)  # members whose expiry this push ran
    touched: set[str] = field(default_factory=set)  # members to stamp with a new cursor
    events: list[dict[str, Any]] = field(default_factory=list)  # new, as applied
    positions: list[dict[str, Any]] = field(default_factory=list)  # the terminals' new ones
    rejected: list[dict[str, Any]] = field(default_factory=list)  # of those, the rejected
    entries: list[dict[str, Any]] = field(default_factory=list)
    flags: list[dict[str, Any]] = field(default_factory=list)
    new_code_steps: list[dict[str, Any]] = field(default_factory=list)
    zones: dict[str, ZoneInfo] = field(default_factory=dict)  # store code -> its time zone
    holds: list[dict[str, Any]] = field(default_factory=list)  # holds the events consume
    profile: ProfileBook = field(default_factory=ProfileBook)  # buckets and coupons
    claims: set[str] = field(default_factory=set)  # growth claims written (sync/server/growth)
    scopes: ScopeBook = field(default_factory=ScopeBook)  # points of single/joint stores
    funding: FundingBook = field(default_factory=FundingBook)  # who pays for points given
    grants: GrantBook = field(default_factory=GrantBook)  # store budget grants used up

    def consume_hold(self, hold_id: str | None, request_id: str | None) -> None:
        """The spending event's own hold is used up: found by the request id (or the hold id
        the terminal was given), and only among the pushing terminal's holds."""
        if hold_id or request_id:
            self.holds.append(
                {
                    "b_terminal_id": self.terminal.terminal_id,
                    "b_hold_id": hold_id or "",
                    "b_request_id": request_id or "",
                }
            )

    # ------------------------------------------------------------------------- reads

    def rule_book(self, version: int | None = None) -> RuleBook | None:
        if version not in self.rules:  # within one push the answer cannot change
            self.rules[version] = rule_book(self.session, version)
        return self.rules[version]

    def zone(self) -> ZoneInfo:
        """The time zone of the pushing terminal's store, from the newest rule book: its
        business days, campaign days and expiry count in it."""
        store = self.terminal.store_code
        if store not in self.zones:
            rules = self.rule_book()
            self.zones[store] = rules.zone(store) if rules else ZoneInfo(DEFAULT_TIMEZONE)
        return self.zones[store]

    def scope(self) -> str:
        """Where the pushing terminal's store earns and spends (``app/domain/stores.py``)."""
        return scope_of(self.rule_book(), self.terminal.store_code)

    def member_ids(self) -> list[str]:
        return [m for m, found in self.members.items() if found is not None]

    def today(self) -> date:
        """The store's business day at ledger time: what has expired there by now."""
        return business_day(self.at, self.zone())

    def code_step(self, member_id: str, step: int) -> tuple[str, str] | None:
        """(terminal id, event id) of the earlier acceptance of this code step, if any."""
        key = (member_id, step)
        if key not in self.code_steps:
            row = self.session.execute(
                select(CODE_STEPS.c.terminal_id, CODE_STEPS.c.event_id).where(
                    CODE_STEPS.c.member_id == member_id, CODE_STEPS.c.step == step
                )
            ).first()
            if row is None:
                return None
            self.code_steps[key] = (row.terminal_id, row.event_id)
        return self.code_steps[key]

    def phone_taken(self, phone: str) -> bool:
        if phone in self.phones:
            return True
        found = self.session.scalar(select(MEMBERS.c.member_id).where(MEMBERS.c.phone == phone))
        return found is not None

    # ------------------------------------------------------------------------ writes

    def entry(self, event_id: str, member: MemberState, kind: str, points: int, store: str) -> None:
        if points == 0:
            return
        self.entries.append(
            {
                "event_id": event_id,
                "member_id": member.member_id,
                "kind": kind,
                "points": points,
                "store_code": store,
                "ledger_time": self.at,
            }
        )
        member.points += points

    def flag(
        self, kind: str, event_id: str, member: MemberState | None, detail: str, points: int = 0
    ) -> None:
        if member is not None and kind in growth.RISK_KINDS:  # reputation changes: re-send
            self.touched.add(member.member_id)
        self.flags.append(
            {
                "kind": kind,
                "event_id": event_id,
                "member_id": member.member_id if member else None,
                "points": points,
                "detail": detail,
                "created_at": self.at,
            }
        )

    def expire_due(self, member: MemberState, today: date) -> None:
        """The ledger's own expiry (terminals' expiry events are only their local view), once
        per member and push: the day does not change."""
        if member.member_id in self.expired:
            return
        self.expired.add(member.member_id)
        total = 0
        for lot_id, remaining in due_to_expire(_as_lots(member.lots), today):
            total += remaining
            member.lots[date.fromordinal(lot_id)] = 0
        total += self.scopes.expire(self.session, self.member_ids(), member.member_id, today)
        if total:
            self.entry("expiry", member, "expire", -total, "ledger")


def _as_lots(lots: dict[date, int]) -> list[PointsLot]:
    """The ledger's lots (one per expiry day; NEVER for points that never expire) in the form
    the domain's points rules take: the day's ordinal as the lot id."""
    return [
        PointsLot(day.toordinal(), remaining, None if day == NEVER else day)
        for day, remaining in lots.items()
    ]


@dataclass(slots=True)
class Apply:
    """One event being applied: where the points moved and what to flag. Called only once
    every check that could reject the event has passed."""

    batch: Batch
    event: WireEvent
    store_code: str

    def flag(self, kind: str, member: MemberState | None, detail: str, points: int = 0) -> None:
        self.batch.flag(kind, self.event.event_id, member, detail, points)

    def earn(self, member: MemberState, kind: str, points: int, expires: date | None) -> None:
        if points <= 0:
            return
        self.batch.entry(self.event.event_id, member, kind, points, self.store_code)
        settle = overdraft_settled(member.overdraft, points)
        member.overdraft -= settle
        left = points - settle
        scope = self.batch.scope()
        if left and scope != MALL:
            batch = self.batch
            batch.scopes.earn(
                batch.session, batch.member_ids(), member.member_id, scope, left, expires
            )
        elif left:
            day = expires or NEVER
            member.lots[day] = member.lots.get(day, 0) + left

    def spend(self, member: MemberState, kind: str, points: int, today: date) -> int:
        """Take points oldest first; what is missing becomes a flagged overdraft (offline
        redemptions were handed over: they are posted, never dropped). Returns the
        overdraft."""
        if points <= 0:
            return 0
        self.batch.entry(self.event.event_id, member, kind, -points, self.store_code)
        scope = self.batch.scope()
        if scope != MALL:  # only the points of the store's own scope
            batch = self.batch
            left = batch.scopes.spend(
                batch.session, batch.member_ids(), member.member_id, scope, points, today
            )
        else:
            taken, left = allocate_oldest_first(_as_lots(member.lots), points, today)
            for lot_id, take in taken:
                member.lots[date.fromordinal(lot_id)] -= take
        if left:
            member.overdraft += left
            where = "" if scope == MALL else f" in scope {scope}"
            self.flag(
                "overdraft", member, f"{kind}: {left} points more than the member had{where}", left
            )
        return left


@dataclass(frozen=True, slots=True)
class PushJob:
    """One terminal's push as it waits for its group: the credential it came with and its
    events, parsed against the protocol."""

    credential: str
    events: list[WireEvent]


@dataclass(frozen=True, slots=True)
class PushReply:
    """A push's reply as plain data, in the shape of ``PushResponse``: made from checked
    values, it goes out with one orjson call (a model per event cost ten times as much)."""

    document: dict[str, Any]

    def json(self) -> bytes:
        return orjson.dumps(self.document)

    def response(self) -> PushResponse:
        return PushResponse.model_validate(self.document)


@dataclass(slots=True)
class TerminalRow:
    """The pushing terminal's row, locked; its position moves as its new events pass the
    checks."""

    terminal_id: str
    store_code: str
    last_seq: int
    last_hash: str
    epoch: int = 1


@dataclass
class Job:
    """One push within its group: what it needs before the locks, and what it got."""

    credential: str
    events: list[WireEvent]
    payloads: list[dict[str, Any] | Rejection] = field(default_factory=list)
    hashes: list[str] = field(default_factory=list)
    terminal: TerminalRow | None = None
    purchases: list[Purchase | None] = field(default_factory=list)
    outcomes: list[Stored] = field(default_factory=list)  # one per event, in order
    new: list[tuple[int, Stored]] = field(default_factory=list)  # (index, event) taken now
    through_seq: int = 0  # the terminal's last event the ledger has, after this push
    failed: Exception | None = None  # its refusal, or an error of this push alone

    def prepare(self) -> None:
        """Payloads parsed and hashes computed: the work no lock or row depends on."""
        self.payloads = [payload_of(event) for event in self.events]
        self.hashes = [
            event_hash(
                prev_hash=event.prev_hash,
                event_id=event.event_id,
                terminal_id=event.terminal_id,
                seq=event.seq,
                kind=event.kind,
                payload=event.payload,
                created_at=event.created_at,
            )
            for event in self.events
        ]

    def reply(self, at: datetime) -> PushReply:
        return PushReply(
            {
                "results": [outcome.result() for outcome in self.outcomes],
                "applied_through_seq": self.through_seq,
                "ledger_time": at.isoformat(),
            }
        )

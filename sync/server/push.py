"""The ledger's push: take terminals' batches of events exactly once, in sequence order.

Pushes are applied in groups (``push_group``; ``group_commit`` makes the groups): the pushes
that arrived while the ledger was busy go through as one transaction, each exactly as if it
had been applied alone after the ones before it, with one lock hand-over and one commit for
all of them.

A group is applied in memory, then written in one go. Every event is decided before anything
is changed for it (compute, then write): a business rejection (final, recorded as a
``rejected`` event) leaves no trace of the event's other effects, exactly as if the event had
been applied alone in a savepoint that was rolled back, and a protocol error (a credential
refused, another terminal's event, a changed replay, a sequence gap, a broken hash chain)
refuses that push before a single row of it is written. The rows then go out in bulk (one
multi-row INSERT or one pipelined ``executemany`` per table) with the commit.

Locks, always in this order: the pushing terminals' rows (in terminal id order; only a
terminal's own pushes wait for it), the members the group names (``SELECT ... FOR UPDATE``,
in member id order, so two groups never wait for each other in a circle), the change counter
(taken last, held only for the final stamping and the commit). What does not depend on a
member is done before the members' locks: the protocol checks, the purchases'
recomputation, and the new events' rows (written as applied in the round trip that takes the
locks; a rejection is corrected with the other writes).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, cast
from zoneinfo import ZoneInfo

import orjson
from sqlalchemy import Table, bindparam, func, insert, or_, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.domain.events import business_day, event_business_day, event_hash
from app.domain.plus import is_plus
from app.domain.points import expiry_for
from app.domain.quote import Shopper, points_earned
from app.domain.rulebook import DEFAULT_TIMEZONE, RuleBook, Tier
from app.domain.stores import MALL, scope_of
from app.store.types import UTCDateTime
from sync.protocol import PushResponse, WireEvent
from sync.server.budgets import GRANT_KIND, GrantBook, GrantRefused
from sync.server.clearing import FundingBook, receipt_of
from sync.server.errors import Refused
from sync.server.ledger import (
    NEVER,
    now_utc,
    parsed_rule_book,
    refuse_no_credential,
    refuse_revoked,
    refuse_unknown_credential,
    rule_book,
    token_hash,
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
from sync.server.scopes import ScopeBook

if TYPE_CHECKING:
    import psycopg


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
# Points and fen a single event may name: far past any real basket, far inside the
# database's 64-bit integers (a sum of many events must not overflow them either).
MAX_AMOUNT = 10**12
_NO_OP_KINDS = ("expire", "checkpoint_applied")


class Rejection(Exception):
    """A business rejection: final, recorded, and never blocks the queue."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


@dataclass(slots=True)
class _Member:
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
    def of(cls, row: dict[str, Any], lots: dict[date, int], *, new: bool) -> _Member:
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
class _Stored:
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
class _Batch:
    """Everything one group of pushes reads and will write."""

    session: Session
    terminal: _TerminalRow  # that of the push being checked or applied
    at: datetime  # ledger time: one for the whole group
    rules: dict[int | None, RuleBook | None]
    stored: dict[str, _Stored]
    members: dict[str, _Member | None] = field(default_factory=dict)  # None: not at the ledger
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
    scopes: ScopeBook = field(default_factory=ScopeBook)  # points of single/joint stores
    funding: FundingBook = field(default_factory=FundingBook)  # who pays for points given
    grants: GrantBook = field(default_factory=GrantBook)  # store budget grants used up

    def consume_hold(self, payload: dict[str, Any]) -> None:
        """The spending event's own hold is used up: found by the request id (or the hold id
        the terminal was given), and only among the pushing terminal's holds."""
        hold_id, request_id = payload.get("hold_id"), payload.get("request_id")
        if hold_id or request_id:
            self.holds.append(
                {
                    "b_terminal_id": self.terminal.terminal_id,
                    "b_hold_id": str(hold_id or ""),
                    "b_request_id": str(request_id or ""),
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

    def entry(self, event_id: str, member: _Member, kind: str, points: int, store: str) -> None:
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
        self, kind: str, event_id: str, member: _Member | None, detail: str, points: int = 0
    ) -> None:
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

    def expire_due(self, member: _Member, today: date) -> None:
        """The ledger's own expiry (terminals' expiry events are only their local view), once
        per member and push: the day does not change."""
        if member.member_id in self.expired:
            return
        self.expired.add(member.member_id)
        total = 0
        for day, remaining in member.lots.items():
            if remaining > 0 and day < today:
                total += remaining
                member.lots[day] = 0
        total += self.scopes.expire(self.session, self.member_ids(), member.member_id, today)
        if total:
            self.entry("expiry", member, "expire", -total, "ledger")


@dataclass(slots=True)
class _Apply:
    """One event being applied: where the points moved and what to flag. Called only once
    every check that could reject the event has passed."""

    batch: _Batch
    event: WireEvent
    store_code: str

    def flag(self, kind: str, member: _Member | None, detail: str, points: int = 0) -> None:
        self.batch.flag(kind, self.event.event_id, member, detail, points)

    def earn(self, member: _Member, kind: str, points: int, expires: date | None) -> None:
        if points <= 0:
            return
        self.batch.entry(self.event.event_id, member, kind, points, self.store_code)
        settle = min(member.overdraft, points)
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

    def spend(self, member: _Member, kind: str, points: int, today: date) -> int:
        """Take points oldest first; what is missing becomes a flagged overdraft (offline
        redemptions were handed over: they are posted, never dropped). Returns the
        overdraft."""
        if points <= 0:
            return 0
        self.batch.entry(self.event.event_id, member, kind, -points, self.store_code)
        left = points
        scope = self.batch.scope()
        if scope != MALL:  # only the points of the store's own scope
            batch = self.batch
            left = batch.scopes.spend(
                batch.session, batch.member_ids(), member.member_id, scope, points, today
            )
        for day in sorted(
            d for d, r in member.lots.items() if scope == MALL and r > 0 and d >= today
        ):
            take = min(member.lots[day], left)
            member.lots[day] -= take
            left -= take
            if left == 0:
                break
        if left:
            member.overdraft += left
            where = "" if scope == MALL else f" in scope {scope}"
            self.flag(
                "overdraft", member, f"{kind}: {left} points more than the member had{where}", left
            )
        return left


# ---------------------------------------------------------------------------------- push


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
class _TerminalRow:
    """The pushing terminal's row, locked; its position moves as its new events pass the
    checks."""

    terminal_id: str
    store_code: str
    last_seq: int
    last_hash: str
    epoch: int = 1


@dataclass
class _Job:
    """One push within its group: what it needs before the locks, and what it got."""

    credential: str
    events: list[WireEvent]
    payloads: list[dict[str, Any] | Rejection] = field(default_factory=list)
    hashes: list[str] = field(default_factory=list)
    terminal: _TerminalRow | None = None
    purchases: list[_Purchase | None] = field(default_factory=list)
    outcomes: list[_Stored] = field(default_factory=list)  # one per event, in order
    new: list[tuple[int, _Stored]] = field(default_factory=list)  # (index, event) taken now
    through_seq: int = 0  # the terminal's last event the ledger has, after this push
    failed: Exception | None = None  # its refusal, or an error of this push alone

    def prepare(self) -> None:
        """Payloads parsed and hashes computed: the work no lock or row depends on."""
        self.payloads = [_payload(event) for event in self.events]
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


def push_group(session: Session, pushes: list[PushJob]) -> list[PushReply | Exception]:
    """Apply several pushes (of one terminal or many) in one transaction, in the order
    given, each exactly as if it had been applied alone after the ones before it; one
    reply per push, or the push's refusal (its credential, another terminal's events, a gap,
    a broken chain, a changed replay) or the error it alone met before the members' locks.
    Such a push writes nothing and changes nothing for the others. Commits: on PostgreSQL in
    the same round trip as the writes, so the locks end one round trip sooner. An error
    after the members' locks, or of the database, is raised: the caller rolls back."""
    jobs = [_Job(push.credential, push.events) for push in pushes]
    batch = _Batch(session, _TerminalRow("", "", 0, ""), now_utc(), {}, {})
    # Credentials first: nothing else is done for a push that is refused them.
    _lock_terminals(batch, jobs)
    _each(jobs, _Job.prepare)
    # What the events name that no member lock protects: rule books, and the events the
    # ledger already has (read under the terminals' locks: a push of the same terminal in
    # another process has committed by now).
    everything = [event for job in _live(jobs) for event in job.events]
    batch.rules = _rule_books(session, everything, [p for job in _live(jobs) for p in job.payloads])
    batch.stored = _stored_events(session, everything)

    def check(job: _Job) -> None:
        assert job.terminal is not None
        batch.terminal = job.terminal
        # A purchase's recomputation does not depend on the member's balance: before the
        # members' locks, and before the checks (which leave the batch as it was on error).
        job.purchases = [
            _prepare_purchase(batch, event, payload) if event.kind == "purchase" else None
            for event, payload in zip(job.events, job.payloads, strict=True)
        ]
        # The protocol checks depend on the terminal's position only (not on any member):
        # every event of a push is checked before anything is decided.
        _check_job(batch, job)

    _each(jobs, check)
    accepted = list(_live(jobs))
    if accepted:
        _apply_locked(batch, accepted)
    return [job.failed or job.reply(batch.at) for job in jobs]


def _live(jobs: list[_Job]) -> Iterator[_Job]:
    return (job for job in jobs if job.failed is None)


def _each(jobs: list[_Job], step: Callable[[_Job], None]) -> None:
    """Run a step that touches no database row for every push still going; an error other
    than the database's is that push's own (it fails, the others go on)."""
    for job in list(_live(jobs)):
        try:
            step(job)
        except DATABASE_ERRORS:
            raise
        except Exception as error:  # a refusal, or what a malformed push alone runs into
            job.failed = error


def _lock_terminals(batch: _Batch, jobs: list[_Job]) -> None:
    """Each job's terminal, found by its credential and locked (in terminal id order: two
    groups never wait for each other in a circle), or the job's refusal. Two pushes of one
    terminal thus apply one after the other, and only that terminal's pushes wait."""
    hashes = {token_hash(job.credential) for job in jobs if job.credential}
    rows = {
        row.credential_hash: row
        for row in batch.session.execute(
            select(
                TERMINALS.c.terminal_id,
                TERMINALS.c.store_code,
                TERMINALS.c.credential_hash,
                TERMINALS.c.revoked_at,
                TERMINALS.c.last_seq,
                TERMINALS.c.last_hash,
                TERMINALS.c.epoch,
            )
            .where(TERMINALS.c.credential_hash.in_(sorted(hashes)))
            .order_by(TERMINALS.c.terminal_id)
            .with_for_update()
        )
    }
    # One position per terminal, shared by its pushes: a terminal's second push in the group
    # is checked where its first one left the terminal, as it would be after that committed.
    terminals: dict[str, _TerminalRow] = {}
    for job in jobs:
        row = rows.get(token_hash(job.credential)) if job.credential else None
        if not job.credential:
            job.failed = refuse_no_credential()
        elif row is None:
            job.failed = refuse_unknown_credential(batch.session, token_hash(job.credential))
        elif row.revoked_at is not None:
            job.failed = refuse_revoked(row.terminal_id)
        else:
            job.terminal = terminals.setdefault(
                row.terminal_id,
                _TerminalRow(
                    row.terminal_id,
                    row.store_code,
                    int(row.last_seq),
                    row.last_hash,
                    int(row.epoch),
                ),
            )


def _check_job(batch: _Batch, job: _Job) -> None:
    """Check every event of a push against its terminal's position; its new events join the
    batch. Raises Refused (or any error) having changed nothing."""
    terminal = job.terminal
    assert terminal is not None
    last_seq, last_hash = terminal.last_seq, terminal.last_hash
    outcomes: list[_Stored] = []
    new: list[tuple[int, _Stored]] = []
    try:
        for index, (event, recomputed) in enumerate(zip(job.events, job.hashes, strict=True)):
            stored = _check(batch, terminal, event, recomputed, last_seq, last_hash)
            if stored is None:
                stored = _Stored(
                    event_id=event.event_id,
                    terminal_id=event.terminal_id,
                    epoch=event.epoch,
                    seq=event.seq,
                    kind=event.kind,
                    payload=event.payload,
                    prev_hash=event.prev_hash,
                    hash=event.hash,
                    terminal_time=event.created_at,
                    status="applied",  # until a rejection says otherwise
                    code=None,
                    reason=None,
                    ledger_time=batch.at,
                )
                batch.stored[event.event_id] = stored
                new.append((index, stored))
                last_seq, last_hash = event.seq, event.hash
            outcomes.append(stored)
    except BaseException:
        for _, stored in new:
            del batch.stored[stored.event_id]
        raise
    terminal.last_seq, terminal.last_hash = last_seq, last_hash
    job.outcomes, job.new, job.through_seq = outcomes, new, last_seq


def _apply_locked(batch: _Batch, jobs: list[_Job]) -> None:
    """Lock, decide every event, write and commit: the part of a group that holds the
    members' locks."""
    # The new events' rows (as applied; rejections are corrected with the other writes) and
    # the terminals' positions go out with the members' locks, before the locks are granted.
    batch.events = [_event_row(stored) for job in jobs for _, stored in job.new]
    terminals = {job.terminal.terminal_id: job.terminal for job in jobs if job.terminal}
    batch.positions = [
        {
            "terminal_id": terminal.terminal_id,
            "last_seq": terminal.last_seq,
            "last_hash": terminal.last_hash,
            "last_seen_at": batch.at,
        }
        for terminal in terminals.values()
    ]
    batch.members = _lock_members(batch, [p for job in jobs for p in job.payloads])
    for job in jobs:
        assert job.terminal is not None
        batch.terminal = job.terminal
        batch.expired = set()  # as a push of its own would: once per member and push
        for index, stored in job.new:
            try:
                apply_event(batch, job.events[index], job.payloads[index], job.purchases[index])
            except Rejection as rejection:
                stored.status, stored.code, stored.reason = (
                    "rejected",
                    rejection.code,
                    rejection.reason,
                )
                batch.rejected.append(
                    {
                        "event_id": stored.event_id,
                        "status": "rejected",
                        "code": rejection.code,
                        "reason": rejection.reason,
                    }
                )
    _write(batch)


def _event_row(stored: _Stored) -> dict[str, Any]:
    return {
        "event_id": stored.event_id,
        "terminal_id": stored.terminal_id,
        "epoch": stored.epoch,
        "seq": stored.seq,
        "kind": stored.kind,
        "payload": stored.payload,
        "prev_hash": stored.prev_hash,
        "hash": stored.hash,
        "terminal_time": stored.terminal_time,
        "status": stored.status,
        "code": stored.code,
        "reason": stored.reason,
        "ledger_time": stored.ledger_time,
    }


def _write_position(batch: _Batch, writer: _Writer) -> None:
    """The group's new events (as applied) and the terminals' new positions: they do not
    depend on any member, so they are written before the members' locks are granted."""
    if batch.events:
        writer.insert(EVENTS, batch.events)
    if batch.positions:
        writer.update(TERMINALS, ("terminal_id",), batch.positions)


def _check(
    batch: _Batch,
    terminal: _TerminalRow,
    event: WireEvent,
    recomputed: str,
    last_seq: int,
    last_hash: str,
) -> _Stored | None:
    """The protocol checks, in order; the stored copy of an event the ledger already has."""
    if event.terminal_id != terminal.terminal_id:
        raise Refused(
            403,
            "wrong_terminal",
            f"Event {event.seq} is from terminal {event.terminal_id}; this "
            f"credential belongs to {terminal.terminal_id}.",
        )
    stored = batch.stored.get(event.event_id)
    if stored is not None:
        fields = stored.content_fields(event)
        if fields:
            raise Refused(
                409,
                "event_conflict",
                f"Event {event.event_id} was received before with other "
                f"content ({', '.join(fields)}).",
                fields=fields,
            )
        return stored
    if event.epoch != terminal.epoch:
        raise Refused(
            409,
            "old_epoch",
            f"Event {event.seq} belongs to chain {event.epoch} of terminal "
            f"{terminal.terminal_id}; the ledger is at chain {terminal.epoch} (the terminal was "
            "paired again).",
            expected_seq=last_seq + 1,
        )
    if event.seq <= last_seq:
        raise Refused(
            409,
            "seq_reused",
            f"Sequence {event.seq} of terminal {terminal.terminal_id} already has another event.",
            expected_seq=last_seq + 1,
        )
    if event.seq != last_seq + 1:
        raise Refused(
            409,
            "sequence_gap",
            f"Expected event {last_seq + 1} of terminal {terminal.terminal_id}, got {event.seq}.",
            expected_seq=last_seq + 1,
        )
    if event.prev_hash != last_hash or recomputed != event.hash:
        raise Refused(
            409,
            "hash_chain_broken",
            f"Event {event.seq} does not continue terminal {terminal.terminal_id}'s hash "
            "chain: its history was changed.",
            expected_seq=event.seq,
        )
    return None


def _lock_members(
    batch: _Batch, payloads: list[dict[str, Any] | Rejection]
) -> dict[str, _Member | None]:
    """Write the group's events and the terminals' positions, then lock every member the
    group names, in member id order, before any balance is read: two groups crediting one
    member at once must not both add to the same old balance."""
    session = batch.session
    ids: set[str] = set()
    for payload in payloads:
        if isinstance(payload, dict) and payload.get("member_id"):
            ids.add(str(payload["member_id"]))
    members: dict[str, _Member | None] = dict.fromkeys(ids)
    ordered = sorted(ids)
    if session.get_bind().dialect.name == "postgresql":
        return members | _lock_members_pg(batch, ordered)
    _write_position(batch, _Writer(session))
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
        members[member_id] = _Member.of(row, lots[member_id], new=False)
    return members


def _lock_members_pg(batch: _Batch, ordered: list[str]) -> dict[str, _Member | None]:
    """The group's events and the terminals' positions written, the members locked and their
    lots read, with one round trip (a pipeline of the statements). The lots are read by a
    statement of their own, so that it sees what a group that held a lock committed while
    this one waited for it."""
    session = batch.session
    dbapi = session.connection().connection.dbapi_connection
    assert dbapi is not None
    names = [c.name for c in MEMBERS.c]
    with dbapi.pipeline():
        _write_position(batch, _JsonWriter(session))
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
    members: dict[str, _Member | None] = {}
    for row in locked.fetchall():
        fields = dict(zip(names, row, strict=True))
        members[fields["member_id"]] = _Member.of(fields, {}, new=False)
    for member_id, expires_on, remaining in lots.fetchall():
        member = members.get(member_id)
        if member is not None:
            member.lots[expires_on] = member.stored_lots[expires_on] = int(remaining)
    return members


def _stored_events(session: Session, events: list[WireEvent]) -> dict[str, _Stored]:
    if not events:
        return {}
    rows = session.execute(
        select(EVENTS).where(EVENTS.c.event_id.in_([event.event_id for event in events]))
    ).mappings()
    return {row["event_id"]: _Stored(**row) for row in rows}


def _rule_books(
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


def _write(batch: _Batch) -> None:
    """The group's rows, in bulk, and the commit; on PostgreSQL in one pipeline (one round
    trip): every statement is sent before the first answer is awaited. The change counter is
    taken last: its row lock is held only from here to the commit, still so that cursors
    become visible in order."""
    session = batch.session
    connection = session.connection()
    dbapi = connection.connection.dbapi_connection
    if connection.dialect.name == "postgresql" and dbapi is not None:
        with dbapi.pipeline():
            _write_rows(batch, _JsonWriter(session))
            dbapi.commit()  # COMMIT goes with the writes: one round trip for all
    else:
        _write_rows(batch, _Writer(session))
    session.commit()  # on PostgreSQL, the session's bookkeeping only: nothing is sent


class _Writer:
    """Rows in bulk through SQLAlchemy: one multi-row INSERT or one ``executemany``."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def insert(self, table: Table, rows: list[dict[str, Any]]) -> None:
        self.session.execute(insert(table).inline(), rows)

    def update(
        self, table: Table, keys: tuple[str, ...], rows: list[dict[str, Any]], cursor: bool = False
    ) -> None:
        """UPDATE each row found by ``keys``; with ``cursor``, also set the change cursor to
        the counter's value less the row's ``from_top``."""
        names = [name for name in rows[0] if name not in keys and name != "from_top"]
        values: dict[str, Any] = {name: bindparam(name) for name in names}
        if cursor:
            values["cursor"] = _COUNTER_VALUE - bindparam("from_top")
        self.session.execute(
            update(table)
            .where(*(table.c[key] == bindparam(f"b_{key}") for key in keys))
            .values(values),
            [
                {
                    **{f"b_{k}": v for k, v in row.items() if k in keys},
                    **{k: v for k, v in row.items() if k not in keys},
                }
                for row in rows
            ],
        )


class _JsonWriter(_Writer):
    """PostgreSQL: every row of a table in one statement over one JSON document
    (``json_to_recordset``), whatever the number of rows: one statement to plan and one text
    parameter, serialised by orjson in C, instead of one statement per row or an array per
    column (psycopg dumps array elements one by one in Python). On the session's own
    connection, so that the statements can go in its pipeline."""

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.dbapi = cast(
            "psycopg.Connection[Any]", session.connection().connection.dbapi_connection
        )
        self.dialect = session.get_bind().dialect

    def _source(self, table: Table, names: list[str]) -> str:
        columns = []
        for name in names:
            sql_type = "BIGINT" if name == "from_top" else table.c[name].type.compile(self.dialect)
            columns.append(f"{name} {sql_type}")
        return f"json_to_recordset(%s::json) AS v({', '.join(columns)})"

    def _document(self, table: Table, names: list[str], rows: list[dict[str, Any]]) -> str:
        for name in names:
            column_type = None if name == "from_top" else table.c[name].type
            if isinstance(column_type, UTCDateTime):  # one ledger time per push, mostly
                values = {row[name] for row in rows}
                done = {v: column_type.process_bind_param(v, self.dialect) for v in values}
                rows = [{**row, name: done[row[name]]} for row in rows]
        return orjson.dumps(rows).decode()

    def insert(self, table: Table, rows: list[dict[str, Any]]) -> None:
        names = list(rows[0])
        columns = ", ".join(names)
        self.dbapi.cursor().execute(
            f"INSERT INTO {table.name} ({columns}) "  # noqa: S608 - names: ours
            f"SELECT {columns} FROM {self._source(table, names)}",
            [self._document(table, names, rows)],
        )

    def update(
        self, table: Table, keys: tuple[str, ...], rows: list[dict[str, Any]], cursor: bool = False
    ) -> None:
        names = list(rows[0])
        sets = [f"{name} = v.{name}" for name in names if name not in keys and name != "from_top"]
        if cursor:
            sets.append("cursor = (SELECT value FROM counters WHERE name = 'changes') - v.from_top")
        self.dbapi.cursor().execute(
            f"UPDATE {table.name} AS t SET {', '.join(sets)} "  # noqa: S608 - ours
            f"FROM {self._source(table, names)} "
            f"WHERE {' AND '.join(f't.{key} = v.{key}' for key in keys)}",
            [self._document(table, names, rows)],
        )


_COUNTER_VALUE = select(COUNTERS.c.value).where(COUNTERS.c.name == "changes").scalar_subquery()


def _write_rows(batch: _Batch, writer: _Writer) -> None:
    session = batch.session
    # Growth as of today for the members whose buckets changed, then the buckets and coupons.
    batch.profile.settle_growth(batch.members, batch.rule_book(), batch.today())
    batch.profile.write(session)
    batch.scopes.write(writer)
    batch.funding.write(writer)
    batch.grants.write(session)
    if batch.rejected:  # written as applied with the members' locks (_write_position)
        writer.update(EVENTS, ("event_id",), batch.rejected)
    if batch.entries:
        writer.insert(ENTRIES, batch.entries)
    if batch.flags:
        writer.insert(FLAGS, batch.flags)
    if batch.new_code_steps:
        writer.insert(CODE_STEPS, batch.new_code_steps)
    if batch.holds:
        session.execute(
            update(HOLDS)
            .where(
                HOLDS.c.terminal_id == bindparam("b_terminal_id"),
                or_(
                    HOLDS.c.hold_id == bindparam("b_hold_id"),
                    HOLDS.c.request_id == bindparam("b_request_id"),
                ),
            )
            .values(consumed=True),
            batch.holds,
        )
    members = [m for m in batch.members.values() if m is not None]
    new_lots, changed_lots = [], []
    for member in members:
        for day, remaining in member.lots.items():
            was = member.stored_lots.get(day)
            if was is None:
                new_lots.append(
                    {"member_id": member.member_id, "expires_on": day, "remaining": remaining}
                )
            elif was != remaining:
                changed_lots.append(
                    {"member_id": member.member_id, "expires_on": day, "remaining": remaining}
                )
    if new_lots:
        writer.insert(LOTS, new_lots)
    if changed_lots:
        writer.update(LOTS, ("member_id", "expires_on"), changed_lots)
    if not batch.touched:
        return
    # One block of cursors off the counter; each member changed gets its own, in member id
    # order, counted down from the counter's new value (read by the same transaction).
    touched = sorted(batch.touched)
    session.execute(
        update(COUNTERS)
        .where(COUNTERS.c.name == "changes")
        .values(value=COUNTERS.c.value + len(touched))
    )
    from_top = {member_id: len(touched) - 1 - n for n, member_id in enumerate(touched)}
    new_members = [m for m in members if m.new]
    if new_members:
        session.execute(
            insert(MEMBERS).inline().values(cursor=_COUNTER_VALUE - bindparam("from_top")),
            [{**m.row, **m.changes(), "from_top": from_top[m.member_id]} for m in new_members],
        )
    changed = [m for m in members if not m.new and m.member_id in batch.touched]
    if changed:
        writer.update(
            MEMBERS,
            ("member_id",),
            [
                {"member_id": m.member_id, **m.changes(), "from_top": from_top[m.member_id]}
                for m in changed
            ],
            cursor=True,
        )


# ------------------------------------------------------------------------------- events


def _payload(event: WireEvent) -> dict[str, Any] | Rejection:
    try:
        # orjson: a third of json's time. Unlike json it refuses NaN and nesting past 1,024
        # levels, and reads integers past 64 bits as floats, which the checks refuse: none
        # reaches the database to fail there.
        value = orjson.loads(event.payload)
    except (ValueError, RecursionError):
        return Rejection("bad_payload", "The event's payload is not JSON.")
    if not isinstance(value, dict):
        return Rejection("bad_payload", "The event's payload is not an object.")
    return value


def _int(payload: dict[str, Any], key: str) -> int:
    value = payload.get(key, 0)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise Rejection("bad_payload", f"{key} must be a whole number >= 0.")
    if value > MAX_AMOUNT:
        raise Rejection("bad_payload", f"{key} must be at most {MAX_AMOUNT}.")
    return value


def _business_day(batch: _Batch, event: WireEvent, payload: dict[str, Any]) -> date:
    """The business day the event carries (events written before they carried one: its
    terminal time in the store's zone)."""
    try:
        return event_business_day(payload, event.created_at, batch.zone())
    except OverflowError:
        raise Rejection("bad_payload", "created_at is out of range.") from None
    except ValueError as error:
        raise Rejection("bad_payload", f"{error}.") from None


def _expiry(day: date, rules: RuleBook | None) -> date | None:
    """When points earned on ``day`` expire; a day with no representable expiry (a terminal
    clock in the year 9999) is the event's fault, not the ledger's."""
    if rules is None:
        return None
    try:
        return expiry_for(day, rules.points)
    except (ValueError, OverflowError):
        raise Rejection("bad_payload", "created_at is out of range.") from None


def apply_event(
    batch: _Batch,
    event: WireEvent,
    payload: dict[str, Any] | Rejection,
    purchase: _Purchase | None = None,
) -> None:
    """Apply one event to the batch, or raise a Rejection having changed nothing."""
    if isinstance(payload, Rejection):
        raise payload
    terminal = batch.terminal
    store = str(payload.get("store", terminal.store_code))
    if store != terminal.store_code:
        raise Rejection(
            "wrong_store",
            f"Terminal {terminal.terminal_id} writes for store {terminal.store_code}, not {store}.",
        )
    apply = _Apply(batch, event, terminal.store_code)
    today = batch.today()
    kind = event.kind
    if kind in _NO_OP_KINDS:
        return  # the terminal's own view; the ledger keeps its own expiry
    if kind == "member_enrolled":
        _enroll(batch, payload)
        return
    member_id = payload.get("member_id")
    member = batch.members.get(str(member_id)) if member_id else None
    if member is None and kind == "coupon_issued":
        return  # as before coupons were the ledger's: never a rejection
    if member is None:
        raise Rejection("unknown_member", f"No member {member_id!r} at the ledger.")
    if kind == "code_accepted":
        _code_accepted(batch, apply, member, payload)
        return
    rules = batch.rule_book()
    day: date | None = None  # the business day of an event that changes the buckets
    if kind == "coupon_issued":
        pass  # its coupon joins the mall's (below)
    elif kind == "purchase":
        inputs = purchase or _purchase_inputs(batch, event, payload)
        _purchase(batch, apply, member, payload, inputs, today)
        day = inputs.day
    elif kind == "redeem":
        points = _int(payload, "points")
        batch.expire_due(member, today)
        batch.consume_hold(payload)
        apply.spend(member, "redeem", points, today)
    elif kind == "refund":
        clawed_back = _int(payload, "points_clawed_back")
        day = _business_day(batch, event, payload)
        expires = _expiry(day, rules)
        returned = _int(payload, "points_returned")
        batch.expire_due(member, today)
        apply.spend(member, "refund_earn", clawed_back, today)
        batch.funding.refund(batch.session, batch.at, event.event_id, member.member_id,
                             receipt_of(payload), terminal.store_code, clawed_back)  # fmt: skip
        apply.earn(member, "refund_spend", returned, expires)
    elif kind == "adjust":
        points = payload.get("points", 0)
        if not isinstance(points, int) or isinstance(points, bool):
            raise Rejection("bad_payload", "points must be a whole number.")
        if abs(points) > MAX_AMOUNT:
            raise Rejection("bad_payload", f"points must be at most {MAX_AMOUNT} either way.")
        if points > 0:
            expires = _expiry(_business_day(batch, event, payload), rules)
            batch.expire_due(member, today)
            apply.earn(member, "adjust", points, expires)
        else:
            batch.expire_due(member, today)
            apply.spend(member, "adjust", -points, today)
    elif kind == GRANT_KIND:  # a store's points from its budget (sync/server/budgets.py)
        points = _int(payload, "points")
        try:
            batch.grants.take(batch.session, terminal.terminal_id, payload, member.member_id,
                              points, event.event_id)  # fmt: skip
        except GrantRefused as refused:
            raise Rejection(refused.code, refused.reason) from None
        expires = _expiry(_business_day(batch, event, payload), rules)
        batch.expire_due(member, today)
        apply.earn(member, "grant", points, expires)
        batch.funding.grant(batch.at, event.event_id, member.member_id, apply.store_code, points)
    elif kind == "plus_sold":
        try:
            ends = date.fromisoformat(str(payload.get("ends_on")))
        except ValueError:
            raise Rejection("bad_payload", "ends_on is not a date.") from None
        batch.expire_due(member, today)
        if member.plus_expires_on is None or ends > member.plus_expires_on:
            member.plus_expires_on = ends
    else:
        raise Rejection("unknown_kind", f"The ledger does not know events of kind {kind!r}.")
    # Nothing can reject the event any more: its buckets and coupons (sync/server/profile.py).
    batch.profile.take(
        batch.session,
        group_members=(m for m, found in batch.members.items() if found is not None),
        today=today,
        member_id=member.member_id,
        kind=kind,
        payload=payload,
        day=day,
        terminal_id=batch.terminal.terminal_id,
        event_id=event.event_id,
        flag=lambda flag_kind, detail, points: apply.flag(flag_kind, member, detail, points),
    )
    batch.touched.add(member.member_id)


def _code_accepted(batch: _Batch, apply: _Apply, member: _Member, payload: dict[str, Any]) -> None:
    """A terminal took a phone's code for one 30-second step. Each terminal refuses a step it
    already took; the same step taken at a second terminal is a copied code: flag it."""
    step = _int(payload, "step")
    terminal_id, event_id = batch.terminal.terminal_id, apply.event.event_id
    earlier = batch.code_step(member.member_id, step)
    if earlier is None:
        batch.code_steps[(member.member_id, step)] = (terminal_id, event_id)
        batch.new_code_steps.append(
            {
                "member_id": member.member_id,
                "step": step,
                "terminal_id": terminal_id,
                "event_id": event_id,
            }
        )
    elif earlier[1] != event_id:
        apply.flag(
            "code_replay",
            member,
            f"The phone code of step {step} was accepted at terminal {earlier[0]} "
            f"and again at terminal {terminal_id}: a copied code (screenshot?).",
        )


# What a member's row holds (sync/server/models.py): longer text, or a control character
# (PostgreSQL cannot store a NUL), is a business rejection, never a database error that
# would fail the push and block the terminal's queue.
_ENROLL_LIMITS = {"member_id": 32, "phone": 20, "name": 80, "store": 32}
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _check_enrollment_text(payload: dict[str, Any]) -> None:
    for key, limit in _ENROLL_LIMITS.items():
        value = payload.get(key)
        if value is not None and (
            not isinstance(value, str) or len(value) > limit or _CONTROL.search(value)
        ):
            raise Rejection(
                "bad_payload", f"{key} must be text of at most {limit} printable characters."
            )


def _enroll(batch: _Batch, payload: dict[str, Any]) -> None:
    _check_enrollment_text(payload)
    member_id = str(payload.get("member_id") or "")
    phone = str(payload.get("phone") or "")
    if not member_id or not phone:
        raise Rejection("bad_payload", "An enrollment needs a member id and a phone.")
    existing = batch.members.get(member_id)
    if existing is not None:
        if existing.row["phone"] != phone:
            raise Rejection("duplicate_member", f"Member {member_id} exists with another phone.")
        return
    if batch.phone_taken(phone):
        raise Rejection(
            "duplicate_phone",
            "Another member already has this phone number; the service desk should merge them.",
        )
    try:
        birthday = date.fromisoformat(payload["birthday"]) if payload.get("birthday") else None
        enrolled_on = date.fromisoformat(str(payload.get("enrolled_on")))
    except (TypeError, ValueError):
        raise Rejection("bad_payload", "enrolled_on and birthday must be dates.") from None
    row = {
        "member_id": member_id,
        "phone": phone,
        "name": str(payload.get("name") or member_id),
        "birthday": birthday,
        "enrolled_on": enrolled_on,
        "home_store": str(payload.get("store") or ""),
        "plus_expires_on": None,
        "status": "active",
        "growth": 0,
        "points": 0,
        "overdraft": 0,
        "spend_365_fen": 0,
        "purchases": 0,
    }
    batch.members[member_id] = _Member.of(row, {}, new=True)
    batch.phones.add(phone)
    batch.touched.add(member_id)  # a new member gets a cursor, as any changed member


@dataclass(frozen=True, slots=True)
class _Purchase:
    """What a purchase needs that does not depend on the member's state at the ledger: its
    checked figures and, where it can be known before the member is locked, the points the
    rule book gives."""

    used: int
    earned: int
    day: date
    rules: RuleBook | None
    payable: int
    expires: date | None
    tier: Tier | None  # None: the rule book does not know the terminal's tier
    plus: bool | None  # None: the terminal did not say; the member's PLUS at the event
    want: int | None  # the rule book's points, when ``plus`` is known


def _purchase_inputs(batch: _Batch, event: WireEvent, payload: dict[str, Any]) -> _Purchase:
    """A purchase's checks, in the order a rejection names them, and what the rule book
    gives when that does not depend on the member. Raises the purchase's Rejection."""
    used = _int(payload, "points_used")
    earned = _int(payload, "points_earned")
    day = _business_day(batch, event, payload)
    rules = batch.rule_book(_int(payload, "rule_book_version")) or batch.rule_book()
    payable = _int(payload, "payable_fen")
    expires = _expiry(day, rules)
    tier: Tier | None = None
    plus = bool(payload["plus"]) if "plus" in payload else None
    want = None
    if rules is not None:
        try:
            tier = rules.tier(str(payload.get("tier") or rules.tiers[0].code))
        except KeyError:
            tier = None
        if tier is not None and plus is not None:
            want = _points_wanted(batch, rules, tier, plus, payable, day, str(payload["member_id"]))
    return _Purchase(used, earned, day, rules, payable, expires, tier, plus, want)


def _points_wanted(
    batch: _Batch, rules: RuleBook, tier: Tier, plus: bool, payable: int, day: date, member: str
) -> int:
    shopper = Shopper(member, tier, plus, 0)
    store = batch.terminal.store_code
    return points_earned(payable, shopper=shopper, store=store, day=day, rules=rules).total


def _prepare_purchase(
    batch: _Batch, event: WireEvent, payload: dict[str, Any] | Rejection
) -> _Purchase | None:
    """A purchase's inputs before any lock; None when it will be rejected (or names no
    member): the checks then run again under the locks, in their order."""
    if not isinstance(payload, dict) or not payload.get("member_id"):
        return None
    try:
        return _purchase_inputs(batch, event, payload)
    except Rejection:
        return None


def _purchase(
    batch: _Batch,
    apply: _Apply,
    member: _Member,
    payload: dict[str, Any],
    purchase: _Purchase,
    today: date,
) -> None:
    # Nothing can reject the purchase from here on.
    batch.expire_due(member, today)
    batch.consume_hold(payload)
    apply.spend(member, "spend", purchase.used, today)
    apply.earn(member, "earn", purchase.earned, purchase.expires)
    pricing = None  # what the clearing needs to charge each campaign's funder
    if purchase.rules is not None and purchase.tier is not None:
        plus = purchase.plus
        plus = is_plus(member.plus_expires_on, purchase.day) if plus is None else plus
        pricing = (purchase.rules, purchase.tier, plus, purchase.payable, purchase.day)
    batch.funding.purchase(batch.at, apply.event.event_id, member.member_id, receipt_of(payload),
                           apply.store_code, purchase.earned, pricing)  # fmt: skip
    member.purchases += 1
    member.spend_365_fen += purchase.payable
    rules = purchase.rules
    if rules is None:
        return
    # Recompute with the domain the terminal used; a different figure is flagged, not
    # refused: the receipt was printed and the customer has left.
    if purchase.tier is None:
        apply.flag("recompute_failed", member, f"unknown tier {payload.get('tier')!r}")
        return
    want = purchase.want
    if want is None:  # the terminal did not say PLUS: the member's PLUS on the day, as it is
        plus = is_plus(member.plus_expires_on, purchase.day)
        want = _points_wanted(
            batch, rules, purchase.tier, plus, purchase.payable, purchase.day, member.member_id
        )
    if want != purchase.earned:
        apply.flag(
            "recompute_mismatch",
            member,
            f"terminal awarded {purchase.earned} points; rule book v{rules.version} gives {want}",
            purchase.earned - want,
        )

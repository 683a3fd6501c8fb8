"""The terminal's side of sync: events waiting for the ledger, what the ledger took, and
checkpoints of the ledger's state applied as a whole.

Balance shown = the ledger's confirmed balance + this terminal's events the ledger has not
taken yet. A checkpoint brings the local journal to that rule with one ``ledger_sync`` entry
per member whose confirmed balance differs from what the local journal already holds.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from app.domain.event_kinds import CheckpointApplied
from app.domain.profile import DayDelta, fold
from app.domain.rulebook import RuleBook, parse_rule_book
from app.domain.stores import scope_of
from app.services.context import ServiceContext
from app.services.member_codes import PublishedKey, install_keys, install_removed_devices
from app.store.bulkload import NewMember, insert_new_members, members_absent, set_standings
from app.store.cardread import raw_connection
from app.store.journal import Posting
from app.store.models import (
    Balance,
    JournalEntry,
    Member,
    OutboxEvent,
    RuleBookRow,
    TerminalState,
)
from app.store.outbox import append_event, terminal_state
from app.store.profiledays import (
    insert_ledger_days,
    members_of_events,
    put_ledger_coupons,
    rebuild_own,
    replace_ledger_days,
    store_windows,
)
from app.store.scopes import put_scope_balances

log = logging.getLogger(__name__)
# A sync holds the terminal's write lock about this long at a time (a checkpoint's members go
# in chunks): an award at the counter waits for one chunk at most.
CHUNK_S = 0.04
LOOK_S = 0.005  # it looks this often whether a writer of this process (an award) waits
MAX_BATCH = 1000  # members applied between two looks, at most
FIRST_GUESS_S = 0.002  # what one member takes, until measured
CHECKPOINT_KIND = "checkpoint_applied"
SYNC_KIND = "ledger_sync"  # the journal entries of a checkpoint's corrections
SYNC_NOTE = "ledger checkpoint"
# Request ids of the demo data (app.demo): a terminal holding any never pairs with a real ledger.
DEMO_REQUEST_PREFIX = "demo-"


@dataclass(frozen=True)
class PendingEvent:
    event_id: str
    terminal_id: str
    seq: int
    kind: str
    payload: str
    prev_hash: str
    hash: str
    created_at: str
    epoch: int = 1


class ReplicaCoupon(NamedTuple):
    """A coupon as the ledger knows it (issued at any counter)."""

    code: str
    template: str
    valid_from: date
    valid_until: date
    used: bool  # used at some counter and not given back


class ReplicaMember(NamedTuple):  # a tuple: a bootstrap makes a million of them
    """A member as the ledger last confirmed them."""

    member_id: str
    phone: str
    name: str
    birthday: date | None
    enrolled_on: date
    home_store: str
    plus_expires_on: date | None
    status: str
    points: int  # the ledger's balance (its lots less its open overdraft)
    growth: int
    buckets: Sequence[tuple[date | None, int]] = ()
    days: Sequence[DayDelta] = ()  # the ledger's profile buckets of the window
    coupons: Sequence[ReplicaCoupon] = ()
    standing: Standing | None = None  # None: a ledger that sends none (keep what we have)
    scopes: Mapping[str, int] = {}  # the ledger's balance in each scope (app/domain/stores.py)


class Standing(NamedTuple):
    """What the ledger knows of a member beyond points and buckets (growth's account and
    credit dimensions, and the referrer a first purchase rewards)."""

    referrer: str | None
    id_last4: str | None  # a verified real name
    credit_score: int | None
    risk_flags: int = 0  # the ledger's open flags on the member's conduct


@dataclass(frozen=True)
class Checkpoint:
    cursor: int
    applied_through_seq: int
    ledger_time: datetime
    members: Sequence[ReplicaMember]
    rule_book: dict[str, object] | None
    snapshot: bool = False
    # The ledger's whole member-code key set (None: this checkpoint does not carry one).
    keys: Sequence[PublishedKey] | None = None
    # The ledger's removed phones (hex device keys), the whole set; None: not carried.
    removed_devices: Sequence[str] | None = None


@dataclass(frozen=True)
class CheckpointResult:
    cursor: int
    members: int
    adjusted: int
    events_taken: int


@dataclass(frozen=True)
class SyncState:
    paired: bool
    ledger_url: str | None
    events_waiting: int
    last_sync_at: str | None
    applied_through_seq: int
    pull_cursor: int
    clock_offset_s: int
    epoch: int = 1


def events_waiting(ctx: ServiceContext) -> int:
    with ctx.read() as session:
        return (
            session.scalar(
                select(func.count(OutboxEvent.seq)).where(OutboxEvent.acked_at.is_(None))
            )
            or 0
        )


def sync_state(ctx: ServiceContext) -> SyncState:
    with ctx.read() as session:
        state = session.get(TerminalState, 1)
        waiting = (
            session.scalar(
                select(func.count(OutboxEvent.seq)).where(OutboxEvent.acked_at.is_(None))
            )
            or 0
        )
        if state is None:
            return SyncState(False, None, waiting, None, 0, 0, 0)
        return SyncState(
            paired=state.paired_at is not None,
            ledger_url=state.ledger_url,
            events_waiting=waiting,
            last_sync_at=state.last_sync_at.isoformat() if state.last_sync_at else None,
            applied_through_seq=state.applied_through_seq,
            pull_cursor=state.pull_cursor,
            clock_offset_s=state.clock_offset_s,
            epoch=state.epoch,
        )


def pairing_refusal(
    ctx: ServiceContext, terminal_id: str, *, real_ledger: bool, same_ledger: bool = False
) -> str | None:
    """Why this database may not pair as ``terminal_id`` (None: it may). Asked before the
    pairing code is sent: a refused pairing spends nothing.

    With a real ledger (``real_ledger``): no demo data, and, unless it is the ledger this
    terminal is paired with (``same_ledger``), no history another ledger (the embedded one)
    already took, or members it sent: none of it may reach the mall's ledger.
    """
    with ctx.read() as session:
        state = terminal_state(session)
        if real_ledger:
            demo = session.scalar(
                select(OutboxEvent.seq)
                .where(OutboxEvent.request_id.startswith(DEMO_REQUEST_PREFIX, autoescape=True))
                .limit(1)
            )
            if demo is not None:
                return (
                    "this terminal holds demo data (demo members and sales), which must never "
                    "reach the mall's ledger. Nothing was sent and the pairing code is still "
                    "good: run 'memberdesk reset --confirm' (the demo database is kept as a "
                    "backup), then pair again."
                )
            taken = session.scalar(
                select(OutboxEvent.seq).where(OutboxEvent.acked_at.is_not(None)).limit(1)
            )
            if not same_ledger and (
                taken is not None
                or state.applied_through_seq > 0
                or state.pull_cursor > 0
                or state.snapshot_done
            ):
                return (
                    f"this terminal already synced with another ledger ({state.ledger_url}); "
                    "its history cannot start a chain at this one. Nothing was sent and the "
                    "pairing code is still good: run 'memberdesk reset --confirm' (the old "
                    "database is kept as a backup), then pair again."
                )
        if state.next_seq > 1 and state.terminal_id != terminal_id:
            return (
                f"this terminal already wrote events as {state.terminal_id}; it cannot become "
                f"{terminal_id}. Pair it as {state.terminal_id}, or run 'memberdesk reset "
                "--confirm' first. Nothing was sent and the pairing code is still good."
            )
    return None


def resume_epoch(ctx: ServiceContext) -> int | None:
    """The chain epoch whose events a ledger already took from this database (pairing with
    that ledger again continues it), or None."""
    with ctx.read() as session:
        state = terminal_state(session)
        taken = session.scalar(
            select(OutboxEvent.seq).where(OutboxEvent.acked_at.is_not(None)).limit(1)
        )
        if state.paired_at is None or (taken is None and state.applied_through_seq == 0):
            return None
        return state.epoch


def record_pairing(
    ctx: ServiceContext, *, ledger_url: str, terminal_id: str, store_code: str, epoch: int = 1
) -> None:
    """Remember the ledger; the terminal's id, store and chain epoch are the ones the ledger
    gave."""
    with ctx.write() as session:
        state = terminal_state(session)
        if state.next_seq > 1 and state.terminal_id != terminal_id:
            raise ValueError(
                f"this terminal already wrote events as {state.terminal_id}; it cannot "
                f"become {terminal_id}"
            )
        state.terminal_id = terminal_id
        state.store_code = store_code
        state.ledger_url = ledger_url
        state.paired_at = ctx.now()
        state.epoch = epoch
    ctx.terminal_id = terminal_id
    ctx.store_code = store_code


def pending_events(ctx: ServiceContext, limit: int) -> list[PendingEvent]:
    """The oldest events the ledger has not taken, in sequence order."""
    with ctx.read() as session:
        epoch = terminal_state(session).epoch
        rows = session.scalars(
            select(OutboxEvent)
            .where(OutboxEvent.acked_at.is_(None))
            .order_by(OutboxEvent.seq)
            .limit(limit)
        ).all()
        return [
            PendingEvent(
                e.event_id,
                e.terminal_id,
                e.seq,
                e.kind,
                e.payload,
                e.prev_hash,
                e.hash,
                e.created_at.isoformat(timespec="microseconds"),
                epoch,
            )
            for e in rows
        ]


def mark_taken(ctx: ServiceContext, through_seq: int, ledger_time: datetime | None = None) -> int:
    """The ledger has every event up to ``through_seq`` (applied or finally rejected)."""
    with ctx.write() as session:
        result = session.execute(
            update(OutboxEvent)
            .where(OutboxEvent.seq <= through_seq, OutboxEvent.acked_at.is_(None))
            .values(acked_at=ctx.now())
        )
        state = terminal_state(session)
        state.applied_through_seq = max(state.applied_through_seq, through_seq)
        if ledger_time is not None:
            _clock(state, ctx, ledger_time)
        return int(getattr(result, "rowcount", 0) or 0)


def _clock(state: TerminalState, ctx: ServiceContext, ledger_time: datetime) -> None:
    now = ctx.now()
    state.last_sync_at = now
    state.clock_offset_s = int((ledger_time - now).total_seconds())


def _confirmed_locally(session: Session, member_ids: list[str], through_seq: int) -> dict[str, int]:
    """What the local journal holds of what the ledger has confirmed: this terminal's
    entries it took, plus the earlier checkpoints' corrections."""
    rows = session.execute(
        select(JournalEntry.member_id, func.sum(JournalEntry.points))
        .join(OutboxEvent, OutboxEvent.seq == JournalEntry.event_seq)
        .where(
            JournalEntry.member_id.in_(member_ids),
            or_(OutboxEvent.seq <= through_seq, OutboxEvent.kind == CHECKPOINT_KIND),
        )
        .group_by(JournalEntry.member_id)
    ).all()
    return {member_id: int(total) for member_id, total in rows}


def apply_checkpoint(
    ctx: ServiceContext,
    checkpoint: Checkpoint,
    *,
    chunk_s: float = CHUNK_S,
    after_chunk: Callable[[int], None] | None = None,
) -> CheckpointResult:
    """Apply a checkpoint without holding the write lock for long: its members in chunks of
    about ``chunk_s`` each, a chunk ending early when an award of this process waits for the
    lock (it waits a few milliseconds, not a chunk), then its state in a last, short
    transaction.

    Each chunk is whole members, each brought to the ledger's word (the balance shown =
    confirmed + this terminal's events not yet confirmed, for every member at every moment).
    The terminal's cursor moves only with the last transaction: after a crash between chunks
    the next pull applies the checkpoint again, and a member applied already gets no second
    correction (what the ledger confirmed is counted from the journal). ``after_chunk`` is
    told the number of each committed chunk; ``chunk_s`` 0 puts every member in one."""
    event = _CheckpointEvent(ctx, checkpoint)
    today = ctx.today()
    own_scope = _own_scope(ctx, checkpoint)
    members = list(checkpoint.members)
    adjusted, done, chunks, rebuilt = 0, 0, 0, set()
    per_member = FIRST_GUESS_S  # measured on each batch: a new member is quicker than a known one
    while done < len(members):
        with ctx.write() as session:
            began = time.perf_counter()
            while done < len(members):
                left = min(chunk_s - (time.perf_counter() - began), LOOK_S)
                size = MAX_BATCH if chunk_s <= 0 else max(1, min(MAX_BATCH, int(left / per_member)))
                batch = members[done : done + size]
                started = time.perf_counter()
                count, own = _apply_batch(session, ctx, checkpoint, batch, event, today, own_scope)
                per_member = max((time.perf_counter() - started) / len(batch), 1e-6)
                adjusted += count
                rebuilt.update(own)
                done += len(batch)
                if chunk_s > 0 and (
                    time.perf_counter() - began >= chunk_s or ctx.database.turn.wanted()
                ):
                    break  # this chunk is done: a waiting award goes first
        chunks += 1
        if after_chunk is not None:
            after_chunk(chunks)
    new_rules, taken = _finish(ctx, checkpoint, rebuilt, today)
    if new_rules is not None:
        ctx.rules = new_rules
        ctx.timezone = new_rules.zone(ctx.store_code)  # the ledger's word on the shop's day
    return CheckpointResult(checkpoint.cursor, len(members), adjusted, taken)


def _apply_batch(
    session: Session,
    ctx: ServiceContext,
    checkpoint: Checkpoint,
    batch: Sequence[ReplicaMember],
    event: _CheckpointEvent,
    today: date,
    own_scope: str,
) -> tuple[int, set[str]]:
    """Some of the checkpoint's members, whole: their rows, corrections and profiles. Returns
    the corrections posted and the members whose own profile buckets were rebuilt."""
    fresh = [_new_member(m, today) for m in batch]
    if members_absent(session, fresh):
        # New here (a snapshot page on a new terminal): the same rows the loop below would
        # write go in with a few executemany statements.
        event_seq = event.seq(session) if any(m.correction for m in fresh) else None
        adjusted = insert_new_members(
            session,
            fresh,
            kind=SYNC_KIND,
            request_id=event.request_id,
            event_seq=event_seq,
            now=ctx.now(),
            note=SYNC_NOTE,
        )
        set_standings(  # growth: the ledger's referrer, real name, credit and risk flags
            raw_connection(session),
            [(m.member_id, *m.standing) for m in batch if m.standing],
        )
        _member_profiles(session, checkpoint, batch, today, new_here=True)
        _scope_balances(session, batch, own_scope, new_here=True)
        return adjusted, set()
    adjusted = _apply_members(session, ctx, checkpoint, batch, event, today)
    rebuilt = _member_profiles(session, checkpoint, batch, today, new_here=False)
    _scope_balances(session, batch, own_scope, new_here=False)
    return adjusted, rebuilt


def _own_scope(ctx: ServiceContext, checkpoint: Checkpoint) -> str:
    """This store's scope (app/domain/stores.py) by the rule book the checkpoint installs,
    if it brings a newer one, else by the terminal's."""
    rules = ctx.rules
    if checkpoint.rule_book is not None:
        candidate = parse_rule_book(checkpoint.rule_book)
        if candidate.version > rules.version:
            rules = candidate
    return scope_of(rules, ctx.store_code)


def _scope_balances(
    session: Session, batch: Sequence[ReplicaMember], own_scope: str, *, new_here: bool
) -> None:
    """The ledger's balance of these members in each scope (the card's other scopes)."""
    put_scope_balances(
        session, [(m.member_id, m.scopes) for m in batch], own_scope=own_scope, new_here=new_here
    )


def _finish(
    ctx: ServiceContext, checkpoint: Checkpoint, rebuilt: set[str], today: date
) -> tuple[RuleBook | None, int]:
    """The checkpoint's state, once all its members are in: the rule book, the events the
    ledger took, the key set, the profiles of the members of those events, the cursor."""
    new_rules: RuleBook | None = None
    with ctx.write() as session:
        state = terminal_state(session)
        if checkpoint.rule_book is not None:
            candidate = parse_rule_book(checkpoint.rule_book)
            newest = session.scalar(select(func.max(RuleBookRow.version))) or 0
            if candidate.version > newest:
                session.add(
                    RuleBookRow(
                        version=candidate.version,
                        body=json.dumps(checkpoint.rule_book),
                        installed_at=ctx.now(),
                    )
                )
                new_rules = candidate
        taken = session.execute(
            update(OutboxEvent)
            .where(
                OutboxEvent.seq <= checkpoint.applied_through_seq, OutboxEvent.acked_at.is_(None)
            )
            .values(acked_at=ctx.now())
        )
        if checkpoint.keys is not None:
            install_keys(session, checkpoint.keys, ctx.now())
        if checkpoint.removed_devices is not None:
            install_removed_devices(session, checkpoint.removed_devices)
        through = checkpoint.applied_through_seq
        if state.profile_through_seq < through:
            connection = raw_connection(session)
            for member_id in sorted(
                members_of_events(connection, state.profile_through_seq, through) - rebuilt
            ):
                rebuild_own(connection, member_id, through, today)
            state.profile_through_seq = max(state.profile_through_seq, through)
        state.pull_cursor = max(state.pull_cursor, checkpoint.cursor)
        state.applied_through_seq = max(state.applied_through_seq, checkpoint.applied_through_seq)
        if checkpoint.snapshot:
            state.snapshot_done = True
        _clock(state, ctx, checkpoint.ledger_time)
    return new_rules, int(getattr(taken, "rowcount", 0) or 0)


def _member_profiles(
    session: Session,
    checkpoint: Checkpoint,
    batch: Sequence[ReplicaMember],
    today: date,
    *,
    new_here: bool,
) -> set[str]:
    """The ledger's profile buckets and coupons of these members; for members known here,
    their own buckets rebuilt from this terminal's events the ledger has not counted yet
    (returned). ``new_here``: none of them has buckets or events here yet."""
    connection = raw_connection(session)
    if new_here:
        insert_ledger_days(connection, [(m.member_id, m.days) for m in batch])
        store_windows(
            connection, [(m.member_id, fold(m.days, today)) for m in batch if m.days], today
        )
    else:
        for incoming in batch:
            replace_ledger_days(connection, incoming.member_id, incoming.days)
    coupons = [
        (c.code, m.member_id, c.template, c.valid_from, c.valid_until, c.used)
        for m in batch
        for c in m.coupons
    ]
    if coupons:
        put_ledger_coupons(
            connection, coupons, f"checkpoint-{checkpoint.cursor}", checkpoint.ledger_time
        )
    if new_here:
        return set()
    rebuilt = {m.member_id for m in batch}
    for member_id in sorted(rebuilt):
        rebuild_own(connection, member_id, checkpoint.applied_through_seq, today)
    return rebuilt


def _lot_expiry(incoming: ReplicaMember, today: date) -> date | None:
    """The expiry a correction's new lot gets: the soonest of the member's live buckets
    (None when no live bucket has an expiry)."""
    soonest = None
    for day, points in incoming.buckets:
        if points > 0 and day is not None and day >= today and (soonest is None or day < soonest):
            soonest = day
    return soonest


def _new_member(incoming: ReplicaMember, today: date) -> NewMember:
    """``incoming`` as a member new here: no local entries, so all its points are the
    correction."""
    points = incoming.points
    return NewMember(  # positional: a bootstrap makes a million of these
        incoming.member_id,
        incoming.phone,
        incoming.name,
        incoming.birthday,
        incoming.enrolled_on,
        incoming.home_store,
        incoming.plus_expires_on,
        incoming.status,
        incoming.growth,
        points,
        _lot_expiry(incoming, today) if points > 0 else None,
    )


class _CheckpointEvent:
    """The one event that names every correction of a checkpoint (entries need one), made
    by the first chunk that needs it; after a crash, a pull's checkpoint applied again finds
    the one made before. Snapshot pages (cursor 0) each have their own."""

    def __init__(self, ctx: ServiceContext, checkpoint: Checkpoint) -> None:
        self.ctx = ctx
        self.checkpoint = checkpoint
        self.request_id = f"checkpoint-{checkpoint.cursor}"
        self._seq: int | None = None

    def seq(self, session: Session) -> int:
        if self._seq is None:
            self._seq = self._made_before(session) or self._make(session)
        return self._seq

    def _made_before(self, session: Session) -> int | None:
        if self.checkpoint.cursor == 0:
            return None
        made = session.scalar(
            select(OutboxEvent.seq).where(
                OutboxEvent.kind == CHECKPOINT_KIND, OutboxEvent.request_id == self.request_id
            )
        )
        return None if made is None else int(made)

    def _make(self, session: Session) -> int:
        return append_event(
            session,
            CheckpointApplied(
                cursor=self.checkpoint.cursor,
                applied_through_seq=self.checkpoint.applied_through_seq,
            ),
            request_id=self.request_id,
            member_id=None,
            now=self.ctx.now(),
            zone=self.ctx.timezone,
        ).seq


def _apply_members(
    session: Session,
    ctx: ServiceContext,
    checkpoint: Checkpoint,
    members: Sequence[ReplicaMember],
    event: _CheckpointEvent,
    today: date,
) -> int:
    """Member by member: update the ones known here, add the others, post the corrections."""
    ids = [m.member_id for m in members]
    local = _confirmed_locally(session, ids, checkpoint.applied_through_seq)
    adjusted = 0
    for incoming in members:
        member = _upsert_member(session, incoming)
        if member is None:
            continue
        delta = incoming.points - local.get(incoming.member_id, 0)
        if delta == 0:
            continue
        posting = Posting(
            session=session,
            member_id=incoming.member_id,
            request_id=event.request_id,
            event_seq=event.seq(session),
            now=ctx.now(),
            note=SYNC_NOTE,
        )
        if delta > 0:
            posting.credit(SYNC_KIND, delta, _lot_expiry(incoming, today))
        else:
            posting.debit(SYNC_KIND, -delta, today, overdraft_reason=SYNC_NOTE)
        adjusted += 1
    return adjusted


def _upsert_member(session: Session, incoming: ReplicaMember) -> Member | None:
    member = session.get(Member, incoming.member_id)
    clash = session.scalar(
        select(Member).where(Member.phone == incoming.phone, Member.member_id != incoming.member_id)
    )
    if clash is not None:
        log.warning(
            "member %s: phone already used here by %s; kept the local phone",
            incoming.member_id,
            clash.member_id,
        )
    if member is None:
        if clash is not None:
            return None
        member = Member(
            member_id=incoming.member_id,
            phone=incoming.phone,
            name=incoming.name,
            birthday=incoming.birthday,
            enrolled_on=incoming.enrolled_on,
            home_store=incoming.home_store,
            marketing_consent=False,
            real_name_verified=False,
            credit_score=0,
            risk_flags=0,
            reviews=0,
            referrals=0,
            plus_expires_on=incoming.plus_expires_on,
            pin_hash=None,
            status=incoming.status,
            ledger_growth=incoming.growth,
        )
        session.add(member)
        session.flush()
        set_standing(member, incoming.standing)
        session.add(Balance(member_id=member.member_id, points=0, open_overdraft=0))
        session.flush()
        return member
    if clash is None:
        member.phone = incoming.phone
    member.name = incoming.name
    member.birthday = incoming.birthday
    member.status = incoming.status
    member.ledger_growth = incoming.growth
    set_standing(member, incoming.standing)
    if incoming.plus_expires_on is not None and (
        member.plus_expires_on is None or incoming.plus_expires_on > member.plus_expires_on
    ):
        member.plus_expires_on = incoming.plus_expires_on
    return member


def set_standing(member: Member, standing: Standing | None) -> None:
    """The ledger's referrer, real-name and credit of a member (a local verification not yet
    confirmed stays: the ledger never takes one back)."""
    if standing is None:
        return
    member.referred_by = standing.referrer or member.referred_by
    if standing.id_last4 is not None:
        member.real_name_verified, member.id_last4 = True, standing.id_last4
    member.credit_score = standing.credit_score or 0  # unknown counts 0
    member.risk_flags = standing.risk_flags

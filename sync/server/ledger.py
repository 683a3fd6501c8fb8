"""The central ledger's rules: pair terminals, take events exactly once, answer pulls.

Every function takes a SQLAlchemy session inside the caller's transaction; the API and the
command line decide where transactions begin and end.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, String, and_, func, select, type_coerce, update
from sqlalchemy.orm import Session

from app.domain.events import GENESIS_HASH, canonical_json, event_hash
from app.domain.growth import Activity, growth_value
from app.domain.plus import is_plus
from app.domain.points import expiry_for
from app.domain.quote import Shopper, points_earned
from app.domain.rulebook import RuleBook, parse_rule_book
from sync.protocol import (
    AuthorizeResponse,
    Bucket,
    EventResult,
    MemberState,
    PushResponse,
    WireEvent,
)
from sync.server.db import current_cursor
from sync.server.errors import Refused
from sync.server.models import (
    CodeStep,
    Counter,
    Entry,
    Event,
    Flag,
    FlagResolution,
    Hold,
    Lot,
    Member,
    RuleBookVersion,
    Terminal,
)

NEVER = date(9999, 12, 31)
PAIRING_VALID = timedelta(hours=24)
HOLD_VALID = timedelta(minutes=15)


def now_utc() -> datetime:
    return datetime.now(UTC)


def token_hash(token: str) -> str:
    # Credentials are 256 random bits: a fast hash is enough (no dictionary to attack).
    return hashlib.sha256(token.encode()).hexdigest()


def next_cursor(session: Session) -> int:
    """Take the next change cursor; the row lock is held until this transaction ends."""
    session.execute(
        update(Counter).where(Counter.name == "changes").values(value=Counter.value + 1)
    )
    value = session.scalar(select(Counter.value).where(Counter.name == "changes"))
    return int(value or 0)


# ------------------------------------------------------------------------------ terminals


def add_terminal(
    session: Session, terminal_id: str, store_code: str, rules: RuleBook | None
) -> str:
    """Create a terminal (or re-issue its pairing code) and return a one-time pairing code."""
    if rules is not None and rules.store(store_code) is None:
        raise Refused(422, "unknown_store", f"Store {store_code!r} is not in the rule book.")
    code = "-".join(secrets.token_hex(2).upper() for _ in range(3))
    existing = session.get(Terminal, terminal_id)
    now = now_utc()
    if existing is None:
        session.add(
            Terminal(
                terminal_id=terminal_id,
                store_code=store_code,
                pairing_code_hash=token_hash(code),
                pairing_expires_at=now + PAIRING_VALID,
                last_seq=0,
                last_hash=GENESIS_HASH,
                created_at=now,
            )
        )
    else:
        if existing.store_code != store_code:
            raise Refused(
                409,
                "terminal_exists",
                f"Terminal {terminal_id} belongs to store {existing.store_code}.",
            )
        existing.pairing_code_hash = token_hash(code)
        existing.pairing_expires_at = now + PAIRING_VALID
        # A revoked terminal stays revoked until it pairs with the new code.
    return code


def pair(session: Session, terminal_id: str, pairing_code: str) -> tuple[Terminal, str]:
    terminal = session.get(Terminal, terminal_id)
    now = now_utc()
    if (
        terminal is None
        or terminal.pairing_code_hash is None
        or not secrets.compare_digest(terminal.pairing_code_hash, token_hash(pairing_code))
        or terminal.pairing_expires_at is None
        or terminal.pairing_expires_at < now
    ):
        raise Refused(
            403,
            "bad_pairing_code",
            "That pairing code is wrong, used or expired. Ask the operator for a "
            "new one ('memberdesk-ledger terminal add').",
        )
    credential = secrets.token_urlsafe(32)
    terminal.credential_hash = token_hash(credential)
    terminal.pairing_code_hash = None  # one time only
    terminal.paired_at = now
    terminal.revoked_at = None
    return terminal, credential


def authenticate(session: Session, credential: str | None) -> Terminal:
    if not credential:
        raise Refused(401, "no_credential", "This request needs the terminal's credential.")
    terminal = session.scalar(
        select(Terminal).where(Terminal.credential_hash == token_hash(credential))
    )
    if terminal is None:
        raise Refused(401, "bad_credential", "The terminal's credential is not known here.")
    if terminal.revoked_at is not None:
        raise Refused(
            403,
            "revoked",
            f"Terminal {terminal.terminal_id} was revoked; pair it again if it should work.",
        )
    return terminal


def revoke(session: Session, terminal_id: str) -> None:
    terminal = session.get(Terminal, terminal_id)
    if terminal is None:
        raise Refused(404, "unknown_terminal", f"There is no terminal {terminal_id!r}.")
    terminal.revoked_at = now_utc()
    # The credential's hash stays so that the terminal hears "revoked" (403), not "unknown";
    # only a new pairing replaces it.
    terminal.pairing_code_hash = None


# ---------------------------------------------------------------------------- rule books


def publish_rules(session: Session, document: dict[str, Any]) -> RuleBook:
    rules = parse_rule_book(document)  # RuleBookError names the bad field
    latest = session.scalar(select(func.max(RuleBookVersion.version))) or 0
    if rules.version <= latest:
        raise Refused(
            409,
            "old_version",
            f"Rule book version {rules.version} is not newer than the published version {latest}.",
        )
    session.add(
        RuleBookVersion(
            version=rules.version,
            body=canonical_json(document),
            published_at=now_utc(),
            cursor=next_cursor(session),
        )
    )
    return rules


_RULES_CACHE: dict[tuple[int, str], RuleBook] = {}


_RULES_IN_PUSH = "memberdesk_rule_books"  # session.info key: rule books a push looked up


def rule_book(session: Session, version: int | None = None) -> RuleBook | None:
    memo: dict[int | None, RuleBook | None] | None = session.info.get(_RULES_IN_PUSH)
    if memo is not None:  # within one push (one transaction) the answer cannot change
        if version not in memo:
            memo[version] = _rule_book(session, version)
        return memo[version]
    return _rule_book(session, version)


def _rule_book(session: Session, version: int | None) -> RuleBook | None:
    query = select(RuleBookVersion)
    query = (
        query.where(RuleBookVersion.version == version)
        if version is not None
        else query.order_by(RuleBookVersion.version.desc()).limit(1)
    )
    row = session.scalar(query)
    if row is None:
        return None
    key = (row.version, hashlib.sha256(row.body.encode()).hexdigest())
    if key not in _RULES_CACHE:
        _RULES_CACHE[key] = parse_rule_book(json.loads(row.body))
    return _RULES_CACHE[key]


# -------------------------------------------------------------------------------- members


def member_state(session: Session, member: Member) -> MemberState:
    lots = session.execute(
        select(Lot.expires_on, Lot.remaining)
        .where(Lot.member_id == member.member_id, Lot.remaining > 0)
        .order_by(Lot.expires_on)
    ).all()
    return MemberState(
        member_id=member.member_id,
        phone=member.phone,
        name=member.name,
        birthday=member.birthday.isoformat() if member.birthday else None,
        enrolled_on=member.enrolled_on.isoformat(),
        home_store=member.home_store,
        plus_expires_on=member.plus_expires_on.isoformat() if member.plus_expires_on else None,
        status=member.status,
        points=member.points,
        overdraft=member.overdraft,
        growth=member.growth,
        buckets=[
            Bucket(expires_on=None if d == NEVER else d.isoformat(), points=r) for d, r in lots
        ],
    )


def find_member(session: Session, query: str) -> Member:
    member = session.get(Member, query) or session.scalar(
        select(Member).where(Member.phone == query)
    )
    if member is None:
        raise Refused(404, "unknown_member", f"No member {query!r} at the ledger.")
    return member


_DEFERRED_TOUCH = "memberdesk_touched"  # session.info key: members a push changed
_LOCKED = "memberdesk_locked"  # session.info key: member ids this transaction holds


def _touch(session: Session, member: Member) -> None:
    touched = session.info.get(_DEFERRED_TOUCH)
    if touched is not None:
        touched[member.member_id] = member  # stamped once, as the push's last step
        return
    member.cursor = next_cursor(session)


def _stamp_touched(session: Session) -> None:
    """Give every member the push changed its own new cursor, from one block taken off the
    counter. The counter's row lock is then held only from here to the commit (not for the
    whole push), still so that cursors become visible in order."""
    touched: dict[str, Member] = session.info.get(_DEFERRED_TOUCH) or {}
    if not touched:
        return
    high = session.execute(
        update(Counter)
        .where(Counter.name == "changes")
        .values(value=Counter.value + len(touched))
        .returning(Counter.value)
    ).scalar_one()
    for offset, member_id in enumerate(sorted(touched)):
        touched[member_id].cursor = int(high) - len(touched) + 1 + offset


def _held(session: Session, model: type[Any], key: Any, loaded: str) -> Any:
    """``session.get``, without the round trip when the push loaded every row there is for
    ``loaded`` (a locked member's lots, or the batch's events) up front: a row not among
    them does not exist."""
    held = session.info.get(_LOCKED)
    if held is not None and (loaded == "events" or held.get(loaded) is not None):
        return held["rows"].get((model, key))
    return session.get(model, key)


def _hold(session: Session, row: Lot | Event) -> None:
    """Keep a row the push loaded or created where ``_held`` finds it."""
    held = session.info.get(_LOCKED)
    if held is not None:
        key = (row.member_id, row.expires_on) if isinstance(row, Lot) else row.event_id
        held["rows"][(type(row), key)] = row


def _lock_members(session: Session, events: list[WireEvent]) -> None:
    """Lock (SELECT ... FOR UPDATE, in member id order, so two pushes never wait for each
    other in a circle) every member the batch names, before any balance is read: two
    terminals crediting one member at once must not both add to the same old balance."""
    ids: set[str] = set()
    for event in events:
        try:
            member_id = json.loads(event.payload).get("member_id")
        except (ValueError, AttributeError):
            continue
        if isinstance(member_id, str) and member_id:
            ids.add(member_id)
    # Kept here, not only in the identity map (which holds objects weakly), so that each
    # event finds its member, lots and earlier copy without another round trip.
    held: dict[str, Any] = session.info.setdefault(_LOCKED, {"rows": {}})
    for member_id in ids:
        held[member_id] = None
    if ids:
        for member in session.scalars(
            select(Member)
            .where(Member.member_id.in_(sorted(ids)))
            .order_by(Member.member_id)
            .with_for_update()
        ).all():
            held[member.member_id] = member
        for lot in session.scalars(select(Lot).where(Lot.member_id.in_(sorted(ids)))):
            _hold(session, lot)
    event_ids = [event.event_id for event in events]
    for stored in session.scalars(select(Event).where(Event.event_id.in_(event_ids))):
        _hold(session, stored)


# ------------------------------------------------------------------------------- balances


@dataclass
class Apply:
    """One event being applied: where the points moved and what to flag."""

    session: Session
    event: WireEvent
    store_code: str
    at: datetime

    def entry(self, member: Member, kind: str, points: int) -> None:
        if points == 0:
            return
        self.session.add(
            Entry(
                event_id=self.event.event_id,
                member_id=member.member_id,
                kind=kind,
                points=points,
                store_code=self.store_code,
                ledger_time=self.at,
            )
        )
        member.points += points

    def flag(self, kind: str, member: Member | None, detail: str, points: int = 0) -> None:
        self.session.add(
            Flag(
                kind=kind,
                event_id=self.event.event_id,
                member_id=member.member_id if member else None,
                points=points,
                detail=detail,
                created_at=self.at,
            )
        )

    def earn(self, member: Member, kind: str, points: int, expires: date | None) -> None:
        if points <= 0:
            return
        self.entry(member, kind, points)
        settle = min(member.overdraft, points)
        member.overdraft -= settle
        left = points - settle
        if left:
            day = expires or NEVER
            lot = _held(self.session, Lot, (member.member_id, day), member.member_id)
            if lot is None:
                lot = Lot(member_id=member.member_id, expires_on=day, remaining=left)
                self.session.add(lot)
                _hold(self.session, lot)
            else:
                lot.remaining += left

    def spend(self, member: Member, kind: str, points: int, today: date) -> int:
        """Take points oldest first; what is missing becomes a flagged overdraft (offline
        redemptions were handed over: they are posted, never dropped). Returns the
        overdraft."""
        if points <= 0:
            return 0
        self.entry(member, kind, -points)
        left = points
        lots = self.session.scalars(
            select(Lot)
            .where(Lot.member_id == member.member_id, Lot.remaining > 0, Lot.expires_on >= today)
            .order_by(Lot.expires_on)
        ).all()
        for lot in lots:
            take = min(lot.remaining, left)
            lot.remaining -= take
            left -= take
            if left == 0:
                break
        if left:
            member.overdraft += left
            self.flag("overdraft", member, f"{kind}: {left} points more than the member had", left)
        return left


def expire_due(session: Session, member: Member, today: date, at: datetime) -> int:
    """The ledger's own expiry (terminals' expiry events are only their local view)."""
    held = session.info.get(_LOCKED)
    if held is not None:  # in a push: once per member is enough (the day does not change)
        done: set[str] = held.setdefault("expired", set())
        if member.member_id in done:
            return 0
        done.add(member.member_id)
    lots = session.scalars(
        select(Lot).where(
            Lot.member_id == member.member_id, Lot.remaining > 0, Lot.expires_on < today
        )
    ).all()
    total = 0
    for lot in lots:
        total += lot.remaining
        lot.remaining = 0
    if total:
        session.add(
            Entry(
                event_id="expiry",
                member_id=member.member_id,
                kind="expire",
                points=-total,
                store_code="ledger",
                ledger_time=at,
            )
        )
        member.points -= total
    return total


# ---------------------------------------------------------------------------------- push


class Rejection(Exception):
    """A business rejection: final, recorded, and never blocks the queue."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def _content_fields(event: WireEvent, stored: Event) -> list[str]:
    pairs = {
        "terminal_id": (event.terminal_id, stored.terminal_id),
        "seq": (event.seq, stored.seq),
        "kind": (event.kind, stored.kind),
        "payload": (event.payload, stored.payload),
        "prev_hash": (event.prev_hash, stored.prev_hash),
        "hash": (event.hash, stored.hash),
        "created_at": (event.created_at, stored.terminal_time),
    }
    return sorted(name for name, (a, b) in pairs.items() if a != b)


def _result(stored: Event) -> EventResult:
    return EventResult(
        event_id=stored.event_id,
        seq=stored.seq,
        status="applied" if stored.status == "applied" else "rejected",
        code=stored.code,
        reason=stored.reason,
        ledger_time=stored.ledger_time.isoformat(),
    )


def push(session: Session, terminal: Terminal, events: list[WireEvent]) -> PushResponse:
    """Apply a batch in sequence order. Protocol errors (another terminal's events, a gap, a
    broken chain, a changed replay) refuse the whole batch and write nothing.

    Locks, always in this order: the members the batch names, this terminal's row, the change
    counter (taken last, held only for the final stamping)."""
    _lock_members(session, events)
    session.info[_DEFERRED_TOUCH] = {}
    session.info[_RULES_IN_PUSH] = {}
    try:
        response = _push_events(session, terminal, events)
        _stamp_touched(session)
        session.flush()
    finally:
        session.info.pop(_DEFERRED_TOUCH, None)
        session.info.pop(_LOCKED, None)  # the locks end with the transaction
        session.info.pop(_RULES_IN_PUSH, None)
    return response


def _push_events(session: Session, terminal: Terminal, events: list[WireEvent]) -> PushResponse:
    at = now_utc()
    results: list[EventResult] = []
    # Lock this terminal's row: two concurrent pushes from one terminal apply in order.
    session.execute(
        update(Terminal).where(Terminal.terminal_id == terminal.terminal_id).values(last_seen_at=at)
    )
    session.refresh(terminal)
    for event in events:
        if event.terminal_id != terminal.terminal_id:
            raise Refused(
                403,
                "wrong_terminal",
                f"Event {event.seq} is from terminal {event.terminal_id}; this "
                f"credential belongs to {terminal.terminal_id}.",
            )
        stored = _held(session, Event, event.event_id, "events")
        if stored is not None:
            fields = _content_fields(event, stored)
            if fields:
                raise Refused(
                    409,
                    "event_conflict",
                    f"Event {event.event_id} was received before with other "
                    f"content ({', '.join(fields)}).",
                    fields=fields,
                )
            results.append(_result(stored))
            continue
        if event.seq <= terminal.last_seq:
            raise Refused(
                409,
                "seq_reused",
                f"Sequence {event.seq} of terminal "
                f"{terminal.terminal_id} already has another event.",
                expected_seq=terminal.last_seq + 1,
            )
        if event.seq != terminal.last_seq + 1:
            raise Refused(
                409,
                "sequence_gap",
                f"Expected event {terminal.last_seq + 1} of "
                f"terminal {terminal.terminal_id}, got {event.seq}.",
                expected_seq=terminal.last_seq + 1,
            )
        recomputed = event_hash(
            prev_hash=event.prev_hash,
            event_id=event.event_id,
            terminal_id=event.terminal_id,
            seq=event.seq,
            kind=event.kind,
            payload=event.payload,
            created_at=event.created_at,
        )
        if event.prev_hash != terminal.last_hash or recomputed != event.hash:
            raise Refused(
                409,
                "hash_chain_broken",
                f"Event {event.seq} does not continue "
                f"terminal {terminal.terminal_id}'s hash chain: its history was "
                "changed.",
                expected_seq=event.seq,
            )
        status, code, reason = "applied", None, None
        try:
            with session.begin_nested():
                apply_event(session, terminal, event, at)
        except Rejection as rejection:
            status, code, reason = "rejected", rejection.code, rejection.reason
        stored = Event(
            event_id=event.event_id,
            terminal_id=event.terminal_id,
            seq=event.seq,
            kind=event.kind,
            payload=event.payload,
            prev_hash=event.prev_hash,
            hash=event.hash,
            terminal_time=event.created_at,
            status=status,
            code=code,
            reason=reason,
            ledger_time=at,
        )
        session.add(stored)
        _hold(session, stored)
        terminal.last_seq = event.seq
        terminal.last_hash = event.hash
        results.append(_result(stored))
    session.flush()
    return PushResponse(
        results=results, applied_through_seq=terminal.last_seq, ledger_time=at.isoformat()
    )


def _payload(event: WireEvent) -> dict[str, Any]:
    try:
        value = json.loads(event.payload)
    except ValueError:
        raise Rejection("bad_payload", "The event's payload is not JSON.") from None
    if not isinstance(value, dict):
        raise Rejection("bad_payload", "The event's payload is not an object.")
    return value


def _member(session: Session, member_id: object) -> Member:
    # A member the push did not lock up front (rare: its id was not where _lock_members
    # looks) is locked here.
    locked = str(member_id) in session.info.get(_LOCKED, ())
    member = (
        session.get(Member, str(member_id), with_for_update=None if locked else True)
        if member_id
        else None
    )
    if member is None:
        raise Rejection("unknown_member", f"No member {member_id!r} at the ledger.")
    return member


def _int(payload: dict[str, Any], key: str) -> int:
    value = payload.get(key, 0)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise Rejection("bad_payload", f"{key} must be a whole number >= 0.")
    return value


def _local_day(event: WireEvent) -> date:
    try:
        return datetime.fromisoformat(event.created_at).date()
    except ValueError:
        raise Rejection("bad_payload", "created_at is not a time.") from None


def apply_event(session: Session, terminal: Terminal, event: WireEvent, at: datetime) -> None:
    payload = _payload(event)
    store = str(payload.get("store", terminal.store_code))
    if store != terminal.store_code:
        raise Rejection(
            "wrong_store",
            f"Terminal {terminal.terminal_id} writes for store {terminal.store_code}, not {store}.",
        )
    apply = Apply(session, event, terminal.store_code, at)
    today = at.date()
    kind = event.kind
    if kind in ("expire", "coupon_issued", "checkpoint_applied"):
        return  # the terminal's own view; the ledger keeps its own expiry and coupons
    if kind == "member_enrolled":
        _enroll(session, payload)
        return
    member = _member(session, payload.get("member_id"))
    if kind == "code_accepted":
        _code_accepted(session, apply, terminal, member, payload, event)
        return
    expire_due(session, member, today, at)
    rules = rule_book(session)
    if kind == "purchase":
        if payload.get("hold_id"):
            session.execute(
                update(Hold).where(Hold.hold_id == str(payload["hold_id"])).values(consumed=True)
            )
        _purchase(session, apply, member, payload, event)
    elif kind == "redeem":
        points = _int(payload, "points")
        hold_id = payload.get("hold_id")
        if hold_id:
            session.execute(update(Hold).where(Hold.hold_id == str(hold_id)).values(consumed=True))
        apply.spend(member, "redeem", points, today)
    elif kind == "refund":
        apply.spend(member, "refund_earn", _int(payload, "points_clawed_back"), today)
        expires = expiry_for(_local_day(event), rules.points) if rules else None
        apply.earn(member, "refund_spend", _int(payload, "points_returned"), expires)
    elif kind == "adjust":
        points = payload.get("points", 0)
        if not isinstance(points, int) or isinstance(points, bool):
            raise Rejection("bad_payload", "points must be a whole number.")
        if points > 0:
            expires = expiry_for(_local_day(event), rules.points) if rules else None
            apply.earn(member, "adjust", points, expires)
        else:
            apply.spend(member, "adjust", -points, today)
    elif kind == "plus_sold":
        try:
            ends = date.fromisoformat(str(payload.get("ends_on")))
        except ValueError:
            raise Rejection("bad_payload", "ends_on is not a date.") from None
        if member.plus_expires_on is None or ends > member.plus_expires_on:
            member.plus_expires_on = ends
    else:
        raise Rejection("unknown_kind", f"The ledger does not know events of kind {kind!r}.")
    _touch(session, member)


def _code_accepted(
    session: Session,
    apply: Apply,
    terminal: Terminal,
    member: Member,
    payload: dict[str, Any],
    event: WireEvent,
) -> None:
    """A terminal took a phone's code for one 30-second step. Each terminal refuses a step it
    already took; the same step taken at a second terminal is a copied code: flag it."""
    step = _int(payload, "step")
    earlier = session.get(CodeStep, (member.member_id, step))
    if earlier is None:
        session.add(
            CodeStep(
                member_id=member.member_id,
                step=step,
                terminal_id=terminal.terminal_id,
                event_id=event.event_id,
            )
        )
    elif earlier.event_id != event.event_id:
        apply.flag(
            "code_replay",
            member,
            f"The phone code of step {step} was accepted at terminal {earlier.terminal_id} "
            f"and again at terminal {terminal.terminal_id}: a copied code (screenshot?).",
        )


def _enroll(session: Session, payload: dict[str, Any]) -> None:
    member_id = str(payload.get("member_id") or "")
    phone = str(payload.get("phone") or "")
    if not member_id or not phone:
        raise Rejection("bad_payload", "An enrollment needs a member id and a phone.")
    existing = session.get(Member, member_id)
    if existing is not None:
        if existing.phone != phone:
            raise Rejection("duplicate_member", f"Member {member_id} exists with another phone.")
        return
    if session.scalar(select(Member.member_id).where(Member.phone == phone)) is not None:
        raise Rejection(
            "duplicate_phone",
            "Another member already has this phone number; the service desk should merge them.",
        )
    birthday = payload.get("birthday")
    session.add(
        Member(
            member_id=member_id,
            phone=phone,
            name=str(payload.get("name") or member_id),
            birthday=date.fromisoformat(birthday) if birthday else None,
            enrolled_on=date.fromisoformat(str(payload.get("enrolled_on"))),
            home_store=str(payload.get("store") or ""),
            plus_expires_on=None,
            status="active",
            growth=0,
            points=0,
            overdraft=0,
            spend_365_fen=0,
            purchases=0,
            cursor=next_cursor(session),
        )
    )


def _purchase(
    session: Session, apply: Apply, member: Member, payload: dict[str, Any], event: WireEvent
) -> None:
    used = _int(payload, "points_used")
    earned = _int(payload, "points_earned")
    day = _local_day(event)
    rules = rule_book(session, _int(payload, "rule_book_version")) or rule_book(session)
    apply.spend(member, "spend", used, apply.at.date())
    apply.earn(member, "earn", earned, expiry_for(day, rules.points) if rules else None)
    member.purchases += 1
    member.spend_365_fen += _int(payload, "payable_fen")
    if rules is None:
        return
    # Growth across every store (consumption only: the ledger sees no activity signals yet).
    member.growth = growth_value(
        Activity(spend_fen=member.spend_365_fen, purchases=member.purchases), rules
    ).total
    # Recompute with the domain the terminal used; a different figure is flagged, not
    # refused: the receipt was printed and the customer has left.
    try:
        tier = rules.tier(str(payload.get("tier") or rules.tiers[0].code))
    except KeyError:
        apply.flag("recompute_failed", member, f"unknown tier {payload.get('tier')!r}")
        return
    plus = bool(payload.get("plus", is_plus(member.plus_expires_on, day)))
    shopper = Shopper(member.member_id, tier, plus, 0)
    want = points_earned(
        _int(payload, "payable_fen"),
        shopper=shopper,
        store=apply.store_code,
        day=day,
        rules=rules,
    ).total
    if want != earned:
        apply.flag(
            "recompute_mismatch",
            member,
            f"terminal awarded {earned} points; rule book v{rules.version} gives {want}",
            earned - want,
        )


# ------------------------------------------------------------------------- online redeem


def authorize(
    session: Session, terminal: Terminal, member_id: str, points: int, request_id: str
) -> AuthorizeResponse:
    at = now_utc()
    existing = session.scalar(select(Hold).where(Hold.request_id == request_id))
    member = session.get(Member, member_id)
    if member is None:
        raise Refused(404, "unknown_member", f"No member {member_id!r} at the ledger.")
    # Lock the member row so two terminals cannot both spend the same points.
    session.execute(
        update(Member).where(Member.member_id == member_id).values(cursor=Member.cursor)
    )
    expire_due(session, member, at.date(), at)
    held = (
        session.scalar(
            select(func.coalesce(func.sum(Hold.points), 0)).where(
                Hold.member_id == member_id,
                Hold.consumed.is_(False),
                Hold.expires_at > at,
                Hold.request_id != request_id,
            )
        )
        or 0
    )
    available = max(0, member.points - held)
    if existing is not None:
        return AuthorizeResponse(
            approved=True,
            balance=available,
            hold_id=existing.hold_id,
            reason=None,
            ledger_time=at.isoformat(),
        )
    if points > available:
        return AuthorizeResponse(
            approved=False,
            balance=available,
            hold_id=None,
            reason=f"The member has {available} points; {points} are needed.",
            ledger_time=at.isoformat(),
        )
    hold = Hold(
        hold_id=str(uuid.uuid4()),
        request_id=request_id,
        member_id=member_id,
        terminal_id=terminal.terminal_id,
        points=points,
        expires_at=at + HOLD_VALID,
        consumed=False,
    )
    session.add(hold)
    return AuthorizeResponse(
        approved=True,
        balance=available,
        hold_id=hold.hold_id,
        reason=None,
        ledger_time=at.isoformat(),
    )


# ---------------------------------------------------------------------------- pull, snapshot


def _rule_book_between(session: Session, low: int, high: int) -> dict[str, Any] | None:
    row = session.scalar(
        select(RuleBookVersion)
        .where(RuleBookVersion.cursor > low, RuleBookVersion.cursor <= high)
        .order_by(RuleBookVersion.version.desc())
        .limit(1)
    )
    return None if row is None else dict(json.loads(row.body))


def latest_rule_book_document(session: Session) -> dict[str, Any] | None:
    row = session.scalar(select(RuleBookVersion).order_by(RuleBookVersion.version.desc()).limit(1))
    return None if row is None else dict(json.loads(row.body))


def changes(
    session: Session, terminal: Terminal, since: int, checkpoint: int | None, limit: int
) -> dict[str, Any]:
    """Members changed in (since, checkpoint], oldest change first. The first page fixes the
    checkpoint; the client applies the pages only when ``more`` is False.

    Returns the page in its wire form (a ``ChangesPage`` without ``keys``) as plain data:
    a page of thousands of members is built and serialised without a model per member."""
    at = now_utc()
    if checkpoint is None:
        checkpoint = current_cursor(session)
    rows = (
        session.connection()
        .execute(
            select(*_STATE_COLUMNS, Member.cursor)
            .where(Member.cursor > since, Member.cursor <= checkpoint)
            .order_by(Member.cursor)
            .limit(limit + 1)
        )
        .all()
    )
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = rows[-1][-1] if more else checkpoint
    ids = [row[0] for row in rows]
    buckets: dict[str, list[dict[str, Any]]] = {}
    for start in range(0, len(ids), _IN_CHUNK):
        buckets.update(_buckets(session, Lot.member_id.in_(ids[start : start + _IN_CHUNK])))
    return {
        "checkpoint": checkpoint,
        "next_cursor": next_cursor,
        "more": more,
        "members": [_state(row, buckets) for row in rows],
        "rule_book": _rule_book_between(session, since, checkpoint),
        "applied_through_seq": terminal.last_seq,
        "ledger_time": at.isoformat(),
    }


def snapshot(
    session: Session, terminal: Terminal, after: str | None, checkpoint: int | None, limit: int
) -> dict[str, Any]:
    """Every member, by member id, in resumable pages (a new terminal's first load).

    Two queries a page, whatever its size: the page's members, then the lots of the id range
    they span. Returns the page in its wire form (a ``SnapshotPage`` without ``keys``) as
    plain data, serialised as it is (see ``changes``)."""
    at = now_utc()
    if checkpoint is None:
        checkpoint = current_cursor(session)
    query = select(*_STATE_COLUMNS).order_by(Member.member_id).limit(limit + 1)
    if after is not None:
        query = query.where(Member.member_id > after)
    rows = session.connection().execute(query).all()
    more = len(rows) > limit
    rows = rows[:limit]
    buckets: dict[str, list[dict[str, Any]]] = {}
    if rows:
        # the page is every member in [first, last]: one range scan of the lots' key
        buckets = _buckets(
            session,
            and_(Lot.member_id >= rows[0][0], Lot.member_id <= rows[-1][0]),
        )
    return {
        "checkpoint": checkpoint,
        "after": rows[-1][0] if rows else after,
        "more": more,
        "members": [_state(row, buckets) for row in rows],
        "rule_book": latest_rule_book_document(session) if after is None else None,
        "applied_through_seq": terminal.last_seq,
        "ledger_time": at.isoformat(),
    }


_IN_CHUNK = 900  # member ids per IN (...) list


def _day_text(column: Any) -> Any:
    """A date column read as the driver gives it: SQLite's stored ISO text as it is (no
    parsing a million dates only to format them again), PostgreSQL's date (see ``_iso``)."""
    return type_coerce(column, String)


def _iso(day: date | str) -> str:
    return day if isinstance(day, str) else day.isoformat()


_NEVER_ISO = NEVER.isoformat()
_STATE_COLUMNS = (
    Member.member_id,
    Member.phone,
    Member.name,
    _day_text(Member.birthday),
    _day_text(Member.enrolled_on),
    Member.home_store,
    _day_text(Member.plus_expires_on),
    Member.status,
    Member.points,
    Member.overdraft,
    Member.growth,
)


def _buckets(session: Session, which: ColumnElement[bool]) -> dict[str, list[dict[str, Any]]]:
    """The live lots (as wire buckets, soonest expiry first) of the members ``which`` picks."""
    found: dict[str, list[dict[str, Any]]] = {}
    for member_id, expires, remaining in (
        session.connection()
        .execute(
            select(Lot.member_id, _day_text(Lot.expires_on), Lot.remaining)
            .where(which, Lot.remaining > 0)
            .order_by(Lot.member_id, Lot.expires_on)
        )
        .all()
    ):
        day = _iso(expires)
        found.setdefault(member_id, []).append(
            {"expires_on": None if day == _NEVER_ISO else day, "points": remaining}
        )
    return found


def _state(row: Sequence[Any], buckets: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """One member in the wire form of ``MemberState`` (``member_state`` for one member)."""
    (member_id, phone, name, birthday, enrolled_on, home_store, plus, status, points) = row[:9]
    return {
        "member_id": member_id,
        "phone": phone,
        "name": name,
        "birthday": _iso(birthday) if birthday else None,
        "enrolled_on": _iso(enrolled_on),
        "home_store": home_store,
        "plus_expires_on": _iso(plus) if plus else None,
        "status": status,
        "points": points,
        "overdraft": row[9],
        "growth": row[10],
        "buckets": buckets.get(member_id, []),
    }


# -------------------------------------------------------------------------------- reports


def report(session: Session) -> dict[str, Any]:
    """Points liability, what each store owes the others, overdrafts, flags."""
    rules = rule_book(session)
    value = rules.points.value_fen_per_point if rules else 1
    points, overdraft, members = session.execute(
        select(
            func.coalesce(func.sum(Member.points), 0),
            func.coalesce(func.sum(Member.overdraft), 0),
            func.count(Member.member_id),
        )
    ).one()
    earned: dict[str, int] = dict(
        session.execute(
            select(Entry.store_code, func.sum(Entry.points))
            .where(Entry.kind.in_(("earn", "adjust")), Entry.points > 0)
            .group_by(Entry.store_code)
        ).all()
    )
    spent: dict[str, int] = dict(
        session.execute(
            select(Entry.store_code, -func.sum(Entry.points))
            .where(Entry.kind.in_(("spend", "redeem")))
            .group_by(Entry.store_code)
        ).all()
    )
    total_earned = sum(int(v) for v in earned.values()) or 1
    # Points are pooled: a store's redemptions are funded by each store in proportion to
    # the points it issued. Store X owes store Y: share(X) * redeemed at Y, in fen.
    owed = []
    for issuer, issued in sorted(earned.items()):
        for redeemer, redeemed in sorted(spent.items()):
            if issuer != redeemer and redeemed:
                fen = int(issued) * int(redeemed) * value // total_earned
                if fen:
                    owed.append({"from": issuer, "to": redeemer, "fen": fen})
    overdrafts = [
        {"member_id": m, "points": int(p)}
        for m, p in session.execute(
            select(Member.member_id, Member.overdraft)
            .where(Member.overdraft > 0)
            .order_by(Member.overdraft.desc())
            .limit(200)
        )
    ]
    open_flags = session.scalar(
        select(func.count(Flag.flag_id))
        .outerjoin(FlagResolution, FlagResolution.flag_id == Flag.flag_id)
        .where(FlagResolution.flag_id.is_(None))
    )
    flags = [
        {
            "flag_id": f.flag_id,
            "kind": f.kind,
            "member_id": f.member_id,
            "event_id": f.event_id,
            "points": f.points,
            "detail": f.detail,
            "at": f.created_at.isoformat(),
        }
        for f in session.scalars(select(Flag).order_by(Flag.flag_id.desc()).limit(200))
    ]
    return {
        "members": int(members),
        "liability_points": int(points),
        "liability_fen": int(points) * value,
        "overdraft_points": int(overdraft),
        "earned_by_store": {k: int(v) for k, v in earned.items()},
        "redeemed_by_store": {k: int(v) for k, v in spent.items()},
        "owed": owed,
        "overdrafts": overdrafts,
        "flags": flags,
        "open_flags": int(open_flags or 0),
    }


CODES_REVOKED = "codes_revoked"


def set_codes_revoked(session: Session, member_id: str, revoked: bool) -> Member:
    """Withdraw (or give back) a member's codes, e.g. for a stolen card or phone; terminals
    refuse them from their next sync, and still serve the member by phone number."""
    member = session.get(Member, member_id)
    if member is None:
        raise Refused(404, "unknown_member", f"There is no member {member_id!r}.")
    member.status = CODES_REVOKED if revoked else "active"
    _touch(session, member)
    return member


def import_members(session: Session, rows: list[dict[str, str]], rules: RuleBook | None) -> int:
    """Members from a CSV (member_id, phone, name, birthday, enrolled_on, home_store,
    points): opening balances become a lot like any other."""
    at = now_utc()
    count = 0
    for line, row in enumerate(rows, start=2):
        try:
            member_id, phone = row["member_id"].strip(), row["phone"].strip()
            enrolled = date.fromisoformat(row.get("enrolled_on") or at.date().isoformat())
            birthday = date.fromisoformat(row["birthday"]) if row.get("birthday") else None
            opening = int(row.get("points") or 0)
        except (KeyError, ValueError) as error:
            raise Refused(422, "bad_csv", f"line {line}: {error}") from None
        if not member_id or not phone or opening < 0:
            raise Refused(
                422, "bad_csv", f"line {line}: member_id and phone are needed, points >= 0"
            )
        if session.get(Member, member_id) is not None:
            continue
        member = Member(
            member_id=member_id,
            phone=phone,
            name=row.get("name") or member_id,
            birthday=birthday,
            enrolled_on=enrolled,
            home_store=row.get("home_store") or "",
            plus_expires_on=None,
            status="active",
            growth=0,
            points=0,
            overdraft=0,
            spend_365_fen=0,
            purchases=0,
            cursor=next_cursor(session),
        )
        session.add(member)
        if opening:
            expires = expiry_for(at.date(), rules.points) if rules else None
            session.add(
                Entry(
                    event_id="import",
                    member_id=member_id,
                    kind="import",
                    points=opening,
                    store_code="ledger",
                    ledger_time=at,
                )
            )
            member.points = opening
            session.add(Lot(member_id=member_id, expires_on=expires or NEVER, remaining=opening))
        count += 1
    return count

"""The central ledger's rules: pair terminals, take events exactly once, answer pulls.

Every function takes a SQLAlchemy session inside the caller's transaction; the API and the
command line decide where transactions begin and end.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import secrets
import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, String, and_, func, select, type_coerce, update
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput
from app.domain.events import GENESIS_HASH, business_day, canonical_json
from app.domain.phones import normalise_phone
from app.domain.points import Lot as PointsLot
from app.domain.points import due_to_expire
from app.domain.rulebook import RuleBook, parse_rule_book
from app.domain.stores import MALL, scope_of
from sync.protocol import (
    AuthorizeResponse,
    Bucket,
    CouponState,
    MemberState,
    ProfileDay,
    ReleaseResponse,
)
from sync.server import growth, plus_codes, plus_events, profile
from sync.server.clearing import clearing_report
from sync.server.db import current_cursor
from sync.server.errors import Refused
from sync.server.models import (
    Counter,
    Entry,
    Flag,
    FlagResolution,
    Hold,
    Lot,
    Member,
    RetiredCredential,
    RuleBookVersion,
    ScopeLot,
    Terminal,
)
from sync.server.scopes import available as scope_available
from sync.server.scopes import balances, scoped_lots

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
        # A revoked terminal stays revoked until it pairs with the new code; that pairing
        # (on a replacement PC) starts a new chain epoch (see ``pair``).
    return code


def pair(
    session: Session,
    terminal_id: str,
    pairing_code: str,
    credential: str | None = None,
    resume_epoch: int | None = None,
) -> tuple[Terminal, str]:
    """Trade a one-time pairing code for the terminal's credential. Every check comes first;
    the code is spent last, in the caller's transaction (nothing is spent on a refusal).

    ``credential`` is the secret the terminal made for itself (the ledger keeps its hash);
    without one the ledger makes it. The same request again after its reply was lost (the
    code already spent, by this very credential) gets the same pairing: a terminal that
    retries never holds a credential the ledger does not know.

    A terminal id paired before (a replacement PC, or this PC reset) starts a new chain
    epoch: its sequence starts again at 1 and the earlier pairing's credential is refused
    from now on. A terminal whose own events this ledger took in ``resume_epoch`` (the same
    PC paired again after a revocation, or the embedded ledger's terminal that lost its
    credential file) keeps its chain, unless another PC has paired since.
    """
    # Locked: two PCs pairing at once must not both spend one code or both take an epoch.
    terminal = session.get(Terminal, terminal_id, with_for_update=True)
    now = now_utc()
    if (
        terminal is not None
        and credential is not None
        and terminal.pairing_code_hash is None
        and terminal.revoked_at is None
        and terminal.credential_hash is not None
        and secrets.compare_digest(terminal.credential_hash, token_hash(credential))
    ):
        return terminal, credential  # a retry of the pairing that spent the code
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
    if (
        resume_epoch is not None
        and terminal.paired_at is not None
        and resume_epoch != terminal.epoch
    ):
        raise Refused(
            409,
            "chain_replaced",
            f"Terminal {terminal_id} was paired on another PC since (its events are in chain "
            f"{terminal.epoch} now); this PC's events (chain {resume_epoch}) cannot go on. "
            "Run 'memberdesk reset --confirm' on this PC and pair it as a new terminal.",
        )
    secret = credential or secrets.token_urlsafe(32)
    digest = token_hash(secret)
    if (
        session.scalar(select(Terminal.terminal_id).where(Terminal.credential_hash == digest))
        is not None
        or session.get(RetiredCredential, digest) is not None
    ):
        raise Refused(409, "credential_taken", "Make a new credential and pair again.")
    # Every check passed: spend the code.
    if terminal.credential_hash is not None:
        session.add(
            RetiredCredential(
                credential_hash=terminal.credential_hash,
                terminal_id=terminal.terminal_id,
                epoch=terminal.epoch,
                retired_at=now,
            )
        )
        terminal.credential_hash = None
        session.flush()  # the old hash leaves the unique column before the new one comes
    if terminal.paired_at is not None and resume_epoch is None:
        terminal.epoch += 1
        terminal.last_seq = 0
        terminal.last_hash = GENESIS_HASH
    terminal.credential_hash = digest
    terminal.pairing_code_hash = None  # one time only
    terminal.paired_at = now
    terminal.revoked_at = None
    return terminal, secret


def authenticate(session: Session, credential: str | None) -> Terminal:
    if not credential:
        raise refuse_no_credential()
    terminal = session.scalar(
        select(Terminal).where(Terminal.credential_hash == token_hash(credential))
    )
    if terminal is None:
        raise refuse_unknown_credential(session, token_hash(credential))
    if terminal.revoked_at is not None:
        raise refuse_revoked(terminal.terminal_id)
    return terminal


# The refusals of a credential, shared with the push path (which reads terminals in bulk).
def refuse_no_credential() -> Refused:
    return Refused(401, "no_credential", "This request needs the terminal's credential.")


def refuse_unknown_credential(session: Session, digest: str) -> Refused:
    """A credential no terminal holds: one whose PC was replaced says so."""
    retired = session.get(RetiredCredential, digest)
    if retired is None:
        return Refused(401, "bad_credential", "The terminal's credential is not known here.")
    return Refused(
        401,
        "credential_replaced",
        f"Terminal {retired.terminal_id} was paired again on another PC on "
        f"{retired.retired_at:%Y-%m-%d %H:%M} UTC; this PC's credential no longer works and "
        "what it has not sent stays here. To use this PC again: 'memberdesk reset --confirm', "
        "then pair it with a new code from the operator.",
    )


def refuse_revoked(terminal_id: str) -> Refused:
    return Refused(
        403, "revoked", f"Terminal {terminal_id} was revoked; pair it again if it should work."
    )


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


# Rule books parsed once per process, by version and the md5 of their body (tests and tools
# serve several ledger databases from one process: a version alone is not enough). md5
# because PostgreSQL computes it too: a push names the books it needs without reading them.
_RULES_CACHE: dict[tuple[int, str], RuleBook] = {}


def rule_book(session: Session, version: int | None = None) -> RuleBook | None:
    query = select(RuleBookVersion)
    query = (
        query.where(RuleBookVersion.version == version)
        if version is not None
        else query.order_by(RuleBookVersion.version.desc()).limit(1)
    )
    row = session.scalar(query)
    if row is None:
        return None
    digest = hashlib.md5(row.body.encode(), usedforsecurity=False).hexdigest()
    key = (row.version, digest)
    if key not in _RULES_CACHE:
        _RULES_CACHE[key] = parse_rule_book(json.loads(row.body))
    return _RULES_CACHE[key]


def parsed_rule_book(version: int, body_md5: str) -> RuleBook | None:
    """The rule book this process already parsed for ``version`` with a body of this md5."""
    return _RULES_CACHE.get((version, body_md5))


# -------------------------------------------------------------------------------- members


def member_state(session: Session, member: Member) -> MemberState:
    lots = session.execute(
        select(Lot.expires_on, Lot.remaining)
        .where(Lot.member_id == member.member_id, Lot.remaining > 0)
        .order_by(Lot.expires_on)
    ).all()
    days, coupons, risks = _profiles(session, [member.member_id], now_utc())
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
        days=[ProfileDay.model_validate(d) for d in days.get(member.member_id, [])],
        coupons=[CouponState.model_validate(c) for c in coupons.get(member.member_id, [])],
        referrer=member.referrer_id,
        id_last4=member.id_last4,
        credit_score=member.credit_score,
        risk_flags=risks.get(member.member_id, 0),
        scopes=balances(
            member.points,
            member.overdraft,
            scoped_lots(session, ScopeLot.member_id == member.member_id).get(member.member_id, {}),
        ),
    )


def find_member(session: Session, query: str) -> Member:
    """A member by id, else by phone: as written, or normalised (``+86 139…``, ``１３９…``)."""
    phones = {query}
    with contextlib.suppress(InvalidInput):
        phones.add(normalise_phone(query))
    member = session.get(Member, query) or session.scalar(
        select(Member).where(Member.phone.in_(sorted(phones))).limit(1)
    )
    if member is None:
        raise Refused(404, "unknown_member", f"No member {query!r} at the ledger.")
    return member


def _touch(session: Session, member: Member) -> None:
    member.cursor = next_cursor(session)


# ------------------------------------------------------------------------------- balances


def expire_due(session: Session, member: Member, today: date, at: datetime) -> int:
    """The ledger's own expiry (terminals' expiry events are only their local view). A push
    has its own (sync.server.push), on the rows it holds."""
    lots = session.scalars(  # the index narrows; due_to_expire is the rule
        select(Lot).where(
            Lot.member_id == member.member_id, Lot.remaining > 0, Lot.expires_on < today
        )
    ).all()
    by_day = {lot.expires_on.toordinal(): lot for lot in lots}
    due = due_to_expire(
        [PointsLot(day, lot.remaining, lot.expires_on) for day, lot in by_day.items()], today
    )
    total = 0
    for day, remaining in due:
        total += remaining
        by_day[day].remaining = 0
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


# ------------------------------------------------------------------------- online redeem


def authorize(
    session: Session, terminal: Terminal, member_id: str, points: int, request_id: str
) -> AuthorizeResponse:
    """Hold ``points`` of the member for this terminal's request, against the true balance
    less every other live hold. The same request asked again gets the same hold; the same
    request id with another member or amount is a conflict (409) that names the field."""
    at = now_utc()
    member = session.get(Member, member_id)
    if member is None:
        raise Refused(404, "unknown_member", f"No member {member_id!r} at the ledger.")
    # Lock the member row so two terminals cannot both spend the same points.
    session.execute(
        update(Member).where(Member.member_id == member_id).values(cursor=Member.cursor)
    )
    existing = session.scalar(
        select(Hold).where(Hold.terminal_id == terminal.terminal_id, Hold.request_id == request_id)
    )
    if existing is not None:
        _check_hold_request(existing, terminal, member_id, points, at)
    rules = rule_book(session)
    today = business_day(at, rules.zone(terminal.store_code)) if rules else at.date()
    expire_due(session, member, today, at)  # on the store's business day, as a push does
    # only the points of the terminal's own scope (app/domain/stores.py)
    spendable = scope_available(session, member, scope_of(rules, terminal.store_code), today)
    available = max(0, spendable - _held(session, member_id, at, but=existing))
    if existing is not None and existing.expires_at > at:
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
    hold = existing or Hold(
        hold_id=str(uuid.uuid4()),
        request_id=request_id,
        member_id=member_id,
        terminal_id=terminal.terminal_id,
        points=points,
        consumed=False,
    )
    hold.expires_at = at + HOLD_VALID  # a released or lapsed hold of this request re-arms
    session.add(hold)
    return AuthorizeResponse(
        approved=True,
        balance=available,
        hold_id=hold.hold_id,
        reason=None,
        ledger_time=at.isoformat(),
    )


def _check_hold_request(
    existing: Hold, terminal: Terminal, member_id: str, points: int, at: datetime
) -> None:
    """A request's hold again: the same hold while it lives; a conflict (409) when it was
    used, or lives for another member or amount. A hold released or lapsed unused may be
    asked anew for other points (the cashier changed the amount after a refusal)."""
    request = f"Request {existing.request_id} of terminal {terminal.terminal_id}"
    if existing.consumed:
        raise Refused(
            409,
            "hold_conflict",
            f"{request} was already used by a redemption the ledger has taken; a new sale "
            "needs a new request id.",
            fields=["request_id"],
        )
    differing = [
        name
        for name, mine, asked in (
            ("member_id", existing.member_id, member_id),
            ("points", existing.points, points),
        )
        if mine != asked
    ]
    if differing and existing.expires_at > at:
        raise Refused(
            409,
            "hold_conflict",
            f"{request} already holds {existing.points} points of member "
            f"{existing.member_id}; a new sale needs a new request id.",
            fields=differing,
        )
    existing.member_id, existing.points = member_id, points


def _held(session: Session, member_id: str, at: datetime, *, but: Hold | None) -> int:
    """Points of the member's live holds (not consumed, not expired or released)."""
    query = select(func.coalesce(func.sum(Hold.points), 0)).where(
        Hold.member_id == member_id, Hold.consumed.is_(False), Hold.expires_at > at
    )
    if but is not None:
        query = query.where(Hold.hold_id != but.hold_id)
    return int(session.scalar(query) or 0)


def release(session: Session, terminal: Terminal, request_id: str) -> ReleaseResponse:
    """Give the points of this terminal's hold back now (its redemption was refused at the
    counter). Only the terminal's own hold; a consumed one stays consumed; repeatable."""
    at = now_utc()
    hold = session.scalar(
        select(Hold).where(Hold.terminal_id == terminal.terminal_id, Hold.request_id == request_id)
    )
    released = hold is not None and not hold.consumed and hold.expires_at > at
    if hold is not None and released:
        hold.expires_at = at
    return ReleaseResponse(released=released, ledger_time=at.isoformat())


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
    scoped: _Scoped = {}
    for start in range(0, len(ids), _IN_CHUNK):
        buckets.update(_buckets(session, Lot.member_id.in_(ids[start : start + _IN_CHUNK])))
        scoped.update(scoped_lots(session, ScopeLot.member_id.in_(ids[start : start + _IN_CHUNK])))
    profiles = _profiles(session, ids, at)
    scope = scope_of(rule_book(session), terminal.store_code)
    return {
        "checkpoint": checkpoint,
        "next_cursor": next_cursor,
        "more": more,
        "members": [_state(row, buckets, profiles, _Scopes(scope, scoped)) for row in rows],
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
    scoped: _Scoped = {}
    if rows:
        # the page is every member in [first, last]: one range scan of the lots' key
        buckets = _buckets(
            session,
            and_(Lot.member_id >= rows[0][0], Lot.member_id <= rows[-1][0]),
        )
        scoped = scoped_lots(
            session, and_(ScopeLot.member_id >= rows[0][0], ScopeLot.member_id <= rows[-1][0])
        )
    profiles = _profiles(session, [row[0] for row in rows], at)
    scope = scope_of(rule_book(session), terminal.store_code)
    return {
        "checkpoint": checkpoint,
        "after": rows[-1][0] if rows else after,
        "more": more,
        "members": [_state(row, buckets, profiles, _Scopes(scope, scoped)) for row in rows],
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
    Member.referrer_id,
    Member.id_last4,
    Member.credit_score,
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


_Profiles = tuple[dict[str, list[dict[str, Any]]], dict[str, list[dict[str, Any]]], dict[str, int]]


def _profiles(session: Session, ids: list[str], at: datetime) -> _Profiles:
    """The members' buckets of the window and live coupons (``sync/server/profile.py``), in
    wire form; by UTC date, with a day's slack either way for the stores' zones."""
    today = at.date()
    days: dict[str, list[dict[str, Any]]] = {}
    coupons: dict[str, list[dict[str, Any]]] = {}
    risks: dict[str, int] = {}
    for start in range(0, len(ids), _IN_CHUNK):
        chunk = ids[start : start + _IN_CHUNK]
        days.update(profile.days_of(session, chunk, today))
        coupons.update(profile.coupons_of(session, chunk, today - timedelta(days=1)))
        risks.update(growth.open_risk_flags(session, chunk))
    return days, coupons, risks


_Scoped = dict[str, dict[str, list[tuple[date | None, int]]]]


class _Scopes(NamedTuple):
    """The scope of the terminal asking, and the scoped lots of the page's members."""

    scope: str
    lots: _Scoped


def _state(
    row: Sequence[Any],
    buckets: dict[str, list[dict[str, Any]]],
    profiles: _Profiles,
    scopes: _Scopes,
) -> dict[str, Any]:
    """One member in the wire form of ``MemberState`` (``member_state`` for one member), as
    the terminal asking sees it: the points and lots of its store's scope, and the balance of
    every scope."""
    (member_id, phone, name, birthday, enrolled_on, home_store, plus, status, points) = row[:9]
    scoped = scopes.lots.get(member_id, {})
    shown = balances(points, row[9], scoped)
    own_buckets = buckets.get(member_id, [])
    if scoped:
        points = shown.get(scopes.scope, 0)
        if scopes.scope != MALL:
            own_buckets = [
                {"expires_on": d.isoformat() if d else None, "points": p}
                for d, p in scoped.get(scopes.scope, [])
            ]
    elif scopes.scope != MALL:
        points, own_buckets = -row[9], []
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
        "buckets": own_buckets,
        "scopes": shown,
        "days": profiles[0].get(member_id, []),
        "coupons": profiles[1].get(member_id, []),
        "referrer": row[11],
        "id_last4": row[12],
        "credit_score": row[13],
        "risk_flags": profiles[2].get(member_id, 0),
    }


# -------------------------------------------------------------------------------- reports


def report(session: Session) -> dict[str, Any]:
    """Points liability, what each store owes the others and each funder owes (sync/server/
    clearing.py), overdrafts, flags."""
    rules = rule_book(session)
    value = rules.points.value_fen_per_point if rules else 1
    points, overdraft, members = session.execute(
        select(
            func.coalesce(func.sum(Member.points), 0),
            func.coalesce(func.sum(Member.overdraft), 0),
            func.count(Member.member_id),
        )
    ).one()
    clearing = clearing_report(session, rules)
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
        **clearing,  # earned_by_store, redeemed_by_store, owed, funders
        "overdrafts": overdrafts,
        "flags": flags,
        "open_flags": int(open_flags or 0),
        "plus_channels": plus_codes.channel_report(session),  # activation codes by channel
        "plus_entitlements": plus_events.entitlement_report(session),  # issued, redeemed
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


def import_members(
    session: Session, rows: list[dict[str, str]], rules: RuleBook | None, *, skip_bad: bool = False
) -> int:
    """Members from CSV rows (member_id, phone, name, birthday, enrolled_on, home_store,
    points), each checked first (``member_import``): a bad row refuses them all
    (``ImportRefused``, by line), unless ``skip_bad``. Members the ledger has are left as
    they are. Returns how many were added."""
    from sync.server import member_import

    at = now_utc()
    plan = member_import.plan_import(
        session, [(line, row) for line, row in enumerate(rows, start=2)], rules, at.date()
    )
    if plan.problems and not skip_bad:
        raise member_import.ImportRefused(plan.problems, plan.rows)
    return member_import.write_members(session, plan.new, rules, at)

"""One member as the operator sees it at the ledger (``memberdesk-ledger members show``).

Every read is bounded: the member's row and live lots, their open holds, their last entries
(``entries`` by the member's index, newest first, LIMIT) and the events those entries name
(by primary key), their open flags (LIMIT). Nothing scans the year's events.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.events import business_day
from app.domain.profile import MemberBasics
from sync.server import flags, growth, profile
from sync.server.ledger import NEVER, find_member, now_utc, rule_book
from sync.server.models import Entry, Event, Hold, Lot, Member, ScopeLot
from sync.server.scopes import balances, scoped_lots

RECENT_EVENTS = 20
OPEN_HOLDS = 50
OPEN_FLAGS = 20
LOTS = 50
# Entries read to find the last RECENT_EVENTS events: an event moves a member's points in at
# most two entries (a purchase's spend and earn, a refund's two), plus an expiry beside it.
_ENTRIES_PER_EVENT = 3
# Entries that name no event of a terminal: the ledger's own expiry, an import.
_LEDGER_ENTRIES = frozenset({"expiry", "import"})


@dataclass(frozen=True)
class LotLine:
    expires_on: str | None  # None: never
    points: int


@dataclass(frozen=True)
class HoldLine:
    hold_id: str
    request_id: str
    terminal_id: str
    points: int
    expires_at: str


@dataclass(frozen=True)
class EventLine:
    """One event that moved the member's points: its kind, the net points and each entry."""

    event_id: str | None  # None: the ledger's own movement (expiry, import)
    kind: str
    points: int
    entries: list[tuple[str, int]]  # (entry kind, points) as the ledger posted them
    store_code: str
    terminal_id: str | None
    ledger_time: str
    business_day: str | None  # the shop's day, when the event carries it
    status: str | None


@dataclass(frozen=True)
class ProfileLine:
    """What every counter's card shows of the member's last 365 days, from the mall's buckets
    (``sync/server/profile.py``) with the terminals' own domain functions."""

    as_of: str  # the business day it is computed for (the home store's, at ledger time)
    tier: str
    tier_name: str
    growth: int
    stage: str
    spend_fen: int  # net, last 365 days
    purchases: int
    medals: list[tuple[str, int, int]]  # (code, level, levels)
    coupons: list[tuple[str, str, str]]  # usable: (code, template, valid until)


@dataclass(frozen=True)
class MemberAtLedger:
    member_id: str
    phone: str
    name: str
    status: str
    home_store: str
    enrolled_on: str
    plus_expires_on: str | None
    points: int  # the balance: the sum of the member's entries
    overdraft: int  # owed, flagged
    held: int  # set aside by open holds
    available: int  # what an online redemption may take now
    lots: list[LotLine]
    holds: list[HoldLine]
    events: list[EventLine]
    flags: list[dict[str, Any]]
    profile: ProfileLine | None  # None: no rule book published yet
    # points by scope (app/domain/stores.py), when some are outside the mall-wide pool
    scopes: dict[str, int] = field(default_factory=dict)


def member_at_ledger(
    session: Session, query: str, *, events: int = RECENT_EVENTS, at: datetime | None = None
) -> MemberAtLedger:
    """The member with this id or phone (Refused 404 when there is none)."""
    member = find_member(session, query.strip())
    at = at or now_utc()
    member_id = member.member_id
    lots = [
        LotLine(None if day == NEVER else day.isoformat(), int(points))
        for day, points in session.execute(
            select(Lot.expires_on, Lot.remaining)
            .where(Lot.member_id == member_id, Lot.remaining > 0)
            .order_by(Lot.expires_on)
            .limit(LOTS)
        )
    ]
    open_holds = (Hold.member_id == member_id, Hold.consumed.is_(False), Hold.expires_at > at)
    holds = [
        HoldLine(h.hold_id, h.request_id, h.terminal_id, int(h.points), h.expires_at.isoformat())
        for h in session.scalars(
            select(Hold).where(*open_holds).order_by(Hold.expires_at).limit(OPEN_HOLDS)
        )
    ]
    held = int(
        session.scalar(select(func.coalesce(func.sum(Hold.points), 0)).where(*open_holds)) or 0
    )
    return MemberAtLedger(
        member_id=member_id,
        phone=member.phone,
        name=member.name,
        status=member.status,
        home_store=member.home_store,
        enrolled_on=member.enrolled_on.isoformat(),
        plus_expires_on=member.plus_expires_on.isoformat() if member.plus_expires_on else None,
        points=int(member.points),
        overdraft=int(member.overdraft),
        held=held,
        available=max(0, int(member.points) - held),
        lots=lots,
        holds=holds,
        events=recent_events(session, member_id, events),
        flags=[
            f.model_dump() for f in flags.list_flags(session, member_id=member_id, limit=OPEN_FLAGS)
        ],
        profile=_profile(session, member, at),
        scopes=balances(
            int(member.points),
            int(member.overdraft),
            scoped_lots(session, ScopeLot.member_id == member_id).get(member_id, {}),
        ),
    )


def _profile(session: Session, member: Member, at: datetime) -> ProfileLine | None:
    rules = rule_book(session)
    if rules is None:
        return None
    today = business_day(at, rules.zone(member.home_store))
    found, coupons = profile.member_profile(
        session,
        member.member_id,
        MemberBasics(
            enrolled_on=member.enrolled_on,
            birthday=member.birthday,
            real_name_verified=member.id_hash is not None,
            credit_score=member.credit_score,
            risk_flags=growth.open_risk_flags(session, [member.member_id]).get(member.member_id, 0),
        ),
        today,
        rules,
    )
    return ProfileLine(
        as_of=today.isoformat(),
        tier=found.tier.tier.code,
        tier_name=found.tier.tier.name,
        growth=found.tier.growth,
        stage=found.stage.stage,
        spend_fen=found.activity.spend_fen,
        purchases=found.activity.purchases,
        medals=[(m.medal.code, m.level, len(m.medal.levels)) for m in found.medals],
        coupons=[(c["code"], c["template"], c["valid_until"]) for c in coupons],
    )


def recent_events(session: Session, member_id: str, limit: int) -> list[EventLine]:
    """The member's last ``limit`` events that moved points, newest first."""
    wanted = limit * _ENTRIES_PER_EVENT
    rows = session.execute(
        select(
            Entry.entry_id,
            Entry.event_id,
            Entry.kind,
            Entry.points,
            Entry.store_code,
            Entry.ledger_time,
        )
        .where(Entry.member_id == member_id)
        .order_by(Entry.entry_id.desc())
        .limit(wanted)
    ).all()
    # An event's entries for one member are written together: consecutive here.
    groups: list[list[Any]] = []
    for row in rows:
        key = row.event_id if row.event_id not in _LEDGER_ENTRIES else None
        if groups and key is not None and groups[-1][0].event_id == key:
            groups[-1].append(row)
        else:
            groups.append([row])
    if len(rows) == wanted:
        groups.pop()  # the read stopped there: the oldest event's entries may be cut
    groups = groups[:limit]
    ids = [g[0].event_id for g in groups if g[0].event_id not in _LEDGER_ENTRIES]
    found = (
        {
            e.event_id: e
            for e in session.execute(
                select(
                    Event.event_id, Event.kind, Event.terminal_id, Event.payload, Event.status
                ).where(Event.event_id.in_(ids))
            )
        }
        if ids
        else {}
    )
    lines = []
    for group in groups:
        first = group[0]
        event = found.get(first.event_id)
        entries = [(r.kind, int(r.points)) for r in reversed(group)]
        lines.append(
            EventLine(
                event_id=first.event_id if first.event_id not in _LEDGER_ENTRIES else None,
                kind=event.kind if event is not None else first.kind,
                points=sum(points for _, points in entries),
                entries=entries,
                store_code=first.store_code,
                terminal_id=event.terminal_id if event is not None else None,
                ledger_time=first.ledger_time.isoformat(),
                business_day=_business_day(event.payload) if event is not None else None,
                status=event.status if event is not None else None,
            )
        )
    return lines


def _business_day(payload: str) -> str | None:
    try:
        value = json.loads(payload).get("business_day")
    except (ValueError, AttributeError):
        return None
    return value if isinstance(value, str) else None

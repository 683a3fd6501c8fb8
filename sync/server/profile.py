"""Members' profiles at the ledger: day buckets from every counter's events, and coupons.

A push hands each applied event to ``ProfileBook.take`` once nothing can reject it any more:
a purchase adds to its business day's bucket, a refund takes its money back from the
purchase's day (the change its terminal computed with ``app.domain.profile``) and counts on its
own day; coupons named by any event join the mall's coupons, a coupon used again before a full
refund gave it back is posted and flagged (``coupon_reused``), like an overdraft. The book
reads the buckets of the group's members once (their window: 366 rows a member at most) and
writes what changed with the group's other rows.

Pulls and snapshot pages carry each member's buckets of the window and live coupons
(``days_of``, ``coupons_of``: one query each per page), and ``member_profile`` derives the
card's figures for the operator with the same functions the terminals use.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, cast

from sqlalchemy import Table, and_, bindparam, insert, select, update
from sqlalchemy.orm import Session

from app.domain.profile import DayDelta, MemberBasics, Profile, derive, event_deltas, fold
from app.domain.rulebook import RuleBook
from sync.server.models import LedgerCoupon, MemberDay

DAYS = cast(Table, MemberDay.__table__)
COUPONS = cast(Table, LedgerCoupon.__table__)
# Pages carry a day more than the window: a counter east of the ledger may be a day ahead.
_SENT_DAYS = 367
MAX_COUPONS = 100  # a member's live coupons a page carries, soonest to expire first

Flag = Callable[[str, str, int], None]  # (kind, detail, points)


@dataclass(slots=True)
class _Day:
    spend_fen: int
    purchases: int
    refunds: int
    categories: dict[str, int]
    stored: bool  # a row exists
    changed: bool = False

    def add(self, delta: DayDelta) -> None:
        self.spend_fen += delta.spend_fen
        self.purchases += delta.purchases
        self.refunds += delta.refunds
        for category, fen in delta.categories.items():
            self.categories[category] = self.categories.get(category, 0) + fen
        self.categories = {c: v for c, v in self.categories.items() if v}
        self.changed = True

    def delta(self, day: date) -> DayDelta:
        return DayDelta(day, self.spend_fen, self.purchases, self.refunds, dict(self.categories))


@dataclass
class ProfileBook:
    """The profile changes of one group of pushes (its members are locked)."""

    days: dict[tuple[str, date], _Day] = field(default_factory=dict)
    loaded: set[str] = field(default_factory=set)  # members whose recent days were read
    since: date | None = None  # the first day read for them
    coupons: dict[str, dict[str, Any] | None] = field(default_factory=dict)
    new_coupons: set[str] = field(default_factory=set)
    changed_members: set[str] = field(default_factory=set)

    # --------------------------------------------------------------------------- reads

    def _load(self, session: Session, member_ids: Iterable[str], today: date) -> None:
        wanted = sorted(set(member_ids) - self.loaded)
        if not wanted:
            return
        self.since = today - timedelta(days=_SENT_DAYS)
        for row in session.execute(
            select(DAYS).where(DAYS.c.member_id.in_(wanted), DAYS.c.day >= self.since)
        ).mappings():
            self.days[(row["member_id"], row["day"])] = _Day(
                int(row["spend_fen"]),
                int(row["purchases"]),
                int(row["refunds"]),
                json.loads(row["categories"]),
                stored=True,
            )
        self.loaded.update(wanted)

    def _day(self, session: Session, member_id: str, day: date) -> _Day:
        key = (member_id, day)
        found = self.days.get(key)
        if found is None:
            row = None
            if self.since is None or day < self.since:  # older than what was read
                row = (
                    session.execute(
                        select(DAYS).where(DAYS.c.member_id == member_id, DAYS.c.day == day)
                    )
                    .mappings()
                    .first()
                )
            found = (
                _Day(0, 0, 0, {}, stored=False)
                if row is None
                else _Day(
                    int(row["spend_fen"]),
                    int(row["purchases"]),
                    int(row["refunds"]),
                    json.loads(row["categories"]),
                    stored=True,
                )
            )
            self.days[key] = found
        return found

    def _coupon(self, session: Session, code: str) -> dict[str, Any] | None:
        if code not in self.coupons:
            row = session.execute(select(COUPONS).where(COUPONS.c.coupon_code == code)).first()
            self.coupons[code] = None if row is None else dict(row._mapping)
        return self.coupons[code]

    def count_on(
        self,
        session: Session,
        group_members: Iterable[str],
        today: date,
        member_id: str,
        day: date,
        key: str,
    ) -> int:
        """A counter of the member's bucket of ``day`` (``profile.counted``: an activity),
        with what this group of pushes added."""
        self._load(session, group_members, today)
        return self._day(session, member_id, day).categories.get(key, 0)

    # ------------------------------------------------------------------------- changes

    def take(
        self,
        session: Session,
        *,
        group_members: Iterable[str],
        today: date,
        member_id: str,
        kind: str,
        payload: Mapping[str, Any],
        day: date | None,
        terminal_id: str,
        event_id: str,
        flag: Flag,
    ) -> None:
        """An applied event's effect on its member's buckets and the mall's coupons."""
        self._load(session, group_members, today)
        if day is not None:
            for delta in event_deltas(kind, payload, day):
                self._day(session, member_id, delta.day).add(delta)
                self.changed_members.add(member_id)
        for wire in payload.get("coupons") or []:
            self._issue(session, member_id, wire, terminal_id, event_id)
        if kind == "purchase" and isinstance(payload.get("coupon"), str):
            self._use(session, payload["coupon"], flag)
        if kind == "refund" and isinstance(payload.get("coupon_returned"), str):
            coupon = self._coupon(session, payload["coupon_returned"])
            if coupon is not None:
                coupon["returns"] += 1
                coupon["changed"] = True
                self.changed_members.add(coupon["member_id"])

    def _issue(
        self, session: Session, member_id: str, wire: object, terminal_id: str, event_id: str
    ) -> None:
        if not isinstance(wire, dict):
            return
        code, template = wire.get("code"), wire.get("template")
        try:
            valid_until = date.fromisoformat(str(wire.get("valid_until")))
            valid_from = date.fromisoformat(str(wire.get("valid_from") or valid_until))
        except ValueError:
            return
        if not isinstance(code, str) or not isinstance(template, str) or not 0 < len(code) <= 40:
            return
        if self._coupon(session, code) is not None:
            return  # issued once; a code is never reused
        self.coupons[code] = {
            "coupon_code": code,
            "member_id": member_id,
            "template_code": template[:32],
            "valid_from": valid_from,
            "valid_until": valid_until,
            "uses": 0,
            "returns": 0,
            "terminal_id": terminal_id,
            "event_id": event_id,
        }
        self.new_coupons.add(code)
        self.changed_members.add(member_id)

    def _use(self, session: Session, code: str, flag: Flag) -> None:
        coupon = self._coupon(session, code)
        if coupon is None:
            return  # a coupon the ledger never heard of: the counter's own (older terminals)
        if coupon["uses"] > coupon["returns"]:
            flag(
                "coupon_reused",
                f"coupon {code} ({coupon['template_code']}) was used again: it was already "
                f"used {coupon['uses'] - coupon['returns']} time(s) (offline at two counters?)",
                0,
            )
        coupon["uses"] += 1
        coupon["changed"] = True
        self.changed_members.add(coupon["member_id"])

    # -------------------------------------------------------------------------- writes

    def settle_growth(
        self, members: Mapping[str, Any], rules: RuleBook | None, today: date
    ) -> None:
        """Each member whose buckets changed gets the growth value of their window today (what
        pulls carry as ``growth``; counters derive theirs from the buckets). ``members``: the
        push's members by id (each with its ``row`` and ``growth``), None if not at the ledger."""
        if rules is None:
            return
        for member_id in sorted(self.changed_members):
            member = members.get(member_id)
            if member is None:
                continue
            # All of the member's window is here: the group's members' days were read.
            days = [d.delta(day) for (m, day), d in self.days.items() if m == member_id]
            member.growth = derive(
                fold(days, today), basics_of(member.row), today, rules
            ).tier.growth

    def write(self, session: Session) -> None:
        new_days: list[dict[str, Any]] = []
        changed_days: list[dict[str, Any]] = []
        for (member_id, day), bucket in self.days.items():
            if not bucket.changed:
                continue
            row = {
                "b_member_id": member_id,
                "b_day": day,
                "spend_fen": bucket.spend_fen,
                "purchases": bucket.purchases,
                "refunds": bucket.refunds,
                "categories": json.dumps(dict(sorted(bucket.categories.items()))),
            }
            (changed_days if bucket.stored else new_days).append(row)
        if new_days:
            session.execute(
                insert(DAYS),
                [
                    {"member_id": r["b_member_id"], "day": r["b_day"]}
                    | {k: v for k, v in r.items() if not k.startswith("b_")}
                    for r in new_days
                ],
            )
        if changed_days:
            session.execute(
                update(DAYS).where(
                    and_(
                        DAYS.c.member_id == bindparam("b_member_id"),
                        DAYS.c.day == bindparam("b_day"),
                    )
                ),
                changed_days,
            )
        columns = {c.name for c in COUPONS.c}
        fresh = [
            {k: v for k, v in coupon.items() if k in columns}
            for code, coupon in self.coupons.items()
            if coupon is not None and code in self.new_coupons
        ]
        if fresh:
            session.execute(insert(COUPONS), fresh)
        used = [
            {"b_code": code, "uses": coupon["uses"], "returns": coupon["returns"]}
            for code, coupon in self.coupons.items()
            if coupon is not None and coupon.get("changed") and code not in self.new_coupons
        ]
        if used:
            session.execute(
                update(COUPONS).where(COUPONS.c.coupon_code == bindparam("b_code")), used
            )


# ------------------------------------------------------------------------------- reads


def basics_of(row: Mapping[str, Any]) -> MemberBasics:
    """What the profile needs of a ledger member row beyond the buckets: its real-name proof
    and imported credit score (sync/server/growth.py); risk flags count on the counters'
    cards (``MemberState.risk_flags``), not in the growth a push stores."""
    return MemberBasics(
        enrolled_on=_day(row["enrolled_on"]),
        birthday=_day(row["birthday"]),
        real_name_verified=row.get("id_hash") is not None,
        credit_score=row.get("credit_score"),
    )


def _day(value: Any) -> Any:
    return date.fromisoformat(value) if isinstance(value, str) else value


def days_of(
    session: Session, member_ids: list[str], today: date
) -> dict[str, list[dict[str, Any]]]:
    """The members' buckets of the window (wire form of ``ProfileDay``), oldest first."""
    found: dict[str, list[dict[str, Any]]] = {}
    if not member_ids:
        return found
    since = today - timedelta(days=_SENT_DAYS)
    for member_id, day, spend, purchases, refunds, categories in session.execute(
        select(
            DAYS.c.member_id,
            DAYS.c.day,
            DAYS.c.spend_fen,
            DAYS.c.purchases,
            DAYS.c.refunds,
            DAYS.c.categories,
        )
        .where(DAYS.c.member_id.in_(member_ids), DAYS.c.day >= since)
        .order_by(DAYS.c.member_id, DAYS.c.day)
    ):
        found.setdefault(member_id, []).append(
            {
                "day": day.isoformat() if isinstance(day, date) else str(day),
                "spend_fen": int(spend),
                "purchases": int(purchases),
                "refunds": int(refunds),
                "categories": json.loads(categories),
            }
        )
    return found


def coupons_of(
    session: Session, member_ids: list[str], today: date
) -> dict[str, list[dict[str, Any]]]:
    """The members' coupons not yet expired (wire form of ``CouponState``)."""
    found: dict[str, list[dict[str, Any]]] = {}
    if not member_ids:
        return found
    for row in session.execute(
        select(COUPONS)
        .where(COUPONS.c.member_id.in_(member_ids), COUPONS.c.valid_until >= today)
        .order_by(COUPONS.c.member_id, COUPONS.c.valid_until, COUPONS.c.coupon_code)
    ).mappings():
        mine = found.setdefault(row["member_id"], [])
        if len(mine) < MAX_COUPONS:
            mine.append(
                {
                    "code": row["coupon_code"],
                    "template": row["template_code"],
                    "valid_from": _iso(row["valid_from"]),
                    "valid_until": _iso(row["valid_until"]),
                    "used": int(row["uses"]) > int(row["returns"]),
                }
            )
    return found


def coupon_state(session: Session, code: str) -> tuple[str, dict[str, Any]] | None:
    """(member id, ``CouponState`` wire form) of a coupon, or None."""
    row = session.execute(select(COUPONS).where(COUPONS.c.coupon_code == code)).mappings().first()
    if row is None:
        return None
    return str(row["member_id"]), {
        "code": row["coupon_code"],
        "template": row["template_code"],
        "valid_from": _iso(row["valid_from"]),
        "valid_until": _iso(row["valid_until"]),
        "used": int(row["uses"]) > int(row["returns"]),
    }


def _iso(value: date | str) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def member_profile(
    session: Session, member_id: str, basics: MemberBasics, today: date, rules: RuleBook
) -> tuple[Profile, list[dict[str, Any]]]:
    """The member's profile today and their usable coupons (bounded: the window's days and
    the live coupons)."""
    days = [
        DayDelta(
            date.fromisoformat(d["day"]),
            d["spend_fen"],
            d["purchases"],
            d["refunds"],
            d["categories"],
        )
        for d in days_of(session, [member_id], today).get(member_id, [])
    ]
    coupons = [
        c
        for c in coupons_of(session, [member_id], today).get(member_id, [])
        if not c["used"] and c["valid_from"] <= today.isoformat()
    ]
    return derive(fold(days, today), basics, today, rules), coupons

"""A member's profile over a rolling 365 days, from buckets by business day.

The ledger keeps one bucket per member and business day from every counter's events (net
spend, spend per category, purchases, refunds); a terminal keeps the ledger's buckets as of its
last checkpoint and adds its own events not yet confirmed. Both fold the buckets of the window
(``window``) and derive growth, tier, medals and lifecycle stage (``derive``) with the domain's
own functions: the same card at every counter and at the ledger.

A purchase adds its money paid and its lines' amounts (per category) to its business day. A
refund takes money back from the *purchase's* day (net spend rolls off with the purchase),
per category in proportion to the money refunded on the running total (after refunds totalling
R of a purchase paid P, ``floor(line * R / P)`` taken back in all: a full refund takes back
exactly what the purchase added), and a refund made in full no longer counts as a purchase; the
refund itself counts on its own day. A bucket older than 365 days is out of the window.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from app.domain.growth import Activity, Growth, TierStatus, growth_value, tier_for
from app.domain.lifecycle import LifecycleStatus, lifecycle
from app.domain.medals import MedalStatus, medals
from app.domain.rulebook import ACTIVITY_PREFIX, RuleBook

WINDOW_DAYS = 365
MAX_FIGURE = 10**12  # fen or counts one delta may name (far inside 64-bit sums)


def window_start(today: date) -> date:
    """The first business day in the window: buckets from this day on count."""
    return today - timedelta(days=WINDOW_DAYS)


@dataclass(slots=True)
class DayDelta:
    """What one event changes in one business day's bucket."""

    day: date
    spend_fen: int = 0
    purchases: int = 0
    refunds: int = 0
    categories: dict[str, int] = field(default_factory=dict)

    def wire(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            "spend_fen": self.spend_fen,
            "purchases": self.purchases,
            "refunds": self.refunds,
            "categories": dict(sorted(self.categories.items())),
        }


def purchase_delta(day: date, lines: Iterable[tuple[str, int]], payable_fen: int) -> DayDelta:
    categories: dict[str, int] = {}
    for category, fen in lines:
        categories[category] = categories.get(category, 0) + fen
    return DayDelta(day, spend_fen=payable_fen, purchases=1, categories=categories)


def refund_deltas(
    *,
    purchase_day: date,
    refund_day: date,
    lines: Sequence[tuple[str, int]],
    payable_fen: int,
    refunded_before_fen: int,
    amount_fen: int,
) -> list[DayDelta]:
    """The refund's change to the purchase's day, and its count on its own day."""
    after = refunded_before_fen + amount_fen
    full_before = payable_fen > 0 and refunded_before_fen >= payable_fen
    full_after = after >= payable_fen  # a purchase paid 0 is refunded once, in full
    categories: dict[str, int] = {}
    for category, fen in lines:
        if payable_fen > 0:
            taken = fen * min(after, payable_fen) // payable_fen
            taken -= fen * min(refunded_before_fen, payable_fen) // payable_fen
        else:
            taken = fen
        if taken:
            categories[category] = categories.get(category, 0) - taken
    back = DayDelta(
        purchase_day,
        spend_fen=-amount_fen,
        purchases=-1 if full_after and not full_before else 0,
        categories=categories,
    )
    return [back, DayDelta(refund_day, refunds=1)]


def parse_delta(value: object) -> DayDelta | None:
    """A delta in its wire form (``DayDelta.wire``), or None when it is not one."""
    if not isinstance(value, dict):
        return None
    try:
        day = date.fromisoformat(value["day"]) if isinstance(value.get("day"), str) else None
    except ValueError:
        day = None
    figures = [value.get(name, 0) for name in ("spend_fen", "purchases", "refunds")]
    categories = value.get("categories", {})
    if day is None or not all(_figure(f) for f in figures) or not isinstance(categories, dict):
        return None
    if not all(isinstance(k, str) and _figure(v) for k, v in categories.items()):
        return None
    return DayDelta(day, figures[0], figures[1], figures[2], dict(categories))


def _figure(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) <= MAX_FIGURE


# Kinds of events that change a member's day buckets (the terminal rebuilds its own from them).
BUCKET_KINDS = ("purchase", "refund", "activity", "referral_rewarded", "benefit_given")


def counted(name: str) -> str:
    """The bucket key that counts a non-purchase activity or a benefit given on a day."""
    return ACTIVITY_PREFIX + name


def mark_delta(day: date, name: str) -> DayDelta:
    """One activity (a review, a check-in, a referral) or benefit given, on its day."""
    return DayDelta(day, categories={counted(name): 1})


def event_deltas(kind: str, payload: Mapping[str, Any], day: date) -> list[DayDelta]:
    """The bucket changes of one event whose business day is ``day``: a purchase from its
    lines and money paid, a refund from the delta its terminal computed (``profile``) and one
    refund on its day; an activity, a referral rewarded or a benefit given counts once on its
    day. Other kinds change no bucket."""
    mark = _MARKS.get(kind)
    if mark is not None:
        name = payload.get(mark) if mark in payload else mark
        return [mark_delta(day, name)] if isinstance(name, str) and name else []
    if kind == "purchase":
        lines = payload.get("lines") or []
        pairs = [
            (str(line[0]), int(line[1]))
            for line in lines
            if isinstance(line, list | tuple) and len(line) == 2 and _figure(line[1])
        ]
        payable = payload.get("payable_fen", 0)
        return [purchase_delta(day, pairs, payable if _figure(payable) else 0)]
    if kind == "refund":
        back = parse_delta(payload.get("profile"))
        counted = DayDelta(day, refunds=1)
        return [counted] if back is None else [back, counted]
    return []


# The payload key naming what an event counts ("activity": review or checkin), or the name
# counted when the payload has no such key.
_MARKS = {"activity": "activity", "referral_rewarded": "referral", "benefit_given": "benefit"}


@dataclass(frozen=True, slots=True)
class Window:
    """The buckets of the last 365 days, folded."""

    spend_fen: int = 0
    purchases: int = 0
    refunds: int = 0
    active_days: int = 0  # days with a purchase not refunded in full
    last_purchase_on: date | None = None
    # net spend per category (fen), and the "@" counters of activity and benefits given
    categories: Mapping[str, int] = field(default_factory=dict)

    @property
    def spend_categories(self) -> dict[str, int]:
        return {c: v for c, v in self.categories.items() if not c.startswith(ACTIVITY_PREFIX)}

    @property
    def done(self) -> dict[str, int]:
        """Non-purchase activity and benefits given in the window, by name."""
        prefix = len(ACTIVITY_PREFIX)
        return {c[prefix:]: v for c, v in self.categories.items() if c.startswith(ACTIVITY_PREFIX)}


def fold(days: Iterable[DayDelta], today: date) -> Window:
    """The window of ``today`` over buckets (several may name one day: they add up)."""
    start = window_start(today)
    per_day: dict[date, list[int]] = {}
    categories: dict[str, int] = {}
    for bucket in days:
        if bucket.day < start:
            continue
        figures = per_day.setdefault(bucket.day, [0, 0, 0])
        figures[0] += bucket.spend_fen
        figures[1] += bucket.purchases
        figures[2] += bucket.refunds
        for category, fen in bucket.categories.items():
            categories[category] = categories.get(category, 0) + fen
    bought = [day for day, figures in per_day.items() if figures[1] > 0]
    return Window(
        spend_fen=sum(f[0] for f in per_day.values()),
        purchases=sum(f[1] for f in per_day.values()),
        refunds=sum(f[2] for f in per_day.values()),
        active_days=len(bought),
        last_purchase_on=max(bought, default=None),
        categories={c: fen for c, fen in categories.items() if fen},
    )


@dataclass(frozen=True, slots=True)
class MemberBasics:
    """What the profile needs of the member beyond their buckets."""

    enrolled_on: date
    birthday: date | None
    real_name_verified: bool = False
    credit_score: int | None = None  # imported at the ledger; None: unknown
    risk_flags: int = 0  # the ledger's open flags on the member


TOP_CATEGORIES = 3


@dataclass(frozen=True, slots=True)
class Profile:
    activity: Activity
    tier: TierStatus
    medals: tuple[MedalStatus, ...]
    stage: LifecycleStatus
    growth: Growth  # by dimension
    top_categories: tuple[tuple[str, int], ...]  # (category, net spend fen), most first


def derive(window: Window, member: MemberBasics, today: date, rules: RuleBook) -> Profile:
    """Growth, tier, medals and stage from the window: the same at every counter and at the
    ledger."""
    purchases = max(0, window.purchases)
    spend = window.spend_categories
    done = window.done
    activity = Activity(
        spend_fen=max(0, window.spend_fen),
        purchases=purchases,
        categories=sum(1 for fen in spend.values() if fen > 0),
        active_days=window.active_days,
        profile_complete=member.birthday is not None,
        real_name_verified=member.real_name_verified,
        returns=max(0, window.refunds),
        risk_flags=member.risk_flags,
        credit_score=member.credit_score,
        done={kind: count for kind, count in done.items() if kind in rules.activity},
    )
    growth = growth_value(activity, rules)
    tier = tier_for(growth.total, rules)
    medal_states = medals(
        category_spend_fen={c: max(0, fen) for c, fen in spend.items()},
        behaviour={
            "purchases": purchases,
            "reviews": done.get("review", 0),
            "checkins": done.get("checkin", 0),
            "referrals": done.get("referral", 0),
            "active_days": window.active_days,
        },
        rules=rules,
    )
    stage = lifecycle(
        enrolled_on=member.enrolled_on,
        last_purchase_on=window.last_purchase_on,
        purchases_365=purchases,
        birthday=member.birthday,
        today=today,
        rules=rules,
    )
    top = sorted(((c, fen) for c, fen in spend.items() if fen > 0), key=lambda p: (-p[1], p[0]))
    return Profile(activity, tier, medal_states, stage, growth, tuple(top[:TOP_CATEGORIES]))

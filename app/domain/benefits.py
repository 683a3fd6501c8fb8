"""Lifecycle benefits and non-purchase activity: what is due, and the period each counts in.

Every benefit is given at most once in its period, whichever counter gives it: the counter
checks the member's day buckets (where each one given is counted, ``profile.counted``), and
the ledger keeps one claim per (benefit, member, period) and refuses a second. The periods:
- ``welcome``: the new-member coupon pack, with the enrolment itself (so once);
- ``birthday``: once a calendar year, at the first visit of the birthday month;
- ``winback``: once per period of ``lifecycle.winback_period_days`` days (counted from
  0001-01-01, so every counter and the ledger agree where a period starts);
- ``medal``: a level's coupon, once per medal and level (period ``<medal>.<level>``);
- ``referral``: the referrer's reward, once per new member (period: the new member's id).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.errors import BenefitNotDue
from app.domain.lifecycle import LifecycleStatus
from app.domain.medals import MedalStatus
from app.domain.rulebook import ActivityRule, BirthdayBenefit, RuleBook

BENEFITS = ("birthday", "winback", "medal")  # given by a ``benefit_given`` event


@dataclass(frozen=True, slots=True)
class Due:
    """A benefit to give now: the claim's period, and the points and coupons it gives."""

    benefit: str
    period: str
    points: int
    coupons: tuple[str, ...]


def claim_key(benefit: str, member_id: str, period: str) -> str:
    """The ledger's unique key of one benefit given (or one purchase reviewed)."""
    return f"{benefit}:{member_id}:{period}"


def welcome(rules: RuleBook) -> Due | None:
    pack = rules.lifecycle.new_member_coupons
    return Due("welcome", "once", 0, pack) if pack else None


def birthday_period(today: date) -> tuple[date, str]:
    """(first day the benefit counts from, the claim's period): this year's."""
    return date(today.year, 1, 1), str(today.year)


def birthday(
    *, born: date | None, tier: str, today: date, given_this_year: int, rules: RuleBook
) -> Due | None:
    """The birthday benefit of the member's tier, in the birthday month, once a year."""
    if born is None or born.month != today.month or given_this_year > 0:
        return None
    benefit: BirthdayBenefit | None = rules.lifecycle.birthday.get(tier)
    if benefit is None or (benefit.points == 0 and benefit.coupon is None):
        return None
    coupons = (benefit.coupon,) if benefit.coupon else ()
    return Due("birthday", birthday_period(today)[1], benefit.points, coupons)


def winback_period(today: date, rules: RuleBook) -> tuple[date, str]:
    """(first day of the current win-back period, the claim's period)."""
    length = rules.lifecycle.winback_period_days
    index = (today.toordinal() - 1) // length
    return date.fromordinal(index * length + 1), f"p{length}.{index}"


def winback(*, stage: LifecycleStatus, today: date, given_in_period: int, rules: RuleBook) -> Due:
    """The win-back coupon the card offers a dormant or lost member, once per period; raises
    BenefitNotDue saying why not."""
    coupon = stage.winback_coupon
    if coupon is None:
        raise BenefitNotDue(
            "The win-back coupon is for dormant and lost members only.",
            kind="stage",
            stage=stage.stage,
        )
    start, period = winback_period(today, rules)
    if given_in_period > 0:
        raise BenefitNotDue(
            f"This member already had the win-back coupon since {start.isoformat()}.",
            kind="given",
            since=start.isoformat(),
        )
    return Due("winback", period, 0, (coupon,))


def medal_coupons(states: tuple[MedalStatus, ...], given: frozenset[str]) -> list[Due]:
    """The coupons of medal levels reached and not given yet (``given``: their periods)."""
    found = []
    for state in states:
        for level in range(1, state.level + 1):
            if level > len(state.medal.benefits):
                break
            coupon = state.medal.benefits[level - 1].coupon
            period = f"{state.medal.code}.{level}"
            if coupon is not None and period not in given:
                found.append(Due("medal", period, 0, (coupon,)))
    return found


def medal_multiplier_percent(states: tuple[MedalStatus, ...]) -> int:
    """The highest points multiplier among the medal levels the member holds (100: none)."""
    best = 100
    for state in states:
        for level in range(1, min(state.level, len(state.medal.benefits)) + 1):
            best = max(best, state.medal.benefits[level - 1].multiplier_percent)
    return best


def activity_rule(kind: str, done_today: int, rules: RuleBook) -> ActivityRule:
    """The rule of one more activity of ``kind`` today; raises BenefitNotDue when the rule
    book does not reward it or the day's cap is reached (the activity is then not recorded)."""
    rule = rules.activity.get(kind)
    if rule is None or rule.daily_cap == 0:
        raise BenefitNotDue(
            f"The rule book gives nothing for a {kind}.", kind="not_rewarded", activity=kind
        )
    if done_today >= rule.daily_cap:
        raise BenefitNotDue(
            f"This member already has {done_today} {kind}(s) today, the most a day counts.",
            kind="daily_cap",
            activity=kind,
            cap=rule.daily_cap,
        )
    return rule

"""Growth value over a rolling 365 days from five dimensions, and the tier it gives."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from app.domain.rulebook import RuleBook, Tier


@dataclass(frozen=True, slots=True)
class Activity:
    """What the member did in the last 365 days (the store aggregates it from the journal)."""

    spend_fen: int = 0
    purchases: int = 0
    categories: int = 0
    active_days: int = 0
    profile_complete: bool = False
    real_name_verified: bool = False
    returns: int = 0
    risk_flags: int = 0  # the ledger's open flags on the member
    credit_score: int | None = None  # 0..100 imported at the ledger; None: unknown (counts 0)
    done: Mapping[str, int] = field(default_factory=dict)  # non-purchase activity by kind


@dataclass(frozen=True, slots=True)
class Growth:
    consumption: int
    activity: int
    account: int
    reputation: int  # zero or negative
    credit: int

    @property
    def total(self) -> int:
        return max(
            0, self.consumption + self.activity + self.account + self.reputation + self.credit
        )


@dataclass(frozen=True, slots=True)
class TierStatus:
    tier: Tier
    growth: int
    next_tier: Tier | None
    missing: int  # growth value still needed for the next tier; 0 at the top
    progress_percent: int  # 0..100 within the current tier's band


def growth_value(activity: Activity, rules: RuleBook) -> Growth:
    w = rules.growth
    consumption = min(
        w.consumption_cap,
        activity.spend_fen // 100 * w.per_yuan_spent
        + activity.purchases * w.per_purchase
        + activity.categories * w.per_category,
    )
    score = activity.credit_score or 0
    credit = max(0, min(100, score)) * w.credit_max // 100
    # Activity is what the member does without buying (purchase days count only if the rule
    # book gives them a weight).
    done = sum(
        count * rule.growth
        for kind, count in activity.done.items()
        if (rule := rules.activity.get(kind)) is not None
    )
    return Growth(
        consumption=consumption,
        activity=min(w.activity_cap, activity.active_days * w.per_active_day + max(0, done)),
        account=(w.profile_complete if activity.profile_complete else 0)
        + (w.real_name_verified if activity.real_name_verified else 0),
        reputation=-(activity.returns * w.per_return + activity.risk_flags * w.per_risk_flag),
        credit=credit,
    )


def tier_for(growth: int, rules: RuleBook) -> TierStatus:
    current = rules.tiers[0]
    next_tier: Tier | None = None
    for index, tier in enumerate(rules.tiers):
        if growth >= tier.threshold:
            current = tier
            next_tier = rules.tiers[index + 1] if index + 1 < len(rules.tiers) else None
    if next_tier is None:
        return TierStatus(current, growth, None, 0, 100)
    band = next_tier.threshold - current.threshold
    progress = (growth - current.threshold) * 100 // band
    return TierStatus(current, growth, next_tier, next_tier.threshold - growth, progress)

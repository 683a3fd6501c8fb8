"""Lifecycle stage (new, growing, loyal, dormant, lost) and the suggested counter action."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.rulebook import RuleBook, Stage


@dataclass(frozen=True, slots=True)
class LifecycleStatus:
    stage: Stage
    action: str | None
    birthday_this_month: bool
    birthday_action: str | None
    winback_coupon: str | None  # template to offer (dormant and lost members)


def lifecycle(
    *,
    enrolled_on: date,
    last_purchase_on: date | None,
    purchases_365: int,
    birthday: date | None,
    today: date,
    rules: RuleBook,
) -> LifecycleStatus:
    policy = rules.lifecycle
    idle_since = last_purchase_on or enrolled_on
    idle_days = (today - idle_since).days
    stage: Stage
    if idle_days >= policy.lost_days:
        stage = "lost"
    elif idle_days >= policy.dormant_days:
        stage = "dormant"
    elif (today - enrolled_on).days < policy.new_days:
        stage = "new"
    elif purchases_365 >= policy.loyal_purchases_365:
        stage = "loyal"
    else:
        stage = "growing"
    birthday_now = birthday is not None and birthday.month == today.month
    return LifecycleStatus(
        stage=stage,
        action=policy.actions.get(stage),
        birthday_this_month=birthday_now,
        birthday_action=policy.birthday_action if birthday_now else None,
        winback_coupon=policy.winback_coupon if stage in ("dormant", "lost") else None,
    )

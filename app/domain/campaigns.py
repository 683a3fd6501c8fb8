"""Campaigns in force for a purchase, with A/B variants chosen by a stable hash of the member."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from app.domain.rulebook import Campaign, CampaignEffect, RuleBook


@dataclass(frozen=True, slots=True)
class AppliedCampaign:
    campaign: Campaign
    variant: str | None
    effect: CampaignEffect


def variant_for(campaign: Campaign, member_id: str) -> tuple[str | None, CampaignEffect]:
    """The same member always gets the same variant of a campaign, on every terminal."""
    if not campaign.variants:
        return None, campaign.effect
    digest = hashlib.sha256(f"{campaign.code}:{member_id}".encode()).digest()
    bucket = int.from_bytes(digest[:8], "big") % sum(v.weight for v in campaign.variants)
    for variant in campaign.variants:
        if bucket < variant.weight:
            return variant.code, variant.effect
        bucket -= variant.weight
    raise AssertionError("unreachable: bucket is below the total weight")


def targets(campaign: Campaign, *, plus_active: bool, medal_levels: Mapping[str, int]) -> bool:
    """Whether the campaign's audience takes this member: PLUS members only (or all but
    them), and a level of one of its medals."""
    if campaign.plus == "only" and not plus_active:
        return False
    if campaign.plus == "excluded" and plus_active:
        return False
    if campaign.medals:
        return any(medal_levels.get(t.medal, 0) >= t.level for t in campaign.medals)
    return True


def campaigns_in_force(
    *,
    rules: RuleBook,
    day: date,
    store: str,
    tier: str,
    member_id: str,
    plus_active: bool = False,
    medal_levels: Mapping[str, int] | None = None,
) -> tuple[AppliedCampaign, ...]:
    """The campaigns for a purchase; ``medal_levels``: the member's medal levels by code."""
    levels = medal_levels or {}
    applied = []
    for campaign in rules.campaigns:
        if not campaign.starts_on <= day <= campaign.ends_on:
            continue
        if campaign.days_of_week and day.isoweekday() not in campaign.days_of_week:
            continue
        if campaign.stores and store not in campaign.stores:
            continue
        if campaign.tiers and tier not in campaign.tiers:
            continue
        if not targets(campaign, plus_active=plus_active, medal_levels=levels):
            continue
        variant, effect = variant_for(campaign, member_id)
        applied.append(AppliedCampaign(campaign, variant, effect))
    return tuple(applied)

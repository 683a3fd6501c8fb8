"""Campaigns in force for a purchase.

Default rule book:
- member-day: double points every Wednesday, 2026-01-01 to 2027-12-31, every store and tier.
- beauty-week: 2026-11-01 to 2026-12-31, store S002 only, gold and platinum only, an A/B test:
  A gives 50 bonus points, B gives 150% points.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from app.domain.campaigns import campaigns_in_force, variant_for
from app.domain.errors import RuleBookError
from app.domain.rulebook import CampaignEffect, RuleBook

from .conftest import MakeRules

TUE = date(2026, 11, 24)
WED = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("day", "store", "tier", "codes"),
    [
        pytest.param(TUE, "S001", "bronze", [], id="Tuesday at the main counter: nothing"),
        pytest.param(WED, "S001", "bronze", ["member-day"], id="Wednesday: member day"),
        pytest.param(WED, "S003", "platinum", ["member-day"], id="member day in every store"),
        pytest.param(
            date(2025, 12, 31), "S001", "bronze", [], id="a Wednesday before member day began"
        ),
        pytest.param(
            date(2026, 1, 1), "S001", "bronze", [], id="first day of the window is a Thursday"
        ),
        pytest.param(
            date(2026, 1, 7), "S001", "bronze", ["member-day"], id="first Wednesday of the window"
        ),
        pytest.param(
            date(2027, 12, 29), "S001", "bronze", ["member-day"], id="last Wednesday of the window"
        ),
        pytest.param(date(2028, 1, 5), "S001", "bronze", [], id="a Wednesday after it ended"),
        pytest.param(TUE, "S002", "gold", ["beauty-week"], id="beauty week: gold at S002"),
        pytest.param(TUE, "S002", "platinum", ["beauty-week"], id="beauty week: platinum at S002"),
        pytest.param(TUE, "S002", "silver", [], id="beauty week: not for silver"),
        pytest.param(TUE, "S001", "gold", [], id="beauty week: not at another store"),
        pytest.param(
            WED, "S002", "gold", ["member-day", "beauty-week"], id="Wednesday in beauty week: both"
        ),
        pytest.param(date(2026, 10, 31), "S002", "gold", [], id="beauty week: the day before"),
        pytest.param(
            date(2026, 11, 1), "S002", "gold", ["beauty-week"], id="beauty week: first day counts"
        ),
        pytest.param(
            date(2026, 12, 31), "S002", "gold", ["beauty-week"], id="beauty week: last day counts"
        ),
        pytest.param(date(2027, 1, 1), "S002", "gold", [], id="beauty week: the day after"),
    ],
)
def test_campaigns_in_force(
    rules: RuleBook, day: date, store: str, tier: str, codes: list[str]
) -> None:
    applied = campaigns_in_force(rules=rules, day=day, store=store, tier=tier, member_id="M0001")
    assert [a.campaign.code for a in applied] == codes


def test_a_campaign_without_variants_applies_its_own_effect(rules: RuleBook) -> None:
    (applied,) = campaigns_in_force(
        rules=rules, day=WED, store="S001", tier="bronze", member_id="M0001"
    )
    assert applied.variant is None
    assert applied.effect == CampaignEffect(multiplier_percent=200, bonus_points=0, coupon=None)


# Pinned: every terminal and the ledger must put these members in these groups, forever.
@pytest.mark.parametrize(
    ("member_id", "variant", "effect"),
    [
        pytest.param("M0001", "A", CampaignEffect(100, 50, None), id="M0001 is in A: 50 bonus"),
        pytest.param("M0002", "B", CampaignEffect(150, 0, None), id="M0002 is in B: 150%"),
        pytest.param("M0003", "B", CampaignEffect(150, 0, None), id="M0003 is in B"),
        pytest.param("M0004", "A", CampaignEffect(100, 50, None), id="M0004 is in A"),
    ],
)
def test_ab_variant_is_stable_for_a_member(
    rules: RuleBook, member_id: str, variant: str, effect: CampaignEffect
) -> None:
    campaign = rules.campaigns[1]
    assert variant_for(campaign, member_id) == (variant, effect)
    assert variant_for(campaign, member_id) == (variant, effect)
    (applied,) = campaigns_in_force(
        rules=rules, day=TUE, store="S002", tier="gold", member_id=member_id
    )
    assert (applied.variant, applied.effect) == (variant, effect)


MEMBERS = [f"M{n:06d}" for n in range(10_000)]


def test_ab_variants_are_roughly_balanced(rules: RuleBook) -> None:
    counts = Counter(variant_for(rules.campaigns[1], m)[0] for m in MEMBERS)
    # 1:1 weights; 4 800..5 200 is four standard deviations either side of 5 000
    assert set(counts) == {"A", "B"}
    assert 4_800 <= counts["A"] <= 5_200


def test_ab_variants_follow_their_weights(make_rules: MakeRules) -> None:
    book = make_rules({"campaigns[1].variants[0].weight": 3})
    counts = Counter(variant_for(book.campaigns[1], m)[0] for m in MEMBERS)
    # 3:1 weights: 7 500 expected, standard deviation about 43
    assert 7_300 <= counts["A"] <= 7_700


def test_the_variant_depends_on_the_campaign_too(make_rules: MakeRules) -> None:
    book = make_rules({"campaigns[1].code": "beauty-week-2"})
    first = [variant_for(make_rules().campaigns[1], m)[0] for m in MEMBERS[:200]]
    second = [variant_for(book.campaigns[1], m)[0] for m in MEMBERS[:200]]
    assert first != second  # a new campaign reshuffles its groups


TARGETED = [
    {
        "code": "plus-day",
        "name": "PLUS day",
        "starts_on": "2026-01-01",
        "ends_on": "2027-12-31",
        "plus": "only",
        "bonus_points": 100,
    },
    {
        "code": "join-plus",
        "name": "Not yet PLUS",
        "starts_on": "2026-01-01",
        "ends_on": "2027-12-31",
        "plus": "excluded",
        "bonus_points": 10,
    },
    {
        "code": "gourmets",
        "name": "Gourmet level 2 and critics",
        "starts_on": "2026-01-01",
        "ends_on": "2027-12-31",
        "medals": [{"medal": "gourmet", "level": 2}, {"medal": "critic"}],
        "bonus_points": 30,
    },
]


@pytest.mark.parametrize(
    ("plus_active", "medal_levels", "codes"),
    [
        pytest.param(True, {}, ["plus-day"], id="a PLUS member"),
        pytest.param(False, {}, ["join-plus"], id="anyone else"),
        pytest.param(False, {"gourmet": 1}, ["join-plus"], id="gourmet level 1 is not enough"),
        pytest.param(True, {"gourmet": 2}, ["plus-day", "gourmets"], id="gourmet level 2"),
        pytest.param(False, {"gourmet": 3}, ["join-plus", "gourmets"], id="a level above"),
        pytest.param(False, {"critic": 1}, ["join-plus", "gourmets"], id="any one medal"),
    ],
)
def test_campaigns_target_plus_members_and_medal_levels(
    make_rules: MakeRules, plus_active: bool, medal_levels: dict[str, int], codes: list[str]
) -> None:
    rules = make_rules({"campaigns": TARGETED})
    applied = campaigns_in_force(
        rules=rules,
        day=TUE,
        store="S001",
        tier="bronze",
        member_id="M0001",
        plus_active=plus_active,
        medal_levels=medal_levels,
    )
    assert [a.campaign.code for a in applied] == codes


@pytest.mark.parametrize(
    ("target", "message"),
    [
        pytest.param({"plus": "members"}, "campaigns[0].plus: must be one of", id="bad audience"),
        pytest.param(
            {"medals": [{"medal": "chef"}]},
            "campaigns[0].medals[0].medal: 'chef' is not a medal",
            id="unknown medal",
        ),
        pytest.param(
            {"medals": [{"medal": "gourmet", "level": 4}]},
            "campaigns[0].medals[0].level: medal 'gourmet' has 3 level(s)",
            id="a level the medal does not have",
        ),
    ],
)
def test_a_bad_audience_is_refused_naming_the_field(
    make_rules: MakeRules, target: dict[str, object], message: str
) -> None:
    campaign = {**TARGETED[0], "plus": "any", **target}
    with pytest.raises(RuleBookError) as refused:
        make_rules({"campaigns": [campaign]})
    assert str(refused.value).startswith(message)

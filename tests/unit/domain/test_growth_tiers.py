"""Growth value over the last 365 days, dimension by dimension, and the tier it earns.

Default weights: 1 per whole yuan spent, 10 per purchase, 20 per category (consumption capped at
100 000); 2 per active day (capped at 500); 100 for a complete profile, 200 for real-name
verification; minus 20 per return and 500 per risk flag; credit score 0..100 scaled to 0..300
(an unknown score counts 0). Purchase days count in activity only with ``per_active_day`` set
(0 by default: activity is what a member does without buying, see test_growth_activity.py).
Tiers: bronze 0, silver 1 000, gold 3 000, platinum 10 000.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.growth import Activity, Growth, growth_value, tier_for
from app.domain.rulebook import RuleBook

from .conftest import MakeRules


@pytest.mark.parametrize(
    ("activity", "expected"),
    [
        pytest.param(
            Activity(), Growth(0, 0, 0, 0, 0), id="nothing yet: an unknown credit score is 0"
        ),
        pytest.param(
            Activity(spend_fen=123_456, purchases=5, categories=3, credit_score=0),
            Growth(1234 + 50 + 60, 0, 0, 0, 0),
            id="consumption: 1234 yuan, 5 buys, 3 categories",
        ),
        pytest.param(
            Activity(spend_fen=199, credit_score=0),
            Growth(1, 0, 0, 0, 0),
            id="only whole yuan count",
        ),
        pytest.param(
            Activity(spend_fen=20_000_000, credit_score=0),
            Growth(100_000, 0, 0, 0, 0),
            id="consumption capped at 100000",
        ),
        pytest.param(
            Activity(active_days=100, credit_score=0),
            Growth(0, 200, 0, 0, 0),
            id="activity: 100 days is 200",
        ),
        pytest.param(
            Activity(active_days=300, credit_score=0),
            Growth(0, 500, 0, 0, 0),
            id="activity capped at 500",
        ),
        pytest.param(
            Activity(profile_complete=True, credit_score=0),
            Growth(0, 0, 100, 0, 0),
            id="account: profile complete",
        ),
        pytest.param(
            Activity(real_name_verified=True, credit_score=0),
            Growth(0, 0, 200, 0, 0),
            id="account: real name verified",
        ),
        pytest.param(
            Activity(profile_complete=True, real_name_verified=True, credit_score=0),
            Growth(0, 0, 300, 0, 0),
            id="account: both",
        ),
        pytest.param(
            Activity(returns=3, risk_flags=1, credit_score=0),
            Growth(0, 0, 0, -560, 0),
            id="reputation: 3 returns and a risk flag",
        ),
        pytest.param(Activity(credit_score=100), Growth(0, 0, 0, 0, 300), id="credit 100 is 300"),
        pytest.param(Activity(credit_score=55), Growth(0, 0, 0, 0, 165), id="credit 55 is 165"),
        pytest.param(
            Activity(credit_score=150), Growth(0, 0, 0, 0, 300), id="credit above 100 counts as 100"
        ),
        pytest.param(
            Activity(credit_score=-10), Growth(0, 0, 0, 0, 0), id="credit below 0 counts as 0"
        ),
    ],
)
def test_growth_by_dimension(make_rules: MakeRules, activity: Activity, expected: Growth) -> None:
    # purchase days weighted as the rule book used to (2 each), to show the cap
    assert growth_value(activity, make_rules({"growth.per_active_day": 2})) == expected


@pytest.mark.parametrize(
    ("growth", "total"),
    [
        pytest.param(Growth(2780, 60, 300, -20, 240), 3360, id="sum of the five dimensions"),
        pytest.param(Growth(0, 0, 0, -1000, 0), 0, id="never below zero"),
        pytest.param(Growth(100, 0, 0, -500, 300), 0, id="a risk flag can wipe it out"),
    ],
)
def test_growth_total(growth: Growth, total: int) -> None:
    assert growth.total == total


def test_a_typical_member_reaches_gold(make_rules: MakeRules) -> None:
    rules = make_rules({"growth.per_active_day": 2})
    member = Activity(
        spend_fen=250_000,
        purchases=20,
        categories=4,
        active_days=30,
        profile_complete=True,
        real_name_verified=True,
        returns=1,
        credit_score=80,
    )
    growth = growth_value(member, rules)
    assert growth == Growth(2500 + 200 + 80, 60, 300, -20, 240)
    status = tier_for(growth.total, rules)
    assert (status.tier.code, status.missing, status.progress_percent) == ("gold", 6640, 5)


def test_caps_come_from_the_rule_book(make_rules: MakeRules) -> None:
    book = make_rules(
        {"growth.consumption_cap": 500, "growth.activity_cap": 10, "growth.per_active_day": 2}
    )
    growth = growth_value(Activity(spend_fen=100_000, active_days=50, credit_score=0), book)
    assert (growth.consumption, growth.activity) == (500, 10)


@pytest.mark.parametrize(
    ("growth", "tier", "next_tier", "missing", "progress"),
    [
        pytest.param(0, "bronze", "silver", 1000, 0, id="0: bronze, start of the band"),
        pytest.param(999, "bronze", "silver", 1, 99, id="999: one short of silver"),
        pytest.param(1000, "silver", "gold", 2000, 0, id="1000: silver exactly"),
        pytest.param(2000, "silver", "gold", 1000, 50, id="2000: half way to gold"),
        pytest.param(2999, "silver", "gold", 1, 99, id="2999: progress rounds down"),
        pytest.param(3000, "gold", "platinum", 7000, 0, id="3000: gold exactly"),
        pytest.param(6500, "gold", "platinum", 3500, 50, id="6500: half way to platinum"),
        pytest.param(10_000, "platinum", None, 0, 100, id="10000: top tier"),
        pytest.param(250_000, "platinum", None, 0, 100, id="far above the top"),
    ],
)
def test_tier_for(
    rules: RuleBook, growth: int, tier: str, next_tier: str | None, missing: int, progress: int
) -> None:
    status = tier_for(growth, rules)
    assert status.tier.code == tier
    assert (status.next_tier.code if status.next_tier else None) == next_tier
    assert status.missing == missing
    assert status.progress_percent == progress
    assert status.growth == growth


def test_a_single_tier_rule_book_is_always_at_the_top(make_rules: MakeRules) -> None:
    book = make_rules(
        {
            "tiers": [{"code": "member", "name": "Member", "threshold": 0}],
            "campaigns": [],  # the default campaigns are scoped to tiers this book lacks
            "lifecycle.birthday": {},  # and so are the birthday benefits
        }
    )
    status = tier_for(0, book)
    assert (status.tier.code, status.next_tier, status.missing, status.progress_percent) == (
        "member",
        None,
        0,
        100,
    )


@given(growth=st.integers(0, 1_000_000))
def test_tier_for_is_consistent(rules: RuleBook, growth: int) -> None:
    status = tier_for(growth, rules)
    assert status.tier.threshold <= growth
    assert 0 <= status.progress_percent <= 100
    if status.next_tier is not None:
        assert growth < status.next_tier.threshold
        assert status.missing == status.next_tier.threshold - growth
    else:
        assert status.tier == rules.tiers[-1]

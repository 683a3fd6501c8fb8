"""Rule book validation: every bad rule book is refused with a message naming the bad field.

Each row changes one thing in the shipped default rule book and says which field the operator
is sent to and what the message says about it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from app.domain.errors import RuleBookError
from app.domain.rulebook import RuleBook, parse_rule_book

from .conftest import REMOVE, MakeRules, default_document, edited_document


def test_the_default_rule_book_reads_as_documented(rules: RuleBook) -> None:
    assert rules.version == 1
    assert rules.currency == "CNY"
    assert [t.code for t in rules.tiers] == ["bronze", "silver", "gold", "platinum"]
    assert [t.threshold for t in rules.tiers] == [0, 1000, 3000, 10000]
    assert rules.points.earn_points == 1
    assert rules.points.earn_per_fen == 100
    assert rules.points.expiry == "end_of_next_year"
    assert rules.points.expiry_days == 0
    assert rules.plus.fee_fen == 14_900
    assert dict(rules.plus.category_discounts) == {"grocery": 5, "dining": 8}
    assert rules.lifecycle.winback_coupon == "WINBACK20"
    assert rules.campaigns[0].starts_on == date(2026, 1, 1)
    assert rules.campaigns[0].days_of_week == (3,)
    assert [v.code for v in rules.campaigns[1].variants] == ["A", "B"]
    assert rules.category_codes() == {"grocery", "fashion", "electronics", "beauty", "dining"}


def test_stores_belong_to_their_groups(rules: RuleBook) -> None:
    # mall stores share points mall-wide; a joint store shares within its named group
    assert [(s.code, s.scope, s.group) for s in rules.stores] == [
        ("S001", "mall", "mall"),
        ("S002", "mall", "mall"),
        ("S003", "mall", "mall"),
        ("S004", "joint", "food-court"),
        ("S005", "joint", "food-court"),
        ("S006", "single", "S006"),
    ]


def test_a_single_store_shares_points_with_nobody(make_rules: MakeRules) -> None:
    book = make_rules({"stores[0].scope": "single"})
    assert book.store("S001") is not None
    assert book.store("S001").group == "S001"  # type: ignore[union-attr]


def test_optional_sections_take_their_documented_defaults() -> None:
    document = default_document()
    for section in ("points", "growth", "offline", "lifecycle", "medals", "campaigns", "gifts"):
        del document[section]
    document["plus"]["monthly_coupons"] = []
    book = parse_rule_book(document)
    assert book.points.earn_points == 1
    assert book.points.earn_per_fen == 100
    assert book.points.max_order_share_percent == 50
    assert book.points.rounding == "down"
    assert book.growth.per_risk_flag == 500
    assert book.offline.per_redemption_points == 5_000
    assert book.lifecycle.dormant_days == 90
    assert book.lifecycle.lost_days == 365
    assert book.lifecycle.winback_coupon is None
    assert book.medals == ()
    assert book.campaigns == ()


# (what is wrong, fields to change, the message the operator sees)
BAD_RULE_BOOKS: list[tuple[str, dict[str, Any], str]] = [
    # --- tiers
    (
        "tier thresholds equal",
        {"tiers[2].threshold": 1000},
        "tiers[2].threshold: thresholds must rise from tier to tier",
    ),
    (
        "tier thresholds falling",
        {"tiers[3].threshold": 2000},
        "tiers[3].threshold: thresholds must rise from tier to tier",
    ),
    (
        "first tier above zero",
        {"tiers[0].threshold": 10},
        "tiers[0].threshold: the first tier must start at 0",
    ),
    ("negative threshold", {"tiers[1].threshold": -5}, "tiers[1].threshold: must be >= 0, not -5"),
    (
        "threshold as text",
        {"tiers[1].threshold": "1000"},
        "tiers[1].threshold: must be an integer >= 0",
    ),
    (
        "threshold as float",
        {"tiers[1].threshold": 1000.0},
        "tiers[1].threshold: must be an integer >= 0",
    ),
    (
        "threshold as boolean",
        {"tiers[1].threshold": True},
        "tiers[1].threshold: must be an integer >= 0",
    ),
    (
        "tier discount above 90%",
        {"tiers[3].discount_percent": 95},
        "tiers[3].discount_percent: must be between 0 and 90, not 95",
    ),
    (
        "tier multiplier below 100%",
        {"tiers[1].points_multiplier_percent": 90},
        "tiers[1].points_multiplier_percent: must be between 100 and 1000, not 90",
    ),
    ("tier without code", {"tiers[2].code": REMOVE}, "tiers[2].code: is missing"),
    ("tier with blank name", {"tiers[2].name": "  "}, "tiers[2].name: must be a non-empty text"),
    ("duplicate tier code", {"tiers[1].code": "bronze"}, "tiers[1].code: 'bronze' appears twice"),
    (
        "benefit not a text",
        {"tiers[0].benefits": ["ok", 3]},
        "tiers[0].benefits[1]: must be a non-empty text",
    ),
    ("no tiers", {"tiers": []}, "tiers: needs at least one tier"),
    ("tiers missing", {"tiers": REMOVE}, "tiers: is missing"),
    ("tiers not a list", {"tiers": {"bronze": 0}}, "tiers: must be a list"),
    # --- points
    (
        "unknown rounding",
        {"points.rounding": "up"},
        "points.rounding: must be one of down, half_up, not 'up'",
    ),
    (
        "points share above 100%",
        {"points.max_order_share_percent": 101},
        "points.max_order_share_percent: must be between 0 and 100, not 101",
    ),
    (
        "zero fen per point earned",
        {"points.earn_per_fen": 0},
        "points.earn_per_fen: must be >= 1, not 0",
    ),
    ("expiry in days without days", {"points.expiry": "days"}, "points.expiry_days: is missing"),
    (
        "expiry after zero days",
        {"points.expiry": "days", "points.expiry_days": 0},
        "points.expiry_days: must be >= 1, not 0",
    ),
    (
        "unknown expiry",
        {"points.expiry": "monthly"},
        "points.expiry: must be one of end_of_next_year, days, never, not 'monthly'",
    ),
    ("points not an object", {"points": [1, 100]}, "points: must be an object"),
    # --- PLUS
    (
        "PLUS discount for an unknown category",
        {"plus.category_discounts.toys": 5},
        "plus.category_discounts.toys: 'toys' is not a category of this rule book",
    ),
    (
        "PLUS category discount above 90%",
        {"plus.category_discounts.grocery": 95},
        "plus.category_discounts.grocery: must be between 0 and 90, not 95",
    ),
    (
        "PLUS category discounts as a list",
        {"plus.category_discounts": ["grocery"]},
        "plus.category_discounts: must be an object",
    ),
    ("PLUS without a fee", {"plus.fee_fen": REMOVE}, "plus.fee_fen: is missing"),
    (
        "PLUS fee in yuan with decimals",
        {"plus.fee_fen": 149.0},
        "plus.fee_fen: must be an integer >= 0",
    ),
    (
        "PLUS valid for zero days",
        {"plus.validity_days": 0},
        "plus.validity_days: must be between 1 and 3660, not 0",
    ),
    (
        "PLUS monthly coupon unknown",
        {"plus.monthly_coupons": ["PLUS10", "NOPE"]},
        "plus.monthly_coupons[1]: 'NOPE' is not a coupon template",
    ),
    ("PLUS missing", {"plus": REMOVE}, "plus: is missing"),
    # --- lifecycle
    (
        "win-back coupon unknown",
        {"lifecycle.winback_coupon": "NOPE"},
        "lifecycle.winback_coupon: 'NOPE' is not a coupon template",
    ),
    (
        "lost no later than dormant",
        {"lifecycle.lost_days": 90},
        "lifecycle.lost_days: must be more than dormant_days",
    ),
    (
        "action for an unknown stage",
        {"lifecycle.actions.asleep": "Wake them"},
        "lifecycle.actions.asleep: 'asleep' is not a stage",
    ),
    (
        "blank birthday action",
        {"lifecycle.birthday_action": ""},
        "lifecycle.birthday_action: must be a non-empty text",
    ),
    # --- stores
    ("blank store code", {"stores[0].code": ""}, "stores[0].code: must be a non-empty text"),
    ("store code as a number", {"stores[0].code": 1}, "stores[0].code: must be a non-empty text"),
    ("store without code", {"stores[1].code": REMOVE}, "stores[1].code: is missing"),
    ("duplicate store code", {"stores[1].code": "S001"}, "stores[1].code: 'S001' appears twice"),
    ("joint store without group", {"stores[3].group": REMOVE}, "stores[3].group: is missing"),
    (
        "unknown store scope",
        {"stores[0].scope": "galaxy"},
        "stores[0].scope: must be one of single, joint, mall, not 'galaxy'",
    ),
    ("no stores", {"stores": []}, "stores: needs at least one store"),
    (
        "store time zone misspelt",
        {"stores[1].timezone": "Asia/Shangai"},
        "stores[1].timezone: 'Asia/Shangai' is not a time zone name such as Asia/Shanghai",
    ),
    (
        "store time zone as an offset",
        {"stores[0].timezone": "+08:00"},
        "stores[0].timezone: '+08:00' is not a time zone name such as Asia/Shanghai",
    ),
    (
        "blank store time zone",
        {"stores[0].timezone": ""},
        "stores[0].timezone: must be a non-empty text",
    ),
    (
        "rule book time zone unknown",
        {"timezone": "Mars/Olympus"},
        "timezone: 'Mars/Olympus' is not a time zone name such as Asia/Shanghai",
    ),
    # --- campaigns
    (
        "campaign ends before it starts",
        {"campaigns[0].ends_on": "2025-12-31"},
        "campaigns[0].ends_on: must not be before starts_on",
    ),
    (
        "campaign start not a date",
        {"campaigns[0].starts_on": "2026-13-01"},
        "campaigns[0].starts_on: must be a date like 2026-01-31, not '2026-13-01'",
    ),
    (
        "weekday 8",
        {"campaigns[0].days_of_week": [3, 8]},
        "campaigns[0].days_of_week[1]: must be between 1 and 7, not 8",
    ),
    (
        "variant weight zero",
        {"campaigns[1].variants[0].weight": 0},
        "campaigns[1].variants[0].weight: must be >= 1, not 0",
    ),
    (
        "campaign multiplier below 100%",
        {"campaigns[0].multiplier_percent": 50},
        "campaigns[0].multiplier_percent: must be between 100 and 1000, not 50",
    ),
    (
        "duplicate campaign code",
        {"campaigns[1].code": "member-day"},
        "campaigns[1].code: 'member-day' appears twice",
    ),
    (
        "campaign coupon unknown",
        {"campaigns[0].coupon": "NOPE"},
        "campaigns[0].coupon: 'NOPE' is not a coupon template",
    ),
    (
        "variant coupon unknown",
        {"campaigns[1].variants[1].coupon": "NOPE"},
        "campaigns[1].variants[1].coupon: 'NOPE' is not a coupon template",
    ),
    # --- medals
    (
        "medal for an unknown category",
        {"medals[0].category": "toys"},
        "medals[0].category: 'toys' is not a category of this rule book",
    ),
    (
        "medal levels not rising",
        {"medals[2].levels": [10, 10, 200]},
        "medals[2].levels: thresholds must rise from level to level",
    ),
    (
        "medal levels falling",
        {"medals[3].levels": [20, 5]},
        "medals[3].levels: thresholds must rise from level to level",
    ),
    (
        "medal without levels",
        {"medals[2].levels": []},
        "medals[2].levels: needs at least one level",
    ),
    ("medal level zero", {"medals[2].levels": [0, 50]}, "medals[2].levels[0]: must be >= 1, not 0"),
    (
        "unknown behaviour metric",
        {"medals[3].metric": "likes"},
        "medals[3].metric: must be one of purchases, reviews, checkins, referrals, "
        "active_days, not 'likes'",
    ),
    (
        "category medal without category",
        {"medals[1].category": REMOVE},
        "medals[1].category: is missing",
    ),
    (
        "duplicate medal code",
        {"medals[1].code": "gourmet"},
        "medals[1].code: 'gourmet' appears twice",
    ),
    # --- coupon templates
    (
        "amount coupon without amount",
        {"coupon_templates[0].amount_fen": REMOVE},
        "coupon_templates[0].amount_fen: is missing",
    ),
    (
        "amount coupon of zero",
        {"coupon_templates[0].amount_fen": 0},
        "coupon_templates[0].amount_fen: must be >= 1, not 0",
    ),
    (
        "percent coupon above 90%",
        {"coupon_templates[2].percent": 95},
        "coupon_templates[2].percent: must be between 1 and 90, not 95",
    ),
    (
        "unknown coupon kind",
        {"coupon_templates[0].kind": "cashback"},
        "coupon_templates[0].kind: must be one of amount_off, percent_off, gift, not 'cashback'",
    ),
    (
        "duplicate coupon code",
        {"coupon_templates[1].code": "PLUS10"},
        "coupon_templates[1].code: 'PLUS10' appears twice",
    ),
    # --- categories, gifts, offline caps, version
    (
        "duplicate category",
        {"categories[1].code": "grocery"},
        "categories[1].code: 'grocery' appears twice",
    ),
    ("category without name", {"categories[0].name": REMOVE}, "categories[0].name: is missing"),
    ("categories missing", {"categories": REMOVE}, "categories: is missing"),
    ("free gift", {"gifts[0].points_cost": 0}, "gifts[0].points_cost: must be >= 1, not 0"),
    ("duplicate gift", {"gifts[2].code": "tote"}, "gifts[2].code: 'tote' appears twice"),
    (
        "no clock drift allowed",
        {"offline.max_clock_drift_seconds": 0},
        "offline.max_clock_drift_seconds: must be >= 1, not 0",
    ),
    (
        "negative offline cap",
        {"offline.per_redemption_points": -1},
        "offline.per_redemption_points: must be >= 0, not -1",
    ),
    ("version missing", {"version": REMOVE}, "version: is missing"),
    ("version zero", {"version": 0}, "version: must be >= 1, not 0"),
    ("currency blank", {"currency": ""}, "currency: must be a non-empty text"),
    # --- scopes that name something the rule book does not have
    (
        "campaign store unknown",
        {"campaigns[1].stores": ["S999"]},
        "campaigns[1].stores[0]: 'S999' is not a store of this rule book",
    ),
    (
        "campaign tier unknown",
        {"campaigns[1].tiers": ["gold", "diamond"]},
        "campaigns[1].tiers[1]: 'diamond' is not a tier of this rule book",
    ),
    (
        "campaign funded by an unknown store",
        {"campaigns[1].funded_by": "S404"},
        "campaigns[1].funded_by: 'S404' is neither 'mall' nor a store",
    ),
    (
        "coupon category misspelt",
        {"coupon_templates[2].categories": ["dinning"]},
        "coupon_templates[2].categories[0]: 'dinning' is not a category of this rule book",
    ),
    (
        "coupon store unknown",
        {"coupon_templates[3].stores": ["S404"]},
        "coupon_templates[3].stores[0]: 'S404' is not a store of this rule book",
    ),
]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [pytest.param(o, m, id=why) for why, o, m in BAD_RULE_BOOKS],
)
def test_a_bad_rule_book_is_refused_naming_the_field(
    overrides: dict[str, Any], message: str
) -> None:
    document = edited_document(overrides)
    with pytest.raises(RuleBookError) as caught:
        parse_rule_book(document)
    assert caught.value.message.startswith(message), caught.value.message
    field = message.split(":", 1)[0]
    assert caught.value.params["field"] == field
    assert caught.value.code == "invalid_rule_book"


@pytest.mark.parametrize(
    "document",
    [
        pytest.param([], id="a list"),
        pytest.param("rules", id="a text"),
        pytest.param(None, id="nothing"),
    ],
)
def test_a_rule_book_must_be_an_object(document: object) -> None:
    with pytest.raises(RuleBookError, match=r"^rule book: must be an object$"):
        parse_rule_book(document)


def test_the_parsed_rule_book_keeps_the_document_it_came_from() -> None:
    document = default_document()
    assert parse_rule_book(document).raw is document


@pytest.mark.parametrize(
    ("overrides", "field", "value"),
    [
        pytest.param({"points.rounding": "half_up"}, "rounding", "half_up", id="half-up rounding"),
        pytest.param({"points.expiry": "never"}, "expiry", "never", id="points never expire"),
        pytest.param(
            {"points.expiry": "days", "points.expiry_days": 180},
            "expiry_days",
            180,
            id="points expire after 180 days",
        ),
        pytest.param(
            {"points.max_order_share_percent": 0},
            "max_order_share_percent",
            0,
            id="points cannot pay for orders",
        ),
    ],
)
def test_points_policy_variations_are_accepted(
    make_rules: MakeRules, overrides: dict[str, Any], field: str, value: object
) -> None:
    assert getattr(make_rules(overrides).points, field) == value

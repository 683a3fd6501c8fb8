"""The checkout quote, worked by hand on the default rule book.

Order: tier discount, then PLUS discount (the larger of PLUS's 3% and its category discount:
grocery 5%, dining 8%), then coupon, then points (1 point = 1 fen, at most 50% of what is left),
each per line and rounded down. Points are earned on what is paid: 1 per whole yuan, plus the
tier's share (silver +10%, gold +20%, platinum +50%), PLUS +100%, and campaigns (Wednesday
member day +100%). Tiers' discounts: gold 2%, platinum 5%.

Tuesday 2026-11-24 has no campaign; Wednesday 2026-11-25 is member day. Store S001 is the main
counter; beauty week runs at S002 for gold and platinum (A: +50 points, B: +50%).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.coupons import Coupon
from app.domain.errors import CouponNotUsable, InsufficientPoints, InvalidInput
from app.domain.money import MAX_AMOUNT_FEN
from app.domain.quote import Line, Quote, Shopper, quote
from app.domain.rulebook import RuleBook

from .conftest import MakeRules, build_rules

TUE = date(2026, 11, 24)
WED = date(2026, 11, 25)


def shopper(
    rules: RuleBook, tier: str, *, plus: bool = False, points: int = 0, member: str = "M0001"
) -> Shopper:
    return Shopper(
        member_id=member, tier=rules.tier(tier), plus_active=plus, spendable_points=points
    )


def coupon_of(rules: RuleBook, template: str) -> Coupon:
    found = rules.coupon_template(template)
    assert found is not None
    return Coupon("C000000001", found, "M0001", date(2026, 11, 1), date(2026, 11, 30))


@dataclass(frozen=True)
class Basket:
    """One row of the table: who buys what, where and when, and the quote worked out by hand."""

    tier: str
    plus: bool
    lines: list[tuple[str, int]]
    day: date = TUE
    store: str = "S001"
    member: str = "M0001"
    balance: int = 0
    use_points: int = 0
    coupon: str | None = None
    # --- expected
    tier_off: int = 0
    plus_off: int = 0
    coupon_off: int = 0
    max_points: int = 0
    payable: int = 0
    earn: tuple[int, int, int, int] = (0, 0, 0, 0)  # base, tier, PLUS, campaign
    campaigns: tuple[str, ...] = field(default=())
    savings: int = 0
    plus_saved: int = 0
    plus_would_save: int = 0


BASKETS = [
    pytest.param(
        Basket(
            "bronze",
            False,
            [("grocery", 10_000)],
            # PLUS would take 5% off grocery (500) and double the 100 points (100 fen)
            payable=10_000,
            earn=(100, 0, 0, 0),
            plus_would_save=600,
        ),
        id="bronze buys 100 yuan of groceries",
    ),
    pytest.param(
        Basket(
            "bronze",
            True,
            [("grocery", 10_000)],
            plus_off=500,
            payable=9_500,
            earn=(95, 0, 95, 0),
            savings=500,
            plus_saved=595,
        ),
        id="the same basket with PLUS: 5% off and double points",
    ),
    pytest.param(
        Basket(
            "gold",
            True,
            [("grocery", 10_000), ("fashion", 20_000), ("dining", 5_000)],
            day=WED,
            balance=1_000,
            use_points=1_000,
            # gold 2%: 200 + 400 + 100; then PLUS: 5% of 9800, 3% of 19600, 8% of 4900
            tier_off=700,
            plus_off=490 + 588 + 392,
            max_points=1_000,
            # 32830 after discounts, less 1000 points; 318 base, gold +63 (63.6), PLUS +318,
            # member day +318
            payable=31_830,
            earn=(318, 63, 318, 318),
            campaigns=("member-day",),
            savings=700 + 1_470 + 1_000,
            plus_saved=1_470 + 318,
        ),
        id="gold PLUS on member day with three lines and points",
    ),
    pytest.param(
        Basket(
            "platinum",
            False,
            [("electronics", 123_456)],
            balance=100_000,
            # 5% of 1234.56 is 61.728: 6172 fen off; half of 117284 is 58642 points
            tier_off=6_172,
            max_points=58_642,
            payable=117_284,
            earn=(1_172, 586, 0, 0),
            savings=6_172,
            plus_would_save=3_518 + 1_172,
        ),
        id="platinum buys a 1234.56 yuan phone",
    ),
    pytest.param(
        Basket(
            "silver",
            False,
            [("dining", 999)],
            day=WED,
            store="S003",
            balance=50,
            # silver +10% of 9 points is 0.9: nothing; member day doubles the 9
            max_points=50,
            payable=999,
            earn=(9, 0, 0, 9),
            campaigns=("member-day",),
            plus_would_save=79 + 9,
        ),
        id="silver buys a 9.99 yuan coffee on member day",
    ),
    pytest.param(
        Basket(
            "silver",
            False,
            [("fashion", 20_000)],
            balance=500,
            use_points=500,
            coupon="WINBACK20",
            # 20 yuan off 200, then at most 90 yuan in points but the member has 500 points
            coupon_off=2_000,
            max_points=500,
            payable=17_500,
            earn=(175, 17, 0, 0),
            savings=2_500,
            plus_would_save=600 + 175,
        ),
        id="a win-back coupon and 500 points",
    ),
    pytest.param(
        Basket(
            "bronze",
            True,
            [("dining", 10_000)],
            coupon="DINE10P",
            # PLUS 8% first (800), then the coupon's 10% of the 9200 left (920)
            plus_off=800,
            coupon_off=920,
            payable=8_280,
            earn=(82, 0, 82, 0),
            savings=1_720,
            plus_saved=882,
        ),
        id="a dining coupon counts after the PLUS discount",
    ),
    pytest.param(
        Basket(
            "bronze",
            False,
            [("grocery", 10_001)],
            balance=10_000,
            use_points=5_000,
            # half of 100.01 yuan is 50.005: 5000 points at most
            max_points=5_000,
            payable=5_001,
            earn=(50, 0, 0, 0),
            savings=5_000,
            plus_would_save=500 + 50,
        ),
        id="points pay exactly half",
    ),
    pytest.param(
        Basket(
            "gold",
            False,
            [("beauty", 10_000)],
            store="S002",
            member="M0002",
            tier_off=200,
            payable=9_800,
            earn=(98, 19, 0, 49),
            campaigns=("beauty-week/B",),
            savings=200,
            plus_would_save=294 + 98,
        ),
        id="beauty week group B: +50% points",
    ),
    pytest.param(
        Basket(
            "gold",
            False,
            [("beauty", 10_000)],
            store="S002",
            member="M0001",
            tier_off=200,
            payable=9_800,
            earn=(98, 19, 0, 50),
            campaigns=("beauty-week/A",),
            savings=200,
            plus_would_save=294 + 98,
        ),
        id="beauty week group A: +50 bonus points",
    ),
    pytest.param(
        Basket(
            "gold",
            False,
            [("beauty", 10_000)],
            day=WED,
            store="S002",
            member="M0001",
            tier_off=200,
            payable=9_800,
            earn=(98, 19, 0, 98 + 50),
            campaigns=("member-day", "beauty-week/A"),
            savings=200,
            plus_would_save=294 + 98,
        ),
        id="member day and beauty week together",
    ),
    pytest.param(
        Basket(
            "silver",
            False,
            [("beauty", 10_000)],
            store="S002",
            payable=10_000,
            earn=(100, 10, 0, 0),
            plus_would_save=300 + 100,
        ),
        id="beauty week is not for silver",
    ),
    pytest.param(
        Basket(
            "platinum",
            True,
            [("grocery", 1)],
            # every percentage of one fen rounds down to nothing
            payable=1,
            earn=(0, 0, 0, 0),
        ),
        id="one fen",
    ),
]


@pytest.mark.parametrize("basket", BASKETS)
def test_quote(rules: RuleBook, basket: Basket) -> None:
    q = quote(
        lines=[Line(c, a) for c, a in basket.lines],
        shopper=shopper(
            rules, basket.tier, plus=basket.plus, points=basket.balance, member=basket.member
        ),
        store=basket.store,
        day=basket.day,
        rules=rules,
        coupon=coupon_of(rules, basket.coupon) if basket.coupon else None,
        points_to_use=basket.use_points,
    )
    assert q.subtotal_fen == sum(a for _, a in basket.lines)
    assert q.tier_discount_fen == basket.tier_off
    assert q.plus_discount_fen == basket.plus_off
    assert q.coupon_discount_fen == basket.coupon_off
    assert q.coupon_code == ("C000000001" if basket.coupon else None)
    assert q.max_points_usable == basket.max_points
    assert q.points_used == basket.use_points
    assert q.points_deduction_fen == basket.use_points
    assert q.payable_fen == basket.payable
    assert (q.earn.base, q.earn.tier, q.earn.plus, q.earn.campaign) == basket.earn
    assert q.points_to_earn == sum(basket.earn)
    assert q.earn.campaigns == basket.campaigns
    assert q.savings_fen == basket.savings
    assert q.plus_saved_fen == basket.plus_saved
    assert q.plus_would_save_fen == basket.plus_would_save


def test_points_worth_ten_fen(make_rules: MakeRules) -> None:
    book = make_rules({"points.value_fen_per_point": 10})
    q = quote(
        lines=[Line("grocery", 10_000)],
        shopper=shopper(book, "bronze", points=1_000),
        store="S001",
        day=TUE,
        rules=book,
        points_to_use=300,
    )
    # half of 100 yuan is 50 yuan: 500 points of 10 fen; 300 points take 30 yuan off
    assert (q.max_points_usable, q.points_deduction_fen, q.payable_fen) == (500, 3_000, 7_000)
    # PLUS would have saved 5% (500) and 70 extra points worth 700 fen
    assert q.plus_would_save_fen == 1_200


def test_no_points_when_the_rule_book_says_zero_share(make_rules: MakeRules) -> None:
    book = make_rules({"points.max_order_share_percent": 0})
    q = quote(
        lines=[Line("grocery", 10_000)],
        shopper=shopper(book, "bronze", points=1_000),
        store="S001",
        day=TUE,
        rules=book,
    )
    assert q.max_points_usable == 0


def test_a_campaign_coupon_is_listed(make_rules: MakeRules) -> None:
    book = make_rules({"campaigns[0].coupon": "PLUS10"})
    q = quote(
        lines=[Line("grocery", 100)],
        shopper=shopper(book, "bronze"),
        store="S001",
        day=WED,
        rules=book,
    )
    assert q.earn.campaign_coupons == ("PLUS10",)


@pytest.mark.parametrize(
    ("lines", "field", "message"),
    [
        pytest.param([], "lines", "Enter at least one amount.", id="no lines"),
        pytest.param(
            [Line("toys", 100)],
            "lines[0].category",
            "Line 1: 'toys' is not a product category "
            "(beauty, dining, electronics, fashion, grocery).",
            id="unknown category",
        ),
        pytest.param(
            [Line("grocery", 100), Line("fashion", 0)],
            "Line 2 amount",
            "Line 2 amount: the amount must be more than zero",
            id="zero amount",
        ),
        pytest.param(
            [Line("grocery", -100)],
            "Line 1 amount",
            "Line 1 amount: an amount cannot be negative",
            id="negative amount",
        ),
        pytest.param(
            [Line("grocery", MAX_AMOUNT_FEN + 1)],
            "Line 1 amount",
            "Line 1 amount: 100000000.01 is more than any single sale can be; check the amount",
            id="absurd line",
        ),
        pytest.param(
            [Line("grocery", 6_000_000_000), Line("dining", 6_000_000_000)],
            "Total",
            "Total: 120000000.00 is more than any single sale can be; check the amount",
            id="absurd total",
        ),
        pytest.param(
            [Line("grocery", 100)] * 501,
            "lines",
            "A purchase can have at most 500 lines.",
            id="501 lines",
        ),
    ],
)
def test_quote_refuses_bad_lines(
    rules: RuleBook, lines: list[Line], field: str, message: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        quote(lines=lines, shopper=shopper(rules, "bronze"), store="S001", day=TUE, rules=rules)
    assert caught.value.message == message
    assert caught.value.params["field"] == field


def test_quote_refuses_more_points_than_the_balance(rules: RuleBook) -> None:
    with pytest.raises(InsufficientPoints) as caught:
        quote(
            lines=[Line("grocery", 10_000)],
            shopper=shopper(rules, "bronze", points=300),
            store="S001",
            day=TUE,
            rules=rules,
            points_to_use=301,
        )
    assert caught.value.message == "The member has 300 points; 301 cannot be used."
    assert caught.value.params == {"balance": 300, "requested": 301}


def test_quote_refuses_points_over_the_cap(rules: RuleBook) -> None:
    with pytest.raises(InvalidInput) as caught:
        quote(
            lines=[Line("grocery", 10_001)],
            shopper=shopper(rules, "bronze", points=9_000),
            store="S001",
            day=TUE,
            rules=rules,
            points_to_use=5_001,
        )
    assert caught.value.message == (
        "At most 5000 points can be used on this purchase (50% of the amount)."
    )
    assert caught.value.params == {"field": "points", "max_points": 5_000}


def test_quote_refuses_negative_points(rules: RuleBook) -> None:
    with pytest.raises(InvalidInput, match="cannot be negative"):
        quote(
            lines=[Line("grocery", 100)],
            shopper=shopper(rules, "bronze", points=10),
            store="S001",
            day=TUE,
            rules=rules,
            points_to_use=-1,
        )


# ------------------------------------------------------------------------------ properties

RULES = build_rules()  # read-only; hypothesis examples share it

baskets = st.lists(
    st.builds(Line, st.sampled_from(sorted(RULES.category_codes())), st.integers(1, 5_000_000)),
    min_size=1,
    max_size=8,
)


@given(
    lines=baskets,
    tier=st.sampled_from([t.code for t in RULES.tiers]),
    plus=st.booleans(),
    balance=st.integers(0, 2_000_000),
    day=st.dates(date(2026, 11, 1), date(2026, 12, 31)),
    store=st.sampled_from([s.code for s in RULES.stores]),
    with_coupon=st.sampled_from([None, "PLUS10", "WINBACK20", "DINE10P"]),
    share=st.integers(0, 100),
)
def test_quote_adds_up(
    lines: list[Line],
    tier: str,
    plus: bool,
    balance: int,
    day: date,
    store: str,
    with_coupon: str | None,
    share: int,
) -> None:
    who = shopper(RULES, tier, plus=plus, points=balance)
    coupon = coupon_of(RULES, with_coupon) if with_coupon else None
    try:
        first = quote(lines=lines, shopper=who, store=store, day=day, rules=RULES, coupon=coupon)
    except CouponNotUsable:  # the coupon may not fit this basket; the coupon tests cover that
        return
    use = first.max_points_usable * share // 100
    q = quote(
        lines=lines,
        shopper=who,
        store=store,
        day=day,
        rules=RULES,
        coupon=coupon,
        points_to_use=use,
    )
    _check_invariants(q, balance)


def _check_invariants(q: Quote, balance: int) -> None:
    assert q.payable_fen >= 0
    assert q.payable_fen + q.savings_fen == q.subtotal_fen
    assert min(q.tier_discount_fen, q.plus_discount_fen, q.coupon_discount_fen) >= 0
    assert 0 <= q.points_used <= q.max_points_usable <= balance
    # points never pay more than half of what is left after discounts and the coupon
    after_coupon = q.payable_fen + q.points_deduction_fen
    assert q.points_deduction_fen * 100 <= after_coupon * 50
    assert q.earn.base == q.payable_fen // 100
    assert min(q.earn.tier, q.earn.plus, q.earn.campaign) >= 0
    assert q.plus_saved_fen == 0 or q.plus_would_save_fen == 0

"""PLUS that sells itself: its worth on a member's spend, the renewal prompt and the monthly
coupon codes. Default rule book: 3% off everything, 5% grocery, 8% dining, double points,
1 point per yuan, 1 point = 1 fen; renewal prompted 30 days ahead, lapse offered for 365."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.plus_offer import (
    PlusSaving,
    RenewalPrompt,
    monthly_coupon_code,
    monthly_coupons_due,
    plus_saving,
    plus_worth_fen,
    renewal_prompt,
)
from app.domain.rulebook import RuleBook

from .conftest import MakeRules

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("spend", "worth"),
    [
        pytest.param({}, 0, id="nothing bought"),
        # 5% off 1000 yuan = 50 yuan; 950 yuan paid earn 950 extra points = 9.50 yuan
        pytest.param({"grocery": 100_000}, 5_000 + 95_000 // 100, id="grocery"),
        # 3% off 100 yuan = 3 yuan; 97 extra points = 0.97 yuan
        pytest.param({"fashion": 10_000}, 300 + 97, id="the extra discount elsewhere"),
        # 8% of 200 + 3% of 100 = 19 yuan off; 281 extra points
        pytest.param({"dining": 20_000, "beauty": 10_000}, 1_900 + 281, id="two categories"),
        pytest.param({"dining": -5_000}, 0, id="refunds beyond purchases count as nothing"),
    ],
)
def test_plus_worth_is_its_discount_and_its_extra_points(
    rules: RuleBook, spend: dict[str, int], worth: int
) -> None:
    assert plus_worth_fen(spend, rules) == worth


def test_a_member_without_plus_sees_what_it_would_have_saved_in_12_months(
    rules: RuleBook,
) -> None:
    year, term = {"grocery": 100_000}, {"grocery": 10_000}
    assert plus_saving(
        plus_active=False, last_12_months=year, this_term=term, rules=rules
    ) == PlusSaving("would_have_saved", 5_950)


def test_a_plus_member_sees_what_it_saved_this_term(rules: RuleBook) -> None:
    year, term = {"grocery": 100_000}, {"grocery": 10_000}
    assert plus_saving(
        plus_active=True, last_12_months=year, this_term=term, rules=rules
    ) == PlusSaving("saved_this_term", 500 + 95)


def test_the_worth_follows_the_rule_book(make_rules: MakeRules) -> None:
    book = make_rules({"plus.points_multiplier_percent": 100, "plus.category_discounts": {}})
    assert plus_worth_fen({"grocery": 100_000}, book) == 3_000  # 3% off, no extra points


@pytest.mark.parametrize(
    ("expires_on", "prompt"),
    [
        pytest.param(None, None, id="never had PLUS"),
        pytest.param(date(2027, 3, 1), None, id="months left"),
        pytest.param(date(2026, 12, 24), None, id="30 days left: not yet"),
        pytest.param(
            date(2026, 12, 23), RenewalPrompt("renew_soon", date(2026, 12, 23), 29), id="29 left"
        ),
        pytest.param(
            date(2026, 11, 24), RenewalPrompt("renew_soon", date(2026, 11, 24), 0), id="last day"
        ),
        pytest.param(
            date(2026, 11, 23), RenewalPrompt("lapsed", date(2026, 11, 23), 1), id="lapsed"
        ),
        pytest.param(
            date(2025, 11, 24), RenewalPrompt("lapsed", date(2025, 11, 24), 365), id="a year ago"
        ),
        pytest.param(date(2025, 11, 23), None, id="lapsed too long ago"),
    ],
)
def test_the_renewal_prompt(
    rules: RuleBook, expires_on: date | None, prompt: RenewalPrompt | None
) -> None:
    assert renewal_prompt(expires_on, TODAY, rules) == prompt


def test_the_prompt_windows_come_from_the_rule_book(make_rules: MakeRules) -> None:
    book = make_rules({"plus.renewal_prompt_days": 0, "plus.lapsed_prompt_days": 0})
    assert renewal_prompt(TODAY, TODAY, book) is None
    assert renewal_prompt(date(2026, 11, 23), TODAY, book) is None


def test_a_monthly_coupon_has_one_code_per_member_month_and_template() -> None:
    code = monthly_coupon_code("M1", date(2026, 11, 1), "PLUS10")
    assert code == monthly_coupon_code("M1", date(2026, 11, 30), "PLUS10")  # any day of it
    assert code.startswith("P") and len(code) == 13
    assert not set(code) & set("01OI")  # read aloud at a counter
    others = {
        monthly_coupon_code("M2", date(2026, 11, 1), "PLUS10"),
        monthly_coupon_code("M1", date(2026, 12, 1), "PLUS10"),
        monthly_coupon_code("M1", date(2027, 11, 1), "PLUS10"),
        monthly_coupon_code("M1", date(2026, 11, 1), "OTHER"),
    }
    assert code not in others and len(others) == 4


def test_monthly_coupons_are_due_every_month_of_a_term_only(rules: RuleBook) -> None:
    term_end = date(2027, 11, 23)
    for month in (date(2026, 11, 24), date(2027, 2, 10), date(2027, 11, 23)):
        assert monthly_coupons_due("M1", term_end, month, rules) == (
            ("PLUS10", monthly_coupon_code("M1", month, "PLUS10")),
        )
    assert monthly_coupons_due("M1", term_end, date(2027, 11, 24), rules) == ()
    assert monthly_coupons_due("M1", None, TODAY, rules) == ()

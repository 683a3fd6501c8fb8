"""PLUS, the paid yearly membership: 149 yuan for 365 days in the default rule book."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.errors import RuleBookError
from app.domain.plus import PlusTerm, fee_for, is_plus, next_term, term_start
from app.domain.rulebook import RuleBook

from .conftest import MakeRules

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("expires_on", "active"),
    [
        pytest.param(None, False, id="never bought"),
        pytest.param(date(2026, 11, 23), False, id="expired yesterday"),
        pytest.param(date(2026, 11, 24), True, id="last day today"),
        pytest.param(date(2027, 5, 1), True, id="valid for months"),
    ],
)
def test_is_plus(expires_on: date | None, active: bool) -> None:
    assert is_plus(expires_on, TODAY) is active


@pytest.mark.parametrize(
    ("current_expiry", "term"),
    [
        pytest.param(
            None,
            PlusTerm(date(2026, 11, 24), date(2027, 11, 23), 14_900),
            id="first purchase starts today for 365 days",
        ),
        pytest.param(
            date(2026, 12, 31),
            PlusTerm(date(2027, 1, 1), date(2027, 12, 31), 14_900),
            id="early renewal extends from the current expiry",
        ),
        pytest.param(
            date(2026, 11, 24),
            PlusTerm(date(2026, 11, 25), date(2027, 11, 24), 14_900),
            id="renewal on the last day loses no day",
        ),
        pytest.param(
            date(2026, 11, 23),
            PlusTerm(date(2026, 11, 24), date(2027, 11, 23), 14_900),
            id="lapsed yesterday: starts again today",
        ),
    ],
)
def test_next_term(rules: RuleBook, current_expiry: date | None, term: PlusTerm) -> None:
    assert next_term(current_expiry, TODAY, rules, growth=0) == term


def test_term_length_and_fee_come_from_the_rule_book(make_rules: MakeRules) -> None:
    book = make_rules({"plus.validity_days": 31, "plus.fee_fen": 1_990})
    term = PlusTerm(date(2026, 11, 24), date(2026, 12, 24), 1_990)
    assert next_term(None, TODAY, book, growth=0) == term


PRICES = [{"growth": 1000, "fee_fen": 12_900}, {"growth": 10000, "fee_fen": 9_900}]


@pytest.mark.parametrize(
    ("growth", "fee"),
    [
        pytest.param(0, 14_900, id="below every line: the standard fee"),
        pytest.param(999, 14_900, id="one short of the first line"),
        pytest.param(1000, 12_900, id="on the first line"),
        pytest.param(9_999, 12_900, id="between the lines"),
        pytest.param(25_000, 9_900, id="above the top line"),
    ],
)
def test_the_fee_falls_with_growth(make_rules: MakeRules, growth: int, fee: int) -> None:
    book = make_rules({"plus.prices": PRICES})
    assert fee_for(growth, book) == fee
    assert next_term(None, TODAY, book, growth=growth).fee_fen == fee


def test_a_special_price_above_the_standard_fee_never_raises_it(make_rules: MakeRules) -> None:
    book = make_rules({"plus.prices": [{"growth": 10, "fee_fen": 99_900}]})
    assert fee_for(50, book) == 14_900


@pytest.mark.parametrize(
    ("prices", "field"),
    [
        pytest.param([{"growth": 1000}], "plus.prices[0].fee_fen", id="no fee"),
        pytest.param([{"growth": 0, "fee_fen": 1}], "plus.prices[0].growth", id="growth 0"),
        pytest.param(
            [{"growth": 500, "fee_fen": 1}, {"growth": 500, "fee_fen": 2}],
            "plus.prices[1].growth",
            id="lines that do not rise",
        ),
        pytest.param({"growth": 5}, "plus.prices", id="not a list"),
    ],
)
def test_bad_prices_are_refused_naming_the_field(
    make_rules: MakeRules, prices: object, field: str
) -> None:
    with pytest.raises(RuleBookError) as refused:
        make_rules({"plus.prices": prices})
    assert refused.value.params["field"] == field


def test_the_term_starts_validity_days_before_its_last_day(rules: RuleBook) -> None:
    assert term_start(date(2027, 11, 23), rules) == date(2026, 11, 24)


def test_partner_benefits_given_as_objects_are_issued_and_texts_only_shown(
    make_rules: MakeRules,
) -> None:
    book = make_rules(
        {
            "plus.partner_benefits": [
                {"code": "video", "name": "Video: a year", "partner": "StreamCo"},
                "Car wash: 1 a month free",
            ]
        }
    )
    assert book.plus.partner_benefits == ("Video: a year", "Car wash: 1 a month free")
    assert [(b.code, b.partner, b.validity_days) for b in book.plus.entitlements] == [
        ("video", "StreamCo", 365)
    ]


def test_a_partner_benefit_without_its_partner_is_refused(make_rules: MakeRules) -> None:
    with pytest.raises(RuleBookError) as refused:
        make_rules({"plus.partner_benefits": [{"code": "video", "name": "Video"}]})
    assert refused.value.params["field"] == "plus.partner_benefits[0].partner"

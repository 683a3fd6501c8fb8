"""PLUS, the paid yearly membership: 149 yuan for 365 days in the default rule book."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.plus import PlusTerm, is_plus, next_term
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
    assert next_term(current_expiry, TODAY, rules) == term


def test_term_length_and_fee_come_from_the_rule_book(make_rules: MakeRules) -> None:
    book = make_rules({"plus.validity_days": 31, "plus.fee_fen": 1_990})
    assert next_term(None, TODAY, book) == PlusTerm(date(2026, 11, 24), date(2026, 12, 24), 1_990)

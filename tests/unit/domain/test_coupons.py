"""Coupons: who may use one, where, when, and what it takes off.

Default templates: PLUS10 (10 yuan off from 100), WINBACK20 (20 yuan off from 150), DINE10P
(10% off dining), COFFEE (a free coffee, only at S003). Member M1, today 2026-11-24.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from app.domain.coupons import Coupon, coupon_discount, validity
from app.domain.errors import CouponNotUsable
from app.domain.rulebook import RuleBook

from .conftest import MakeRules

TODAY = date(2026, 11, 24)


def coupon_of(rules: RuleBook, template: str, **changes: Any) -> Coupon:
    found = rules.coupon_template(template)
    assert found is not None
    fields: dict[str, Any] = {
        "code": "C000000001",
        "template": found,
        "member_id": "M1",
        "valid_from": date(2026, 11, 1),
        "valid_until": date(2026, 11, 30),
    }
    fields.update(changes)
    return Coupon(**fields)


@pytest.mark.parametrize(
    ("template", "changes", "member", "store", "today", "lines", "reason"),
    [
        pytest.param(
            "PLUS10",
            {},
            "M2",
            "S001",
            TODAY,
            [("grocery", 20_000)],
            "This coupon belongs to another member.",
            id="another member's coupon",
        ),
        pytest.param(
            "PLUS10",
            {"used": True},
            "M1",
            "S001",
            TODAY,
            [("grocery", 20_000)],
            "This coupon has already been used.",
            id="already used",
        ),
        pytest.param(
            "PLUS10",
            {},
            "M1",
            "S001",
            date(2026, 12, 1),
            [("grocery", 20_000)],
            "This coupon expired on 2026-11-30.",
            id="expired yesterday",
        ),
        pytest.param(
            "PLUS10",
            {},
            "M1",
            "S001",
            date(2026, 10, 31),
            [("grocery", 20_000)],
            "This coupon is valid from 2026-11-01.",
            id="not valid yet",
        ),
        pytest.param(
            "COFFEE",
            {},
            "M1",
            "S001",
            TODAY,
            [("dining", 2_000)],
            "This coupon cannot be used in this store.",
            id="coffee only at S003",
        ),
        pytest.param(
            "DINE10P",
            {},
            "M1",
            "S001",
            TODAY,
            [("grocery", 20_000)],
            "Nothing in this purchase is in the coupon's categories.",
            id="dining coupon on groceries",
        ),
        pytest.param(
            "PLUS10",
            {},
            "M1",
            "S001",
            TODAY,
            [("grocery", 9_999)],
            "This coupon needs a spend of at least 100.00.",
            id="one fen below min spend",
        ),
        pytest.param(
            "WINBACK20",
            {},
            "M1",
            "S001",
            TODAY,
            [("grocery", 10_000), ("fashion", 4_999)],
            "This coupon needs a spend of at least 150.00.",
            id="min spend over several lines",
        ),
        pytest.param(
            "PLUS10",
            {"used": True},
            "M2",
            "S001",
            date(2027, 1, 1),
            [],
            "This coupon belongs to another member.",
            id="another member's reason comes first",
        ),
    ],
)
def test_coupon_refusals(
    rules: RuleBook,
    template: str,
    changes: dict[str, Any],
    member: str,
    store: str,
    today: date,
    lines: list[tuple[str, int]],
    reason: str,
) -> None:
    coupon = coupon_of(rules, template, **changes)
    with pytest.raises(CouponNotUsable) as caught:
        coupon_discount(coupon, member_id=member, store=store, today=today, lines=lines)
    assert caught.value.message == reason
    assert caught.value.params["coupon"] == "C000000001"
    assert caught.value.params["kind"]  # which reason: the screen translates by it


@pytest.mark.parametrize(
    ("template", "store", "today", "lines", "off"),
    [
        pytest.param(
            "PLUS10",
            "S001",
            TODAY,
            [("grocery", 10_000)],
            1_000,
            id="10 off at exactly the min spend",
        ),
        pytest.param(
            "PLUS10",
            "S002",
            TODAY,
            [("grocery", 5_000), ("beauty", 5_000)],
            1_000,
            id="min spend reached over two lines",
        ),
        pytest.param(
            "WINBACK20", "S003", TODAY, [("electronics", 99_900)], 2_000, id="20 off a big purchase"
        ),
        pytest.param(
            "PLUS10",
            "S001",
            date(2026, 11, 1),
            [("grocery", 10_000)],
            1_000,
            id="usable on its first day",
        ),
        pytest.param(
            "PLUS10",
            "S001",
            date(2026, 11, 30),
            [("grocery", 10_000)],
            1_000,
            id="usable on its last day",
        ),
        pytest.param(
            "DINE10P",
            "S001",
            TODAY,
            [("dining", 12_345), ("grocery", 10_000)],
            1_234,
            id="10% of the dining line only, rounded down",
        ),
        pytest.param("DINE10P", "S001", TODAY, [("dining", 9)], 0, id="10% of 9 fen gives nothing"),
        pytest.param(
            "COFFEE",
            "S003",
            TODAY,
            [("dining", 2_000)],
            0,
            id="a gift coupon takes nothing off the bill",
        ),
    ],
)
def test_coupon_discounts(
    rules: RuleBook, template: str, store: str, today: date, lines: list[tuple[str, int]], off: int
) -> None:
    coupon = coupon_of(rules, template)
    assert coupon_discount(coupon, member_id="M1", store=store, today=today, lines=lines) == off


def test_an_amount_coupon_never_takes_off_more_than_the_eligible_amount(
    make_rules: MakeRules,
) -> None:
    book = make_rules(
        {"coupon_templates[0].amount_fen": 5_000, "coupon_templates[0].min_spend_fen": 0}
    )
    coupon = coupon_of(book, "PLUS10")
    lines = [("grocery", 3_000)]
    assert coupon_discount(coupon, member_id="M1", store="S001", today=TODAY, lines=lines) == 3_000


def test_min_spend_counts_only_the_coupon_categories(make_rules: MakeRules) -> None:
    book = make_rules({"coupon_templates[2].min_spend_fen": 10_000})
    coupon = coupon_of(book, "DINE10P")
    with pytest.raises(CouponNotUsable, match=r"at least 100\.00"):
        coupon_discount(
            coupon,
            member_id="M1",
            store="S001",
            today=TODAY,
            lines=[("dining", 5_000), ("grocery", 10_000)],
        )
    assert (
        coupon_discount(
            replace(coupon), member_id="M1", store="S001", today=TODAY, lines=[("dining", 10_000)]
        )
        == 1_000
    )


@pytest.mark.parametrize(
    ("template", "issued_on", "until"),
    [
        pytest.param("PLUS10", date(2026, 11, 24), date(2026, 12, 24), id="31 days"),
        pytest.param(
            "WINBACK20", date(2026, 12, 15), date(2027, 1, 13), id="30 days over new year"
        ),
        pytest.param("COFFEE", date(2028, 2, 20), date(2028, 3, 4), id="14 days over a leap day"),
    ],
)
def test_validity(rules: RuleBook, template: str, issued_on: date, until: date) -> None:
    found = rules.coupon_template(template)
    assert found is not None
    assert validity(found, issued_on) == (issued_on, until)

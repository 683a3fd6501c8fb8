"""Lifecycle stage and the action suggested at the counter.

Default rule book: new for the first 30 days after enrolment; loyal from 12 purchases in 365 days;
dormant after 90 days without a purchase; lost after 365. Win-back coupon WINBACK20.
Today is Tuesday 2026-11-24.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.domain.lifecycle import lifecycle
from app.domain.rulebook import RuleBook

from .conftest import MakeRules

TODAY = date(2026, 11, 24)
LONG_AGO = date(2024, 3, 1)


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


@pytest.mark.parametrize(
    ("enrolled_on", "last_purchase_on", "purchases_365", "stage"),
    [
        pytest.param(TODAY, None, 0, "new", id="enrolled today"),
        pytest.param(days_ago(29), days_ago(1), 1, "new", id="day 29 is still new"),
        pytest.param(days_ago(30), days_ago(1), 1, "growing", id="day 30 is no longer new"),
        pytest.param(days_ago(10), days_ago(1), 12, "new", id="new even with 12 purchases"),
        pytest.param(LONG_AGO, days_ago(1), 11, "growing", id="11 purchases: growing"),
        pytest.param(LONG_AGO, days_ago(1), 12, "loyal", id="12 purchases: loyal"),
        pytest.param(LONG_AGO, days_ago(89), 12, "loyal", id="89 idle days: still loyal"),
        pytest.param(
            LONG_AGO, days_ago(90), 12, "dormant", id="90 idle days: dormant even if loyal"
        ),
        pytest.param(LONG_AGO, days_ago(89), 3, "growing", id="89 idle days: still growing"),
        pytest.param(LONG_AGO, days_ago(90), 3, "dormant", id="90 idle days: dormant"),
        pytest.param(LONG_AGO, days_ago(364), 0, "dormant", id="364 idle days: dormant"),
        pytest.param(LONG_AGO, days_ago(365), 0, "lost", id="365 idle days: lost"),
        pytest.param(days_ago(90), None, 0, "dormant", id="enrolled 90 days ago, never bought"),
        pytest.param(days_ago(89), None, 0, "growing", id="enrolled 89 days ago, never bought"),
        pytest.param(days_ago(400), None, 0, "lost", id="enrolled 400 days ago, never bought"),
    ],
)
def test_stage(
    rules: RuleBook,
    enrolled_on: date,
    last_purchase_on: date | None,
    purchases_365: int,
    stage: str,
) -> None:
    status = lifecycle(
        enrolled_on=enrolled_on,
        last_purchase_on=last_purchase_on,
        purchases_365=purchases_365,
        birthday=None,
        today=TODAY,
        rules=rules,
    )
    assert status.stage == stage


@pytest.mark.parametrize(
    ("last_purchase_on", "purchases_365", "action", "winback"),
    [
        pytest.param(
            days_ago(1),
            1,
            "Mention the next tier and what it brings",
            None,
            id="growing: mention the next tier",
        ),
        pytest.param(
            days_ago(1), 12, "Thank them; offer PLUS if not a member", None, id="loyal: offer PLUS"
        ),
        pytest.param(
            days_ago(120),
            12,
            "Offer the win-back coupon",
            "WINBACK20",
            id="dormant: win-back coupon",
        ),
        pytest.param(
            days_ago(500),
            0,
            "Offer the win-back coupon and check the phone number",
            "WINBACK20",
            id="lost: win-back coupon and check the phone",
        ),
    ],
)
def test_counter_action_and_winback(
    rules: RuleBook, last_purchase_on: date, purchases_365: int, action: str, winback: str | None
) -> None:
    status = lifecycle(
        enrolled_on=LONG_AGO,
        last_purchase_on=last_purchase_on,
        purchases_365=purchases_365,
        birthday=None,
        today=TODAY,
        rules=rules,
    )
    assert (status.action, status.winback_coupon) == (action, winback)


def test_a_new_member_is_welcomed(rules: RuleBook) -> None:
    status = lifecycle(
        enrolled_on=TODAY,
        last_purchase_on=None,
        purchases_365=0,
        birthday=None,
        today=TODAY,
        rules=rules,
    )
    assert (status.action, status.winback_coupon) == ("Welcome: explain how points work", None)


@pytest.mark.parametrize(
    ("birthday", "this_month"),
    [
        pytest.param(date(1990, 11, 3), True, id="born in November, earlier day"),
        pytest.param(date(1990, 11, 30), True, id="born in November, later day"),
        pytest.param(date(1990, 12, 24), False, id="born in December"),
        pytest.param(date(1990, 10, 31), False, id="born in October"),
        pytest.param(None, False, id="birthday unknown"),
    ],
)
def test_birthday_month(rules: RuleBook, birthday: date | None, this_month: bool) -> None:
    status = lifecycle(
        enrolled_on=LONG_AGO,
        last_purchase_on=days_ago(1),
        purchases_365=3,
        birthday=birthday,
        today=TODAY,
        rules=rules,
    )
    assert status.birthday_this_month is this_month
    expected = "Birthday month: offer the birthday gift" if this_month else None
    assert status.birthday_action == expected


def test_boundaries_come_from_the_rule_book(make_rules: MakeRules) -> None:
    book = make_rules(
        {
            "lifecycle.dormant_days": 30,
            "lifecycle.lost_days": 60,
            "lifecycle.winback_coupon": None,
            "lifecycle.actions": {},
        }
    )
    status = lifecycle(
        enrolled_on=LONG_AGO,
        last_purchase_on=days_ago(30),
        purchases_365=5,
        birthday=None,
        today=TODAY,
        rules=book,
    )
    assert (status.stage, status.action, status.winback_coupon) == ("dormant", None, None)
    status = lifecycle(
        enrolled_on=LONG_AGO,
        last_purchase_on=days_ago(60),
        purchases_365=5,
        birthday=None,
        today=TODAY,
        rules=book,
    )
    assert status.stage == "lost"

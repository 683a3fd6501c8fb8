"""Stores with their own members: scopes, who funds points, claw-backs, grants."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.errors import InvalidInput
from app.domain.quote import Shopper, points_earned
from app.domain.rulebook import RuleBook
from app.domain.stores import (
    MALL,
    FunderCharge,
    check_grant,
    funders_of,
    scope_name,
    scope_of,
    split_clawback,
)

from .conftest import MakeRules

WEDNESDAY = date(2026, 11, 25)  # member day (mall-funded x2), and beauty week at S002


def test_each_store_earns_into_its_scope(rules: RuleBook) -> None:
    assert [scope_of(rules, s.code) for s in rules.stores] == [
        MALL, MALL, MALL, "food-court", "food-court", "S006",
    ]  # fmt: skip
    # a store the rule book does not list, or no rule book: mall-wide, as before scopes
    assert scope_of(rules, "S404") == MALL
    assert scope_of(None, "S006") == MALL


def test_a_scope_is_named_by_its_stores(rules: RuleBook) -> None:
    assert scope_name(rules, "S006") == "Watch Boutique"
    assert scope_name(rules, "food-court") == "food-court (Tea House, Noodle Bar)"
    assert scope_name(rules, MALL) == "mall"


def test_a_campaign_charges_its_funder_and_the_store_the_rest(rules: RuleBook) -> None:
    gold = rules.tier("gold")
    shopper = Shopper("M0001", gold, False, 0)  # beauty week variant A: +50 bonus points
    earn = points_earned(9_800, shopper=shopper, store="S002", day=WEDNESDAY, rules=rules)
    assert dict(earn.campaign_shares) == {"member-day": 98, "beauty-week/A": 50}
    assert funders_of(earn, earn.total, "S002", rules) == {
        MALL: 98,  # member day: the mall's
        "S002": 50 + 98 + 19,  # its beauty week, and the base and tier points it gave
    }


def test_a_disputed_figure_charges_campaigns_no_more_than_was_given(rules: RuleBook) -> None:
    shopper = Shopper("M0001", rules.tier("gold"), False, 0)
    earn = points_earned(9_800, shopper=shopper, store="S002", day=WEDNESDAY, rules=rules)
    assert funders_of(earn, 100, "S002", rules) == {MALL: 98, "S002": 2}
    assert funders_of(earn, 0, "S002", rules) == {}


def test_a_campaign_funded_by_a_store_is_charged_to_that_store(make_rules: MakeRules) -> None:
    book = make_rules({"campaigns[0].funded_by": "S003"})
    shopper = Shopper("M0001", book.tier("bronze"), False, 0)
    earn = points_earned(10_000, shopper=shopper, store="S001", day=WEDNESDAY, rules=book)
    assert funders_of(earn, earn.total, "S001", book) == {"S003": 100, "S001": 100}


@pytest.mark.parametrize(
    ("shares", "points", "charged"),
    [
        ({"mall": 100, "S002": 100}, 50, {"mall": 25, "S002": 25}),
        ({"mall": 1, "S002": 2}, 1, {"S002": 1}),  # the largest remainder
        ({"mall": 1, "S002": 1}, 1, {"S002": 1}),  # a tie: by name, "S…" before "m…"
        ({"mall": 98, "S002": 167}, 265, {"mall": 98, "S002": 167}),  # all of it
        ({"mall": 98, "S002": 167}, 999, {"mall": 98, "S002": 167}),  # never more than funded
        ({"mall": 98, "S002": 167}, 0, {}),
        ({}, 10, {}),
    ],
)
def test_a_clawback_goes_back_to_the_funders_in_proportion(
    shares: dict[str, int], points: int, charged: dict[str, int]
) -> None:
    assert split_clawback(shares, points) == charged


def test_a_funder_is_charged_net_of_clawbacks() -> None:
    charge = FunderCharge("S002", issued=300, clawed_back=120, value_fen_per_point=1)
    assert (charge.net_points, charge.fen) == (180, 180)


def test_a_grant_stays_within_the_budget() -> None:
    check_grant(500, 500, "S006")
    with pytest.raises(InvalidInput, match="budget has 499 points left; 500 were asked"):
        check_grant(500, 499, "S006")
    with pytest.raises(InvalidInput, match="above 0"):
        check_grant(0, 500, "S006")

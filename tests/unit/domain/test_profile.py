"""The profile's bucket arithmetic (``app.domain.profile``): purchases and refunds by business
day, the rolling window, and the SQL fold of the replica (``app.store.profiledays``) giving
exactly what the domain's fold gives."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.profile import (
    DayDelta,
    MemberBasics,
    Window,
    derive,
    event_deltas,
    fold,
    parse_delta,
    purchase_delta,
    refund_deltas,
)
from app.domain.rulebook import RuleBook
from app.store.profiledays import (
    LEDGER,
    OWN,
    add_own,
    read_window,
    refresh_window,
    replace_ledger_days,
    sum_window,
)

from .conftest import MakeRules

TODAY = date(2026, 12, 6)
LINES = [("dining", 30_000), ("grocery", 10_001)]


def test_a_purchase_adds_its_money_lines_and_one_purchase_to_its_day() -> None:
    delta = purchase_delta(TODAY, [*LINES, ("dining", 500)], 38_000)
    assert delta == DayDelta(TODAY, 38_000, 1, 0, {"dining": 30_500, "grocery": 10_001})


def test_partial_refunds_never_drift_and_a_full_refund_takes_back_exactly_the_purchase() -> None:
    paid, before, total = 40_001, 0, {"dining": 0, "grocery": 0}
    for amount in (10_000, 3, 29_998):
        back, counted = refund_deltas(
            purchase_day=TODAY - timedelta(days=3),
            refund_day=TODAY,
            lines=LINES,
            payable_fen=paid,
            refunded_before_fen=before,
            amount_fen=amount,
        )
        before += amount
        assert back.day == TODAY - timedelta(days=3) and back.spend_fen == -amount
        assert counted == DayDelta(TODAY, refunds=1)
        assert back.purchases == (-1 if before == paid else 0)  # only the refund in full
        for category, fen in back.categories.items():
            total[category] += fen
    assert total == {"dining": -30_000, "grocery": -10_001}


def test_a_purchase_paid_with_points_only_is_refunded_once_in_full() -> None:
    back, _ = refund_deltas(
        purchase_day=TODAY,
        refund_day=TODAY,
        lines=LINES,
        payable_fen=0,
        refunded_before_fen=0,
        amount_fen=0,
    )
    assert (back.spend_fen, back.purchases) == (0, -1)
    assert back.categories == {"dining": -30_000, "grocery": -10_001}


def test_events_carry_their_deltas_and_a_bad_one_changes_nothing() -> None:
    bought = event_deltas("purchase", {"lines": [["dining", 100]], "payable_fen": 90}, TODAY)
    assert bought == [DayDelta(TODAY, 90, 1, 0, {"dining": 100})]
    back = DayDelta(TODAY - timedelta(days=1), -90, -1, 0, {"dining": -100})
    refund = event_deltas("refund", {"profile": back.wire()}, TODAY)
    assert refund == [back, DayDelta(TODAY, refunds=1)]
    assert parse_delta({**back.wire(), "purchases": True}) is None
    assert parse_delta({**back.wire(), "day": "yesterday"}) is None
    assert event_deltas("refund", {"profile": {"day": 1}}, TODAY) == [DayDelta(TODAY, refunds=1)]
    assert event_deltas("redeem", {"points": 5}, TODAY) == []


def test_the_window_is_365_days_and_a_refund_in_full_is_no_purchase() -> None:
    old = TODAY - timedelta(days=365)
    days = [
        purchase_delta(old, [("dining", 500)], 500),
        purchase_delta(old - timedelta(days=1), [("dining", 700)], 700),  # out of the window
        purchase_delta(TODAY, [("fashion", 300)], 300),
        DayDelta(TODAY, -300, -1, 0, {"fashion": -300}),
        DayDelta(TODAY, refunds=1),
    ]
    assert fold(days, TODAY) == Window(500, 1, 1, 1, old, {"dining": 500})
    assert fold(days, TODAY + timedelta(days=1)) == Window(0, 0, 1, 0, None, {})


def test_refunding_everything_drops_the_tier_and_an_idle_year_too(make_rules: MakeRules) -> None:
    rules: RuleBook = make_rules()
    member = MemberBasics(enrolled_on=TODAY - timedelta(days=400), birthday=None)
    spent = [purchase_delta(TODAY - timedelta(days=10), [("grocery", 1_560_000)], 1_560_000)]
    assert derive(fold(spent, TODAY), member, TODAY, rules).tier.tier.code == "platinum"
    back, counted = refund_deltas(
        purchase_day=TODAY - timedelta(days=10),
        refund_day=TODAY,
        lines=[("grocery", 1_560_000)],
        payable_fen=1_560_000,
        refunded_before_fen=0,
        amount_fen=1_560_000,
    )
    refunded = derive(fold([*spent, back, counted], TODAY), member, TODAY, rules)
    assert (refunded.tier.tier.code, refunded.activity.returns) == ("bronze", 1)
    later = TODAY + timedelta(days=356)  # the purchase was 366 days ago
    idle = derive(fold(spent, later), member, later, rules)
    assert (idle.tier.tier.code, idle.stage.stage) == ("bronze", "lost")


_day = st.integers(min_value=0, max_value=800).map(lambda n: TODAY - timedelta(days=n))
_deltas = st.lists(
    st.builds(
        DayDelta,
        _day,
        st.integers(-(10**7), 10**7),
        st.integers(-2, 3),
        st.integers(0, 2),
        st.dictionaries(st.sampled_from(["dining", "grocery", "fashion"]), st.integers(-999, 999)),
    ),
    max_size=30,
)


@pytest.fixture(scope="module")
def replica() -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:")
    connection.execute(
        "CREATE TABLE profile_days (member_id TEXT, day DATE, source TEXT, spend_fen INTEGER, "
        "purchases INTEGER, refunds INTEGER, categories TEXT, "
        "PRIMARY KEY (member_id, day, source)) WITHOUT ROWID"
    )
    connection.execute(
        "CREATE TABLE profile_windows (member_id TEXT PRIMARY KEY, as_of DATE, window TEXT)"
    )
    return connection


@settings(max_examples=60, deadline=None)
@given(ledger=_deltas, own=_deltas)
def test_the_replicas_sql_fold_is_the_domains_fold(
    replica: sqlite3.Connection, ledger: list[DayDelta], own: list[DayDelta]
) -> None:
    replica.execute("DELETE FROM profile_days")
    merged: dict[date, DayDelta] = {}  # the ledger sends one bucket a day
    for delta in ledger:
        bucket = merged.setdefault(delta.day, DayDelta(delta.day))
        bucket.spend_fen += delta.spend_fen
        bucket.purchases += delta.purchases
        bucket.refunds += delta.refunds
        for category, fen in delta.categories.items():
            bucket.categories[category] = bucket.categories.get(category, 0) + fen
    replace_ledger_days(replica, "M1", merged.values())
    add_own(replica, "M1", own)
    assert {s for (s,) in replica.execute("SELECT DISTINCT source FROM profile_days")} <= {
        LEDGER,
        OWN,
    }
    expected = fold([*merged.values(), *own], TODAY)
    assert sum_window(replica, "M1", TODAY) == expected


@settings(max_examples=40, deadline=None)
@given(own=_deltas, later=st.integers(0, 500))
def test_a_stored_window_rolled_on_is_the_buckets_added_up(
    replica: sqlite3.Connection, own: list[DayDelta], later: int
) -> None:
    replica.execute("DELETE FROM profile_days")
    replica.execute("DELETE FROM profile_windows")
    add_own(replica, "M1", own, TODAY)  # the window stored as of TODAY
    day = TODAY + timedelta(days=later)
    assert read_window(replica, "M1", day) == sum_window(replica, "M1", day) == fold(own, day)
    assert read_window(replica, "M1", TODAY - timedelta(days=1)) == fold(own, TODAY - timedelta(1))
    refresh_window(replica, "M1", day)
    assert read_window(replica, "M1", day) == fold(own, day)

"""Points: how many a payment earns, when they expire, and which lots a redemption uses."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.points import Lot, allocate_oldest_first, apply_percent, expiry_for, points_for_fen

from .conftest import MakeRules

DOWN: dict[str, Any] = {}
HALF_UP = {"points.rounding": "half_up"}
THREE_PER_TEN_YUAN = {"points.earn_points": 3, "points.earn_per_fen": 1000}


@pytest.mark.parametrize(
    ("policy", "fen", "points"),
    [
        pytest.param(DOWN, 0, 0, id="nothing paid"),
        pytest.param(DOWN, 99, 0, id="0.99 yuan earns nothing"),
        pytest.param(DOWN, 100, 1, id="1 yuan earns 1"),
        pytest.param(DOWN, 199, 1, id="1.99 yuan rounds down to 1"),
        pytest.param(DOWN, 12_345, 123, id="123.45 yuan earns 123"),
        pytest.param(HALF_UP, 49, 0, id="half-up 0.49 yuan earns 0"),
        pytest.param(HALF_UP, 50, 1, id="half-up 0.50 yuan earns 1"),
        pytest.param(HALF_UP, 149, 1, id="half-up 1.49 yuan earns 1"),
        pytest.param(HALF_UP, 150, 2, id="half-up 1.50 yuan earns 2"),
        pytest.param(HALF_UP, 12_350, 124, id="half-up 123.50 yuan earns 124"),
        pytest.param(THREE_PER_TEN_YUAN, 999, 2, id="3 per 10 yuan on 9.99 down: 2.997 is 2"),
        pytest.param(
            {**THREE_PER_TEN_YUAN, **HALF_UP}, 999, 3, id="3 per 10 yuan on 9.99 half-up is 3"
        ),
        pytest.param(
            {**THREE_PER_TEN_YUAN, **HALF_UP}, 1_166, 3, id="3 per 10 yuan on 11.66 half-up: 3.498"
        ),
        pytest.param({"points.earn_points": 0}, 100_000, 0, id="a rule book that gives no points"),
    ],
)
def test_points_for_fen(
    make_rules: MakeRules, policy: dict[str, Any], fen: int, points: int
) -> None:
    assert points_for_fen(fen, make_rules(policy).points) == points


@pytest.mark.parametrize(
    ("base", "percent", "extra"),
    [
        pytest.param(100, 100, 0, id="100% adds nothing"),
        pytest.param(100, 150, 50, id="150% adds half"),
        pytest.param(100, 200, 100, id="200% doubles"),
        pytest.param(9, 110, 0, id="10% of 9 rounds down to 0"),
        pytest.param(19, 120, 3, id="20% of 19 is 3.8: 3"),
    ],
)
def test_multiplier_extra(base: int, percent: int, extra: int) -> None:
    assert apply_percent(base, percent) == extra


@pytest.mark.parametrize(
    ("policy", "earned_on", "last_day"),
    [
        pytest.param(
            DOWN, date(2026, 1, 1), date(2027, 12, 31), id="first day of year: end of next year"
        ),
        pytest.param(
            DOWN, date(2026, 12, 31), date(2027, 12, 31), id="last day of year: end of next year"
        ),
        pytest.param(
            {"points.expiry": "days", "points.expiry_days": 365},
            date(2026, 11, 24),
            date(2027, 11, 23),
            id="365 days: the day before the anniversary",
        ),
        pytest.param(
            {"points.expiry": "days", "points.expiry_days": 1},
            date(2026, 11, 24),
            date(2026, 11, 24),
            id="1 day: spend it today",
        ),
        pytest.param(
            {"points.expiry": "days", "points.expiry_days": 30},
            date(2028, 2, 1),
            date(2028, 3, 1),
            id="30 days across a leap February",
        ),
        pytest.param({"points.expiry": "never"}, date(2026, 11, 24), None, id="never expire"),
    ],
)
def test_expiry_for(
    make_rules: MakeRules, policy: dict[str, Any], earned_on: date, last_day: date | None
) -> None:
    assert expiry_for(earned_on, make_rules(policy).points) == last_day


TODAY = date(2026, 11, 24)
JAN = Lot(1, 100, date(2027, 1, 31))
DEC = Lot(2, 300, date(2027, 12, 31))
FOREVER = Lot(3, 1000, None)
OLD_BUT_LATE = Lot(4, 50, date(2028, 12, 31))  # lowest id after the others, expires last
EXPIRED = Lot(5, 500, date(2026, 11, 23))
LAST_DAY = Lot(6, 40, TODAY)
EMPTY = Lot(7, 0, date(2026, 12, 1))
SAME_DAY_A = Lot(8, 10, date(2027, 6, 30))
SAME_DAY_B = Lot(9, 10, date(2027, 6, 30))


@pytest.mark.parametrize(
    ("lots", "points", "taken", "shortfall"),
    [
        pytest.param([DEC, JAN], 50, [(1, 50)], 0, id="the lot expiring first pays first"),
        pytest.param([DEC, JAN], 100, [(1, 100)], 0, id="exactly one lot"),
        pytest.param([DEC, JAN], 250, [(1, 100), (2, 150)], 0, id="spills into the next lot"),
        pytest.param(
            [FOREVER, DEC, JAN],
            450,
            [(1, 100), (2, 300), (3, 50)],
            0,
            id="never-expiring points are spent last",
        ),
        pytest.param(
            [OLD_BUT_LATE, JAN],
            120,
            [(1, 100), (4, 20)],
            0,
            id="expiry date, not lot number, decides",
        ),
        pytest.param([EXPIRED, JAN], 150, [(1, 100)], 50, id="expired lots are skipped"),
        pytest.param(
            [LAST_DAY, JAN], 50, [(6, 40), (1, 10)], 0, id="a lot can be spent on its last day"
        ),
        pytest.param([EMPTY, JAN], 10, [(1, 10)], 0, id="empty lots are skipped"),
        pytest.param(
            [SAME_DAY_B, SAME_DAY_A], 15, [(8, 10), (9, 5)], 0, id="same expiry: lower lot id first"
        ),
        pytest.param([DEC, JAN], 500, [(1, 100), (2, 300)], 100, id="shortfall is reported"),
        pytest.param([], 10, [], 10, id="no lots at all"),
        pytest.param([DEC, JAN], 0, [], 0, id="nothing asked"),
    ],
)
def test_allocate_oldest_first(
    lots: list[Lot], points: int, taken: list[tuple[int, int]], shortfall: int
) -> None:
    assert allocate_oldest_first(lots, points, TODAY) == (taken, shortfall)


lot_lists = st.lists(
    st.builds(
        Lot,
        lot_id=st.integers(1, 10_000),
        remaining=st.integers(0, 5_000),
        expires_on=st.one_of(st.none(), st.dates(date(2026, 1, 1), date(2028, 12, 31))),
    ),
    max_size=12,
    unique_by=lambda lot: lot.lot_id,
)


@given(
    lots=lot_lists,
    points=st.integers(0, 40_000),
    today=st.dates(date(2026, 1, 1), date(2028, 12, 31)),
)
def test_allocation_never_takes_more_than_a_lot_has(
    lots: list[Lot], points: int, today: date
) -> None:
    taken, shortfall = allocate_oldest_first(lots, points, today)
    by_id = {lot.lot_id: lot for lot in lots}
    ids = [lot_id for lot_id, _ in taken]
    assert len(ids) == len(set(ids)), "a lot is used once"
    for lot_id, amount in taken:
        lot = by_id[lot_id]
        assert 0 < amount <= lot.remaining
        assert lot.expires_on is None or lot.expires_on >= today, "no expired lot is used"
    assert sum(a for _, a in taken) + shortfall == points
    usable = sum(lot.remaining for lot in lots if lot.expires_on is None or lot.expires_on >= today)
    assert shortfall == max(0, points - usable)

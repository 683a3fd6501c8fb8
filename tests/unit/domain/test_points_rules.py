"""The points rules every book of lots shares (app/domain/points.py): a new member's balance,
settling an overdraft, expiry."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from app.domain.points import Lot, due_to_expire, opening_entry, overdraft_settled

TODAY = date(2026, 12, 9)
lots = st.lists(
    st.builds(
        Lot,
        lot_id=st.integers(1, 10_000),
        remaining=st.integers(0, 5_000),
        expires_on=st.none() | st.integers(-30, 30).map(lambda n: TODAY + timedelta(days=n)),
    ),
    max_size=8,
)


@given(st.integers(-(10**9), 10**9))
def test_a_new_members_balance_is_a_lot_or_an_overdraft(points: int) -> None:
    lot, overdraft = opening_entry(points)
    assert lot - overdraft == points
    assert lot >= 0 and overdraft >= 0 and not (lot and overdraft)


@given(st.integers(-100, 10_000), st.integers(-100, 10_000))
def test_incoming_points_pay_the_overdraft_first(owed: int, points: int) -> None:
    settled = overdraft_settled(owed, points)
    assert 0 <= settled <= max(points, 0)
    assert settled == max(0, min(owed, points))


def test_settling_examples() -> None:
    assert overdraft_settled(40, 100) == 40  # the rest (60) is a lot
    assert overdraft_settled(400, 100) == 100  # all of it pays, 300 still owed
    assert overdraft_settled(0, 100) == 0


@given(lots)
def test_expiry_takes_every_lapsed_lot_whole_and_nothing_else(book: list[Lot]) -> None:
    due = due_to_expire(book, TODAY)
    assert due == [
        (lot.lot_id, lot.remaining)
        for lot in book
        if lot.remaining and lot.expires_on is not None and lot.expires_on < TODAY
    ]
    # the last day itself still spends
    assert due_to_expire([Lot(1, 10, TODAY)], TODAY) == []
    assert due_to_expire([Lot(1, 10, TODAY - timedelta(days=1))], TODAY) == [(1, 10)]

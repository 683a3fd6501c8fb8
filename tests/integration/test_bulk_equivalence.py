"""The bulk loader and the member-by-member path are one rule: whatever balances and lots the
ledger sends for members new to a terminal, both leave the same rows (members, balances, the
journal, the lots) and the same cards."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from app.bootstrap import Terminal, open_terminal
from app.services import replica
from app.services.context import FixedClock
from app.services.replica import Checkpoint, ReplicaMember

START = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)
TODAY = date(2026, 11, 24)
_numbers = itertools.count(1)


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Terminal, Terminal]]:
    """Two fresh terminals given the same checkpoints: one loads them in bulk, one member by
    member (examples use new members each, so both stay comparable)."""
    root = tmp_path_factory.mktemp("bulk")
    first = open_terminal(root / "bulk", clock=FixedClock(START))
    first.close()
    shutil.copytree(root / "bulk", root / "slow")
    bulk = open_terminal(root / "bulk", clock=FixedClock(START))
    slow = open_terminal(root / "slow", clock=FixedClock(START))
    yield bulk, slow
    bulk.close()
    slow.close()


days = st.one_of(
    st.none(), st.integers(-400, 800).map(lambda n: TODAY + timedelta(days=n))
)  # None: a lot that never expires; before today: expired


@st.composite
def members(draw: st.DrawFn) -> list[ReplicaMember]:
    found = []
    for _ in range(draw(st.integers(1, 6))):
        n = next(_numbers)
        buckets = draw(st.lists(st.tuples(days, st.integers(0, 5000)), max_size=4))
        points = draw(st.integers(-3000, 20000))
        found.append(
            ReplicaMember(
                member_id=f"E{n:06d}",
                phone=f"1360{n:07d}",
                name=f"Member {n}",
                birthday=None,
                enrolled_on=date(2024, 1, 1),
                home_store="S001",
                plus_expires_on=None,
                status="active",
                points=points,
                growth=draw(st.integers(0, 20000)),
                buckets=tuple(buckets),
            )
        )
    return found


def rows(terminal: Terminal, ids: list[str]) -> dict[str, list[tuple[Any, ...]]]:
    """The members' rows, without the ids and times each database numbers on its own."""
    marks = ", ".join(f"'{member_id}'" for member_id in ids)
    queries = {
        "members": f"SELECT * FROM members WHERE member_id IN ({marks}) ORDER BY member_id",
        "balances": f"SELECT * FROM balances WHERE member_id IN ({marks}) ORDER BY member_id",
        "journal": "SELECT member_id, kind, points, lot_id IS NULL, expires_on, is_lot, "
        f"request_id, note FROM journal WHERE member_id IN ({marks}) ORDER BY member_id, kind",
        "lots": "SELECT member_id, expires_on, remaining FROM lot_balances "
        f"WHERE member_id IN ({marks}) ORDER BY member_id",
    }
    with terminal.ctx.read() as session:
        return {
            name: [tuple(row) for row in session.execute(text(sql))]
            for name, sql in queries.items()
        }


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(page=members())
def test_the_bulk_load_and_the_member_by_member_path_agree(
    pair: tuple[Terminal, Terminal], page: list[ReplicaMember]
) -> None:
    bulk, slow = pair
    cursor = next(_numbers)
    checkpoint = Checkpoint(
        cursor=cursor, applied_through_seq=0, ledger_time=START, members=page, rule_book=None
    )
    loaded = replica.apply_checkpoint(bulk.ctx, checkpoint)
    with mock.patch.object(replica, "members_absent", lambda *_: False):
        posted = replica.apply_checkpoint(slow.ctx, checkpoint)

    ids = [m.member_id for m in page]
    assert rows(bulk, ids) == rows(slow, ids)
    assert loaded.adjusted == posted.adjusted == sum(1 for m in page if m.points)
    for member in page:
        card, other = bulk.card(member.member_id), slow.card(member.member_id)
        assert (card.points, card.open_overdraft) == (other.points, other.open_overdraft)
        # what the ledger confirmed: spendable here, or owed as an overdraft
        assert card.points - card.open_overdraft == member.points

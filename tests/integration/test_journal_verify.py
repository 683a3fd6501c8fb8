"""``journal verify`` sees an edited database; a database from a newer program is refused."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from probe import DbProbe, assert_readable

from app.bootstrap import Terminal, open_terminal
from app.domain.errors import DatabaseTooNew
from app.domain.quote import Line
from app.services.context import Actor, FixedClock
from app.services.views import EnrollResult


@pytest.fixture
def busy(
    terminal: Terminal, cashier: Actor, supervisor: Actor, member: EnrollResult
) -> EnrollResult:
    mid = member.member_id
    a = terminal.award("a-1", cashier, mid, [Line("grocery", 10_000)])
    terminal.adjust("adj-1", supervisor, mid, 300, "welcome")
    terminal.redeem("r-1", cashier, mid, "order", points=50, amount_fen=1_000)
    terminal.refund("rf-1", cashier, a.receipt_no, 5_000)
    return member


def test_a_clean_journal_verifies(terminal: Terminal, busy: EnrollResult, db: DbProbe) -> None:
    report = terminal.verify()
    assert report.ok, report.problems
    assert report.problems == []
    assert report.events == db.count("outbox") == 5
    assert report.entries == db.count("journal")
    assert report.members == 1


def test_an_edited_event_is_reported(terminal: Terminal, busy: EnrollResult, db: DbProbe) -> None:
    db.write("UPDATE outbox SET payload = replace(payload, '10000', '99999') WHERE seq = 2")
    report = terminal.verify()
    assert not report.ok
    assert report.problems == ["event 2 was changed after it was written"]


def test_an_event_with_a_recomputed_hash_still_breaks_the_chain(
    terminal: Terminal, busy: EnrollResult, db: DbProbe
) -> None:
    db.write("UPDATE outbox SET hash = ? WHERE seq = 3", "f" * 64)
    problems = terminal.verify().problems
    assert "event 3 was changed after it was written" in problems
    assert "event 4 does not follow the previous event's hash" in problems


def test_a_deleted_event_is_reported(terminal: Terminal, busy: EnrollResult, db: DbProbe) -> None:
    db.write("DELETE FROM outbox WHERE seq = 3")
    problems = terminal.verify().problems
    assert "event sequence jumps from 2 to 4" in problems
    assert "event 4 does not follow the previous event's hash" in problems
    assert any("journal entries have no outbox event" in p for p in problems)


def test_an_edited_balance_is_reported(terminal: Terminal, busy: EnrollResult, db: DbProbe) -> None:
    real = db.balances()[busy.member_id]
    db.write("UPDATE balances SET points = points + 1000")
    report = terminal.verify()
    assert not report.ok
    assert report.problems == [
        f"member {busy.member_id}: cached balance {real + 1000} but the journal sums to {real}"
    ]
    assert terminal.card(busy.member_id).points == real  # the card reads the lots, not the cache


def test_an_edited_overdraft_is_reported(
    terminal: Terminal, busy: EnrollResult, db: DbProbe
) -> None:
    db.write("UPDATE balances SET open_overdraft = 7")
    assert any("overdraft 7 does not match" in p for p in terminal.verify().problems)


def test_an_inserted_journal_entry_is_reported(
    terminal: Terminal, busy: EnrollResult, db: DbProbe
) -> None:
    db.write(
        "INSERT INTO journal (member_id, kind, points, is_lot, request_id, event_seq, "
        "created_at) SELECT member_id, 'earn', 1000, 1, 'forged', 2, created_at FROM journal "
        "LIMIT 1"
    )
    assert any("cached balance" in p for p in terminal.verify().problems)


def test_a_lot_spent_below_zero_is_reported(
    terminal: Terminal, busy: EnrollResult, db: DbProbe
) -> None:
    lot = db.scalar("SELECT entry_id FROM journal WHERE is_lot ORDER BY entry_id LIMIT 1")
    db.write("UPDATE journal SET points = -5000 WHERE lot_id = ? AND kind = 'redeem_order'", lot)
    db.write("UPDATE balances SET points = (SELECT SUM(points) FROM journal)")
    problems = terminal.verify().problems
    assert any(f"lot {lot} is overdrawn" in p for p in problems), problems


def _dump(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as con:
        return list(con.iterdump())


def test_a_database_from_a_newer_program_is_refused_and_left_alone(
    terminal: Terminal, busy: EnrollResult, db: DbProbe, clock: FixedClock
) -> None:
    terminal.close()
    db.write("UPDATE alembic_version SET version_num = 'f00dcafe9999'")
    before = _dump(db.path)
    with pytest.raises(DatabaseTooNew) as info:
        open_terminal(terminal.settings.data_dir, clock=clock)
    assert_readable(info.value.message)
    assert "newer version of MemberDesk" in info.value.message
    assert "f00dcafe9999" in info.value.message
    assert "was not changed" in info.value.message
    assert _dump(db.path) == before
    assert db.scalar("SELECT version_num FROM alembic_version") == "f00dcafe9999"


def test_reopening_a_terminal_changes_nothing(
    terminal: Terminal, busy: EnrollResult, db: DbProbe, clock: FixedClock
) -> None:
    terminal.close()
    before = db.snapshot()
    again = open_terminal(terminal.settings.data_dir, clock=clock)
    try:
        assert again.verify().ok
        assert again.card(busy.member_id) == Terminal(again.ctx, again.settings).card(
            busy.member_id
        )
    finally:
        again.close()
    assert db.snapshot() == before


def test_an_edited_lot_balance_is_reported(
    terminal: Terminal, busy: EnrollResult, db: DbProbe
) -> None:
    lot, real = db.rows("SELECT lot_id, remaining FROM lot_balances ORDER BY lot_id")[-1]
    db.write("UPDATE lot_balances SET remaining = remaining + 500 WHERE lot_id = ?", lot)
    problems = terminal.verify().problems
    assert problems == [
        f"member {busy.member_id}: lot {lot} holds {real} points but "
        f"its cached balance says {real + 500}"
    ]


def test_a_missing_lot_balance_is_reported(
    terminal: Terminal, busy: EnrollResult, db: DbProbe
) -> None:
    lot = db.scalar("SELECT MIN(lot_id) FROM lot_balances")
    db.write("DELETE FROM lot_balances WHERE lot_id = ?", lot)
    assert any(f"lot {lot} holds" in p for p in terminal.verify().problems)


def test_lots_by_day_that_do_not_add_up_are_reported(
    terminal: Terminal, busy: EnrollResult, db: DbProbe
) -> None:
    assert terminal.verify().ok
    db.write("UPDATE lot_days SET remaining = remaining + 5")
    problems = terminal.verify().problems
    assert problems and all("lot_days says" in p for p in problems)

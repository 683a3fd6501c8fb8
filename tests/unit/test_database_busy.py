"""Another writer holding the terminal database past the busy timeout: the terminal's own
error (``database_busy``), nothing written, and the same request applied once afterwards."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.bootstrap import open_terminal
from app.domain.errors import DatabaseBusy
from app.domain.quote import Line
from app.services.context import FixedClock
from app.services.staff import SYSTEM
from app.store import db

START = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)


def test_an_award_behind_a_held_write_lock_is_database_busy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 100)  # read when the terminal connects
    term = open_terminal(tmp_path / "data", clock=FixedClock(START))
    try:
        term.add_cashier(SYSTEM, "lin", "Lin Cashier", "cashier", "1111")
        cashier = term.actor("lin")
        member_id = term.enroll(
            "enroll-1", cashier, phone="13900000001", name="Wu Fang", consent=True
        ).member_id
        before = term.card(member_id).points
        # Another program (a sync in the command line, a backup) holds the write lock.
        other = sqlite3.connect(term.settings.database_path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(DatabaseBusy) as caught:
            term.award("sale-1", cashier, member_id, [Line("grocery", 10_000)])
        assert caught.value.code == "database_busy"
        assert "busy" in caught.value.message and "nothing was changed" in caught.value.message
        assert term.card(member_id).points == before  # a read still works meanwhile
        other.rollback()
        other.close()
        first = term.award("sale-1", cashier, member_id, [Line("grocery", 10_000)])
        again = term.award("sale-1", cashier, member_id, [Line("grocery", 10_000)])
        assert again.receipt_no == first.receipt_no
        assert term.card(member_id).points == before + first.points_earned
    finally:
        term.close()

"""A checkpoint applied in chunks, the process killed (SIGKILL) between two chunks and
started again, ends in the same state as the same checkpoint applied in one transaction: no
member corrected twice, none missed, the cursor moved once."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from app.bootstrap import open_terminal
from app.domain.quote import Line
from app.services.context import FixedClock
from app.services.staff import SYSTEM
from app.store.profiledays import read_window

CHILD = Path(__file__).with_name("checkpoint_apply.py")
ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)  # the child's clock too
# Made anew by every write: ids and hashes of events, not what they say.
VOLATILE = {"event_id", "hash", "prev_hash", "last_hash"}


def apply(data_dir: Path, chunk_s: float, kill_after: int | None = None) -> tuple[int, str]:
    argv = [sys.executable, str(CHILD), str(data_dir), repr(chunk_s)]
    if kill_after is not None:
        argv.append(str(kill_after))
    done = subprocess.run(
        argv,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "phone already used" not in done.stderr, done.stderr
    return done.returncode, done.stdout


def counter_with_history(data_dir: Path) -> None:
    """Three members enrolled here, with sales the ledger has partly taken."""
    clock = FixedClock(NOW)
    term = open_terminal(data_dir, clock=clock)
    try:
        term.add_cashier(SYSTEM, "lin", "Lin Cashier", "cashier", "1111")
        cashier = term.actor("lin")
        for n in range(3):
            member_id = term.enroll(
                f"enroll-{n}",
                cashier,
                phone=f"1390000{n + 1:04d}",
                name=f"Member {n}",
                member_id=f"L{n + 1:06d}",
            ).member_id
            clock.advance(minutes=1)
            term.award(f"sale-{n}", cashier, member_id, [Line("grocery", 5_000 + n * 100)])
    finally:
        term.close()


def state(data_dir: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, in order, without the volatile columns; the profile windows as
    the card reads them (the stored ones are a cache: a member without one is summed)."""
    with closing(sqlite3.connect(data_dir / "terminal.db")) as db:
        tables = [
            name
            for (name,) in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version' ORDER BY name"
            )
        ]
        dump = {}
        for table in tables:
            columns = [
                row[1]
                for row in db.execute(f"PRAGMA table_info({table})")
                if row[1] not in VOLATILE
            ]
            listed = ", ".join(f'"{c}"' for c in columns)
            rows = db.execute(f'SELECT {listed} FROM "{table}"').fetchall()
            dump[table] = sorted(rows, key=repr)
        members = [member_id for (member_id,) in db.execute("SELECT member_id FROM members")]
        dump["profile_windows"] = [(m, read_window(db, m, NOW.date())) for m in sorted(members)]
        return dump


def cursors(data_dir: Path) -> tuple[object, ...]:
    with closing(sqlite3.connect(data_dir / "terminal.db")) as db:
        row = db.execute(
            "SELECT pull_cursor, applied_through_seq, profile_through_seq FROM terminal_state"
        ).fetchone()
        return tuple(row)


def test_a_kill_between_chunks_ends_as_one_transaction_would(tmp_path: Path) -> None:
    base = tmp_path / "base"
    counter_with_history(base)
    whole, chunked = tmp_path / "whole", tmp_path / "chunked"
    shutil.copytree(base, whole)
    shutil.copytree(base, chunked)

    code, out = apply(whole, 0.0)
    assert code == 0 and "chunk 1\ndone" in out, out

    code, out = apply(chunked, 1e-9, kill_after=30)  # a chunk of one member each
    assert code == -signal.SIGKILL, out
    assert out.strip().endswith("chunk 30"), out
    halfway = state(chunked)
    assert cursors(chunked) == cursors(base)  # the cursor stays until the last transaction
    assert len(state(base)["members"]) < len(halfway["members"]) < len(state(whole)["members"])

    code, out = apply(chunked, 1e-9)  # started again: the next pull applies it again
    assert code == 0 and "chunk 240\ndone" in out, out
    assert state(chunked) == state(whole)
    assert cursors(chunked) == (7, 2, 2)

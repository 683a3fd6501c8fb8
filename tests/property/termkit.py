"""Fresh terminals for property tests, fast: migrate once, copy the file for each example.

The rule book is the default one with points that last 30 days, so a few clock moves give a
member many lots with different expiry dates.
"""

from __future__ import annotations

import atexit
import json
import shutil
import sqlite3
import tempfile
from contextlib import closing
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path

from app.bootstrap import Terminal, open_terminal
from app.domain.rulebook import RuleBook, parse_rule_book
from app.paths import default_rule_book
from app.services.context import Actor, FixedClock

START = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)  # a Tuesday, 10:00 in Shanghai
CASHIER = Actor("lin", "Lin Cashier", "cashier")
SUPERVISOR = Actor("sam", "Sam Supervisor", "supervisor")


def short_lived_points(days: int = 30, version: int = 2) -> RuleBook:
    document = json.loads(default_rule_book().read_text(encoding="utf-8"))
    document["version"] = version
    document["points"]["expiry"] = "days"
    document["points"]["expiry_days"] = days
    return parse_rule_book(document)


@cache
def _template() -> Path:
    root = Path(tempfile.mkdtemp(prefix="memberdesk-template-"))
    atexit.register(shutil.rmtree, root, True)
    data = root / "data"
    term = open_terminal(data, clock=FixedClock(START), rule_book=short_lived_points())
    term.close()
    return data


def fresh_terminal() -> tuple[Terminal, FixedClock, Path]:
    """A new terminal in its own temporary directory (the caller removes it)."""
    root = Path(tempfile.mkdtemp(prefix="memberdesk-prop-"))
    shutil.copytree(_template(), root / "data")
    clock = FixedClock(START)
    term = open_terminal(root / "data", clock=clock)
    assert term.rules.version == 2
    return term, clock, root


def dispose(term: Terminal, root: Path) -> None:
    term.close()
    shutil.rmtree(root, ignore_errors=True)


def query(term: Terminal, sql: str, *params: object) -> list[tuple[object, ...]]:
    uri = f"file:{term.settings.database_path}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as con:
        return list(con.execute(sql, params).fetchall())


def counts(term: Terminal) -> dict[str, int]:
    tables = [
        str(name)
        for (name,) in query(
            term, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {t: int(str(query(term, f'SELECT COUNT(*) FROM "{t}"')[0][0])) for t in tables}


def lots_from_journal(term: Terminal, member_id: str) -> dict[int, tuple[int, date | None]]:
    """lot id -> (what remains, last day), recomputed from the journal alone."""
    rows = query(
        term,
        "SELECT l.entry_id, l.points + COALESCE((SELECT SUM(t.points) FROM journal t "
        "WHERE t.lot_id = l.entry_id), 0), l.expires_on FROM journal l "
        "WHERE l.is_lot AND l.member_id = ?",
        member_id,
    )
    return {
        int(str(lot)): (int(str(left)), None if day is None else date.fromisoformat(str(day)))
        for lot, left, day in rows
    }


def balance_row(term: Terminal, member_id: str) -> tuple[int, int]:
    points, overdraft = query(
        term, "SELECT points, open_overdraft FROM balances WHERE member_id = ?", member_id
    )[0]
    return int(str(points)), int(str(overdraft))


def journal_sum(term: Terminal, member_id: str) -> int:
    total = query(
        term, "SELECT COALESCE(SUM(points), 0) FROM journal WHERE member_id = ?", member_id
    )
    return int(str(total[0][0]))

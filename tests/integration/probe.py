"""Look at a terminal's database from the outside, with plain sqlite3.

``DbProbe.refused`` is the heart of the refusal tests: it snapshots every table, expects the
typed error, checks the message reads as a sentence, and checks nothing at all was written.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import pytest

from app.bootstrap import Terminal
from app.domain.errors import MemberDeskError

Snapshot = dict[str, tuple[int, str]]

# The tables every refused request must leave alone (the snapshot covers all of them anyway;
# these are the ones named in the brief, checked to exist so a rename cannot hide a write).
HISTORY_TABLES = (
    "journal",
    "outbox",
    "requests",
    "purchases",
    "purchase_lines",
    "refunds",
    "redemptions",
    "coupons",
    "coupon_uses",
    "plus_terms",
    "overdrafts",
    "audit_log",
    "balances",
    "lot_balances",
    "members",
    "gift_stock",
    "terminal_state",
)


def assert_readable(message: str) -> None:
    """A sentence a cashier can read out: words, no code, no placeholders, no repr."""
    assert message, "empty error message"
    assert message == message.strip(), f"stray whitespace in {message!r}"
    assert "\n" not in message, f"multi-line message {message!r}"
    assert len(message.split()) >= 3, f"not a sentence: {message!r}"
    assert message[0].isalnum() or message[0] in "'\"-", f"odd start: {message!r}"
    assert message[0] == message[0].upper(), f"starts lower-case: {message!r}"
    for bad in ("Traceback", "<app.", "object at 0x", "{", "}", "Error(", "None"):
        assert bad not in message, f"{bad!r} in message {message!r}"


class DbProbe:
    def __init__(self, path: Path) -> None:
        self.path = path

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)

    def tables(self) -> list[str]:
        with closing(self._connect()) as con:
            return [
                name
                for (name,) in con.execute(
                    "SELECT name FROM sqlite_master WHERE type='table' "
                    "AND name NOT LIKE 'sqlite_%' ORDER BY name"
                )
            ]

    def snapshot(self) -> Snapshot:
        """Per table: the row count and a digest of every row (catches updates too)."""
        out: Snapshot = {}
        with closing(self._connect()) as con:
            for table in self.tables():
                rows = sorted(repr(r) for r in con.execute(f'SELECT * FROM "{table}"'))
                out[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
        return out

    def counts(self) -> dict[str, int]:
        return {table: n for table, (n, _) in self.snapshot().items()}

    def count(self, table: str, where: str = "1", *params: Any) -> int:
        return int(self.scalar(f'SELECT COUNT(*) FROM "{table}" WHERE {where}', *params))

    def scalar(self, sql: str, *params: Any) -> Any:
        with closing(self._connect()) as con:
            row = con.execute(sql, params).fetchone()
            return None if row is None else row[0]

    def rows(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        with closing(self._connect()) as con:
            return list(con.execute(sql, params).fetchall())

    def write(self, sql: str, *params: Any) -> None:
        """Tamper with the database behind the program's back."""
        with closing(sqlite3.connect(self.path)) as con:
            con.execute(sql, params)
            con.commit()

    def journal_sums(self) -> dict[str, int]:
        return dict(self.rows("SELECT member_id, SUM(points) FROM journal GROUP BY member_id"))

    def balances(self) -> dict[str, int]:
        return dict(self.rows("SELECT member_id, points FROM balances"))

    @contextmanager
    def refused(
        self, error_type: type[MemberDeskError], match: str | None = None
    ) -> Iterator[pytest.ExceptionInfo[MemberDeskError]]:
        """Expect exactly ``error_type``, a readable message, and no write at all."""
        before = self.snapshot()
        missing = set(HISTORY_TABLES) - set(before)
        assert not missing, f"tables missing: {missing}"
        with pytest.raises(MemberDeskError) as info:
            yield info
        error = info.value
        assert type(error) is error_type, f"expected {error_type.__name__}, got {error!r}"
        assert error.code == error_type.code
        assert error.to_dict()["message"] == error.message == str(error)
        assert_readable(error.message)
        if match is not None:
            assert re.search(match, error.message), f"{match!r} not in {error.message!r}"
        after = self.snapshot()
        changed = sorted(t for t in before if before[t] != after.get(t))
        assert not changed, f"a refused request wrote to {changed}: {before} -> {after}"


def probe_for(terminal: Terminal) -> DbProbe:
    return DbProbe(terminal.settings.database_path)

"""What SQLite and the OS say about broken files and disks, in the terminal's words
(``app.store.failures``): the driver's result codes, wrapped or not, and errno. The same
conditions are met for real through the command line in tests/mall/test_disks.py and
test_broken_files.py; these cover machines without user namespaces."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from app.domain.errors import (
    DatabaseBusy,
    DatabaseCorrupt,
    DiskFull,
    MemberDeskError,
    ReadOnlyData,
)
from app.store import failures, identity


def sqlite_error(code: int, text: str) -> sqlite3.Error:
    error = sqlite3.OperationalError(text)
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    return error


@pytest.mark.parametrize(
    ("code", "text", "kind", "words"),
    [
        (13, "database or disk is full", DiskFull, "is full"),
        (8, "attempt to write a readonly database", ReadOnlyData, "is read-only"),
        (8 | (3 << 8), "attempt to write a readonly database", ReadOnlyData, "is read-only"),
        (11, "database disk image is malformed", DatabaseCorrupt, "memberdesk restore FILE"),
        (26, "file is not a database", DatabaseCorrupt, "is damaged"),
        (5, "database is locked", DatabaseBusy, "busy"),
    ],
)
def test_sqlite_result_codes_are_named(
    tmp_path: Path, code: int, text: str, kind: type[MemberDeskError], words: str
) -> None:
    raw = sqlite_error(code, text)
    for error in (raw, OperationalError("SELECT 1", {}, raw)):
        explained = failures.explain(error, tmp_path / "terminal.db")
        assert type(explained) is kind
        assert words in explained.message
        assert "\n" not in explained.message


@pytest.mark.parametrize(
    ("number", "kind"),
    [(errno.ENOSPC, DiskFull), (errno.EROFS, ReadOnlyData), (errno.EACCES, ReadOnlyData)],
)
def test_os_errors_are_named(tmp_path: Path, number: int, kind: type[MemberDeskError]) -> None:
    error = OSError(number, "oops", str(tmp_path / "backup.db"))
    assert type(failures.explain(error, tmp_path / "terminal.db")) is kind


def test_an_unknown_error_is_left_alone(tmp_path: Path) -> None:
    assert failures.explain(ValueError("x"), tmp_path) is None
    assert failures.explain(sqlite_error(1, "no such table: x"), tmp_path) is None


@pytest.mark.parametrize(
    ("content", "present"),
    [(None, False), (b"SQLite format 3\x00" + bytes(84), True)],
)
def test_check_file_takes_a_database_or_nothing(
    tmp_path: Path, content: bytes | None, present: bool
) -> None:
    path = tmp_path / "terminal.db"
    if content is not None:
        path.write_bytes(content)
    assert failures.check_file(path) is present


@pytest.mark.parametrize("content", [b"", b"hello", bytes(100)])
def test_check_file_refuses_an_empty_or_foreign_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "terminal.db"
    path.write_bytes(content)
    with pytest.raises(DatabaseCorrupt, match="memberdesk restore FILE"):
        failures.check_file(path)


def test_the_identity_file_round_trips_privately_and_a_damaged_one_still_counts(
    tmp_path: Path,
) -> None:
    kept = identity.Identity("T01", "S001", "https://ledger.example", 2, 146)
    identity.write(tmp_path, kept)
    assert identity.read(tmp_path) == kept
    assert identity.path_for(tmp_path).stat().st_mode & 0o777 == 0o600
    assert "146 events written" in kept.describe()
    identity.path_for(tmp_path).write_text("{not json", encoding="utf-8")
    assert identity.read(tmp_path) is not None  # still marks a terminal's directory
    identity.remove(tmp_path)
    assert identity.read(tmp_path) is None

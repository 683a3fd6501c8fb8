"""Broken files and full disks, named: what went wrong with the terminal's files, in one
sentence with the way out, instead of a traceback or a wrong guess ("busy").

``explain`` turns an SQLite error (raw or wrapped by SQLAlchemy) or an OS error into the
terminal's own error; ``check_file`` looks at a database file before SQLite does, so an
empty or foreign file is never taken for a new terminal.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from app.domain.errors import (
    DatabaseBusy,
    DatabaseCorrupt,
    DiskFull,
    MemberDeskError,
    ReadOnlyData,
)

SQLITE_HEADER = b"SQLite format 3\x00"
# SQLite's primary result codes (the low byte of an extended code).
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26

WAY_OUT = (
    "Nothing was changed. Restore the last backup with 'memberdesk restore FILE', or, if "
    "there is none, set this database aside with 'memberdesk reset --confirm' (with "
    "--discard-waiting on a terminal paired with the mall's ledger) and pair the terminal "
    "again to re-bootstrap it from the ledger (the damaged file is kept)."
)
READ_ONLY_HELP = (
    "Reading still works (member show, journal verify, report, sync status, config check); "
    "to change anything, make the data directory writable again."
)


def corrupt(path: Path, what: str) -> DatabaseCorrupt:
    what = " ".join(what.split())  # SQLite's reports span lines: the message is one
    return DatabaseCorrupt(
        f"The terminal database {path} is damaged ({what}). {WAY_OUT}", path=str(path)
    )


def disk_full(path: Path) -> DiskFull:
    return DiskFull(
        f"The disk holding {path} is full; nothing was changed. Free some space (old backups, "
        "other files) and try again.",
        path=str(path),
    )


def read_only(path: Path) -> ReadOnlyData:
    return ReadOnlyData(
        f"{path} is read-only: this command needs to write there, so nothing was changed. "
        + READ_ONLY_HELP,
        path=str(path),
    )


def check_file(path: Path) -> bool:
    """Whether a database file is at ``path`` (False: none). An empty file, or one that is
    not an SQLite database, is ``DatabaseCorrupt``: never opened, never made anew."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return False
    except IsADirectoryError:
        raise corrupt(path, "it is a directory, not a database file") from None
    except PermissionError:
        raise ReadOnlyData(
            f"{path} cannot be read by this user; nothing was changed. Run MemberDesk as "
            "the user that owns the data directory.",
            path=str(path),
        ) from None
    if not head:
        raise corrupt(path, "the file is empty: 0 bytes")
    if head != SQLITE_HEADER:
        raise corrupt(path, "it is not an SQLite database: its first bytes are wrong")
    return True


def _sqlite_code(error: BaseException) -> tuple[int | None, str]:
    original = error.orig if isinstance(error, DBAPIError) else error
    code = getattr(original, "sqlite_errorcode", None)
    return (None if code is None else int(code) & 0xFF), str(original).lower()


def _disk_is_full(path: Path) -> bool:
    try:
        usage = os.statvfs(path if path.is_dir() else path.parent)
    except OSError:
        return False
    return usage.f_bavail == 0


def explain(error: BaseException, path: Path) -> MemberDeskError | None:
    """The terminal's error for ``error`` met while using the database at ``path`` (None:
    not a file or disk problem this module knows)."""
    if isinstance(error, MemberDeskError):
        return error
    if isinstance(error, OSError) and not isinstance(error, sqlite3.Error):
        where = Path(error.filename) if isinstance(error.filename, str) else path
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            return disk_full(where)
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return read_only(where if where.is_dir() else where.parent)
        return None
    if not isinstance(error, DBAPIError | sqlite3.Error):
        return None
    code, text = _sqlite_code(error)
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB) or "malformed" in text or "not a database" in text:
        return corrupt(path, "SQLite says: " + text)
    if code == SQLITE_FULL or "disk is full" in text:
        return disk_full(path)
    if code == SQLITE_READONLY or "readonly" in text:
        return read_only(path.parent)
    if code in (SQLITE_IOERR, SQLITE_CANTOPEN):
        if _disk_is_full(path):
            return disk_full(path)
        if not writable(path.parent):
            return read_only(path.parent)
        return MemberDeskError(
            f"The terminal database {path} could not be read or written (SQLite says: {text}); "
            "nothing was changed. Check the disk, then try again.",
            path=str(path),
        )
    if is_busy(error):
        return busy(path)
    return None


def is_busy(error: BaseException) -> bool:
    """Whether ``error`` is SQLite's "database is locked" (another writer held the write
    lock past the busy timeout)."""
    if not isinstance(error, DBAPIError | sqlite3.Error):
        return False
    code, text = _sqlite_code(error)
    return code in (SQLITE_BUSY, SQLITE_LOCKED) or "locked" in text or "busy" in text


def busy(path: Path) -> DatabaseBusy:
    return DatabaseBusy(
        "The terminal database is busy: another program is writing to it. Wait a moment "
        "and try again; nothing was changed.",
        path=str(path),
    )


def writable(directory: Path) -> bool:
    """Whether files can be made in ``directory`` (tried, not guessed from mode bits: root
    ignores them, a read-only mount does not)."""
    probe = directory / f".memberdesk-write-probe-{os.getpid()}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return True
    except OSError as error:
        # full, or another trouble: the write itself will say so
        return error.errno not in (errno.EROFS, errno.EACCES, errno.EPERM)
    os.close(fd)
    with contextlib.suppress(OSError):
        probe.unlink()
    return True

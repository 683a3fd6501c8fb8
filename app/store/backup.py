"""Online backup and restore of a terminal's database with SQLite's backup API.

Copying ``terminal.db`` with ``cp`` while the terminal runs can catch a half-written page or
miss what still sits in the ``-wal`` file; the backup API copies a consistent snapshot (it
restarts if another connection writes meanwhile) and is safe while the counter is open.
"""

from __future__ import annotations

import contextlib
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from app.domain.errors import InvalidInput
from app.store import failures

BUSY_TIMEOUT_S = 10.0
PAGES_PER_STEP = 1024  # copy in steps so the terminal's writers are never held up for long


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    bytes: int
    schema: str
    terminal_id: str
    store_code: str
    events: int


def _connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    if read_only:
        return sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S
        )
    return sqlite3.connect(path, timeout=BUSY_TIMEOUT_S)


def inspect(path: Path) -> BackupInfo:
    """Check that ``path`` is a whole, readable terminal database and say whose it is."""
    if not path.is_file():
        raise InvalidInput(f"{path}: there is no such file.", field="backup")
    try:
        with closing(_connect(path, read_only=True)) as db:
            problems = [row[0] for row in db.execute("PRAGMA integrity_check")]
            if problems != ["ok"]:
                raise InvalidInput(f"{path} is damaged: {'; '.join(problems[:3])}", field="backup")
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
            if not {"alembic_version", "terminal_state", "outbox"} <= tables:
                raise InvalidInput(
                    f"{path} is an SQLite file but not a MemberDesk terminal database.",
                    field="backup",
                )
            schema = db.execute("SELECT version_num FROM alembic_version").fetchone()
            state = db.execute("SELECT terminal_id, store_code FROM terminal_state").fetchone()
            events = db.execute("SELECT count(*) FROM outbox").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise InvalidInput(f"{path} is not a readable database: {error}", field="backup") from None
    return BackupInfo(
        path=path,
        bytes=path.stat().st_size,
        schema=str(schema[0]) if schema else "?",
        terminal_id=str(state[0]) if state else "?",
        store_code=str(state[1]) if state else "?",
        events=int(events),
    )


def _copy(source: Path, target: Path) -> None:
    with (
        closing(_connect(source, read_only=True)) as src,
        closing(_connect(target, read_only=False)) as dst,
    ):
        src.backup(dst, pages=PAGES_PER_STEP)
        # A backup is one self-contained file (no -wal beside it).
        dst.execute("PRAGMA journal_mode=DELETE")


def backup(database: Path, target: Path, *, overwrite: bool = False) -> BackupInfo:
    """Write a consistent copy of the live ``database`` to ``target`` and check it.

    A damaged database is named (a backup of it would be damaged too); a full or read-only
    target is named with the target's place; a partial copy is never left behind.
    """
    if not failures.check_file(database):
        raise InvalidInput(f"There is no terminal database at {database}.", field="data_dir")
    if target.exists() and not overwrite:
        raise InvalidInput(
            f"{target} exists already; choose a new name (or --overwrite).", field="backup"
        )
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        try:
            with closing(_connect(database, read_only=True)) as source:
                problems = [row[0] for row in source.execute("PRAGMA quick_check")]
        except sqlite3.DatabaseError as error:
            raise failures.explain(error, database) or error from None
        if problems != ["ok"]:
            raise failures.corrupt(database, "SQLite's check: " + "; ".join(problems[:3]))
        try:
            _copy(database, partial)
        except (sqlite3.Error, OSError) as error:
            raise failures.explain(error, target) or error from None
        info = inspect(partial)
        partial.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise
    return BackupInfo(
        target, info.bytes, info.schema, info.terminal_id, info.store_code, info.events
    )


def restore(backup_file: Path, database: Path, keep_as: Path | None) -> BackupInfo:
    """Replace ``database`` with the checked backup; the old one is kept at ``keep_as``.

    Stop the terminal first: the restore waits for the write lock and fails if the counter
    keeps it.
    """
    from app.store.db import create_private

    info = inspect(backup_file)
    database.parent.mkdir(parents=True, exist_ok=True)
    if database.exists() and keep_as is not None:
        try:
            _copy(database, keep_as)
        except sqlite3.DatabaseError:
            # A damaged database (the usual reason to restore) cannot be copied page by
            # page: its files are moved aside as they are.
            keep_as.unlink(missing_ok=True)
            for suffix in ("", "-wal", "-shm"):
                side = database.with_name(database.name + suffix)
                if side.exists():
                    side.replace(keep_as.with_name(keep_as.name + suffix))
    create_private(database)
    with (
        closing(_connect(backup_file, read_only=True)) as src,
        closing(_connect(database, read_only=False)) as dst,
    ):
        src.backup(dst, pages=PAGES_PER_STEP)
        dst.execute("PRAGMA journal_mode=WAL")
    return info

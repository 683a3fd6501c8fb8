"""Open the terminal's SQLite database durably and bring its schema up to date.

- WAL with ``synchronous=FULL``: NORMAL can lose the last commits on power loss.
- Writes begin with ``BEGIN IMMEDIATE`` (pysqlite's own transaction handling is switched off,
  as SQLAlchemy's SQLite notes advise), so two writers never deadlock on a lock upgrade.
- A database whose schema is newer than this program is refused, never downgraded.
- Alembic is loaded only when the schema is not already at ``SCHEMA_HEAD``: the counter's
  every start reads one row instead of loading the migration machinery.
- The database and its ``-wal`` and ``-shm`` files are readable by this user only (0600),
  in a data directory of this user's only (0700): they hold members' phones and names.
- ``read_only=True`` opens a database on a read-only data directory for reading (SQLite's
  ``mode=ro``, ``immutable`` when no ``-wal`` is left to read): what a command would write
  fails as SQLite's READONLY, which ``app.store.failures`` names.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import QueuePool

from app.domain.errors import DatabaseTooNew, ReadOnlyData
from app.store.write_turn import WriteTurn

if TYPE_CHECKING:
    from alembic.config import Config

BUSY_TIMEOUT_MS = 5000
MIGRATIONS = Path(__file__).with_name("migrations")
# The newest migration; tests/integration/test_schema.py fails when a migration is added
# without moving this.
SCHEMA_HEAD = "0014_stores"
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
SIDE_FILES = ("", "-wal", "-shm")


def make_private(path: Path) -> None:
    """The database at ``path`` and its side files readable by this user only, in a
    directory of this user's only (done at every writable open: it also mends older
    installs)."""
    with contextlib.suppress(OSError):
        if path.parent.stat().st_mode & 0o777 != PRIVATE_DIR:
            path.parent.chmod(PRIVATE_DIR)
    for suffix in SIDE_FILES:
        side = path.with_name(path.name + suffix)
        with contextlib.suppress(FileNotFoundError):
            if side.stat().st_mode & 0o777 != PRIVATE_FILE:
                side.chmod(PRIVATE_FILE)


def create_private(path: Path) -> None:
    """Make the directory (0700) and an empty database file (0600) before SQLite does: SQLite
    gives its -wal and -shm the database file's mode, so all three stay private."""
    path.parent.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))


def _configure(engine: Engine, begin: str, *, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        if not read_only:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql(begin)


def make_engine(path: Path, *, write: bool, read_only: bool = False) -> Engine:
    connect_args: dict[str, Any] = {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
    if read_only:
        wal = path.with_name(path.name + "-wal")
        # Nothing writes a read-only directory: with no -wal left to read, the file is all
        # there is (immutable: no -shm needed); else SQLite reads the -wal beside it.
        unchanging = not wal.exists() or wal.stat().st_size == 0
        url = (
            f"sqlite+pysqlite:///file:{path}?mode=ro{'&immutable=1' if unchanging else ''}&uri=true"
        )
    else:
        url = f"sqlite+pysqlite:///{path}"
    engine = create_engine(url, poolclass=QueuePool, pool_size=2, connect_args=connect_args)
    _configure(engine, "BEGIN IMMEDIATE" if write else "BEGIN", read_only=read_only)
    return engine


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


@dataclass(frozen=True)
class Database:
    path: Path
    writer: Engine
    reader: Engine
    # This process's writers take the write lock in turn (app/store/write_turn.py).
    turn: WriteTurn = field(default_factory=WriteTurn, compare=False, repr=False)

    def dispose(self) -> None:
        self.writer.dispose()
        self.reader.dispose()


def current_revision(engine: Engine) -> str | None:
    """The schema revision the database is at (None: a new, empty database)."""
    with engine.connect() as connection:
        try:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except OperationalError as error:
            if "no such table" in str(error.orig):  # nothing migrated yet
                return None
            raise


def open_database(path: Path, *, read_only: bool = False) -> Database:
    """Open (creating if needed) and migrate the database at ``path``; with ``read_only``,
    open it for reading only (never created, never migrated)."""
    if not read_only:
        create_private(path)
        make_private(path)
    writer = make_engine(path, write=True, read_only=read_only)
    reader = make_engine(path, write=False, read_only=read_only)
    try:
        revision = current_revision(reader)  # a read: opening never waits for the write lock
    except BaseException:
        writer.dispose()
        reader.dispose()
        raise
    if revision == SCHEMA_HEAD:
        return Database(path=path, writer=writer, reader=reader)
    if read_only:
        writer.dispose()
        reader.dispose()
        raise ReadOnlyData(
            f"The database at {path} needs upgrading to this version of MemberDesk, which "
            "needs a writable data directory; nothing was changed.",
            path=str(path),
        )
    from alembic import command
    from alembic.script import ScriptDirectory

    config = alembic_config(writer)
    script = ScriptDirectory.from_config(config)
    head = script.get_current_head()
    if revision is not None and revision != head:
        known = {rev.revision for rev in script.walk_revisions()}
        if revision not in known:
            writer.dispose()
            reader.dispose()
            raise DatabaseTooNew(
                f"The database at {path} was written by a newer version of MemberDesk "
                f"(schema {revision}); this program knows schemas up to {head}. "
                "Install the newer version; the database was not changed.",
                path=str(path),
                revision=revision,
            )
    if revision != head:
        command.upgrade(config, "head")
    return Database(path=path, writer=writer, reader=reader)

"""The ledger's database: SQLite with no set-up, or PostgreSQL through a URL (psycopg 3)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, insert, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app.domain.errors import DatabaseTooNew
from sync.server.models import Counter

MIGRATIONS = Path(__file__).with_name("migrations")
# An execution option: on SQLite, a read-only session begins a deferred transaction (a WAL
# snapshot that does not block writers) instead of BEGIN IMMEDIATE.
READ_ONLY = "memberdesk_read_only"


def private_directory(folder: Path) -> None:
    """Make ``folder`` (and missing parents) readable by this user only (0700)."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    for path in reversed(missing):
        path.mkdir(mode=0o700)
        path.chmod(0o700)  # whatever the umask


def private_sqlite_file(path: Path) -> None:
    """The SQLite ledger holds the member-code signing key: its file is this user's only
    (0600), made so before SQLite first opens it (its -wal and -shm files take the mode of
    the database file), and tightened if an older version left it readable by others. A
    folder the ledger makes for it is 0700."""
    private_directory(path.parent)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    for part in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if part.exists() and stat.S_IMODE(part.stat().st_mode) & 0o077:
            part.chmod(0o600)


def make_engine(url: str) -> Engine:
    # hide_parameters: a database error names no phone, name or credential of a member.
    if url.startswith("sqlite"):
        database = make_url(url).database
        if database and database != ":memory:" and not database.startswith("file:"):
            private_sqlite_file(Path(database))
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 30},
            hide_parameters=True,
        )

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(connection: Any) -> None:
            read_only = connection.get_execution_options().get(READ_ONLY, False)
            connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

        return engine
    return create_engine(
        url, pool_size=20, max_overflow=40, pool_pre_ping=True, hide_parameters=True
    )


def migrate(engine: Engine) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    script = ScriptDirectory.from_config(config)
    with engine.connect() as connection:
        revision = MigrationContext.configure(connection).get_current_revision()
    known = {rev.revision for rev in script.walk_revisions()}
    if revision is not None and revision not in known:
        raise DatabaseTooNew(
            f"The ledger database is at schema {revision}, newer than this program "
            f"({script.get_current_head()}). Install the newer version.",
            revision=revision,
        )
    if revision != script.get_current_head():
        command.upgrade(config, "head")
    with Session(engine) as session, session.begin():
        if session.get(Counter, "changes") is None:
            session.execute(insert(Counter).values(name="changes", value=0))


def current_cursor(session: Session) -> int:
    return session.scalar(select(Counter.value).where(Counter.name == "changes")) or 0


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"

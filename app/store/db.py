"""Open the terminal's SQLite database durably and bring its schema up to date.

- WAL with ``synchronous=FULL``: NORMAL can lose the last commits on power loss.
- Writes begin with ``BEGIN IMMEDIATE`` (pysqlite's own transaction handling is switched off,
  as SQLAlchemy's SQLite notes advise), so two writers never deadlock on a lock upgrade.
- A database whose schema is newer than this program is refused, never downgraded.
- Alembic is loaded only when the schema is not already at ``SCHEMA_HEAD``: the counter's
  every start reads one row instead of loading the migration machinery.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import QueuePool

from app.domain.errors import DatabaseTooNew

if TYPE_CHECKING:
    from alembic.config import Config

BUSY_TIMEOUT_MS = 5000
MIGRATIONS = Path(__file__).with_name("migrations")
# The newest migration; tests/integration/test_schema.py fails when a migration is added
# without moving this.
SCHEMA_HEAD = "0008"


def _configure(engine: Engine, begin: str) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql(begin)


def make_engine(path: Path, *, write: bool) -> Engine:
    engine = create_engine(
        f"sqlite+pysqlite:///{path}",
        poolclass=QueuePool,
        pool_size=2,
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )
    _configure(engine, "BEGIN IMMEDIATE" if write else "BEGIN")
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

    def dispose(self) -> None:
        self.writer.dispose()
        self.reader.dispose()


def current_revision(engine: Engine) -> str | None:
    """The schema revision the database is at (None: a new, empty database)."""
    with engine.connect() as connection:
        try:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except OperationalError:  # no such table: nothing migrated yet
            return None


def open_database(path: Path) -> Database:
    """Open (creating if needed) and migrate the database at ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = make_engine(path, write=True)
    reader = make_engine(path, write=False)
    revision = current_revision(reader)  # a read: opening never waits for the write lock
    if revision == SCHEMA_HEAD:
        return Database(path=path, writer=writer, reader=reader)
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

"""The migrations build exactly the schema the models describe, and the status bar's count of
waiting events reads only the waiting rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.bootstrap import Terminal
from app.store.db import open_database
from app.store.models import Base


# SQLite's expression indexes (the member search's, 0010) cannot be reflected: Alembic skips
# them here, and tests/integration/test_search.py checks the search reads them.
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based")
def test_migrated_database_matches_the_models(tmp_path: Path) -> None:
    database = open_database(tmp_path / "memberdesk.db")
    try:
        with database.writer.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    finally:
        database.writer.dispose()
        database.reader.dispose()
    assert differences == []


def test_counting_waiting_events_uses_the_partial_index(terminal: Terminal) -> None:
    with terminal.ctx.read() as session:
        plan = (
            session.connection()
            .exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT count(seq) FROM outbox WHERE acked_at IS NULL"
            )
            .all()
        )
    details = " ".join(str(row[-1]) for row in plan)
    assert "ix_outbox_pending" in details, details


def test_schema_head_names_the_newest_migration(tmp_path: Path) -> None:
    """open_database skips Alembic when the database is at SCHEMA_HEAD: a migration added
    without moving it would never run on an existing terminal."""
    from alembic.script import ScriptDirectory

    from app.store.db import SCHEMA_HEAD, alembic_config, make_engine

    engine = make_engine(tmp_path / "any.db", write=False)
    try:
        head = ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
    finally:
        engine.dispose()
    assert head == SCHEMA_HEAD

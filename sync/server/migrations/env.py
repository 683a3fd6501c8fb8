"""Alembic environment for the ledger: runs on the engine the program hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from sync.server.models import LedgerBase

config = context.config
engine: Engine = config.attributes["engine"]

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=LedgerBase.metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()

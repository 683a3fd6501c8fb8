"""Alembic environment: run migrations on the engine the program hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from app.store.models import Base

config = context.config
engine: Engine = config.attributes["engine"]

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()

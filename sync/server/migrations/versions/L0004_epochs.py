"""chain epochs: a terminal id paired again (a replacement PC) starts a new chain at seq 1;
the earlier pairing's credential is kept (hashed) only to be refused with words

Revision ID: L0004
Revises: L0003
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.store.types

revision = "L0004"
down_revision = "L0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("terminals") as batch_op:
        batch_op.add_column(sa.Column("epoch", sa.Integer(), server_default="1", nullable=False))
    with op.batch_alter_table("events") as batch_op:
        batch_op.add_column(sa.Column("epoch", sa.Integer(), server_default="1", nullable=False))
        batch_op.drop_constraint("uq_events_terminal_id", type_="unique")
        batch_op.create_unique_constraint(
            "uq_events_terminal_id", ["terminal_id", "epoch", "seq"]
        )
    op.create_table(
        "retired_credentials",
        sa.Column("credential_hash", sa.String(length=64), nullable=False),
        sa.Column("terminal_id", sa.String(length=64), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("retired_at", app.store.types.UTCDateTime(length=32), nullable=False),
        sa.PrimaryKeyConstraint("credential_hash", name=op.f("pk_retired_credentials")),
    )


def downgrade() -> None:
    op.drop_table("retired_credentials")
    with op.batch_alter_table("events") as batch_op:
        batch_op.drop_constraint("uq_events_terminal_id", type_="unique")
        batch_op.create_unique_constraint("uq_events_terminal_id", ["terminal_id", "seq"])
        batch_op.drop_column("epoch")
    with op.batch_alter_table("terminals") as batch_op:
        batch_op.drop_column("epoch")

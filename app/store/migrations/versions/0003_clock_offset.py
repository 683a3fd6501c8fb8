"""clock offset: how far this terminal's clock was from ledger time at the last sync

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("terminal_state") as batch_op:
        batch_op.add_column(
            sa.Column("clock_offset_s", sa.Integer(), server_default="0", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("terminal_state") as batch_op:
        batch_op.drop_column("clock_offset_s")

"""the ledger's chain epoch this database writes (a replacement PC starts a new one)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("terminal_state") as batch_op:
        batch_op.add_column(sa.Column("epoch", sa.Integer(), server_default="1", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("terminal_state") as batch_op:
        batch_op.drop_column("epoch")

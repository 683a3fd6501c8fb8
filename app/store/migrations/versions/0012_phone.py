"""phone (branch phone): members' phones the ledger removed, whose codes are refused

Revision ID: 0012_phone
Revises: 0011_pick
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_phone"
down_revision = "0011_pick"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "removed_devices",
        sa.Column("device_key", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("device_key", name=op.f("pk_removed_devices")),
    )


def downgrade() -> None:
    op.drop_table("removed_devices")

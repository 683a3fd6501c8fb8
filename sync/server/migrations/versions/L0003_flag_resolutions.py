"""flag resolutions: a person closes a flag with a note (appended, the flag unchanged)

Revision ID: L0003
Revises: L0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.store.types

revision = "L0003"
down_revision = "L0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "flag_resolutions",
        sa.Column(
            "flag_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("resolved_at", app.store.types.UTCDateTime(length=32), nullable=False),
        sa.Column("resolved_by", sa.String(length=64), nullable=False),
        sa.Column("terminal_id", sa.String(length=64), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["flag_id"], ["flags.flag_id"], name=op.f("fk_flag_resolutions_flag_id_flags")
        ),
        sa.PrimaryKeyConstraint("flag_id", name=op.f("pk_flag_resolutions")),
    )


def downgrade() -> None:
    op.drop_table("flag_resolutions")

"""one member's profile from the whole mall: the ledger's day buckets and this terminal's own,
coupons the ledger knows used, where the profile's own buckets start

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "profile_days",
        sa.Column("member_id", sa.String(length=32), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=1), nullable=False),
        sa.Column("spend_fen", sa.Integer(), nullable=False),
        sa.Column("purchases", sa.Integer(), nullable=False),
        sa.Column("refunds", sa.Integer(), nullable=False),
        sa.Column("categories", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("member_id", "day", "source", name=op.f("pk_profile_days")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "profile_windows",
        sa.Column("member_id", sa.String(length=32), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("window", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("member_id", name=op.f("pk_profile_windows")),
    )
    with op.batch_alter_table("coupons") as batch_op:
        batch_op.add_column(
            sa.Column("ledger_used", sa.Boolean(), server_default="0", nullable=False)
        )
    with op.batch_alter_table("terminal_state") as batch_op:
        batch_op.add_column(
            sa.Column("profile_through_seq", sa.Integer(), server_default="0", nullable=False)
        )
    op.create_index("ix_outbox_member_seq", "outbox", ["member_id", "seq"])


def downgrade() -> None:
    op.drop_index("ix_outbox_member_seq", table_name="outbox")
    with op.batch_alter_table("terminal_state") as batch_op:
        batch_op.drop_column("profile_through_seq")
    with op.batch_alter_table("coupons") as batch_op:
        batch_op.drop_column("ledger_used")
    op.drop_table("profile_windows")
    op.drop_table("profile_days")

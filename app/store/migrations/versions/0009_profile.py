"""one member's profile from the whole mall: the ledger's day buckets and this terminal's own,
coupons the ledger knows used, where the profile's own buckets start

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

NEVER = "9999-12-31"  # lot_days' day for lots that never expire
_ADD = (
    "INSERT INTO lot_days (member_id, expires_on, remaining) "
    "VALUES (NEW.member_id, COALESCE(NEW.expires_on, '{never}'), NEW.remaining) "
    "ON CONFLICT (member_id, expires_on) DO UPDATE SET remaining = remaining + excluded.remaining;"
).format(never=NEVER)
_TAKE = (
    "UPDATE lot_days SET remaining = remaining - OLD.remaining "
    "WHERE member_id = OLD.member_id AND expires_on = COALESCE(OLD.expires_on, '{never}');"
).format(never=NEVER)
LOT_DAYS_TRIGGERS = (
    f"CREATE TRIGGER lot_days_insert AFTER INSERT ON lot_balances BEGIN {_ADD} END",
    f"CREATE TRIGGER lot_days_update AFTER UPDATE ON lot_balances BEGIN {_TAKE} {_ADD} END",
    f"CREATE TRIGGER lot_days_delete AFTER DELETE ON lot_balances BEGIN {_TAKE} END",
)


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
    op.create_table(
        "lot_days",
        sa.Column("member_id", sa.String(length=32), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False),
        sa.Column("remaining", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("member_id", "expires_on", name=op.f("pk_lot_days")),
        sqlite_with_rowid=False,
    )
    for statement in LOT_DAYS_TRIGGERS:
        op.execute(statement)
    op.execute(
        f"INSERT INTO lot_days (member_id, expires_on, remaining) SELECT member_id, "
        f"COALESCE(expires_on, '{NEVER}'), SUM(remaining) FROM lot_balances "
        f"GROUP BY member_id, COALESCE(expires_on, '{NEVER}')"
    )


def downgrade() -> None:
    for name in ("lot_days_insert", "lot_days_update", "lot_days_delete"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("lot_days")
    op.drop_index("ix_outbox_member_seq", table_name="outbox")
    with op.batch_alter_table("terminal_state") as batch_op:
        batch_op.drop_column("profile_through_seq")
    with op.batch_alter_table("coupons") as batch_op:
        batch_op.drop_column("ledger_used")
    op.drop_table("profile_windows")
    op.drop_table("profile_days")

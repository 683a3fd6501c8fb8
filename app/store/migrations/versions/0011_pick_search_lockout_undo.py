"""(branch pick) the counter's member search by name and last 4 phone digits, PIN lockout,
undone redemptions

Revision ID: 0011_pick
Revises: 0010_plus
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.store.types import UTCDateTime

revision = "0011_pick"
down_revision = "0010_plus"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_members_name_lower", "members", [sa.text("lower(name)")])
    op.create_index("ix_members_phone_last4", "members", [sa.text("substr(phone, -4)")])
    op.create_table(
        "pin_lockouts",
        sa.Column("cashier_id", sa.String(length=64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", UTCDateTime(length=32), nullable=True),
        sa.PrimaryKeyConstraint("cashier_id", name=op.f("pk_pin_lockouts")),
    )
    op.create_table(
        "redemption_undos",
        sa.Column("redemption_id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=False),
        sa.Column("cashier_id", sa.String(length=32), nullable=False),
        sa.Column("approved_by", sa.String(length=32), nullable=True),
        sa.Column("created_at", UTCDateTime(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["redemption_id"],
            ["redemptions.redemption_id"],
            name=op.f("fk_redemption_undos_redemption_id_redemptions"),
        ),
        sa.PrimaryKeyConstraint("redemption_id", name=op.f("pk_redemption_undos")),
    )


def downgrade() -> None:
    op.drop_table("redemption_undos")
    op.drop_table("pin_lockouts")
    op.drop_index("ix_members_phone_last4", table_name="members")
    op.drop_index("ix_members_name_lower", table_name="members")

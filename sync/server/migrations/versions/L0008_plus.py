"""branch plus: PLUS activation codes sold through other channels, partner entitlements

Revision ID: L0008_plus
Revises: L0007
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.store.types import UTCDateTime

revision = "L0008_plus"
down_revision = "L0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plus_codes",
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("last4", sa.String(length=4), nullable=False),
        sa.Column("batch", sa.String(length=64), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("validity_days", sa.Integer(), nullable=False),
        sa.Column("usable_until", sa.Date(), nullable=False),
        sa.Column("created_at", UTCDateTime(length=32), nullable=False),
        sa.Column("member_id", sa.String(length=32), nullable=True),
        sa.Column("terminal_id", sa.String(length=64), nullable=True),
        sa.Column("request_id", sa.String(length=64), nullable=True),
        sa.Column("claimed_at", UTCDateTime(length=32), nullable=True),
        sa.Column("event_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("code_hash", name=op.f("pk_plus_codes")),
    )
    op.create_index(op.f("ix_plus_codes_batch"), "plus_codes", ["batch"], unique=False)
    op.create_table(
        "plus_entitlements",
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("member_id", sa.String(length=32), nullable=False),
        sa.Column("benefit", sa.String(length=32), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("partner", sa.Text(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.Column("terminal_id", sa.String(length=64), nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("redeemed_at", UTCDateTime(length=32), nullable=True),
        sa.Column("redeemed_by", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_plus_entitlements")),
    )
    op.create_index(
        op.f("ix_plus_entitlements_member_id"), "plus_entitlements", ["member_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_plus_entitlements_member_id"), table_name="plus_entitlements")
    op.drop_table("plus_entitlements")
    op.drop_index(op.f("ix_plus_codes_batch"), table_name="plus_codes")
    op.drop_table("plus_codes")

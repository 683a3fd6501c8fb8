"""one member's profile from the whole mall: day buckets per member, mall-wide coupons

Revision ID: L0007
Revises: L0006
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "L0007"
down_revision = "L0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "member_days",
        sa.Column("member_id", sa.String(length=32), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("spend_fen", sa.BigInteger(), nullable=False),
        sa.Column("purchases", sa.Integer(), nullable=False),
        sa.Column("refunds", sa.Integer(), nullable=False),
        sa.Column("categories", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("member_id", "day", name=op.f("pk_member_days")),
    )
    op.create_table(
        "coupons",
        sa.Column("coupon_code", sa.String(length=40), nullable=False),
        sa.Column("member_id", sa.String(length=32), nullable=False),
        sa.Column("template_code", sa.String(length=32), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.Column("uses", sa.Integer(), nullable=False),
        sa.Column("returns", sa.Integer(), nullable=False),
        sa.Column("terminal_id", sa.String(length=64), nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("coupon_code", name=op.f("pk_coupons")),
    )
    op.create_index(op.f("ix_coupons_member_id"), "coupons", ["member_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_coupons_member_id"), table_name="coupons")
    op.drop_table("coupons")
    op.drop_table("member_days")

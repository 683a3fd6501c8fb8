"""branch plus: partner benefits issued with a PLUS term as entitlements with a code

Revision ID: 0010_plus
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.store.types

revision = "0010_plus"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plus_entitlements",
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("member_id", sa.String(length=32), nullable=False),
        sa.Column("benefit", sa.String(length=32), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("partner", sa.Text(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", app.store.types.UTCDateTime(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.member_id"],
            name=op.f("fk_plus_entitlements_member_id_members"),
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_plus_entitlements")),
    )
    op.create_index(
        op.f("ix_plus_entitlements_member_id"), "plus_entitlements", ["member_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_plus_entitlements_member_id"), table_name="plus_entitlements")
    op.drop_table("plus_entitlements")

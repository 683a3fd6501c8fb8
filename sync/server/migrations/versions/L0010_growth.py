"""branch growth: referrer, real-name proof and imported credit score of a member; the claims
that keep each lifecycle benefit and activity reward to once

Revision ID: L0010_growth
Revises: L0009_phone
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "L0010_growth"
down_revision = "L0009_phone"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("members") as batch:
        batch.add_column(sa.Column("referrer_id", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("id_hash", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("id_last4", sa.String(length=4), nullable=True))
        batch.add_column(sa.Column("credit_score", sa.Integer(), nullable=True))
    op.create_table(
        "growth_claims",
        sa.Column("claim", sa.String(length=120), nullable=False),
        sa.Column("member_id", sa.String(length=32), nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("claim", name=op.f("pk_growth_claims")),
    )
    op.create_index(
        op.f("ix_growth_claims_member_id"), "growth_claims", ["member_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_growth_claims_member_id"), table_name="growth_claims")
    op.drop_table("growth_claims")
    with op.batch_alter_table("members") as batch:
        batch.drop_column("credit_score")
        batch.drop_column("id_last4")
        batch.drop_column("id_hash")
        batch.drop_column("referrer_id")

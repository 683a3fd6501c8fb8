"""stores (branch stores): a member's points by scope as the ledger confirmed them

Revision ID: 0014_stores
Revises: 0013_growth
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_stores"
down_revision = "0013_growth"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scope_balances",
        sa.Column("member_id", sa.String(length=32), nullable=False),
        sa.Column("scope", sa.String(length=32), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("member_id", "scope", name=op.f("pk_scope_balances")),
    )


def downgrade() -> None:
    op.drop_table("scope_balances")

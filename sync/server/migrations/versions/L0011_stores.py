"""stores (branch stores): scoped lots, who funds points, store points budgets

Revision ID: L0011_stores
Revises: L0010_growth
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.store.types

revision = "L0011_stores"
down_revision = "L0010_growth"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scope_lots",
        sa.Column("member_id", sa.String(length=32), nullable=False),
        sa.Column("scope", sa.String(length=32), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False),
        sa.Column("remaining", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("member_id", "scope", "expires_on", name=op.f("pk_scope_lots")),
    )
    op.create_table(
        "funded_points",
        sa.Column(
            "row_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=32), nullable=False),
        sa.Column("receipt_no", sa.String(length=64), nullable=True),
        sa.Column("funder", sa.String(length=32), nullable=False),
        sa.Column("store_code", sa.String(length=32), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.Column("ledger_time", app.store.types.UTCDateTime(length=32), nullable=False),
        sa.PrimaryKeyConstraint("row_id", name=op.f("pk_funded_points")),
    )
    op.create_index(op.f("ix_funded_points_receipt_no"), "funded_points", ["receipt_no"])
    op.create_table(
        "budget_entries",
        sa.Column(
            "entry_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("store_code", sa.String(length=32), nullable=False),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("member_id", sa.String(length=32), nullable=True),
        sa.Column("terminal_id", sa.String(length=64), nullable=True),
        sa.Column("request_id", sa.String(length=64), nullable=True),
        sa.Column("event_id", sa.String(length=36), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("at", app.store.types.UTCDateTime(length=32), nullable=False),
        sa.PrimaryKeyConstraint("entry_id", name=op.f("pk_budget_entries")),
        sa.UniqueConstraint(
            "terminal_id", "request_id", name=op.f("uq_budget_entries_terminal_id")
        ),
    )
    op.create_index(op.f("ix_budget_entries_store_code"), "budget_entries", ["store_code"])


def downgrade() -> None:
    op.drop_index(op.f("ix_budget_entries_store_code"), table_name="budget_entries")
    op.drop_table("budget_entries")
    op.drop_index(op.f("ix_funded_points_receipt_no"), table_name="funded_points")
    op.drop_table("funded_points")
    op.drop_table("scope_lots")

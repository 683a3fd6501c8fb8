"""covering indexes for the member card and the award: a member's activity window, spend per
category and live lots are read from indexes alone (each replaces the index it extends)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("purchases") as batch_op:
        batch_op.create_index(
            "ix_purchases_member_activity",
            ["member_id", "created_at", "payable_fen", "receipt_no"],
            unique=False,
        )
        batch_op.drop_index("ix_purchases_member")
    with op.batch_alter_table("purchase_lines") as batch_op:
        batch_op.create_index(
            "ix_purchase_lines_receipt_spend",
            ["receipt_no", "category", "amount_fen"],
            unique=False,
        )
        batch_op.drop_index("ix_purchase_lines_receipt_no")
    with op.batch_alter_table("lot_balances") as batch_op:
        batch_op.create_index(
            "ix_lot_balances_member_live",
            ["member_id", "expires_on", "remaining"],
            unique=False,
        )
        batch_op.drop_index("ix_lot_balances_member")


def downgrade() -> None:
    with op.batch_alter_table("lot_balances") as batch_op:
        batch_op.create_index("ix_lot_balances_member", ["member_id", "expires_on"], unique=False)
        batch_op.drop_index("ix_lot_balances_member_live")
    with op.batch_alter_table("purchase_lines") as batch_op:
        batch_op.create_index("ix_purchase_lines_receipt_no", ["receipt_no"], unique=False)
        batch_op.drop_index("ix_purchase_lines_receipt_spend")
    with op.batch_alter_table("purchases") as batch_op:
        batch_op.create_index("ix_purchases_member", ["member_id", "created_at"], unique=False)
        batch_op.drop_index("ix_purchases_member_activity")

"""holds belong to their request: unique per (terminal, request id), not per request id

Revision ID: L0005
Revises: L0004
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "L0005"
down_revision = "L0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("holds", schema=None) as batch_op:
        batch_op.drop_constraint("uq_holds_request_id", type_="unique")
        batch_op.create_unique_constraint(
            batch_op.f("uq_holds_terminal_id"), ["terminal_id", "request_id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("holds", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_holds_terminal_id"), type_="unique")
        batch_op.create_unique_constraint("uq_holds_request_id", ["request_id"])

"""index only the events the ledger has not taken yet: counting what is waiting (the status bar
does it after every scan and sale, the member card for one member) reads only those rows,
where the old index on (member_id, acked_at) made the status bar read the whole history

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.drop_index("ix_outbox_member_pending")
        batch_op.create_index(
            "ix_outbox_pending", ["member_id"], sqlite_where=sa.text("acked_at IS NULL")
        )


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.drop_index("ix_outbox_pending")
        batch_op.create_index("ix_outbox_member_pending", ["member_id", "acked_at"])

"""hardening: a signing key may live outside the database (its private half is NULL here)

Revision ID: L0006
Revises: L0005
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "L0006"
down_revision = "L0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("signing_keys", schema=None) as batch_op:
        batch_op.alter_column("private_key", existing_type=sa.LargeBinary(), nullable=True)


def downgrade() -> None:
    with op.batch_alter_table("signing_keys", schema=None) as batch_op:
        batch_op.alter_column("private_key", existing_type=sa.LargeBinary(), nullable=False)

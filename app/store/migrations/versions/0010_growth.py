"""branch growth: the referrer named at enrolment and the verified ID's last four; an unknown
credit score is NULL (it counts 0), no longer a flat 60

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("members") as batch:
        batch.add_column(sa.Column("referred_by", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("id_last4", sa.String(length=4), nullable=True))
        batch.alter_column("credit_score", existing_type=sa.Integer(), nullable=True)
    # Nothing ever set a score: the 60 every member has is the old default, not a score.
    op.execute("UPDATE members SET credit_score = NULL WHERE credit_score = 60")


def downgrade() -> None:
    op.execute("UPDATE members SET credit_score = 60 WHERE credit_score IS NULL")
    with op.batch_alter_table("members") as batch:
        batch.alter_column("credit_score", existing_type=sa.Integer(), nullable=False)
        batch.drop_column("id_last4")
        batch.drop_column("referred_by")

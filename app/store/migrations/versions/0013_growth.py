"""branch growth: the referrer named at enrolment and the verified ID's last four; an unknown
credit score counts 0, no longer a flat 60

Columns are added in place (ALTER TABLE ADD COLUMN): rebuilding ``members`` would trip the
foreign keys of every table that names a member.

Revision ID: 0013_growth
Revises: 0012_phone
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_growth"
down_revision = "0012_phone"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("members", sa.Column("referred_by", sa.String(length=32), nullable=True))
    op.add_column("members", sa.Column("id_last4", sa.String(length=4), nullable=True))
    # Nothing ever set a score: the 60 every member has is the old default, not a score.
    op.execute("UPDATE members SET credit_score = 0 WHERE credit_score = 60")


def downgrade() -> None:
    op.drop_column("members", "id_last4")
    op.drop_column("members", "referred_by")

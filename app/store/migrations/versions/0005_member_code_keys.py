"""member codes: the ledger's public keys, and the phone code steps this terminal accepted

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.store.types import UTCDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "code_keys",
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.Column("received_at", UTCDateTime(length=32), nullable=False),
        sa.PrimaryKeyConstraint("key_id", name=op.f("pk_code_keys")),
    )
    op.create_table(
        "code_steps",
        sa.Column("member_id", sa.String(length=32), nullable=False),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.Column("accepted_at", UTCDateTime(length=32), nullable=False),
        sa.PrimaryKeyConstraint("member_id", "step", name=op.f("pk_code_steps")),
    )


def downgrade() -> None:
    op.drop_table("code_steps")
    op.drop_table("code_keys")

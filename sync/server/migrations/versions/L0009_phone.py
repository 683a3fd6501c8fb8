"""phone (branch phone): members' phones, one-time binding codes, signed-request nonces

Revision ID: L0009_phone
Revises: L0008_plus
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.store.types import UTCDateTime

revision = "L0009_phone"
down_revision = "L0008_plus"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "phone_bindings",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("member_id", sa.String(length=32), nullable=False),
        sa.Column("terminal_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.Column("used_at", UTCDateTime(), nullable=True),
        sa.Column("device_key", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_phone_bindings")),
    )
    op.create_index(op.f("ix_phone_bindings_member_id"), "phone_bindings", ["member_id"])
    op.create_table(
        "member_devices",
        sa.Column("device_key", sa.String(length=64), nullable=False),
        sa.Column("member_id", sa.String(length=32), nullable=False),
        sa.Column("label", sa.String(length=64), nullable=False),
        sa.Column("bound_at", UTCDateTime(), nullable=False),
        sa.Column("last_seen_at", UTCDateTime(), nullable=False),
        sa.Column("credential_until", sa.Date(), nullable=False),
        sa.Column("removed_at", UTCDateTime(), nullable=True),
        sa.Column("removed_by", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("device_key", name=op.f("pk_member_devices")),
    )
    op.create_index(op.f("ix_member_devices_member_id"), "member_devices", ["member_id"])
    op.create_index(op.f("ix_member_devices_removed_at"), "member_devices", ["removed_at"])
    op.create_table(
        "device_nonces",
        sa.Column("device_key", sa.String(length=64), nullable=False),
        sa.Column("nonce", sa.String(length=64), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("device_key", "nonce", name=op.f("pk_device_nonces")),
    )
    op.create_index(op.f("ix_device_nonces_at"), "device_nonces", ["at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_device_nonces_at"), table_name="device_nonces")
    op.drop_table("device_nonces")
    op.drop_index(op.f("ix_member_devices_removed_at"), table_name="member_devices")
    op.drop_index(op.f("ix_member_devices_member_id"), table_name="member_devices")
    op.drop_table("member_devices")
    op.drop_index(op.f("ix_phone_bindings_member_id"), table_name="phone_bindings")
    op.drop_table("phone_bindings")

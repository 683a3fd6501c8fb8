"""member code keys and steps

Revision ID: L0002
Revises: L0001
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op
import sqlalchemy as sa
import app.store.types


revision = 'L0002'
down_revision = 'L0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('code_steps',
    sa.Column('member_id', sa.String(length=32), nullable=False),
    sa.Column('step', sa.BigInteger(), nullable=False),
    sa.Column('terminal_id', sa.String(length=64), nullable=False),
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('member_id', 'step', name=op.f('pk_code_steps'))
    )
    op.create_table('signing_keys',
    sa.Column('key_id', sa.String(length=16), nullable=False),
    sa.Column('private_key', sa.LargeBinary(), nullable=False),
    sa.Column('public_key', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', app.store.types.UTCDateTime(length=32), nullable=False),
    sa.Column('revoked_at', app.store.types.UTCDateTime(length=32), nullable=True),
    sa.PrimaryKeyConstraint('key_id', name=op.f('pk_signing_keys'))
    )


def downgrade() -> None:
    op.drop_table('signing_keys')
    op.drop_table('code_steps')

"""sync state: where the terminal stands with the ledger, and the ledger's growth values

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.store.types

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('members') as batch_op:
        batch_op.add_column(sa.Column('ledger_growth', sa.Integer(), nullable=True))

    with op.batch_alter_table('terminal_state') as batch_op:
        batch_op.add_column(sa.Column('ledger_url', sa.String(length=300), nullable=True))

    with op.batch_alter_table('terminal_state') as batch_op:
        batch_op.add_column(sa.Column('paired_at', app.store.types.UTCDateTime(length=32), nullable=True))

    with op.batch_alter_table('terminal_state') as batch_op:
        batch_op.add_column(sa.Column('last_sync_at', app.store.types.UTCDateTime(length=32), nullable=True))

    with op.batch_alter_table('terminal_state') as batch_op:
        batch_op.add_column(sa.Column('applied_through_seq', sa.Integer(), server_default='0', nullable=False))

    with op.batch_alter_table('terminal_state') as batch_op:
        batch_op.add_column(sa.Column('pull_cursor', sa.Integer(), server_default='0', nullable=False))

    with op.batch_alter_table('terminal_state') as batch_op:
        batch_op.add_column(sa.Column('snapshot_done', sa.Boolean(), server_default='0', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('members') as batch_op:
        batch_op.drop_column('ledger_growth')

    with op.batch_alter_table('terminal_state') as batch_op:
        batch_op.drop_column('ledger_url')

    with op.batch_alter_table('terminal_state') as batch_op:
        batch_op.drop_column('paired_at')

    with op.batch_alter_table('terminal_state') as batch_op:
        batch_op.drop_column('last_sync_at')

    with op.batch_alter_table('terminal_state') as batch_op:
        batch_op.drop_column('applied_through_seq')

    with op.batch_alter_table('terminal_state') as batch_op:
        batch_op.drop_column('pull_cursor')

    with op.batch_alter_table('terminal_state') as batch_op:
        batch_op.drop_column('snapshot_done')

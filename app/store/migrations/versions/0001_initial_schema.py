"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op
import sqlalchemy as sa
import app.store.types


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('audit_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', app.store.types.UTCDateTime(length=32), nullable=False),
    sa.Column('cashier_id', sa.String(length=32), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('member_id', sa.String(length=32), nullable=True),
    sa.Column('request_id', sa.String(length=64), nullable=True),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('audit_id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)

    op.create_table('cashiers',
    sa.Column('cashier_id', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('pin_hash', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('cashier_id', name=op.f('pk_cashiers'))
    )
    op.create_table('gift_stock',
    sa.Column('gift_code', sa.String(length=32), nullable=False),
    sa.Column('stock', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('gift_code', name=op.f('pk_gift_stock'))
    )
    op.create_table('members',
    sa.Column('member_id', sa.String(length=32), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('birthday', sa.Date(), nullable=True),
    sa.Column('enrolled_on', sa.Date(), nullable=False),
    sa.Column('home_store', sa.String(length=32), nullable=False),
    sa.Column('marketing_consent', sa.Boolean(), nullable=False),
    sa.Column('real_name_verified', sa.Boolean(), nullable=False),
    sa.Column('credit_score', sa.Integer(), nullable=False),
    sa.Column('risk_flags', sa.Integer(), nullable=False),
    sa.Column('reviews', sa.Integer(), nullable=False),
    sa.Column('referrals', sa.Integer(), nullable=False),
    sa.Column('plus_expires_on', sa.Date(), nullable=True),
    sa.Column('pin_hash', sa.String(length=200), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.PrimaryKeyConstraint('member_id', name=op.f('pk_members')),
    sa.UniqueConstraint('phone', name=op.f('uq_members_phone'))
    )
    op.create_table('outbox',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('terminal_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('request_id', sa.String(length=64), nullable=False),
    sa.Column('member_id', sa.String(length=32), nullable=True),
    sa.Column('created_at', app.store.types.UTCDateTime(length=32), nullable=False),
    sa.Column('acked_at', app.store.types.UTCDateTime(length=32), nullable=True),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_outbox')),
    sa.UniqueConstraint('event_id', name=op.f('uq_outbox_event_id'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_member_pending', ['member_id', 'acked_at'], unique=False)

    op.create_table('requests',
    sa.Column('request_id', sa.String(length=64), nullable=False),
    sa.Column('operation', sa.String(length=32), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('result', sa.Text(), nullable=False),
    sa.Column('created_at', app.store.types.UTCDateTime(length=32), nullable=False),
    sa.PrimaryKeyConstraint('request_id', name=op.f('pk_requests'))
    )
    op.create_table('rule_books',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('installed_at', app.store.types.UTCDateTime(length=32), nullable=False),
    sa.PrimaryKeyConstraint('version', name=op.f('pk_rule_books'))
    )
    op.create_table('terminal_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('terminal_id', sa.String(length=64), nullable=False),
    sa.Column('store_code', sa.String(length=32), nullable=False),
    sa.Column('next_seq', sa.Integer(), nullable=False),
    sa.Column('last_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', app.store.types.UTCDateTime(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_terminal_state'))
    )
    op.create_table('balances',
    sa.Column('member_id', sa.String(length=32), nullable=False),
    sa.Column('points', sa.Integer(), nullable=False),
    sa.Column('open_overdraft', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['members.member_id'], name=op.f('fk_balances_member_id_members')),
    sa.PrimaryKeyConstraint('member_id', name=op.f('pk_balances'))
    )
    op.create_table('coupons',
    sa.Column('coupon_code', sa.String(length=40), nullable=False),
    sa.Column('member_id', sa.String(length=32), nullable=False),
    sa.Column('template_code', sa.String(length=32), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('request_id', sa.String(length=64), nullable=False),
    sa.Column('created_at', app.store.types.UTCDateTime(length=32), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['members.member_id'], name=op.f('fk_coupons_member_id_members')),
    sa.PrimaryKeyConstraint('coupon_code', name=op.f('pk_coupons'))
    )
    with op.batch_alter_table('coupons', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coupons_member_id'), ['member_id'], unique=False)

    op.create_table('journal',
    sa.Column('entry_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('member_id', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('points', sa.Integer(), nullable=False),
    sa.Column('lot_id', sa.Integer(), nullable=True),
    sa.Column('expires_on', sa.Date(), nullable=True),
    sa.Column('is_lot', sa.Boolean(), nullable=False),
    sa.Column('request_id', sa.String(length=64), nullable=False),
    sa.Column('receipt_no', sa.String(length=40), nullable=True),
    sa.Column('event_seq', sa.Integer(), nullable=False),
    sa.Column('created_at', app.store.types.UTCDateTime(length=32), nullable=False),
    sa.Column('note', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['event_seq'], ['outbox.seq'], name=op.f('fk_journal_event_seq_outbox')),
    sa.ForeignKeyConstraint(['lot_id'], ['journal.entry_id'], name=op.f('fk_journal_lot_id_journal')),
    sa.ForeignKeyConstraint(['member_id'], ['members.member_id'], name=op.f('fk_journal_member_id_members')),
    sa.PrimaryKeyConstraint('entry_id', name=op.f('pk_journal'))
    )
    with op.batch_alter_table('journal', schema=None) as batch_op:
        batch_op.create_index('ix_journal_lot', ['lot_id'], unique=False)
        batch_op.create_index('ix_journal_member', ['member_id', 'entry_id'], unique=False)
        batch_op.create_index('ix_journal_receipt', ['receipt_no'], unique=False)

    op.create_table('overdrafts',
    sa.Column('overdraft_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('member_id', sa.String(length=32), nullable=False),
    sa.Column('points', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('receipt_no', sa.String(length=40), nullable=True),
    sa.Column('created_at', app.store.types.UTCDateTime(length=32), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['members.member_id'], name=op.f('fk_overdrafts_member_id_members')),
    sa.PrimaryKeyConstraint('overdraft_id', name=op.f('pk_overdrafts'))
    )
    with op.batch_alter_table('overdrafts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_overdrafts_member_id'), ['member_id'], unique=False)

    op.create_table('plus_terms',
    sa.Column('term_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('member_id', sa.String(length=32), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('fee_fen', sa.Integer(), nullable=False),
    sa.Column('cashier_id', sa.String(length=32), nullable=False),
    sa.Column('request_id', sa.String(length=64), nullable=False),
    sa.Column('created_at', app.store.types.UTCDateTime(length=32), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['members.member_id'], name=op.f('fk_plus_terms_member_id_members')),
    sa.PrimaryKeyConstraint('term_id', name=op.f('pk_plus_terms'))
    )
    with op.batch_alter_table('plus_terms', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plus_terms_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_plus_terms_member_id'), ['member_id'], unique=False)

    op.create_table('purchases',
    sa.Column('receipt_no', sa.String(length=40), nullable=False),
    sa.Column('member_id', sa.String(length=32), nullable=False),
    sa.Column('store_code', sa.String(length=32), nullable=False),
    sa.Column('cashier_id', sa.String(length=32), nullable=False),
    sa.Column('subtotal_fen', sa.Integer(), nullable=False),
    sa.Column('payable_fen', sa.Integer(), nullable=False),
    sa.Column('savings_fen', sa.Integer(), nullable=False),
    sa.Column('points_earned', sa.Integer(), nullable=False),
    sa.Column('points_used', sa.Integer(), nullable=False),
    sa.Column('coupon_code', sa.String(length=40), nullable=True),
    sa.Column('rule_book_version', sa.Integer(), nullable=False),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('request_id', sa.String(length=64), nullable=False),
    sa.Column('created_at', app.store.types.UTCDateTime(length=32), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['members.member_id'], name=op.f('fk_purchases_member_id_members')),
    sa.PrimaryKeyConstraint('receipt_no', name=op.f('pk_purchases'))
    )
    with op.batch_alter_table('purchases', schema=None) as batch_op:
        batch_op.create_index('ix_purchases_created', ['created_at'], unique=False)
        batch_op.create_index('ix_purchases_member', ['member_id', 'created_at'], unique=False)

    op.create_table('redemptions',
    sa.Column('redemption_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('member_id', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('item', sa.String(length=40), nullable=True),
    sa.Column('points', sa.Integer(), nullable=False),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.Column('cashier_id', sa.String(length=32), nullable=False),
    sa.Column('request_id', sa.String(length=64), nullable=False),
    sa.Column('created_at', app.store.types.UTCDateTime(length=32), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['members.member_id'], name=op.f('fk_redemptions_member_id_members')),
    sa.PrimaryKeyConstraint('redemption_id', name=op.f('pk_redemptions'))
    )
    with op.batch_alter_table('redemptions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_redemptions_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_redemptions_member_id'), ['member_id'], unique=False)

    op.create_table('shifts',
    sa.Column('shift_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('cashier_id', sa.String(length=32), nullable=False),
    sa.Column('opened_at', app.store.types.UTCDateTime(length=32), nullable=False),
    sa.Column('closed_at', app.store.types.UTCDateTime(length=32), nullable=True),
    sa.ForeignKeyConstraint(['cashier_id'], ['cashiers.cashier_id'], name=op.f('fk_shifts_cashier_id_cashiers')),
    sa.PrimaryKeyConstraint('shift_id', name=op.f('pk_shifts'))
    )
    op.create_table('coupon_uses',
    sa.Column('use_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('coupon_code', sa.String(length=40), nullable=False),
    sa.Column('receipt_no', sa.String(length=40), nullable=True),
    sa.Column('cashier_id', sa.String(length=32), nullable=False),
    sa.Column('used_at', app.store.types.UTCDateTime(length=32), nullable=False),
    sa.ForeignKeyConstraint(['coupon_code'], ['coupons.coupon_code'], name=op.f('fk_coupon_uses_coupon_code_coupons')),
    sa.PrimaryKeyConstraint('use_id', name=op.f('pk_coupon_uses'))
    )
    with op.batch_alter_table('coupon_uses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coupon_uses_coupon_code'), ['coupon_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_coupon_uses_used_at'), ['used_at'], unique=False)

    op.create_table('lot_balances',
    sa.Column('lot_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.String(length=32), nullable=False),
    sa.Column('expires_on', sa.Date(), nullable=True),
    sa.Column('remaining', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['lot_id'], ['journal.entry_id'], name=op.f('fk_lot_balances_lot_id_journal')),
    sa.ForeignKeyConstraint(['member_id'], ['members.member_id'], name=op.f('fk_lot_balances_member_id_members')),
    sa.PrimaryKeyConstraint('lot_id', name=op.f('pk_lot_balances'))
    )
    with op.batch_alter_table('lot_balances', schema=None) as batch_op:
        batch_op.create_index('ix_lot_balances_expiry', ['expires_on'], unique=False)
        batch_op.create_index('ix_lot_balances_member', ['member_id', 'expires_on'], unique=False)

    op.create_table('purchase_lines',
    sa.Column('line_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('receipt_no', sa.String(length=40), nullable=False),
    sa.Column('category', sa.String(length=32), nullable=False),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['receipt_no'], ['purchases.receipt_no'], name=op.f('fk_purchase_lines_receipt_no_purchases')),
    sa.PrimaryKeyConstraint('line_id', name=op.f('pk_purchase_lines'))
    )
    with op.batch_alter_table('purchase_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_purchase_lines_receipt_no'), ['receipt_no'], unique=False)

    op.create_table('refunds',
    sa.Column('refund_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('receipt_no', sa.String(length=40), nullable=False),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.Column('points_clawed_back', sa.Integer(), nullable=False),
    sa.Column('points_returned', sa.Integer(), nullable=False),
    sa.Column('overdraft_points', sa.Integer(), nullable=False),
    sa.Column('cashier_id', sa.String(length=32), nullable=False),
    sa.Column('request_id', sa.String(length=64), nullable=False),
    sa.Column('created_at', app.store.types.UTCDateTime(length=32), nullable=False),
    sa.ForeignKeyConstraint(['receipt_no'], ['purchases.receipt_no'], name=op.f('fk_refunds_receipt_no_purchases')),
    sa.PrimaryKeyConstraint('refund_id', name=op.f('pk_refunds'))
    )
    with op.batch_alter_table('refunds', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_refunds_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_refunds_receipt_no'), ['receipt_no'], unique=False)

    op.create_table('coupon_returns',
    sa.Column('return_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('coupon_code', sa.String(length=40), nullable=False),
    sa.Column('refund_id', sa.Integer(), nullable=False),
    sa.Column('returned_at', app.store.types.UTCDateTime(length=32), nullable=False),
    sa.ForeignKeyConstraint(['coupon_code'], ['coupons.coupon_code'], name=op.f('fk_coupon_returns_coupon_code_coupons')),
    sa.ForeignKeyConstraint(['refund_id'], ['refunds.refund_id'], name=op.f('fk_coupon_returns_refund_id_refunds')),
    sa.PrimaryKeyConstraint('return_id', name=op.f('pk_coupon_returns'))
    )
    with op.batch_alter_table('coupon_returns', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coupon_returns_coupon_code'), ['coupon_code'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('coupon_returns', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coupon_returns_coupon_code'))

    op.drop_table('coupon_returns')
    with op.batch_alter_table('refunds', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_refunds_receipt_no'))
        batch_op.drop_index(batch_op.f('ix_refunds_created_at'))

    op.drop_table('refunds')
    with op.batch_alter_table('purchase_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_purchase_lines_receipt_no'))

    op.drop_table('purchase_lines')
    with op.batch_alter_table('lot_balances', schema=None) as batch_op:
        batch_op.drop_index('ix_lot_balances_member')
        batch_op.drop_index('ix_lot_balances_expiry')

    op.drop_table('lot_balances')
    with op.batch_alter_table('coupon_uses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coupon_uses_used_at'))
        batch_op.drop_index(batch_op.f('ix_coupon_uses_coupon_code'))

    op.drop_table('coupon_uses')
    op.drop_table('shifts')
    with op.batch_alter_table('redemptions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_redemptions_member_id'))
        batch_op.drop_index(batch_op.f('ix_redemptions_created_at'))

    op.drop_table('redemptions')
    with op.batch_alter_table('purchases', schema=None) as batch_op:
        batch_op.drop_index('ix_purchases_member')
        batch_op.drop_index('ix_purchases_created')

    op.drop_table('purchases')
    with op.batch_alter_table('plus_terms', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plus_terms_member_id'))
        batch_op.drop_index(batch_op.f('ix_plus_terms_created_at'))

    op.drop_table('plus_terms')
    with op.batch_alter_table('overdrafts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_overdrafts_member_id'))

    op.drop_table('overdrafts')
    with op.batch_alter_table('journal', schema=None) as batch_op:
        batch_op.drop_index('ix_journal_receipt')
        batch_op.drop_index('ix_journal_member')
        batch_op.drop_index('ix_journal_lot')

    op.drop_table('journal')
    with op.batch_alter_table('coupons', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coupons_member_id'))

    op.drop_table('coupons')
    op.drop_table('balances')
    op.drop_table('terminal_state')
    op.drop_table('rule_books')
    op.drop_table('requests')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_member_pending')

    op.drop_table('outbox')
    op.drop_table('members')
    op.drop_table('gift_stock')
    op.drop_table('cashiers')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))

    op.drop_table('audit_log')

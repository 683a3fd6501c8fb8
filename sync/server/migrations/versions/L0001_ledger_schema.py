"""ledger schema

Revision ID: L0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.store.types

revision = "L0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "counters",
        sa.Column("name", sa.String(length=16), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_counters")),
    )
    op.create_table(
        "entries",
        sa.Column(
            "entry_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.Column("store_code", sa.String(length=32), nullable=False),
        sa.Column("ledger_time", app.store.types.UTCDateTime(length=32), nullable=False),
        sa.PrimaryKeyConstraint("entry_id", name=op.f("pk_entries")),
    )
    with op.batch_alter_table("entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entries_event_id"), ["event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_entries_member_id"), ["member_id"], unique=False)

    op.create_table(
        "events",
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("terminal_id", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("terminal_time", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=True),
        sa.Column("reason", sa.String(length=300), nullable=True),
        sa.Column("ledger_time", app.store.types.UTCDateTime(length=32), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_events")),
        sa.UniqueConstraint("terminal_id", "seq", name=op.f("uq_events_terminal_id")),
    )
    op.create_table(
        "flags",
        sa.Column(
            "flag_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=True),
        sa.Column("member_id", sa.String(length=32), nullable=True),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("created_at", app.store.types.UTCDateTime(length=32), nullable=False),
        sa.PrimaryKeyConstraint("flag_id", name=op.f("pk_flags")),
    )
    with op.batch_alter_table("flags", schema=None) as batch_op:
        batch_op.create_index("ix_flags_kind", ["kind", "created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_flags_member_id"), ["member_id"], unique=False)

    op.create_table(
        "holds",
        sa.Column("hold_id", sa.String(length=36), nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=False),
        sa.Column("member_id", sa.String(length=32), nullable=False),
        sa.Column("terminal_id", sa.String(length=64), nullable=False),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.Column("expires_at", app.store.types.UTCDateTime(length=32), nullable=False),
        sa.Column("consumed", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("hold_id", name=op.f("pk_holds")),
        sa.UniqueConstraint("request_id", name=op.f("uq_holds_request_id")),
    )
    with op.batch_alter_table("holds", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_holds_member_id"), ["member_id"], unique=False)

    op.create_table(
        "lots",
        sa.Column("member_id", sa.String(length=32), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False),
        sa.Column("remaining", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("member_id", "expires_on", name=op.f("pk_lots")),
    )
    op.create_table(
        "members",
        sa.Column("member_id", sa.String(length=32), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("birthday", sa.Date(), nullable=True),
        sa.Column("enrolled_on", sa.Date(), nullable=False),
        sa.Column("home_store", sa.String(length=32), nullable=False),
        sa.Column("plus_expires_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("growth", sa.Integer(), nullable=False),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.Column("overdraft", sa.BigInteger(), nullable=False),
        sa.Column("spend_365_fen", sa.BigInteger(), nullable=False),
        sa.Column("purchases", sa.Integer(), nullable=False),
        sa.Column("cursor", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("member_id", name=op.f("pk_members")),
        sa.UniqueConstraint("phone", name=op.f("uq_members_phone")),
    )
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_members_cursor"), ["cursor"], unique=False)

    op.create_table(
        "rule_books",
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("published_at", app.store.types.UTCDateTime(length=32), nullable=False),
        sa.Column("cursor", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("version", name=op.f("pk_rule_books")),
    )
    with op.batch_alter_table("rule_books", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rule_books_cursor"), ["cursor"], unique=False)

    op.create_table(
        "terminals",
        sa.Column("terminal_id", sa.String(length=64), nullable=False),
        sa.Column("store_code", sa.String(length=32), nullable=False),
        sa.Column("pairing_code_hash", sa.String(length=64), nullable=True),
        sa.Column("pairing_expires_at", app.store.types.UTCDateTime(length=32), nullable=True),
        sa.Column("credential_hash", sa.String(length=64), nullable=True),
        sa.Column("paired_at", app.store.types.UTCDateTime(length=32), nullable=True),
        sa.Column("revoked_at", app.store.types.UTCDateTime(length=32), nullable=True),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.Column("last_seen_at", app.store.types.UTCDateTime(length=32), nullable=True),
        sa.Column("created_at", app.store.types.UTCDateTime(length=32), nullable=False),
        sa.PrimaryKeyConstraint("terminal_id", name=op.f("pk_terminals")),
        sa.UniqueConstraint("credential_hash", name=op.f("uq_terminals_credential_hash")),
    )


def downgrade() -> None:
    op.drop_table("terminals")
    with op.batch_alter_table("rule_books", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rule_books_cursor"))

    op.drop_table("rule_books")
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_members_cursor"))

    op.drop_table("members")
    op.drop_table("lots")
    with op.batch_alter_table("holds", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_holds_member_id"))

    op.drop_table("holds")
    with op.batch_alter_table("flags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_flags_member_id"))
        batch_op.drop_index("ix_flags_kind")

    op.drop_table("flags")
    op.drop_table("events")
    with op.batch_alter_table("entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entries_member_id"))
        batch_op.drop_index(batch_op.f("ix_entries_event_id"))

    op.drop_table("entries")
    op.drop_table("counters")

"""The terminal's tables, as SQLAlchemy 2 typed models.

History tables (journal, outbox, purchases, refunds, coupon uses, PLUS terms, audit log) are
append-only: a mistake is corrected by a reversing row, never by UPDATE or DELETE.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.store.types import UTCDateTime

# Alembic batch migrations on SQLite need named constraints.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class TerminalState(Base):
    """One row: who this terminal is and where its event chain stands."""

    __tablename__ = "terminal_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    terminal_id: Mapped[str] = mapped_column(String(64))
    store_code: Mapped[str] = mapped_column(String(32))
    next_seq: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Sync with the ledger (all empty for a standalone shop that never paired).
    ledger_url: Mapped[str | None] = mapped_column(String(300))
    paired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_sync_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    applied_through_seq: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    pull_cursor: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    snapshot_done: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # ledger time minus this terminal's clock at the last sync, in seconds
    clock_offset_s: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The ledger's chain epoch this database writes (its pairing says; a replacement PC
    # paired under the same terminal id gets a new one and starts at seq 1).
    epoch: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # The last of this terminal's events whose effect on profiles the replica's ledger buckets
    # hold: later ones are kept as this terminal's own buckets (``ProfileDay`` source "T").
    profile_through_seq: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class RuleBookRow(Base):
    __tablename__ = "rule_books"
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    body: Mapped[str] = mapped_column(Text)
    installed_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Member(Base):
    """The replica of a member: what the counter shows."""

    __tablename__ = "members"
    member_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    phone: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    birthday: Mapped[date | None] = mapped_column(Date)
    enrolled_on: Mapped[date] = mapped_column(Date)
    home_store: Mapped[str] = mapped_column(String(32))
    marketing_consent: Mapped[bool] = mapped_column(Boolean)
    real_name_verified: Mapped[bool] = mapped_column(Boolean, default=False)
    id_last4: Mapped[str | None] = mapped_column(String(4))  # of the verified ID number
    credit_score: Mapped[int] = mapped_column(Integer, default=0)  # imported; 0: unknown
    risk_flags: Mapped[int] = mapped_column(Integer, default=0)
    reviews: Mapped[int] = mapped_column(Integer, default=0)
    referrals: Mapped[int] = mapped_column(Integer, default=0)
    plus_expires_on: Mapped[date | None] = mapped_column(Date)
    pin_hash: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), default="active")
    # Growth value the ledger computed over every store (None: this terminal's own view).
    ledger_growth: Mapped[int | None] = mapped_column(Integer)
    referred_by: Mapped[str | None] = mapped_column(String(32))  # named at enrolment

    __table_args__ = (
        # the counter's search: a name's beginning and a phone's last 4 digits (0010)
        Index("ix_members_name_lower", text("lower(name)")),
        Index("ix_members_phone_last4", text("substr(phone, -4)")),
    )


class Balance(Base):
    """Cached balance per member, written in the same transaction as the journal and checked
    against it by ``journal verify``."""

    __tablename__ = "balances"
    member_id: Mapped[str] = mapped_column(ForeignKey("members.member_id"), primary_key=True)
    points: Mapped[int] = mapped_column(Integer)
    open_overdraft: Mapped[int] = mapped_column(Integer, default=0)


class JournalEntry(Base):
    """One points movement. Positive entries that can be spent are lots (with an expiry);
    negative entries name the lot they take from."""

    __tablename__ = "journal"
    entry_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.member_id"))
    kind: Mapped[str] = mapped_column(String(24))
    points: Mapped[int] = mapped_column(Integer)
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("journal.entry_id"))
    expires_on: Mapped[date | None] = mapped_column(Date)
    is_lot: Mapped[bool] = mapped_column(Boolean, default=False)
    request_id: Mapped[str] = mapped_column(String(64))
    receipt_no: Mapped[str | None] = mapped_column(String(40))
    event_seq: Mapped[int] = mapped_column(ForeignKey("outbox.seq"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    note: Mapped[str | None] = mapped_column(String(200))

    __table_args__ = (
        Index("ix_journal_member", "member_id", "entry_id"),
        Index("ix_journal_lot", "lot_id"),
        Index("ix_journal_receipt", "receipt_no"),
    )


class LotBalance(Base):
    """What remains of each lot, kept in the same transaction as the entries that move it
    (a cache of the journal, like ``balances``; ``journal verify`` recomputes it)."""

    __tablename__ = "lot_balances"
    lot_id: Mapped[int] = mapped_column(ForeignKey("journal.entry_id"), primary_key=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.member_id"))
    expires_on: Mapped[date | None] = mapped_column(Date)
    remaining: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        # covers the card's points aggregate and the award's open lots (0004)
        Index("ix_lot_balances_member_live", "member_id", "expires_on", "remaining"),
        Index("ix_lot_balances_expiry", "expires_on"),
    )


class LotDay(Base):
    """What a member's lots with one expiry day hold together (``9999-12-31``: never),
    kept by triggers on ``lot_balances`` (migration 0008) in the same statement as every
    change of a lot, whoever writes it: the card adds up a few days, not every lot earned."""

    __tablename__ = "lot_days"
    member_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    expires_on: Mapped[date] = mapped_column(Date, primary_key=True)
    remaining: Mapped[int] = mapped_column(Integer)

    __table_args__ = ({"sqlite_with_rowid": False},)


class OutboxEvent(Base):
    """Events for the ledger, written in the same transaction as what they describe."""

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)
    terminal_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))
    payload: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    request_id: Mapped[str] = mapped_column(String(64))
    member_id: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Set by sync when the ledger has taken the event; the only column that ever changes.
    acked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    # Only waiting rows are indexed: the status bar counts them after every scan and sale, and
    # the member card counts one member's; both then cost what is waiting, not the history.
    __table_args__ = (
        Index("ix_outbox_pending", "member_id", sqlite_where=text("acked_at IS NULL")),
        # a member's events after a seq: a checkpoint rebuilds the unconfirmed ones' buckets
        Index("ix_outbox_member_seq", "member_id", "seq"),
    )


class RequestRecord(Base):
    """A client request id and the first result it produced: a retry returns that result."""

    __tablename__ = "requests"
    request_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    operation: Mapped[str] = mapped_column(String(32))
    fingerprint: Mapped[str] = mapped_column(String(64))
    result: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Purchase(Base):
    __tablename__ = "purchases"
    receipt_no: Mapped[str] = mapped_column(String(40), primary_key=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.member_id"))
    store_code: Mapped[str] = mapped_column(String(32))
    cashier_id: Mapped[str] = mapped_column(String(32))
    subtotal_fen: Mapped[int] = mapped_column(Integer)
    payable_fen: Mapped[int] = mapped_column(Integer)
    savings_fen: Mapped[int] = mapped_column(Integer)
    points_earned: Mapped[int] = mapped_column(Integer)
    points_used: Mapped[int] = mapped_column(Integer)
    coupon_code: Mapped[str | None] = mapped_column(String(40))
    rule_book_version: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)  # the quote as shown, JSON
    request_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (
        # covers a member's activity window and the joins to lines and refunds (0004)
        Index(
            "ix_purchases_member_activity", "member_id", "created_at", "payable_fen", "receipt_no"
        ),
        Index("ix_purchases_created", "created_at"),
    )


class PurchaseLine(Base):
    __tablename__ = "purchase_lines"
    line_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    receipt_no: Mapped[str] = mapped_column(ForeignKey("purchases.receipt_no"))
    category: Mapped[str] = mapped_column(String(32))
    amount_fen: Mapped[int] = mapped_column(Integer)

    # covers the card's spend per category (0004)
    __table_args__ = (
        Index("ix_purchase_lines_receipt_spend", "receipt_no", "category", "amount_fen"),
    )


class Refund(Base):
    __tablename__ = "refunds"
    refund_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    receipt_no: Mapped[str] = mapped_column(ForeignKey("purchases.receipt_no"), index=True)
    amount_fen: Mapped[int] = mapped_column(Integer)
    points_clawed_back: Mapped[int] = mapped_column(Integer)
    points_returned: Mapped[int] = mapped_column(Integer)
    overdraft_points: Mapped[int] = mapped_column(Integer)
    cashier_id: Mapped[str] = mapped_column(String(32))
    request_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class Redemption(Base):
    """Points spent outside a purchase: a gift, a coupon exchange, a standalone deduction."""

    __tablename__ = "redemptions"
    redemption_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.member_id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    item: Mapped[str | None] = mapped_column(String(40))
    points: Mapped[int] = mapped_column(Integer)
    amount_fen: Mapped[int] = mapped_column(Integer)
    cashier_id: Mapped[str] = mapped_column(String(32))
    request_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class RedemptionUndo(Base):
    """A redemption undone by a reversing event: at most one per redemption."""

    __tablename__ = "redemption_undos"
    redemption_id: Mapped[int] = mapped_column(
        ForeignKey("redemptions.redemption_id"), primary_key=True
    )
    request_id: Mapped[str] = mapped_column(String(64))
    cashier_id: Mapped[str] = mapped_column(String(32))
    approved_by: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Coupon(Base):
    __tablename__ = "coupons"
    coupon_code: Mapped[str] = mapped_column(String(40), primary_key=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.member_id"), index=True)
    template_code: Mapped[str] = mapped_column(String(32))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(16))
    request_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Used as far as the ledger knew at the last checkpoint (at any counter of the mall).
    ledger_used: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class ProfileDay(Base):
    """A member's bucket of one business day (``app.domain.profile``): source "L" is the
    ledger's, from every counter, as of the last checkpoint that carried the member (replaced
    whole by the next); "T" is this terminal's own events the ledger has not yet counted in
    it (rebuilt at each checkpoint from those events). The card adds both up, in SQL, over the
    window: at most two rows a day per member, whatever the member's history."""

    __tablename__ = "profile_days"
    member_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    source: Mapped[str] = mapped_column(String(1), primary_key=True)
    spend_fen: Mapped[int] = mapped_column(Integer, default=0)
    purchases: Mapped[int] = mapped_column(Integer, default=0)
    refunds: Mapped[int] = mapped_column(Integer, default=0)
    categories: Mapped[str] = mapped_column(Text, default="{}")  # JSON {category: fen}

    __table_args__ = ({"sqlite_with_rowid": False},)


class ProfileWindow(Base):
    """A member's window (``app.domain.profile.Window``) as of a business day, written with
    every change of their buckets: the card reads one row while the day is the same, and adds
    up the buckets (at most two rows a day) only on a member's first card of a new day."""

    __tablename__ = "profile_windows"
    member_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    as_of: Mapped[date] = mapped_column(Date)
    window: Mapped[str] = mapped_column(Text)  # JSON


class CouponUse(Base):
    __tablename__ = "coupon_uses"
    use_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    coupon_code: Mapped[str] = mapped_column(ForeignKey("coupons.coupon_code"), index=True)
    receipt_no: Mapped[str | None] = mapped_column(String(40))
    cashier_id: Mapped[str] = mapped_column(String(32))
    used_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class CouponReturn(Base):
    """A coupon given back by a full refund of the purchase that used it (uses are history,
    so the return is a row of its own)."""

    __tablename__ = "coupon_returns"
    return_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    coupon_code: Mapped[str] = mapped_column(ForeignKey("coupons.coupon_code"), index=True)
    refund_id: Mapped[int] = mapped_column(ForeignKey("refunds.refund_id"))
    returned_at: Mapped[datetime] = mapped_column(UTCDateTime)


class GiftStock(Base):
    __tablename__ = "gift_stock"
    gift_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    stock: Mapped[int] = mapped_column(Integer)


class PlusTerm(Base):
    __tablename__ = "plus_terms"
    term_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.member_id"), index=True)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    fee_fen: Mapped[int] = mapped_column(Integer)
    cashier_id: Mapped[str] = mapped_column(String(32))
    request_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class Overdraft(Base):
    """Points a member owes: clawed back after they were spent, flagged for the service desk."""

    __tablename__ = "overdrafts"
    overdraft_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.member_id"), index=True)
    points: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(200))
    receipt_no: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Cashier(Base):
    __tablename__ = "cashiers"
    cashier_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(16))
    pin_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class PinLockout(Base):
    """Wrong PINs in a row for a cashier id (known or not, so both look alike), and until
    when it is locked. Not history: the audit log keeps each failure and lock."""

    __tablename__ = "pin_lockouts"
    cashier_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Shift(Base):
    __tablename__ = "shifts"
    shift_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    cashier_id: Mapped[str] = mapped_column(ForeignKey("cashiers.cashier_id"))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class AuditEntry(Base):
    __tablename__ = "audit_log"
    audit_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    cashier_id: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(32))
    member_id: Mapped[str | None] = mapped_column(String(32))
    request_id: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(Text)


class CodeKey(Base):
    """A ledger public key for member codes, as the last checkpoint gave the whole key set."""

    __tablename__ = "code_keys"
    key_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64))  # base64 of 32 raw bytes
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AcceptedCodeStep(Base):
    """A phone code step this terminal took: the same step again is a replay (a screenshot)."""

    __tablename__ = "code_steps"
    member_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    step: Mapped[int] = mapped_column(Integer, primary_key=True)
    accepted_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ScopeBalance(Base):
    """A member's points in each scope of the mall (``app/domain/stores.py``) as the ledger
    confirmed them at the last checkpoint: the card shows where the points can be spent.
    Only this terminal's own scope is spendable here (its lots)."""

    __tablename__ = "scope_balances"
    member_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    scope: Mapped[str] = mapped_column(String(32), primary_key=True)
    points: Mapped[int] = mapped_column(Integer)


class PlusEntitlement(Base):
    """A partner benefit issued with a PLUS term, with its own code (the member shows it at
    the partner; the ledger records its redemption)."""

    __tablename__ = "plus_entitlements"
    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.member_id"), index=True)
    benefit: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(Text)
    partner: Mapped[str] = mapped_column(Text)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date] = mapped_column(Date)
    request_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class RemovedDevice(Base):
    """A member's phone removed at the ledger (a lost phone, or the member removed it): its
    codes are refused here although its credential has not expired. The last checkpoint's
    whole set."""

    __tablename__ = "removed_devices"
    device_key: Mapped[str] = mapped_column(String(64), primary_key=True)  # hex

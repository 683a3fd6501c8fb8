"""The ledger's tables (its own metadata: the ledger and a terminal never share a database).

``entries`` and ``events`` are append-only; ``members``, ``lots`` and ``terminals`` are the
current state derived from them, each change stamped with a rising ``cursor`` for pull.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.store.models import NAMING_CONVENTION
from app.store.types import UTCDateTime


class LedgerBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Counter(LedgerBase):
    """The change cursor. Writers take it with UPDATE, holding its row lock to commit, so
    cursors become visible in order and a pull never skips a change."""

    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(16), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class Terminal(LedgerBase):
    __tablename__ = "terminals"
    terminal_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    store_code: Mapped[str] = mapped_column(String(32))
    pairing_code_hash: Mapped[str | None] = mapped_column(String(64))
    pairing_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    credential_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    paired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The chain epoch: each pairing of a terminal id that was paired before (a replacement
    # PC) starts a new chain at seq 1; last_seq and last_hash are those of this epoch.
    epoch: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    last_hash: Mapped[str] = mapped_column(String(64))
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class RetiredCredential(LedgerBase):
    """The credential of a terminal's earlier pairing (its PC was replaced): refused, with
    words that say why, never accepted again."""

    __tablename__ = "retired_credentials"
    credential_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    terminal_id: Mapped[str] = mapped_column(String(64))
    epoch: Mapped[int] = mapped_column(Integer)
    retired_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Event(LedgerBase):
    """Every event a terminal pushed, with the result it got (a retry gets the same)."""

    __tablename__ = "events"
    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    terminal_id: Mapped[str] = mapped_column(String(64))
    epoch: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    seq: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(32))
    payload: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    terminal_time: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(16))
    code: Mapped[str | None] = mapped_column(String(40))
    reason: Mapped[str | None] = mapped_column(String(300))
    ledger_time: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (UniqueConstraint("terminal_id", "epoch", "seq"),)


class Member(LedgerBase):
    __tablename__ = "members"
    member_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    phone: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    birthday: Mapped[date | None] = mapped_column(Date)
    enrolled_on: Mapped[date] = mapped_column(Date)
    home_store: Mapped[str] = mapped_column(String(32))
    plus_expires_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16))
    growth: Mapped[int] = mapped_column(Integer, default=0)
    points: Mapped[int] = mapped_column(BigInteger, default=0)  # sum of entries
    overdraft: Mapped[int] = mapped_column(BigInteger, default=0)  # owed, flagged
    spend_365_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    purchases: Mapped[int] = mapped_column(Integer, default=0)
    cursor: Mapped[int] = mapped_column(BigInteger, index=True)
    # Growth from more than buying (sync/server/growth.py): who referred the member, their
    # checked real name (a salted hash of the ID number and its last four only), and the
    # credit score an import gave (None: unknown, counts 0).
    referrer_id: Mapped[str | None] = mapped_column(String(32), default=None)
    id_hash: Mapped[str | None] = mapped_column(String(200), default=None)
    id_last4: Mapped[str | None] = mapped_column(String(4), default=None)
    credit_score: Mapped[int | None] = mapped_column(Integer, default=None)


class GrowthClaim(LedgerBase):
    """One benefit given or activity rewarded, by its key (``app.domain.benefits.claim_key``):
    a second event with the same key, from any counter, is refused."""

    __tablename__ = "growth_claims"
    claim: Mapped[str] = mapped_column(String(120), primary_key=True)
    member_id: Mapped[str] = mapped_column(String(32), index=True)
    event_id: Mapped[str] = mapped_column(String(36))


class Lot(LedgerBase):
    """Points of a member by expiry day (spent oldest first, like the terminal's lots)."""

    __tablename__ = "lots"
    member_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    expires_on: Mapped[date] = mapped_column(Date, primary_key=True)  # 9999-12-31: never
    remaining: Mapped[int] = mapped_column(BigInteger)


class MemberDay(LedgerBase):
    """A member's bucket of one business day, from every counter's events (``sync/server/
    profile.py``): net spend, purchases, refunds, net spend per category. Days older than the
    365-day window are out of every profile (and may be deleted)."""

    __tablename__ = "member_days"
    member_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    spend_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    purchases: Mapped[int] = mapped_column(Integer, default=0)
    refunds: Mapped[int] = mapped_column(Integer, default=0)
    categories: Mapped[str] = mapped_column(Text, default="{}")  # JSON {category: fen}


class LedgerCoupon(LedgerBase):
    """A coupon issued at some counter, usable at every counter of its scope. A use not given
    back by a full refund makes it used; a second use is flagged (``coupon_reused``)."""

    __tablename__ = "coupons"
    coupon_code: Mapped[str] = mapped_column(String(40), primary_key=True)
    member_id: Mapped[str] = mapped_column(String(32), index=True)
    template_code: Mapped[str] = mapped_column(String(32))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date] = mapped_column(Date)
    uses: Mapped[int] = mapped_column(Integer, default=0)
    returns: Mapped[int] = mapped_column(Integer, default=0)
    terminal_id: Mapped[str] = mapped_column(String(64))  # where it was issued
    event_id: Mapped[str] = mapped_column(String(36))


class Entry(LedgerBase):
    """One points movement, append-only; the store is where it happened."""

    __tablename__ = "entries"
    entry_id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    event_id: Mapped[str] = mapped_column(String(36), index=True)
    member_id: Mapped[str] = mapped_column(String(32), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    points: Mapped[int] = mapped_column(BigInteger)
    store_code: Mapped[str] = mapped_column(String(32))
    ledger_time: Mapped[datetime] = mapped_column(UTCDateTime)


class Hold(LedgerBase):
    """Points set aside by an online authorisation until the redemption event arrives. A hold
    belongs to its request: one per (terminal, request id), bound to its member and points."""

    __tablename__ = "holds"
    __table_args__ = (UniqueConstraint("terminal_id", "request_id"),)
    hold_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    request_id: Mapped[str] = mapped_column(String(64))
    member_id: Mapped[str] = mapped_column(String(32), index=True)
    terminal_id: Mapped[str] = mapped_column(String(64))
    points: Mapped[int] = mapped_column(BigInteger)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    consumed: Mapped[bool] = mapped_column(Boolean, default=False)


class RuleBookVersion(LedgerBase):
    __tablename__ = "rule_books"
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    body: Mapped[str] = mapped_column(Text)
    published_at: Mapped[datetime] = mapped_column(UTCDateTime)
    cursor: Mapped[int] = mapped_column(BigInteger, index=True)


class Flag(LedgerBase):
    """Something for a person to look at: an overdraft, a recomputation that disagrees, a
    replayed member code."""

    __tablename__ = "flags"
    flag_id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    event_id: Mapped[str | None] = mapped_column(String(36))
    member_id: Mapped[str | None] = mapped_column(String(32), index=True)
    points: Mapped[int] = mapped_column(BigInteger, default=0)
    detail: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_flags_kind", "kind", "created_at"),)


class FlagResolution(LedgerBase):
    """A person looked at a flag and closed it. Appended once per flag, never changed: the
    flag itself stays as it was raised."""

    __tablename__ = "flag_resolutions"
    flag_id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"),
        ForeignKey("flags.flag_id"),
        primary_key=True,
    )
    resolved_at: Mapped[datetime] = mapped_column(UTCDateTime)
    resolved_by: Mapped[str] = mapped_column(String(64))
    terminal_id: Mapped[str | None] = mapped_column(String(64))  # None: the ledger's CLI
    note: Mapped[str] = mapped_column(Text)


class SigningKey(LedgerBase):
    """The ledger's Ed25519 keys for member codes. Terminals get the public halves with sync;
    the newest unrevoked key signs new codes. The private half is kept here (protect the
    database and its backups as you would the key), or, for a key given from outside (a key
    file or an environment variable, ``keys.load_outside_key``), not at all: None."""

    __tablename__ = "signing_keys"
    key_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    private_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class CodeStep(LedgerBase):
    """A dynamic code step a terminal accepted: the same step at two terminals is a replay."""

    __tablename__ = "code_steps"
    member_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    step: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    terminal_id: Mapped[str] = mapped_column(String(64))
    event_id: Mapped[str] = mapped_column(String(36))


class ScopeLot(LedgerBase):
    """Points a member earned at a single or joint store, by scope and expiry day: spendable
    at that scope's stores only (``app/domain/stores.py``). Mall-wide points stay in ``lots``."""

    __tablename__ = "scope_lots"
    member_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    scope: Mapped[str] = mapped_column(String(32), primary_key=True)
    expires_on: Mapped[date] = mapped_column(Date, primary_key=True)  # 9999-12-31: never
    remaining: Mapped[int] = mapped_column(BigInteger)


class FundedPoints(LedgerBase):
    """Who pays for points given: a campaign's ``funded_by``, the store that earned or
    granted them. A refund's claw-back is appended as a negative row for the same funders
    (append-only); the clearing report charges each funder the net."""

    __tablename__ = "funded_points"
    row_id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    event_id: Mapped[str] = mapped_column(String(36))
    member_id: Mapped[str] = mapped_column(String(32))
    receipt_no: Mapped[str | None] = mapped_column(String(64), index=True)
    funder: Mapped[str] = mapped_column(String(32))
    store_code: Mapped[str] = mapped_column(String(32))  # where the points were given
    source: Mapped[str] = mapped_column(String(40))  # "store", a campaign code, "grant"
    points: Mapped[int] = mapped_column(BigInteger)  # negative: clawed back by a refund
    ledger_time: Mapped[datetime] = mapped_column(UTCDateTime)


class BudgetEntry(LedgerBase):
    """A store's points budget, append-only: funding (+), grants (-). One grant per
    (terminal, request id): asking again is answered from it, never charged twice."""

    __tablename__ = "budget_entries"
    __table_args__ = (UniqueConstraint("terminal_id", "request_id"),)
    entry_id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    store_code: Mapped[str] = mapped_column(String(32), index=True)
    points: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(16))  # "fund" or "grant"
    member_id: Mapped[str | None] = mapped_column(String(32))
    terminal_id: Mapped[str | None] = mapped_column(String(64))
    request_id: Mapped[str | None] = mapped_column(String(64))
    event_id: Mapped[str | None] = mapped_column(String(36))  # the grant's event, once pushed
    note: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class PlusCode(LedgerBase):
    """A PLUS activation code sold through another channel (bank, airline, co-branded card,
    corporate batch). Only its hash is kept; a counter claims it online for one member, and
    the claim's ``plus_sold`` event names it."""

    __tablename__ = "plus_codes"
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    last4: Mapped[str] = mapped_column(String(4))
    batch: Mapped[str] = mapped_column(String(64), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    validity_days: Mapped[int] = mapped_column(Integer)
    usable_until: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    member_id: Mapped[str | None] = mapped_column(String(32))
    terminal_id: Mapped[str | None] = mapped_column(String(64))
    request_id: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    event_id: Mapped[str | None] = mapped_column(String(36))  # the plus_sold that used it


class PlusEntitlement(LedgerBase):
    """A partner benefit a counter issued with a PLUS term; the partner's redemption of its
    code is recorded here once."""

    __tablename__ = "plus_entitlements"
    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    member_id: Mapped[str] = mapped_column(String(32), index=True)
    benefit: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(Text)
    partner: Mapped[str] = mapped_column(Text)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date] = mapped_column(Date)
    terminal_id: Mapped[str] = mapped_column(String(64))
    event_id: Mapped[str] = mapped_column(String(36))
    redeemed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    redeemed_by: Mapped[str | None] = mapped_column(Text)  # the partner's reference


class PhoneBinding(LedgerBase):
    """A one-time binding code a counter showed a member (the QR that binds their phone);
    kept by its hash, like a pairing code. It expires in minutes and works once."""

    __tablename__ = "phone_bindings"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    member_id: Mapped[str] = mapped_column(String(32), index=True)
    terminal_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    device_key: Mapped[str | None] = mapped_column(String(64))


class MemberDevice(LedgerBase):
    """A member's phone: its Ed25519 public key (hex), certified by the ledger. A removed
    phone's requests are refused at once, and terminals refuse its codes from their next
    sync (the pull lists removed phones whose credentials have not expired)."""

    __tablename__ = "member_devices"
    device_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    member_id: Mapped[str] = mapped_column(String(32), index=True)
    label: Mapped[str] = mapped_column(String(64))
    bound_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    credential_until: Mapped[date] = mapped_column(Date)  # the last credential's expiry day
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    removed_by: Mapped[str | None] = mapped_column(String(64))


class DeviceNonce(LedgerBase):
    """A signed phone request's nonce, kept for the replay window: the same request again
    is refused."""

    __tablename__ = "device_nonces"
    device_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    nonce: Mapped[str] = mapped_column(String(64), primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)

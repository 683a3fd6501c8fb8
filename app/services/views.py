"""What the use cases return: flat dataclasses of plain values, printable as JSON and
storable as a request's first result. A result of a change names its member and the outbox
event it wrote (``event_id``), so what a cashier printed can be found at the ledger."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CouponView:
    code: str
    template: str
    name: str
    kind: str
    valid_until: str


@dataclass(frozen=True)
class MedalView:
    code: str
    name: str
    level: int
    levels: int


@dataclass(frozen=True)
class ScopePointsView:
    """The member's points in one scope of the mall: spendable here, or only at its stores."""

    scope: str
    name: str  # the store's name for a single store, else the scope with its stores
    points: int
    here: bool


@dataclass(frozen=True)
class MemberCard:
    member_id: str
    name: str  # privacy-masked
    phone: str  # privacy-masked
    status: str
    tier: str
    tier_name: str
    growth: int
    next_tier_name: str | None
    growth_missing: int
    tier_progress_percent: int
    plus_active: bool
    plus_expires_on: str | None
    points: int  # spendable now
    points_value_fen: int
    open_overdraft: int
    expiring_points: int
    expiring_on: str | None
    medals: list[MedalView]
    coupons: list[CouponView]
    tier_benefits: list[str]
    plus_benefits: list[str]
    stage: str
    suggested_action: str | None
    birthday_action: str | None
    winback_coupon: str | None
    unconfirmed_events: int  # this member's changes the ledger has not taken yet
    # points by scope, when the member has any outside this store's: here first
    scope_points: list[ScopePointsView] = field(default_factory=list)
    # What PLUS saved this term (a PLUS member: "saved_this_term") or would have saved in
    # the last 12 months (anyone else: "would_have_saved"): the customer sees this figure.
    plus_saving_kind: str = "would_have_saved"
    plus_saving_fen: int = 0
    plus_prompt: str | None = None  # "renew_soon" or "lapsed" (app.domain.plus_offer)
    plus_prompt_days: int = 0  # days left (renew_soon) or since the lapse (lapsed)
    plus_fee_fen: int = 0  # the member's PLUS fee (by growth: plus.prices)
    # growth value by dimension (app.domain.growth.Growth): consumption, activity, ...
    growth_by_dimension: dict[str, int] = field(default_factory=dict)
    top_categories: list[TopCategory] = field(default_factory=list)  # most net spend first
    real_name: str | None = None  # the verified ID's last four, masked; None: not verified


@dataclass(frozen=True)
class TopCategory:
    code: str
    name: str
    spend_fen: int


@dataclass(frozen=True)
class EnrollResult:
    member_id: str
    phone: str
    name: str
    enrolled_on: str
    # The outbox event this result wrote (the UUIDv7 the ledger's flags name); None only in
    # a result stored before results carried it.
    event_id: str | None = None
    coupons: list[str] = field(default_factory=list)  # the new-member pack's codes


@dataclass(frozen=True)
class AwardResult:
    receipt_no: str
    member_id: str
    subtotal_fen: int
    payable_fen: int
    savings_fen: int
    points_used: int
    points_earned: int
    earn_base: int
    earn_tier: int
    earn_plus: int
    earn_campaign: int
    coupon_code: str | None
    coupons_issued: list[str]
    plus_would_save_fen: int
    balance: int
    # The outbox event this result wrote (the UUIDv7 the ledger's flags name); None only in
    # a result stored before results carried it.
    event_id: str | None = None
    # The member's PLUS saving after this sale (the card's figure; None in an older result)
    plus_saving_kind: str | None = None
    plus_saving_fen: int = 0


@dataclass(frozen=True)
class RedeemResult:
    member_id: str
    kind: str  # order, gift, coupon
    item: str | None
    points: int
    amount_off_fen: int
    coupon_code: str | None
    balance: int
    # The outbox event this result wrote (the UUIDv7 the ledger's flags name); None only in
    # a result stored before results carried it.
    event_id: str | None = None


@dataclass(frozen=True)
class RefundResult:
    receipt_no: str
    amount_fen: int
    points_clawed_back: int
    points_returned: int
    overdraft_points: int
    refundable_left_fen: int
    balance: int
    member_id: str | None = None  # None only in a result stored before it was given
    # The outbox event this result wrote (the UUIDv7 the ledger's flags name); None only in
    # a result stored before results carried it.
    event_id: str | None = None


@dataclass(frozen=True)
class PlusResult:
    member_id: str
    starts_on: str
    ends_on: str
    fee_fen: int
    renewal: bool
    coupons_issued: list[str]
    # The outbox event this result wrote (the UUIDv7 the ledger's flags name); None only in
    # a result stored before results carried it.
    event_id: str | None = None
    channel: str = "counter"  # or the channel of the activation code (bank, airline, ...)
    # partner benefits issued with the term, each {code, benefit, name, partner, valid_from,
    # valid_until} (app.domain.entitlements.Entitlement.wire)
    entitlements: list[dict[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class CouponIssued:
    member_id: str
    coupon_code: str
    template: str
    valid_until: str
    # The outbox event this result wrote (the UUIDv7 the ledger's flags name); None only in
    # a result stored before results carried it.
    event_id: str | None = None
    valid_from: str | None = None  # None only in a result stored before results carried it

    def wire(self) -> dict[str, str | None]:
        """The coupon as its event tells the ledger (which keeps it for every counter)."""
        return {
            "code": self.coupon_code,
            "template": self.template,
            "valid_from": self.valid_from,
            "valid_until": self.valid_until,
        }


@dataclass(frozen=True)
class GrantResult:
    member_id: str
    points: int
    store: str
    reason: str
    budget_left: int  # the store's budget at the ledger after this grant
    balance: int
    event_id: str | None = None


@dataclass(frozen=True)
class AdjustResult:
    member_id: str
    points: int
    reason: str
    balance: int
    # The outbox event this result wrote (the UUIDv7 the ledger's flags name); None only in
    # a result stored before results carried it.
    event_id: str | None = None


@dataclass(frozen=True)
class ExpireResult:
    day: str
    members: int
    points: int


@dataclass(frozen=True)
class CashierTotals:
    """What one cashier (or, as ``*``, everyone) did in a day or a shift. Money: ``sales_fen``
    is what purchases paid, ``gross_fen`` that plus PLUS fees, ``net_fen`` the gross less
    what refunds gave back (``refunds_fen``)."""

    cashier_id: str
    points_awarded: int = 0
    points_redeemed: int = 0
    points_refunded: int = 0
    sales_fen: int = 0
    purchases: int = 0
    refunds: int = 0
    plus_sold: int = 0
    plus_fees_fen: int = 0
    coupons_used: int = 0
    refunds_fen: int = 0
    adjustments: int = 0
    points_adjusted: int = 0  # net, up and down
    gross_fen: int = 0
    net_fen: int = 0


@dataclass(frozen=True)
class DayReport:
    """A day's or a shift's totals. ``start`` and ``end`` are the shop's local times with
    their offset (as receipts show them); ``business_day`` is the shop's day it covers."""

    start: str
    end: str
    totals: CashierTotals
    per_cashier: list[CashierTotals] = field(default_factory=list)
    business_day: str = ""
    zone: str = ""
    shift: bool = False


@dataclass(frozen=True)
class VerifyReport:
    ok: bool
    events: int
    entries: int
    members: int
    problems: list[str]


@dataclass(frozen=True)
class Given:
    """What one use case gave the member (and what its event was)."""

    member_id: str
    what: str  # review, checkin, referral, real_name, welcome, birthday, winback, medal
    points: int = 0
    coupons: list[str] = field(default_factory=list)
    event_id: str | None = None

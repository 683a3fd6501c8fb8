"""What the member's page sends and receives (its own API, apart from the terminals')."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from sync.protocol import PRINTABLE


class PageMessage(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BindRequest(PageMessage):
    token: str = Field(min_length=26, max_length=26, pattern=r"^[A-Z2-7]{26}$")
    label: str = Field(min_length=1, max_length=64, pattern=PRINTABLE)


class PageCredential(PageMessage):
    """The ledger's certificate of the phone's key (docs/member-codes.md, MD1D)."""

    key_id: str
    member_id: str
    device_key: str  # hex
    expiry_day: int  # days since 1970-01-01, as the code carries it
    expires_on: str
    ledger_signature: str  # hex


class Bound(PageMessage):
    member_id: str
    credential: PageCredential
    ledger_time: int  # Unix seconds: the page corrects its clock by it


class Dimension(PageMessage):
    code: str  # consumption, activity, account, reputation, credit
    value: int


class TierView(PageMessage):
    code: str
    name: str
    growth: int
    progress_percent: int
    benefits: list[str]
    next_name: str | None
    next_missing: int
    next_benefits: list[str]
    dimensions: list[Dimension]


class PointsLot(PageMessage):
    expires_on: str | None  # None: never
    points: int


class PointsView(PageMessage):
    balance: int
    value_fen: int  # what they take off an order
    lots: list[PointsLot]  # soonest expiry first


class MedalView(PageMessage):
    code: str
    name: str
    kind: str  # category (progress in fen spent) or behaviour (a count)
    level: int
    levels: int
    progress: int
    next_threshold: int | None


class CouponView(PageMessage):
    code: str
    name: str
    kind: str
    valid_until: str


class PlusView(PageMessage):
    active: bool
    expires_on: str | None
    benefits: list[str]


class HistoryLine(PageMessage):
    kind: str
    points: int
    store_code: str
    ledger_time: str
    business_day: str | None


class MemberPage(PageMessage):
    member_id: str
    name: str
    tier: TierView | None  # None: the ledger has no rule book yet
    points: PointsView
    medals: list[MedalView]
    coupons: list[CouponView]
    plus: PlusView
    history: list[HistoryLine]
    credential: PageCredential  # renewed on every visit online
    ledger_time: int


class PagePhone(PageMessage):
    device_id: str
    label: str
    bound_at: str
    last_seen_at: str
    this_phone: bool


class PagePhones(PageMessage):
    phones: list[PagePhone]

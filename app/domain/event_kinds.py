"""One frozen dataclass per event kind, shared by the terminal (which builds its events with
them) and the ledger (whose handlers read them).

``to_payload()`` is the event's payload exactly as the terminal has always written it: the same
keys and values, so the canonical JSON and thus the chain hashes keep their form.
``from_payload()`` reads a payload as the ledger receives it, or raises ``BadPayload`` naming
the first value it cannot take. It checks what the ledger acts on (amounts, dates, ids) and
takes the informational fields (receipt, cashier, lines, coupons) as they come: an event an
older or newer terminal wrote is still read, never refused for a field the ledger ignores.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, ClassVar, Self

from app.domain.errors import BadPayload

# Points and fen a single event may name: far past any real basket, far inside the
# database's 64-bit integers (a sum of many events must not overflow them either).
MAX_AMOUNT = 10**12
BUSINESS_DAY = "business_day"  # the payload key: the shop's date, ISO (2026-12-09)

Wire = Mapping[str, Any]  # a sub-document another module owns (a coupon, a day's change)


def amount(payload: Wire, key: str) -> int:
    """A whole number of points or fen, 0 when absent."""
    value = payload.get(key, 0)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise BadPayload(f"{key} must be a whole number >= 0.", field=key)
    if value > MAX_AMOUNT:
        raise BadPayload(f"{key} must be at most {MAX_AMOUNT}.", field=key)
    return value


def signed_amount(payload: Wire, key: str) -> int:
    value = payload.get(key, 0)
    if not isinstance(value, int) or isinstance(value, bool):
        raise BadPayload(f"{key} must be a whole number.", field=key)
    if abs(value) > MAX_AMOUNT:
        raise BadPayload(f"{key} must be at most {MAX_AMOUNT} either way.", field=key)
    return value


def _text(payload: Wire, key: str) -> str:
    value = payload.get(key)
    return "" if value is None else str(value)


def _maybe_text(payload: Wire, key: str) -> str | None:
    value = payload.get(key)
    return None if value is None else str(value)


def _day(payload: Wire, key: str) -> date:
    try:
        return date.fromisoformat(str(payload.get(key)))
    except ValueError:
        raise BadPayload(f"{key} is not a date.", field=key) from None


def _business_day(payload: Wire) -> date | None:
    named = payload.get(BUSINESS_DAY)
    if named is None:
        return None
    try:
        if isinstance(named, str):
            return date.fromisoformat(named)
    except ValueError:
        pass
    raise BadPayload(f"{BUSINESS_DAY} {named!r} is not a date like 2026-12-09.", field=BUSINESS_DAY)


def _documents(payload: Wire, key: str) -> tuple[Wire, ...]:
    value = payload.get(key)
    if not isinstance(value, list):
        return ()
    return tuple(item for item in value if isinstance(item, Mapping))


def _document(payload: Wire, key: str) -> Wire | None:
    """A sub-document as it came, or None when absent or not one."""
    value = payload.get(key)
    return value if isinstance(value, Mapping) else None


def _maybe_int(payload: Wire, key: str) -> int | None:
    value = payload.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _texts(payload: Wire, key: str) -> tuple[str, ...]:
    value = payload.get(key)
    return tuple(str(item) for item in value) if isinstance(value, list) else ()


def _wire(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_wire(item) for item in value]
    if isinstance(value, Mapping):
        return {key: _wire(item) for key, item in value.items()}
    return value


@dataclass(frozen=True, slots=True, kw_only=True)
class TerminalEvent:
    """What every kind shares: the shop's business day the event was written on (set when it
    is appended to the outbox; absent in events written before events carried one)."""

    KIND: ClassVar[str] = ""
    # Keys written only when they have a value (events have always left them out otherwise).
    OPTIONAL: ClassVar[frozenset[str]] = frozenset({BUSINESS_DAY})

    business_day: date | None = None

    def to_payload(self) -> dict[str, Any]:
        payload = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if value is None and item.name in self.OPTIONAL:
                continue
            payload[item.name] = _wire(value)
        return payload

    @classmethod
    def from_payload(cls, payload: Wire) -> Self:
        raise NotImplementedError


@dataclass(frozen=True, slots=True, kw_only=True)
class Purchase(TerminalEvent):
    KIND: ClassVar[str] = "purchase"

    receipt_no: str
    member_id: str
    store: str
    cashier: str
    hold_id: str | None
    request_id: str  # the ledger consumes this terminal's hold by it
    rule_book_version: int
    tier: str
    plus: bool | None  # None: an older terminal did not say (the member's PLUS on the day)
    lines: tuple[tuple[str, int], ...]
    coupon: str | None
    points_used: int
    points_earned: int
    payable_fen: int
    coupons_issued: tuple[str, ...]
    coupons: tuple[Wire, ...]
    # the member's medal levels the campaigns saw (code -> level; branch plus): the ledger
    # recomputes points with them, as with the tier; absent in older terminals' purchases
    medals: Wire | None = None
    OPTIONAL: ClassVar[frozenset[str]] = frozenset({BUSINESS_DAY, "medals"})

    @classmethod
    def from_payload(cls, payload: Wire) -> Self:
        # In the order the ledger has always named a purchase's faults.
        used = amount(payload, "points_used")
        earned = amount(payload, "points_earned")
        day = _business_day(payload)
        version = amount(payload, "rule_book_version")
        payable = amount(payload, "payable_fen")
        lines = payload.get("lines")
        return cls(
            receipt_no=_text(payload, "receipt_no"),
            member_id=_text(payload, "member_id"),
            store=_text(payload, "store"),
            cashier=_text(payload, "cashier"),
            hold_id=_maybe_text(payload, "hold_id"),
            request_id=_text(payload, "request_id"),
            rule_book_version=version,
            tier=_text(payload, "tier"),
            plus=bool(payload["plus"]) if "plus" in payload else None,
            lines=tuple(
                (str(line[0]), line[1])
                for line in (lines if isinstance(lines, list) else [])
                if isinstance(line, list) and len(line) == 2 and isinstance(line[1], int)
            ),
            coupon=_maybe_text(payload, "coupon"),
            points_used=used,
            points_earned=earned,
            payable_fen=payable,
            coupons_issued=_texts(payload, "coupons_issued"),
            coupons=_documents(payload, "coupons"),
            business_day=day,
            medals=_document(payload, "medals"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Redeem(TerminalEvent):
    KIND: ClassVar[str] = "redeem"

    member_id: str
    kind: str  # what was taken: money off, a gift, a coupon
    item: str | None
    points: int
    amount_fen: int
    store: str
    cashier: str
    hold_id: str | None
    request_id: str
    coupon_issued: str | None
    coupons: tuple[Wire, ...]

    @classmethod
    def from_payload(cls, payload: Wire) -> Self:
        return cls(
            member_id=_text(payload, "member_id"),
            kind=_text(payload, "kind"),
            item=_maybe_text(payload, "item"),
            points=amount(payload, "points"),
            amount_fen=payload["amount_fen"] if isinstance(payload.get("amount_fen"), int) else 0,
            store=_text(payload, "store"),
            cashier=_text(payload, "cashier"),
            hold_id=_maybe_text(payload, "hold_id"),
            request_id=_text(payload, "request_id"),
            coupon_issued=_maybe_text(payload, "coupon_issued"),
            coupons=_documents(payload, "coupons"),
            business_day=_business_day(payload),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class RedeemUndone(TerminalEvent):
    """The terminal's last redemption undone (pick): its points back to the expiry days
    (``lots``: expires_on, points) they were taken from; sync/server/undo.py applies it."""

    KIND: ClassVar[str] = "redeem_undone"

    member_id: str
    redeem_event_id: str
    redeem_request_id: str
    kind: str
    item: str | None
    points: int
    lots: tuple[Wire, ...]
    store: str
    cashier: str
    approved_by: str | None

    @classmethod
    def from_payload(cls, payload: Wire) -> Self:
        return cls(
            member_id=_text(payload, "member_id"),
            redeem_event_id=_text(payload, "redeem_event_id"),
            redeem_request_id=_text(payload, "redeem_request_id"),
            kind=_text(payload, "kind"),
            item=_maybe_text(payload, "item"),
            points=amount(payload, "points"),
            lots=_documents(payload, "lots"),
            store=_text(payload, "store"),
            cashier=_text(payload, "cashier"),
            approved_by=_maybe_text(payload, "approved_by"),
            business_day=_business_day(payload),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Refund(TerminalEvent):
    KIND: ClassVar[str] = "refund"

    receipt_no: str
    member_id: str
    amount_fen: int
    points_clawed_back: int
    points_returned: int
    coupon_returned: str | None
    cashier: str
    store: str
    profile: Wire | None  # the purchase day's bucket change (app.domain.profile)

    @classmethod
    def from_payload(cls, payload: Wire) -> Self:
        clawed_back = amount(payload, "points_clawed_back")
        day = _business_day(payload)
        returned = amount(payload, "points_returned")
        profile = payload.get("profile")
        return cls(
            receipt_no=_text(payload, "receipt_no"),
            member_id=_text(payload, "member_id"),
            amount_fen=payload["amount_fen"] if isinstance(payload.get("amount_fen"), int) else 0,
            points_clawed_back=clawed_back,
            points_returned=returned,
            coupon_returned=_maybe_text(payload, "coupon_returned"),
            cashier=_text(payload, "cashier"),
            store=_text(payload, "store"),
            profile=profile if isinstance(profile, Mapping) else None,
            business_day=day,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Adjust(TerminalEvent):
    """A supervisor's correction: points > 0 a new lot, < 0 taken oldest first."""

    KIND: ClassVar[str] = "adjust"
    OPTIONAL: ClassVar[frozenset[str]] = frozenset({BUSINESS_DAY, "resolves"})

    member_id: str
    points: int
    reason: str
    supervisor: str
    store: str
    resolves: str | None = None  # "overdraft": the write-off of what the member owed

    @classmethod
    def from_payload(cls, payload: Wire) -> Self:
        return cls(
            member_id=_text(payload, "member_id"),
            points=signed_amount(payload, "points"),
            reason=_text(payload, "reason"),
            supervisor=_text(payload, "supervisor"),
            store=_text(payload, "store"),
            resolves=_maybe_text(payload, "resolves"),
            business_day=_business_day(payload),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class PointsGranted(TerminalEvent):
    """Points a store gives a member from its budget at the ledger (branch stores): granted
    online first under ``request_id``; sync/server/push/handlers.py takes that grant once."""

    KIND: ClassVar[str] = "points_granted"

    member_id: str
    points: int
    reason: str
    request_id: str  # the ledger's authorisation of the grant, by this terminal
    cashier: str
    store: str

    @classmethod
    def from_payload(cls, payload: Wire) -> Self:
        return cls(
            member_id=_text(payload, "member_id"),
            points=amount(payload, "points"),
            reason=_text(payload, "reason"),
            request_id=_text(payload, "request_id"),
            cashier=_text(payload, "cashier"),
            store=_text(payload, "store"),
            business_day=_business_day(payload),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class PlusSold(TerminalEvent):
    KIND: ClassVar[str] = "plus_sold"

    member_id: str
    starts_on: date
    ends_on: date
    fee_fen: int
    store: str
    cashier: str
    coupons_issued: tuple[str, ...]
    coupons: tuple[Wire, ...]
    # Branch plus; absent in older terminals' sales. The fee by growth and the standard one,
    # the sales channel (counter, or an activation code's: bank, airline, cobrand,
    # corporate), the code (its hash, last four, batch) and the partner entitlements issued.
    standard_fee_fen: int | None = None
    growth: int | None = None
    channel: str | None = None
    activation: Wire | None = None
    entitlements: tuple[Wire, ...] | None = None
    OPTIONAL: ClassVar[frozenset[str]] = frozenset(
        {BUSINESS_DAY, "standard_fee_fen", "growth", "channel", "activation", "entitlements"}
    )

    @classmethod
    def from_payload(cls, payload: Wire) -> Self:
        ends = _day(payload, "ends_on")
        try:
            starts = _day(payload, "starts_on")
        except BadPayload:
            starts = ends  # the ledger acts on the end only
        return cls(
            member_id=_text(payload, "member_id"),
            starts_on=starts,
            ends_on=ends,
            fee_fen=payload["fee_fen"] if isinstance(payload.get("fee_fen"), int) else 0,
            store=_text(payload, "store"),
            cashier=_text(payload, "cashier"),
            coupons_issued=_texts(payload, "coupons_issued"),
            coupons=_documents(payload, "coupons"),
            business_day=_business_day(payload),
            standard_fee_fen=_maybe_int(payload, "standard_fee_fen"),
            growth=_maybe_int(payload, "growth"),
            channel=_maybe_text(payload, "channel"),
            activation=_document(payload, "activation"),
            entitlements=(
                _documents(payload, "entitlements") if "entitlements" in payload else None
            ),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class CouponIssued(TerminalEvent):
    KIND: ClassVar[str] = "coupon_issued"

    member_id: str
    coupon: str
    template: str
    valid_until: str
    coupons: tuple[Wire, ...]  # what every kind that gives coupons carries

    @classmethod
    def from_payload(cls, payload: Wire) -> Self:
        return cls(
            member_id=_text(payload, "member_id"),
            coupon=_text(payload, "coupon"),
            template=_text(payload, "template"),
            valid_until=_text(payload, "valid_until"),
            coupons=_documents(payload, "coupons"),
            business_day=_business_day(payload),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class MemberEnrolled(TerminalEvent):
    KIND: ClassVar[str] = "member_enrolled"

    member_id: str
    phone: str
    name: str
    birthday: date | None
    consent: bool
    store: str
    enrolled_on: date
    # Branch growth; absent when not given. The member the new member named as their
    # referrer (the ledger keeps it when that member exists), and the new-member coupon pack.
    referrer: str | None = None
    coupons: tuple[Wire, ...] | None = None
    OPTIONAL: ClassVar[frozenset[str]] = frozenset({BUSINESS_DAY, "referrer", "coupons"})

    @classmethod
    def from_payload(cls, payload: Wire) -> Self:
        member_id, phone = _text(payload, "member_id"), _text(payload, "phone")
        if not member_id or not phone:
            raise BadPayload("An enrollment needs a member id and a phone.", field="member_id")
        try:
            birthday = date.fromisoformat(payload["birthday"]) if payload.get("birthday") else None
            enrolled_on = date.fromisoformat(str(payload.get("enrolled_on")))
        except (TypeError, ValueError):
            raise BadPayload(
                "enrolled_on and birthday must be dates.", field="enrolled_on"
            ) from None
        return cls(
            member_id=member_id,
            phone=phone,
            name=_text(payload, "name"),
            birthday=birthday,
            consent=bool(payload.get("consent")),
            store=_text(payload, "store"),
            enrolled_on=enrolled_on,
            business_day=_business_day(payload),
            referrer=_maybe_text(payload, "referrer"),
            coupons=_documents(payload, "coupons") if "coupons" in payload else None,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Activity(TerminalEvent):
    """Growth from more than buying (branch growth): a review of a purchase (``receipt``) or
    a check-in at the service desk, with the points the counter gave; the ledger counts it
    in the member's day within the rule book's cap (sync/server/growth.py)."""

    KIND: ClassVar[str] = "activity"

    member_id: str
    activity: str  # review, checkin
    receipt: str | None  # the purchase reviewed; None: a check-in
    points: int
    store: str

    @classmethod
    def from_payload(cls, payload: Wire) -> Self:
        return cls(
            member_id=_text(payload, "member_id"),
            activity=_text(payload, "activity"),
            receipt=_maybe_text(payload, "receipt"),
            points=amount(payload, "points"),
            store=_text(payload, "store"),
            business_day=_business_day(payload),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class RealNameVerified(TerminalEvent):
    """A supervisor checked the member's ID document (branch growth): only a salted hash of
    the number and its last four characters travel."""

    KIND: ClassVar[str] = "real_name_verified"

    member_id: str
    id_hash: str
    id_last4: str
    supervisor: str
    store: str

    @classmethod
    def from_payload(cls, payload: Wire) -> Self:
        return cls(
            member_id=_text(payload, "member_id"),
            id_hash=_text(payload, "id_hash"),
            id_last4=_text(payload, "id_last4"),
            supervisor=_text(payload, "supervisor"),
            store=_text(payload, "store"),
            business_day=_business_day(payload),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class ReferralRewarded(TerminalEvent):
    """The referrer's (``member_id``) points at the first purchase of the member they
    referred (``referee``; branch growth); once per referee at the ledger."""

    KIND: ClassVar[str] = "referral_rewarded"

    member_id: str
    referee: str
    points: int
    store: str

    @classmethod
    def from_payload(cls, payload: Wire) -> Self:
        return cls(
            member_id=_text(payload, "member_id"),
            referee=_text(payload, "referee"),
            points=amount(payload, "points"),
            store=_text(payload, "store"),
            business_day=_business_day(payload),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class BenefitGiven(TerminalEvent):
    """A lifecycle benefit (birthday, win-back, a medal level's coupon; branch growth) with
    its period (app.domain.benefits): once per member and period at any counter."""

    KIND: ClassVar[str] = "benefit_given"

    member_id: str
    benefit: str
    period: str
    points: int
    coupons: tuple[Wire, ...]
    store: str

    @classmethod
    def from_payload(cls, payload: Wire) -> Self:
        return cls(
            member_id=_text(payload, "member_id"),
            benefit=_text(payload, "benefit"),
            period=_text(payload, "period"),
            points=amount(payload, "points"),
            coupons=_documents(payload, "coupons"),
            store=_text(payload, "store"),
            business_day=_business_day(payload),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Expire(TerminalEvent):
    """The terminal's own expiry of a member's lapsed lots (the ledger runs its own)."""

    KIND: ClassVar[str] = "expire"

    member_id: str
    points: int
    day: date

    @classmethod
    def from_payload(cls, payload: Wire) -> Self:
        return cls(
            member_id=_text(payload, "member_id"),
            points=amount(payload, "points"),
            day=_day(payload, "day"),
            business_day=_business_day(payload),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class CodeAccepted(TerminalEvent):
    """A terminal took a member's phone code for one 30-second step."""

    KIND: ClassVar[str] = "code_accepted"

    member_id: str
    step: int
    key_id: str

    @classmethod
    def from_payload(cls, payload: Wire) -> Self:
        return cls(
            member_id=_text(payload, "member_id"),
            step=amount(payload, "step"),
            key_id=_text(payload, "key_id"),
            business_day=_business_day(payload),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckpointApplied(TerminalEvent):
    """The terminal switched to a ledger checkpoint (its own record; the ledger ignores it)."""

    KIND: ClassVar[str] = "checkpoint_applied"

    cursor: int
    applied_through_seq: int

    @classmethod
    def from_payload(cls, payload: Wire) -> Self:
        return cls(
            cursor=amount(payload, "cursor"),
            applied_through_seq=amount(payload, "applied_through_seq"),
            business_day=_business_day(payload),
        )


KINDS: dict[str, type[TerminalEvent]] = {
    kind.KIND: kind
    for kind in (
        Purchase,
        Redeem,
        RedeemUndone,
        Refund,
        Adjust,
        PointsGranted,
        PlusSold,
        CouponIssued,
        MemberEnrolled,
        Activity,
        RealNameVerified,
        ReferralRewarded,
        BenefitGiven,
        Expire,
        CodeAccepted,
        CheckpointApplied,
    )
}

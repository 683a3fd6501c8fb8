"""A purchase at the ledger: checked and recomputed before the members' locks, applied
under them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app.domain import event_kinds
from app.domain.plus import is_plus
from app.domain.quote import Shopper, points_earned
from app.domain.rulebook import RuleBook, Tier
from sync.protocol import WireEvent
from sync.server.clearing import receipt_text
from sync.server.plus_events import medal_levels
from sync.server.push.fields import Rejection, business_day_of, expiry_of, typed
from sync.server.push.state import Apply, Batch, MemberState


@dataclass(frozen=True, slots=True)
class Purchase:
    """What a purchase needs that does not depend on the member's state at the ledger: its
    checked figures and, where it can be known before the member is locked, the points the
    rule book gives."""

    event: event_kinds.Purchase
    used: int
    earned: int
    day: date
    rules: RuleBook | None
    payable: int
    expires: date | None
    tier: Tier | None  # None: the rule book does not know the terminal's tier
    plus: bool | None  # None: the terminal did not say; the member's PLUS at the event
    want: int | None  # the rule book's points, when ``plus`` is known


def purchase_inputs(batch: Batch, event: WireEvent, payload: dict[str, Any]) -> Purchase:
    """A purchase's checks, in the order a rejection names them, and what the rule book
    gives when that does not depend on the member. Raises the purchase's Rejection."""
    purchase = typed(event_kinds.Purchase, payload)
    used, earned, payable = purchase.points_used, purchase.points_earned, purchase.payable_fen
    day = business_day_of(batch, event, payload)
    rules = batch.rule_book(purchase.rule_book_version) or batch.rule_book()
    expires = expiry_of(day, rules)
    tier: Tier | None = None
    plus = purchase.plus
    want = None
    if rules is not None:
        try:
            tier = rules.tier(purchase.tier or rules.tiers[0].code)
        except KeyError:
            tier = None
        if tier is not None and plus is not None:
            want = _points_wanted(batch, rules, tier, plus, payable, day, purchase)
    return Purchase(purchase, used, earned, day, rules, payable, expires, tier, plus, want)


def _points_wanted(
    batch: Batch,
    rules: RuleBook,
    tier: Tier,
    plus: bool,
    payable: int,
    day: date,
    event: event_kinds.Purchase,
) -> int:
    # the medal levels the terminal used: campaigns may target them (sync/server/plus_events)
    levels = medal_levels({"medals": event.medals})
    shopper = Shopper(event.member_id, tier, plus, 0, levels)
    store = batch.terminal.store_code
    return points_earned(payable, shopper=shopper, store=store, day=day, rules=rules).total


def prepare_purchase(
    batch: Batch, event: WireEvent, payload: dict[str, Any] | Rejection
) -> Purchase | None:
    """A purchase's inputs before any lock; None when it will be rejected (or names no
    member): the checks then run again under the locks, in their order."""
    if not isinstance(payload, dict) or not payload.get("member_id"):
        return None
    try:
        return purchase_inputs(batch, event, payload)
    except Rejection:
        return None


def apply_purchase(
    batch: Batch,
    apply: Apply,
    member: MemberState,
    purchase: Purchase,
    today: date,
) -> None:
    # Nothing can reject the purchase from here on.
    batch.expire_due(member, today)
    batch.consume_hold(purchase.event.hold_id, purchase.event.request_id)
    apply.spend(member, "spend", purchase.used, today)
    apply.earn(member, "earn", purchase.earned, purchase.expires)
    pricing = None  # what the clearing needs to charge each campaign's funder
    if purchase.rules is not None and purchase.tier is not None:
        plus = purchase.plus
        plus = is_plus(member.plus_expires_on, purchase.day) if plus is None else plus
        pricing = (purchase.rules, purchase.tier, plus, purchase.payable, purchase.day)
    receipt = receipt_text(purchase.event.receipt_no)
    batch.funding.purchase(batch.at, apply.event.event_id, member.member_id, receipt,
                           apply.store_code, purchase.earned, pricing)  # fmt: skip
    member.purchases += 1
    member.spend_365_fen += purchase.payable
    rules = purchase.rules
    if rules is None:
        return
    # Recompute with the domain the terminal used; a different figure is flagged, not
    # refused: the receipt was printed and the customer has left.
    if purchase.tier is None:
        apply.flag("recompute_failed", member, f"unknown tier {purchase.event.tier or None!r}")
        return
    want = purchase.want
    if want is None:  # the terminal did not say PLUS: the member's PLUS on the day, as it is
        plus = is_plus(member.plus_expires_on, purchase.day)
        want = _points_wanted(
            batch, rules, purchase.tier, plus, purchase.payable, purchase.day, purchase.event
        )
    if want != purchase.earned:
        apply.flag(
            "recompute_mismatch",
            member,
            f"terminal awarded {purchase.earned} points; rule book v{rules.version} gives {want}",
            purchase.earned - want,
        )

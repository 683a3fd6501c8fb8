"""What each event kind does to the batch: a table from kind to handler."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.domain import event_kinds as kinds
from sync.protocol import WireEvent
from sync.server import growth, plus_events, undo
from sync.server.budgets import GRANT_KIND, GrantRefused
from sync.server.clearing import receipt_text
from sync.server.push.fields import Rejection, business_day_of, expiry_of, typed
from sync.server.push.purchase import Purchase, apply_purchase, purchase_inputs
from sync.server.push.state import Apply, Batch, MemberState


def apply_event(
    batch: Batch,
    event: WireEvent,
    payload: dict[str, Any] | Rejection,
    purchase: Purchase | None = None,
) -> None:
    """Apply one event to the batch, or raise a Rejection having changed nothing."""
    if isinstance(payload, Rejection):
        raise payload
    terminal = batch.terminal
    store = str(payload.get("store", terminal.store_code))
    if store != terminal.store_code:
        raise Rejection(
            "wrong_store",
            f"Terminal {terminal.terminal_id} writes for store {terminal.store_code}, not {store}.",
        )
    kind = event.kind
    memberless = _MEMBERLESS.get(kind)
    if memberless is not None:
        memberless(batch, event, payload)
        return
    member_id = payload.get("member_id")
    member = batch.members.get(str(member_id)) if member_id else None
    if member is None and kind == "coupon_issued":
        return  # as before coupons were the ledger's: never a rejection
    if member is None:
        raise Rejection("unknown_member", f"No member {member_id!r} at the ledger.")
    handling = HANDLERS.get(kind)
    if handling is None:
        raise Rejection("unknown_kind", f"The ledger does not know events of kind {kind!r}.")
    apply = Apply(batch, event, terminal.store_code)
    today = batch.today()
    day = handling.handle(apply, member, payload, purchase, today)
    if not handling.profile:
        return
    # Nothing can reject the event any more: its buckets and coupons (sync/server/profile.py).
    batch.profile.take(
        batch.session,
        group_members=(m for m, found in batch.members.items() if found is not None),
        today=today,
        member_id=member.member_id,
        kind=kind,
        payload=payload,
        day=day,
        terminal_id=batch.terminal.terminal_id,
        event_id=event.event_id,
        flag=lambda flag_kind, detail, points: apply.flag(flag_kind, member, detail, points),
    )
    batch.touched.add(member.member_id)


# A handler applies its event to the member, or raises a Rejection having changed nothing;
# it returns the business day whose buckets the event changes (None: no bucket changes).
Handler = Callable[[Apply, MemberState, dict[str, Any], Purchase | None, date], date | None]


@dataclass(frozen=True, slots=True)
class Handling:
    handle: Handler
    profile: bool = True  # False: the member's buckets, coupons and cursor stay as they are


def _coupon_issued(
    apply: Apply,
    member: MemberState,
    payload: dict[str, Any],
    purchase: Purchase | None,
    today: date,
) -> date | None:
    return None  # its coupon joins the mall's (ProfileBook.take)


def _purchase(
    apply: Apply,
    member: MemberState,
    payload: dict[str, Any],
    purchase: Purchase | None,
    today: date,
) -> date | None:
    inputs = purchase or purchase_inputs(apply.batch, apply.event, payload)
    apply_purchase(apply.batch, apply, member, inputs, today)
    return inputs.day


def _redeem(
    apply: Apply,
    member: MemberState,
    payload: dict[str, Any],
    purchase: Purchase | None,
    today: date,
) -> date | None:
    redeem = typed(kinds.Redeem, payload)
    apply.batch.expire_due(member, today)
    apply.batch.consume_hold(redeem.hold_id, redeem.request_id)
    apply.spend(member, "redeem", redeem.points, today)
    return None


def _refund(
    apply: Apply,
    member: MemberState,
    payload: dict[str, Any],
    purchase: Purchase | None,
    today: date,
) -> date | None:
    batch = apply.batch
    refund = typed(kinds.Refund, payload)
    day = business_day_of(batch, apply.event, payload)
    expires = expiry_of(day, batch.rule_book())
    batch.expire_due(member, today)
    apply.spend(member, "refund_earn", refund.points_clawed_back, today)
    batch.funding.refund(batch.session, batch.at, apply.event.event_id, member.member_id,
                         receipt_text(refund.receipt_no), apply.store_code,
                         refund.points_clawed_back)  # fmt: skip
    apply.earn(member, "refund_spend", refund.points_returned, expires)
    return day


def _adjust(
    apply: Apply,
    member: MemberState,
    payload: dict[str, Any],
    purchase: Purchase | None,
    today: date,
) -> date | None:
    batch = apply.batch
    points = typed(kinds.Adjust, payload).points
    if points > 0:
        expires = expiry_of(business_day_of(batch, apply.event, payload), batch.rule_book())
        batch.expire_due(member, today)
        apply.earn(member, "adjust", points, expires)
    else:
        batch.expire_due(member, today)
        apply.spend(member, "adjust", -points, today)
    return None


def _points_granted(
    apply: Apply,
    member: MemberState,
    payload: dict[str, Any],
    purchase: Purchase | None,
    today: date,
) -> date | None:
    """A store's points from its budget (sync/server/budgets.py): only as authorised for this
    terminal, once; the store is charged for them in the clearing."""
    batch, event_id = apply.batch, apply.event.event_id
    points = typed(kinds.PointsGranted, payload).points
    try:
        batch.grants.take(batch.session, batch.terminal.terminal_id, payload, member.member_id,
                          points, event_id)  # fmt: skip
    except GrantRefused as refused:
        raise Rejection(refused.code, refused.reason) from None
    expires = expiry_of(business_day_of(batch, apply.event, payload), batch.rule_book())
    batch.expire_due(member, today)
    apply.earn(member, "grant", points, expires)
    batch.funding.grant(batch.at, event_id, member.member_id, apply.store_code, points)
    return None


def _plus_sold(
    apply: Apply,
    member: MemberState,
    payload: dict[str, Any],
    purchase: Purchase | None,
    today: date,
) -> date | None:
    ends = typed(kinds.PlusSold, payload).ends_on
    refused = plus_events.take_plus_sold(  # its activation code and partner entitlements
        apply.batch.session,
        terminal_id=apply.batch.terminal.terminal_id,
        event_id=apply.event.event_id,
        member_id=member.member_id,
        payload=payload,
    )
    if refused is not None:
        raise Rejection("plus_code_unclaimed", refused)
    apply.batch.expire_due(member, today)
    if member.plus_expires_on is None or ends > member.plus_expires_on:
        member.plus_expires_on = ends
    return None


def _code_accepted(
    apply: Apply,
    member: MemberState,
    payload: dict[str, Any],
    purchase: Purchase | None,
    today: date,
) -> date | None:
    """A terminal took a phone's code for one 30-second step. Each terminal refuses a step it
    already took; the same step taken at a second terminal is a copied code: flag it."""
    batch = apply.batch
    step = typed(kinds.CodeAccepted, payload).step
    terminal_id, event_id = batch.terminal.terminal_id, apply.event.event_id
    earlier = batch.code_step(member.member_id, step)
    if earlier is None:
        batch.code_steps[(member.member_id, step)] = (terminal_id, event_id)
        batch.new_code_steps.append(
            {
                "member_id": member.member_id,
                "step": step,
                "terminal_id": terminal_id,
                "event_id": event_id,
            }
        )
    elif earlier[1] != event_id:
        apply.flag(
            "code_replay",
            member,
            f"The phone code of step {step} was accepted at terminal {earlier[0]} "
            f"and again at terminal {terminal_id}: a copied code (screenshot?).",
        )
    return None


# What a member's row holds (sync/server/models.py): longer text, or a control character
# (PostgreSQL cannot store a NUL), is a business rejection, never a database error that
# would fail the push and block the terminal's queue.
_ENROLL_LIMITS = {"member_id": 32, "phone": 20, "name": 80, "store": 32}
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _check_enrollment_text(payload: dict[str, Any]) -> None:
    for key, limit in _ENROLL_LIMITS.items():
        value = payload.get(key)
        if value is not None and (
            not isinstance(value, str) or len(value) > limit or _CONTROL.search(value)
        ):
            raise Rejection(
                "bad_payload", f"{key} must be text of at most {limit} printable characters."
            )


def _enroll(batch: Batch, event: WireEvent, payload: dict[str, Any]) -> None:
    _enroll_member(batch, payload)
    # growth: the new-member coupon pack registered, the referrer kept
    growth.enrolled(batch, event.event_id, payload)


def _enroll_member(batch: Batch, payload: dict[str, Any]) -> None:
    _check_enrollment_text(payload)
    enrolled = typed(kinds.MemberEnrolled, payload)
    member_id, phone = enrolled.member_id, enrolled.phone
    existing = batch.members.get(member_id)
    if existing is not None:
        if existing.row["phone"] != phone:
            raise Rejection("duplicate_member", f"Member {member_id} exists with another phone.")
        return
    if batch.phone_taken(phone):
        raise Rejection(
            "duplicate_phone",
            "Another member already has this phone number; the service desk should merge them.",
        )
    row = {
        "member_id": member_id,
        "phone": phone,
        "name": enrolled.name or member_id,
        "birthday": enrolled.birthday,
        "enrolled_on": enrolled.enrolled_on,
        "home_store": enrolled.store,
        "plus_expires_on": None,
        "status": "active",
        "growth": 0,
        "points": 0,
        "overdraft": 0,
        "spend_365_fen": 0,
        "purchases": 0,
    }
    batch.members[member_id] = MemberState.of(row, {}, new=True)
    batch.phones.add(phone)
    batch.touched.add(member_id)  # a new member gets a cursor, as any changed member


def _ignore(batch: Batch, event: WireEvent, payload: dict[str, Any]) -> None:
    """The terminal's own view (its expiry, the checkpoints it took): the ledger keeps its own."""


# Kinds that name no member the ledger must know.
_MEMBERLESS: dict[str, Callable[[Batch, WireEvent, dict[str, Any]], None]] = {
    "expire": _ignore,
    "checkpoint_applied": _ignore,
    "member_enrolled": _enroll,
}
# Kinds applied to a member the ledger has.
HANDLERS: dict[str, Handling] = {
    "coupon_issued": Handling(_coupon_issued),
    "purchase": Handling(_purchase),
    "redeem": Handling(_redeem),
    undo.KIND: Handling(undo.apply_redeem_undone),  # pick: an undone redemption
    "refund": Handling(_refund),
    "adjust": Handling(_adjust),
    GRANT_KIND: Handling(_points_granted),  # stores: a grant from the store's budget
    "plus_sold": Handling(_plus_sold),
    "code_accepted": Handling(_code_accepted, profile=False),
    # growth: activity, real_name_verified, referral_rewarded, benefit_given
    **{kind: Handling(growth.handle) for kind in growth.KINDS},
}

"""The ledger's side of growth from more than buying and of lifecycle benefits.

Event kinds (each carries its member and business day):
- ``activity``: a review of a purchase or a check-in at the service desk, with the points the
  counter gave. Counted in the member's day bucket; refused (``daily_cap``) past the rule
  book's cap for the day, from whichever counters; a purchase is reviewed once.
- ``real_name_verified``: a supervisor checked the document; the event carries only a salted
  hash of the ID number and its last four characters.
- ``referral_rewarded``: the referrer's points when the member they named at enrolment first
  bought; once per new member, and only for the referrer the enrolment named.
- ``benefit_given``: a birthday benefit, a win-back coupon or a medal level's
  coupon, with its period (``app.domain.benefits``); once per member and period at any
  counter (``already_given``).
An enrolment (``member_enrolled``) carries the new-member coupon pack (``coupons``, registered
with the member) and may name a ``referrer``: kept when that member exists.
Once-only is a claim row per key (``GrowthClaim``), checked and written inside the push.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, func, insert, select, update

from app.domain.benefits import BENEFITS, claim_key
from app.domain.profile import counted
from sync.server.models import Flag, FlagResolution, GrowthClaim, Member

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sync.server.push.purchase import Purchase
    from sync.server.push.state import Apply, Batch, MemberState

KINDS = ("activity", "real_name_verified", "referral_rewarded", "benefit_given")
# Flags that speak of the member's conduct (a copied phone code, a coupon used twice), not of
# a counter's: while open, each takes growth.per_risk_flag off the reputation dimension.
RISK_KINDS = ("code_replay", "coupon_reused")
CLAIMS = cast(Table, GrowthClaim.__table__)
MEMBERS = cast(Table, Member.__table__)
MAX_POINTS = 1_000_000  # what one activity or benefit may give
_LAST4 = re.compile(r"[0-9]{3}[0-9X]")
_PERIOD = re.compile(r"[A-Za-z0-9._-]{1,40}")


def _rejection(code: str, reason: str) -> Exception:
    # The push package dispatches here (and its batch imports RISK_KINDS): imported when used.
    from sync.server.push.fields import Rejection

    return Rejection(code, reason)


def handle(
    step: Apply,
    member: MemberState,
    payload: dict[str, Any],
    purchase: Purchase | None,
    today: date,
) -> date | None:
    """The push's handler of every kind in ``KINDS`` (sync/server/push/handlers.py)."""
    from sync.server.push.fields import business_day_of

    return apply(
        step.batch, step, member, payload, business_day_of(step.batch, step.event, payload)
    )


def enrolled(batch: Batch, event_id: str, payload: dict[str, Any]) -> None:
    """Register the enrolment's new-member coupon pack and keep the referrer it names, when
    that member exists (an unknown one is dropped: the enrolment is never refused for it)."""
    referrer = payload.get("referrer")
    member = batch.members.get(str(payload.get("member_id") or ""))
    if member is None or not member.new or "referrer_id" in member.row:
        return
    # every new row names every column: the new members are inserted together
    member.row.update(referrer_id=None, id_hash=None, id_last4=None, credit_score=None)
    batch.profile.take(
        batch.session,
        group_members=batch_members(batch),
        today=batch.today(),
        member_id=member.member_id,
        kind="member_enrolled",
        payload=payload,
        day=None,
        terminal_id=batch.terminal.terminal_id,
        event_id=event_id,
        flag=lambda _kind, _detail, _points: None,  # an enrolment uses no coupon
    )
    if not isinstance(referrer, str) or referrer == member.member_id:
        return
    known = batch.members.get(referrer) is not None or (
        batch.session.scalar(select(MEMBERS.c.member_id).where(MEMBERS.c.member_id == referrer))
        is not None
    )
    if known:
        member.row["referrer_id"] = referrer


def apply(
    batch: Batch, step: Apply, member: MemberState, payload: dict[str, Any], day: date
) -> date | None:
    """Apply one growth event, or raise a Rejection having changed nothing. Returns the
    business day whose bucket it counts in (None: it counts in none)."""
    kind = step.event.kind
    if kind == "real_name_verified":
        _real_name(batch, member, payload)
        return None
    points = payload.get("points", 0)
    if not isinstance(points, int) or isinstance(points, bool) or not 0 <= points <= MAX_POINTS:
        raise _rejection("bad_payload", f"points must be a whole number 0 to {MAX_POINTS}.")
    rules = batch.rule_book()
    if kind == "activity":
        key = _activity_claim(batch, member, payload, day)
    elif kind == "referral_rewarded":
        key = _referral_claim(batch, member, payload)
    else:
        benefit, period = payload.get("benefit"), payload.get("period")
        if benefit not in BENEFITS or not isinstance(period, str) or not _PERIOD.fullmatch(period):
            raise _rejection("bad_payload", "benefit and period must name a lifecycle benefit.")
        key = claim_key(str(benefit), member.member_id, period)
    from sync.server.push.fields import expiry_of

    expires = expiry_of(day, rules)  # may refuse the event: before the claim is written
    _claim(batch, key, member.member_id, step.event.event_id)
    batch.expire_due(member, batch.today())
    step.earn(member, kind if kind != "referral_rewarded" else "referral", points, expires)
    return day


def _activity_claim(batch: Batch, member: MemberState, payload: dict[str, Any], day: date) -> str:
    name = payload.get("activity")
    rules = batch.rule_book()
    rule = rules.activity.get(str(name)) if rules is not None else None
    if rule is None or name == "referral":
        raise _rejection("bad_payload", f"{name!r} is not an activity the rule book rewards.")
    done = batch.profile.count_on(
        batch.session,
        batch_members(batch),
        batch.today(),
        member.member_id,
        day,
        counted(str(name)),
    )
    if done >= rule.daily_cap:
        raise _rejection(
            "daily_cap", f"The member already has {done} {name}(s) on {day}: the day's cap."
        )
    if name != "review":
        return claim_key(str(name), member.member_id, f"{day.isoformat()}.{done + 1}")
    receipt = payload.get("receipt")
    if not isinstance(receipt, str) or not _PERIOD.fullmatch(receipt):
        raise _rejection("bad_payload", "A review names the receipt of the purchase.")
    return claim_key("review", member.member_id, f"{batch.terminal.terminal_id}.{receipt}")


def _referral_claim(batch: Batch, member: MemberState, payload: dict[str, Any]) -> str:
    referee = payload.get("referee")
    row = (
        batch.session.execute(
            select(MEMBERS.c.referrer_id).where(MEMBERS.c.member_id == referee)
        ).first()
        if isinstance(referee, str)
        else None
    )
    new = batch.members.get(str(referee))
    referrer = new.row.get("referrer_id") if new is not None else (row[0] if row else None)
    if referrer != member.member_id:
        raise _rejection(
            "not_referred", f"Member {referee!r} was not referred by {member.member_id}."
        )
    return claim_key("referral", str(referee), "once")


def _claim(batch: Batch, key: str, member_id: str, event_id: str) -> None:
    """Refuse a second claim of ``key``; else record it (in this push's transaction)."""
    taken = key in batch.claims or (
        batch.session.scalar(select(CLAIMS.c.claim).where(CLAIMS.c.claim == key)) is not None
    )
    if taken:
        raise _rejection("already_given", f"{key} was given already (at this or another counter).")
    batch.claims.add(key)
    batch.session.execute(insert(CLAIMS).values(claim=key, member_id=member_id, event_id=event_id))


def _real_name(batch: Batch, member: MemberState, payload: dict[str, Any]) -> None:
    digest, last4 = payload.get("id_hash"), payload.get("id_last4")
    if (
        not isinstance(digest, str)
        or "$" not in digest
        or len(digest) > 200
        or not isinstance(last4, str)
        or not _LAST4.fullmatch(last4)
    ):
        raise _rejection("bad_payload", "A verification carries id_hash and id_last4 only.")
    member.row["id_hash"], member.row["id_last4"] = digest, last4
    batch.session.execute(
        update(MEMBERS)
        .where(MEMBERS.c.member_id == member.member_id)
        .values(id_hash=digest, id_last4=last4)
    )


def batch_members(batch: Batch) -> list[str]:
    return [m for m, found in batch.members.items() if found is not None]


def open_risk_flags(session: Session, member_ids: list[str]) -> dict[str, int]:
    """The members' open risk flags (``RISK_KINDS``, not resolved), by member id."""
    if not member_ids:
        return {}
    resolved = select(FlagResolution.flag_id)
    rows = session.execute(
        select(Flag.member_id, func.count())
        .where(
            Flag.member_id.in_(member_ids),
            Flag.kind.in_(RISK_KINDS),
            Flag.flag_id.not_in(resolved),
        )
        .group_by(Flag.member_id)
    )
    return {str(member_id): int(count) for member_id, count in rows}

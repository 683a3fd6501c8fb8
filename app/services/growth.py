"""Growth from more than buying and lifecycle benefits at the counter and the service desk.

Each use case is one unit of work: its event, points, coupons and the member's day bucket
(``profile.counted``) commit together, and a retry with the same request id returns the first
result. Once-only rules are checked here against the member's buckets (the ledger's as of the
last checkpoint and this terminal's own); the ledger refuses a second claim from another
counter that was offline (sync/server/growth.py).
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import benefits
from app.domain.errors import BenefitNotDue, InvalidInput, RealNameRequired
from app.domain.event_kinds import Activity, RealNameVerified, ReferralRewarded
from app.domain.events import business_day
from app.domain.idcard import clean_id_number, id_proof, same_name
from app.domain.points import expiry_for
from app.domain.profile import counted, mark_delta
from app.services.common import audit, load_member, mask_name, post
from app.services.context import Actor, ServiceContext
from app.services.give import give
from app.services.idempotency import run_once
from app.services.members import profile_of
from app.services.views import Given
from app.store.cardread import MemberFacts, raw_connection
from app.store.models import Member, OutboxEvent, Purchase
from app.store.profiledays import add_own, counted_since


@dataclass(frozen=True)
class GivenList:
    given: list[Given] = field(default_factory=list)

    def __post_init__(self) -> None:  # a replayed result comes back as plain data
        plain = [g if isinstance(g, Given) else Given(**g) for g in self.given]
        object.__setattr__(self, "given", plain)


# ------------------------------------------------------------------------------- activity


def record_activity(
    ctx: ServiceContext,
    *,
    request_id: str,
    actor: Actor,
    member_id: str,
    activity: str,
    receipt_no: str | None = None,
) -> Given:
    """A review of a purchase (``receipt_no``) or a check-in at the service desk: its points
    and its count in the member's day, within the rule book's daily cap."""
    if activity not in ("review", "checkin"):
        raise InvalidInput("Record a review or a check-in.", field="activity")
    if activity == "review" and not receipt_no:
        raise InvalidInput("A review names the receipt of the purchase.", field="receipt_no")

    def work(session: Session) -> Given:
        load_member(session, member_id)
        now = ctx.now()
        today = business_day(now, ctx.timezone)
        if receipt_no is not None:
            _check_reviewable(session, member_id, receipt_no)
        done = counted_since(raw_connection(session), member_id, counted(activity), today)
        rule = benefits.activity_rule(activity, done, ctx.rules)
        posting = post(
            session,
            Activity(
                member_id=member_id,
                activity=activity,
                receipt=receipt_no,
                points=rule.points,
                store=ctx.store_code,
            ),
            request_id=request_id,
            member_id=member_id,
            now=now,
            zone=ctx.timezone,
        )
        posting.credit("activity", rule.points, expiry_for(today, ctx.rules.points))
        add_own(raw_connection(session), member_id, [mark_delta(today, activity)], today)
        audit(
            session,
            actor=actor,
            action=activity,
            now=now,
            member_id=member_id,
            request_id=request_id,
            receipt=receipt_no,
        )
        return Given(member_id, activity, rule.points, [], posting.event_id)

    return run_once(
        ctx,
        request_id=request_id,
        operation="activity",
        inputs={"member_id": member_id, "activity": activity, "receipt": receipt_no},
        result_type=Given,
        work=work,
    )


def _check_reviewable(session: Session, member_id: str, receipt_no: str) -> None:
    bought = session.get(Purchase, receipt_no)
    if bought is None or bought.member_id != member_id:
        raise BenefitNotDue(
            f"Receipt {receipt_no} is not a purchase of this member at this counter.",
            kind="no_purchase",
            receipt=receipt_no,
        )
    for (payload,) in session.execute(
        select(OutboxEvent.payload).where(
            OutboxEvent.member_id == member_id, OutboxEvent.kind == "activity"
        )
    ):
        if json.loads(payload).get("receipt") == receipt_no:
            raise BenefitNotDue(
                f"The purchase {receipt_no} was reviewed already.",
                kind="reviewed",
                receipt=receipt_no,
            )


# ---------------------------------------------------------------------------- real name


def verify_real_name(
    ctx: ServiceContext,
    *,
    request_id: str,
    actor: Actor,
    member_id: str,
    id_number: str,
    name_on_document: str,
) -> Given:
    """A supervisor checked the member's ID document: the number is validated (check digit)
    and the name compared; only a salted hash and the last four characters are kept."""
    actor.require("supervisor", "Verifying a real name")
    number = clean_id_number(id_number, ctx.today())

    def work(session: Session) -> Given:
        member = load_member(session, member_id)
        if not same_name(name_on_document, member.name):
            raise InvalidInput(
                f"The name on the document is not the member's ({mask_name(member.name)}): "
                "check the document, or correct the member's name first.",
                field="name_on_document",
            )
        proof = id_proof(number, secrets.token_bytes(16))
        now = ctx.now()
        posting = post(
            session,
            RealNameVerified(
                member_id=member_id,
                id_hash=proof.digest,
                id_last4=proof.last4,
                supervisor=actor.cashier_id,
                store=ctx.store_code,
            ),
            request_id=request_id,
            member_id=member_id,
            now=now,
            zone=ctx.timezone,
        )
        member.real_name_verified, member.id_last4 = True, proof.last4
        audit(
            session,
            actor=actor,
            action="verify_real_name",
            now=now,
            member_id=member_id,
            request_id=request_id,
            id_last4=proof.last4,
        )
        return Given(member_id, "real_name", 0, [], posting.event_id)

    return run_once(
        ctx,
        request_id=request_id,
        operation="verify_real_name",
        # a fingerprint of the number, never the number, in the stored request
        inputs={"member_id": member_id, "id_last4": number[-4:], "name": name_on_document},
        result_type=Given,
        work=work,
    )


def require_real_name(ctx: ServiceContext, member: Member | MemberFacts, points: int) -> None:
    """Above the rule book's threshold a redemption needs a verified real name."""
    limit = ctx.rules.real_name.required_above_points
    if limit and points > limit and not member.real_name_verified:
        raise RealNameRequired(
            f"Redeeming more than {limit} points needs the member's real name verified at "
            "the service desk (ID document and a supervisor).",
            points=points,
            limit=limit,
        )


# ----------------------------------------------------------------------------- benefits


def issue_winback(ctx: ServiceContext, *, request_id: str, actor: Actor, member_id: str) -> Given:
    """The win-back coupon the card offers a dormant or lost member, once per period."""

    def work(session: Session) -> Given:
        member = load_member(session, member_id)
        today = ctx.today()
        start, _ = benefits.winback_period(today, ctx.rules)
        given = counted_since(raw_connection(session), member_id, counted("winback"), start)
        stage = profile_of(ctx, session, member).stage
        due = benefits.winback(stage=stage, today=today, given_in_period=given, rules=ctx.rules)
        return give(ctx, session, member_id=member_id, due=due, request_id=request_id, actor=actor)

    return run_once(
        ctx,
        request_id=request_id,
        operation="winback",
        inputs={"member_id": member_id},
        result_type=Given,
        work=work,
    )


def visit(ctx: ServiceContext, *, request_id: str, actor: Actor, member_id: str) -> GivenList:
    """What is due at a member's visit, given at once: the birthday benefit (first visit of
    the birthday month), medal levels' coupons, and the referrer's reward when this member
    has made their first purchase. Nothing due: an empty list."""

    def work(session: Session) -> GivenList:
        member = load_member(session, member_id)
        today = ctx.today()
        connection = raw_connection(session)
        profile = profile_of(ctx, session, member)
        due: list[benefits.Due] = []
        year_start, _ = benefits.birthday_period(today)
        birthday = benefits.birthday(
            born=member.birthday,
            tier=profile.tier.tier.code,
            today=today,
            given_this_year=counted_since(connection, member_id, counted("birthday"), year_start),
            rules=ctx.rules,
        )
        if birthday is not None:
            due.append(birthday)
        given_medals = _own_periods(session, member_id, "medal")
        due += benefits.medal_coupons(profile.medals, frozenset(given_medals))
        gifts = [
            give(ctx, session, member_id=member_id, due=d, request_id=request_id, actor=actor)
            for d in due
        ]
        referral = _referral(ctx, session, member, profile.activity.purchases, request_id, actor)
        return GivenList(gifts + ([referral] if referral else []))

    return run_once(
        ctx,
        request_id=request_id,
        operation="visit",
        inputs={"member_id": member_id},
        result_type=GivenList,
        work=work,
    )


def _own_periods(session: Session, member_id: str, benefit: str) -> set[str]:
    found = set()
    for (payload,) in session.execute(
        select(OutboxEvent.payload).where(
            OutboxEvent.member_id == member_id, OutboxEvent.kind == "benefit_given"
        )
    ):
        body = json.loads(payload)
        if body.get("benefit") == benefit:
            found.add(str(body.get("period")))
    return found


def _referral(
    ctx: ServiceContext,
    session: Session,
    member: Member,
    purchases: int,
    request_id: str,
    actor: Actor,
) -> Given | None:
    """The referrer's reward at the referred member's first purchase (exactly one purchase
    in the mall-wide window, and none rewarded here before)."""
    referrer = member.referred_by
    if referrer is None or purchases != 1 or session.get(Member, referrer) is None:
        return None
    for (payload,) in session.execute(
        select(OutboxEvent.payload).where(
            OutboxEvent.member_id == referrer, OutboxEvent.kind == "referral_rewarded"
        )
    ):
        if json.loads(payload).get("referee") == member.member_id:
            return None
    now = ctx.now()
    today = business_day(now, ctx.timezone)
    rule = ctx.rules.activity.get("referral")
    if rule is None:
        return None
    posting = post(
        session,
        ReferralRewarded(
            member_id=referrer,
            referee=member.member_id,
            points=rule.points,
            store=ctx.store_code,
        ),
        request_id=request_id,
        member_id=referrer,
        now=now,
        zone=ctx.timezone,
    )
    posting.credit("referral", rule.points, expiry_for(today, ctx.rules.points))
    add_own(raw_connection(session), referrer, [mark_delta(today, "referral")], today)
    audit(
        session,
        actor=actor,
        action="referral",
        now=now,
        member_id=referrer,
        request_id=request_id,
        referee=member.member_id,
    )
    return Given(referrer, "referral", rule.points, [], posting.event_id)

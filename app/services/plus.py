"""Sell or renew PLUS, the paid yearly membership: at the counter for its fee (by the
member's growth), or for an activation code bought through another channel."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session

from app.domain.errors import LedgerUnavailable, PlusCodeRefused
from app.domain.event_kinds import PlusSold
from app.domain.plus import PlusTerm as Term
from app.domain.plus import is_plus, next_term
from app.domain.plus_codes import COUNTER, ClaimedCode, code_hash, normalise_code
from app.services.common import audit, load_member, post
from app.services.context import Actor, ServiceContext
from app.services.idempotency import earlier_result, run_once
from app.services.members import profile_of
from app.services.plus_offer import give_entitlements, give_monthly_coupons
from app.services.views import PlusResult
from app.store.models import PlusTerm


def sell_plus(ctx: ServiceContext, *, request_id: str, actor: Actor, member_id: str) -> PlusResult:
    return run_once(
        ctx,
        request_id=request_id,
        operation="sell_plus",
        inputs={"member_id": member_id},
        result_type=PlusResult,
        work=lambda session: _grant(ctx, session, request_id, actor, member_id, None),
    )


def activate_plus(
    ctx: ServiceContext, *, request_id: str, actor: Actor, member_id: str, code: str
) -> PlusResult:
    """PLUS for an activation code sold through another channel: claimed at the ledger first
    (online only: a code is a bearer voucher, and only the ledger knows whether another
    counter redeemed it), then the term is granted with no fee taken here."""
    normalised = normalise_code(code)
    inputs = {"member_id": member_id, "code_hash": code_hash(normalised)}
    earlier = earlier_result(
        ctx, request_id=request_id, operation="activate_plus", inputs=inputs, result_type=PlusResult
    )
    if earlier is not None:  # a retry: its first result, without asking the ledger again
        return earlier
    with ctx.read() as session:
        load_member(session, member_id)  # an unknown member is refused before any claim
    if ctx.plus_codes is None:
        raise PlusCodeRefused(
            "PLUS activation codes are redeemed with the mall's ledger; this terminal has none.",
            kind="standalone",
        )
    try:
        claimed = ctx.plus_codes.claim(normalised, member_id, request_id)
    except LedgerUnavailable:
        raise PlusCodeRefused(
            "The ledger cannot be reached, and an activation code is redeemed online only "
            "(it could have been used at another counter). Nothing was changed: try again "
            "when the ledger is back, or sell PLUS for its fee.",
            kind="offline",
        ) from None
    return run_once(
        ctx,
        request_id=request_id,
        operation="activate_plus",
        inputs=inputs,
        result_type=PlusResult,
        work=lambda session: _grant(ctx, session, request_id, actor, member_id, claimed),
    )


def _grant(
    ctx: ServiceContext,
    session: Session,
    request_id: str,
    actor: Actor,
    member_id: str,
    code: ClaimedCode | None,
) -> PlusResult:
    member = load_member(session, member_id)
    today = ctx.today()
    renewal = is_plus(member.plus_expires_on, today)
    growth = profile_of(ctx, session, member).tier.growth
    term = next_term(member.plus_expires_on, today, ctx.rules, growth=growth)
    if code is not None:  # the channel was paid; the code says how long
        term = Term(term.starts_on, term.starts_on + timedelta(days=code.validity_days - 1), 0)
    now = ctx.now()
    # This month's PLUS coupons, unless the member holds them already (an early renewal).
    given = give_monthly_coupons(
        ctx, session, member_id=member_id, plus_expires_on=term.ends_on, request_id=request_id
    )
    issued = [coupon.coupon_code for coupon in given]
    benefits = give_entitlements(ctx, session, member_id=member_id, request_id=request_id)
    channel = code.channel if code is not None else COUNTER
    activation = (
        {"code_hash": code.code_hash, "last4": code.last4, "batch": code.batch}
        if code is not None
        else None
    )
    posting = post(
        session,
        PlusSold(
            member_id=member_id,
            starts_on=term.starts_on,
            ends_on=term.ends_on,
            fee_fen=term.fee_fen,
            standard_fee_fen=ctx.rules.plus.fee_fen,  # the fee by growth may be lower
            growth=growth,
            channel=channel,
            store=ctx.store_code,
            cashier=actor.cashier_id,
            coupons_issued=tuple(issued),
            coupons=tuple(coupon.wire() for coupon in given),
            entitlements=tuple(benefit.wire() for benefit in benefits),
            activation=activation,
        ),
        request_id=request_id,
        member_id=member_id,
        now=now,
        zone=ctx.timezone,
    )
    session.add(
        PlusTerm(
            member_id=member_id,
            starts_on=term.starts_on,
            ends_on=term.ends_on,
            fee_fen=term.fee_fen,
            cashier_id=actor.cashier_id,
            request_id=request_id,
            created_at=now,
        )
    )
    member.plus_expires_on = term.ends_on  # the replica's view; the terms are the history
    audit(
        session,
        actor=actor,
        action="sell_plus" if code is None else "activate_plus",
        now=now,
        member_id=member_id,
        request_id=request_id,
        ends_on=term.ends_on.isoformat(),
        channel=channel,
    )
    return PlusResult(
        member_id,
        term.starts_on.isoformat(),
        term.ends_on.isoformat(),
        term.fee_fen,
        renewal,
        issued,
        posting.event_id,
        channel=channel,
        entitlements=[benefit.wire() for benefit in benefits],
    )

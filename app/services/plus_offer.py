"""PLUS at the counter beyond the sale: the saving the member sees (card, customer display,
receipt: one figure), this month's PLUS coupons (issued once per member and month) and the
partner benefits issued with a term."""

from __future__ import annotations

import sqlite3
from datetime import date

from sqlalchemy.orm import Session

from app.domain import entitlements
from app.domain.plus import is_plus, term_start
from app.domain.plus_offer import PlusSaving, monthly_coupons_due, plus_saving
from app.domain.profile import window_start
from app.services.context import ServiceContext
from app.services.coupons import give_coupon
from app.services.views import CouponIssued
from app.store.cardread import MemberFacts, TermStart
from app.store.models import Coupon, PlusEntitlement
from app.store.profiledays import read_window, spend_since


def term_start_of(ctx: ServiceContext) -> TermStart:
    """The first day of a member's running term that the profile still holds (a term longer
    than the 365-day window counts from the window's first day)."""
    today = ctx.today()

    def start(member: MemberFacts) -> date | None:
        if member.plus_expires_on is None or not is_plus(member.plus_expires_on, today):
            return None
        return max(term_start(member.plus_expires_on, ctx.rules), window_start(today))

    return start


def saving_of(
    ctx: ServiceContext, connection: sqlite3.Connection, member: MemberFacts
) -> PlusSaving:
    """The card's PLUS saving of the member, read again (the receipt prints this)."""
    today = ctx.today()
    since = term_start_of(ctx)(member)
    return plus_saving(
        plus_active=since is not None,
        last_12_months=read_window(connection, member.member_id, today).categories,
        this_term=spend_since(connection, member.member_id, since) if since else {},
        rules=ctx.rules,
    )


def give_monthly_coupons(
    ctx: ServiceContext,
    session: Session,
    *,
    member_id: str,
    plus_expires_on: date | None,
    request_id: str,
) -> list[CouponIssued]:
    """This month's PLUS coupons the member does not hold yet (at this counter, or from the
    ledger's last checkpoint). Their codes are the month's own: another counter issuing them
    offline issues the same coupons, which the ledger keeps once."""
    due = monthly_coupons_due(member_id, plus_expires_on, ctx.today(), ctx.rules)
    return [
        give_coupon(
            ctx,
            session,
            member_id=member_id,
            template_code=template,
            source="plus",
            request_id=request_id,
            code=code,
        )
        for template, code in due
        if session.get(Coupon, code) is None
    ]


def give_entitlements(
    ctx: ServiceContext, session: Session, *, member_id: str, request_id: str
) -> list[entitlements.Entitlement]:
    """One entitlement of each partner benefit the rule book issues (``plus.partner_benefits``
    given as objects), with a new code each: written here, told to the ledger by the caller's
    event."""
    today, now = ctx.today(), ctx.now()
    given = []
    for benefit in ctx.rules.plus.entitlements:
        code = entitlements.new_code()
        while session.get(PlusEntitlement, code) is not None:
            code = entitlements.new_code()
        issued = entitlements.issue(benefit, today, code)
        session.add(
            PlusEntitlement(
                code=code,
                member_id=member_id,
                benefit=benefit.code,
                name=benefit.name,
                partner=benefit.partner,
                valid_from=today,
                valid_until=date.fromisoformat(issued.valid_until),
                request_id=request_id,
                created_at=now,
            )
        )
        given.append(issued)
    return given

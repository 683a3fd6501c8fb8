"""Issue coupons to a member, and load one for use at checkout."""

from __future__ import annotations

import dataclasses
import secrets

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import coupons as domain
from app.domain import event_kinds
from app.domain.errors import CouponNotUsable, InvalidInput, LedgerUnavailable
from app.services.common import audit, load_member, post
from app.services.context import Actor, ServiceContext
from app.services.idempotency import run_once
from app.services.views import CouponIssued
from app.store.models import Coupon, CouponReturn, CouponUse

_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud at a counter


def new_coupon_code() -> str:
    return "C" + "".join(secrets.choice(_ALPHABET) for _ in range(9))


def load_coupon(ctx: ServiceContext, session: Session, code: str) -> domain.Coupon:
    row = session.get(Coupon, code.strip().upper())
    if row is None:
        raise CouponNotUsable(f"There is no coupon {code!r}.", coupon=code, kind="unknown")
    template = ctx.rules.coupon_template(row.template_code)
    if template is None:
        raise CouponNotUsable(
            f"Coupon {code} is from a campaign that has ended.", coupon=code, kind="ended"
        )
    # used once for every use not given back by a full refund
    uses = session.scalar(
        select(func.count(CouponUse.use_id)).where(CouponUse.coupon_code == row.coupon_code)
    )
    returns = session.scalar(
        select(func.count(CouponReturn.return_id)).where(
            CouponReturn.coupon_code == row.coupon_code
        )
    )
    # here, or at any counter as far as the ledger knew at the last checkpoint
    used = row.ledger_used or (uses or 0) > (returns or 0)
    return domain.Coupon(
        code=row.coupon_code,
        template=template,
        member_id=row.member_id,
        valid_from=row.valid_from,
        valid_until=row.valid_until,
        used=used,
    )


def check_with_ledger(ctx: ServiceContext, code: str) -> None:
    """Online, a coupon another counter used is refused at once (before the sale's
    transaction: the network is never waited on with the database locked). Offline, or for
    a coupon the ledger does not know yet, the replica decides (``load_coupon``); a coupon
    used at two counters offline is flagged by the ledger at sync."""
    if ctx.coupons is None:
        return
    wanted = code.strip().upper()
    try:
        used = ctx.coupons.used(wanted)
    except LedgerUnavailable:
        return
    if used:
        raise CouponNotUsable(
            f"Coupon {wanted} was already used (at this or another counter of the mall).",
            coupon=wanted,
        )


def give_coupon(
    ctx: ServiceContext,
    session: Session,
    *,
    member_id: str,
    template_code: str,
    source: str,
    request_id: str,
    code: str | None = None,
) -> CouponIssued:
    """Write the coupon row; the caller's event records it. ``code``: the coupon's own code
    when the rule derives it (a PLUS monthly coupon), else a new random one."""
    template = ctx.rules.coupon_template(template_code)
    if template is None:
        raise InvalidInput(f"There is no coupon template {template_code!r}.", field="template")
    start, until = domain.validity(template, ctx.today())
    if code is None:
        code = new_coupon_code()
        while session.get(Coupon, code) is not None:
            code = new_coupon_code()
    session.add(
        Coupon(
            coupon_code=code,
            member_id=member_id,
            template_code=template.code,
            valid_from=start,
            valid_until=until,
            source=source,
            request_id=request_id,
            created_at=ctx.now(),
        )
    )
    return CouponIssued(
        member_id, code, template.code, until.isoformat(), valid_from=start.isoformat()
    )


def issue_coupon(
    ctx: ServiceContext, *, request_id: str, actor: Actor, member_id: str, template_code: str
) -> CouponIssued:
    """A supervisor hands a member a coupon (a goodwill gesture, a win-back offer)."""
    actor.require("supervisor", "Giving a coupon")

    def work(session: Session) -> CouponIssued:
        load_member(session, member_id)
        issued = give_coupon(
            ctx,
            session,
            member_id=member_id,
            template_code=template_code,
            source="desk",
            request_id=request_id,
        )
        now = ctx.now()
        posting = post(
            session,
            event_kinds.CouponIssued(
                member_id=member_id,
                coupon=issued.coupon_code,
                template=template_code,
                valid_until=issued.valid_until,
                coupons=(issued.wire(),),  # what every kind that gives coupons carries
            ),
            request_id=request_id,
            member_id=member_id,
            now=now,
            zone=ctx.timezone,
        )
        audit(
            session,
            actor=actor,
            action="issue_coupon",
            now=now,
            member_id=member_id,
            request_id=request_id,
            coupon=issued.coupon_code,
        )
        return dataclasses.replace(issued, event_id=posting.event_id)

    return run_once(
        ctx,
        request_id=request_id,
        operation="issue_coupon",
        inputs={"member_id": member_id, "template": template_code},
        result_type=CouponIssued,
        work=work,
    )

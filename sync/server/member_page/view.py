"""The member's page: what every counter sees of the member, from the ledger's own reads
(``member_view``, ``profile``) and the same ``app/domain`` rules the terminals use."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from app.domain import codes
from app.domain.events import business_day
from app.domain.growth import growth_value
from app.domain.plus import is_plus
from app.domain.profile import MemberBasics
from app.domain.rulebook import DIMENSIONS, RuleBook
from sync.server import ledger, member_view, profile
from sync.server.member_page.models import (
    CouponView,
    Dimension,
    HistoryLine,
    MedalView,
    MemberPage,
    PageCredential,
    PlusView,
    PointsLot,
    PointsView,
    TierView,
)
from sync.server.models import Member

HISTORY = 30


def credential_view(credential: codes.DeviceCredential) -> PageCredential:
    return PageCredential(
        key_id=credential.key_id,
        member_id=credential.member_id,
        device_key=credential.device_key.hex(),
        expiry_day=(credential.expires_on - codes.EPOCH).days,
        expires_on=credential.expires_on.isoformat(),
        ledger_signature=credential.ledger_signature.hex(),
    )


def member_page(
    session: Session, member: Member, credential: codes.DeviceCredential, at: datetime
) -> MemberPage:
    seen = member_view.member_at_ledger(session, member.member_id, events=HISTORY, at=at)
    rules = ledger.rule_book(session)
    value = rules.points.value_fen_per_point if rules is not None else 0
    today = business_day(at, rules.zone(member.home_store)) if rules is not None else at.date()
    tier, medals, coupons = None, [], []
    if rules is not None:
        found, usable = profile.member_profile(
            session,
            member.member_id,
            MemberBasics(enrolled_on=member.enrolled_on, birthday=member.birthday),
            today,
            rules,
        )
        growth = growth_value(found.activity, rules)
        status = found.tier
        tier = TierView(
            code=status.tier.code,
            name=status.tier.name,
            growth=status.growth,
            progress_percent=status.progress_percent,
            benefits=list(status.tier.benefits),
            next_name=status.next_tier.name if status.next_tier else None,
            next_missing=status.missing,
            next_benefits=list(status.next_tier.benefits) if status.next_tier else [],
            dimensions=[Dimension(code=d, value=getattr(growth, d)) for d in DIMENSIONS],
        )
        medals = [
            MedalView(
                code=m.medal.code,
                name=m.medal.name,
                kind=m.medal.kind,
                level=m.level,
                levels=len(m.medal.levels),
                progress=m.progress,
                next_threshold=m.next_threshold,
            )
            for m in found.medals
        ]
        coupons = _coupons(usable, rules)
    return MemberPage(
        member_id=member.member_id,
        name=member.name,
        tier=tier,
        points=PointsView(
            balance=seen.points,
            value_fen=max(0, seen.points) * value,
            lots=[PointsLot(expires_on=lot.expires_on, points=lot.points) for lot in seen.lots],
        ),
        medals=medals,
        coupons=coupons,
        plus=PlusView(
            active=is_plus(member.plus_expires_on, today),
            expires_on=seen.plus_expires_on,
            benefits=_plus_benefits(rules),
        ),
        history=[
            HistoryLine(
                kind=e.kind,
                points=e.points,
                store_code=e.store_code,
                ledger_time=e.ledger_time,
                business_day=e.business_day,
            )
            for e in seen.events
        ],
        credential=credential_view(credential),
        ledger_time=int(at.timestamp()),
    )


def _coupons(usable: list[dict[str, object]], rules: RuleBook) -> list[CouponView]:
    found = []
    for coupon in usable:
        template = rules.coupon_template(str(coupon["template"]))
        found.append(
            CouponView(
                code=str(coupon["code"]),
                name=template.name if template else str(coupon["template"]),
                kind=template.kind if template else "gift",
                valid_until=str(coupon["valid_until"]),
            )
        )
    return found


def _plus_benefits(rules: RuleBook | None) -> list[str]:
    if rules is None:
        return []
    plus = rules.plus
    return [
        f"{plus.points_multiplier_percent / 100:g}x points",
        f"{plus.extra_discount_percent}% off",
        *(f"{pct}% off {cat}" for cat, pct in plus.category_discounts.items()),
        *plus.partner_benefits,
    ]

"""Enroll a member, identify one, and build the member card the counter shows."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import DuplicateMember, InvalidInput, UnknownMember
from app.domain.event_kinds import MemberEnrolled
from app.domain.plus import fee_for, is_plus
from app.domain.plus_offer import plus_saving, renewal_prompt
from app.domain.profile import MemberBasics, Profile, derive
from app.domain.rulebook import DIMENSIONS
from app.domain.stores import scope_name, scope_of
from app.services.common import (
    audit,
    clean_phone,
    find_member_id,
    iso,
    mask_name,
    mask_phone,
    post,
)
from app.services.context import Actor, ServiceContext
from app.services.give import welcome_pack
from app.services.idempotency import run_once
from app.services.plus_offer import term_start_of
from app.services.views import (
    CouponView,
    EnrollResult,
    MedalView,
    MemberCard,
    ScopePointsView,
    TopCategory,
)
from app.store.cardread import CardFacts, MemberFacts, raw_connection, read_card
from app.store.models import Balance, Member
from app.store.outbox import terminal_state
from app.store.profiledays import read_window
from app.store.scopes import scope_balances

EXPIRING_SOON_DAYS = 60
MAX_NAME = 80


def enroll(
    ctx: ServiceContext,
    *,
    request_id: str,
    actor: Actor,
    phone: str,
    name: str,
    birthday: date | None = None,
    consent: bool = False,
    member_id: str | None = None,
    referrer: str | None = None,
) -> EnrollResult:
    """A new member, with the rule book's new-member coupon pack; ``referrer`` (a member
    number or phone) is rewarded when the new member first buys (app.services.growth)."""
    phone = clean_phone(phone)
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME or not name.isprintable():
        raise InvalidInput(f"Type the member's name (1 to {MAX_NAME} characters).", field="name")
    today = ctx.today()
    if birthday is not None and not date(1900, 1, 1) <= birthday <= today:
        raise InvalidInput("The birthday is not a plausible date.", field="birthday")

    def work(session: Session) -> EnrollResult:
        if session.scalar(select(Member.member_id).where(Member.phone == phone)) is not None:
            raise DuplicateMember(
                f"A member with phone {mask_phone(phone)} already exists; scan their code instead.",
                phone=phone,
            )
        referred_by = find_member_id(session, referrer) if referrer else None
        state = terminal_state(session)
        new_id = member_id or f"M{state.terminal_id}{state.next_seq:07d}"
        if session.get(Member, new_id) is not None:
            raise DuplicateMember(f"Member {new_id} already exists.", member_id=new_id)
        now = ctx.now()
        session.add(
            Member(
                member_id=new_id,
                phone=phone,
                name=name,
                birthday=birthday,
                enrolled_on=today,
                home_store=ctx.store_code,
                marketing_consent=consent,
                real_name_verified=False,
                credit_score=0,  # unknown until the ledger imports one
                risk_flags=0,
                reviews=0,
                referrals=0,
                plus_expires_on=None,
                pin_hash=None,
                status="active",
                referred_by=referred_by,
            )
        )
        session.flush()
        session.add(Balance(member_id=new_id, points=0, open_overdraft=0))
        session.flush()
        pack = welcome_pack(ctx, session, member_id=new_id, request_id=request_id)
        posting = post(
            session,
            MemberEnrolled(
                member_id=new_id,
                phone=phone,
                name=name,
                birthday=birthday,
                consent=consent,
                store=ctx.store_code,
                enrolled_on=today,
                referrer=referred_by,  # growth: absent when none
                coupons=tuple(coupon.wire() for coupon in pack) or None,
            ),
            request_id=request_id,
            member_id=new_id,
            now=now,
            zone=ctx.timezone,
        )
        audit(
            session, actor=actor, action="enroll", now=now, member_id=new_id, request_id=request_id
        )
        return EnrollResult(
            new_id,
            phone,
            name,
            today.isoformat(),
            posting.event_id,
            coupons=[coupon.coupon_code for coupon in pack],
        )

    return run_once(
        ctx,
        request_id=request_id,
        operation="enroll",
        inputs={
            "phone": phone,
            "name": name,
            "birthday": iso(birthday),
            "consent": consent,
            "member_id": member_id,
            "referrer": referrer,
        },
        result_type=EnrollResult,
        work=work,
    )


def identify(ctx: ServiceContext, query: str) -> str:
    """A member number or a phone number to the member id (UnknownMember if none)."""
    with ctx.read() as session:
        return find_member_id(session, query)


def basics(member: Member | MemberFacts) -> MemberBasics:
    """What the profile needs of the member beyond their buckets."""
    return MemberBasics(
        enrolled_on=member.enrolled_on,
        birthday=member.birthday,
        real_name_verified=member.real_name_verified,
        credit_score=member.credit_score,
        risk_flags=member.risk_flags,
    )


def profile_of(ctx: ServiceContext, session: Session, member: Member | MemberFacts) -> Profile:
    """The member's profile today: the ledger's buckets as of the last checkpoint and this
    terminal's own events it has not counted yet, over the window (bounded reads)."""
    today = ctx.today()
    window = read_window(raw_connection(session), member.member_id, today)
    return derive(window, basics(member), today, ctx.rules)


def member_card(ctx: ServiceContext, query: str) -> MemberCard:
    """The card for a member id or phone: one read transaction, the member read once."""
    text, phone = _query_keys(query)
    today = ctx.today()
    facts = read_card(
        ctx.database.reader,
        text,
        phone,
        today=today,
        horizon=today + timedelta(days=EXPIRING_SOON_DAYS),
        term_start=term_start_of(ctx),
    )
    if facts is None:
        raise _no_member(text)
    card = card_from_facts(ctx, facts)
    with ctx.read() as session:
        elsewhere = scope_balances(session, card.member_id)
    return replace(card, scope_points=scope_points_view(ctx, card.points, elsewhere))


def scope_points_view(
    ctx: ServiceContext, points_here: int, ledger_scopes: dict[str, int]
) -> list[ScopePointsView]:
    """Each balance, when the member has points outside this store's scope: this scope's
    from the local lots (this terminal's unsent sales included), the others as the ledger
    last confirmed them (only their own stores change them)."""
    here = scope_of(ctx.rules, ctx.store_code)
    others = {s: p for s, p in ledger_scopes.items() if s != here and p}
    if not others:
        return []
    return [
        ScopePointsView(here, scope_name(ctx.rules, here), points_here, True),
        *(
            ScopePointsView(s, scope_name(ctx.rules, s), p, False)
            for s, p in sorted(others.items())
        ),
    ]


def _query_keys(query: str) -> tuple[str, str | None]:
    """What ``find_member_id`` tries: the text as a member id, then as a phone number."""
    text = query.strip()
    if not text:
        raise InvalidInput("Scan a member code or type a member number or phone.", field="query")
    try:
        phone: str | None = clean_phone(text)
    except InvalidInput:
        phone = None
    return text, phone


def _no_member(text: str) -> UnknownMember:
    return UnknownMember(
        f"No member found for {text!r}. Check the number, or enroll the customer.",
        query=text,
    )


def card_from_facts(ctx: ServiceContext, facts: CardFacts) -> MemberCard:
    """The card as a pure function of what the store read (the rules live in app.domain)."""
    rules = ctx.rules
    today = ctx.today()
    member = facts.member
    points = facts.points
    profile = derive(facts.window, basics(member), today, rules)
    names = {c.code: c.name for c in rules.categories}
    status, stage, medal_states = profile.tier, profile.stage, profile.medals
    coupon_views = []
    for code, template_code, until in facts.coupons:
        template = rules.coupon_template(template_code)
        if template is not None:
            coupon_views.append(
                CouponView(code, template_code, template.name, template.kind, until.isoformat())
            )
    plus_active = is_plus(member.plus_expires_on, today)
    saving = plus_saving(
        plus_active=plus_active,
        last_12_months=facts.window.categories,
        this_term=facts.term_spend,
        rules=rules,
    )
    prompt = renewal_prompt(member.plus_expires_on, today, rules)
    plus = rules.plus
    plus_benefits = [
        f"{plus.points_multiplier_percent / 100:g}x points",
        f"{plus.extra_discount_percent}% off",
        *(f"{pct}% off {cat}" for cat, pct in plus.category_discounts.items()),
        *plus.partner_benefits,
    ]
    return MemberCard(
        member_id=member.member_id,
        name=mask_name(member.name),
        phone=mask_phone(member.phone),
        status=member.status,
        tier=status.tier.code,
        tier_name=status.tier.name,
        growth=status.growth,
        next_tier_name=status.next_tier.name if status.next_tier else None,
        growth_missing=status.missing,
        tier_progress_percent=status.progress_percent,
        plus_active=plus_active,
        plus_expires_on=iso(member.plus_expires_on),
        points=points.spendable,
        points_value_fen=points.spendable * rules.points.value_fen_per_point,
        open_overdraft=member.open_overdraft,
        expiring_points=points.expiring,
        expiring_on=iso(points.first_expiry),
        medals=[
            MedalView(m.medal.code, m.medal.name, m.level, len(m.medal.levels))
            for m in medal_states
        ],
        coupons=coupon_views,
        tier_benefits=list(status.tier.benefits),
        plus_benefits=plus_benefits,
        stage=stage.stage,
        suggested_action=stage.action,
        birthday_action=stage.birthday_action,
        winback_coupon=stage.winback_coupon,
        unconfirmed_events=facts.pending_events,
        growth_by_dimension={name: getattr(profile.growth, name) for name in DIMENSIONS},
        top_categories=[
            TopCategory(code, names.get(code, code), fen) for code, fen in profile.top_categories
        ],
        real_name=f"****{member.id_last4}"
        if member.real_name_verified and member.id_last4
        else None,
        plus_saving_kind=saving.kind,
        plus_saving_fen=saving.fen,
        plus_prompt=prompt.kind if prompt else None,
        plus_prompt_days=prompt.days if prompt else 0,
        plus_fee_fen=fee_for(status.growth, rules),
    )

"""Growth from more than buying and lifecycle benefits at one terminal (app/services/growth.py):
each rule's refusal changes nothing, each benefit is given once, a retry applies once.
Across counters and the ledger: tests/mall/test_growth.py."""

from __future__ import annotations

from datetime import date

import pytest
from probe import DbProbe

from app.bootstrap import Terminal
from app.domain.errors import BenefitNotDue, InvalidInput, NotAllowed, RealNameRequired
from app.domain.quote import Line
from app.domain.rulebook import parse_rule_book
from app.services import growth
from app.services.context import Actor, FixedClock
from app.services.setup import install_rule_book
from app.services.views import EnrollResult

GOOD_ID = "11010519491231002X"


def _outbox(db: DbProbe) -> int:
    return db.count("outbox")


def test_enrolment_gives_the_new_member_pack_of_the_rule_book(
    terminal: Terminal, cashier: Actor, db: DbProbe
) -> None:
    document = {**terminal.ctx.rules.raw, "version": terminal.ctx.rules.version + 1}
    document["lifecycle"] = {**document["lifecycle"], "new_member_coupons": ["WELCOME15"]}
    install_rule_book(terminal.ctx, parse_rule_book(document))
    before = _outbox(db)
    enrolled = terminal.enroll("e-pack", cashier, phone="13900000009", name="Zhou Min")
    card = terminal.card(enrolled.member_id)
    assert [c.template for c in card.coupons] == ["WELCOME15"]
    assert enrolled.coupons == [card.coupons[0].code]
    assert _outbox(db) == before + 1  # the pack travels on the enrolment's own event
    payload = db.rows("SELECT payload FROM outbox WHERE kind = 'member_enrolled'")[-1][0]
    assert card.coupons[0].code in payload


def test_a_checkin_counts_once_a_day_then_the_cap_refuses(
    terminal: Terminal, cashier: Actor, member: EnrollResult, db: DbProbe, clock: FixedClock
) -> None:
    mid = member.member_id
    done = growth.record_activity(
        terminal.ctx, request_id="c1", actor=cashier, member_id=mid, activity="checkin"
    )
    assert (done.what, done.points) == ("checkin", 5)
    again = growth.record_activity(
        terminal.ctx, request_id="c1", actor=cashier, member_id=mid, activity="checkin"
    )
    assert again == done  # a retry applies once
    before = _outbox(db)
    with pytest.raises(BenefitNotDue) as capped:
        growth.record_activity(
            terminal.ctx, request_id="c2", actor=cashier, member_id=mid, activity="checkin"
        )
    assert capped.value.params["kind"] == "daily_cap"
    assert _outbox(db) == before
    card = terminal.card(mid)
    assert (card.points, card.growth_by_dimension["activity"]) == (5, 5)
    clock.advance(days=1)  # the next business day counts again
    growth.record_activity(
        terminal.ctx, request_id="c3", actor=cashier, member_id=mid, activity="checkin"
    )
    assert terminal.card(mid).growth_by_dimension["activity"] == 10


def test_a_purchase_is_reviewed_once_and_only_the_members_own(
    terminal: Terminal, cashier: Actor, member: EnrollResult
) -> None:
    mid = member.member_id
    other = terminal.enroll("e2", cashier, phone="13900000002", name="Li Na").member_id
    bought = terminal.award("b1", cashier, mid, [Line("grocery", 5_000)])
    with pytest.raises(BenefitNotDue) as not_theirs:
        growth.record_activity(
            terminal.ctx, request_id="r0", actor=cashier, member_id=other, activity="review",
            receipt_no=bought.receipt_no,
        )  # fmt: skip
    assert not_theirs.value.params["kind"] == "no_purchase"
    growth.record_activity(
        terminal.ctx, request_id="r1", actor=cashier, member_id=mid, activity="review",
        receipt_no=bought.receipt_no,
    )  # fmt: skip
    with pytest.raises(BenefitNotDue) as twice:
        growth.record_activity(
            terminal.ctx, request_id="r2", actor=cashier, member_id=mid, activity="review",
            receipt_no=bought.receipt_no,
        )  # fmt: skip
    assert twice.value.params["kind"] == "reviewed"
    medal = next(m for m in terminal.card(mid).medals if m.code == "critic")
    assert medal.level == 0  # 1 review of the 5 the first level needs


def test_real_name_needs_a_supervisor_a_good_number_and_the_members_name(
    terminal: Terminal, cashier: Actor, supervisor: Actor, member: EnrollResult, db: DbProbe
) -> None:
    mid = member.member_id  # Zhang Wei
    before = _outbox(db)
    with pytest.raises(NotAllowed):
        growth.verify_real_name(
            terminal.ctx, request_id="v0", actor=cashier, member_id=mid, id_number=GOOD_ID,
            name_on_document="Zhang Wei",
        )  # fmt: skip
    with pytest.raises(InvalidInput) as typo:
        growth.verify_real_name(
            terminal.ctx, request_id="v1", actor=supervisor, member_id=mid,
            id_number="110105194912310021", name_on_document="Zhang Wei",
        )  # fmt: skip
    assert typo.value.params["kind"] == "check_digit"
    with pytest.raises(InvalidInput) as name:
        growth.verify_real_name(
            terminal.ctx, request_id="v2", actor=supervisor, member_id=mid, id_number=GOOD_ID,
            name_on_document="Li Na",
        )  # fmt: skip
    assert name.value.params["field"] == "name_on_document"
    assert _outbox(db) == before
    assert terminal.card(mid).real_name is None
    growth.verify_real_name(
        terminal.ctx, request_id="v3", actor=supervisor, member_id=mid, id_number=GOOD_ID,
        name_on_document="zhang  wei",
    )  # fmt: skip
    card = terminal.card(mid)
    assert card.real_name == "****002X" and card.growth_by_dimension["account"] == 200
    stored = db.rows("SELECT payload FROM outbox WHERE kind = 'real_name_verified'")
    assert GOOD_ID not in str(stored) and "002X" in str(stored)


def test_a_big_redemption_needs_the_real_name(
    terminal: Terminal, cashier: Actor, supervisor: Actor, member: EnrollResult
) -> None:
    mid = member.member_id
    terminal.adjust("seed", supervisor, mid, 9_000, "moved from the old card")
    with pytest.raises(RealNameRequired):
        terminal.redeem("big", cashier, mid, "order", points=6_000, amount_fen=20_000)
    with pytest.raises(RealNameRequired):
        terminal.award("big-sale", cashier, mid, [Line("grocery", 20_000)], points=6_000)
    assert terminal.card(mid).points == 9_000
    terminal.redeem("small", cashier, mid, "order", points=5_000, amount_fen=20_000)  # at the line
    growth.verify_real_name(
        terminal.ctx, request_id="v", actor=supervisor, member_id=mid, id_number=GOOD_ID,
        name_on_document="Zhang Wei",
    )  # fmt: skip
    terminal.adjust("seed2", supervisor, mid, 2_000, "more")
    terminal.redeem("big-2", cashier, mid, "order", points=6_000, amount_fen=20_000)
    assert terminal.card(mid).points == 0


def test_the_winback_coupon_only_for_a_dormant_member_once_per_period(
    terminal: Terminal, cashier: Actor, member: EnrollResult, clock: FixedClock
) -> None:
    mid = member.member_id
    with pytest.raises(BenefitNotDue) as active:
        growth.issue_winback(terminal.ctx, request_id="w0", actor=cashier, member_id=mid)
    assert active.value.params["kind"] == "stage"
    clock.advance(days=120)  # no purchase since enrolment: dormant
    given = growth.issue_winback(terminal.ctx, request_id="w1", actor=cashier, member_id=mid)
    assert len(given.coupons) == 1
    assert "WINBACK20" in [c.template for c in terminal.card(mid).coupons]
    with pytest.raises(BenefitNotDue) as twice:
        growth.issue_winback(terminal.ctx, request_id="w2", actor=cashier, member_id=mid)
    assert twice.value.params["kind"] == "given"
    clock.advance(days=90)  # the next period
    growth.issue_winback(terminal.ctx, request_id="w3", actor=cashier, member_id=mid)


def test_the_birthday_benefit_by_tier_at_the_first_visit_of_the_month(
    terminal: Terminal, cashier: Actor, clock: FixedClock
) -> None:
    today = terminal.ctx.today()  # 2026-11-24
    mid = terminal.enroll(
        "e", cashier, phone="13900000003", name="Sun Mei", birthday=date(1990, 11, 30)
    ).member_id
    first = growth.visit(terminal.ctx, request_id="v1", actor=cashier, member_id=mid)
    assert [(g.what, g.points) for g in first.given] == [("birthday", 100)]
    assert growth.visit(terminal.ctx, request_id="v1", actor=cashier, member_id=mid) == first
    assert growth.visit(terminal.ctx, request_id="v2", actor=cashier, member_id=mid).given == []
    assert terminal.card(mid).points == 100
    clock.advance(days=(date(2027, 11, 1) - today).days)  # next year's birthday month
    again = growth.visit(terminal.ctx, request_id="v3", actor=cashier, member_id=mid)
    assert [g.what for g in again.given] == ["birthday"]


def test_the_referrer_is_rewarded_at_the_first_purchase_only(
    terminal: Terminal, cashier: Actor, member: EnrollResult
) -> None:
    friend = member.member_id
    new = terminal.enroll(
        "e2", cashier, phone="13900000002", name="Li Na", referrer="13900000001"
    ).member_id
    assert growth.visit(terminal.ctx, request_id="v0", actor=cashier, member_id=new).given == []
    terminal.award("b1", cashier, new, [Line("grocery", 1_000)])
    paid = growth.visit(terminal.ctx, request_id="v1", actor=cashier, member_id=new)
    assert [(g.what, g.member_id, g.points) for g in paid.given] == [("referral", friend, 300)]
    terminal.award("b2", cashier, new, [Line("grocery", 1_000)])
    assert growth.visit(terminal.ctx, request_id="v2", actor=cashier, member_id=new).given == []
    card = terminal.card(friend)
    assert (card.points, card.growth_by_dimension["activity"]) == (300, 100)


def test_an_unknown_referrer_is_refused_at_enrolment(terminal: Terminal, cashier: Actor) -> None:
    with pytest.raises(Exception, match="No member"):
        terminal.enroll("e", cashier, phone="13900000004", name="Zhou", referrer="13999999999")


def test_a_medal_levels_coupon_is_given_once_at_the_next_visit(
    terminal: Terminal, cashier: Actor, member: EnrollResult, clock: FixedClock
) -> None:
    mid = member.member_id
    receipts = [
        terminal.award(f"b{n}", cashier, mid, [Line("grocery", 1_000)]).receipt_no for n in range(5)
    ]
    for n, receipt in enumerate(receipts):
        if n == 3:
            clock.advance(days=1)  # three reviews a day count at most
        growth.record_activity(
            terminal.ctx, request_id=f"r{n}", actor=cashier, member_id=mid, activity="review",
            receipt_no=receipt,
        )  # fmt: skip
    critic = next(m for m in terminal.card(mid).medals if m.code == "critic")
    assert critic.level == 1
    given = growth.visit(terminal.ctx, request_id="v1", actor=cashier, member_id=mid).given
    assert [(g.what, [terminal.card(mid).coupons[0].template]) for g in given] == [
        ("medal", ["CRITIC10"])
    ]
    assert growth.visit(terminal.ctx, request_id="v2", actor=cashier, member_id=mid).given == []

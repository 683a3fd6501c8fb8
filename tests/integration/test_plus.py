"""Selling and renewing PLUS, and what it changes at the counter."""

from __future__ import annotations

import json

from probe import DbProbe
from sqlalchemy import text

from app.bootstrap import Terminal
from app.domain.errors import PlusCodeRefused, RequestConflict, UnknownMember
from app.domain.event_kinds import KINDS
from app.domain.plus_codes import ClaimedCode, code_hash
from app.domain.quote import Line
from app.services.context import Actor, FixedClock
from app.services.views import EnrollResult


def test_sell_plus_shows_on_the_card_with_its_coupon(
    terminal: Terminal, cashier: Actor, member: EnrollResult, db: DbProbe
) -> None:
    r = terminal.sell_plus("p-1", cashier, member.member_id)
    assert (r.starts_on, r.ends_on, r.fee_fen, r.renewal) == (
        "2026-11-24",
        "2027-11-23",
        14_900,
        False,
    )
    assert len(r.coupons_issued) == 1
    card = terminal.card(member.member_id)
    assert card.plus_active is True
    assert card.plus_expires_on == "2027-11-23"
    assert [c.template for c in card.coupons] == ["PLUS10"]
    assert db.count("plus_terms", "member_id = ?", member.member_id) == 1
    assert db.count("outbox", "kind = 'plus_sold'") == 1
    report = terminal.end_of_day().totals
    assert (report.plus_sold, report.plus_fees_fen) == (1, 14_900)


def test_a_plus_member_gets_the_discount_and_double_points(
    terminal: Terminal, cashier: Actor, member: EnrollResult
) -> None:
    terminal.sell_plus("p-1", cashier, member.member_id)
    r = terminal.award("a-1", cashier, member.member_id, [Line("grocery", 10_000)])
    assert (r.payable_fen, r.savings_fen) == (9_500, 500)
    assert (r.earn_base, r.earn_plus, r.points_earned) == (95, 95, 190)
    assert r.plus_would_save_fen == 0


def test_an_early_renewal_loses_no_day_and_brings_no_second_coupon_a_month(
    terminal: Terminal, cashier: Actor, member: EnrollResult, clock: FixedClock
) -> None:
    terminal.sell_plus("p-1", cashier, member.member_id)
    clock.advance(days=300)  # 2027-09-20: this month's coupon comes with the renewal ...
    r = terminal.sell_plus("p-2", cashier, member.member_id)
    assert (r.renewal, r.starts_on, r.ends_on, len(r.coupons_issued)) == (
        True,
        "2027-11-24",
        "2028-11-22",
        1,
    )
    assert terminal.card(member.member_id).plus_expires_on == "2028-11-22"
    # ... and not with a second renewal in the same month
    assert terminal.sell_plus("p-3", cashier, member.member_id).coupons_issued == []


def test_a_lapsed_membership_starts_again_today(
    terminal: Terminal, cashier: Actor, member: EnrollResult, clock: FixedClock
) -> None:
    terminal.sell_plus("p-1", cashier, member.member_id)
    clock.advance(days=365)  # 2027-11-24: the day after the last valid day
    assert terminal.card(member.member_id).plus_active is False
    r = terminal.sell_plus("p-2", cashier, member.member_id)
    assert (r.renewal, r.starts_on) == (False, "2027-11-24")
    assert len(r.coupons_issued) == 1


def test_the_same_sale_twice_charges_once(
    terminal: Terminal, cashier: Actor, member: EnrollResult, db: DbProbe
) -> None:
    first = terminal.sell_plus("p-1", cashier, member.member_id)
    counts = db.counts()
    assert terminal.sell_plus("p-1", cashier, member.member_id) == first
    assert db.counts() == counts
    assert terminal.card(member.member_id).plus_expires_on == "2027-11-23"


def test_plus_for_an_unknown_member_or_a_reused_id_is_refused(
    terminal: Terminal, cashier: Actor, member: EnrollResult, db: DbProbe
) -> None:
    with db.refused(UnknownMember):
        terminal.sell_plus("p-1", cashier, "M404")
    terminal.sell_plus("p-1", cashier, member.member_id)
    other = terminal.enroll("e-2", cashier, phone="13900000002", name="Li Na")
    with db.refused(RequestConflict):
        terminal.sell_plus("p-1", cashier, other.member_id)


def test_a_plus_member_gets_the_coupons_of_every_month_with_the_first_purchase(
    terminal: Terminal, cashier: Actor, member: EnrollResult, clock: FixedClock, db: DbProbe
) -> None:
    sold = terminal.sell_plus("p-1", cashier, member.member_id)  # November's coupon
    basket = [Line("grocery", 1_000)]
    assert terminal.award("a-1", cashier, member.member_id, basket).coupons_issued == []
    clock.advance(days=10)  # 2026-12-04: December's, once
    december = terminal.award("a-2", cashier, member.member_id, basket).coupons_issued
    assert len(december) == 1 and december != sold.coupons_issued
    assert terminal.award("a-3", cashier, member.member_id, basket).coupons_issued == []
    assert db.count("coupons", "member_id = ?", member.member_id) == 2
    clock.advance(days=400)  # PLUS has lapsed: no more coupons
    assert terminal.award("a-4", cashier, member.member_id, basket).coupons_issued == []


def test_the_saving_on_the_card_and_the_receipt_is_one_figure(
    terminal: Terminal, cashier: Actor, member: EnrollResult
) -> None:
    first = terminal.award("a-1", cashier, member.member_id, [Line("grocery", 100_000)])
    card = terminal.card(member.member_id)
    assert (card.plus_saving_kind, card.plus_saving_fen) == ("would_have_saved", 5_950)
    receipt = terminal.receipt(first.receipt_no)
    assert (receipt.plus_saving_kind, receipt.plus_saving_fen) == ("would_have_saved", 5_950)
    assert (first.plus_saving_kind, first.plus_saving_fen) == ("would_have_saved", 5_950)
    terminal.sell_plus("p-1", cashier, member.member_id)
    # The term's saving counts by business day from the term's first: today's sales are in.
    second = terminal.award("a-2", cashier, member.member_id, [Line("dining", 10_000)])
    card = terminal.card(member.member_id)
    assert card.plus_saving_kind == "saved_this_term"
    # 5% of grocery + 8% of dining off, and the extra points on the 1,042 yuan left
    assert card.plus_saving_fen == 5_000 + 800 + 1_042
    receipt = terminal.receipt(second.receipt_no)
    assert (second.plus_saving_kind, second.plus_saving_fen) == (
        card.plus_saving_kind,
        card.plus_saving_fen,
    )
    assert (receipt.plus_saving_kind, receipt.plus_saving_fen) == (
        card.plus_saving_kind,
        card.plus_saving_fen,
    )


def test_the_price_falls_with_growth_and_the_card_prompts_the_renewal(
    terminal: Terminal, cashier: Actor, member: EnrollResult, clock: FixedClock
) -> None:
    assert terminal.card(member.member_id).plus_fee_fen == 14_900
    terminal.award("a-1", cashier, member.member_id, [Line("fashion", 500_000)])
    card = terminal.card(member.member_id)
    assert card.growth >= 3_000 and card.plus_fee_fen == 14_900  # no special prices by default
    assert card.plus_prompt is None
    terminal.sell_plus("p-1", cashier, member.member_id)
    clock.advance(days=340)  # 2027-10-30: 24 days left
    card = terminal.card(member.member_id)
    assert (card.plus_prompt, card.plus_prompt_days) == ("renew_soon", 24)
    clock.advance(days=30)
    card = terminal.card(member.member_id)
    assert (card.plus_prompt, card.plus_prompt_days) == ("lapsed", 6)


def test_each_term_issues_the_partner_benefits_with_a_code_of_their_own(
    terminal: Terminal, cashier: Actor, member: EnrollResult, clock: FixedClock, db: DbProbe
) -> None:
    sold = terminal.sell_plus("p-1", cashier, member.member_id)
    (cinema,) = sold.entitlements  # the default rule book's one partner benefit with a code
    assert (cinema["benefit"], cinema["partner"], cinema["valid_until"]) == (
        "cinema",
        "Star Cinemas",
        "2027-11-23",
    )
    assert cinema["code"].startswith("E") and len(cinema["code"]) == 13
    assert db.count("plus_entitlements", "member_id = ?", member.member_id) == 1
    assert terminal.sell_plus("p-1", cashier, member.member_id) == sold  # a retry: no second
    assert db.count("plus_entitlements", "member_id = ?", member.member_id) == 1
    clock.advance(days=300)
    renewed = terminal.sell_plus("p-2", cashier, member.member_id)
    assert [e["benefit"] for e in renewed.entitlements] == ["cinema"]
    assert renewed.entitlements[0]["code"] != cinema["code"]


class OneCode:
    """The ledger's claim of one activation code (a bank's), for any member."""

    def claim(self, code: str, member_id: str, request_id: str) -> ClaimedCode:
        return ClaimedCode("bank", "bank-1", 90, code_hash(code), code[-4:])


def test_an_activation_code_grants_its_days_without_a_fee_and_its_events_read_back(
    terminal: Terminal, cashier: Actor, member: EnrollResult, db: DbProbe
) -> None:
    with db.refused(PlusCodeRefused):  # a terminal without a ledger redeems no code
        terminal.activate_plus("a-0", cashier, member.member_id, "ABCD-EFGH-JKLM-NPQR")
    terminal.ctx.plus_codes = OneCode()
    granted = terminal.activate_plus("a-1", cashier, member.member_id, "abcd-efgh-jklm-npqr")
    assert (granted.channel, granted.fee_fen, granted.starts_on, granted.ends_on) == (
        "bank",
        0,
        "2026-11-24",
        "2027-02-21",  # 90 days
    )
    terminal.award("s-1", cashier, member.member_id, [Line("grocery", 1_000)])
    with terminal.ctx.read() as session:
        rows = session.execute(text("SELECT kind, payload FROM outbox ORDER BY seq")).all()
    for kind, body in rows:  # the ledger reads every field the terminal wrote
        payload = json.loads(body)
        assert KINDS[kind].from_payload(payload).to_payload() == payload, kind
    sold = json.loads(next(body for kind, body in rows if kind == "plus_sold"))
    assert (sold["channel"], sold["activation"]["last4"]) == ("bank", "NPQR")

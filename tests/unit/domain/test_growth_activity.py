"""Growth from more than buying, and lifecycle benefits that act (``app.domain``): real-name
ID numbers, non-purchase activity with daily caps, the five dimensions, and the once-a-period
rules of the welcome pack, birthday, win-back and medal benefits."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import benefits
from app.domain.errors import BenefitNotDue, InvalidInput, RuleBookError
from app.domain.idcard import check_character, clean_id_number, id_proof, proof_matches, same_name
from app.domain.lifecycle import lifecycle
from app.domain.medals import medals
from app.domain.profile import DayDelta, MemberBasics, derive, event_deltas, fold, mark_delta
from app.domain.rulebook import RuleBook

from .conftest import MakeRules

TODAY = date(2026, 12, 6)
GOOD_ID = "11010519491231002X"  # the well-known sample number (check character X)


# ------------------------------------------------------------------------------ ID numbers


def test_a_valid_number_is_kept_upper_case_without_spaces() -> None:
    assert clean_id_number(" 110105 19491231 002x ", TODAY) == GOOD_ID


def test_the_check_character_follows_iso_7064_mod_11_2() -> None:
    assert check_character(GOOD_ID[:17]) == "X"
    assert check_character("44052418800101001") == "4"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("11010519491231002", "length"),
        ("1101051949123100XX", "characters"),
        ("110105194902300021", "birth_date"),  # 30 February
        ("110105204912310021", "birth_date"),  # born in the future
        ("110105194912310021", "check_digit"),  # a mistyped last digit
        ("110105194912310120", "check_digit"),  # two digits swapped elsewhere
    ],
)
def test_a_bad_number_is_refused_saying_why(text: str, kind: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        clean_id_number(text, TODAY)
    assert refused.value.params == {"field": "id_number", "kind": kind}


def test_the_proof_keeps_a_salted_hash_and_the_last_four_only() -> None:
    proof = id_proof(GOOD_ID, b"0123456789abcdef")
    assert proof.last4 == "002X"
    assert GOOD_ID not in proof.digest and GOOD_ID[:14] not in proof.digest
    assert proof_matches(GOOD_ID, proof.digest)
    assert not proof_matches("440524188001010014", proof.digest)
    assert id_proof(GOOD_ID, b"another salt....").digest != proof.digest


def test_names_compare_without_width_case_or_spacing() -> None:
    assert same_name("李 雷", "李雷")
    assert same_name("ＬＩ Lei", "li  lei")
    assert not same_name("李雷", "韩梅梅")
    assert not same_name("", "")


# ------------------------------------------------------------------------------- rule book


def test_the_default_rule_book_rewards_reviews_checkins_and_referrals(rules: RuleBook) -> None:
    assert set(rules.activity) == {"review", "checkin", "referral"}
    assert rules.activity["review"].daily_cap == 3
    assert rules.real_name.required_above_points == 5000
    assert rules.lifecycle.new_member_coupons == ()  # a mall switches the pack on
    assert rules.lifecycle.birthday["gold"].coupon == "BDAY50"


@pytest.mark.parametrize(
    ("override", "field"),
    [
        ({"activity.like": {"points": 1}}, "activity.like"),
        ({"activity.review.daily_cap": -1}, "activity.review.daily_cap"),
        ({"lifecycle.new_member_coupons": ["NOPE"]}, "lifecycle.new_member_coupons[0]"),
        ({"lifecycle.birthday.diamond": {"points": 1}}, "lifecycle.birthday.diamond"),
        ({"lifecycle.birthday.gold.coupon": "NOPE"}, "lifecycle.birthday.gold.coupon"),
        ({"lifecycle.winback_period_days": 0}, "lifecycle.winback_period_days"),
        ({"medals[3].benefits[0].coupon": "NOPE"}, "medals[3].benefits[0].coupon"),
        ({"medals[3].benefits": [{}, {}, {}, {}]}, "medals[3].benefits"),
        ({"real_name.required_above_points": -5}, "real_name.required_above_points"),
        ({"categories[0].code": "@review"}, "categories[0].code"),
    ],
)
def test_a_bad_new_key_is_refused_by_name(
    make_rules: MakeRules, override: dict[str, object], field: str
) -> None:
    with pytest.raises(RuleBookError) as refused:
        make_rules(override)
    assert refused.value.params["field"] == field


# --------------------------------------------------------------------- growth dimensions


def _profile(rules: RuleBook, days: list[DayDelta], **basics: object) -> object:
    member = MemberBasics(enrolled_on=date(2025, 1, 1), birthday=None, **basics)  # type: ignore[arg-type]
    return derive(fold(days, TODAY), member, TODAY, rules)


def test_activity_counts_what_the_member_did_without_buying(rules: RuleBook) -> None:
    bought = [DayDelta(date(2026, 12, d), spend_fen=10_000, purchases=1) for d in (1, 2, 3)]
    only_bought = derive(fold(bought, TODAY), MemberBasics(date(2025, 1, 1), None), TODAY, rules)
    assert only_bought.growth.activity == 0  # purchase days count in consumption only
    reviewed = bought + [mark_delta(date(2026, 12, 1), "review")] * 2
    reviewed += [mark_delta(date(2026, 12, 2), "checkin"), mark_delta(TODAY, "referral")]
    profile = derive(fold(reviewed, TODAY), MemberBasics(date(2025, 1, 1), None), TODAY, rules)
    assert profile.growth.activity == 2 * 10 + 5 + 100
    assert profile.activity.categories == 0  # the counters are no spending category
    assert profile.growth.consumption == only_bought.growth.consumption
    critic = next(m for m in profile.medals if m.medal.code == "critic")
    assert critic.progress == 2


def test_activity_growth_stops_at_its_cap(make_rules: MakeRules) -> None:
    rules = make_rules({"growth.activity_cap": 30})
    days = [mark_delta(TODAY, "review")] * 9
    profile = derive(fold(days, TODAY), MemberBasics(date(2025, 1, 1), None), TODAY, rules)
    assert profile.growth.activity == 30


def test_credit_is_zero_when_unknown_and_scaled_when_imported(rules: RuleBook) -> None:
    unknown = derive(fold([], TODAY), MemberBasics(date(2025, 1, 1), None), TODAY, rules)
    assert unknown.growth.credit == 0 and unknown.tier.growth == 0
    scored = derive(
        fold([], TODAY), MemberBasics(date(2025, 1, 1), None, credit_score=80), TODAY, rules
    )
    assert scored.growth.credit == 80 * 300 // 100


def test_reputation_takes_off_the_ledgers_open_flags_and_account_adds_real_name(
    rules: RuleBook,
) -> None:
    basics = MemberBasics(date(2025, 1, 1), date(1990, 5, 1), real_name_verified=True, risk_flags=1)
    profile = derive(fold([], TODAY), basics, TODAY, rules)
    assert profile.growth.account == 100 + 200
    assert profile.growth.reputation == -500


def test_the_card_names_the_top_three_categories_by_net_spend(rules: RuleBook) -> None:
    day = date(2026, 11, 1)
    days = [
        DayDelta(day, 100, 1, categories={"dining": 5_000, "grocery": 9_000, "beauty": 1_000}),
        DayDelta(day, 0, 0, categories={"fashion": 7_000, "@review": 4}),
    ]
    profile = derive(fold(days, TODAY), MemberBasics(date(2025, 1, 1), None), TODAY, rules)
    assert profile.top_categories == (("grocery", 9_000), ("fashion", 7_000), ("dining", 5_000))


def test_events_count_activity_referrals_and_benefits_on_their_day() -> None:
    assert event_deltas("activity", {"activity": "review"}, TODAY) == [
        DayDelta(TODAY, categories={"@review": 1})
    ]
    assert event_deltas("referral_rewarded", {"referee": "M2"}, TODAY) == [
        DayDelta(TODAY, categories={"@referral": 1})
    ]
    assert event_deltas("benefit_given", {"benefit": "birthday"}, TODAY) == [
        DayDelta(TODAY, categories={"@birthday": 1})
    ]
    assert event_deltas("activity", {"activity": 7}, TODAY) == []


# ------------------------------------------------------------------------------- benefits


def test_the_daily_cap_refuses_one_more_activity(rules: RuleBook) -> None:
    assert benefits.activity_rule("review", 2, rules).points == 20
    with pytest.raises(BenefitNotDue) as refused:
        benefits.activity_rule("review", 3, rules)
    assert refused.value.params["kind"] == "daily_cap"
    with pytest.raises(BenefitNotDue) as unknown:
        benefits.activity_rule("share", 0, rules)
    assert unknown.value.params["kind"] == "not_rewarded"


def test_the_new_member_pack_is_the_rule_books_coupons(
    rules: RuleBook, make_rules: MakeRules
) -> None:
    pack = make_rules({"lifecycle.new_member_coupons": ["WELCOME15"]})
    assert benefits.welcome(pack) == benefits.Due("welcome", "once", 0, ("WELCOME15",))
    assert benefits.welcome(rules) is None


@pytest.mark.parametrize(
    ("tier", "points", "coupons"),
    [("bronze", 100, ()), ("gold", 0, ("BDAY50",)), ("platinum", 500, ("BDAY50",))],
)
def test_the_birthday_benefit_is_the_tiers_once_a_year(
    rules: RuleBook, tier: str, points: int, coupons: tuple[str, ...]
) -> None:
    born = date(1990, 12, 24)
    due = benefits.birthday(born=born, tier=tier, today=TODAY, given_this_year=0, rules=rules)
    assert due == benefits.Due("birthday", "2026", points, coupons)
    assert (
        benefits.birthday(born=born, tier=tier, today=TODAY, given_this_year=1, rules=rules) is None
    )
    assert (
        benefits.birthday(
            born=date(1990, 11, 6), tier=tier, today=TODAY, given_this_year=0, rules=rules
        )
        is None
    )
    assert (
        benefits.birthday(born=None, tier=tier, today=TODAY, given_this_year=0, rules=rules) is None
    )
    next_year = benefits.birthday(
        born=born, tier=tier, today=date(2027, 12, 1), given_this_year=0, rules=rules
    )
    assert next_year is not None and next_year.period == "2027"


def test_the_winback_coupon_once_per_period_and_only_when_dormant(rules: RuleBook) -> None:
    def stage(last: date) -> object:
        return lifecycle(
            enrolled_on=date(2024, 1, 1),
            last_purchase_on=last,
            purchases_365=1,
            birthday=None,
            today=TODAY,
            rules=rules,
        )

    dormant = stage(date(2026, 6, 1))
    due = benefits.winback(stage=dormant, today=TODAY, given_in_period=0, rules=rules)  # type: ignore[arg-type]
    start, period = benefits.winback_period(TODAY, rules)
    assert due.coupons == ("WINBACK20",) and due.period == period
    assert start <= TODAY and (TODAY - start).days < 90
    assert benefits.winback_period(start, rules)[1] == period
    assert benefits.winback_period(date.fromordinal(start.toordinal() - 1), rules)[1] != period
    with pytest.raises(BenefitNotDue) as twice:
        benefits.winback(stage=dormant, today=TODAY, given_in_period=1, rules=rules)  # type: ignore[arg-type]
    assert twice.value.params["kind"] == "given"
    with pytest.raises(BenefitNotDue) as active:
        benefits.winback(
            stage=stage(date(2026, 12, 1)), today=TODAY, given_in_period=0, rules=rules
        )  # type: ignore[arg-type]
    assert active.value.params["kind"] == "stage"


def test_medal_levels_give_their_coupon_once_and_their_multiplier_while_held(
    make_rules: MakeRules,
) -> None:
    rules = make_rules(
        {"medals[3].benefits": [{"coupon": "CRITIC10"}, {"multiplier_percent": 120}]}
    )
    states = medals(category_spend_fen={}, behaviour={"reviews": 25}, rules=rules)
    due = benefits.medal_coupons(states, frozenset())
    assert due == [benefits.Due("medal", "critic.1", 0, ("CRITIC10",))]
    assert benefits.medal_coupons(states, frozenset({"critic.1"})) == []
    assert benefits.medal_multiplier_percent(states) == 120
    none = medals(category_spend_fen={}, behaviour={"reviews": 1}, rules=rules)
    assert benefits.medal_multiplier_percent(none) == 100
    assert benefits.medal_coupons(none, frozenset()) == []

"""Typed events: built through their dataclasses, the terminal's events are byte for byte what
it wrote before (the hashes below were computed on main before events were typed), and the
ledger reads each back to the same payload."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain import event_kinds as ek
from app.domain.errors import BadPayload
from app.domain.events import canonical_json, event_hash, with_business_day

AT = datetime(2026, 12, 9, 15, 30, 0, 123456, tzinfo=UTC)
ZONE = ZoneInfo("Asia/Shanghai")
COUPON = {
    "code": "C47GL73GN2",
    "template": "welcome",
    "valid_from": "2026-12-09",
    "valid_until": "2027-01-08",
}
ID_HASH = (  # salt $ PBKDF2 digest (app.domain.idcard.id_proof)
    "00112233445566778899aabbccddeeff$"
    "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"
)
DAY_CHANGE = {
    "day": "2026-12-09",
    "spend_fen": -3550,
    "purchases": 0,
    "refunds": 1,
    "categories": {"beauty": -3550},
}

# (the payload as the services wrote it on main, the same event built through its dataclass)
EVENTS: dict[str, tuple[dict[str, Any], ek.TerminalEvent]] = {
    "member_enrolled": (
        {
            "member_id": "M000123",
            "phone": "13900001234",
            "name": "Li Wei",
            "birthday": "1990-05-17",
            "consent": True,
            "store": "S001",
            "enrolled_on": "2026-12-09",
        },
        ek.MemberEnrolled(
            member_id="M000123",
            phone="13900001234",
            name="Li Wei",
            birthday=date(1990, 5, 17),
            consent=True,
            store="S001",
            enrolled_on=date(2026, 12, 9),
        ),
    ),
    "purchase": (
        {
            "receipt_no": "S001-T01-000042",
            "member_id": "M000123",
            "store": "S001",
            "cashier": "c1",
            "hold_id": None,
            "request_id": "r-42",
            "rule_book_version": 3,
            "tier": "silver",
            "plus": False,
            "lines": [["food", 12000], ["beauty", 3550]],
            "coupon": None,
            "points_used": 100,
            "points_earned": 155,
            "payable_fen": 14550,
            "coupons_issued": ["C47GL73GN2"],
            "coupons": [COUPON],
        },
        ek.Purchase(
            receipt_no="S001-T01-000042",
            member_id="M000123",
            store="S001",
            cashier="c1",
            hold_id=None,
            request_id="r-42",
            rule_book_version=3,
            tier="silver",
            plus=False,
            lines=(("food", 12000), ("beauty", 3550)),
            coupon=None,
            points_used=100,
            points_earned=155,
            payable_fen=14550,
            coupons_issued=("C47GL73GN2",),
            coupons=(COUPON,),
        ),
    ),
    "redeem": (
        {
            "member_id": "M000123",
            "kind": "gift",
            "item": "mug",
            "points": 500,
            "amount_fen": 0,
            "store": "S001",
            "cashier": "c1",
            "hold_id": "h-9",
            "request_id": "r-43",
            "coupon_issued": None,
            "coupons": [],
        },
        ek.Redeem(
            member_id="M000123",
            kind="gift",
            item="mug",
            points=500,
            amount_fen=0,
            store="S001",
            cashier="c1",
            hold_id="h-9",
            request_id="r-43",
            coupon_issued=None,
            coupons=(),
        ),
    ),
    "refund": (
        {
            "receipt_no": "S001-T01-000042",
            "member_id": "M000123",
            "amount_fen": 3550,
            "points_clawed_back": 38,
            "points_returned": 24,
            "coupon_returned": None,
            "cashier": "c1",
            "store": "S001",
            "profile": DAY_CHANGE,
        },
        ek.Refund(
            receipt_no="S001-T01-000042",
            member_id="M000123",
            amount_fen=3550,
            points_clawed_back=38,
            points_returned=24,
            coupon_returned=None,
            cashier="c1",
            store="S001",
            profile=DAY_CHANGE,
        ),
    ),
    "adjust": (
        {
            "member_id": "M000123",
            "points": -20,
            "reason": "goodwill reversed",
            "supervisor": "s1",
            "store": "S001",
        },
        ek.Adjust(
            member_id="M000123",
            points=-20,
            reason="goodwill reversed",
            supervisor="s1",
            store="S001",
        ),
    ),
    "adjust_overdraft": (
        {
            "member_id": "M000123",
            "points": 40,
            "reason": "write-off",
            "supervisor": "s1",
            "store": "S001",
            "resolves": "overdraft",
        },
        ek.Adjust(
            member_id="M000123",
            points=40,
            reason="write-off",
            supervisor="s1",
            store="S001",
            resolves="overdraft",
        ),
    ),
    "plus_sold": (
        {
            "member_id": "M000123",
            "starts_on": "2026-12-09",
            "ends_on": "2027-12-08",
            "fee_fen": 9900,
            "store": "S001",
            "cashier": "c1",
            "coupons_issued": ["C47GL73GN2"],
            "coupons": [COUPON],
        },
        ek.PlusSold(
            member_id="M000123",
            starts_on=date(2026, 12, 9),
            ends_on=date(2027, 12, 8),
            fee_fen=9900,
            store="S001",
            cashier="c1",
            coupons_issued=("C47GL73GN2",),
            coupons=(COUPON,),
        ),
    ),
    "coupon_issued": (
        {
            "member_id": "M000123",
            "coupon": "C47GL73GN2",
            "template": "welcome",
            "valid_until": "2027-01-08",
            "coupons": [COUPON],
        },
        ek.CouponIssued(
            member_id="M000123",
            coupon="C47GL73GN2",
            template="welcome",
            valid_until="2027-01-08",
            coupons=(COUPON,),
        ),
    ),
    "expire": (
        {"member_id": "M000123", "points": 77, "day": "2026-12-09"},
        ek.Expire(member_id="M000123", points=77, day=date(2026, 12, 9)),
    ),
    "code_accepted": (
        {"member_id": "M000123", "step": 59411234, "key_id": "k1"},
        ek.CodeAccepted(member_id="M000123", step=59411234, key_id="k1"),
    ),
    "checkpoint_applied": (
        {"cursor": 812, "applied_through_seq": 41},
        ek.CheckpointApplied(cursor=812, applied_through_seq=41),
    ),
    "redeem_undone": (
        {
            "member_id": "M000123",
            "redeem_event_id": "01a24b2d-42a7-76c9-91f8-38d093ecbd71",
            "redeem_request_id": "r-43",
            "kind": "gift",
            "item": "mug",
            "points": 500,
            "lots": [{"expires_on": "2027-12-31", "points": 500}],
            "store": "S001",
            "cashier": "c1",
            "approved_by": None,
        },
        ek.RedeemUndone(
            member_id="M000123",
            redeem_event_id="01a24b2d-42a7-76c9-91f8-38d093ecbd71",
            redeem_request_id="r-43",
            kind="gift",
            item="mug",
            points=500,
            lots=({"expires_on": "2027-12-31", "points": 500},),
            store="S001",
            cashier="c1",
            approved_by=None,
        ),
    ),
    # kinds and fields newer than the typing (branch growth): pinned from their first form
    "member_enrolled_growth": (
        {
            "member_id": "M000124",
            "phone": "13900001235",
            "name": "Wang Fang",
            "birthday": None,
            "consent": False,
            "store": "S001",
            "enrolled_on": "2026-12-09",
            "referrer": "M000123",
            "coupons": [COUPON],
        },
        ek.MemberEnrolled(
            member_id="M000124",
            phone="13900001235",
            name="Wang Fang",
            birthday=None,
            consent=False,
            store="S001",
            enrolled_on=date(2026, 12, 9),
            referrer="M000123",
            coupons=(COUPON,),
        ),
    ),
    "activity": (
        {
            "member_id": "M000123",
            "activity": "review",
            "receipt": "S001-T01-000042",
            "points": 10,
            "store": "S001",
        },
        ek.Activity(
            member_id="M000123",
            activity="review",
            receipt="S001-T01-000042",
            points=10,
            store="S001",
        ),
    ),
    "activity_checkin": (
        {
            "member_id": "M000123",
            "activity": "checkin",
            "receipt": None,
            "points": 2,
            "store": "S001",
        },
        ek.Activity(member_id="M000123", activity="checkin", receipt=None, points=2, store="S001"),
    ),
    "real_name_verified": (
        {
            "member_id": "M000123",
            "id_hash": ID_HASH,
            "id_last4": "002X",
            "supervisor": "s1",
            "store": "S001",
        },
        ek.RealNameVerified(
            member_id="M000123",
            id_hash=ID_HASH,
            id_last4="002X",
            supervisor="s1",
            store="S001",
        ),
    ),
    "referral_rewarded": (
        {"member_id": "M000123", "referee": "M000124", "points": 200, "store": "S001"},
        ek.ReferralRewarded(member_id="M000123", referee="M000124", points=200, store="S001"),
    ),
    "benefit_given": (
        {
            "member_id": "M000123",
            "benefit": "birthday",
            "period": "2026",
            "points": 100,
            "coupons": [COUPON],
            "store": "S001",
        },
        ek.BenefitGiven(
            member_id="M000123",
            benefit="birthday",
            period="2026",
            points=100,
            coupons=(COUPON,),
            store="S001",
        ),
    ),
    "points_granted": (
        {
            "member_id": "M000123",
            "points": 300,
            "reason": "opening week",
            "request_id": "g-7",
            "cashier": "c1",
            "store": "S004",
        },
        ek.PointsGranted(
            member_id="M000123",
            points=300,
            reason="opening week",
            request_id="g-7",
            cashier="c1",
            store="S004",
        ),
    ),
}
# Computed on main (26d83ed) from the payloads above, before events were typed.
PINNED = {
    "member_enrolled": "cb5070c4fdb98fc277f5c6d94242469cdbe83e5f9d522d18eaefe3e307d2c458",
    "purchase": "1506dcc0656f6b1e7b293c6d18ba2110cd2dcfe4a4258b880e8e14acda07fbe9",
    "redeem": "ba5f266c725a66a6003769875242b864fbed5330cd26ec0ae18b26f3ab18304d",
    "refund": "5f74163b551618bce11e4d1c0a880d8a7c1cc45cd5c94b551098f18ba20f70a5",
    "adjust": "2cbb1fb00f7dc34b585257d254d963bde8ecea17ad1636d5fa927f300070856b",
    "adjust_overdraft": "f74d70efaeb33c65d512cf109c050b7d3716311e419aa87e2702e1a2f4237095",
    "plus_sold": "c32b62c843433e243cd539622f3879f713c7d2f0a972bdb2de16bf8c9a04ebe6",
    "coupon_issued": "f32e9c2187fc7d3e4b87dee036627a4991214cfaf3c828143838d96714171b91",
    "expire": "874a0b93944b9a35eb4ebff67c7917b625495e323b478d3a2a771a6ca86407e6",
    "code_accepted": "0406511c1f99d041230448840fe0252fe881ef08fd245ec8b9b4944605fb35a5",
    "checkpoint_applied": "077fbd20f69cf489f3883219139a4cd68c6506689e638fb7c0ff482fbea32e21",
    # a kind newer than the typing (branch pick): pinned from its first form
    "redeem_undone": "628bc3abc4e123befe42a317938e6ff79f3435b7c07bc2480852c03deed10479",
    # kinds and fields newer than the typing (branch growth): pinned from their first form
    "member_enrolled_growth": "b2402f23640b7756b43a5a985a7e235c24e0756b4ae2788474b7fdff442137da",
    "activity": "34a193758bba7684ddb62fc4175cff615d8a374b136a8bd3334da7e799b68ba1",
    "activity_checkin": "e6a571f7afc5844e41773efc66d6d57f18f055d1e67acde3c46be2f3be5a9214",
    "real_name_verified": "8e47896991b7965d2c2f6d9590f12da22adc319976f58ef0e7742b90d287a38a",
    "referral_rewarded": "7ed7de9f5ddfeef71e8d95057af08e4db5ff24b41e54900232727931722dfe46",
    "benefit_given": "8937e5c8dfaaad08251599138645c7cadff785896b9606e84457458657ab3ac0",
    # a kind newer than the typing (branch stores): its payload as stores wrote it, here
    "points_granted": "42bae81e11cbe2d786ea2a6c9221d30861f74f34a33611a6d2e51e24ac98f007",
}


def chain_hash(index: int, kind: str, payload: dict[str, Any]) -> str:
    return event_hash(
        prev_hash="0" * 64,
        event_id=f"0193a000-0000-7000-8000-{index:012d}",
        terminal_id="S001-T01",
        seq=index + 1,
        kind=kind,
        payload=canonical_json(payload),
        created_at=AT.isoformat(timespec="microseconds"),
    )


def test_every_kind_is_pinned() -> None:
    assert {event.KIND for _, event in EVENTS.values()} == set(ek.KINDS)


@pytest.mark.parametrize("name", list(EVENTS))
def test_built_events_hash_as_before(name: str) -> None:
    index = list(EVENTS).index(name)
    written, event = EVENTS[name]
    assert event.to_payload() == written
    stamped = with_business_day(event.to_payload(), AT, ZONE)
    assert chain_hash(index, event.KIND, stamped) == PINNED[name]


@pytest.mark.parametrize("name", list(EVENTS))
def test_the_ledger_reads_back_the_same_payload(name: str) -> None:
    written, event = EVENTS[name]
    stamped = with_business_day(written, AT, ZONE)
    read = ek.KINDS[event.KIND].from_payload(stamped)
    assert read.business_day == date(2026, 12, 9)  # the shop's day in Shanghai
    assert read.to_payload() == stamped


@pytest.mark.parametrize(
    ("kind", "payload", "words"),
    [
        ("purchase", {"points_used": -1}, "points_used must be a whole number >= 0."),
        ("purchase", {"points_earned": True}, "points_earned must be a whole number >= 0."),
        ("purchase", {"payable_fen": 10**13}, "payable_fen must be at most"),
        ("redeem", {"points": "5"}, "points must be a whole number >= 0."),
        ("refund", {"business_day": "9 Dec"}, "is not a date like 2026-12-09"),
        ("adjust", {"points": 1.5}, "points must be a whole number."),
        ("adjust", {"points": -(10**13)}, "either way"),
        ("plus_sold", {"ends_on": "soon"}, "ends_on is not a date."),
        ("member_enrolled", {"member_id": "M1"}, "needs a member id and a phone"),
        ("member_enrolled", {"member_id": "M1", "phone": "139", "enrolled_on": "x"}, "dates"),
        ("code_accepted", {"step": -3}, "step must be a whole number >= 0."),
        ("activity", {"points": -5}, "points must be a whole number >= 0."),
        ("benefit_given", {"points": "100"}, "points must be a whole number >= 0."),
        ("points_granted", {"points": -5}, "points must be a whole number >= 0."),
    ],
)
def test_a_bad_payload_names_its_fault(kind: str, payload: dict[str, Any], words: str) -> None:
    with pytest.raises(BadPayload, match=words.replace(".", r"\.").replace("(", r"\(")) as error:
        ek.KINDS[kind].from_payload(payload)
    assert error.value.code == "bad_payload"


PAYLOAD_KEYS = (
    *("member_id", "points", "points_used", "lines", "coupons", "ends_on", "step"),
    *("business_day", "profile", "plus", "enrolled_on", "phone", "day", "cursor"),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=8,
)


@settings(suppress_health_check=[HealthCheck.too_slow])  # a shared, busy machine
@given(
    kind=st.sampled_from(sorted(ek.KINDS)),
    payload=st.dictionaries(
        st.sampled_from(PAYLOAD_KEYS),
        json_values,
    ),
)
def test_any_payload_is_read_or_refused_as_bad(kind: str, payload: dict[str, Any]) -> None:
    """Whatever a terminal sends, reading it either gives an event or a BadPayload: never
    another error that would fail the push instead of rejecting the event."""
    try:
        event = ek.KINDS[kind].from_payload(payload)
    except BadPayload:
        return
    canonical_json(event.to_payload())

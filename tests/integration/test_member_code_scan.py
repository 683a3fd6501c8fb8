"""Scanning member codes at the counter, offline: genuine codes name the member, a phone code
is taken once, every bad code gets its own reason and writes nothing, and a printed card
above the threshold needs the phone's last digits before points are used."""

from __future__ import annotations

from datetime import timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from probe import DbProbe, assert_readable

from app.bootstrap import Terminal
from app.domain import codes
from app.domain.errors import MemberDeskError, UnknownMember
from app.services.context import Actor, FixedClock
from app.services.member_codes import (
    CARD_CODE,
    PHONE_CODE,
    TYPED,
    MemberCheck,
    MemberCheckFailed,
    MemberCheckNeeded,
    PublishedKey,
    install_keys,
)
from app.services.views import EnrollResult

PHONE = "13900000001"  # the member fixture's phone (tests/integration/conftest.py)

LEDGER_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
OLD_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
PHONE_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(2, 34)))


def raw(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


@pytest.fixture
def keyed(terminal: Terminal) -> Terminal:
    """The terminal after a sync that brought key K2 (live) and K1 (revoked)."""
    with terminal.ctx.write() as session:
        install_keys(
            session,
            [PublishedKey("K2", raw(LEDGER_KEY), False), PublishedKey("K1", raw(OLD_KEY), True)],
            terminal.ctx.now(),
        )
    return terminal


def card(member_id: str) -> str:
    return codes.card_code(LEDGER_KEY, "K2", member_id)


def phone_code(terminal: Terminal, member_id: str, shift_steps: int = 0) -> str:
    credential = codes.issue_credential(
        LEDGER_KEY,
        "K2",
        member_id,
        raw(PHONE_KEY),
        terminal.ctx.today() + timedelta(days=30),
    )
    moment = terminal.ctx.now() + timedelta(seconds=codes.STEP_SECONDS * shift_steps)
    return codes.dynamic_code(credential, PHONE_KEY, moment)


def test_a_typed_number_or_phone_names_the_member(keyed: Terminal, member: EnrollResult) -> None:
    assert keyed.scan(member.member_id).member_id == member.member_id
    found = keyed.scan(PHONE)
    assert (found.member_id, found.via) == (member.member_id, TYPED)


def test_a_printed_card_names_the_member_and_writes_nothing(
    keyed: Terminal, member: EnrollResult, db: DbProbe
) -> None:
    before = db.snapshot()
    found = keyed.scan(codes.card_code(LEDGER_KEY, "K2", member.member_id))
    assert (found.member_id, found.via) == (member.member_id, CARD_CODE)
    assert db.snapshot() == before


def test_a_phone_code_is_taken_once_and_told_to_the_ledger(
    keyed: Terminal, member: EnrollResult, db: DbProbe
) -> None:
    text = phone_code(keyed, member.member_id)
    found = keyed.scan(text)
    assert (found.member_id, found.via) == (member.member_id, PHONE_CODE)
    events = db.rows("SELECT kind, payload FROM outbox WHERE kind = 'code_accepted'")
    assert len(events) == 1 and f'"step":{found.step}' in events[0][1]

    after_first = db.snapshot()
    with pytest.raises(codes.CodeReplayed) as replay:
        keyed.scan(text)  # the same picture again: a screenshot
    assert "already used" in replay.value.message
    assert db.snapshot() == after_first


def test_one_step_of_clock_skew_is_accepted_either_way(
    keyed: Terminal, member: EnrollResult
) -> None:
    assert keyed.scan(phone_code(keyed, member.member_id, -1)).via == PHONE_CODE
    assert keyed.scan(phone_code(keyed, member.member_id, +1)).via == PHONE_CODE


def test_the_next_step_of_the_same_phone_is_a_new_code(
    keyed: Terminal, member: EnrollResult, clock: FixedClock
) -> None:
    keyed.scan(phone_code(keyed, member.member_id))
    clock.advance(seconds=codes.STEP_SECONDS)
    assert keyed.scan(phone_code(keyed, member.member_id)).via == PHONE_CODE


@pytest.mark.parametrize(
    ("make", "error", "words"),
    [
        (lambda t, m: phone_code(t, m, -2), codes.CodeExpired, "old"),
        (lambda t, m: phone_code(t, m, +2), codes.CodeFromFuture, "clock is ahead"),
        (lambda t, m: codes.card_code(OLD_KEY, "K1", m), codes.CodeRevoked, "withdrawn"),
        (lambda t, m: codes.card_code(OLD_KEY, "K9", m), codes.CodeUnknownKey, "does not know"),
        (lambda t, m: codes.card_code(OLD_KEY, "K2", m), codes.CodeBadSignature, "not genuine"),
        (lambda t, m: card(m)[:-8], codes.CodeBadSignature, "genuine"),
        (lambda t, m: card(m)[:-9], codes.CodeGarbage, "damaged"),
        (lambda t, m: card(m).rsplit(".", 1)[0], codes.CodeTruncated, "incomplete"),
        (lambda t, m: "MD9C.K2.AAAA.BBBB", codes.CodeWrongPrefix, "not a MemberDesk"),
        (lambda t, m: "hello.world", codes.CodeWrongPrefix, "not a MemberDesk"),
        (lambda t, m: "MD1C.K2.!!!!.????", codes.CodeGarbage, "damaged"),
        (lambda t, m: "MD1C." + "A" * 600, codes.CodeTooLong, "too long"),
        (lambda t, m: "MD1C.K2\x00\x1b[2J", codes.CodeGarbage, "control characters"),
        (lambda t, m: "\x89PNG\r\n\x1a\n\x00\x00", codes.CodeGarbage, "control characters"),
        (lambda t, m: card("M999999"), UnknownMember, "not on this terminal"),
    ],
    ids=[
        "old_step", "future_step", "revoked_key", "unknown_key", "forged_signature",
        "short_signature", "cut_signature", "truncated", "wrong_prefix", "not_a_code",
        "garbage", "oversized", "control_characters", "binary",
        "unknown_member",
    ],
)  # fmt: skip
def test_every_bad_code_gets_its_own_reason_and_writes_nothing(
    keyed: Terminal, member: EnrollResult, db: DbProbe, make, error, words
) -> None:  # type: ignore[no-untyped-def]
    before = db.snapshot()
    with pytest.raises(error) as refused:
        keyed.scan(make(keyed, member.member_id))
    assert words in refused.value.message
    assert_readable(refused.value.message)
    assert db.snapshot() == before


def test_a_withdrawn_member_code_is_refused(
    keyed: Terminal, member: EnrollResult, cashier: Actor, db: DbProbe
) -> None:
    from app.domain.quote import Line

    db.write("UPDATE members SET status = 'codes_revoked' WHERE member_id = ?", member.member_id)
    with pytest.raises(codes.CodeRevoked, match="service desk") as refused:
        keyed.scan(codes.card_code(LEDGER_KEY, "K2", member.member_id))
    assert "by phone number" in refused.value.message
    with pytest.raises(codes.CodeRevoked):
        keyed.verify_code(phone_code(keyed, member.member_id))
    # Withdrawn codes withdraw the codes only: the member is served by number and phone.
    assert keyed.scan(PHONE).member_id == member.member_id
    assert keyed.card(PHONE).status == codes.CODES_REVOKED
    sale = keyed.award("after-revoke", cashier, keyed.identify(PHONE), [Line("grocery", 10_000)])
    assert sale.points_earned > 0
    assert keyed.card(member.member_id).points == sale.balance == sale.points_earned


def test_verify_checks_without_taking_the_step(
    keyed: Terminal, member: EnrollResult, db: DbProbe
) -> None:
    text = phone_code(keyed, member.member_id)
    before = db.snapshot()
    assert keyed.verify_code(text).via == PHONE_CODE
    assert db.snapshot() == before
    keyed.scan(text)
    with pytest.raises(codes.CodeReplayed):
        keyed.verify_code(text)


def test_a_printed_card_above_the_threshold_asks_for_the_phone_digits(
    keyed: Terminal, rich_member: EnrollResult, cashier: Actor, db: DbProbe
) -> None:
    threshold = keyed.rules.offline.card_code_pin_threshold_points
    member_id = rich_member.member_id
    via_card = keyed.scan(codes.card_code(LEDGER_KEY, "K2", member_id)).via
    above = threshold + 100
    before = db.snapshot()

    with pytest.raises(MemberCheckNeeded, match="last 4 digits"):
        keyed.redeem(
            "r-1", cashier, member_id, "order", points=above, amount_fen=1_000_000,
            member_check=MemberCheck(via_card),
        )  # fmt: skip
    with pytest.raises(MemberCheckFailed, match="do not match"):
        keyed.redeem(
            "r-1", cashier, member_id, "order", points=above, amount_fen=1_000_000,
            member_check=MemberCheck(via_card, "9999"),
        )  # fmt: skip
    assert db.snapshot() == before

    done = keyed.redeem(
        "r-1", cashier, member_id, "order", points=above, amount_fen=1_000_000,
        member_check=MemberCheck(via_card, PHONE[-4:]),
    )  # fmt: skip
    assert done.points == above
    assert keyed.card(member_id).points == 5000 - above


def test_small_redemptions_and_phone_codes_need_no_digits(
    keyed: Terminal, rich_member: EnrollResult, cashier: Actor
) -> None:
    threshold = keyed.rules.offline.card_code_pin_threshold_points
    member_id = rich_member.member_id
    keyed.redeem(
        "r-small", cashier, member_id, "order", points=threshold, amount_fen=1_000_000,
        member_check=MemberCheck(CARD_CODE),
    )  # fmt: skip
    keyed.redeem(
        "r-phone", cashier, member_id, "order", points=threshold + 100, amount_fen=1_000_000,
        member_check=MemberCheck(PHONE_CODE),
    )  # fmt: skip
    assert keyed.card(member_id).points == 5000 - 2 * threshold - 100


def test_points_used_at_checkout_with_a_card_ask_for_the_digits_too(
    keyed: Terminal, rich_member: EnrollResult, cashier: Actor
) -> None:
    from app.domain.quote import Line

    threshold = keyed.rules.offline.card_code_pin_threshold_points
    with pytest.raises(MemberCheckNeeded):
        keyed.award(
            "a-1", cashier, rich_member.member_id, [Line("grocery", 1_000_000)],
            points=threshold + 1, member_check=MemberCheck(CARD_CODE),
        )  # fmt: skip


def test_every_refusal_is_a_member_desk_error_with_a_reason() -> None:
    # The screen shows error.code's translation; a refusal without one would show English.
    for error in (
        codes.CodeGarbage, codes.CodeTooLong, codes.CodeWrongPrefix, codes.CodeTruncated,
        codes.CodeUnknownKey, codes.CodeBadSignature, codes.CodeExpired, codes.CodeReplayed,
        codes.CodeFromFuture, codes.CodeRevoked, MemberCheckNeeded, MemberCheckFailed,
    ):  # fmt: skip
        assert issubclass(error, MemberDeskError) and error.code not in ("error", "bad_code")

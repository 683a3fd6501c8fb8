"""Member codes: what a cashier sees for each code scanned (accepted, or refused and why)."""

from __future__ import annotations

import contextlib
from datetime import UTC, date, datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from hypothesis import given
from hypothesis import strategies as st

from app.domain import codes
from app.domain.codes import CardCode, DynamicCode, read_code

NOW = datetime(2026, 11, 24, 2, 0, 5, tzinfo=UTC)
LEDGER = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
OTHER = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
PHONE = Ed25519PrivateKey.from_private_bytes(bytes(range(2, 34)))


def raw(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


KEYS = {"K1": raw(LEDGER)}


def phone_code(
    moment: datetime = NOW, expires: date = date(2027, 1, 1), member: str = "M000001"
) -> str:
    credential = codes.issue_credential(LEDGER, "K1", member, raw(PHONE), expires)
    return codes.dynamic_code(credential, PHONE, moment)


def test_a_card_code_names_its_member() -> None:
    text = codes.card_code(LEDGER, "K1", "M000001")
    assert text.startswith("MD1C.K1.")
    assert text == text.upper()  # QR alphanumeric mode: compact
    assert read_code(text, KEYS, now=NOW) == CardCode("K1", "M000001")


def test_a_phone_code_is_accepted_one_step_either_side() -> None:
    for skew in (-30, 0, 30):
        code = read_code(phone_code(NOW + timedelta(seconds=skew)), KEYS, now=NOW)
        assert isinstance(code, DynamicCode)
        assert code.member_id == "M000001"
        assert code.step == codes.step_at(NOW + timedelta(seconds=skew))


def test_a_phone_code_fits_a_small_qr_code() -> None:
    assert len(phone_code()) < 330


def _flip(text: str, index: int) -> str:
    ch = "A" if text[index] != "A" else "B"
    return text[:index] + ch + text[index + 1 :]


CARD = codes.card_code(LEDGER, "K1", "M000001")
REFUSALS = [
    ("garbage", "hello world", codes.CodeWrongPrefix),
    ("empty", "   ", codes.CodeGarbage),
    ("control characters", CARD[:10] + "\x07" + CARD[10:], codes.CodeGarbage),
    ("oversized", "MD1C." + "A" * 600, codes.CodeTooLong),
    ("truncated card", CARD.rsplit(".", 1)[0], codes.CodeTruncated),
    ("truncated phone code", phone_code().rsplit(".", 2)[0], codes.CodeTruncated),
    ("wrong prefix", "MD2C" + CARD[4:], codes.CodeWrongPrefix),
    ("bad signature", _flip(CARD, len(CARD) - 5), codes.CodeBadSignature),
    (
        "someone else's member id",
        CARD.replace(CARD.split(".")[2], codes.card_code(LEDGER, "K1", "M000002").split(".")[2]),
        codes.CodeBadSignature,
    ),
    ("signed by another key", codes.card_code(OTHER, "K1", "M000001"), codes.CodeBadSignature),
    ("unknown key id", codes.card_code(LEDGER, "K9", "M000001"), codes.CodeUnknownKey),
    ("damaged base32", "MD1C.K1.!!!!.AAAA", codes.CodeGarbage),
    ("expired credential", phone_code(expires=date(2026, 11, 1)), codes.CodeExpired),
    ("old step (screenshot)", phone_code(NOW - timedelta(minutes=2)), codes.CodeExpired),
    ("step from the future", phone_code(NOW + timedelta(minutes=2)), codes.CodeFromFuture),
]


@pytest.mark.parametrize(
    ("text", "error"), [(t, e) for _, t, e in REFUSALS], ids=[name for name, _, _ in REFUSALS]
)
def test_each_bad_code_gets_its_own_message(text: str, error: type[codes.CodeError]) -> None:
    with pytest.raises(error) as raised:
        read_code(text, KEYS, now=NOW)
    assert raised.value.message.endswith(".")


def test_the_reasons_are_distinct_not_one_catch_all() -> None:
    assert len({e.code for _, _, e in REFUSALS}) == 8


def test_a_revoked_member_is_refused() -> None:
    with pytest.raises(codes.CodeRevoked):
        read_code(CARD, KEYS, now=NOW, revoked_members=frozenset({"M000001"}))


def test_a_rotated_key_still_reads_old_cards_until_revoked() -> None:
    new = Ed25519PrivateKey.from_private_bytes(bytes(range(5, 37)))
    both = {"K1": raw(LEDGER), "K2": raw(new)}
    assert read_code(CARD, both, now=NOW).member_id == "M000001"
    assert read_code(codes.card_code(new, "K2", "M000003"), both, now=NOW).member_id == ("M000003")
    with pytest.raises(codes.CodeUnknownKey):
        read_code(CARD, {"K2": raw(new)}, now=NOW)


@given(st.text(max_size=700))
def test_no_input_escapes_as_anything_but_a_code_error(text: str) -> None:
    with contextlib.suppress(codes.CodeError):
        read_code(text, KEYS, now=NOW)


@given(st.integers(min_value=0, max_value=len(CARD) - 1), st.sampled_from("A7.=Z2"))
def test_a_changed_card_never_names_anyone_else(index: int, char: str) -> None:
    # A change is refused, or (in the unused low bits of a base32 tail) changes nothing.
    changed = CARD[:index] + char + CARD[index + 1 :]
    try:
        accepted = read_code(changed, KEYS, now=NOW)
    except codes.CodeError:
        return
    assert accepted == CardCode("K1", "M000001")

"""Fuzzing the member-code parser: whatever a scanner or a person types, the terminal answers
with a member or with one of its own refusals (a message for the cashier), never a crash; and
a genuine code changed in any one character is never taken for a member."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain import codes

NOW = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)
LEDGER = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
PHONE = Ed25519PrivateKey.from_private_bytes(bytes(range(3, 35)))
KEYS = {"K1": LEDGER.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)}
CREDENTIAL = codes.issue_credential(
    LEDGER, "K1", "M000123", PHONE.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw),
    date(2026, 12, 31),
)  # fmt: skip
GENUINE = [codes.card_code(LEDGER, "K1", "M000123"), codes.dynamic_code(CREDENTIAL, PHONE, NOW)]
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567.MD1CK0189\x00\r\n\t é中"


def read(text: str) -> codes.MemberCode | None:
    try:
        return codes.read_code(text, KEYS, now=NOW)
    except codes.CodeError as refused:
        assert refused.message and refused.code.startswith("code_")
        return None


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=700))
def test_any_text_gets_a_member_or_a_refusal(text: str) -> None:
    read(text)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_binary_from_a_misconfigured_scanner_is_refused(data: bytes) -> None:
    assert read(data.decode("latin-1")) is None or data.isascii()


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(GENUINE),
    st.integers(min_value=0, max_value=10_000),
    st.sampled_from(ALPHABET),
)
def test_a_genuine_code_changed_anywhere_is_not_a_member(
    genuine: str, where: int, character: str
) -> None:
    position = where % len(genuine)
    if genuine[position] == character:
        return
    changed = genuine[:position] + character + genuine[position + 1 :]
    found = read(changed)
    # Base32 has spare bits in the last character: a change there may decode to the same
    # bytes, and then it is the same, genuine code.
    assert found is None or found == read(genuine)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(GENUINE), st.integers(min_value=0, max_value=10_000))
def test_a_genuine_code_cut_short_is_refused(genuine: str, where: int) -> None:
    assert read(genuine[: where % len(genuine)]) is None


def test_the_genuine_codes_read() -> None:
    assert [type(read(text)) for text in GENUINE] == [codes.CardCode, codes.DynamicCode]


# Digits of other scripts and forms: str.isdigit() takes them, int() takes some, and none is
# in a member code (ASCII only).
ODD_DIGITS = "²³¹⁰⁴₀₁０１２３４５６７８９٠١٢३४"


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(GENUINE),
    st.integers(min_value=0, max_value=10_000),
    st.text(alphabet=ODD_DIGITS, min_size=1, max_size=3),
)
def test_odd_digits_anywhere_are_refused_as_garbage(genuine: str, where: int, odd: str) -> None:
    position = where % len(genuine)
    with pytest.raises(codes.CodeGarbage):
        codes.read_code(genuine[:position] + odd + genuine[position + 1 :], KEYS, now=NOW)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from([4, 6]),
    st.one_of(
        st.text(alphabet=ODD_DIGITS, min_size=1, max_size=6),
        st.integers(min_value=10**12).map(str),
    ),
)
def test_the_numeric_fields_of_a_phone_code_take_ascii_digits_in_range(
    field: int, value: str
) -> None:
    parts = GENUINE[1].split(".")
    parts[field] = value
    with pytest.raises(codes.CodeGarbage):
        codes.read_code(".".join(parts), KEYS, now=NOW)


@pytest.mark.parametrize("step", ["²", "１２３", "٣"])
def test_a_superscript_or_full_width_step_is_garbage_not_a_crash(step: str) -> None:
    parts = GENUINE[1].split(".")
    parts[6] = step
    with pytest.raises(codes.CodeGarbage):
        codes.read_code(".".join(parts), KEYS, now=NOW)

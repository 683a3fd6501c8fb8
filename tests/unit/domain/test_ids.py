"""Event ids: UUIDv7 made on the terminal (RFC 9562): 48 bits of Unix milliseconds, the
version 7, 12 random bits, the variant 10, then 62 random bits."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.ids import uuid7

MS = 1_764_000_000_000  # 2025-11-24 16:00:00 UTC, 0x019ab697e800


@pytest.mark.parametrize(
    ("unix_ms", "random_bytes", "text"),
    [
        pytest.param(0, bytes(10), "00000000-0000-7000-8000-000000000000", id="all zero"),
        pytest.param(
            MS,
            bytes(10),
            "019ab697-e800-7000-8000-000000000000",
            id="the time in the first 48 bits",
        ),
        pytest.param(
            0,
            b"\xff" * 10,
            "00000000-0000-7fff-bfff-ffffffffffff",
            id="random bits never touch version or variant",
        ),
        # rand_a = 0x123 (top nibble of 0x0123 dropped); rand_b = 0x4567...0123 with its top
        # two bits replaced by the variant: 0x45 -> 0x85
        pytest.param(
            0,
            bytes.fromhex("0123456789abcdef0123"),
            "00000000-0000-7123-8567-89abcdef0123",
            id="where the random bits go",
        ),
    ],
)
def test_layout(unix_ms: int, random_bytes: bytes, text: str) -> None:
    assert str(uuid7(unix_ms, random_bytes)) == text


def test_a_fresh_id_is_version_7_with_the_rfc_variant() -> None:
    made = uuid7()
    assert made.version == 7
    assert made.variant == uuid.RFC_4122
    assert made != uuid7()


@given(
    ms=st.integers(0, 2**48 - 2),
    step=st.integers(1, 10_000),
    a=st.binary(min_size=10, max_size=10),
    b=st.binary(min_size=10, max_size=10),
)
def test_ids_sort_by_time(ms: int, step: int, a: bytes, b: bytes) -> None:
    earlier = uuid7(ms, a)
    later = uuid7(min(ms + step, 2**48 - 1), b)
    assert earlier.version == later.version == 7
    assert earlier.variant == later.variant == uuid.RFC_4122
    assert earlier < later
    assert str(earlier) < str(later)  # the text sorts the same way as the number
    assert earlier.int >> 80 == ms


def test_ids_made_one_after_another_are_ordered() -> None:
    ids = [uuid7(MS + n) for n in range(1_000)]
    assert ids == sorted(ids)
    assert len(set(ids)) == 1_000

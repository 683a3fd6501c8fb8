"""Money: what a cashier types becomes whole fen, and fen print back as yuan."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import InvalidInput
from app.domain.money import MAX_AMOUNT_FEN, Money, format_fen, parse_amount, percent_of


@pytest.mark.parametrize(
    ("typed", "fen"),
    [
        pytest.param("12", 1200, id="whole yuan"),
        pytest.param("12.5", 1250, id="one decimal is ten fen"),
        pytest.param("12.50", 1250, id="two decimals"),
        pytest.param("12.05", 1205, id="five fen"),
        pytest.param("0.01", 1, id="one fen"),
        pytest.param("0", 0, id="zero"),
        pytest.param("1,234.56", 123_456, id="thousands separator"),
        pytest.param("1,234,567", 123_456_700, id="two thousands separators"),
        pytest.param("  8.80 ", 880, id="spaces around"),
        pytest.param("007", 700, id="leading zeros"),
        pytest.param("100000000", MAX_AMOUNT_FEN, id="the largest sale: 100 million yuan"),
    ],
)
def test_parse_amount(typed: str, fen: int) -> None:
    assert parse_amount(typed) == fen


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        pytest.param("-1", "is not an amount", id="negative"),
        pytest.param("1.234", "is not an amount", id="three decimals"),
        pytest.param("abc", "is not an amount", id="letters"),
        pytest.param("", "is not an amount", id="nothing typed"),
        pytest.param("12.", "is not an amount", id="dot without decimals"),
        pytest.param(".5", "is not an amount", id="decimals without yuan"),
        pytest.param("1e3", "is not an amount", id="scientific notation"),
        pytest.param("12 50", "is not an amount", id="space inside"),
        pytest.param("¥12", "is not an amount", id="currency sign"),
        pytest.param("12,50", "is not an amount", id="decimal comma is not read as 1250 yuan"),
        pytest.param("1,2,3", "is not an amount", id="commas not in thousands"),
        pytest.param("100000000.01", "is more than any single sale", id="one fen over the limit"),
        pytest.param("999999999999", "is more than any single sale", id="absurd"),
        pytest.param("9999999999999", "is not an amount", id="more than twelve digits"),
    ],
)
def test_parse_amount_refuses(typed: str, says: str) -> None:
    with pytest.raises(InvalidInput, match=says) as caught:
        parse_amount(typed, field="--order")
    assert caught.value.message.startswith("--order: ")
    # the field and the kind of mistake: the screen says it in any language from these
    assert caught.value.params["field"] == "--order"
    assert caught.value.params["kind"] in ("not_amount", "too_large")


@pytest.mark.parametrize(
    ("fen", "text"),
    [
        pytest.param(0, "0.00", id="zero"),
        pytest.param(1, "0.01", id="one fen"),
        pytest.param(10, "0.10", id="ten fen"),
        pytest.param(1234, "12.34", id="yuan and fen"),
        pytest.param(1200, "12.00", id="whole yuan"),
        pytest.param(123_456_789, "1234567.89", id="large, no separators"),
        pytest.param(-5, "-0.05", id="negative fen"),
        pytest.param(-1234, "-12.34", id="negative yuan"),
    ],
)
def test_format_fen(fen: int, text: str) -> None:
    assert format_fen(fen) == text
    assert str(Money(fen)) == text


@given(st.integers(min_value=0, max_value=MAX_AMOUNT_FEN))
def test_a_printed_amount_reads_back_the_same(fen: int) -> None:
    assert parse_amount(format_fen(fen)) == fen


@pytest.mark.parametrize(
    ("fen", "percent", "cut"),
    [
        pytest.param(10_000, 5, 500, id="5% of 100.00"),
        pytest.param(999, 5, 49, id="5% of 9.99 is 49.95 fen: rounded down"),
        pytest.param(1, 90, 0, id="90% of one fen gives nothing away"),
        pytest.param(12_345, 0, 0, id="no discount"),
        pytest.param(12_345, 100, 12_345, id="the whole amount"),
    ],
)
def test_percent_of_rounds_down(fen: int, percent: int, cut: int) -> None:
    assert percent_of(fen, percent) == cut


def test_money_adds_and_subtracts_in_one_currency() -> None:
    assert Money(1250) + Money(50) == Money(1300)
    assert Money(1250) - Money(1300) == Money(-50)
    assert Money(100) < Money(101)


def test_money_refuses_to_mix_currencies() -> None:
    with pytest.raises(ValueError, match="cannot mix CNY and HKD"):
        Money(100) + Money(100, "HKD")
    with pytest.raises(ValueError, match="cannot mix CNY and HKD"):
        Money(100) - Money(100, "HKD")


@pytest.mark.parametrize(
    "fen",
    [pytest.param(12.5, id="float"), pytest.param(True, id="bool"), pytest.param("12", id="text")],
)
def test_money_holds_only_whole_fen(fen: object) -> None:
    with pytest.raises(TypeError, match="must be an int"):
        Money(fen)  # type: ignore[arg-type]

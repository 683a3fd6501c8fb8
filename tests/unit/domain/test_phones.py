"""One phone normalisation (app/domain/phones.py): every way a person writes a mainland
mobile is one member; other countries keep their code in E.164; anything else is refused
naming the field, never a crash."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.errors import InvalidInput
from app.domain.phones import normalise_phone

SAME_MEMBER = [
    "13912345684",
    "１３９１２３４５６８４",
    "+86 139 1234 5684",
    "+86 13912345684",
    "86139 1234 5684",
    "8613912345684",
    "0086 13912345684",
    "139-1234-5684",
    "139 1234 5684",
    "(+86)139 1234 5684",
    "(+86) 139-1234-5684",
    "+８６\u3000１３９１２３４５６８４",
    "  13912345684  ",
]


@pytest.mark.parametrize("text", SAME_MEMBER)
def test_every_spelling_of_a_mainland_mobile_is_its_national_number(text: str) -> None:
    assert normalise_phone(text) == "13912345684"


@pytest.mark.parametrize(
    ("text", "normal"),
    [("+44 20 7946 0958", "+442079460958"), ("+1 650-253-0000", "+16502530000")],
)
def test_another_countrys_number_is_e164(text: str, normal: str) -> None:
    assert normalise_phone(text) == normal


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "12345",
        "1391234",
        "139123456841234",
        "M000001",
        "not a phone",
        "¹³⁹¹²³⁴⁵⁶⁸⁴",  # superscripts: str.isdigit() says yes
        "١٣٩١٢٣٤٥٦٨٤",  # Arabic-Indic digits
        "13912345684 ext 5",
        "1-800-FLOWERS",
        "++8613912345684",
        "139\n12345684",
        "139\x0012345684",
        "1" * 1000,
    ],
)
def test_what_is_not_a_phone_is_refused_naming_the_field(text: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        normalise_phone(text)
    assert refused.value.params["field"] == "phone"
    assert repr(text) not in refused.value.message  # never echoed (a message can reach a log)


def test_the_field_named_is_the_callers() -> None:
    with pytest.raises(InvalidInput) as refused:
        normalise_phone("12", field="members.csv row 7: phone")
    assert refused.value.params["field"] == "members.csv row 7: phone"


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=60))
def test_any_text_is_a_normal_phone_or_a_refusal(text: str) -> None:
    try:
        normal = normalise_phone(text)
    except InvalidInput:
        return
    assert normal.isascii()
    assert normalise_phone(normal) == normal  # the normal form is a fixed point


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=0, max_value=99_999_999),
    st.sampled_from(["", "+86", "86", "0086", "(+86)", "+86 "]),
    st.sampled_from(["", " ", "-"]),
    st.booleans(),
)
def test_spellings_of_one_mobile_normalise_alike(
    tail: int, country: str, sep: str, wide: bool
) -> None:
    national = f"139{tail:08d}"
    text = country + national[:3] + sep + national[3:7] + sep + national[7:]
    if wide:
        text = text.translate({code: code + 0xFEE0 for code in range(0x21, 0x7F)})
    assert normalise_phone(text) == national

"""PLUS activation codes as printed and as typed: one form, one hash, anything else refused."""

from __future__ import annotations

import pytest

from app.domain.errors import InvalidInput
from app.domain.plus_codes import code_hash, new_code, normalise_code


def test_a_new_code_is_four_groups_of_four_and_reads_back_as_itself() -> None:
    code = new_code()
    groups = code.split("-")
    assert [len(g) for g in groups] == [4, 4, 4, 4]
    assert not set(code) & set("01OI")
    assert normalise_code(code) == "".join(groups)
    assert len({new_code() for _ in range(200)}) == 200


@pytest.mark.parametrize(
    "typed", ["abcd-efgh-jklm-npqr", " ABCD EFGH JKLM NPQR ", "ABCDEFGHJKLMNPQR"]
)
def test_a_code_typed_in_any_case_or_grouping_is_the_same_code(typed: str) -> None:
    assert normalise_code(typed) == "ABCDEFGHJKLMNPQR"
    assert code_hash(typed) == code_hash("ABCD-EFGH-JKLM-NPQR")


@pytest.mark.parametrize(
    "typed",
    ["", "ABCD", "ABCD-EFGH-JKLM-NPQ", "ABCD-EFGH-JKLM-NPQRS", "ABCD-EFGH-JKLM-NPQ0", "ÄBCD" * 4],
)
def test_what_cannot_be_a_code_is_refused(typed: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        normalise_code(typed)
    assert refused.value.params["kind"] == "activation_code"

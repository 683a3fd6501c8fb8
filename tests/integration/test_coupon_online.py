"""Online, a sale asks the ledger about its coupon first (a use at another counter counts at
once); offline, or for a coupon the ledger does not know yet, the replica decides."""

from __future__ import annotations

import pytest

from app.bootstrap import Terminal
from app.domain.errors import CouponNotUsable, LedgerUnavailable
from app.domain.quote import Line
from app.services.context import Actor
from app.services.views import EnrollResult


class Ledger:
    def __init__(self, answer: bool | Exception | None) -> None:
        self.answer = answer
        self.asked: list[str] = []

    def used(self, code: str) -> bool | None:
        self.asked.append(code)
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer


@pytest.mark.parametrize(
    ("answer", "usable"),
    [
        (True, False),  # used at another counter: refused before the sale's transaction
        (False, True),
        (None, True),  # issued here, not synced yet: the replica knows it
        (LedgerUnavailable("offline"), True),  # offline: the replica decides
    ],
)
def test_a_sale_asks_the_ledger_about_its_coupon(
    terminal: Terminal,
    cashier: Actor,
    supervisor: Actor,
    member: EnrollResult,
    answer: bool | Exception | None,
    usable: bool,
) -> None:
    code = terminal.issue_coupon("give", supervisor, member.member_id, "WINBACK20").coupon_code
    ledger = Ledger(answer)
    terminal.ctx.coupons = ledger
    basket = [Line("grocery", 30_000)]
    if usable:
        assert terminal.award("sale", cashier, member.member_id, basket, coupon=code.lower())
    else:
        with pytest.raises(CouponNotUsable, match="already used"):
            terminal.award("sale", cashier, member.member_id, basket, coupon=code)
        assert terminal.card(member.member_id).coupons[0].code == code  # still the member's
    assert ledger.asked == [code]

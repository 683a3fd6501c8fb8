"""A random day at the counter, step by step, on a real terminal.

After every step: the journal verifies, each cached balance is the journal's sum, no lot is
overdrawn, the card shows exactly the live lots, and every request that succeeded left exactly
one request record. Retrying any earlier request returns its first result and writes nothing;
reusing its id for something else is refused and writes nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from termkit import (
    CASHIER,
    SUPERVISOR,
    balance_row,
    counts,
    dispose,
    fresh_terminal,
    journal_sum,
    lots_from_journal,
    query,
)

from app.domain.errors import (
    InsufficientPoints,
    InvalidInput,
    MemberDeskError,
    RefundTooLarge,
    RequestConflict,
)
from app.domain.quote import Line

CATEGORIES = ("grocery", "fashion", "dining", "beauty")
amounts = st.integers(min_value=1, max_value=60_000)


@dataclass
class Done:
    request_id: str
    call: Callable[[], Any]
    result: Any


class CounterDay(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.term, self.clock, self.root = fresh_terminal()
        self.members: list[str] = []
        self.done: list[Done] = []
        self.receipts: list[str] = []
        self.serial = 0

    def teardown(self) -> None:
        dispose(self.term, self.root)

    def _id(self, prefix: str) -> str:
        self.serial += 1
        return f"{prefix}-{self.serial}"

    def _apply(self, request_id: str, call: Callable[[], Any]) -> Any:
        result = call()
        self.done.append(Done(request_id, call, result))
        return result

    def _refused(self, error: type[MemberDeskError], call: Callable[[], Any]) -> None:
        before = counts(self.term)
        try:
            call()
        except error:
            pass
        else:
            raise AssertionError(f"{error.__name__} expected")
        assert counts(self.term) == before

    @initialize()
    def enroll_two(self) -> None:
        for n in range(2):
            rid = self._id("enroll")
            result = self._apply(rid, functools.partial(
                self.term.enroll, rid, CASHIER, phone=f"1390000000{n}", name=f"Member {n}"
            ))  # fmt: skip
            self.members.append(result.member_id)

    @rule(data=st.data(), who=st.integers(0, 1))
    def award(self, data: st.DataObject, who: int) -> None:
        member = self.members[who]
        lines = [
            Line(data.draw(st.sampled_from(CATEGORIES)), data.draw(amounts))
            for _ in range(data.draw(st.integers(1, 3)))
        ]
        usable = self.term.quote(member, lines).max_points_usable
        points = data.draw(st.integers(0, usable))
        rid = self._id("award")
        before = self._shown(member)
        r = self._apply(rid, lambda: self.term.award(rid, CASHIER, member, lines, points=points))
        assert r.points_used == points
        # The receipt shows what the member can spend now, less any overdraft.
        assert r.balance == before - points + r.points_earned == self._shown(member)
        self.receipts.append(r.receipt_no)

    @rule(who=st.integers(0, 1), extra=st.integers(1, 50))
    def award_too_many_points(self, who: int, extra: int) -> None:
        member = self.members[who]
        spendable = self.term.card(member).points
        rid = self._id("greedy")
        self._refused(
            InsufficientPoints,
            lambda: self.term.award(
                rid, CASHIER, member, [Line("grocery", 10_000_000)], points=spendable + extra
            ),
        )

    @rule(data=st.data(), who=st.integers(0, 1))
    def redeem_off_an_order(self, data: st.DataObject, who: int) -> None:
        member = self.members[who]
        spendable = self.term.card(member).points
        points = data.draw(st.integers(1, spendable + 20))
        rid = self._id("redeem")

        def call() -> Any:
            return self.term.redeem(
                rid, CASHIER, member, "order", points=points, amount_fen=points * 2
            )

        if points > spendable:
            self._refused(InsufficientPoints, call)
        else:
            assert self._apply(rid, call).balance == self._shown(member)

    @rule(who=st.integers(0, 1), points=st.integers(-3_000, 3_000).filter(bool))
    def adjust(self, who: int, points: int) -> None:
        member = self.members[who]
        rid = self._id("adjust")

        def call() -> Any:
            return self.term.adjust(rid, SUPERVISOR, member, points, "counted again")

        if -points > self.term.card(member).points:
            self._refused(InsufficientPoints, call)
        else:
            self._apply(rid, call)

    @precondition(lambda self: bool(self.receipts))
    @rule(data=st.data())
    def refund(self, data: st.DataObject) -> None:
        receipt = data.draw(st.sampled_from(self.receipts))
        paid, refunded = self._refundable(receipt)
        left = paid - refunded
        amount = data.draw(st.none() | st.integers(1, max(1, left + 100)))
        rid = self._id("refund")

        def call() -> Any:
            return self.term.refund(rid, CASHIER, receipt, amount)

        if left == 0 or (amount is not None and amount > left):
            self._refused(RefundTooLarge, call)
        else:
            r = self._apply(rid, call)
            assert r.refundable_left_fen == left - (left if amount is None else amount)

    def _shown(self, member: str) -> int:
        card = self.term.card(member)
        return card.points - card.open_overdraft

    def _refundable(self, receipt: str) -> tuple[int, int]:
        (paid,) = query(
            self.term, "SELECT payable_fen FROM purchases WHERE receipt_no = ?", receipt
        )[0]
        (refunded,) = query(
            self.term,
            "SELECT COALESCE(SUM(amount_fen), 0) FROM refunds WHERE receipt_no = ?",
            receipt,
        )[0]
        return int(str(paid)), int(str(refunded))

    @rule(days=st.integers(0, 20), hours=st.integers(0, 23))
    def time_passes(self, days: int, hours: int) -> None:
        self.clock.advance(days=days, hours=hours)

    @rule()
    def expire(self) -> None:
        rid = f"expire-T01-{self.term.ctx.today().isoformat()}"
        if any(d.request_id == rid for d in self.done):
            before = counts(self.term)
            self.term.expire()
            assert counts(self.term) == before
        else:
            self._apply(rid, self.term.expire)
        for member in self.members:
            lots = lots_from_journal(self.term, member)
            today = self.term.ctx.today()
            assert all(left == 0 for left, day in lots.values() if day and day < today)

    @precondition(lambda self: bool(self.done))
    @rule(data=st.data())
    def retry(self, data: st.DataObject) -> None:
        earlier = data.draw(st.sampled_from(self.done))
        if earlier.request_id.startswith("expire-"):
            return  # its id is per day; retrying another day is a new request
        before = counts(self.term)
        assert earlier.call() == earlier.result
        assert counts(self.term) == before

    @precondition(lambda self: bool(self.done))
    @rule(data=st.data(), who=st.integers(0, 1))
    def reuse_an_id(self, data: st.DataObject, who: int) -> None:
        earlier = data.draw(st.sampled_from(self.done))
        self._refused(
            RequestConflict,
            lambda: self.term.adjust(
                earlier.request_id, SUPERVISOR, self.members[who], 7, "not this id"
            ),
        )

    @rule(who=st.integers(0, 1))
    def a_bad_amount(self, who: int) -> None:
        rid = self._id("bad")
        self._refused(
            InvalidInput,
            lambda: self.term.award(rid, CASHIER, self.members[who], [Line("grocery", -1)]),
        )

    @invariant()
    def the_books_balance(self) -> None:
        if not self.members:
            return
        report = self.term.verify()
        assert report.ok, report.problems
        today = self.term.ctx.today()
        for member in self.members:
            points, overdraft = balance_row(self.term, member)
            assert points == journal_sum(self.term, member)
            lots = lots_from_journal(self.term, member)
            assert all(left >= 0 for left, _ in lots.values())
            assert overdraft >= 0
            assert points == sum(left for left, _ in lots.values()) - overdraft
            live = sum(left for left, day in lots.values() if day is None or day >= today)
            card = self.term.card(member)
            assert (card.points, card.open_overdraft) == (live, overdraft)

    @invariant()
    def each_success_recorded_once(self) -> None:
        c = counts(self.term)
        assert c["requests"] == len(self.done)
        assert c["purchases"] == len(self.receipts)


CounterDay.TestCase.settings = settings(
    max_examples=10,
    stateful_step_count=20,
    deadline=None,
    database=None,
    # Shrinking replays whole terminals and can take minutes: report the first failure.
    phases=(Phase.explicit, Phase.generate),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_counter_day = CounterDay.TestCase

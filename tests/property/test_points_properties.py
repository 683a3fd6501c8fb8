"""Two promises about lots: spending takes the points that expire first, and a full refund
puts the member's points back exactly as they were before the purchase."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from termkit import (
    CASHIER,
    SUPERVISOR,
    balance_row,
    dispose,
    fresh_terminal,
    lots_from_journal,
    query,
    short_lived_points,
)

from app.bootstrap import Terminal
from app.domain.quote import Line
from app.services.context import FixedClock
from app.services.setup import install_rule_book

SETTINGS = settings(
    max_examples=15,
    deadline=None,
    database=None,
    # Shrinking replays whole terminals and can take minutes: report the first failure.
    phases=(Phase.explicit, Phase.generate),
    suppress_health_check=[HealthCheck.too_slow],
)

# (days to wait, points credited, how many days the rule book in force lets points live):
# the rule book changes between credits, so a newer lot can expire before an older one.
credits = st.lists(
    st.tuples(st.integers(0, 25), st.integers(1, 2_000), st.sampled_from([5, 30, 90])),
    min_size=1,
    max_size=6,
)


def _give_lots(
    term: Terminal, clock: FixedClock, member: str, plan: list[tuple[int, int, int]]
) -> None:
    for n, (wait, points, lifetime) in enumerate(plan):
        clock.advance(days=wait)
        install_rule_book(term.ctx, short_lived_points(lifetime, version=term.rules.version + 1))
        term.adjust(f"credit-{n}", SUPERVISOR, member, points, "property test")


def _live(lots: dict[int, tuple[int, date | None]], today: date) -> dict[int, int]:
    return {lot: left for lot, (left, day) in lots.items() if day is None or day >= today}


@SETTINGS
@given(plan=credits, share=st.floats(0, 1), after=st.integers(0, 10))
def test_points_are_spent_oldest_expiry_first(
    plan: list[tuple[int, int, int]], share: float, after: int
) -> None:
    term, clock, root = fresh_terminal()
    try:
        member = term.enroll("e-1", CASHIER, phone="13900000001", name="Zhang Wei").member_id
        _give_lots(term, clock, member, plan)
        clock.advance(days=after)
        today = term.ctx.today()
        before = _live(lots_from_journal(term, member), today)
        spendable = sum(before.values())
        assert term.card(member).points == spendable  # expired lots not yet zeroed excluded
        spend = int(spendable * share)
        if spend == 0:
            return
        term.redeem("spend", CASHIER, member, "order", points=spend, amount_fen=2 * spend)

        lots = lots_from_journal(term, member)
        takes = query(term, "SELECT lot_id, -points FROM journal WHERE request_id = 'spend'")
        assert sum(int(str(p)) for _, p in takes) == spend
        order = sorted(before, key=lambda lot: (lots[lot][1] or date.max, lot))
        touched = {int(str(lot)) for lot, _ in takes}
        assert touched <= set(before), "took from an expired lot"
        # Every lot that expires before the last one touched is now empty.
        last = max(order.index(lot) for lot in touched)
        assert all(lots[lot][0] == 0 for lot in order[:last])
        assert all(lots[lot][0] == before[lot] for lot in order[last + 1 :])
        assert term.card(member).points == spendable - spend
        assert term.verify().ok
    finally:
        dispose(term, root)


@SETTINGS
@given(
    plan=credits,
    lines=st.lists(st.integers(100, 80_000), min_size=1, max_size=3),
    share=st.floats(0, 1),
    parts=st.integers(1, 4),
    wednesday=st.booleans(),
)
def test_a_full_refund_restores_the_points_state(
    plan: list[tuple[int, int, int]], lines: list[int], share: float, parts: int, wednesday: bool
) -> None:
    term, clock, root = fresh_terminal()
    try:
        member = term.enroll("e-1", CASHIER, phone="13900000001", name="Zhang Wei").member_id
        _give_lots(term, clock, member, plan)
        if wednesday:
            clock.advance(days=(2 - term.ctx.today().weekday()) % 7)  # member day: 2x points
        basket = [Line("grocery", amount) for amount in lines]
        usable = term.quote(member, basket).max_points_usable
        state = (lots_from_journal(term, member), balance_row(term, member))
        card = term.card(member)
        shown = (card.points, card.open_overdraft, card.expiring_points, card.expiring_on)

        bought = term.award("buy", CASHIER, member, basket, points=int(usable * share))
        # Refund in ``parts`` pieces; the last one takes whatever is left.
        piece = bought.payable_fen // parts
        for n in range(parts - 1):
            if piece:
                term.refund(f"refund-{n}", CASHIER, bought.receipt_no, piece)
        last = term.refund("refund-last", CASHIER, bought.receipt_no)
        assert last.refundable_left_fen == 0

        after_lots = lots_from_journal(term, member)
        earned = set(after_lots) - set(state[0])
        assert all(after_lots[lot][0] == 0 for lot in earned)
        assert {lot: after_lots[lot] for lot in state[0]} == state[0]
        assert balance_row(term, member) == state[1]
        card = term.card(member)
        assert (card.points, card.open_overdraft, card.expiring_points, card.expiring_on) == shown
        assert term.verify().ok
    finally:
        dispose(term, root)

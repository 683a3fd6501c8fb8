"""End-of-day totals and shift totals, per cashier."""

from __future__ import annotations

from datetime import UTC, date, datetime

from app.bootstrap import Terminal
from app.domain.quote import Line
from app.services.context import Actor, FixedClock
from app.services.views import EnrollResult


def test_end_of_day_adds_up_every_cashier(
    terminal: Terminal,
    cashier: Actor,
    supervisor: Actor,
    rich_member: EnrollResult,
    clock: FixedClock,
) -> None:
    mid = rich_member.member_id
    a = terminal.award("a-1", cashier, mid, [Line("grocery", 10_000)], points=1_000)
    terminal.award("a-2", supervisor, mid, [Line("fashion", 5_000)])
    terminal.redeem("r-1", cashier, mid, "order", points=200, amount_fen=1_000)
    terminal.refund("rf-1", cashier, a.receipt_no, 4_500)
    terminal.sell_plus("p-1", supervisor, mid)

    report = terminal.end_of_day()
    assert report.start.startswith("2026-11-24T00:00:00+08:00")
    assert [row.cashier_id for row in report.per_cashier] == ["lin", "sam"]
    lin, sam = report.per_cashier
    assert (lin.purchases, lin.sales_fen, lin.points_awarded) == (1, 9_000, 90)
    assert (lin.points_redeemed, lin.refunds, lin.points_refunded) == (1_000 + 200, 1, 45)
    assert (lin.refunds_fen, lin.gross_fen, lin.net_fen) == (4_500, 9_000, 4_500)
    assert (sam.purchases, sam.sales_fen, sam.points_awarded) == (1, 5_000, 50)
    assert (sam.plus_sold, sam.plus_fees_fen) == (1, 14_900)
    assert (sam.gross_fen, sam.net_fen) == (5_000 + 14_900, 5_000 + 14_900)
    t = report.totals
    assert t.cashier_id == "*"
    assert (t.purchases, t.sales_fen, t.points_awarded, t.points_redeemed) == (
        2,
        14_000,
        140,
        1_200,
    )
    assert (t.gross_fen, t.refunds_fen, t.net_fen) == (28_900, 4_500, 24_400)
    assert (report.business_day, report.zone) == ("2026-11-24", "Asia/Shanghai")

    clock.advance(days=1)
    assert terminal.end_of_day().per_cashier == []
    assert terminal.end_of_day(date(2026, 11, 24)) == report


def test_a_shift_reports_only_its_own_cashier_and_time(
    terminal: Terminal,
    cashier: Actor,
    supervisor: Actor,
    member: EnrollResult,
    clock: FixedClock,
) -> None:
    mid = member.member_id
    terminal.award("before", cashier, mid, [Line("grocery", 1_000)])
    clock.advance(minutes=1)
    shift = terminal.open_shift(cashier)
    assert terminal.open_shift(cashier) == shift  # already open
    terminal.award("mine", cashier, mid, [Line("grocery", 2_000)])
    terminal.award("theirs", supervisor, mid, [Line("grocery", 4_000)])
    clock.advance(hours=8)
    report = terminal.close_shift(cashier)
    assert report.totals.cashier_id == "lin"
    assert (report.totals.purchases, report.totals.sales_fen) == (1, 2_000)
    # in the shop's time, as the receipts show it: opened 10:01, closed 18:01 in Shanghai
    assert (report.start, report.end) == ("2026-11-24T10:01:00+08:00", "2026-11-24T18:01:00+08:00")
    assert report.shift and report.business_day == "2026-11-24"


def test_adjustments_count_for_the_supervisor_who_made_them(
    terminal: Terminal, supervisor: Actor, member: EnrollResult
) -> None:
    terminal.adjust("adj-1", supervisor, member.member_id, 300, "Lost receipt, goodwill")
    terminal.adjust("adj-2", supervisor, member.member_id, -50, "Double scan")
    terminal.adjust("adj-2", supervisor, member.member_id, -50, "Double scan")  # a retry
    (sam,) = terminal.end_of_day().per_cashier
    assert (sam.cashier_id, sam.adjustments, sam.points_adjusted) == ("sam", 2, 250)


def test_a_sale_just_after_midnight_in_shanghai_is_on_that_day(
    terminal: Terminal, cashier: Actor, member: EnrollResult, clock: FixedClock
) -> None:
    """00:30 on 25 November in Shanghai is still 24 November in UTC: the 25th's sale."""
    clock.current = datetime(2026, 11, 24, 16, 30, tzinfo=UTC)
    terminal.award("late", cashier, member.member_id, [Line("grocery", 3_300)])
    assert terminal.end_of_day(date(2026, 11, 24)).totals.purchases == 0
    day = terminal.end_of_day()
    assert (day.business_day, day.totals.purchases, day.totals.sales_fen) == (
        "2026-11-25",
        1,
        3_300,
    )
    assert day.start == "2026-11-25T00:00:00+08:00"

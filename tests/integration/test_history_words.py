"""A member's history says what happened in words, one line per thing, newest first: sales,
coupons got, used and given back, refunds, gifts, coupons bought with points, points off an
order, PLUS, adjustments and write-offs; never the journal's codes ("redeem_gift", "tote")."""

from __future__ import annotations

import re

from app.bootstrap import Terminal
from app.domain.quote import Line
from app.services.context import Actor, FixedClock
from app.services.history import in_words
from app.services.views import EnrollResult


def test_history_in_words_covers_plus_and_coupons(
    terminal: Terminal,
    cashier: Actor,
    supervisor: Actor,
    rich_member: EnrollResult,
    clock: FixedClock,
) -> None:
    mid = rich_member.member_id
    terminal.set_gift_stock(supervisor, "tote", 2)

    def step() -> None:
        clock.advance(minutes=1)

    step()
    coupon = terminal.issue_coupon("h-1", supervisor, mid, "WINBACK20")
    step()
    sale = terminal.award("h-2", cashier, mid, [Line("grocery", 20_000)], coupon=coupon.coupon_code)
    step()
    terminal.refund("h-3", cashier, sale.receipt_no)
    step()
    terminal.redeem("h-4", cashier, mid, "gift", item="tote")
    step()
    terminal.redeem("h-5", cashier, mid, "coupon", item="DINE10P")
    step()
    terminal.redeem("h-6", cashier, mid, "order", points=200, amount_fen=1_000)
    step()
    plus = terminal.sell_plus("h-7", supervisor, mid)
    step()
    terminal.adjust("h-8", supervisor, mid, -50, "Double scan")

    history = terminal.history(mid)
    said = [in_words(line) for line in history.timeline]
    (plus_coupon,) = plus.coupons_issued
    r = sale.receipt_no
    paid = f"¥{sale.payable_fen // 100}.{sale.payable_fen % 100:02d}"
    assert said == [
        "Points adjusted by -50: Double scan",
        f"Got coupon PLUS monthly 10 yuan off 100 ({plus_coupon}), valid until "
        f"{history.timeline[1].facts['until']}",
        f"Bought PLUS for ¥149.00, {plus.starts_on} to {plus.ends_on}",
        "Redeemed 200 points for ¥10.00 off",
        "Redeemed 800 points for a coupon: 10% off dining",
        "Redeemed 1500 points for a gift: Canvas tote bag",
        f"Coupon We missed you: 20 yuan off 150 ({coupon.coupon_code}) given back by a refund",
        f"Refund of {paid} (receipt {r}): {sale.points_earned} points taken back, 0 given back",
        f"Used coupon We missed you: 20 yuan off 150 ({coupon.coupon_code}) on receipt {r}",
        f"Bought for {paid} (receipt {r}): earned {sale.points_earned} points, used 0",
        f"Got coupon We missed you: 20 yuan off 150 ({coupon.coupon_code}), valid until "
        f"{coupon.valid_until}",
        "Points adjusted by +5000: welcome points",
    ]
    # the points column adds up to the balance (each movement once, none twice)
    assert sum(line.points for line in history.timeline) == history.balance
    assert [line.cashier_id for line in history.timeline][:3] == ["sam", None, "sam"]
    codes = re.compile(r"redeem_|plus_sold|refund_earn|coupon_issued|: tote\b")
    assert not any(codes.search(text) for text in said), said


def test_owed_points_written_off_and_expired_points_in_words(
    terminal: Terminal, cashier: Actor, supervisor: Actor, member: EnrollResult, clock: FixedClock
) -> None:
    mid = member.member_id
    bought = terminal.award("o-1", cashier, mid, [Line("grocery", 10_000)])
    clock.advance(minutes=1)
    terminal.redeem("o-2", cashier, mid, "order", points=100, amount_fen=1_000)
    clock.advance(minutes=1)
    terminal.refund("o-3", cashier, bought.receipt_no)
    clock.advance(minutes=1)
    terminal.write_off_overdraft("o-4", supervisor, mid, "Customer left in good faith")
    clock.advance(minutes=1)
    terminal.award("o-5", cashier, mid, [Line("grocery", 5_000)])
    clock.advance(days=800)  # past the end of the year after next: the 50 points lapse
    terminal.expire()

    said = [in_words(line) for line in terminal.history(mid).timeline]
    assert said[:2] == [
        "50 points expired",
        f"Bought for ¥50.00 (receipt {said[1].split('receipt ')[1].split(')')[0]}): "
        "earned 50 points, used 0",
    ]
    assert said[2] == "Owed points written off (100): Customer left in good faith"
    assert said[3] == (
        f"Refund of ¥100.00 (receipt {bought.receipt_no}): 100 points taken back, "
        "0 given back, 100 owed"
    )

"""``memberdesk member history`` in a process of its own says what happened in words: a gift
for points, a coupon got and used, PLUS bought and renewed; never the journal's codes."""

from __future__ import annotations

from .harness import Counter


def test_the_command_line_history_is_in_words(pc: Counter) -> None:
    pc.run("redeem", "M000001", "--gift", "tote", "--cashier", "lin")
    coupon = pc.json("coupon", "issue", "M000001", "WINBACK20", "--cashier", "sam")["coupon_code"]
    sale = pc.json(
        "award", "M000001", "--line", "grocery=200", "--coupon", coupon, "--cashier", "lin"
    )
    pc.run("plus", "sell", "M000002", "--cashier", "lin")
    pc.run("plus", "sell", "M000001", "--cashier", "lin")  # a demo PLUS member: a renewal

    first = pc.run("member", "history", "M000001", "--limit", "6").stdout
    assert "Redeemed 1500 points for a gift: Canvas tote bag  [lin]" in first
    assert f"Got coupon We missed you: 20 yuan off 150 ({coupon})" in first
    assert (
        f"Used coupon We missed you: 20 yuan off 150 ({coupon}) on receipt {sale['receipt_no']}"
        in first
    )
    assert f"(receipt {sale['receipt_no']}): earned {sale['points_earned']} points, used 0" in first
    assert "Renewed PLUS for ¥149.00" in first
    second = pc.run("member", "history", "13800138002").stdout  # by phone, as at the counter
    assert "Bought PLUS for ¥149.00" in second
    lines = pc.json("member", "history", "M000002", "--limit", "3")["lines"]
    bought = [line for line in lines if line["what"] == "plus_bought"]
    assert bought and bought[0]["words"].startswith("Bought PLUS for ¥149.00")
    assert bought[0]["amount_fen"] == 14_900 and bought[0]["cashier_id"] == "lin"
    for code in ("redeem_gift", "plus_sold", "coupon_issued", "gift: tote"):
        assert code not in first + second

"""A day at a counter in Shanghai closed from the command line, each step a process at its own
time: sales, a refund, a PLUS sale, an adjustment, and a sale at 00:30 the next morning
(still the day before in UTC) that belongs to the next day's report, in the text, the CSV and
the PDF alike."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from pdftext import pdf_text

from .harness import Counter

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=SHANGHAI)


def report_csv(path: Path) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """(what the report covers, {cashier: {column: value}})."""
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    blank = rows.index([])
    covers = {row[0]: row[1] for row in rows[:blank]}
    header = rows[blank + 1]
    return covers, {row[0]: dict(zip(header, row, strict=True)) for row in rows[blank + 2 :]}


def test_a_shanghai_day_closes_with_every_figure_on_the_right_day(tmp_path: Path) -> None:
    pc = Counter(tmp_path / "pc" / "memberdesk", tmp_path / "pc")
    pc.run("demo", at=at(20, 9))
    sale = pc.json("award", "M000001", "--line", "grocery=100", "--cashier", "lin", at=at(24, 10))
    other = pc.json("award", "M000002", "--line", "dining=50", "--cashier", "sam", at=at(24, 11))
    refund = pc.json(
        "refund", sale["receipt_no"], "--amount", "40", "--cashier", "lin", at=at(24, 12)
    )
    plus = pc.json("plus", "sell", "M000002", "--cashier", "sam", at=at(24, 13))
    pc.json(
        "adjust", "M000001", "200", "--reason", "Lost receipt", "--cashier", "sam", at=at(24, 14)
    )
    late = pc.json("award", "M000003", "--line", "grocery=33", "--cashier", "lin", at=at(25, 0, 30))

    day = tmp_path / "out"
    shown = pc.run(
        "report",
        "--day",
        "2026-11-24",
        "--csv",
        str(day / "24.csv"),
        "--pdf",
        str(day / "24.pdf"),
        at=at(25, 1),
    ).stdout
    covers, rows = report_csv(day / "24.csv")
    assert covers == {
        "report": "day",
        "business_day": "2026-11-24",
        "time_zone": "Asia/Shanghai",
        "from": "2026-11-24T00:00:00+08:00",
        "to": "2026-11-25T00:00:00+08:00",
    }
    assert set(rows) == {"lin", "sam", "TOTAL"}  # the 00:30 sale is not on the 24th
    lin, sam, total = rows["lin"], rows["sam"], rows["TOTAL"]
    yuan = lambda fen: f"{fen // 100}.{fen % 100:02d}"  # noqa: E731
    assert (lin["purchases"], lin["sales_yuan"]) == ("1", yuan(sale["payable_fen"]))
    assert (
        (lin["refunds"], lin["refunds_yuan"]) == ("1", "40.00") == ("1", yuan(refund["amount_fen"]))
    )
    assert lin["net_yuan"] == yuan(sale["payable_fen"] - 4_000)
    assert (sam["plus_sold"], sam["plus_fees_yuan"]) == ("1", yuan(plus["fee_fen"]))
    assert (sam["adjustments"], sam["points_adjusted"]) == ("1", "200")
    assert sam["gross_yuan"] == yuan(other["payable_fen"] + plus["fee_fen"])
    assert total["points_awarded"] == str(sale["points_earned"] + other["points_earned"])
    assert total["net_yuan"] == yuan(
        sale["payable_fen"] + other["payable_fen"] + plus["fee_fen"] - 4_000
    )
    # the terminal's own words, and the PDF's, say the same
    assert "business day 2026-11-24 (Asia/Shanghai), from 2026-11-24 00:00 +08:00" in shown
    net_line = next(line for line in shown.splitlines() if line.startswith("Net "))
    assert net_line.split()[-1] == total["net_yuan"]
    text = pdf_text(day / "24.pdf")
    assert "Business day 2026-11-24 (Asia/Shanghai)" in text
    assert f"PLUS fees 0.00 {sam['plus_fees_yuan']} {total['plus_fees_yuan']}" in text
    assert "Refund amount 40.00 0.00 40.00" in text
    assert f"Net {lin['net_yuan']} {sam['net_yuan']} {total['net_yuan']}" in text

    pc.run(
        "report",
        "--day",
        "2026-11-25",
        "--csv",
        str(day / "25.csv"),
        "--pdf",
        str(day / "25.pdf"),
        at=at(25, 9),
    )
    covers, rows = report_csv(day / "25.csv")
    assert covers["business_day"] == "2026-11-25"
    assert set(rows) == {"lin", "TOTAL"}
    assert (rows["lin"]["purchases"], rows["lin"]["sales_yuan"]) == ("1", yuan(late["payable_fen"]))
    assert f"Sales {yuan(late['payable_fen'])} {yuan(late['payable_fen'])}" in pdf_text(
        day / "25.pdf"
    )

"""The figures of a day or shift report, in the order every output shows them (screen, CSV,
PDF, command line), and the report as CSV.

The CSV is for a spreadsheet: a few ``name,value`` lines saying which day, zone and times
it covers, a blank line, then one row per cashier and a ``TOTAL`` row, money in yuan.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from app.domain.money import format_fen
from app.services.views import CashierTotals, DayReport

Unit = Literal["count", "points", "money"]


@dataclass(frozen=True)
class Figure:
    field: str  # the CashierTotals field
    label: str  # English; the screen translates it
    unit: Unit

    @property
    def column(self) -> str:
        """The CSV column: the field, money in yuan."""
        return self.field.removesuffix("_fen") + "_yuan" if self.unit == "money" else self.field

    def value(self, totals: CashierTotals) -> int:
        value: int = getattr(totals, self.field)
        return value

    def plain(self, totals: CashierTotals) -> str:
        """The value as a machine reads it: 1234, -50, 12.50 (yuan)."""
        value = self.value(totals)
        return format_fen(value) if self.unit == "money" else str(value)


FIGURES: tuple[Figure, ...] = (
    Figure("purchases", "Purchases", "count"),
    Figure("sales_fen", "Sales", "money"),
    Figure("plus_sold", "PLUS sold", "count"),
    Figure("plus_fees_fen", "PLUS fees", "money"),
    Figure("gross_fen", "Gross", "money"),
    Figure("refunds", "Refunds", "count"),
    Figure("refunds_fen", "Refund amount", "money"),
    Figure("net_fen", "Net", "money"),
    Figure("points_awarded", "Points awarded", "points"),
    Figure("points_redeemed", "Points redeemed", "points"),
    Figure("points_refunded", "Points taken back by refunds", "points"),
    Figure("adjustments", "Adjustments", "count"),
    Figure("points_adjusted", "Points adjusted", "points"),
    Figure("coupons_used", "Coupons used", "count"),
)
TOTAL = "TOTAL"


def csv_rows(report: DayReport) -> list[list[str]]:
    """The report as CSV rows: what it covers, a blank row, a header, one row per cashier,
    then the total."""
    rows = [
        ["report", "shift" if report.shift else "day"],
        ["business_day", report.business_day],
        ["time_zone", report.zone],
        ["from", report.start],
        ["to", report.end],
        [],
        ["cashier", *(f.column for f in FIGURES)],
    ]
    rows += [[t.cashier_id, *(f.plain(t) for f in FIGURES)] for t in report.per_cashier]
    rows.append([TOTAL, *(f.plain(report.totals) for f in FIGURES)])
    return rows


def write_csv(report: DayReport, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(csv_rows(report))
    return path

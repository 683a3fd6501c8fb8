"""The day and shift report on screen, in its CSV and in its PDF: a day in Shanghai with
sales, a refund, a PLUS sale, an adjustment and a sale at 00:30 the next morning (still the
day before in UTC), which the screen puts on the next day."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from pdftext import pdf_text
from test_counter_window import sign_in
from test_desk import ctrl, open_dialog

from app.domain.quote import Line
from ui.dialogs import table_texts
from ui.qt import QtCore, QtWidgets

Qt = QtCore.Qt
pytestmark = pytest.mark.gui


def a_day_in_shanghai(terminal) -> dict[str, int]:
    """The 24th: lin sells and refunds 40 yuan, sam sells, sells PLUS and adjusts; then lin
    sells at 00:30 on the 25th (16:30 UTC on the 24th)."""
    clock = terminal.ctx.clock
    lin, sam = terminal.actor("lin"), terminal.actor("sam")
    clock.current = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
    sale = terminal.award("d-1", lin, "M000001", [Line("grocery", 10_000)])
    other = terminal.award("d-2", sam, "M000002", [Line("dining", 5_000)])
    terminal.refund("d-3", lin, sale.receipt_no, 4_000)
    plus = terminal.sell_plus("d-4", sam, "M000002")
    terminal.adjust("d-5", sam, "M000001", 200, "Lost receipt")
    clock.current = datetime(2026, 11, 24, 16, 30, tzinfo=UTC)  # 00:30 on the 25th
    late = terminal.award("d-6", lin, "M000003", [Line("grocery", 3_300)])
    clock.current = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)  # 23:00 on the 24th
    return {
        "lin_sales": sale.payable_fen,
        "sam_sales": other.payable_fen,
        "fee": plus.fee_fen,
        "late": late.payable_fen,
    }


def yuan(fen: int) -> str:
    return f"¥{fen // 100}.{fen % 100:02d}"


def test_the_day_report_shows_every_figure_on_screen_in_csv_and_pdf(
    qtbot, window, tmp_path: Path
) -> None:
    from ui.day_report import DayReportDialog

    day = a_day_in_shanghai(window.controller.terminal)
    sign_in(qtbot, window)
    report = open_dialog(qtbot, window, Qt.Key.Key_R, DayReportDialog)
    assert report.period.text() == (
        "Business day 2026-11-24 (Asia/Shanghai) · "
        "from 2026-11-24 00:00 +08:00 to 2026-11-25 00:00 +08:00"
    )
    headers = [report.table.horizontalHeaderItem(c).text() for c in range(4)]
    assert headers == ["Figure", "lin", "sam", "Total"]  # the 00:30 sale is not on the 24th
    rows = {row[0]: row[1:] for row in table_texts(report.table)}
    gross = day["lin_sales"] + day["sam_sales"] + day["fee"]
    assert rows["Purchases"] == ["1", "1", "2"]
    assert rows["Sales"] == [
        yuan(day["lin_sales"]),
        yuan(day["sam_sales"]),
        yuan(gross - day["fee"]),
    ]
    assert rows["PLUS sold"] == ["0", "1", "1"]
    assert rows["PLUS fees"] == ["¥0.00", yuan(day["fee"]), yuan(day["fee"])]
    assert rows["Refunds"] == ["1", "0", "1"]
    assert rows["Refund amount"] == ["¥40.00", "¥0.00", "¥40.00"]
    assert rows["Gross"][2] == yuan(gross)
    assert rows["Net"] == [
        yuan(day["lin_sales"] - 4_000),
        yuan(day["sam_sales"] + day["fee"]),
        yuan(gross - 4_000),
    ]
    assert rows["Adjustments"] == ["0", "1", "1"]
    assert rows["Points adjusted"] == ["0", "+200", "+200"]
    assert report.totals.text().startswith(f"Net {yuan(gross - 4_000)} · gross {yuan(gross)}")

    written: list[Path] = []
    report.choose_path = lambda suggested, _filter: (
        written.append(tmp_path / suggested.name) or written[-1]
    )
    ctrl(qtbot, report.table, Qt.Key.Key_S)
    assert written[-1].name == "day-2026-11-24.csv"
    lines = written[-1].read_text(encoding="utf-8").splitlines()
    assert lines[:5] == [
        "report,day",
        "business_day,2026-11-24",
        "time_zone,Asia/Shanghai",
        "from,2026-11-24T00:00:00+08:00",
        "to,2026-11-25T00:00:00+08:00",
    ]
    assert lines[-1].startswith(f"TOTAL,2,{yuan(gross - day['fee'])[1:]},1,{yuan(day['fee'])[1:]},")
    ctrl(qtbot, report.table, Qt.Key.Key_P)
    assert written[-1].name == "day-2026-11-24.pdf"
    text = pdf_text(written[-1])
    assert "Business day 2026-11-24 (Asia/Shanghai)" in text
    assert "Refund amount ¥40.00 ¥0.00 ¥40.00" in text
    assert f"Net {' '.join(rows['Net'])}" in text
    qtbot.keyClick(report.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.desk.dialog is None)

    # the next morning: the 00:30 sale is the 25th's
    window.controller.terminal.ctx.clock.current = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)
    window.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window)
    report = open_dialog(qtbot, window, Qt.Key.Key_R, DayReportDialog)
    assert report.period.text().startswith("Business day 2026-11-25 (Asia/Shanghai)")
    rows = {row[0]: row[1:] for row in table_texts(report.table)}
    assert rows["Sales"] == [yuan(day["late"]), yuan(day["late"])]


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("zh_CN", ("净收入", "退款笔数", "PLUS 会费")),
        ("es", ("Neto", "Devoluciones", "Cuotas PLUS")),
    ],
)
def test_the_report_speaks_the_cashiers_language_on_screen_and_in_the_pdf(
    qtbot, window, tmp_path: Path, language: str, words: tuple[str, ...]
) -> None:
    from ui.day_report import DayReportDialog

    day = a_day_in_shanghai(window.controller.terminal)
    sign_in(qtbot, window)
    window.set_language(language)
    report = open_dialog(qtbot, window, Qt.Key.Key_R, DayReportDialog)
    names = [row[0] for row in table_texts(report.table)]
    assert all(word in names for word in words), names
    rows = {row[0]: row[1:] for row in table_texts(report.table)}
    if language == "es":  # amounts follow the language: a decimal comma
        assert rows["Cuotas PLUS"][2] == yuan(day["fee"]).replace(".", ",")
    report.choose_path = lambda suggested, _filter: tmp_path / suggested.name
    ctrl(qtbot, report.table, Qt.Key.Key_P)
    text = pdf_text(tmp_path / "day-2026-11-24.pdf")
    assert all(word in text for word in words), text


def test_a_folder_that_cannot_be_written_is_said_so(qtbot, window) -> None:
    from pathlib import Path

    from ui.day_report import DayReportDialog

    sign_in(qtbot, window)
    report = open_dialog(qtbot, window, Qt.Key.Key_R, DayReportDialog)
    for key, name in ((Qt.Key.Key_S, "day.csv"), (Qt.Key.Key_P, "day.pdf")):
        report.choose_path = lambda _suggested, _filter, name=name: Path("/proc") / name
        ctrl(qtbot, report.table, key)
        assert report.message.text() == (
            f"Problem: Could not save /proc/{name}: there is no such folder. Choose another folder."
        )
        assert not (Path("/proc") / name).exists()

"""Shift close and end-of-day (Ctrl+R): the figures per cashier in the shop's time zone, a
chart of the points, CSV export and a PDF print.

Keys: Ctrl+E closes the signed-in cashier's shift after a confirmation (Enter or Ctrl+E
again closes it, Esc keeps it open), then shows its report; Ctrl+S exports CSV, Ctrl+P prints
to PDF, Esc closes the dialog.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path
from typing import cast

from app.services.report_table import FIGURES, Figure, write_csv
from app.services.views import CashierTotals, DayReport
from ui.card import money, num
from ui.controller import CounterController
from ui.dialogs import DeskDialog, fill, table
from ui.fit import fit_to_window
from ui.qt import QtCharts, QtCore, QtGui, QtWidgets
from ui.report_pdf import local_time, report_html, write_pdf

Qt = QtCore.Qt
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], QtCore.QT_TRANSLATE_NOOP)

# The figures' names on screen and in the PDF (``app.services.report_table.FIGURES``).
FIGURE_NAMES = {
    "purchases": QT_TRANSLATE_NOOP("DayReportDialog", "Purchases"),
    "sales_fen": QT_TRANSLATE_NOOP("DayReportDialog", "Sales"),
    "plus_sold": QT_TRANSLATE_NOOP("DayReportDialog", "PLUS sold"),
    "plus_fees_fen": QT_TRANSLATE_NOOP("DayReportDialog", "PLUS fees"),
    "gross_fen": QT_TRANSLATE_NOOP("DayReportDialog", "Gross"),
    "refunds": QT_TRANSLATE_NOOP("DayReportDialog", "Refunds"),
    "refunds_fen": QT_TRANSLATE_NOOP("DayReportDialog", "Refund amount"),
    "net_fen": QT_TRANSLATE_NOOP("DayReportDialog", "Net"),
    "points_awarded": QT_TRANSLATE_NOOP("DayReportDialog", "Points awarded"),
    "points_redeemed": QT_TRANSLATE_NOOP("DayReportDialog", "Points redeemed"),
    "points_refunded": QT_TRANSLATE_NOOP("DayReportDialog", "Points taken back by refunds"),
    "adjustments": QT_TRANSLATE_NOOP("DayReportDialog", "Adjustments"),
    "points_adjusted": QT_TRANSLATE_NOOP("DayReportDialog", "Points adjusted"),
    "coupons_used": QT_TRANSLATE_NOOP("DayReportDialog", "Coupons used"),
}


def shown(figure: Figure, totals: CashierTotals) -> str:
    """A figure in the screen's language: money with its sign, counts grouped."""
    value = figure.value(totals)
    if figure.unit == "money":
        return ("−" if value < 0 else "") + money(abs(value))
    if figure.field == "points_adjusted" and value:
        return ("+" if value > 0 else "−") + num(abs(value))
    return num(value)


class DayReportDialog(DeskDialog):
    shift_closed = QtCore.Signal(object)  # the shift's DayReport

    def __init__(
        self,
        controller: CounterController,
        reports_dir: Path,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dayReport")
        self.controller = controller
        self.reports_dir = reports_dir
        self.report: DayReport | None = None
        self.is_shift = False
        self.closed_shift = False
        self.confirming = False
        self.last_written: Path | None = None

        self.title = QtWidgets.QLabel()
        self.title.setObjectName("pageTitle")
        self.period = QtWidgets.QLabel()
        self.period.setObjectName("reportPeriod")
        self.period.setWordWrap(True)
        self.totals = QtWidgets.QLabel()
        self.totals.setObjectName("reportTotals")
        self.totals.setWordWrap(True)
        self.table = table("reportTable")
        self.chart = QtCharts.QChart()
        self.chart.setAnimationOptions(QtCharts.QChart.AnimationOption.NoAnimation)
        self.chart_view = QtCharts.QChartView(self.chart)
        self.chart_view.setObjectName("reportChart")
        self.chart_view.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumSize(320, 280)
        self.close_button = QtWidgets.QPushButton()
        self.csv_button = QtWidgets.QPushButton()
        self.print_button = QtWidgets.QPushButton()
        self.keys = QtWidgets.QLabel()
        self.keys.setObjectName("keyHint")
        self.keys.setWordWrap(True)
        # the shift close's confirmation, in place (Enter closes, Esc keeps the shift open)
        self.confirm_box = QtWidgets.QFrame()
        self.confirm_box.setObjectName("confirmShift")
        self.confirm_box.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        self.confirm_text = QtWidgets.QLabel()
        self.confirm_text.setObjectName("confirmShiftText")
        self.confirm_text.setWordWrap(True)
        self.confirm_yes = QtWidgets.QPushButton()
        self.confirm_yes.setObjectName("confirmShiftYes")
        self.confirm_no = QtWidgets.QPushButton()
        self.confirm_no.setObjectName("confirmShiftNo")
        confirm_row = QtWidgets.QHBoxLayout(self.confirm_box)
        confirm_row.addWidget(self.confirm_text, 1)
        confirm_row.addWidget(self.confirm_yes)
        confirm_row.addWidget(self.confirm_no)
        self.confirm_box.hide()

        buttons = QtWidgets.QHBoxLayout()
        for button in (self.close_button, self.csv_button, self.print_button, self.confirm_no):
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for button in (self.close_button, self.csv_button, self.print_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        figures = QtWidgets.QHBoxLayout()
        figures.addWidget(self.table)
        figures.addWidget(self.chart_view, 1)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.period)
        layout.addWidget(self.totals)
        layout.addLayout(figures, 1)
        layout.addWidget(self.confirm_box)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.keys)

        self.close_button.clicked.connect(self.close_shift)
        self.csv_button.clicked.connect(self.export_csv)
        self.print_button.clicked.connect(self.print_pdf)
        self.confirm_yes.clicked.connect(self.confirm_close)
        self.confirm_no.clicked.connect(self.cancel_close)
        self.shortcut("Ctrl+E", self.close_shift)
        self.shortcut("Ctrl+S", self.export_csv)
        self.shortcut("Ctrl+P", self.print_pdf)
        self.table.setFocus()
        fit_to_window(self, 1200, 760)
        self.retranslate()

    # ------------------------------------------------------------------ data
    def load_day(self) -> None:
        report = self.run(self.controller.end_of_day)
        if isinstance(report, DayReport):
            self.show_report(report, shift=False)

    def show_report(self, report: DayReport, *, shift: bool) -> None:
        self.report = report
        self.is_shift = shift
        self._render()

    def close_shift(self) -> None:
        """Ctrl+E: ask first; Ctrl+E again (or Enter) while asking closes the shift."""
        if self.closed_shift:
            self.set_message("info", lambda: self.tr("Your shift is closed already."))
            return
        if self.confirming:
            self.confirm_close()
            return
        self.confirming = True
        self.confirm_box.show()
        self.confirm_yes.setDefault(True)
        self.confirm_yes.setFocus()
        self.set_message(None)

    def cancel_close(self) -> None:
        self.confirming = False
        self.confirm_box.hide()
        self.table.setFocus()
        self.set_message("info", lambda: self.tr("Your shift stays open."))

    def confirm_close(self) -> None:
        if not self.confirming:
            return
        self.confirming = False
        self.confirm_box.hide()
        report = self.run(self.controller.close_shift)
        if not isinstance(report, DayReport):
            return
        self.closed_shift = True
        self.show_report(report, shift=True)
        self.close_button.setEnabled(False)
        self.table.setFocus()
        self.set_message(
            "success",
            lambda: self.tr(
                "Shift closed. Export (Ctrl+S) or print (Ctrl+P) the report; Esc signs you out."
            ),
        )
        self.shift_closed.emit(report)

    def reject(self) -> None:
        """Esc while the shift close is asked keeps the shift open and the dialog up."""
        if self.confirming:
            self.cancel_close()
            return
        super().reject()

    # ------------------------------------------------------------------ output
    def default_name(self, suffix: str) -> Path:
        report = self.report
        day = report.business_day if report and report.business_day else "report"
        who = (
            f"shift-{self.controller.actor.cashier_id}-"
            if self.is_shift and self.controller.actor
            else "day-"
        )
        return self.reports_dir / f"{who}{day}.{suffix}"

    def choose_path(self, suggested: Path, filter_text: str) -> Path | None:
        """The file dialog, starting at a default path (tests replace this method)."""
        suggested.parent.mkdir(parents=True, exist_ok=True)
        name, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), str(suggested), filter_text
        )
        return Path(name) if name else None

    def export_csv(self) -> None:
        report = self.report
        if report is None:
            return
        path = self.choose_path(self.default_name("csv"), self.tr("CSV files (*.csv)"))
        if path is None:
            return
        written = self._save(lambda: write_csv(report, path), path)
        if isinstance(written, Path):
            self.last_written = written
            self.set_message("success", lambda: self.tr("Saved {path}").format(path=written))

    def print_pdf(self) -> None:
        if self.report is None:
            return
        path = self.choose_path(self.default_name("pdf"), self.tr("PDF files (*.pdf)"))
        if path is None:
            return
        written = self._save(lambda: self.write_pdf(path), path)
        if isinstance(written, Path):
            self.last_written = written
            self.set_message("success", lambda: self.tr("Printed to {path}").format(path=written))

    def _save(self, write: Callable[[], Path], path: Path) -> Path | None:
        """Write a file; a folder that cannot be written is said so, with its reason."""
        try:
            return write()
        except OSError as error:
            code = error.errno
            self.set_message(
                "error",
                lambda: self.tr("Could not save {path}: {reason}. Choose another folder.").format(
                    path=path, reason=self._why_not_saved(code)
                ),
            )
            return None

    def _why_not_saved(self, code: int | None) -> str:
        """The operating system's reason in the cashier's language (its own is English)."""
        if code in (errno.ENOENT, errno.ENOTDIR):
            return self.tr("there is no such folder")
        if code in (errno.EACCES, errno.EPERM):
            return self.tr("you may not write there")
        if code in (errno.ENOSPC, errno.EDQUOT):
            return self.tr("the disk is full")
        if code == errno.EROFS:
            return self.tr("the disk is read-only")
        return self.tr("the file could not be written")

    def write_pdf(self, path: Path) -> Path:
        title = self.title.text()
        return write_pdf(
            path,
            title,
            self.report_html(),
            font=self.font(),
            chart=self.chart_view.grab().toImage(),
        )

    def report_html(self) -> str:
        return report_html(
            self.title.text(),
            [self.period.text(), self.totals.text()],
            self._headers(),
            self._rows(),
            chart=True,
        )

    # ------------------------------------------------------------------ words
    def _headers(self) -> list[str]:
        report = self.report
        cashiers = [t.cashier_id for t in report.per_cashier] if report else []
        return [self.tr("Figure"), *cashiers, self.tr("Total")]

    def _rows(self) -> list[list[str]]:
        """The figures down, the cashiers and the total across."""
        report = self.report
        if report is None:
            return []
        columns = [*report.per_cashier, report.totals]
        return [[self.tr(FIGURE_NAMES[f.field]), *(shown(f, t) for t in columns)] for f in FIGURES]

    def _render(self) -> None:
        report = self.report
        if self.is_shift:
            self.title.setText(self.tr("Shift report (Ctrl+R)"))
        else:
            self.title.setText(self.tr("End of day so far (Ctrl+R)"))
        if report is None:
            self.period.setText("")
            self.totals.setText("")
            fill(self.table, self._headers(), [])
            return
        self.period.setText(
            self.tr("Business day {day} ({zone}) · from {start} to {end}").format(
                day=report.business_day,
                zone=report.zone,
                start=local_time(report.start),
                end=local_time(report.end),
            )
        )
        t = report.totals
        self.totals.setText(
            self.tr(
                "Net {net} · gross {gross} · refunds {refunds} ({refunded}) · "
                "PLUS sold {plus} ({fees}) · adjustments {adjustments}"
            ).format(
                net=("−" if t.net_fen < 0 else "") + money(abs(t.net_fen)),
                gross=money(t.gross_fen),
                refunds=num(t.refunds),
                refunded=money(t.refunds_fen),
                plus=num(t.plus_sold),
                fees=money(t.plus_fees_fen),
                adjustments=num(t.adjustments),
            )
        )
        fill(self.table, self._headers(), self._rows())
        self._fit_table()
        self._render_chart(report)

    def _fit_table(self) -> None:
        """The table as wide as its columns (the chart takes the rest), up to two thirds of
        the dialog; beyond that (many cashiers) it scrolls."""
        table = self.table
        table.horizontalHeader().setStretchLastSection(False)
        table.resizeColumnsToContents()
        needed = (
            table.horizontalHeader().length()
            + table.verticalScrollBar().sizeHint().width()
            + 2 * table.frameWidth()
        )
        table.setFixedWidth(min(needed, max(400, self.width() * 2 // 3)))

    def _render_chart(self, report: DayReport) -> None:
        chart = self.chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        series = QtCharts.QBarSeries()
        names = [t.cashier_id for t in report.per_cashier] or ["—"]
        sets = (
            (self.tr("Awarded"), "points_awarded", "#2e7d32"),
            (self.tr("Redeemed"), "points_redeemed", "#1b5fb4"),
            (self.tr("Refunded"), "points_refunded", "#b00020"),
        )
        highest = 1
        for label, field, colour in sets:
            bar = QtCharts.QBarSet(label)
            bar.setColor(QtGui.QColor(colour))
            bar.setLabelColor(QtGui.QColor("#222222"))  # above the bar, on the chart's white
            values = [getattr(t, field) for t in report.per_cashier] or [0]
            highest = max(highest, *values)
            bar.append([float(v) for v in values])
            series.append(bar)
        series.setLabelsVisible(True)  # the numbers are on the bars: colour is not the key
        series.setLabelsPosition(QtCharts.QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(series)
        axis_x = QtCharts.QBarCategoryAxis()
        axis_x.append(names)
        axis_y = QtCharts.QValueAxis()
        axis_y.setRange(0, max(10, int(highest * 1.15) + 1))
        axis_y.setLabelFormat("%d")
        axis_y.applyNiceNumbers()
        axis_y.setTitleText(self.tr("Points"))
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
        chart.setTitle(self.tr("Points per cashier"))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Shift and end of day"))
        self.close_button.setText(self.tr("Close my shift (Ctrl+E)"))
        self.csv_button.setText(self.tr("Export CSV (Ctrl+S)"))
        self.print_button.setText(self.tr("Print PDF (Ctrl+P)"))
        self.confirm_text.setText(
            self.tr(
                "Close your shift now? The report is final and you are signed out when you "
                "leave this screen."
            )
        )
        self.confirm_yes.setText(self.tr("Close the shift (Enter)"))
        self.confirm_no.setText(self.tr("Keep it open (Esc)"))
        self.keys.setText(
            self.tr("Ctrl+E Close my shift · Ctrl+S Export CSV · Ctrl+P Print · Esc Close")
        )
        self._render()
        super().retranslate()

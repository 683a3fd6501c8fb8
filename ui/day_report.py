"""Shift close and end-of-day (Ctrl+R): the totals per cashier, a chart of the shift, CSV
export and a PDF print.

Keys: Ctrl+E closes the signed-in cashier's shift (and shows its report), Ctrl+S exports CSV,
Ctrl+P prints to PDF, Esc closes the dialog.
"""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

from app.domain.money import format_fen
from app.services.views import CashierTotals, DayReport
from ui.card import money, num
from ui.confirm import ask
from ui.controller import CounterController
from ui.dialogs import DeskDialog, fill, table
from ui.fit import fit_to_window
from ui.qt import QtCharts, QtCore, QtGui, QtWidgets

Qt = QtCore.Qt

CSV_COLUMNS = (
    "cashier",
    "points_awarded",
    "points_redeemed",
    "points_refunded",
    "plus_sold",
    "coupons_used",
    "purchases",
    "refunds",
    "sales_yuan",
    "plus_fees_yuan",
)


def csv_rows(report: DayReport) -> list[list[str]]:
    """The report as CSV rows: a header, one row per cashier, then the total."""

    def row(name: str, t: CashierTotals) -> list[str]:
        return [
            name,
            str(t.points_awarded),
            str(t.points_redeemed),
            str(t.points_refunded),
            str(t.plus_sold),
            str(t.coupons_used),
            str(t.purchases),
            str(t.refunds),
            format_fen(t.sales_fen),
            format_fen(t.plus_fees_fen),
        ]

    rows = [list(CSV_COLUMNS)]
    rows += [row(t.cashier_id, t) for t in report.per_cashier]
    rows.append(row("TOTAL", report.totals))
    return rows


def write_csv(report: DayReport, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([f"# {report.start} .. {report.end}"])
        writer.writerows(csv_rows(report))
    return path


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
        self.last_written: Path | None = None

        self.title = QtWidgets.QLabel()
        self.title.setObjectName("pageTitle")
        self.period = QtWidgets.QLabel()
        self.period.setObjectName("reportPeriod")
        self.totals = QtWidgets.QLabel()
        self.totals.setObjectName("reportTotals")
        self.totals.setWordWrap(True)
        self.table = table("reportTable")
        self.chart = QtCharts.QChart()
        self.chart.setAnimationOptions(QtCharts.QChart.AnimationOption.NoAnimation)
        self.chart_view = QtCharts.QChartView(self.chart)
        self.chart_view.setObjectName("reportChart")
        self.chart_view.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(280)
        self.close_button = QtWidgets.QPushButton()
        self.csv_button = QtWidgets.QPushButton()
        self.print_button = QtWidgets.QPushButton()
        self.keys = QtWidgets.QLabel()
        self.keys.setObjectName("keyHint")
        self.keys.setWordWrap(True)

        buttons = QtWidgets.QHBoxLayout()
        for button in (self.close_button, self.csv_button, self.print_button):
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.period)
        layout.addWidget(self.totals)
        self.table.setMaximumHeight(220)
        layout.addWidget(self.table)
        layout.addWidget(self.chart_view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.keys)

        self.close_button.clicked.connect(self.close_shift)
        self.csv_button.clicked.connect(self.export_csv)
        self.print_button.clicked.connect(self.print_pdf)
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
        if self.closed_shift:
            self.set_message("info", lambda: self.tr("Your shift is closed already."))
            return
        actor = self.controller.actor
        name = actor.name if actor is not None else ""
        ask(
            self,
            lambda: self.tr("Close the shift?"),
            lambda: self.tr(
                "Close the shift of {name} now? Its totals are final; you sign out after."
            ).format(name=name),
            self._close_shift,
        )

    def _close_shift(self) -> None:
        if self.closed_shift:
            return
        report = self.run(self.controller.close_shift)
        if not isinstance(report, DayReport):
            return
        self.closed_shift = True
        self.show_report(report, shift=True)
        self.close_button.setEnabled(False)
        self.set_message(
            "success",
            lambda: self.tr(
                "Shift closed. Export (Ctrl+S) or print (Ctrl+P) the report; Esc signs you out."
            ),
        )
        self.shift_closed.emit(report)

    # ------------------------------------------------------------------ output
    def default_name(self, suffix: str) -> Path:
        report = self.report
        day = (report.start[:10] if report else "report").replace(":", "")
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
        written = self.run(lambda: write_csv(report, path))
        if isinstance(written, Path):
            self.last_written = written
            self.set_message("success", lambda: self.tr("Saved {path}").format(path=written))

    def print_pdf(self) -> None:
        if self.report is None:
            return
        path = self.choose_path(self.default_name("pdf"), self.tr("PDF files (*.pdf)"))
        if path is None:
            return
        written = self.run(lambda: self.write_pdf(path))
        if isinstance(written, Path):
            self.last_written = written
            self.set_message("success", lambda: self.tr("Printed to {path}").format(path=written))

    def write_pdf(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        writer = QtGui.QPdfWriter(str(path))
        writer.setTitle(self.title.text())
        writer.setCreator("MemberDesk")
        writer.setPageSize(QtGui.QPageSize(QtGui.QPageSize.PageSizeId.A4))
        writer.setResolution(150)
        chart = self.chart_view.grab().toImage()
        document = QtGui.QTextDocument()
        document.setDefaultFont(self.font())
        document.addResource(
            QtGui.QTextDocument.ResourceType.ImageResource, QtCore.QUrl("chart.png"), chart
        )
        document.setHtml(self.report_html())
        document.setPageSize(QtCore.QSizeF(writer.width(), writer.height()))
        document.print_(writer)
        return path

    def report_html(self) -> str:
        from html import escape

        headers = self._headers()
        rows = self._rows()
        head = "".join(f"<th>{escape(h)}</th>" for h in headers)
        body = "".join(
            "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows
        )
        return (
            f"<h2>{escape(self.title.text())}</h2><p>{escape(self.period.text())}</p>"
            f"<p>{escape(self.totals.text())}</p>"
            f"<table border='1' cellspacing='0' cellpadding='4'><tr>{head}</tr>{body}</table>"
            "<p><img src='chart.png' width='900'></p>"
        )

    # ------------------------------------------------------------------ words
    def _headers(self) -> list[str]:
        return [
            self.tr("Cashier"),
            self.tr("Points awarded"),
            self.tr("Points redeemed"),
            self.tr("Points refunded"),
            self.tr("PLUS sold"),
            self.tr("Coupons used"),
            self.tr("Sales"),
        ]

    def _rows(self) -> list[list[str]]:
        report = self.report
        if report is None:
            return []

        def row(name: str, t: CashierTotals) -> list[str]:
            return [
                name,
                num(t.points_awarded),
                num(t.points_redeemed),
                num(t.points_refunded),
                num(t.plus_sold),
                num(t.coupons_used),
                money(t.sales_fen),
            ]

        rows = [row(t.cashier_id, t) for t in report.per_cashier]
        rows.append(row(self.tr("Total"), report.totals))
        return rows

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
            self.tr("From {start} to {end}").format(
                start=_local_time(report.start), end=_local_time(report.end)
            )
        )
        t = report.totals
        self.totals.setText(
            self.tr(
                "{awarded} points awarded · {redeemed} redeemed · {refunded} refunded · "
                "{plus} PLUS sold · {coupons} coupons used · {purchases} purchases"
            ).format(
                awarded=num(t.points_awarded),
                redeemed=num(t.points_redeemed),
                refunded=num(t.points_refunded),
                plus=num(t.plus_sold),
                coupons=num(t.coupons_used),
                purchases=num(t.purchases),
            )
        )
        fill(self.table, self._headers(), self._rows())
        self._render_chart(report)

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
            values = [getattr(t, field) for t in report.per_cashier] or [0]
            highest = max(highest, *values)
            bar.append([float(v) for v in values])
            series.append(bar)
        series.setLabelsVisible(True)  # the numbers are on the bars: colour is not the key
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
        self.keys.setText(
            self.tr("Ctrl+E Close my shift · Ctrl+S Export CSV · Ctrl+P Print · Esc Close")
        )
        self._render()
        super().retranslate()


def _local_time(iso: str) -> str:
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return (
        moment.strftime("%Y-%m-%d %H:%M")
        + " "
        + moment.strftime("%z")[:3]
        + ":"
        + (moment.strftime("%z")[3:] or "00")
    )

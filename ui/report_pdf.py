"""A day or shift report as a PDF, with Qt's PDF writer: the screen's Print (Ctrl+P) and the
command line's ``memberdesk report --pdf FILE`` both write it here, so both print the same
figures (the screen in the cashier's language, with its chart)."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Sequence
from html import escape
from pathlib import Path

from app.services.report_table import FIGURES, TOTAL
from app.services.views import DayReport
from ui.qt import QtCore, QtGui

CHART = "chart.png"
_application: list[QtGui.QGuiApplication] = []  # the command line's, alive while it prints


def report_html(
    title: str,
    lines: Sequence[str],
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    chart: bool = False,
) -> str:
    """The report as the HTML a ``QTextDocument`` prints: a title, lines of what it covers,
    the figures' table (first column left, numbers right) and, when given, the chart."""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f"<td>{escape(cell)}</td>" if i == 0 else f"<td align='right'>{escape(cell)}</td>"
            for i, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    text = "".join(f"<p>{escape(line)}</p>" for line in lines)
    image = f"<p><img src='{CHART}' width='900'></p>" if chart else ""
    return (
        f"<h2>{escape(title)}</h2>{text}"
        f"<table border='1' cellspacing='0' cellpadding='4'><tr>{head}</tr>{body}</table>"
        f"{image}"
    )


def write_pdf(
    path: Path,
    title: str,
    html: str,
    *,
    font: QtGui.QFont | None = None,
    chart: QtGui.QImage | None = None,
) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.open("wb").close()  # a path that cannot be written fails here, with its reason
    writer = QtGui.QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("MemberDesk")
    writer.setPageSize(QtGui.QPageSize(QtGui.QPageSize.PageSizeId.A4))
    writer.setResolution(150)
    document = QtGui.QTextDocument()
    if font is not None:
        document.setDefaultFont(font)
    if chart is not None:
        document.addResource(
            QtGui.QTextDocument.ResourceType.ImageResource, QtCore.QUrl(CHART), chart
        )
    document.setHtml(html)
    document.setPageSize(QtCore.QSizeF(writer.width(), writer.height()))
    document.print_(writer)
    del writer  # closes the file
    if path.stat().st_size == 0:
        raise OSError(errno.EIO, "the PDF could not be written", str(path))
    return path


def english_table(report: DayReport) -> tuple[list[str], list[list[str]]]:
    """The figures down, the cashiers and the total across, as the command line prints them."""
    headers = ["", *(t.cashier_id for t in report.per_cashier), TOTAL]
    columns = [*report.per_cashier, report.totals]
    rows = [[f.label, *(f.plain(t) for t in columns)] for f in FIGURES]
    return headers, rows


def covers(report: DayReport) -> str:
    """'Business day 2026-11-24 (Asia/Shanghai), 2026-11-24 00:00 +08:00 to ...'."""
    return (
        f"Business day {report.business_day} ({report.zone}), "
        f"from {local_time(report.start)} to {local_time(report.end)}"
    )


def local_time(iso: str) -> str:
    """'2026-11-24T10:00:00+08:00' -> '2026-11-24 10:00 +08:00': the receipts' form."""
    if len(iso) < 19:
        return iso
    return f"{iso[:10]} {iso[11:16]} {iso[19:]}".strip()


def command_line_pdf(report: DayReport, path: Path) -> Path:
    """``memberdesk report --pdf``: the report in English, written without a window."""
    if QtCore.QCoreApplication.instance() is None:
        # No screen needed to print: the offscreen platform draws with the machine's fonts.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _application.append(QtGui.QGuiApplication(sys.argv[:1]))
    title = ("Shift report" if report.shift else "Day report") + f" {report.business_day}"
    headers, rows = english_table(report)
    return write_pdf(path, title, report_html(title, [covers(report)], headers, rows))

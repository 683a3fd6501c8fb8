"""An unexpected error in the window: logged with its traceback, told to the cashier briefly.

``install`` replaces ``sys.excepthook`` (PySide6 hands it every exception a slot or an event
handler lets through). The cashier sees a short message in their language that says nothing
confirmed was lost and where the log is; the traceback goes to the log only.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from app.logs import current_log_path
from ui.qt import QtCore, QtWidgets

log = logging.getLogger("memberdesk.crash")
Hook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def crash_message(log_file: Path | None) -> str:
    where = str(log_file) if log_file else QtCore.QCoreApplication.translate("Crash", "the log")
    return QtCore.QCoreApplication.translate(
        "Crash",
        "Something went wrong and MemberDesk could not finish that step. Sales already "
        "confirmed are safe. Look the member up again before you retry; if it happens again, "
        "call your supervisor. The details are in {log}",
    ).format(log=where)


class CrashReporter:
    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        self.parent = parent
        self.box: QtWidgets.QMessageBox | None = None
        self.previous: Hook = sys.excepthook

    def __call__(
        self,
        kind: type[BaseException],
        error: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self.previous(kind, error, tb)
            return
        log.critical("unexpected error in the window", exc_info=(kind, error, tb))
        self.show(kind.__name__)

    def show(self, kind: str) -> None:
        if QtWidgets.QApplication.instance() is None:
            return
        if self.box is None:
            self.box = QtWidgets.QMessageBox(self.parent)
            self.box.setObjectName("crashBox")
            self.box.setIcon(QtWidgets.QMessageBox.Icon.Warning)
        self.box.setWindowTitle(QtCore.QCoreApplication.translate("Crash", "MemberDesk problem"))
        self.box.setText(crash_message(current_log_path()))
        self.box.setDetailedText(kind)
        self.box.open()  # not exec(): never a nested event loop inside an error


def install(parent: QtWidgets.QWidget | None = None) -> CrashReporter:
    reporter = CrashReporter(parent)
    sys.excepthook = reporter
    return reporter


def uninstall(reporter: CrashReporter) -> None:
    if sys.excepthook is reporter:
        sys.excepthook = reporter.previous
    if reporter.box is not None:  # a window-modal box left open would hold the keyboard
        reporter.box.done(0)
        reporter.box.deleteLater()
        reporter.box = None

"""What the counter's flow dialogs share (enroll, PLUS, redeem, refund, card code).

- ``FlowDialog``: a modal dialog where Enter confirms, Esc backs out, a message line says its
  kind in words, and a language switch re-renders every text.
- ``run_in_background``: work on the core's one executor (ui/executor.py), its result back
  on the GUI thread (nothing blocks the event loop).
- ``flow_error_text``: the core's errors of these flows in the cashier's language, by code.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from app.domain.errors import MemberDeskError
from ui.executor import core_executor
from ui.messages import error_text
from ui.qt import QtCore, QtGui, QtWidgets

Qt = QtCore.Qt
QT_TRANSLATE_NOOP = QtCore.QT_TRANSLATE_NOOP
log = logging.getLogger(__name__)


def flow_error_text(error: MemberDeskError) -> str:
    """A core error of the flows in the current language, by its code and parameters."""
    return error_text(error)


# ---------------------------------------------------------------------------- background


def run_in_background(
    work: Callable[[], object],
    on_done: Callable[[object], None],
    on_error: Callable[[Exception], None],
) -> None:
    """Run ``work`` on the core's one executor; ``on_done``/``on_error`` run later on the GUI
    thread."""
    core_executor().submit(work, on_done, on_error)


# ---------------------------------------------------------------------------- the dialog


def label(name: str, wrap: bool = True) -> QtWidgets.QLabel:
    widget = QtWidgets.QLabel()
    widget.setObjectName(name)
    widget.setWordWrap(wrap)
    return widget


FLOW_STYLE = """
QDialog { background: #fbfbfb; }
QLabel#flowTitle { font-size: 26px; font-weight: bold; }
QLabel#flowKeys { font-size: 18px; color: #333333; }
QLabel#flowMessage { padding: 8px 12px; font-size: 20px; border-radius: 4px; }
QLabel#flowMessage[kind="error"] {
    border: 3px solid #b00020; background: #fde8ec; color: #6b0013;
}
QLabel#flowMessage[kind="success"] {
    border: 3px solid #2e7d32; background: #e6f4e7; color: #1b4d1e;
}
QLabel#flowMessage[kind="info"] { border: 2px solid #777777; background: #f2f2f2; }
QLabel#flowMessage[kind="warning"] {
    border: 3px solid #8a5a00; background: #fff3cd; color: #4a3000;
}
QLabel#flowBig { font-size: 30px; font-weight: bold; }
QLineEdit { padding: 6px; border: 2px solid #7a7a7a; border-radius: 4px; background: white; }
QLineEdit:focus { border: 3px solid #1b5fb4; }
QListWidget::item { padding: 6px; }
QListWidget::item:selected { background: #1b5fb4; color: white; }
QCheckBox::indicator { width: 24px; height: 24px; }
QCheckBox:focus { border: 3px solid #1b5fb4; padding: 2px; }
QFrame#capsBox { border: 2px solid #8a5a00; border-radius: 6px; background: #fff8e1; }
QFrame#capsBox QLabel { border: none; background: transparent; }
"""


class FlowDialog(QtWidgets.QDialog):
    """Enter calls ``confirm``, Esc backs out; subclasses build their widgets into ``body``."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.setStyleSheet(FLOW_STYLE)
        self.title = label("flowTitle")
        self.body = QtWidgets.QVBoxLayout()
        self.body.setSpacing(8)
        self.message = label("flowMessage")
        self.message.setProperty("kind", "none")
        self.keys = label("flowKeys")
        layout = QtWidgets.QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.keys)
        self._message: tuple[str, Callable[[], str]] | None = None
        self.busy = False  # a background call is under way: Enter waits for it
        self.finished_ok = False  # the core recorded it: Enter only closes

    # -- keys
    def showEvent(self, event: QtGui.QShowEvent) -> None:
        super().showEvent(event)
        if self.focusWidget() is None:
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # nothing to type: keys come here
            self.setFocus()

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            if not event.isAutoRepeat():
                self.confirm()
            return
        if key == Qt.Key.Key_Escape:
            event.accept()
            if not self.busy:
                self.back_out()
            return
        super().keyPressEvent(event)

    def shortcut(self, key: str, handler: Callable[[], object]) -> QtGui.QShortcut:
        found = QtGui.QShortcut(QtGui.QKeySequence(key), self)
        found.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        found.activated.connect(handler)
        return found

    def confirm(self) -> None:  # pragma: no cover - every flow overrides it
        self.accept()

    def back_out(self) -> None:
        if self.finished_ok:
            self.accept()
        else:
            self.reject()

    def scan_arrived(self, code: str) -> bool:
        """A member code was scanned while this dialog is open. True: the window may look
        the member up (this dialog is done with); False: the scan is set aside."""
        self.set_message(
            "info",
            lambda: self.tr(
                "A member code was scanned and set aside: finish here, or press Esc and scan again."
            ),
        )
        return False

    # -- messages
    def set_message(self, kind: str | None, text: Callable[[], str] | None = None) -> None:
        self._message = None if kind is None or text is None else (kind, text)
        self._render_message()

    def show_error(self, error: MemberDeskError) -> None:
        self.set_message("error", lambda: flow_error_text(error))

    def show_unexpected(self, error: Exception) -> None:
        log.error("unexpected error in a counter flow", exc_info=error)
        kind = type(error).__name__
        self.set_message(
            "error",
            lambda: self.tr(
                "Something unexpected went wrong ({kind}); it is in the log. Nothing was "
                "changed unless the screen says so; try again or call a supervisor."
            ).format(kind=kind),
        )

    def call(self, work: Callable[[], object]) -> object | None:
        """Call the controller; a core error is shown, never a traceback. None on failure."""
        try:
            return work()
        except MemberDeskError as error:
            self.show_error(error)
        except Exception as error:
            self.show_unexpected(error)
        return None

    def message_text(self) -> str:
        return self.message.text()

    def _render_message(self) -> None:
        if self._message is None:
            self.message.setText("")
            self.message.setProperty("kind", "none")
            self.message.setVisible(False)
        else:
            kind, text = self._message
            prefixes = {
                "error": self.tr("Problem:"),
                "success": self.tr("Done:"),
                "info": self.tr("Note:"),
                "warning": self.tr("Careful:"),
            }
            self.message.setText(f"{prefixes[kind]} {text()}")
            self.message.setProperty("kind", kind)
            self.message.setVisible(True)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def changeEvent(self, event: QtCore.QEvent) -> None:
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self._render_message()

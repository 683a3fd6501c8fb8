"""What the back-office dialogs share: a message line that says its kind in words, a
read-only table, retranslation on a language switch, Esc to close, Ctrl+Enter to confirm."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from app.domain.errors import MemberDeskError
from ui.messages import error_text
from ui.qt import QtCore, QtGui, QtWidgets

Qt = QtCore.Qt
log = logging.getLogger(__name__)


def table(name: str) -> QtWidgets.QTableWidget:
    widget = QtWidgets.QTableWidget()
    widget.setObjectName(name)
    widget.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
    widget.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
    widget.verticalHeader().setVisible(False)
    widget.setAlternatingRowColors(True)
    widget.horizontalHeader().setStretchLastSection(True)
    return widget


def fill(
    widget: QtWidgets.QTableWidget, headers: Sequence[str], rows: Sequence[Sequence[str]]
) -> None:
    widget.setColumnCount(len(headers))
    widget.setHorizontalHeaderLabels(list(headers))
    widget.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QtWidgets.QTableWidgetItem(text)
            if text[:1] in "+-−¥0123456789" and c > 0:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            widget.setItem(r, c, item)
    widget.resizeColumnsToContents()
    widget.horizontalHeader().setStretchLastSection(True)


def table_texts(widget: QtWidgets.QTableWidget) -> list[list[str]]:
    """What the table shows, row by row (for tests and screen readers)."""
    rows = []
    for r in range(widget.rowCount()):
        row = []
        for c in range(widget.columnCount()):
            item = widget.item(r, c)
            row.append(item.text() if item is not None else "")
        rows.append(row)
    return rows


class DeskDialog(QtWidgets.QDialog):
    """A dialog of the back office. Subclasses build their widgets, then call ``finish``."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.message = QtWidgets.QLabel()
        self.message.setObjectName("messageArea")
        self.message.setWordWrap(True)
        self.message.setProperty("kind", "none")
        self._message: tuple[str, Callable[[], str]] | None = None

    def shortcut(self, key: str, handler: Callable[[], object]) -> QtGui.QShortcut:
        found = QtGui.QShortcut(QtGui.QKeySequence(key), self)
        found.setContext(Qt.ShortcutContext.WindowShortcut)
        found.activated.connect(handler)
        return found

    def set_message(self, kind: str | None, text: Callable[[], str] | None = None) -> None:
        self._message = None if kind is None or text is None else (kind, text)
        self._render_message()

    def show_error(self, error: MemberDeskError) -> None:
        self.set_message("error", lambda: error_text(error))

    def scan_arrived(self, code: str) -> None:
        """A member code was scanned while this dialog is open: set aside, and said so."""
        self.set_message(
            "info",
            lambda: self.tr(
                "A member code was scanned and set aside: finish here, or press Esc and scan again."
            ),
        )

    def run(self, work: Callable[[], object]) -> object | None:
        """Call the controller; a core error is shown, never a traceback. None on failure."""
        try:
            return work()
        except MemberDeskError as error:
            self.show_error(error)
        except Exception as error:  # a bug or a broken database: say so, keep the dialog
            log.exception("unexpected error in %s", type(self).__name__)
            kind = type(error).__name__
            self.set_message(
                "error",
                lambda: self.tr(
                    "Something unexpected went wrong ({kind}); it is in the log."
                ).format(kind=kind),
            )
        return None

    def _render_message(self) -> None:
        label = self.message
        if self._message is None:
            label.setText("")
            label.setProperty("kind", "none")
        else:
            kind, text = self._message
            prefix = {
                "error": self.tr("Problem:"),
                "success": self.tr("Done:"),
                "info": self.tr("Note:"),
            }[kind]
            label.setText(f"{prefix} {text()}")
            label.setProperty("kind", kind)
        label.style().unpolish(label)
        label.style().polish(label)

    def retranslate(self) -> None:  # overridden
        self._render_message()

    def changeEvent(self, event: QtCore.QEvent) -> None:
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

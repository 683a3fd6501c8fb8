"""Answering the counter's questions as a cashier does: the question must be there and name
what it asks; Enter says yes, Esc backs out."""

from __future__ import annotations

import time

import shiboken6

from ui.confirm import ConfirmDialog
from ui.qt import QtCore, QtWidgets

Qt = QtCore.Qt


def closed(widget: QtWidgets.QWidget) -> bool:
    """Closed, or deleted already (the core's executor turns the event loop while a long
    call runs, and a closed dialog's deferred deletion may happen then)."""
    return not shiboken6.isValid(widget) or not widget.isVisible()


def question(qtbot) -> ConfirmDialog:
    """The confirmation now open and active (it opens asynchronously)."""
    qtbot.waitUntil(
        lambda: isinstance(QtWidgets.QApplication.activeModalWidget(), ConfirmDialog),
        timeout=2000,
    )
    dialog = QtWidgets.QApplication.activeModalWidget()
    assert isinstance(dialog, ConfirmDialog)
    for _ in range(400):
        if dialog.isActiveWindow() and QtWidgets.QApplication.focusWidget() is not None:
            break
        QtWidgets.QApplication.processEvents()
        time.sleep(0.005)
    return dialog


def answer(qtbot, *names: str, key: Qt.Key = Qt.Key.Key_Return) -> str:
    """Answer the open confirmation with ``key`` after checking it names each of ``names``;
    returns its question."""
    dialog = question(qtbot)
    text = dialog.question.text()
    for name in names:
        assert name in text, (name, text)
    parent = dialog.parentWidget()
    qtbot.keyClick(QtWidgets.QApplication.focusWidget() or dialog, key)
    qtbot.waitUntil(lambda: closed(dialog), timeout=2000)
    if parent is not None and parent.isVisible():  # back where the question came from
        qtbot.waitUntil(
            lambda: parent.isActiveWindow() and QtWidgets.QApplication.focusWidget() is not None,
            timeout=2000,
        )
    return text

"""The counter never freezes: while another process holds the terminal database's write lock
(a sync from the command line, a backup), the window's event loop keeps turning, the screen
says it is working, keys pressed meanwhile are neither lost nor applied twice, and the sale
is recorded once the lock is released."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from wedge import scanner_types

from ui.qt import QtCore, QtWidgets

Qt = QtCore.Qt
pytestmark = pytest.mark.gui

# Another process takes the write lock, says so, and keeps it until told on stdin.
HOLDER = textwrap.dedent(
    """
    import sqlite3, sys
    connection = sqlite3.connect(sys.argv[1], isolation_level=None)
    connection.execute("BEGIN IMMEDIATE")
    print("locked", flush=True)
    sys.stdin.readline()
    connection.execute("COMMIT")
    print("released", flush=True)
    """
)


class Paints(QtCore.QObject):
    """Counts the paint events the window's widgets get."""

    def __init__(self, window: QtWidgets.QWidget) -> None:
        super().__init__()
        self.window = window
        self.count = 0

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if (
            event.type() == QtCore.QEvent.Type.Paint
            and isinstance(watched, QtWidgets.QWidget)
            and watched.window() is self.window
        ):
            self.count += 1
        return False


def purchases(terminal) -> int:
    return terminal.end_of_day().totals.purchases


def test_an_award_waits_for_another_process_without_freezing_the_window(
    qtbot, qapp, window
) -> None:
    terminal = window.controller.terminal
    before = purchases(terminal)
    page = window.sign_in_page
    assert page.select_cashier("lin")
    qtbot.keyClicks(page.pin, "1111")
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    scanner_types(window, "M000003")
    assert window.controller.card.member_id == "M000003"
    qtbot.keyClick(window.counter.scan, Qt.Key.Key_F4)
    qtbot.keyClicks(window.counter.checkout.first_field(), "88")

    with subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(terminal.settings.database_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        assert holder.stdout is not None and holder.stdin is not None
        assert holder.stdout.readline().strip() == "locked"
        ticks: list[int] = []
        timer = QtCore.QTimer()
        timer.setInterval(20)
        timer.timeout.connect(lambda: ticks.append(1))
        timer.start()
        paints = Paints(window)
        qapp.installEventFilter(paints)
        try:
            qtbot.keyClick(window.counter.checkout.first_field(), Qt.Key.Key_F9)
            # F9 came back at once: the sale is recorded on the executor, behind the lock.
            assert window.recording
            assert "Recording the sale" in window.message_text()
            qtbot.waitUntil(window.working_status.isVisible, timeout=3000)
            assert window.working_status.text() == "Working…"
            ticked = len(ticks)
            window.counter.message.update()
            qtbot.wait(400)
            assert len(ticks) > ticked + 5  # the timer fires
            assert paints.count > 0  # the window repaints ("Working…" among it)
            # Keys meanwhile: F9 and F4 again do nothing, a scan waits for the sale.
            qtbot.keyClick(window.counter.scan, Qt.Key.Key_F9)
            qtbot.keyClick(window.counter.scan, Qt.Key.Key_F4)
            scanner_types(window, "M000002")
            assert window.recording
            assert purchases(terminal) == before  # a read still works beside the lock
            assert window.controller.card.member_id == "M000003"
        finally:
            qapp.removeEventFilter(paints)
            timer.stop()
        holder.stdin.write("go\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "released"

    qtbot.waitUntil(lambda: not window.recording, timeout=5000)
    assert purchases(terminal) == before + 1  # once, whatever was pressed meanwhile
    assert window.controller.last_award.member_id == "M000003"
    # The code scanned during the sale was looked up after it, not lost.
    qtbot.waitUntil(lambda: window.controller.card is not None)
    assert window.controller.card.member_id == "M000002"
    assert "Member M000002 found" in window.message_text()
    assert not window.working_status.isVisible()

"""Screenshots of the back-office dialogs (called by ui.screenshots for each language)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.domain.quote import Line
from ui.controller import SaleInput
from ui.qt import QtCore, QtWidgets

SHOTS = ("service_desk", "day_report", "sync_panel", "settings")


def render_desk(
    window: QtWidgets.QMainWindow, save: Callable[[str, QtWidgets.QWidget], Path]
) -> None:
    """With a supervisor signed in and a member on the counter, open each dialog and save it."""
    from ui.window import CounterWindow

    assert isinstance(window, CounterWindow)
    window.sign_out()
    page = window.sign_in_page
    page.select_cashier("sam")
    page.pin.setText("2222")
    page.confirm()
    window.counter.scan.setText("M000003")
    window.look_up()
    # one sale by the supervisor, so the day report and its chart have something to show
    controller = window.controller
    controller.award(SaleInput((Line("grocery", 12_850), Line("dining", 8_600))))
    window.counter.card.show_card(controller.card)
    window.desk.feedback.timer.stop()  # keep the "member found" flash in the picture
    desk = window.desk
    for name, opener in (
        ("service_desk", desk.open_service_desk),
        ("day_report", desk.open_day_report),
        ("sync_panel", desk.open_sync_panel),
        ("settings", desk.open_settings),
    ):
        opener()
        dialog = desk.dialog
        assert dialog is not None
        dialog.resize(1200, 800)
        if name == "service_desk":
            dialog.history_table.selectRow(0)  # type: ignore[attr-defined]
        for _ in range(5):
            QtCore.QCoreApplication.processEvents()
        save(name, dialog)
        dialog.done(0)
        for _ in range(3):
            QtCore.QCoreApplication.processEvents()
    # the counter with a good scan's flash, in the dark theme, once per language
    window.counter.scan.setText("M000001")
    window.look_up()
    window.desk.feedback.timer.stop()
    save("counter_flash", window)

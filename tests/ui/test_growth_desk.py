"""The service desk's growth page (Ctrl+6), keyboard only: a supervisor verifies a real name
(a mistyped ID number is refused and saves nothing), records a check-in; the card shows growth
by dimension, top categories and the verified name."""

from __future__ import annotations

import pytest
from test_counter_window import scan, sign_in
from test_desk import ctrl, open_dialog

from ui.qt import QtCore

Qt = QtCore.Qt
ALT = Qt.KeyboardModifier.AltModifier
pytestmark = pytest.mark.gui


def test_a_supervisor_verifies_a_real_name_by_keyboard(qtbot, window) -> None:
    from ui.service_desk import ServiceDeskDialog

    sign_in(qtbot, window, "sam", "2222")
    scan(qtbot, window, "M000004")  # Wang Fang
    texts = window.counter.card.visible_texts()
    assert "Real name not verified" in texts
    assert any(t.startswith("Growth by dimension: consumption ") for t in texts)
    assert any(t.startswith("Top categories: ") for t in texts)
    desk = open_dialog(qtbot, window, Qt.Key.Key_H, ServiceDeskDialog)
    ctrl(qtbot, desk.history_table, Qt.Key.Key_6)
    page = desk.growth_page
    assert desk.tabs.currentWidget() is page
    qtbot.keyClick(desk, Qt.Key.Key_I, ALT)  # &ID number
    assert page.id_edit.hasFocus()
    qtbot.keyClicks(page.id_edit, "110105194912310021")  # the last digit mistyped
    qtbot.keyClick(page.id_edit, Qt.Key.Key_Return)
    assert page.doc_name_edit.hasFocus()
    qtbot.keyClicks(page.doc_name_edit, "Wang Fang")
    qtbot.keyClick(page.doc_name_edit, Qt.Key.Key_Return)
    assert desk.message.text() == (
        "Problem: The ID number's check digit does not match: a digit was mistyped. "
        "Nothing was saved."
    )
    assert window.controller.terminal.card("M000004").real_name is None

    page.id_edit.setFocus()
    page.id_edit.selectAll()
    qtbot.keyClicks(page.id_edit, "11010519491231002x")
    qtbot.keyClick(page.id_edit, Qt.Key.Key_Return)
    qtbot.keyClick(page.doc_name_edit, Qt.Key.Key_Return)  # the name is still there
    assert desk.message.text() == "Done: Real name verified."
    assert page.id_edit.text() == "" and page.doc_name_edit.text() == ""

    qtbot.keyClick(desk, Qt.Key.Key_K, ALT)  # Record a chec&k-in (a button clicks animated)
    qtbot.waitUntil(lambda: desk.message.text() == "Done: Check-in recorded: +5 points")
    qtbot.keyClick(desk, Qt.Key.Key_K, ALT)
    qtbot.waitUntil(
        lambda: (
            desk.message.text()
            == "Problem: The most a day counts is reached (1); nothing was recorded."
        )
    )
    qtbot.keyClick(page.doc_name_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.desk.dialog is None)
    texts = window.counter.card.visible_texts()
    assert "Real name verified (ID ****002X)" in texts
    dimensions = next(t for t in texts if t.startswith("Growth by dimension"))
    assert "account 200" in dimensions and "activity 5" in dimensions


def test_a_cashier_cannot_verify_a_real_name(qtbot, window) -> None:
    from ui.service_desk import ServiceDeskDialog

    sign_in(qtbot, window, "lin", "1111")
    scan(qtbot, window, "M000004")
    desk = open_dialog(qtbot, window, Qt.Key.Key_H, ServiceDeskDialog)
    ctrl(qtbot, desk.history_table, Qt.Key.Key_6)
    page = desk.growth_page
    assert not page.id_edit.isEnabled() and not page.verify_button.isEnabled()
    assert page.note.text() == (
        "Only a supervisor can verify a real name. Ask a supervisor to sign in."
    )

"""The counter fits the monitors counters have, in every language: 1366×768 (the most common),
1440×900 and 1280×1024. No widget lies outside the window, no label is cut off (its text needs
no more room than it has), and a long text — a scanned card code in the error line — wraps or
is shortened, never widens the window."""

from __future__ import annotations

import pytest
from test_counter_window import sign_in

from ui.i18n import LanguageSwitcher
from ui.qt import QtCore, QtWidgets

Qt = QtCore.Qt
pytestmark = pytest.mark.gui

SIZES = [(1366, 768), (1440, 900), (1280, 1024)]
LANGUAGES = ["en", "zh_CN", "es"]
# A maximised window on a real screen loses a title bar and a task bar: leave room for both.
WINDOW_FRAME = 64
LONG_CODE = "MD1C.K1.JUYDAMBQGAZQ.7QGNBRXHKMH4TT3JSPZ2BQ6H5QDE3D6BJUW3L4QJ5HVNFQX4M2AQ" * 2


def settle(qapp) -> None:
    for _ in range(5):
        qapp.processEvents()


def in_scroll_area(widget: QtWidgets.QWidget, top: QtWidgets.QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QtWidgets.QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def problems(top: QtWidgets.QWidget) -> list[str]:
    """Widgets outside ``top`` and labels or buttons whose text does not fit them."""
    found = []
    frame = top.rect()
    for widget in top.findChildren(QtWidgets.QWidget):
        if not widget.isVisibleTo(top) or widget.window() is not top:
            continue
        name = f"{type(widget).__name__}#{widget.objectName()}"
        if not in_scroll_area(widget, top):
            where = QtCore.QRect(widget.mapTo(top, QtCore.QPoint(0, 0)), widget.size())
            if not frame.contains(where):
                found.append(f"{name} at {where} is outside the window {frame}")
        if isinstance(widget, QtWidgets.QLabel) and widget.text():
            text = widget.text()[:50]
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height() + 1:
                    found.append(f"{name} {text!r}: needs {needed} px high, has {widget.height()}")
            else:
                hint = widget.sizeHint()
                if hint.width() > widget.width() + 1 or hint.height() > widget.height() + 1:
                    found.append(f"{name} {text!r}: needs {hint.toTuple()}, has {widget.size()}")
        if isinstance(widget, QtWidgets.QPushButton) and widget.text():
            hint = widget.sizeHint()
            if hint.width() > widget.width() + 1:
                found.append(f"{name} {widget.text()!r}: needs {hint.width()} px wide")
    return found


@pytest.fixture(params=LANGUAGES)
def language(request, qapp, window):
    switcher: LanguageSwitcher = window.switcher
    window.set_language(request.param)
    settle(qapp)
    yield request.param
    switcher.switch("en")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_counter_fits_the_screen(qtbot, qapp, window, language, size) -> None:
    width, height = size
    assert window.minimumSizeHint().width() <= width
    window.resize(width, height)
    settle(qapp)
    page = window.sign_in_page
    page.select_cashier("lin")
    page.pin.setText("1")
    page.confirm()  # a wrong PIN: the message line shows
    settle(qapp)
    assert problems(window) == [], "sign in"

    sign_in(qtbot, window)
    window.counter.scan.setText("M000003")
    window.look_up()
    checkout = window.counter.checkout
    checkout.amount_edits["grocery"].setText("128.50")
    checkout.amount_edits["dining"].setText("86")
    checkout.points_edit.setText("500")
    checkout.update_quote()
    settle(qapp)
    assert window.size().toTuple() == size
    assert window.minimumSizeHint().height() <= height - WINDOW_FRAME
    assert problems(window) == [], "counter with a member and a sale"
    # the confirm button, the message line and the status bar are on the screen
    for widget in (checkout.confirm_button, window.counter.message, window.statusBar()):
        where = QtCore.QRect(widget.mapTo(window, QtCore.QPoint(0, 0)), widget.size())
        assert window.rect().contains(where)

    # A long scan that is no member: the error wraps, the window keeps its size.
    window.counter.scan.setText(LONG_CODE)
    window.look_up()
    settle(qapp)
    assert window.message_text().startswith(("Problem:", "问题", "Problema"))
    assert window.size().toTuple() == size
    assert window.minimumSizeHint().width() <= width
    assert problems(window) == [], "a long error"


@pytest.mark.parametrize(
    "opener", ["service_desk", "day_report", "refund", "redeem", "enroll", "find", "coupons"]
)
def test_dialogs_fit_the_smallest_counter_screen(qtbot, qapp, window, language, opener) -> None:
    window.resize(1366, 768)
    settle(qapp)
    sign_in(qtbot, window)
    window.counter.scan.setText("M000003")
    window.look_up()
    openers = {
        "service_desk": window.desk.open_service_desk,
        "day_report": window.desk.open_day_report,
        "refund": window.flows.refund,
        "redeem": window.flows.redeem,
        "enroll": window.flows.enroll,
        "find": window.picks.find_member,
        "coupons": window.picks.pick_coupon,
    }
    openers[opener]()
    dialog = window.desk.dialog or window.flows.dialog or window.picks.dialog
    assert dialog is not None
    settle(qapp)
    assert dialog.width() <= 1366 and dialog.height() <= 768
    assert dialog.minimumSizeHint().width() <= 1366
    assert dialog.minimumSizeHint().height() <= 768 - WINDOW_FRAME
    assert problems(dialog) == []
    dialog.reject()

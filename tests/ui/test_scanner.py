"""A scanner is a keyboard that types fast: a scan works wherever the focus is, and a person
typing slowly is never taken for one."""

from __future__ import annotations

import pytest
from test_counter_window import scan, sign_in

from ui.qt import QtCore
from ui.scanner import looks_like_member_code

Qt = QtCore.Qt
pytestmark = pytest.mark.gui


def open_checkout(qtbot, window):
    sign_in(qtbot, window)
    scan(qtbot, window, "M000001")
    qtbot.keyClick(window.counter.scan, Qt.Key.Key_F4)
    field = window.counter.checkout.first_field()
    assert field.hasFocus()
    return field


def test_a_scan_into_a_price_field_shows_the_member_and_leaves_the_price_alone(
    qtbot, window
) -> None:
    field = open_checkout(qtbot, window)
    qtbot.keyClicks(field, "12", delay=90)  # the cashier had started typing a price
    qtbot.wait(100)
    qtbot.keyClicks(field, "M000002")  # scanner speed: no delay between keys
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.controller.card is not None
    assert window.controller.card.member_id == "M000002"
    assert field.text() in ("12", "")  # the price survives, or the sale was reset for the
    assert "M000002" not in field.text()  # new member; never the code


def test_a_person_typing_slowly_is_not_a_scan(qtbot, window) -> None:
    field = open_checkout(qtbot, window)
    qtbot.keyClicks(field, "M000002", delay=90)  # a person: 90 ms between keys
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.controller.card is not None
    assert window.controller.card.member_id == "M000001"


def test_a_pin_typed_fast_is_never_a_scan(qtbot, window) -> None:
    page = window.sign_in_page
    assert page.select_cashier("lin")
    qtbot.keyClicks(page.pin, "M000002")
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    assert window.controller.actor is None  # a wrong PIN, not a member lookup
    assert window.controller.card is None


@pytest.mark.parametrize(
    ("text", "is_code"),
    [
        ("M000001", True),
        ("MD1C.K1.JUYDAMBQGAYQ.ABC", True),
        ("12.50", False),
        ("13800138001", False),
        ("hello", False),
    ],
)
def test_what_counts_as_a_member_code(text: str, is_code: bool) -> None:
    assert looks_like_member_code(text) is is_code

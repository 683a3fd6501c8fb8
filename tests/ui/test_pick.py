"""Find and pick, confirm and recover at the counter, by keyboard and scanner alone: F11
finds a member (recent ones first), a scan while searching looks the member up, Ctrl+Shift+A
uses all points, Ctrl+Shift+K picks a coupon, ↑ ↓ pick today's receipt to refund,
Ctrl+Shift+U undoes the last redemption, and wrong PINs lock a cashier."""

from __future__ import annotations

import pytest
from answers import answer, question
from test_counter_window import scan, sign_in
from test_flows import choose, flow, press
from wedge import person_types, scanner_types

from app.domain.quote import Line
from ui.pick import CouponPickerDialog, MemberSearchDialog
from ui.qt import QtCore, QtWidgets

Qt = QtCore.Qt
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
pytestmark = pytest.mark.gui


def picker(qtbot, window, kind):
    qtbot.waitUntil(lambda: isinstance(window.picks.dialog, kind), timeout=2000)
    dialog = window.picks.dialog
    qtbot.waitUntil(
        lambda: dialog.isActiveWindow() and QtWidgets.QApplication.focusWidget() is not None,
        timeout=2000,
    )
    return dialog


def rows(widget: QtWidgets.QListWidget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def test_f11_lists_the_recent_members_then_finds_by_name_or_last_digits(
    qtbot, window, demo_terminal
) -> None:
    lin = demo_terminal.actor("lin")
    demo_terminal.award("recent-1", lin, "M000005", [Line("grocery", 1_000)])
    sign_in(qtbot, window)
    press(qtbot, window, Qt.Key.Key_F11)
    dialog = picker(qtbot, window, MemberSearchDialog)
    assert dialog.query.hasFocus()
    assert dialog.list_label.text() == "Served last at this counter:"
    assert rows(dialog.list)[0] == "Chen Jie   138****8005   M000005"
    # A person types the beginning of a name, with Shift for the capital.
    person_types(window, "Mar")
    press(qtbot, window, Qt.Key.Key_Return)
    assert rows(dialog.list) == ["Maria Garcia   138****8003   M000003"]
    # the last 4 digits of the phone; ↓ and Enter pick
    dialog.query.clear()
    person_types(window, "8006")
    press(qtbot, window, Qt.Key.Key_Return)
    assert rows(dialog.list) == ["John Smith   138****8006   M000006"]
    press(qtbot, window, Qt.Key.Key_Down)
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.picks.dialog is None, timeout=2000)
    assert window.controller.card is not None
    assert window.controller.card.member_id == "M000006"
    assert "Member M000006 found" in window.message_text()
    qtbot.waitUntil(window.counter.scan.hasFocus, timeout=2000)


def test_nobody_found_says_so_and_picks_nobody(qtbot, window) -> None:
    sign_in(qtbot, window)
    press(qtbot, window, Qt.Key.Key_F11)
    dialog = picker(qtbot, window, MemberSearchDialog)
    person_types(window, "Xyz")
    press(qtbot, window, Qt.Key.Key_Return)
    assert dialog.list_label.text() == "Nobody found for 'Xyz'. Check the spelling, or enroll (F2)."
    press(qtbot, window, Qt.Key.Key_Return)
    assert "Nobody to pick" in dialog.message_text()
    press(qtbot, window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.picks.dialog is None, timeout=2000)
    assert window.controller.card is None


def test_a_scan_while_searching_looks_that_member_up(qtbot, window) -> None:
    sign_in(qtbot, window)
    press(qtbot, window, Qt.Key.Key_F11)
    picker(qtbot, window, MemberSearchDialog)
    scanner_types(window, "M000002")  # Shift for the M, 3 ms a key, into the search field
    qtbot.waitUntil(lambda: window.picks.dialog is None, timeout=2000)
    assert window.controller.card is not None
    assert window.controller.card.member_id == "M000002"


def test_use_all_points_and_pick_a_coupon_at_checkout(qtbot, window, demo_terminal) -> None:
    lin = demo_terminal.actor("lin")
    coupon = demo_terminal.redeem("c-1", lin, "M000003", "coupon", item="DINE10P").coupon_code
    sign_in(qtbot, window)
    scan(qtbot, window, "M000003")
    points = window.controller.card.points
    press(qtbot, window, Qt.Key.Key_F4)
    press(qtbot, window, Qt.Key.Key_A, CTRL_SHIFT)  # nothing typed yet: says what to do
    assert "Type the amounts first" in window.message_text()
    checkout = window.counter.checkout
    checkout.first_field().setFocus()
    person_types(window, "100")
    press(qtbot, window, Qt.Key.Key_A, CTRL_SHIFT)
    # at most half of what is payable in points (the rule book's 50%), all of it used
    quote = checkout.quote
    assert quote is not None and 0 < quote.max_points_usable < points
    assert checkout.points_edit.text() == str(quote.max_points_usable)
    assert quote.points_used == quote.max_points_usable
    assert f"{quote.points_used:,} points used" in window.message_text()
    press(qtbot, window, Qt.Key.Key_K, CTRL_SHIFT)
    dialog = picker(qtbot, window, CouponPickerDialog)
    assert dialog.title.text() == "M**** G*****'s coupons"  # masked, as on the card
    assert rows(dialog.list)[0].startswith(f"10% off dining · {coupon} · valid until")
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.picks.dialog is None, timeout=2000)
    assert checkout.coupon_edit.text() == coupon


def test_refund_picks_todays_receipt_with_the_arrows(qtbot, window, demo_terminal) -> None:
    lin = demo_terminal.actor("lin")
    sale = demo_terminal.award("today-1", lin, "M000005", [Line("grocery", 12_345)])
    sign_in(qtbot, window)
    press(qtbot, window, Qt.Key.Key_F7)
    dialog = flow(window)
    paid = f"¥{sale.payable_fen // 100}.{sale.payable_fen % 100:02d}"
    first = rows(dialog.today)[0]
    assert first.startswith(f"{sale.receipt_no} · ") and f"M000005 · {paid}" in first
    press(qtbot, window, Qt.Key.Key_Down)
    assert dialog.receipt.text() == sale.receipt_no
    press(qtbot, window, Qt.Key.Key_Return)
    assert dialog.outcome.text() == f"Can still be refunded: {paid}"
    press(qtbot, window, Qt.Key.Key_Return)
    answer(qtbot, paid, sale.receipt_no, "M000005")
    assert dialog.finished_ok
    assert demo_terminal.refund_preview(sale.receipt_no).refundable_fen == 0


def test_undo_the_last_redemption_asks_then_gives_the_points_back(
    qtbot, window, demo_terminal
) -> None:
    sign_in(qtbot, window)
    scan(qtbot, window, "M000005")
    before = demo_terminal.card("M000005").points
    press(qtbot, window, Qt.Key.Key_F6)
    choose(qtbot, window, flow(window), "tote")
    press(qtbot, window, Qt.Key.Key_Return)
    answer(qtbot, "1,500 points", "M000005")
    qtbot.waitUntil(lambda: window.flows.dialog is None, timeout=2000)
    assert demo_terminal.card("M000005").points == before - 1_500
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    # Esc on the question: nothing undone
    press(qtbot, window, Qt.Key.Key_U, CTRL_SHIFT)
    answer(qtbot, "Give 1,500 points back to C*** J** (M000005)", key=Qt.Key.Key_Escape)
    assert demo_terminal.card("M000005").points == before - 1_500
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    press(qtbot, window, Qt.Key.Key_U, CTRL_SHIFT)
    answer(qtbot, "Canvas tote bag", "Take the gift back first.")
    assert demo_terminal.card("M000005").points == before
    assert "Redemption undone: 1,500 points are back with M000005" in window.message_text()
    assert f"{before:,} points" in "\n".join(window.counter.card.visible_texts())
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    press(qtbot, window, Qt.Key.Key_U, CTRL_SHIFT)  # nothing left to undo: said, not asked
    assert "There is no redemption to undo." in window.message_text()


def test_five_wrong_pins_lock_the_cashier_at_sign_in(qtbot, window) -> None:
    page = window.sign_in_page
    assert page.select_cashier("maria")
    for _ in range(5):
        qtbot.keyClicks(page.pin, "0000")
        qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    assert "locked for 5 more minutes" in page.message.text()
    qtbot.keyClicks(page.pin, "3333")  # even the right PIN, while locked
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is page
    assert "locked for 5 more minutes" in page.message.text()
    # another cashier is not locked
    assert page.select_cashier("lin")
    qtbot.keyClicks(page.pin, "1111")
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.counter


def test_a_scan_never_answers_a_question(qtbot, window, demo_terminal) -> None:
    """A scan ends in Enter: it must not say yes to the redemption on screen."""
    sign_in(qtbot, window)
    scan(qtbot, window, "M000005")
    before = demo_terminal.card("M000005").points
    press(qtbot, window, Qt.Key.Key_F6)
    redeem = flow(window)
    choose(qtbot, window, redeem, "tote")
    press(qtbot, window, Qt.Key.Key_Return)
    asked = question(qtbot)
    scanner_types(window, "M000003")  # Shift for the M, then Enter, into the question
    assert asked.isVisible()
    assert demo_terminal.card("M000005").points == before
    assert window.controller.card.member_id == "M000005"
    answer(qtbot, "1,500 points", key=Qt.Key.Key_Escape)
    assert demo_terminal.card("M000005").points == before

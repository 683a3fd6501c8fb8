"""Scans as a real wedge scanner sends them (Shift around every capital, 2–5 ms a key, then
Return), wherever the focus is: a price field, a flow dialog, the service desk. A failed scan
forgets the customer before, so nothing can be recorded on them."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from test_counter_window import award_count, scan, sign_in
from wedge import person_types, scanner_types, scanner_types_live

from app.domain import codes
from app.services.member_codes import PublishedKey, install_keys
from ui.qt import QtCore, QtWidgets

Qt = QtCore.Qt
pytestmark = pytest.mark.gui
LEDGER = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))


def with_keys(terminal) -> None:
    public = LEDGER.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    with terminal.ctx.write() as session:
        install_keys(session, [PublishedKey("K1", public, False)], terminal.ctx.now())


def card_code(member_id: str) -> str:
    return codes.card_code(LEDGER, "K1", member_id)


def counter_member(terminal) -> str:
    """A member enrolled at this counter: a number like MT010000150, capitals and digits."""
    actor = terminal.actor("lin")
    result = terminal.enroll("wedge-enroll", actor, phone="13912340001", name="Wedge Test")
    assert result.member_id.startswith("MT01")
    return result.member_id


def events_waiting(terminal) -> int:
    return terminal.outbox_waiting()


def start_sale(qtbot, window, member: str, amount: str):
    sign_in(qtbot, window)
    scan(qtbot, window, member)
    qtbot.keyClick(window.counter.scan, Qt.Key.Key_F4)
    field = window.counter.checkout.first_field()
    assert field.hasFocus()
    qtbot.keyClicks(field, amount)
    return field


def test_a_card_code_scanned_into_the_amount_field_shows_that_member(qtbot, window) -> None:
    terminal = window.controller.terminal
    with_keys(terminal)
    field = start_sale(qtbot, window, "M000001", "300")
    code = card_code("M000002")
    assert any(c.isupper() for c in code)

    scanner_types(window, code)

    assert window.controller.card is not None
    assert window.controller.card.member_id == "M000002"
    assert "MD1C" not in field.text() and "md1c" not in field.text()
    assert "not an amount" not in window.message_text()
    assert "not an amount" not in window.counter.checkout.quote_lines.text()
    assert window.controller.identified_by == "card_code"
    # The next amount and F9 record the sale on the member just scanned.
    qtbot.keyClick(window.counter.scan, Qt.Key.Key_F4)
    qtbot.keyClicks(window.counter.checkout.first_field(), "300")
    before = terminal.card("M000001").points
    qtbot.keyClick(window.counter.checkout.first_field(), Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not window.recording)
    assert window.controller.last_award is not None
    assert window.controller.last_award.member_id == "M000002"
    assert terminal.card("M000001").points == before


def test_a_counter_member_number_scanned_into_the_amount_field(qtbot, window) -> None:
    terminal = window.controller.terminal
    member_id = counter_member(terminal)
    field = start_sale(qtbot, window, "M000001", "300")

    scanner_types_live(window, member_id)  # through QTest, in real time

    assert window.controller.card is not None
    assert window.controller.card.member_id == member_id
    assert member_id not in field.text()
    assert field.text() == ""  # another member: the sale started over
    assert window.counter.scan.hasFocus()


def test_the_same_member_scanned_again_keeps_the_amount(qtbot, window) -> None:
    field = start_sale(qtbot, window, "M000003", "12")

    scanner_types(window, "M000003")

    assert window.controller.card.member_id == "M000003"
    assert field.text() == "12"
    assert window.counter.checkout.payable.text() == "Payable: ¥11.76"


def test_caps_lock_on_the_scanner_types_lower_case_and_is_still_a_scan(qtbot, window) -> None:
    terminal = window.controller.terminal
    with_keys(terminal)
    member_id = counter_member(terminal)
    field = start_sale(qtbot, window, "M000001", "300")

    scanner_types(window, card_code("M000004"), caps_lock=True)
    assert window.controller.card.member_id == "M000004"

    qtbot.keyClick(window.counter.scan, Qt.Key.Key_F4)
    scanner_types(window, member_id, caps_lock=True)
    assert window.controller.card.member_id == member_id
    assert field.text() == ""


def test_a_person_typing_with_shift_is_not_a_scan(qtbot, window) -> None:
    sign_in(qtbot, window)
    scan(qtbot, window, "M000001")
    qtbot.keyClick(window.counter.scan, Qt.Key.Key_F4)
    field = window.counter.checkout.coupon_edit
    field.setFocus()
    person_types(window, "DINE10P")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.controller.card.member_id == "M000001"
    assert window.counter.checkout.coupon_edit.text() == "DINE10P"


def test_a_failed_scan_forgets_the_customer_so_f4_and_f9_record_nothing(qtbot, window) -> None:
    terminal = window.controller.terminal
    field = start_sale(qtbot, window, "M000001", "300")
    sales, waiting = award_count(terminal), events_waiting(terminal)
    points = terminal.card("M000001").points

    scanner_types(window, "M999999")

    assert "No member found for 'M999999'" in window.message_text()
    assert window.controller.card is None
    assert "No member yet." in window.counter.card.visible_texts()[0]
    assert window.counter.checkout.is_empty()
    assert not field.isEnabled()
    assert "M000001" not in window.counter.checkout.confirm_button.text()
    # The cashier's fast hands: F4, an amount, F9 — nothing lands on the customer before.
    qtbot.keyClick(window.counter.scan, Qt.Key.Key_F4)
    assert "Scan a member first" in window.message_text()
    qtbot.keyClicks(QtWidgets.QApplication.focusWidget(), "300")
    qtbot.keyClick(QtWidgets.QApplication.focusWidget(), Qt.Key.Key_F9)
    qtbot.keyClick(QtWidgets.QApplication.focusWidget(), Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not window.recording)
    assert award_count(terminal) == sales
    assert events_waiting(terminal) == waiting
    assert terminal.card("M000001").points == points
    assert window.controller.last_award is None


def test_a_finished_sale_shows_a_summary_and_waits_for_the_next_customer(qtbot, window) -> None:
    terminal = window.controller.terminal
    start_sale(qtbot, window, "M000003", "120")
    assert "M000003" in window.counter.checkout.confirm_button.text()
    qtbot.keyClick(window.counter.checkout.first_field(), Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not window.recording)

    summary = window.message_text()
    assert "Sale recorded for M000003" in summary
    assert "140 points earned" in summary
    assert "Next customer" in summary
    assert window.controller.card is None
    assert "No member yet." in window.counter.card.visible_texts()[0]
    assert "M000003" not in window.counter.checkout.confirm_button.text()
    display = window.flows.customer_display
    assert "Thank you!" in display.visible_texts()
    # An impatient second F9 neither records again nor hides the summary.
    sales = award_count(terminal)
    qtbot.keyClick(window.counter.scan, Qt.Key.Key_F9)
    assert award_count(terminal) == sales
    assert window.message_text() == summary
    # The receipt can still be reprinted; the next scan starts the next customer.
    assert window.controller.last_award is not None
    scanner_types(window, "M000002")
    assert window.controller.card.member_id == "M000002"
    assert "Thank you!" not in display.visible_texts()


def test_a_scan_in_a_flow_dialog_is_set_aside_not_typed(qtbot, window) -> None:
    sign_in(qtbot, window)
    scan(qtbot, window, "M000002")
    qtbot.keyClick(window.counter.scan, Qt.Key.Key_F7)  # refund: a receipt number field
    dialog = window.flows.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QtWidgets.QApplication.focusWidget() is not None)
    focus = QtWidgets.QApplication.focusWidget()
    assert isinstance(focus, QtWidgets.QLineEdit)

    scanner_types(window, "MT010000150")

    assert "set aside" in dialog.message_text()
    assert "MT01" not in focus.text()
    assert window.controller.card.member_id == "M000002"


def test_a_scan_in_the_service_desk_member_field_shows_that_history(qtbot, window) -> None:
    terminal = window.controller.terminal
    with_keys(terminal)
    sign_in(qtbot, window)
    qtbot.keyClick(window.counter.scan, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    desk = window.desk.dialog
    assert desk is not None
    qtbot.waitUntil(desk.member_edit.hasFocus)

    scanner_types(window, card_code("M000005"))

    assert desk.history is not None
    assert desk.history.member_id == "M000005"
    assert "M000005" in desk.summary.text()
    assert window.controller.card is None  # the counter did not look it up behind the desk

    # From the history table too, and a member number in lower case (Caps Lock).
    desk.history_table.setFocus()
    scanner_types(window, "M000006", caps_lock=True)
    assert desk.history.member_id == "M000006"


def test_a_scan_before_sign_in_says_sign_in_first(qtbot, window) -> None:
    page = window.sign_in_page
    page.cashier_list.setFocus()
    scanner_types(window, "M000001")
    assert "Sign in first" in page.message.text()
    assert window.controller.card is None


def test_lower_case_member_numbers_and_short_receipt_numbers(qtbot, window) -> None:
    sign_in(qtbot, window)
    scan(qtbot, window, "m000002")
    assert window.controller.card is not None, window.message_text()
    assert window.controller.card.member_id == "M000002"
    qtbot.keyClick(window.counter.scan, Qt.Key.Key_F4)
    qtbot.keyClicks(window.counter.checkout.first_field(), "50")
    qtbot.keyClick(window.counter.checkout.first_field(), Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not window.recording)
    receipt_no = window.controller.last_award.receipt_no  # e.g. T01-0000146
    terminal_id, seq = receipt_no.split("-")
    for typed in (receipt_no.lower(), str(int(seq)), f"{terminal_id.lower()}-{int(seq)}"):
        assert window.controller.receipt(typed).receipt_no == receipt_no
        assert window.controller.refund_preview(typed).receipt.receipt_no == receipt_no

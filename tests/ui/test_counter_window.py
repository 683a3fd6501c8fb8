"""The counter window driven like a cashier drives it: keyboard only."""

from __future__ import annotations

import pytest

from ui.qt import QtCore

Qt = QtCore.Qt
pytestmark = pytest.mark.gui


def sign_in(qtbot, window, cashier_id: str = "lin", pin: str = "1111") -> None:
    page = window.sign_in_page
    assert page.select_cashier(cashier_id)
    qtbot.keyClicks(page.pin, pin)
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)


def scan(qtbot, window, code: str) -> None:
    qtbot.keyClicks(window.counter.scan, code)
    qtbot.keyClick(window.counter.scan, Qt.Key.Key_Return)


def award_count(terminal) -> int:
    report = terminal.end_of_day()
    return report.totals.purchases


def test_sign_in_by_keyboard(qtbot, window) -> None:
    page = window.sign_in_page
    assert window.stack.currentWidget() is page
    assert page.pin.hasFocus()
    # The arrow keys move the cashier list while the hands stay in the PIN field.
    start = page.cashier_list.currentRow()
    qtbot.keyClick(page.pin, Qt.Key.Key_Down)
    assert page.cashier_list.currentRow() == start + 1
    assert page.select_cashier("lin")
    qtbot.keyClicks(page.pin, "1111")
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.counter
    assert window.counter.scan.hasFocus()
    assert window.cashier_status.text() == "Cashier: Lin Cashier"
    assert "T01" in window.terminal_status.text()


def test_wrong_pin_shows_the_core_message_and_esc_clears(qtbot, window) -> None:
    page = window.sign_in_page
    page.select_cashier("lin")
    qtbot.keyClicks(page.pin, "0000")
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is page
    assert "That PIN is not right. Try again, or ask a supervisor." in page.message.text()
    assert page.message.isVisible()
    qtbot.keyClicks(page.pin, "12")
    qtbot.keyClick(page.pin, Qt.Key.Key_Escape)
    assert page.pin.text() == ""
    assert page.message.text() == ""


def test_a_scan_shows_the_member_card(qtbot, window) -> None:
    sign_in(qtbot, window)
    scan(qtbot, window, "M000001")
    card = window.counter.card
    texts = "\n".join(card.visible_texts())
    assert "Z**** W**" in texts
    assert "Member M000001 · Phone 138****8001" in texts
    assert "Tier: Platinum" in texts
    assert "PLUS until" in texts  # the badge says it in words, not only in colour
    assert "points, worth ¥" in texts
    assert "changes not yet confirmed by the ledger" in texts
    assert "Stage: loyal" in texts
    assert window.counter.scan.text() == ""
    assert window.counter.scan.hasFocus()
    assert "events waiting" in window.sync_status.text()


def test_lookup_by_phone_shows_growth_to_the_next_tier(qtbot, window) -> None:
    sign_in(qtbot, window)
    scan(qtbot, window, "13800138002")
    card = window.counter.card
    assert card.card is not None and card.card.member_id == "M000002"
    assert card.growth.text().startswith(f"{card.card.growth_missing} growth to Silver")
    assert card.progress.value() == card.card.tier_progress_percent
    assert card.plus_badge.text() == "No PLUS"


def test_an_unknown_member_shows_the_message(qtbot, window) -> None:
    sign_in(qtbot, window)
    scan(qtbot, window, "M999999")
    assert "No member found for 'M999999'" in window.message_text()
    assert window.counter.message.property("kind") == "error"
    assert window.counter.card.card is None
    assert window.counter.scan.hasFocus()


def test_checkout_by_keyboard_awards_once_on_a_double_press(qtbot, window) -> None:
    terminal = window.controller.terminal
    before = award_count(terminal)
    sign_in(qtbot, window)
    scan(qtbot, window, "M000003")
    points_before = window.controller.card.points
    qtbot.keyClick(window.counter.scan, Qt.Key.Key_F4)
    checkout = window.counter.checkout
    first = checkout.first_field()
    assert first.hasFocus()
    qtbot.keyClicks(first, "120")
    assert checkout.payable.text() == "Payable: ¥117.60"
    quote_text = checkout.quote_lines.text()
    assert "Points to earn: 140" in quote_text
    assert "base 117 + tier 23 + PLUS 0 + campaign 0" in quote_text
    assert "PLUS would have saved ¥" in quote_text
    request_id = window.controller.sale_request_id
    assert request_id

    qtbot.keyClick(first, Qt.Key.Key_F9)
    qtbot.keyClick(window.counter.scan, Qt.Key.Key_F9)  # the second, impatient press
    qtbot.waitUntil(lambda: not window.recording)

    assert award_count(terminal) == before + 1
    assert "Sale recorded for M000003: receipt" in window.message_text()
    assert "140 points earned" in window.message_text()
    assert terminal.card("M000003").points == points_before + 140
    assert window.controller.last_award is not None
    assert window.controller.card is None  # the next customer
    assert window.counter.scan.hasFocus()
    assert checkout.is_empty()
    # The next sale gets a new request id once the member is scanned again.
    scan(qtbot, window, "M000003")
    qtbot.keyClick(window.counter.scan, Qt.Key.Key_F4)
    qtbot.keyClicks(checkout.first_field(), "10")
    assert window.controller.sale_request_id not in (None, request_id)


def test_ctrl_enter_confirms_too(qtbot, window) -> None:
    terminal = window.controller.terminal
    before = award_count(terminal)
    sign_in(qtbot, window)
    scan(qtbot, window, "M000002")
    qtbot.keyClick(window.counter.scan, Qt.Key.Key_F4)
    field = window.counter.checkout.amount_edits["dining"]
    field.setFocus()
    qtbot.keyClicks(field, "35.5")
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.recording)
    assert award_count(terminal) == before + 1


def test_a_bad_amount_shows_the_message_and_writes_nothing(qtbot, window) -> None:
    terminal = window.controller.terminal
    before = award_count(terminal)
    sign_in(qtbot, window)
    scan(qtbot, window, "M000003")
    waiting_before = window.controller.card.unconfirmed_events
    qtbot.keyClick(window.counter.scan, Qt.Key.Key_F4)
    first = window.counter.checkout.first_field()
    qtbot.keyClicks(first, "12.345")
    request_id = window.controller.sale_request_id
    assert "is not an amount" in window.counter.checkout.quote_lines.text()
    qtbot.keyClick(first, Qt.Key.Key_F9)
    message = window.message_text()
    assert "Grocery: '12.345' is not an amount" in message
    assert window.counter.message.property("kind") == "error"
    assert "Traceback" not in message
    assert award_count(terminal) == before
    assert terminal.card("M000003").unconfirmed_events == waiting_before
    assert window.counter.scan.hasFocus()
    # Fixed and confirmed, the sale keeps the request id it started with.
    qtbot.keyClick(window.counter.scan, Qt.Key.Key_F4)
    first.selectAll()
    qtbot.keyClicks(first, "12.34")
    assert window.controller.sale_request_id == request_id
    qtbot.keyClick(first, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not window.recording)
    assert award_count(terminal) == before + 1


def test_confirm_with_no_amount_shows_the_core_message(qtbot, window) -> None:
    terminal = window.controller.terminal
    before = award_count(terminal)
    sign_in(qtbot, window)
    scan(qtbot, window, "M000003")
    qtbot.keyClick(window.counter.scan, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not window.recording)
    assert "Enter at least one amount." in window.message_text()
    assert award_count(terminal) == before


def test_esc_backs_out_of_checkout_then_clears_the_member(qtbot, window) -> None:
    sign_in(qtbot, window)
    scan(qtbot, window, "M000001")
    qtbot.keyClick(window.counter.scan, Qt.Key.Key_F4)
    first = window.counter.checkout.first_field()
    qtbot.keyClicks(first, "5")
    qtbot.keyClick(first, Qt.Key.Key_Escape)
    assert window.counter.scan.hasFocus()
    assert window.controller.card is not None
    qtbot.keyClick(window.counter.scan, Qt.Key.Key_Escape)
    assert window.controller.card is None
    assert window.counter.checkout.is_empty()
    assert "No member yet." in window.counter.card.visible_texts()[0]


def test_sign_out_returns_to_sign_in(qtbot, window) -> None:
    sign_in(qtbot, window)
    qtbot.keyClick(window.counter.scan, Qt.Key.Key_F10)
    assert window.stack.currentWidget() is window.sign_in_page
    assert window.controller.actor is None
    assert window.cashier_status.text() == "Not signed in"


def test_switching_to_chinese_retranslates_the_open_window(qtbot, window) -> None:
    sign_in(qtbot, window)
    scan(qtbot, window, "M000001")
    assert window.counter.checkout.title.text() == "Checkout (F4)"
    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: window.counter.checkout.title.text() == "结账（F4）")
    texts = "\n".join(window.counter.card.visible_texts())
    assert "等级：白金卡" in texts
    assert window.cashier_status.text() == "收银员：Lin Cashier"
    assert window.counter_menu.title() == "柜台(&C)"
    assert window.message_text().startswith("提示：")
    assert window.font().families()[0] == "Noto Sans CJK SC"


def test_f12_cycles_the_languages(qtbot, window) -> None:
    qtbot.keyClick(window.sign_in_page.pin, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: window.sign_in_page.title.text() == "登录")
    qtbot.keyClick(window.sign_in_page.pin, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: window.sign_in_page.title.text() == "Iniciar sesión")
    qtbot.keyClick(window.sign_in_page.pin, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: window.sign_in_page.title.text() == "Sign in")


def test_a_wrong_pin_in_spanish(qtbot, window) -> None:
    window.set_language("es")
    qtbot.waitUntil(lambda: window.sign_in_page.title.text() == "Iniciar sesión")
    sign_in(qtbot, window, pin="0000")
    assert "Ese PIN no es correcto" in window.sign_in_page.message.text()


def test_the_card_says_which_points_cannot_be_spent_here(qtbot, window) -> None:
    sign_in(qtbot, window)
    scan(qtbot, window, "M000008")  # points at the food court and Watch Boutique too
    texts = window.counter.card.visible_texts()
    assert (
        "Not spendable here: 300 points at Watch Boutique; "
        "1,200 points at food-court (Tea House, Noodle Bar)"
    ) in texts
    scan(qtbot, window, "M000002")  # every point of this one is spendable here: no such line
    assert not any("Not spendable here" in t for t in window.counter.card.visible_texts())
    window.set_language("es")
    scan(qtbot, window, "M000008")
    texts = window.counter.card.visible_texts()
    assert any(
        t.startswith("No se pueden usar aquí: 300 puntos en Watch Boutique; 1200 puntos en")
        for t in texts
    ), texts

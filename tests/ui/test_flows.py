"""Enroll, member card QR, PLUS, redeem, refund and the customer display, by keyboard alone."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from answers import answer

from app.domain.errors import PlusCodeRefused
from app.domain.plus_codes import ClaimedCode, code_hash
from ui.enroll import CardCodeLater, CardCodes
from ui.qt import QtCore, QtWidgets
from ui.receipts import ReceiptText

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


def press(qtbot, window, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed wherever the focus is now (as a cashier does)."""
    target = QtWidgets.QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifier)


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(QtWidgets.QApplication.focusWidget(), text)


def flow(window):
    dialog = window.flows.dialog
    assert dialog is not None, "no flow dialog is open"
    for _ in range(400):  # activation is asynchronous
        if dialog.isActiveWindow() and QtWidgets.QApplication.focusWidget() is not None:
            break
        QtWidgets.QApplication.processEvents()
        time.sleep(0.005)
    assert dialog.isActiveWindow()
    return dialog


def close_flow(qtbot, window) -> None:
    dialog = window.flows.dialog
    if dialog is not None:
        press(qtbot, window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.flows.dialog is None, timeout=2000)
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


@pytest.fixture(autouse=True)
def no_dialog_left(window):
    """A failed test must not leave its modal dialog over the next test's window."""
    yield
    dialog = window.flows.dialog
    if dialog is not None:
        dialog.reject()
    window.flows.customer_display.hide()


class FakeLedger:
    """Signs card codes like the ledger, or is out of reach."""

    def __init__(self) -> None:
        self.reachable = False
        self.asked: list[str] = []

    def __call__(self, member_id: str) -> str:
        self.asked.append(member_id)
        if not self.reachable:
            raise CardCodeLater("offline", "connection refused")
        return f"MD1C.K1.{member_id}.SIG"


@pytest.fixture
def ledger(window, tmp_path: Path) -> FakeLedger:
    fake = FakeLedger()
    window.flows.set_card_codes(CardCodes(fake, tmp_path / "cards", window.flows))
    return fake


# ---------------------------------------------------------------------------- enroll


def enroll_by_keyboard(qtbot, window, phone: str, name: str, birthday: str = "") -> None:
    press(qtbot, window, Qt.Key.Key_F2)
    dialog = flow(window)
    assert dialog.phone.hasFocus()
    type_text(qtbot, phone)
    press(qtbot, window, Qt.Key.Key_Tab)
    type_text(qtbot, name)
    press(qtbot, window, Qt.Key.Key_Tab)
    type_text(qtbot, birthday)
    press(qtbot, window, Qt.Key.Key_Tab)
    assert dialog.consent.hasFocus()
    press(qtbot, window, Qt.Key.Key_Space)
    press(qtbot, window, Qt.Key.Key_Return)


def test_enroll_shows_the_card_and_the_qr_after_the_next_sync(
    qtbot, window, ledger, tmp_path
) -> None:
    sign_in(qtbot, window)
    assert "F2 Enroll" in window.flows.keys.text()
    press(qtbot, window, Qt.Key.Key_F2)
    dialog = flow(window)
    assert dialog.title.text() == "Enroll a member (F2)"
    # Enter without consent: refused, nothing recorded.
    type_text(qtbot, "13912345678")
    press(qtbot, window, Qt.Key.Key_Return)
    assert "agree to the membership terms" in dialog.message_text()
    assert dialog.consent.hasFocus()
    close_flow(qtbot, window)

    enroll_by_keyboard(qtbot, window, "13912345678", "Chen Jing", "1990-05-17")
    qtbot.waitUntil(lambda: window.flows.dialog is not None, timeout=2000)
    card_dialog = flow(window)
    assert card_dialog.objectName() == "cardCodeDialog"
    # The member card is on the counter at once, masked.
    texts = "\n".join(window.counter.card.visible_texts())
    assert "C*** J***" in texts
    assert "Phone 139****5678" in texts
    assert "0 points" in texts
    assert window.controller.card is not None
    member_id = window.controller.card.member_id
    assert "enrolled" in window.message_text()
    # Offline: said so, remembered for after the next sync.
    qtbot.waitUntil(lambda: card_dialog.state == "offline", timeout=3000)
    assert "will be printed after the next sync" in card_dialog.status.text()
    assert not card_dialog.print_button.isEnabled()
    assert member_id in window.flows.codes.pending
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.flows.dialog is None, timeout=2000)
    qtbot.waitUntil(window.counter.scan.hasFocus, timeout=2000)

    # The next good sync round signs and prints the card.
    ledger.reachable = True
    with qtbot.waitSignal(window.flows.codes.printed, timeout=3000) as printed:
        window.set_sync_state(True, None, "2026-11-24T02:01:00+00:00")
    assert printed.args[0] == member_id
    pdf = Path(printed.args[1])
    assert pdf == tmp_path / "cards" / f"{member_id}.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert f"Member card of {member_id} printed to" in window.message_text()

    # F8 shows the QR of the member on screen and prints it on Ctrl+P.
    press(qtbot, window, Qt.Key.Key_F8)
    card_dialog = flow(window)
    qtbot.waitUntil(lambda: card_dialog.state == "ready", timeout=2000)
    assert not card_dialog.qr.pixmap().isNull()
    assert card_dialog.qr.pixmap().width() >= 300
    pdf.unlink()
    press(qtbot, window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert pdf.exists()
    assert "Member card printed to" in card_dialog.message_text()
    close_flow(qtbot, window)


def test_enroll_refusals_use_the_core_messages_and_never_record_twice(
    qtbot, window, ledger
) -> None:
    sign_in(qtbot, window)
    before = window.controller.terminal.outbox_waiting()
    # A phone that belongs to a member already: the core's message, the phone field to fix.
    enroll_by_keyboard(qtbot, window, "13800138001", "Someone Else")
    dialog = flow(window)
    assert "A member with phone 138****8001 already exists" in dialog.message_text()
    assert dialog.phone.hasFocus()
    assert window.controller.terminal.outbox_waiting() == before
    close_flow(qtbot, window)
    # A bad birthday names the field.
    enroll_by_keyboard(qtbot, window, "13700000001", "Li Na", "1990-13-40")
    dialog = flow(window)
    assert "The birthday is not a plausible date." in dialog.message_text()
    assert dialog.birthday.hasFocus()
    # Fixed, then Enter twice fast: one member.
    dialog.birthday.selectAll()
    type_text(qtbot, "1990-03-04")
    press(qtbot, window, Qt.Key.Key_Return)
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.flows.dialog is not None, timeout=2000)
    assert window.controller.terminal.identify("13700000001").startswith("M")
    assert window.controller.terminal.outbox_waiting() == before + 1
    close_flow(qtbot, window)


def test_a_scan_during_enroll_shows_the_existing_member(qtbot, window, ledger) -> None:
    sign_in(qtbot, window)
    press(qtbot, window, Qt.Key.Key_F2)
    assert flow(window).objectName() == "enrollDialog"
    window.scan_anywhere("M000002")  # what the scanner detector emits
    qtbot.waitUntil(lambda: window.flows.dialog is None, timeout=2000)
    assert window.controller.card is not None
    assert window.controller.card.member_id == "M000002"


# ---------------------------------------------------------------------------- PLUS


def test_sell_plus_shows_fee_and_term_and_enter_twice_sells_once(qtbot, window) -> None:
    terminal = window.controller.terminal
    sign_in(qtbot, window)
    press(qtbot, window, Qt.Key.Key_F5)
    assert window.flows.dialog is None
    assert "Scan a member first" in window.message_text()
    scan(qtbot, window, "M000003")
    press(qtbot, window, Qt.Key.Key_F5)
    dialog = flow(window)
    assert dialog.title.text() == "Sell PLUS (F5)"
    assert dialog.fee.text() == "Fee: ¥149.00"
    assert dialog.term.text() == "Valid 365 days: from 2026-11-24 to 2027-11-23"
    assert "has no PLUS" in dialog.who.text()
    press(qtbot, window, Qt.Key.Key_Return)
    answer(qtbot, "M000003", "¥149.00")  # asked first: member and fee named
    press(qtbot, window, Qt.Key.Key_Return)  # a second Enter lands on the counter: harmless
    qtbot.waitUntil(lambda: window.flows.dialog is None, timeout=2000)
    assert terminal.end_of_day().totals.plus_sold == 1
    assert "PLUS sold, valid until 2027-11-23; take the fee of ¥149.00." in window.message_text()
    assert "PLUS until 2027-11-23" in window.counter.card.visible_texts()


def test_renew_plus_extends_the_current_term(qtbot, window) -> None:
    sign_in(qtbot, window)
    scan(qtbot, window, "M000001")
    press(qtbot, window, Qt.Key.Key_F5)
    dialog = flow(window)
    assert dialog.title.text() == "Renew PLUS (F5)"
    assert "has PLUS until 2027-05-07" in dialog.who.text()
    assert dialog.term.text() == "Valid 365 days: from 2027-05-08 to 2028-05-06"
    press(qtbot, window, Qt.Key.Key_Escape)  # backs out: nothing sold
    qtbot.waitUntil(lambda: window.flows.dialog is None, timeout=2000)
    assert window.controller.terminal.end_of_day().totals.plus_sold == 0


class FakePlusCodes:
    """The ledger's side of activation codes: one good code, once."""

    GOOD = "ABCD-EFGH-JKLM-NPQR"

    def __init__(self) -> None:
        self.claimed: list[str] = []

    def claim(self, code: str, member_id: str, request_id: str) -> ClaimedCode:
        if code != self.GOOD.replace("-", "") or self.claimed:
            raise PlusCodeRefused("used", kind="used")
        self.claimed.append(member_id)
        return ClaimedCode("airline", "air-1", 90, code_hash(code), code[-4:])


def test_an_activation_code_grants_plus_without_a_fee_and_a_used_one_is_refused(
    qtbot, window
) -> None:
    fake = FakePlusCodes()
    window.controller.terminal.ctx.plus_codes = fake
    sign_in(qtbot, window)
    scan(qtbot, window, "M000003")
    press(qtbot, window, Qt.Key.Key_F5)
    dialog = flow(window)
    dialog.code_edit.setFocus()
    type_text(qtbot, "abcd efgh jklm npqr")  # as a customer reads it out
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.flows.dialog is None, timeout=5000)
    assert fake.claimed == ["M000003"]
    assert "PLUS activated with a code (airline)" in window.message_text()
    assert window.controller.card is not None and window.controller.card.plus_active
    assert window.controller.terminal.end_of_day().totals.plus_fees_fen == 0

    scan(qtbot, window, "M000004")
    press(qtbot, window, Qt.Key.Key_F5)
    dialog = flow(window)
    dialog.code_edit.setFocus()
    type_text(qtbot, FakePlusCodes.GOOD)
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "already used" in dialog.message_text(), timeout=5000)
    assert window.controller.card is not None and not window.controller.card.plus_active
    close_flow(qtbot, window)


# ---------------------------------------------------------------------------- redeem


def choose(qtbot, window, dialog, code: str) -> None:
    """Arrow down the catalogue to the offer ``code``."""
    target = next(i for i, o in enumerate(dialog.offers) if o.code == code)
    for _ in range(len(dialog.offers)):
        if dialog.list.currentRow() >= target:
            break
        press(qtbot, window, Qt.Key.Key_Down)
    assert dialog.selected().code == code


def test_redeem_a_gift_takes_points_and_stock(qtbot, window) -> None:
    terminal = window.controller.terminal
    sign_in(qtbot, window)
    scan(qtbot, window, "M000002")
    press(qtbot, window, Qt.Key.Key_F6)
    dialog = flow(window)
    assert dialog.list.hasFocus()
    rows = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert "Gift: 2 hours parking — 600 points · 25 in stock" in rows
    assert "Gift: Folding umbrella — 3,000 points · 25 in stock · needs 2,382 more points" in rows
    assert "Coupon: 10% off dining — 800 points · needs 182 more points" in rows
    assert not dialog.caps.isVisible()  # a standalone terminal has no offline caps
    # Not enough points: the core's message, nothing taken.
    choose(qtbot, window, dialog, "umbrella")
    press(qtbot, window, Qt.Key.Key_Return)
    assert "618 points" in dialog.message_text()
    assert dialog.message.property("kind") == "error"
    assert terminal.gift_stock()["umbrella"] == 25
    # Back up to parking, Enter, yes, Enter again: redeemed once.
    press(qtbot, window, Qt.Key.Key_Down)
    press(qtbot, window, Qt.Key.Key_Return)
    answer(qtbot, "600 points", "M000002", "2 hours parking")
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.flows.dialog is None, timeout=2000)
    assert terminal.gift_stock()["parking"] == 24
    assert terminal.card("M000002").points == 18
    assert "600 points redeemed for 2 hours parking" in window.message_text()
    assert "18 points, worth" in "\n".join(window.counter.card.visible_texts())


def test_exchange_points_for_a_coupon(qtbot, window) -> None:
    sign_in(qtbot, window)
    scan(qtbot, window, "M000003")
    press(qtbot, window, Qt.Key.Key_F6)
    dialog = flow(window)
    choose(qtbot, window, dialog, "DINE10P")
    press(qtbot, window, Qt.Key.Key_Return)
    answer(qtbot, "800 points", "M000003")
    qtbot.waitUntil(lambda: window.flows.dialog is None, timeout=2000)
    card = window.controller.terminal.card("M000003")
    assert card.points == 7959 - 800
    new = [c.code for c in card.coupons if c.template == "DINE10P"]
    assert new and new[0] in window.message_text()
    assert "exchanged for the coupon 10% off dining" in window.message_text()


def test_a_card_code_above_the_threshold_asks_for_proof(qtbot, window) -> None:
    sign_in(qtbot, window)
    scan(qtbot, window, "M000006")
    controller = window.controller
    controller.identified_by = "card_code"  # as if the printed card's code was scanned
    card = controller.card
    assert controller.needs_verification(card, 501)
    assert not controller.needs_verification(card, 500)
    press(qtbot, window, Qt.Key.Key_F6)
    dialog = flow(window)
    choose(qtbot, window, dialog, "umbrella")
    assert dialog.verify_row.isVisible()
    press(qtbot, window, Qt.Key.Key_Return)
    assert dialog.verify_edit.hasFocus()
    assert "ask for their PIN or the last 4 digits of their phone" in dialog.message_text()
    type_text(qtbot, "1234")
    press(qtbot, window, Qt.Key.Key_Return)
    assert "does not match this member" in dialog.message_text()
    assert controller.terminal.gift_stock()["umbrella"] == 25
    type_text(qtbot, "8006")  # the last 4 digits of the phone
    press(qtbot, window, Qt.Key.Key_Return)
    answer(qtbot, "3,000 points", "M000006")
    qtbot.waitUntil(lambda: window.flows.dialog is None, timeout=2000)
    assert controller.terminal.gift_stock()["umbrella"] == 24
    # The phone number is proof enough: no question when the member was found by it.
    controller.identified_by = "phone"
    assert not controller.needs_verification(card, 5000)


class FakeAuthorizer:
    def __init__(self) -> None:
        self.calls: list[tuple[str, int]] = []

    def authorize(self, member_id: str, points: int, request_id: str) -> str:
        self.calls.append((member_id, points))
        return "hold-1"


def test_online_redeem_asks_the_ledger_off_the_gui_thread_and_caps_show_offline(
    qtbot, window, monkeypatch
) -> None:
    terminal = window.controller.terminal
    authorizer = FakeAuthorizer()
    monkeypatch.setattr(terminal.ctx, "authorizer", authorizer)
    monkeypatch.setattr(window.controller, "is_paired", lambda: True)
    sign_in(qtbot, window)
    scan(qtbot, window, "M000005")
    window.set_sync_state(False, None, None)
    press(qtbot, window, Qt.Key.Key_F6)
    dialog = flow(window)
    assert dialog.caps.isVisible()
    assert "at most 5,000 points a redemption, 10,000 points per member a day" in (
        dialog.caps_text.text()
    )
    choose(qtbot, window, dialog, "tote")
    press(qtbot, window, Qt.Key.Key_Return)
    answer(qtbot, "1,500 points", "M000005")
    qtbot.waitUntil(lambda: window.flows.dialog is None, timeout=3000)
    assert authorizer.calls == [("M000005", 1500)]
    assert terminal.card("M000005").points == 13773 - 1500


class SlowLedger:
    """An authorizer on a slow link: it answers only when the test lets it."""

    def __init__(self) -> None:
        import threading

        self.release = threading.Event()
        self.threads: list[str] = []

    def authorize(self, member_id: str, points: int, request_id: str) -> str:
        import threading

        self.threads.append(threading.current_thread().name)
        assert self.release.wait(10)
        return "hold-7"


def test_a_sale_using_points_online_waits_for_the_ledger_off_the_gui_thread(
    qtbot, window, monkeypatch
) -> None:
    import threading

    terminal = window.controller.terminal
    ledger = SlowLedger()
    monkeypatch.setattr(terminal.ctx, "authorizer", ledger)
    sign_in(qtbot, window)
    scan(qtbot, window, "M000005")
    before = terminal.card("M000005").points
    press(qtbot, window, Qt.Key.Key_F4)
    checkout = window.counter.checkout
    qtbot.keyClicks(checkout.first_field(), "300")
    checkout.points_edit.setFocus()
    qtbot.keyClicks(checkout.points_edit, "500")
    qtbot.keyClick(checkout.points_edit, Qt.Key.Key_F9)
    # The ledger has not answered: the counter still runs its event loop and says why it waits.
    qtbot.waitUntil(lambda: len(ledger.threads) == 1)
    assert ledger.threads[0] != threading.main_thread().name
    assert "Asking the ledger to hold the points" in window.message_text()
    qtbot.keyClick(checkout.points_edit, Qt.Key.Key_F9)  # impatient: nothing more happens
    qtbot.wait(50)
    assert len(ledger.threads) == 1
    ledger.release.set()
    qtbot.waitUntil(lambda: "Sale recorded for M000005: receipt" in window.message_text())
    earned = window.controller.last_award.points_earned
    assert terminal.card("M000005").points == before - 500 + earned
    assert window.counter.scan.hasFocus()


def test_a_scan_during_redeem_is_set_aside(qtbot, window) -> None:
    sign_in(qtbot, window)
    scan(qtbot, window, "M000002")
    press(qtbot, window, Qt.Key.Key_F6)
    dialog = flow(window)
    window.scan_anywhere("M000003")
    assert window.flows.dialog is dialog
    assert "set aside" in dialog.message_text()
    assert window.controller.card.member_id == "M000002"
    close_flow(qtbot, window)
    # After Esc the scan works again.
    window.scan_anywhere("M000003")
    assert window.controller.card.member_id == "M000003"


# ---------------------------------------------------------------------------- refund


def test_refund_in_part_then_the_rest_with_an_overdraft(qtbot, window) -> None:
    terminal = window.controller.terminal
    sign_in(qtbot, window)
    scan(qtbot, window, "M000002")
    # The member spends most of the points the purchase earned.
    press(qtbot, window, Qt.Key.Key_F6)
    choose(qtbot, window, flow(window), "parking")
    press(qtbot, window, Qt.Key.Key_Return)
    answer(qtbot, "600 points")
    qtbot.waitUntil(lambda: window.flows.dialog is None, timeout=2000)
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)

    press(qtbot, window, Qt.Key.Key_F7)
    dialog = flow(window)
    assert dialog.receipt.hasFocus()
    type_text(qtbot, "T01-9999999")
    press(qtbot, window, Qt.Key.Key_Return)
    assert "No purchase with receipt 'T01-9999999' on this terminal." in dialog.message_text()
    dialog.receipt.selectAll()
    type_text(qtbot, "T01-0000044")
    press(qtbot, window, Qt.Key.Key_Return)
    details = dialog.details.text()
    assert "Member M000002 L* N*" in details
    assert "Paid ¥618.13" in details
    assert "Points earned 618 · points used 0" in details
    assert dialog.outcome.text() == "Can still be refunded: ¥618.13"
    assert dialog.amount.hasFocus()
    type_text(qtbot, "700")
    press(qtbot, window, Qt.Key.Key_Return)
    assert "Only ¥618.13 of receipt T01-0000044 can still be refunded" in dialog.message_text()
    dialog.amount.selectAll()
    type_text(qtbot, "100")
    press(qtbot, window, Qt.Key.Key_Return)
    press(qtbot, window, Qt.Key.Key_Return)  # closes the result; never refunds twice
    qtbot.waitUntil(lambda: window.flows.dialog is None, timeout=2000)
    assert "Refunded ¥100.00 of receipt T01-0000044: 99 points taken back" in (
        window.message_text()
    )
    # 18 points were left after the parking: 81 of the 99 are owed.
    assert "81 earned points were already spent" in window.message_text()
    assert terminal.refund_preview("T01-0000044").refunds == 1
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)

    # The rest: amount left empty. The points were spent: an overdraft, said in words.
    press(qtbot, window, Qt.Key.Key_F7)
    dialog = flow(window)
    type_text(qtbot, "T01-0000044")
    press(qtbot, window, Qt.Key.Key_Return)
    assert "Refunded before: ¥100.00 in 1 refunds" in dialog.details.text()
    assert dialog.outcome.text() == "Can still be refunded: ¥518.13"
    press(qtbot, window, Qt.Key.Key_Return)
    # all that is left: asked first, naming the amount and the member; Esc backs out
    answer(qtbot, "¥518.13", "T01-0000044", "M000002", key=Qt.Key.Key_Escape)
    assert not dialog.finished_ok
    assert terminal.refund_preview("T01-0000044").refunds == 1
    press(qtbot, window, Qt.Key.Key_Return)
    answer(qtbot, "¥518.13")
    assert dialog.finished_ok
    assert dialog.warning.isVisible()
    assert "Overdraft: 519 points" in dialog.warning.text()
    assert "519 points taken back" in dialog.message_text()
    press(qtbot, window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.flows.dialog is None, timeout=2000)
    preview = terminal.refund_preview("T01-0000044")
    assert preview.refundable_fen == 0
    assert "600 points owed from refunds" in "\n".join(window.counter.card.visible_texts())


# ---------------------------------------------------------------------------- display


def test_customer_display_shows_masked_name_points_and_savings(qtbot, window) -> None:
    sign_in(qtbot, window)
    display = window.flows.customer_display
    press(qtbot, window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert display.isVisible()
    assert "Scan your member code" in display.visible_texts()
    scan(qtbot, window, "M000003")
    assert "M**** G*****" in display.visible_texts()
    assert "You have 7,959 points" in display.visible_texts()
    press(qtbot, window, Qt.Key.Key_F4)
    type_text(qtbot, "100")
    press(qtbot, window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not window.recording)
    award = window.controller.last_award
    assert award is not None
    assert (
        f"This purchase: +{award.points_earned} points · you saved "
        f"¥{award.savings_fen // 100}.{award.savings_fen % 100:02d}"
    ) in display.visible_texts()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    press(qtbot, window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert not display.isVisible()


def test_the_plus_saving_is_one_figure_on_the_display_the_dialog_and_the_receipt(
    qtbot, window
) -> None:
    sign_in(qtbot, window)
    display = window.flows.customer_display
    press(qtbot, window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    scan(qtbot, window, "M000003")  # no PLUS
    before = [t for t in display.visible_texts() if "PLUS would have saved you" in t]
    assert before and before[0].startswith("In the last 12 months PLUS would have saved you ¥")
    press(qtbot, window, Qt.Key.Key_F4)
    type_text(qtbot, "1000")
    press(qtbot, window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not window.recording)
    award = window.controller.last_award
    assert award is not None and award.plus_saving_kind == "would_have_saved"
    shown = (
        "In the last 12 months PLUS would have saved you "
        f"¥{award.plus_saving_fen // 100}.{award.plus_saving_fen % 100:02d}"
    )
    assert shown != before[0]  # the sale counts at once
    assert shown in display.visible_texts()
    receipt = ReceiptText().lines(window.controller.terminal.receipt(award.receipt_no))
    assert shown in " ".join(receipt)  # wrapped to the roll's width
    scan(qtbot, window, "M000003")
    assert shown in display.visible_texts()
    assert shown in window.counter.card.visible_texts()
    window.activateWindow()  # offscreen, showing the customer display activated it
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    press(qtbot, window, Qt.Key.Key_F5)
    dialog = flow(window)
    assert dialog.saving.text() == shown
    close_flow(qtbot, window)

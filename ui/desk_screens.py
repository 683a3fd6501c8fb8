"""Screenshots of the back-office dialogs (called by ui.screenshots for each language)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.domain.quote import Line
from ui.controller import SaleInput
from ui.fit import fit_to_window
from ui.qt import QtCore, QtWidgets

SHOTS = (
    "service_desk",
    "service_desk_flags",
    "service_desk_phones",
    "day_report",
    "shift_close",
    "sync_panel",
    "settings",
    "reprint",
    "setup_wizard",
)
EXAMPLE_FLAG_TIME = "2026-11-24T09:40:00+08:00"


def _example_flags() -> object:
    """Two flags as the ledger raises them, for the picture of the flags tab (this terminal
    has no ledger of its own to ask)."""
    from sync.protocol import FlagView
    from ui.ledger_flags import FlagSource

    flags = [
        FlagView(
            flag_id=12,
            kind="overdraft",
            member_id="M000003",
            event_id=None,
            points=300,
            detail="redeem: 300 points more than the member had",
            created_at=EXAMPLE_FLAG_TIME,
        ),
        FlagView(
            flag_id=9,
            kind="code_replay",
            member_id="M000003",
            event_id=None,
            points=0,
            detail="phone code step 59012345 taken at T01 and T03",
            created_at=EXAMPLE_FLAG_TIME,
        ),
    ]
    return FlagSource(lambda _member: flags, lambda _flag, _note, _who: flags[0])


def _example_phones() -> object:
    """Two bound phones as the ledger lists them, for the picture of the phones tab."""
    from sync.protocol import PhoneView
    from ui.desk_phones import PhoneSource

    phones = [
        PhoneView(
            device_id="3f" * 32,
            label="iPhone",
            bound_at="2026-10-02T03:12:00+00:00",
            last_seen_at="2026-11-24T01:40:00+00:00",
        ),
        PhoneView(
            device_id="a7" * 32,
            label="Android",
            bound_at="2026-11-20T09:15:00+00:00",
            last_seen_at="2026-11-22T12:05:00+00:00",
        ),
    ]
    return PhoneSource(lambda _member: phones, lambda _member, _phone: None)


def _settle(until: Callable[[], bool] = lambda: True, rounds: int = 200) -> None:
    for _ in range(rounds):
        QtCore.QCoreApplication.processEvents()
        if until():
            return
        QtCore.QThread.msleep(5)


def _a_busier_day(window: QtWidgets.QMainWindow) -> None:
    """A refund, a gift, PLUS, a coupon used and an adjustment, so the report and the
    member's history show them (fixed request ids: once, whichever language comes first)."""
    from ui.window import CounterWindow

    assert isinstance(window, CounterWindow)
    terminal = window.controller.terminal
    lin, sam = terminal.actor("lin"), terminal.actor("sam")
    member = "M000003"
    coupon = terminal.issue_coupon("shot-coupon", sam, member, "WINBACK20").coupon_code
    sale = terminal.award("shot-sale", lin, member, [Line("fashion", 30_000)], coupon=coupon)
    terminal.refund("shot-refund", lin, sale.receipt_no, 5_000)
    terminal.redeem("shot-gift", lin, member, "gift", item="tote")
    terminal.sell_plus("shot-plus", sam, member)
    terminal.adjust("shot-adjust", sam, member, 100, "Birthday goodwill")
    window.controller.refresh_card()


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
    _a_busier_day(window)
    window.counter.card.show_card(controller.card)
    window.desk.feedback.timer.stop()  # keep the "member found" flash in the picture
    desk = window.desk
    desk.flag_source = _example_flags()  # type: ignore[assignment]
    desk.phone_source = _example_phones()  # type: ignore[assignment]
    for name, opener in (
        ("service_desk", desk.open_service_desk),
        ("day_report", desk.open_day_report),
        ("sync_panel", desk.open_sync_panel),
        ("settings", desk.open_settings),
    ):
        opener()
        dialog = desk.dialog
        assert dialog is not None
        fit_to_window(dialog, 1200, 800)
        if name == "service_desk":
            dialog.history_table.selectRow(0)  # type: ignore[attr-defined]
        for _ in range(5):
            QtCore.QCoreApplication.processEvents()
        save(name, dialog)
        if name == "day_report":
            dialog.close_shift()  # type: ignore[attr-defined]  # asks first
            save("shift_close", dialog)
            dialog.cancel_close()  # type: ignore[attr-defined]
        if name == "service_desk":
            dialog.show_tab(3)  # type: ignore[attr-defined]
            flags_page = dialog.flags_page  # type: ignore[attr-defined]
            table = flags_page.flag_table
            _settle(lambda: bool(table.rowCount()))  # noqa: B023 (called before the loop goes on)
            flags_page.note_edit.setText("Receipts checked; member paid 300 points back")
            save("service_desk_flags", dialog)
            dialog.show_tab(4)  # type: ignore[attr-defined]
            phones = dialog.phones_page.phone_table  # type: ignore[attr-defined]
            _settle(lambda: bool(phones.rowCount()))  # noqa: B023 (called before the loop goes on)
            save("service_desk_phones", dialog)
        dialog.done(0)
        for _ in range(3):
            QtCore.QCoreApplication.processEvents()
    prompt = desk.ask_receipt_to_reprint()
    assert prompt is not None
    _settle()
    save("reprint", prompt)
    prompt.reject()
    _settle()
    wizard = window.first_run.open_wizard()
    _settle()
    save("setup_wizard", wizard)
    wizard.reject()
    _settle()
    # the counter with a good scan's flash, in the dark theme, once per language
    window.counter.scan.setText("M000001")
    window.look_up()
    window.desk.feedback.timer.stop()
    save("counter_flash", window)

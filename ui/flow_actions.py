"""The counter's flows wired into the window: their F-keys, the Member menu, the key hint,
and what the window tells them (a scan, a sync, a change of member).

Keys: F2 enroll · F5 PLUS · F6 redeem · F7 refund · F8 member card QR (then Ctrl+B: bind the
member's phone) · Ctrl+D customer display.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from app.services.views import EnrollResult, PlusResult
from ui.customer_display import CustomerDisplay
from ui.enroll import CardCodeDialog, CardCodes, EnrollDialog, ledger_fetcher
from ui.flows import FlowDialog
from ui.phone_binding import PhoneBindingDialog, binding_fetcher
from ui.plus import PlusDialog
from ui.qt import QtCore, QtGui, QtWidgets
from ui.redeem import RedeemDialog
from ui.refund import RefundDialog

if TYPE_CHECKING:
    from ui.window import CounterWindow

Qt = QtCore.Qt


class CounterFlows(QtCore.QObject):
    def __init__(self, window: CounterWindow, codes: CardCodes | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        settings = self.controller.terminal.settings
        self.set_card_codes(
            codes or CardCodes(ledger_fetcher(settings.data_dir), settings.data_dir / "cards", self)
        )
        self.bindings = binding_fetcher(settings.data_dir) if self.codes.paired else None
        self.dialog: FlowDialog | None = None
        self.online: bool | None = None  # the sync worker's last word; None: never heard
        self.customer_display = CustomerDisplay(self.controller)

        self.enroll_action = self._action(self.enroll, "F2")
        self.plus_action = self._action(self.sell_plus, "F5")
        self.redeem_action = self._action(self.redeem, "F6")
        self.refund_action = self._action(self.refund, "F7")
        self.card_code_action = self._action(self.show_card_code, "F8")
        self.display_action = self._action(self.toggle_customer_display, "Ctrl+D")
        self.display_action.setCheckable(True)
        self.menu = window.menuBar().addMenu("")
        for action in (
            self.enroll_action,
            self.plus_action,
            self.redeem_action,
            self.refund_action,
            self.card_code_action,
        ):
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(self.display_action)
        # Beside the scan field: the shortcuts in view without taking a row of the counter.
        self.keys = QtWidgets.QLabel()
        self.keys.setObjectName("flowKeyHint")
        self.keys.setStyleSheet("font-size: 16px; color: #333333;")
        window.counter.scan_row.addWidget(self.keys)

    def set_card_codes(self, codes: CardCodes) -> None:
        """Where member card codes come from (the paired ledger; a stand-in in tests)."""
        self.codes = codes
        codes.printed.connect(self._card_printed)

    def _action(self, handler: Callable[[], object], key: str) -> QtGui.QAction:
        action = QtGui.QAction(self.window)
        action.setShortcut(QtGui.QKeySequence(key))
        # The main window's keys only: inside a flow dialog F-keys do nothing underneath.
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(handler)
        self.window.addAction(action)
        return action

    # ------------------------------------------------------------------ opening flows
    def _ready(self, needs_member: bool) -> bool:
        window = self.window
        if not window.on_counter() or self.dialog is not None:
            return False
        if needs_member and self.controller.card is None:
            window.set_message(
                "error", lambda: self.tr("Scan a member first, then press the key again.")
            )
            window.arm_scan()
            return False
        return True

    def _open(self, dialog: FlowDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _code: self._closed(dialog))
        dialog.open()
        dialog.activateWindow()

    def _closed(self, dialog: FlowDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        self.window.activateWindow()
        self.window.arm_scan()

    def _show_card(self) -> None:
        window = self.window
        window.counter.card.show_card(self.controller.card)
        window.counter.checkout.set_member_present(self.controller.card is not None)
        window._update_status()
        self.refresh_display()

    def enroll(self) -> None:
        if not self._ready(needs_member=False):
            return
        dialog = EnrollDialog(self.controller, self.window)
        dialog.enrolled.connect(self._enrolled)
        self._open(dialog)

    def _enrolled(self, result: EnrollResult) -> None:
        window = self.window
        window.counter.checkout.clear()
        self._show_card()
        window.set_message(
            "success",
            lambda: self.tr("Member {member_id} enrolled. F4 to ring up a sale.").format(
                member_id=result.member_id
            ),
        )
        # After the enroll dialog has closed: the card QR at once.
        QtCore.QTimer.singleShot(0, lambda: self.show_card_code(just_enrolled=True))

    def show_card_code(self, just_enrolled: bool = False) -> None:
        if not self._ready(needs_member=True) or self.controller.card is None:
            return
        dialog = CardCodeDialog(
            self.controller.card, self.codes, self.window, just_enrolled=just_enrolled
        )
        # After the card dialog has closed: the phone's binding QR.
        dialog.bind_phone.connect(lambda: QtCore.QTimer.singleShot(0, self.bind_phone))
        self._open(dialog)

    def bind_phone(self) -> None:
        if not self._ready(needs_member=True) or self.controller.card is None:
            return
        dialog = PhoneBindingDialog(
            self.controller.card, self.bindings, self.customer_display, self.window
        )
        self._open(dialog)

    def _card_printed(self, member_id: str, path: str) -> None:
        if self.dialog is None and self.window.on_counter():
            self.window.set_message(
                "success",
                lambda: self.tr("Member card of {member_id} printed to {path}.").format(
                    member_id=member_id, path=path
                ),
            )

    def sell_plus(self) -> None:
        if not self._ready(needs_member=True):
            return
        dialog = PlusDialog(self.controller, self.window)
        dialog.sold.connect(lambda text: self._plus_sold(text, dialog.result_))
        self._open(dialog)

    def _plus_sold(self, text: Callable[[], str], result: PlusResult | None) -> None:
        self._show_card()
        self.window.set_message("success", text)
        if result is not None and result.entitlements:
            self.window.desk.print_plus_slip(result)  # the partner benefits' codes, on paper

    def redeem(self) -> None:
        if not self._ready(needs_member=True):
            return
        dialog = RedeemDialog(self.controller, self.window, online=self.online)
        dialog.redeemed.connect(self._redeemed)
        self._open(dialog)

    def _redeemed(self, text: Callable[[], str]) -> None:
        self.controller.refresh_card_quietly()
        self._show_card()
        self.window.set_message("success", text)

    def refund(self) -> None:
        if not self._ready(needs_member=False):
            return
        dialog = RefundDialog(self.controller, self.window)
        dialog.refunded.connect(self._refunded)
        self._open(dialog)

    def _refunded(self, text: Callable[[], str]) -> None:
        self._show_card()
        self.window.set_message("success", text)

    # ------------------------------------------------------------------ the customer display
    def toggle_customer_display(self) -> None:
        display = self.customer_display
        if display.isVisible():
            display.hide()
        else:
            display.refresh()
            display.show()
        self.display_action.setChecked(display.isVisible())

    def refresh_display(self) -> None:
        self.customer_display.refresh()

    # ------------------------------------------------------------------ the window tells us
    def scan_arrived(self, code: str) -> bool:
        """True when the window may look the scanned member up now."""
        if self.dialog is None:
            modal = QtWidgets.QApplication.activeModalWidget()
            return modal is None  # someone else's dialog: the scan is ignored
        return self.dialog.scan_arrived(code)

    def sync_state(self, online: bool) -> None:
        self.online = online
        if online:
            self.codes.sync_succeeded()

    def close(self) -> None:
        """The window closes: so do the open flow and the customer display."""
        if self.dialog is not None:
            self.dialog.done(0)
        self.customer_display.close()

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Member"))
        self.enroll_action.setText(self.tr("Enroll a member"))
        self.plus_action.setText(self.tr("Sell or renew PLUS"))
        self.redeem_action.setText(self.tr("Redeem points"))
        self.refund_action.setText(self.tr("Refund a receipt"))
        self.card_code_action.setText(self.tr("Member card QR"))
        self.display_action.setText(self.tr("Customer display"))
        self.keys.setText(
            self.tr("F2 Enroll · F5 PLUS · F6 Redeem\nF7 Refund · F8 Card QR · Ctrl+D Display")
        )

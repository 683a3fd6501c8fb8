"""The back office in the counter window: service desk (Ctrl+H), shift and end of day
(Ctrl+R), sync panel (Ctrl+L), settings (Ctrl+,), reprint the last receipt (Ctrl+P) or any
by its number (Ctrl+Shift+P), receipts after a sale, scan feedback, and the theme. The window
creates one ``Desk`` and calls it at a few points; everything else lives here."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.config import CONFIG_NAME
from app.counter_config import CounterSettings, read_counter
from app.domain.errors import MemberDeskError
from app.services.views import AwardResult, DayReport, PlusResult
from ui.day_report import DayReportDialog
from ui.desk_phones import PhoneSource
from ui.dialogs import DeskDialog
from ui.feedback import STYLE as FEEDBACK_STYLE
from ui.feedback import ScanFeedback
from ui.fit import wrapping
from ui.ledger_flags import FlagSource
from ui.qt import QtCore, QtWidgets
from ui.receipts import ReceiptPrinter
from ui.service_desk import ServiceDeskDialog
from ui.settings_dialog import SettingsDialog
from ui.sync_bridge import SyncBridge
from ui.sync_panel import SyncPanel
from ui.themes import stylesheet

if TYPE_CHECKING:
    from ui.window import CounterWindow

Qt = QtCore.Qt
log = logging.getLogger(__name__)


class Desk(QtCore.QObject):
    def __init__(self, window: CounterWindow, base_style: str) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.base_style = base_style + FEEDBACK_STYLE
        settings = self.controller.terminal.settings
        self.settings_path: Path = getattr(settings, "source", None) or (
            settings.data_dir / CONFIG_NAME
        )
        self.data_dir: Path = settings.data_dir
        try:
            self.counter = read_counter(self.settings_path)
        except MemberDeskError:
            log.exception("the [counter] settings are not usable; using the defaults")
            self.counter = CounterSettings()
        self.dialog: DeskDialog | None = None
        self.sync_now: Callable[[], None] | None = None
        self.sync_details: Any = None
        self.shift_report: DayReport | None = None

        # scan feedback beside the scan field
        self.flash = QtWidgets.QLabel()
        self.flash.setObjectName("scanFlash")
        self.flash.setMinimumWidth(260)
        row = window.counter.scan_row
        row.addWidget(self.flash)
        self.feedback = ScanFeedback(window.counter.scan, self.flash, self)
        # Below the counter's keys; it wraps on a narrow screen and never widens the window.
        self.hint = wrapping(QtWidgets.QLabel())
        self.hint.setObjectName("keyHint")
        window.counter.bottom.addWidget(self.hint)

        self.printer = ReceiptPrinter(lambda: self.counter, self.data_dir / "receipts", self)
        self.printer.done.connect(self._printed)

        self.desk_action = window._action(self.open_service_desk, "Ctrl+H")
        self.report_action = window._action(self.open_day_report, "Ctrl+R")
        self.sync_action = window._action(self.open_sync_panel, "Ctrl+L")
        self.settings_action = window._action(self.open_settings, "Ctrl+,")
        self.reprint_action = window._action(self.reprint_last, "Ctrl+P")
        self.reprint_any_action = window._action(self.ask_receipt_to_reprint, "Ctrl+Shift+P")
        self.receipt_prompt: QtWidgets.QInputDialog | None = None
        self.flag_source: FlagSource | None = None  # None: the paired ledger (tests set one)
        self.phone_source: PhoneSource | None = None  # ... and the same for the member's phones
        self.menu = window.menuBar().addMenu("")
        for action in (
            self.desk_action,
            self.report_action,
            self.sync_action,
            self.settings_action,
            self.reprint_action,
            self.reprint_any_action,
        ):
            self.menu.addAction(action)
        self.apply(self.counter, None)
        window.installEventFilter(self)  # a closing window closes the open dialog

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        closing = watched is self.window and event.type() == QtCore.QEvent.Type.Close
        if closing and self.dialog is not None:
            self.dialog.done(0)
        return False

    # ------------------------------------------------------------------ settings
    def apply(self, counter: CounterSettings, language: str | None) -> None:
        self.counter = counter
        self.window.scanner.configure(
            gap_ms=counter.scan_gap_ms,
            min_length=counter.scan_min_length,
            prefix=counter.scan_prefix,
            suffix=counter.scan_suffix,
        )
        self.window.setStyleSheet(stylesheet(self.base_style, counter.theme))
        if language and language != self.window.switcher.code:
            self.window.set_language(language)

    # ------------------------------------------------------------------ hooks from the window
    def scan_result(self, found: bool) -> None:
        if found:
            self.feedback.good()
        else:
            self.feedback.bad()

    def after_award(self, result: AwardResult) -> None:
        if self.counter.print_after_award:
            self.print_receipt(result.receipt_no)

    def attach_sync(self, bridge: SyncBridge, sync_now: Callable[[], None] | None) -> None:
        """Give the panel the worker's details and its "Sync now" (ui.main calls this)."""
        self.sync_now = sync_now
        bridge.details.connect(self._sync_details)

    def attach_worker(self, bridge: SyncBridge, worker: object) -> None:
        """The sync worker started (on its own thread; this runs on the GUI thread)."""
        self.attach_sync(bridge, getattr(worker, "sync_now", None))

    def _sync_details(self, details: object) -> None:
        self.sync_details = details
        if isinstance(self.dialog, SyncPanel):
            self.dialog.on_details(details)

    # ------------------------------------------------------------------ dialogs
    def _open(self, dialog: DeskDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()
        dialog.activateWindow()

    def _closed(self, dialog: DeskDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        if isinstance(dialog, DayReportDialog) and dialog.closed_shift:
            self.window.sign_out()  # the shift is over
            return
        if self.controller.card is not None:
            self.controller.refresh_card_quietly()
            self.window.counter.card.show_card(self.controller.card)
        self.window._update_status()
        self.window.activateWindow()
        self.window.arm_scan()

    def _signed_in(self) -> bool:
        if self.window.on_counter() and self.dialog is None:
            return True
        if not self.window.on_counter():
            self.window.sign_in_page.pin.setFocus()
        return False

    def open_service_desk(self) -> None:
        if not self._signed_in():
            return
        dialog = ServiceDeskDialog(
            self.controller, self.window, self.flag_source, self.phone_source
        )
        self._open(dialog)
        card = self.controller.card
        dialog.start(card.member_id if card else None)

    def open_day_report(self) -> None:
        if not self._signed_in():
            return
        dialog = DayReportDialog(self.controller, self.data_dir / "reports", self.window)
        self._open(dialog)
        dialog.load_day()

    def open_sync_panel(self) -> None:
        if not self._signed_in():
            return
        dialog = SyncPanel(
            self.controller, sync_now=self.sync_now, details=self.sync_details, parent=self.window
        )
        self._open(dialog)

    def open_settings(self) -> None:
        if not self._signed_in():
            return
        dialog = SettingsDialog(
            self.controller,
            self.counter,
            self.window.switcher.code,
            self.settings_path,
            self.window,
            apply=self.apply,
        )
        self._open(dialog)

    # ------------------------------------------------------------------ receipts
    def reprint_last(self) -> None:
        if not self._signed_in():
            return
        last = self.controller.last_award
        if last is None:
            self.window.set_message(
                "error", lambda: self.tr("No sale on screen to reprint. Ring up a sale first.")
            )
            return
        self.print_receipt(last.receipt_no)

    def ask_receipt_to_reprint(self) -> QtWidgets.QInputDialog | None:
        """Any receipt this terminal printed, by its number (a customer's copy, a lost one)."""
        if not self._signed_in():
            return None
        prompt = QtWidgets.QInputDialog(self.window)
        prompt.setObjectName("receiptPrompt")
        prompt.setWindowTitle(self.tr("Reprint a receipt"))
        prompt.setLabelText(self.tr("Receipt &number (printed at the top of the receipt):"))
        last = self.controller.last_award
        prompt.setTextValue(last.receipt_no if last is not None else "")
        prompt.textValueSelected.connect(lambda text: self.print_receipt(text.strip()))
        prompt.finished.connect(self._receipt_prompt_closed)
        self.receipt_prompt = prompt
        prompt.open()
        prompt.activateWindow()
        return prompt

    def _receipt_prompt_closed(self) -> None:
        prompt, self.receipt_prompt = self.receipt_prompt, None
        if prompt is not None:
            prompt.deleteLater()
        self.window.activateWindow()  # as after every desk dialog: the scan is armed again
        self.window.arm_scan()

    def print_receipt(self, receipt_no: str) -> None:
        try:
            view = self.controller.receipt(receipt_no)
        except MemberDeskError as error:
            self.window.show_error(error)
            return
        if not self.printer.print_receipt(view):
            self.window.set_message(
                "error",
                lambda: self.tr("No receipt printer is set. Choose one in Settings (Ctrl+,)."),
            )

    def print_plus_slip(self, result: PlusResult) -> None:
        """The slip with the partner benefits' codes; with no printer set, the codes stay in
        the sale's message on screen."""
        self.printer.print_plus_slip(result)

    def _printed(self, ok: bool, where: str) -> None:
        if ok:  # in the status bar: the sale's own message stays on screen
            self.window.statusBar().showMessage(
                self.tr("Receipt printed ({where}).").format(where=where), 8000
            )
        else:
            self.window.set_message(
                "error",
                lambda: self.tr(
                    "The receipt did not print ({problem}). The sale is recorded; reprint "
                    "with Ctrl+P."
                ).format(problem=where),
            )

    # ------------------------------------------------------------------ words
    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Desk"))
        self.desk_action.setText(self.tr("Service desk"))
        self.report_action.setText(self.tr("Shift and end of day"))
        self.sync_action.setText(self.tr("Sync panel"))
        self.settings_action.setText(self.tr("Settings"))
        self.reprint_action.setText(self.tr("Reprint the last receipt"))
        self.reprint_any_action.setText(self.tr("Reprint a receipt…"))
        self.feedback.retranslate()
        self.hint.setText(self.key_hint())

    def key_hint(self) -> str:
        return self.tr(
            "Ctrl+H Service desk · Ctrl+R Shift report · Ctrl+L Sync · Ctrl+, Settings · "
            "Ctrl+P Reprint"
        )

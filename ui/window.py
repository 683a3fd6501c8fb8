"""The counter window: sign in, scan a member, see their card, ring up a sale.

Keyboard first: the scan field has the focus after every action, every action has an F-key
shown on screen, Esc backs out and Enter confirms.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from app.bootstrap import Terminal
from app.domain.errors import MemberDeskError
from app.services.context import Actor
from app.services.views import AwardResult
from ui.camera import CameraScanner
from ui.card import MemberCardView, money, num
from ui.checkout import CheckoutPanel
from ui.controller import CounterController
from ui.desk_actions import Desk
from ui.executor import core_executor
from ui.first_run import FirstRun
from ui.fit import wrapping
from ui.flow_actions import CounterFlows
from ui.i18n import LANGUAGES, LanguageSwitcher
from ui.messages import error_text
from ui.pick_actions import CounterPicks
from ui.qt import QtCore, QtGui, QtWidgets
from ui.scanner import ScanDetector
from ui.signin import SignInPage

Qt = QtCore.Qt
log = logging.getLogger(__name__)
CAMERA_DELAY_MS = 1000  # after the window is up and the scan field armed
WORKING_DELAY_MS = 150  # a call shorter than this never flashes "Working…"

STYLE = """
QWidget { font-size: 20px; }
QLabel#pageTitle, QLabel#panelTitle { font-size: 26px; font-weight: bold; }
QFrame#signInBox, QFrame#memberCard, QFrame#checkoutPanel {
    border: 1px solid #8a8a8a; border-radius: 6px; background: #fbfbfb;
}
QFrame#signInBox QLabel, QFrame#memberCard QLabel, QFrame#checkoutPanel QLabel {
    border: none; background: transparent;
}
QLineEdit { padding: 6px; border: 2px solid #7a7a7a; border-radius: 4px; background: white; }
QLineEdit:focus { border: 3px solid #1b5fb4; }
QLineEdit:disabled { background: #eeeeee; color: #777777; }
QLineEdit#scanEdit { font-size: 28px; padding: 8px; }
QFrame#checkoutPanel QLineEdit { padding: 3px 6px; }
QListWidget#cashierList { font-size: 24px; }
QListWidget#cashierList::item { padding: 6px; }
QListWidget#cashierList::item:selected { background: #1b5fb4; color: white; }
QLabel#cardName { font-size: 34px; font-weight: bold; }
QLabel#cardEmpty { font-size: 24px; color: #444444; }
QLabel#cardPoints { font-size: 28px; font-weight: bold; }
QLabel#cardTier { font-size: 24px; font-weight: bold; }
QLabel#plusBadge { font-size: 22px; font-weight: bold; padding: 4px 10px; }
QFrame#memberCard QLabel#plusBadge[kind="plus"] {
    border: 3px solid #8a5a00; border-radius: 6px; background: #ffe9a8; color: #4a3000;
}
QFrame#memberCard QLabel#plusBadge[kind="none"] {
    border: 2px dashed #999999; border-radius: 6px; color: #555555;
}
QProgressBar#tierProgress {
    min-height: 28px; border: 1px solid #666666; border-radius: 4px; text-align: center;
}
QProgressBar#tierProgress::chunk { background: #3c8d3c; }
QLabel#quotePayable { font-size: 34px; font-weight: bold; }
QPushButton { padding: 8px 14px; }
QPushButton#confirmButton { font-size: 22px; font-weight: bold; }
QLabel#messageArea { padding: 8px 12px; font-size: 22px; border-radius: 4px; }
QLabel#messageArea[kind="error"], QLabel#signInMessage[kind="error"] {
    border: 3px solid #b00020; background: #fde8ec; color: #6b0013; padding: 8px 12px;
}
QLabel#messageArea[kind="success"] {
    border: 3px solid #2e7d32; background: #e6f4e7; color: #1b4d1e;
}
QLabel#messageArea[kind="info"] { border: 2px solid #777777; background: #f2f2f2; }
QLabel#keyHint { font-size: 18px; color: #333333; }
QStatusBar QLabel { font-size: 18px; padding: 0 8px; }
"""


class ScanEdit(QtWidgets.QLineEdit):
    """The scan field: a scanner types the code and Enter; Esc clears, then backs out."""

    back_out = QtCore.Signal()

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            if self.text():
                self.clear()
            else:
                self.back_out.emit()
            return
        super().keyPressEvent(event)


class CounterPage(QtWidgets.QWidget):
    def __init__(self, controller: CounterController, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.scan_label = QtWidgets.QLabel()
        self.scan = ScanEdit()
        self.scan.setObjectName("scanEdit")
        self.scan_label.setBuddy(self.scan)
        self.card = MemberCardView()
        self.checkout = CheckoutPanel(controller)
        # Long text wraps here and never widens the window (ui/fit.py).
        self.message = wrapping(QtWidgets.QLabel())
        self.message.setObjectName("messageArea")
        self.message.setProperty("kind", "none")
        self.keys = wrapping(QtWidgets.QLabel())
        self.keys.setObjectName("keyHint")

        scan_row = QtWidgets.QHBoxLayout()
        scan_row.addWidget(self.scan_label)
        scan_row.addWidget(self.scan, 1)
        self.scan_row = scan_row  # the desk adds the scan feedback here
        body = QtWidgets.QHBoxLayout()
        body.addWidget(self.card, 11)
        body.addWidget(self.checkout, 9)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(scan_row)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.keys)
        self.bottom = layout  # the desk adds its key hint below the counter's


class CounterWindow(QtWidgets.QMainWindow):
    def __init__(
        self,
        terminal: Terminal,
        switcher: LanguageSwitcher | None = None,
        controller: CounterController | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("counterWindow")
        self.controller = controller or CounterController(terminal)
        # Every call into the core runs off the GUI thread (ui/executor.py).
        self.executor = core_executor()
        self.controller.core = self.executor.wait
        self.controller.core_read = self.executor.wait_briefly
        app = QtCore.QCoreApplication.instance()
        assert app is not None
        self.switcher = switcher or LanguageSwitcher(app)
        self._message: tuple[str, Callable[[], str]] | None = None
        # The sync worker's last word: (online, problem, last success time), or None before
        # the first round (or on a terminal that never syncs).
        self._sync: tuple[bool, str | None, str | None] | None = None
        self._award_pending = False  # a sale is being recorded on a worker thread
        self._after_award: str | None = None  # a code scanned meanwhile, looked up after it
        self.setStyleSheet(STYLE)

        self.stack = QtWidgets.QStackedWidget()
        self.sign_in_page = SignInPage(self.controller)
        self.counter = CounterPage(self.controller)
        self.stack.addWidget(self.sign_in_page)
        self.stack.addWidget(self.counter)
        self.setCentralWidget(self.stack)

        self.cashier_status = QtWidgets.QLabel()
        self.cashier_status.setObjectName("cashierStatus")
        self.terminal_status = QtWidgets.QLabel()
        self.terminal_status.setObjectName("terminalStatus")
        self.sync_status = QtWidgets.QLabel()
        self.sync_status.setObjectName("syncStatus")
        # Says so when a call into the core takes long (the database busy, a slow ledger).
        self.working_status = QtWidgets.QLabel()
        self.working_status.setObjectName("workingStatus")
        self.working_status.setVisible(False)
        self._working_timer = QtCore.QTimer(self)
        self._working_timer.setSingleShot(True)
        self._working_timer.setInterval(WORKING_DELAY_MS)
        self._working_timer.timeout.connect(lambda: self.working_status.setVisible(True))
        self.executor.working.connect(self._working)
        status = self.statusBar()
        status.setSizeGripEnabled(False)
        status.addWidget(self.cashier_status)
        status.addWidget(self.terminal_status)
        status.addPermanentWidget(self.working_status)
        status.addPermanentWidget(self.sync_status)

        self._build_actions()
        self.flows = CounterFlows(self)  # enroll, PLUS, redeem, refund, card QR, display
        self.picks = CounterPicks(self)  # find a member, recent ones, undo, coupons, all points

        self.sign_in_page.signed_in.connect(self._signed_in)
        self.counter.scan.returnPressed.connect(self.look_up)
        # A scan anywhere in the window (a scanner types wherever the focus is).
        self.scanner = ScanDetector(parent=self)
        self.scanner.scanned.connect(self.scan_anywhere)
        app.installEventFilter(self.scanner)
        # A camera, where there is one, scans too (ui/camera.py); none: nothing changes.
        self.camera = CameraScanner(self)
        self.camera.scanned.connect(self.scan_anywhere)
        # Qt Multimedia takes a moment to load: the camera joins once the scan field is armed.
        QtCore.QTimer.singleShot(CAMERA_DELAY_MS, self.camera.start)
        self.desk = Desk(self, STYLE)  # service desk, reports, sync panel, settings, receipts
        # the demo-mode banner and Setup → Pair with the mall's ledger (the first-run wizard)
        self.first_run = FirstRun(self, terminal.settings.data_dir, self.controller.terminal_id)
        self.counter.scan.back_out.connect(self.clear_member)
        self.counter.checkout.escaped.connect(self.arm_scan)
        self.counter.checkout.confirm_button.clicked.connect(self.confirm_award)

        self.retranslate()
        self.resize(1440, 900)
        self.show_sign_in()

    # ------------------------------------------------------------------ actions and keys
    def _action(
        self, handler: Callable[[], object], *keys: str | QtGui.QKeySequence.StandardKey
    ) -> QtGui.QAction:
        action = QtGui.QAction(self)
        action.setShortcuts([QtGui.QKeySequence(key) for key in keys])
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(handler)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.find_action = self._action(self.arm_scan, "F3")
        self.checkout_action = self._action(self.focus_checkout, "F4")
        self.confirm_action = self._action(self.confirm_award, "F9", "Ctrl+Return", "Ctrl+Enter")
        self.sign_out_action = self._action(self.sign_out, "F10")
        self.language_action = self._action(self.next_language, "F12")
        self.quit_action = self._action(self.close, "Ctrl+Q")

        menu_bar = self.menuBar()
        self.counter_menu = menu_bar.addMenu("")
        for action in (
            self.find_action,
            self.checkout_action,
            self.confirm_action,
            self.sign_out_action,
        ):
            self.counter_menu.addAction(action)
        self.counter_menu.addSeparator()
        self.counter_menu.addAction(self.quit_action)
        self.language_menu = menu_bar.addMenu("")
        self.language_group = QtGui.QActionGroup(self)
        self.language_actions: dict[str, QtGui.QAction] = {}
        for language in LANGUAGES:
            action = QtGui.QAction(language.native_name, self)
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, c=language.code: self.set_language(c))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[language.code] = action
        self.language_menu.addSeparator()
        self.language_menu.addAction(self.language_action)

    # ------------------------------------------------------------------ pages
    def show_sign_in(self) -> None:
        self.stack.setCurrentWidget(self.sign_in_page)
        self.sign_in_page.load()
        self._update_status()

    def _signed_in(self, actor: Actor) -> None:
        self.stack.setCurrentWidget(self.counter)
        self.controller.clear_member()
        self.counter.card.show_card(None)
        self.counter.checkout.clear()
        self.counter.checkout.set_member_present(False)
        self.set_message(
            "info",
            lambda: self.tr("Signed in as {name}. Scan a member code.").format(name=actor.name),
        )
        self._update_status()
        self.arm_scan()

    @property
    def recording(self) -> bool:
        """A sale is being recorded (on the executor): its outcome is not on screen yet."""
        return self._award_pending

    def on_counter(self) -> bool:
        return self.stack.currentWidget() is self.counter and self.controller.actor is not None

    def arm_scan(self) -> None:
        """Give the scan field the focus: done after every action on the counter."""
        if self.on_counter():
            self.counter.scan.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.sign_in_page.pin.setFocus()

    def _working(self, working: bool) -> None:
        if working:
            self._working_timer.start()
        else:
            self._working_timer.stop()
            self.working_status.setVisible(False)

    def focus_checkout(self) -> None:
        if not self.on_counter() or self._award_pending:
            return  # F4 while a sale is recorded: that sale is done with
        if self.controller.card is None:
            if self.controller.finished_sale is not None:
                self.arm_scan()  # F4 again right after a sale: nothing to ring up
                return
            self.set_message("error", lambda: self.tr("Scan a member first, then press F4."))
            self.arm_scan()
            return
        self.counter.checkout.first_field().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        app = QtCore.QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self.scanner)
        self.flows.close()
        super().closeEvent(event)

    # ------------------------------------------------------------------ counter work
    def scan_anywhere(self, code: str) -> None:
        """A scanner burst, wherever the focus was: look the member up, or hand it to the
        dialog that is open (the service desk shows that member's history; a flow sets it
        aside and says so). Never silently dropped."""
        if not self.on_counter():
            if self.stack.currentWidget() is self.sign_in_page:
                self.sign_in_page.scan_before_sign_in()
            return
        if self._award_pending:
            # A sale is being recorded for the member on screen: never switch under it; the
            # code is looked up once the sale is done.
            self._wait_for_award(code)
            return
        if self.flows.dialog is not None:
            if not self.flows.scan_arrived(code):
                return
        elif self.desk.dialog is not None:
            self.desk.dialog.scan_arrived(code)
            return
        elif self.picks.dialog is not None:
            self.picks.dialog.reject()  # a scan names the member better than a search
        elif QtWidgets.QApplication.activeModalWidget() is not None:
            # another dialog (a receipt number prompt, a question): say so where it shows
            self.statusBar().showMessage(
                self.tr(
                    "A member code was scanned while a dialog was open; close it, then scan again."
                ),
                8000,
            )
            return
        self.counter.scan.setText(code)
        self.look_up()

    def look_up(self) -> None:
        if not self.on_counter():
            return
        query = self.counter.scan.text().strip()
        self.counter.scan.clear()
        if query and self._award_pending:
            self._wait_for_award(query)
            return
        if not query:
            self.arm_scan()
            return
        previous = self.controller.card.member_id if self.controller.card else None
        try:
            card = self.controller.look_up(query)
        except MemberDeskError as error:
            # Never the wrong customer: a failed scan forgets the one before, so F4 and F9
            # cannot record anything on them.
            self._forget_member()
            self.show_error(error)
            self.desk.scan_result(False)
            self.arm_scan()
            return
        except Exception as error:  # a bug or a broken database: say so, never a traceback
            self._forget_member()
            self.show_unexpected(error)
            return
        if card.member_id != previous:
            self.counter.checkout.clear()
        self.counter.card.show_card(card)
        self.desk.scan_result(True)
        self.flows.refresh_display()
        self.counter.checkout.set_member_present(True)  # re-quotes what is typed
        self.set_message(
            "info",
            lambda: self.tr("Member {member_id} found. F4 to ring up a sale.").format(
                member_id=card.member_id
            ),
        )
        self._update_status()
        self.arm_scan()

    def _wait_for_award(self, code: str) -> None:
        self._after_award = code
        self.statusBar().showMessage(
            self.tr("Looking this member up as soon as the sale is recorded."), 8000
        )

    def _look_up_after_award(self) -> None:
        code, self._after_award = self._after_award, None
        if code and self.on_counter():
            self.counter.scan.setText(code)
            self.look_up()

    def _forget_member(self) -> None:
        self.controller.clear_member()
        self.counter.card.show_card(None)
        self.counter.checkout.clear()
        self.counter.checkout.set_member_present(False)
        self.flows.refresh_display()
        self._update_status()

    def clear_member(self) -> None:
        """Esc on an empty scan field: the customer has gone; forget them and their sale."""
        if not self.on_counter() or self._award_pending:
            return
        self._forget_member()
        self.set_message(None)
        self.arm_scan()

    def confirm_award(self) -> None:
        if not self.on_counter():
            return
        controller = self.controller
        if controller.card is None:
            if controller.finished_sale is None:  # not a second press after a finished sale
                self.set_message("error", lambda: self.tr("Scan a member first."))
            self.arm_scan()
            return
        if not controller.sale_open:
            # Recorded already (a second press of F9): nothing more to do.
            self.arm_scan()
            return
        if self._award_pending:
            return  # F9 again while the ledger is asked: the first press is being recorded
        if self.counter.checkout.confirm_member != controller.card.member_id:
            # F9 records only on the member its button names: show the right one first.
            self.counter.checkout.set_member_present(True)
            self.set_message(
                "error",
                lambda: self.tr("The member on screen changed; check the sale, then press F9."),
            )
            self.arm_scan()
            return
        try:
            sale = self.counter.checkout.sale_input()
            job = controller.award_job(sale)
        except MemberDeskError as error:
            self.show_error(error)
            self.arm_scan()
            return
        if job is None:
            self.arm_scan()
            return
        # On the executor, like every core call: the database may be busy with a sync, and
        # online the points used are held at the ledger first (a network call). F9, F4, Esc
        # and F10 meanwhile do nothing; a scan waits for the sale (``_after_award``).
        self._award_pending = True
        if sale.points and controller.redeem_asks_ledger():
            self.set_message("info", lambda: self.tr("Asking the ledger to hold the points…"))
        else:
            self.set_message("info", lambda: self.tr("Recording the sale…"))
        self.arm_scan()  # what is typed meanwhile goes to the scan field, for after the sale
        self.executor.submit(job, self._award_done, self._award_failed)

    def _award_failed(self, error: Exception) -> None:
        self._award_pending = False
        if isinstance(error, MemberDeskError):
            self.show_error(error)
            self.arm_scan()
        else:
            self.show_unexpected(error)
        if self._after_award:  # the sale is still open: the code waits in the scan field
            self.counter.scan.setText(self._after_award)
            self._after_award = None

    def _award_done(self, outcome: object) -> None:
        self._award_pending = False
        if not isinstance(outcome, AwardResult):
            return
        controller = self.controller
        try:
            result = controller.award_recorded(outcome)
        except MemberDeskError as error:  # recorded; only re-reading the card failed
            self.show_error(error)
            return
        # The sale is done: a short summary, and the counter is ready for the next customer.
        controller.next_customer()
        self.counter.card.show_card(None)
        self.counter.checkout.clear()
        self.counter.checkout.set_member_present(False)
        self.flows.refresh_display()
        self.set_message("success", lambda: self.sale_summary(result))
        self._update_status()
        self.desk.after_award(result)
        self.arm_scan()
        self._look_up_after_award()

    def sale_summary(self, result: AwardResult) -> str:
        return self.tr(
            "Sale recorded for {member_id}: receipt {receipt}, paid {payable}, {earned} points "
            "earned, balance {balance} points. Next customer: scan a member code."
        ).format(
            member_id=result.member_id,
            receipt=result.receipt_no,
            payable=money(result.payable_fen),
            earned=num(result.points_earned),
            balance=num(result.balance),
        )

    def sign_out(self) -> None:
        if self.controller.actor is None or self._award_pending:
            return
        self.controller.sign_out()
        self.counter.card.show_card(None)
        self.flows.refresh_display()
        self.counter.checkout.clear()
        self.set_message(None)
        self.show_sign_in()

    # ------------------------------------------------------------------ messages and status
    def show_error(self, error: MemberDeskError) -> None:
        self.set_message("error", lambda: error_text(error))

    def show_unexpected(self, error: Exception) -> None:
        log.exception("unexpected error at the counter")
        kind = type(error).__name__
        self.set_message(
            "error",
            lambda: self.tr(
                "Something unexpected went wrong ({kind}); it is in the log. Look the member "
                "up again before you retry, or call a supervisor."
            ).format(kind=kind),
        )
        self.arm_scan()

    def set_message(self, kind: str | None, text: Callable[[], str] | None = None) -> None:
        """Show a message; kept as a function so that a language switch re-renders it."""
        self._message = None if kind is None or text is None else (kind, text)
        self._render_message()

    def message_text(self) -> str:
        return self.counter.message.text()

    def _render_message(self) -> None:
        label = self.counter.message
        if self._message is None:
            label.setText("")
            label.setProperty("kind", "none")
        else:
            kind, text = self._message
            prefixes = {
                "error": self.tr("Problem:"),
                "success": self.tr("Done:"),
                "info": self.tr("Note:"),
            }
            label.setText(f"{prefixes[kind]} {text()}")
            label.setProperty("kind", kind)
        label.style().unpolish(label)
        label.style().polish(label)

    def _update_status(self) -> None:
        actor = self.controller.actor
        self.cashier_status.setText(
            self.tr("Cashier: {name}").format(name=actor.name)
            if actor
            else self.tr("Not signed in")
        )
        self.terminal_status.setText(
            self.tr("Terminal {terminal} · Store {store}").format(
                terminal=self.controller.terminal_id, store=self.controller.store_code
            )
        )
        waiting = self.controller.events_waiting()
        if waiting is None:
            self.sync_status.setText(self.tr("Offline"))
        elif self._sync is not None and self._sync[1] is not None:
            self.sync_status.setText(
                self.tr("Sync stopped — {n} events waiting; call the service desk").format(
                    n=num(waiting)
                )
            )
        elif self._sync is not None and self._sync[0]:
            last = self._sync[2] or ""
            self.sync_status.setText(
                self.tr("Online — {n} events waiting · last sync {time}").format(
                    n=num(waiting), time=last[11:16]
                )
            )
        else:
            self.sync_status.setText(self.tr("Offline — {n} events waiting").format(n=num(waiting)))
        if self._sync is not None and self._sync[1]:
            self.sync_status.setToolTip(self._sync[1])

    def set_sync_state(self, online: bool, problem: str | None, last_success: str | None) -> None:
        """Called on the GUI thread (through a signal) after every sync round."""
        self._sync = (online, problem, last_success)
        self.flows.sync_state(online and problem is None)
        self._update_status()
        if online and self.controller.card is not None:
            self.controller.refresh_card_quietly()
            self.counter.card.show_card(self.controller.card)

    # ------------------------------------------------------------------ language
    def set_language(self, code: str) -> None:
        self.switcher.switch(code)
        self.language_actions[self.switcher.code].setChecked(True)

    def next_language(self) -> None:
        self.set_language(self.switcher.next_code())

    def changeEvent(self, event: QtCore.QEvent) -> None:
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("MemberDesk — terminal {terminal}").format(terminal=self.controller.terminal_id)
        )
        self.counter_menu.setTitle(self.tr("&Counter"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.find_action.setText(self.tr("Find member"))
        self.checkout_action.setText(self.tr("Checkout"))
        self.confirm_action.setText(self.tr("Confirm and award points"))
        self.sign_out_action.setText(self.tr("Sign out"))
        self.language_action.setText(self.tr("Next language"))
        self.quit_action.setText(self.tr("Quit"))
        self.working_status.setText(self.tr("Working…"))
        code = self.switcher.code
        if code in self.language_actions:
            self.language_actions[code].setChecked(True)
        self.sign_in_page.retranslate()
        self.counter.scan_label.setText(self.tr("&Member"))
        self.counter.scan.setPlaceholderText(
            self.tr("Scan the member code, or type a member number or phone, then Enter")
        )
        self.counter.card.retranslate()
        self.counter.checkout.retranslate()
        self.desk.retranslate()
        self.first_run.retranslate()
        self.flows.retranslate()
        self.picks.retranslate()
        self.counter.keys.setText(
            self.tr(
                "F3 Find member · F4 Checkout · F9 Confirm (Ctrl+Enter) · Esc Back · "
                "F10 Sign out · F12 Language"
            )
        )
        self._render_message()
        self._update_status()

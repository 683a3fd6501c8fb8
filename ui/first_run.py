"""First run: the demo-mode banner, and the wizard that pairs the terminal with a real ledger.

A fresh install runs on the embedded default (a local ledger on loopback, demo members) and
says so in a banner across the top of the window. Setup → Pair with the mall's ledger… opens the
wizard: the ledger's address and the one-time pairing code from
``memberdesk-ledger terminal add``. Pairing makes a fresh terminal database (the demo data never
reaches the real ledger; see sync/client/fresh_pairing.py) that takes over when MemberDesk
restarts, which the wizard's last page does.
"""

from __future__ import annotations

import threading
from pathlib import Path

from sync.client.fresh_pairing import Paired, on_real_ledger, staged
from ui.qt import QtCore, QtGui, QtWidgets

Qt = QtCore.Qt


class _PairSignals(QtCore.QObject):
    """Carries the pairing thread's result to the GUI thread (queued signals)."""

    paired = QtCore.Signal(object)  # Paired
    failed = QtCore.Signal(str)


class PairPage(QtWidgets.QWizardPage):
    def __init__(self, data_dir: Path, terminal_id: str) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.result: Paired | None = None
        self._busy = False
        self.intro = QtWidgets.QLabel()
        self.intro.setWordWrap(True)
        self.url = QtWidgets.QLineEdit()
        self.url.setObjectName("ledgerUrl")
        self.code = QtWidgets.QLineEdit()
        self.code.setObjectName("pairingCode")
        self.terminal = QtWidgets.QLineEdit(terminal_id)
        self.terminal.setObjectName("terminalId")
        self.url_label = QtWidgets.QLabel()
        self.code_label = QtWidgets.QLabel()
        self.terminal_label = QtWidgets.QLabel()
        for label, field in (
            (self.url_label, self.url),
            (self.code_label, self.code),
            (self.terminal_label, self.terminal),
        ):
            label.setBuddy(field)
        self.pair_button = QtWidgets.QPushButton()
        self.pair_button.setObjectName("pairButton")
        self.pair_button.clicked.connect(self.start_pairing)
        self.status = QtWidgets.QLabel()
        self.status.setObjectName("pairStatus")
        self.status.setWordWrap(True)
        form = QtWidgets.QFormLayout()
        form.addRow(self.url_label, self.url)
        form.addRow(self.code_label, self.code)
        form.addRow(self.terminal_label, self.terminal)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.pair_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.signals = _PairSignals()
        self.signals.paired.connect(self._paired)
        self.signals.failed.connect(self._failed)
        self.code.returnPressed.connect(self.start_pairing)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Pair with the mall's ledger"))
        real = on_real_ledger(self.data_dir)
        intro = self.tr(
            "Type the ledger's address and the one-time pairing code your operator made with "
            "'memberdesk-ledger terminal add'. This terminal then starts afresh: the demo "
            "members and sales stay on this computer, set aside, and never reach the ledger."
        )
        if real:
            intro += " " + self.tr(
                "This terminal is paired with {url} now; pairing again starts a new terminal "
                "database and sets the current one aside."
            ).format(url=real)
        self.intro.setText(intro)
        self.url_label.setText(self.tr("Ledger &address"))
        self.url.setPlaceholderText("https://ledger.example-mall.cn:8470")
        self.code_label.setText(self.tr("Pairing &code"))
        self.code.setPlaceholderText("3F2A-91C0-7B44")
        self.terminal_label.setText(self.tr("&Terminal id"))
        self.pair_button.setText(self.tr("&Pair"))

    def isComplete(self) -> bool:
        return self.result is not None

    def start_pairing(self) -> None:
        if self._busy or self.result is not None:
            return
        url, code = self.url.text().strip(), self.code.text().strip()
        if not url.startswith(("http://", "https://")) or not code:
            self.status.setText(
                self.tr("Type the address (starting with https:// or http://) and the code.")
            )
            return
        self._busy = True
        self.pair_button.setEnabled(False)
        self.status.setText(self.tr("Pairing with {url}…").format(url=url))
        terminal_id = self.terminal.text().strip() or None
        signals = self.signals

        def work() -> None:
            # Loaded here, off the start-up path: most counters never open the wizard.
            from sync.client.fresh_pairing import pair_fresh
            from sync.client.http import LedgerRefused, TransientError

            try:
                signals.paired.emit(pair_fresh(self.data_dir, url, code, terminal_id))
            except LedgerRefused as error:
                signals.failed.emit(
                    self.tr("The ledger refused: {reason}").format(reason=error.refusal.message)
                )
            except TransientError:
                signals.failed.emit(
                    self.tr(
                        "Cannot reach a ledger at {url}. Check the address, the network and "
                        "that the ledger runs, then press Pair again."
                    ).format(url=url)
                )
            except Exception as error:  # shown, never a crash
                signals.failed.emit(
                    self.tr("Pairing failed: {error}").format(error=f"{type(error).__name__}")
                )

        threading.Thread(target=work, name="memberdesk-pairing", daemon=True).start()

    def _paired(self, paired: Paired) -> None:
        self._busy = False
        self.result = paired
        self.status.setText(
            self.tr("Paired: terminal {terminal} of store {store}.").format(
                terminal=paired.terminal_id, store=paired.store_code
            )
        )
        self.completeChanged.emit()
        wizard = self.wizard()
        if wizard is not None:
            wizard.next()

    def _failed(self, message: str) -> None:
        self._busy = False
        self.pair_button.setEnabled(True)
        self.status.setText(message)


class DonePage(QtWidgets.QWizardPage):
    def __init__(self, pair_page: PairPage) -> None:
        super().__init__()
        self.pair_page = pair_page
        self.summary = QtWidgets.QLabel()
        self.summary.setObjectName("pairSummary")
        self.summary.setWordWrap(True)
        QtWidgets.QVBoxLayout(self).addWidget(self.summary)
        self.setFinalPage(True)
        self.retranslate()

    def initializePage(self) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Paired"))
        paired = self.pair_page.result
        if paired is None:
            return
        self.summary.setText(
            self.tr(
                "This computer is now terminal {terminal} of store {store} on {url}. "
                "Press Finish: MemberDesk restarts on the new ledger and fetches the members "
                "(the demo data is kept aside in the data folder)."
            ).format(terminal=paired.terminal_id, store=paired.store_code, url=paired.ledger_url)
        )


_QT_BUTTONS = {
    QtWidgets.QWizard.WizardButton.BackButton: "< &Back",
    QtWidgets.QWizard.WizardButton.NextButton: "&Next >",
    QtWidgets.QWizard.WizardButton.FinishButton: "&Finish",
    QtWidgets.QWizard.WizardButton.CancelButton: "Cancel",
}


class FirstRunWizard(QtWidgets.QWizard):
    def __init__(
        self, data_dir: Path, terminal_id: str, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.pair_page = PairPage(data_dir, terminal_id)
        self.done_page = DonePage(self.pair_page)
        self.addPage(self.pair_page)
        self.addPage(self.done_page)
        self.setOption(QtWidgets.QWizard.WizardOption.NoBackButtonOnLastPage, True)
        # One style everywhere, so that its buttons' texts are the ones _QT_BUTTONS names.
        self.setWizardStyle(QtWidgets.QWizard.WizardStyle.ClassicStyle)
        self.resize(760, 460)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("MemberDesk setup"))
        # Qt sets its buttons' texts once, when the wizard is made; a language switch while
        # it is open takes them again from Qt's own translation (ui.i18n loads it).
        for button, source in _QT_BUTTONS.items():
            self.setButtonText(button, QtCore.QCoreApplication.translate("QWizard", source))
        self.pair_page.retranslate()
        self.done_page.retranslate()

    def changeEvent(self, event: QtCore.QEvent) -> None:
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class _Banner(QtWidgets.QLabel):
    """A word-wrapped line across the whole window. A tool bar sizes its widgets by their
    size hint, and a wrapped label's hint is its narrowest shape (six lines high here): this
    one asks for the window's width and the height its text needs at that width."""

    def __init__(self, window: QtWidgets.QWidget) -> None:
        super().__init__()
        self.main_window = window
        self.setWordWrap(True)
        self.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Fixed
        )
        window.installEventFilter(self)

    def sizeHint(self) -> QtCore.QSize:
        width = max(320, self.main_window.width() - 24)
        return QtCore.QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QtCore.QSize:
        # Its height at the window's width, but no width of its own: the window may always
        # be made narrower (and the banner wraps to more lines).
        return QtCore.QSize(200, self.sizeHint().height())

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if watched is self.main_window and event.type() == QtCore.QEvent.Type.Resize:
            self.updateGeometry()
        return False


class FirstRun(QtCore.QObject):
    """The banner and the Setup menu of the counter window."""

    restart_requested = QtCore.Signal()

    def __init__(self, window: QtWidgets.QMainWindow, data_dir: Path, terminal_id: str) -> None:
        super().__init__(window)
        self.window = window
        self.data_dir = data_dir
        self.terminal_id = terminal_id
        self.wizard: FirstRunWizard | None = None

        self.banner = _Banner(window)
        self.banner.setObjectName("demoBanner")
        self.banner.setStyleSheet(
            "QLabel#demoBanner { background: #fff4c2; color: #3d2f00; border: 2px solid #b38f00;"
            " padding: 6px 12px; font-size: 20px; }"
        )
        self.toolbar = QtWidgets.QToolBar()
        self.toolbar.setObjectName("demoBar")
        self.toolbar.setMovable(False)
        self.toolbar.setFloatable(False)
        self.toolbar.toggleViewAction().setVisible(False)
        self.toolbar.addWidget(self.banner)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

        self.pair_action = QtGui.QAction(window)
        self.pair_action.setObjectName("pairAction")
        self.pair_action.triggered.connect(self.open_wizard)
        self.menu = window.menuBar().addMenu("")
        self.menu.addAction(self.pair_action)
        self.retranslate()

    def demo_mode(self) -> bool:
        return on_real_ledger(self.data_dir) is None

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Setup"))
        self.pair_action.setText(self.tr("Pair with the mall's ledger…"))
        waiting = staged(self.data_dir)
        if waiting is not None:
            text = self.tr(
                "Paired with {url} as terminal {terminal}: restart MemberDesk to switch to it."
            ).format(url=waiting.ledger_url, terminal=waiting.terminal_id)
        else:
            text = self.tr(
                "Demo mode: a local ledger on this computer, with demo members. Pair with your "
                "mall's ledger in Setup → Pair with the mall's ledger…"
            )
        self.banner.setText(text)
        self.toolbar.setVisible(self.demo_mode() or waiting is not None)
        if self.wizard is not None:
            self.wizard.retranslate()

    def open_wizard(self) -> FirstRunWizard:
        if self.wizard is None:
            self.wizard = FirstRunWizard(self.data_dir, self.terminal_id, self.window)
            self.wizard.finished.connect(self._wizard_finished)
        self.wizard.show()
        self.wizard.activateWindow()
        return self.wizard

    def _wizard_finished(self, result: int) -> None:
        wizard, self.wizard = self.wizard, None
        if wizard is not None:
            wizard.deleteLater()
        self.retranslate()
        if result == QtWidgets.QDialog.DialogCode.Accepted and staged(self.data_dir) is not None:
            self.restart_requested.emit()

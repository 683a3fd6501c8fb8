"""The sync panel (Ctrl+L): where sync stands, and a supervisor's "Sync now" (Ctrl+N).

"Sync now" only wakes the background worker; the round runs on the worker's thread and its
result arrives here by a queued signal, so the window never waits on the network.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.services.replica import SyncState
from ui.card import num
from ui.controller import CounterController
from ui.dialogs import DeskDialog
from ui.fit import fit_to_window
from ui.qt import QtCore, QtWidgets

Qt = QtCore.Qt


def _time(iso: str | None) -> str | None:
    if not iso:
        return None
    moment = QtCore.QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return iso
    return QtCore.QLocale().toString(moment.toLocalTime(), "yyyy-MM-dd HH:mm:ss t")


class SyncPanel(DeskDialog):
    def __init__(
        self,
        controller: CounterController,
        *,
        sync_now: Callable[[], None] | None = None,
        details: Any = None,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("syncPanel")
        self.controller = controller
        self.sync_now_hook = sync_now
        self.details = details  # the worker's last WorkerState, or None
        self.state: SyncState | None = None
        self.waiting_for_round = False

        self.title = QtWidgets.QLabel()
        self.title.setObjectName("pageTitle")
        self.form = QtWidgets.QFormLayout()
        self.fields: dict[str, tuple[QtWidgets.QLabel, QtWidgets.QLabel]] = {}
        for key in ("state", "waiting", "last_success", "last_error", "ledger", "terminal"):
            name, value = QtWidgets.QLabel(), QtWidgets.QLabel()
            value.setObjectName(f"sync_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(name, value)
            self.fields[key] = (name, value)
        self.sync_button = QtWidgets.QPushButton()
        self.sync_button.setObjectName("syncNowButton")
        self.sync_button.setAutoDefault(False)
        self.sync_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.note = QtWidgets.QLabel()
        self.note.setObjectName("keyHint")
        self.note.setWordWrap(True)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.form)
        layout.addWidget(self.sync_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.note)
        layout.addStretch(1)
        layout.addWidget(self.message)

        self.sync_button.clicked.connect(self.sync_now)
        self.shortcut("Ctrl+N", self.sync_now)
        self.sync_button.setEnabled(controller.is_supervisor)
        fit_to_window(self, 900, 560)
        self.refresh()

    def value(self, key: str) -> str:
        return self.fields[key][1].text()

    def refresh(self) -> None:
        found = self.run(self.controller.sync_state)
        if isinstance(found, SyncState):
            self.state = found
        self.retranslate()

    def on_details(self, details: object) -> None:
        """A round ended (the worker's state, delivered on the GUI thread)."""
        self.details = details
        self.refresh()
        if self.waiting_for_round:
            self.waiting_for_round = False
            error = getattr(details, "last_error", None)
            if error:
                self.set_message(
                    "error", lambda: self.tr("Sync did not finish: {error}").format(error=error)
                )
            else:
                self.set_message("success", lambda: self.tr("Sync round finished."))

    def sync_now(self) -> None:
        if not self.controller.is_supervisor:
            self.set_message("error", lambda: self.tr("Only a supervisor can force a sync."))
            return
        if self.sync_now_hook is None:
            self.set_message(
                "error", lambda: self.tr("Sync is not running on this terminal (no ledger).")
            )
            return
        self.waiting_for_round = True
        self.set_message("info", lambda: self.tr("Sync requested; the result appears here."))
        self.sync_now_hook()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sync"))
        self.title.setText(self.tr("Sync with the ledger (Ctrl+L)"))
        labels = {
            "state": self.tr("State"),
            "waiting": self.tr("Events waiting"),
            "last_success": self.tr("Last success"),
            "last_error": self.tr("Last error"),
            "ledger": self.tr("Ledger"),
            "terminal": self.tr("Terminal"),
        }
        for key, (name, _value) in self.fields.items():
            name.setText(labels[key])
        details = self.details
        state = self.state
        blocked = getattr(details, "blocked", None)
        online = bool(getattr(details, "online", False))
        if details is None:
            text = self.tr("Not started yet (or no ledger): working offline")
        elif blocked:
            text = self.tr("Stopped: a supervisor must look ({problem})").format(problem=blocked)
        elif online:
            text = self.tr("Online")
        else:
            text = self.tr("Offline: retrying in the background")
        self.fields["state"][1].setText(text)
        waiting = state.events_waiting if state else self.controller.events_waiting()
        self.fields["waiting"][1].setText(num(waiting) if waiting is not None else "—")
        last = getattr(details, "last_success", None) or (state.last_sync_at if state else None)
        self.fields["last_success"][1].setText(_time(last) or self.tr("never"))
        self.fields["last_error"][1].setText(
            getattr(details, "last_error", None) or self.tr("none")
        )
        if state is not None and state.ledger_url:
            self.fields["ledger"][1].setText(state.ledger_url)
        else:
            self.fields["ledger"][1].setText(self.tr("not paired"))
        self.fields["terminal"][1].setText(
            self.tr("{terminal} · store {store}").format(
                terminal=self.controller.terminal_id, store=self.controller.store_code
            )
        )
        self.sync_button.setText(self.tr("Sync now (Ctrl+N)"))
        self.note.setText(
            self.tr("Sync runs by itself every few seconds; Sync now starts a round at once.")
            if self.controller.is_supervisor
            else self.tr("Only a supervisor can force a sync. Esc closes.")
        )
        super().retranslate()

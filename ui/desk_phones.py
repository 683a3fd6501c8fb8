"""The service desk's fifth tab: the member's bound phones (the member page, docs/member-phone.md)
and removing one (a lost phone: its codes are refused at every terminal after their next
sync). Phones live at the ledger, so this tab works online only; the ledger is asked on the
thread pool and the answer comes back on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ui.dialogs import fill, table
from ui.flows import run_in_background
from ui.qt import QtCore, QtGui, QtWidgets

if TYPE_CHECKING:
    from sync.client.http import LedgerClient
    from sync.protocol import PhoneView

Qt = QtCore.Qt


@dataclass(frozen=True)
class PhoneSource:
    """Where the phones come from: the paired ledger, or a stand-in in tests."""

    fetch: Callable[[str], list[PhoneView]]  # member id -> bound phones
    remove: Callable[[str, str], None]  # member id, phone id


class NotPaired(Exception):
    """This terminal has no ledger to ask."""


def ledger_phones(data_dir: Path) -> PhoneSource:
    """The ledger this terminal is paired with (its credential read at each request)."""

    def client() -> LedgerClient:
        from sync.client.http import paired_client

        found = paired_client(data_dir)
        if found is None:
            raise NotPaired()
        return found

    def fetch(member_id: str) -> list[PhoneView]:
        ledger = client()
        try:
            return list(ledger.phones(member_id).phones)
        finally:
            ledger.close()

    def remove(member_id: str, device_id: str) -> None:
        ledger = client()
        try:
            ledger.remove_phone(member_id, device_id)
        finally:
            ledger.close()

    return PhoneSource(fetch, remove)


class PhonesPage(QtWidgets.QWidget):
    def __init__(self, source: PhoneSource, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.member_id: str | None = None
        self.phones: list[PhoneView] = []
        self.armed: str | None = None  # the phone the next confirm removes
        self._status: Callable[[], str] = lambda: ""
        self.phone_table = table("phoneTable")
        self.status = QtWidgets.QLabel()
        self.status.setObjectName("phoneStatus")
        self.status.setWordWrap(True)
        column = QtWidgets.QVBoxLayout(self)
        column.addWidget(self.phone_table, 1)
        column.addWidget(self.status)
        self.phone_table.itemSelectionChanged.connect(self._disarm)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # Enter on the list removes (asks first)
            enter = QtGui.QShortcut(QtGui.QKeySequence(key), self.phone_table)
            enter.setContext(Qt.ShortcutContext.WidgetShortcut)
            enter.activated.connect(self.remove_selected)
        self.retranslate()

    def load(self, member_id: str | None, then: Callable[[], str] | None = None) -> None:
        """Ask for the member's phones; ``then``: what to say once they are shown."""
        self.member_id, self.armed, self.phones = member_id, None, []
        self._render()
        if member_id is None:
            self._say(lambda: self.tr("Look a member up first (the Member field above)."))
            return
        self._say(lambda: self.tr("Asking the ledger…"))
        fetch = self.source.fetch
        run_in_background(
            lambda: fetch(member_id),
            lambda phones: self._loaded(member_id, phones, then),  # type: ignore[arg-type]
            self._failed,
        )

    def _loaded(
        self, member_id: str, phones: list[PhoneView], then: Callable[[], str] | None
    ) -> None:
        if member_id != self.member_id:
            return  # an answer for the member shown before
        self.phones = phones
        self._render()
        if phones:
            self.phone_table.selectRow(0)
        if then is not None:
            self._say(then)
        elif phones:
            self._say(lambda: self.tr("Choose a phone with ↑ ↓; Enter removes it (asks first)."))
        else:
            self._say(lambda: self.tr("No phone is bound to this member."))

    def remove_selected(self) -> None:
        row = self.phone_table.currentRow()
        if self.member_id is None or not 0 <= row < len(self.phones):
            self._say(lambda: self.tr("Choose a phone with ↑ ↓ first."))
            return
        phone = self.phones[row]
        if self.armed != phone.device_id:
            # Removing is final for the phone: the cashier confirms with a second Enter.
            self.armed = phone.device_id
            self._say(
                lambda: self.tr(
                    "Remove the phone “{label}”? Its codes stop working at every counter after "
                    "their next sync. Press Enter again to remove it, or Esc."
                ).format(label=phone.label)
            )
            return
        member_id, remove = self.member_id, self.source.remove
        self.armed = None
        self._say(lambda: self.tr("Removing the phone…"))
        run_in_background(
            lambda: remove(member_id, phone.device_id),
            lambda _done: self._removed(member_id, phone.label),
            self._failed,
        )

    def _removed(self, member_id: str, label: str) -> None:
        self.load(
            member_id,
            lambda: self.tr(
                "Removed the phone “{label}”. Counters refuse its codes after their next sync."
            ).format(label=label),
        )

    def _failed(self, error: Exception) -> None:
        from sync.client.http import LedgerRefused, TransientError

        if isinstance(error, TransientError):
            self._say(lambda: self.tr("The ledger cannot be reached; phones are listed online."))
        elif isinstance(error, NotPaired):
            self._say(lambda: self.tr("This terminal is not paired with a ledger."))
        elif isinstance(error, LedgerRefused):
            words = error.refusal.message
            self._say(lambda: self.tr("The ledger refused: {words}").format(words=words))
        else:
            kind = type(error).__name__
            self._say(
                lambda: self.tr("Something unexpected went wrong ({kind}).").format(kind=kind)
            )

    def _disarm(self) -> None:
        self.armed = None

    def _say(self, text: Callable[[], str]) -> None:
        self._status = text
        self.status.setText(text())

    def _render(self) -> None:
        fill(
            self.phone_table,
            [self.tr("Phone"), self.tr("Bound"), self.tr("Last used"), self.tr("Phone id")],
            [
                [
                    p.label,
                    p.bound_at[:16].replace("T", " "),
                    p.last_seen_at[:16].replace("T", " "),
                    p.device_id[:12],
                ]
                for p in self.phones
            ],
        )

    def retranslate(self) -> None:
        self._render()
        self.status.setText(self._status())

"""The service desk's fourth tab: what the ledger flagged for a person to review (an overdraft,
a purchase the ledger recomputed differently, a member code used at two terminals), and a
supervisor closing one with a note.

Flags live at the ledger, so this tab works online only. The ledger is asked on a thread of
its own and the answer arrives by signal: the counter never waits on the network.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ui.card import num
from ui.dialogs import fill, table
from ui.qt import QtCore, QtWidgets

if TYPE_CHECKING:
    from sync.protocol import FlagView

Qt = QtCore.Qt
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FlagSource:
    """Where the flags come from: the paired ledger, or a stand-in in tests."""

    fetch: Callable[[str | None], list[FlagView]]  # member id or None -> open flags
    resolve: Callable[[int, str, str], FlagView]  # flag id, note, who -> the resolution


def ledger_source(data_dir: Path) -> FlagSource:
    """The ledger this terminal is paired with (sync/client/flag_desk.py)."""

    def fetch(member_id: str | None) -> list[FlagView]:
        from sync.client import flag_desk

        return flag_desk.open_flags(data_dir, member_id)

    def resolve(flag_id: int, note: str, resolved_by: str) -> FlagView:
        from sync.client import flag_desk

        return flag_desk.resolve_flag(data_dir, flag_id, note, resolved_by)

    return FlagSource(fetch, resolve)


def failure_kind(error: Exception) -> tuple[str, str]:
    """(offline | not_paired | refused | failed, the ledger's words) for an error."""
    from sync.client.flag_desk import NotPaired
    from sync.client.http import LedgerRefused, TransientError

    if isinstance(error, TransientError):
        return "offline", str(error)
    if isinstance(error, NotPaired):
        return "not_paired", ""
    if isinstance(error, LedgerRefused):
        return "refused", error.refusal.message
    return "failed", f"{type(error).__name__}: {error}"


class _Signals(QtCore.QObject):
    loaded = QtCore.Signal(object, object)  # member id or None, list[FlagView]
    resolved = QtCore.Signal(object, str)  # FlagView, who asked
    failed = QtCore.Signal(str, str)  # failure kind, the ledger's words


class LedgerFlagsPage(QtWidgets.QWidget):
    changed = QtCore.Signal(int)  # how many open flags are shown

    def __init__(
        self, source: FlagSource, supervisor_name: str | None, parent: QtWidgets.QWidget | None
    ) -> None:
        super().__init__(parent)
        self.source = source
        self.supervisor_name = supervisor_name  # None: not a supervisor, nothing to close
        self.member_id: str | None = None
        self.flags: list[FlagView] = []
        self._status: Callable[[], str] = lambda: ""
        self.flag_table = table("flagTable")
        self.note_label = QtWidgets.QLabel()
        self.note_edit = QtWidgets.QLineEdit()
        self.note_edit.setObjectName("flagNote")
        self.note_edit.setMaxLength(500)
        self.note_label.setBuddy(self.note_edit)
        self.resolve_button = QtWidgets.QPushButton()
        self.resolve_button.setObjectName("resolveFlag")
        self.resolve_button.setAutoDefault(False)
        self.resolve_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.status = QtWidgets.QLabel()
        self.status.setObjectName("flagStatus")
        self.status.setWordWrap(True)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.note_label)
        row.addWidget(self.note_edit, 1)
        row.addWidget(self.resolve_button)
        column = QtWidgets.QVBoxLayout(self)
        column.addWidget(self.flag_table, 1)
        column.addLayout(row)
        column.addWidget(self.status)
        for widget in (self.note_edit, self.resolve_button):
            widget.setEnabled(supervisor_name is not None)
        self.note_edit.returnPressed.connect(self.resolve_selected)
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.signals = _Signals(self)
        self.signals.loaded.connect(self._loaded)
        self.signals.resolved.connect(self._resolved)
        self.signals.failed.connect(self._failed)
        self.retranslate()

    # ------------------------------------------------------------------ asking the ledger
    def load(self, member_id: str | None) -> None:
        """Ask for the open flags (one member's, or all); the table fills when they come."""
        self.member_id = member_id
        self._say(lambda: self.tr("Asking the ledger…"))
        source, signals = self.source, self.signals
        self._in_background(lambda: signals.loaded.emit(member_id, source.fetch(member_id)))

    def resolve_selected(self) -> None:
        if self.supervisor_name is None:
            self._say(lambda: self.tr("Only a supervisor can resolve a flag."))
            return
        flag = self.selected()
        if flag is None:
            self._say(lambda: self.tr("Choose a flag with ↑ ↓ first."))
            self.flag_table.setFocus()
            return
        note = self.note_edit.text().strip()
        if not note:
            self._say(lambda: self.tr("Say in the note what was checked and done."))
            self.note_edit.setFocus()
            return
        who = self.supervisor_name
        self._say(lambda: self.tr("Resolving flag {flag}…").format(flag=flag.flag_id))
        self._in_background(
            lambda: self.signals.resolved.emit(self.source.resolve(flag.flag_id, note, who), who)
        )

    def _in_background(self, work: Callable[[], None]) -> None:
        # No guard against a second request while one runs: an answer for another member is
        # dropped in _loaded, and the ledger closes a flag once however often it is asked.
        signals = self.signals

        def run() -> None:
            try:
                work()
            except Exception as error:  # every failure is shown, none lost
                kind, detail = failure_kind(error)
                if kind == "failed":
                    log.exception("asking the ledger for flags failed")
                signals.failed.emit(kind, detail)

        threading.Thread(target=run, name="memberdesk-flags", daemon=True).start()

    # ------------------------------------------------------------------ answers (GUI thread)
    def _loaded(self, member_id: str | None, flags: list[FlagView]) -> None:
        if member_id != self.member_id:  # an older question; a newer one is on its way
            return
        self.flags = flags
        self._render()
        if flags:
            self.flag_table.selectRow(0)
        self._say(
            (lambda: self.tr("No open flags for member {member}.").format(member=member_id))
            if member_id and not flags
            else (lambda: self.tr("No open flags."))
            if not flags
            else (lambda: "")
        )
        self.changed.emit(len(flags))

    def _resolved(self, flag: FlagView, who: str) -> None:
        self.note_edit.clear()
        if flag.resolved_by == who:
            self._say(lambda: self.tr("Flag {flag} resolved.").format(flag=flag.flag_id))
        else:
            self._say(
                lambda: self.tr("Flag {flag} was resolved already, by {name}: {note}").format(
                    flag=flag.flag_id, name=flag.resolved_by, note=flag.note
                )
            )
        self.load(self.member_id)

    def _failed(self, kind: str, detail: str) -> None:
        texts = {
            "offline": lambda: self.tr(
                "The ledger cannot be reached: flags can be seen and resolved only online. "
                "Try again when the status bar says online."
            ),
            "not_paired": lambda: self.tr(
                "This terminal is not paired with a ledger, so there are no flags to review."
            ),
            "refused": lambda: self.tr("The ledger refused: {reason}").format(reason=detail),
        }
        self._say(
            texts.get(
                kind,
                lambda: self.tr("Something went wrong ({detail}); it is in the log.").format(
                    detail=detail
                ),
            )
        )

    # ------------------------------------------------------------------ showing
    def selected(self) -> FlagView | None:
        row = self.flag_table.currentRow()
        return self.flags[row] if 0 <= row < len(self.flags) else None

    def kind_name(self, kind: str) -> str:
        names = {
            "overdraft": self.tr("Overdraft"),
            "recompute_mismatch": self.tr("Points differ"),
            "code_replay": self.tr("Code used twice"),
        }
        return names.get(kind, kind)

    def _render(self) -> None:
        fill(
            self.flag_table,
            [
                self.tr("No."),
                self.tr("Kind"),
                self.tr("Member"),
                self.tr("Points"),
                self.tr("Raised"),
                self.tr("What the ledger saw"),
            ],
            [
                [
                    str(flag.flag_id),
                    self.kind_name(flag.kind),
                    flag.member_id or "—",
                    num(flag.points),
                    f"{flag.created_at[:10]} {flag.created_at[11:16]} {flag.created_at[19:]}",
                    flag.detail,
                ]
                for flag in self.flags
            ],
        )

    def _say(self, text: Callable[[], str]) -> None:
        self._status = text
        self.status.setText(text())

    def retranslate(self) -> None:
        self.note_label.setText(self.tr("N&ote"))
        self.note_edit.setPlaceholderText(
            self.tr("What was checked and done (required)")
            if self.supervisor_name is not None
            else self.tr("Only a supervisor can resolve a flag.")
        )
        self.resolve_button.setText(self.tr("Resolve (Enter)"))
        self._render()
        self.status.setText(self._status())

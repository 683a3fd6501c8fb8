"""The service desk (Ctrl+H): a member's history, a supervisor's points adjustment with a
reason, open overdrafts to write off, and the ledger's flags to review (online).

Keys: Ctrl+1/2/3/4 choose the tab; in the member field Enter shows the history; in a reason
field Enter (or Ctrl+Enter) confirms; Esc closes. Changes need a supervisor: for a cashier the
fields stay shut and say so.
"""

from __future__ import annotations

from datetime import datetime

from app.services.context import Actor
from app.services.servicedesk import SCOPE_MALL, SCOPE_OFFLINE, MemberHistory, OverdraftItem
from app.services.views import AdjustResult
from ui.card import num
from ui.confirm import with_supervisor
from ui.controller import CounterController
from ui.desk_phones import PhoneSource, PhonesPage, ledger_phones
from ui.dialogs import DeskDialog, fill, table
from ui.fit import fit_to_window
from ui.growth_desk import GrowthDeskPage
from ui.history_words import say, say_elsewhere, signed
from ui.ledger_flags import FlagSource, LedgerFlagsPage, ledger_source
from ui.qt import QtCore, QtWidgets

Qt = QtCore.Qt


def when(iso: str) -> str:
    """'2026-11-24T10:00:00+08:00' -> '2026-11-24 10:00 +08:00' (the zone stays visible)."""
    if len(iso) < 19:
        return iso
    return f"{iso[:10]} {iso[11:16]} {iso[19:]}".strip()


class ServiceDeskDialog(DeskDialog):
    changed = QtCore.Signal()  # a balance moved: the counter re-reads the card

    def __init__(
        self,
        controller: CounterController,
        parent: QtWidgets.QWidget | None = None,
        flag_source: FlagSource | None = None,
        phone_source: PhoneSource | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("serviceDesk")
        self.controller = controller
        self.history: MemberHistory | None = None
        self.items: list[OverdraftItem] = []
        self._adjust_request: str | None = None
        self._write_off_request: str | None = None

        self.title = QtWidgets.QLabel()
        self.title.setObjectName("pageTitle")
        self.member_label = QtWidgets.QLabel()
        self.member_edit = QtWidgets.QLineEdit()
        self.member_edit.setObjectName("deskMember")
        self.member_label.setBuddy(self.member_edit)
        self.summary = QtWidgets.QLabel()
        self.summary.setObjectName("deskSummary")
        self.summary.setWordWrap(True)
        self.scope = QtWidgets.QLabel()  # every counter, or this counter only and why
        self.scope.setObjectName("deskScope")
        self.scope.setWordWrap(True)
        self.tabs = QtWidgets.QTabWidget()

        # history
        self.history_table = table("historyTable")
        # the sentences wrap at the width the column ends up with; the scroll bar is always
        # there, so rows grown by wrapping do not narrow the column after it was measured
        self.history_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self._rewrap = QtCore.QTimer(self)
        self._rewrap.setSingleShot(True)
        self._rewrap.setInterval(0)  # once the layout has settled on the column's width
        self._rewrap.timeout.connect(self.history_table.resizeRowsToContents)
        self.history_table.horizontalHeader().sectionResized.connect(
            lambda *_: self._rewrap.start()
        )
        # adjust
        adjust_page = QtWidgets.QWidget()
        self.adjust_member = QtWidgets.QLabel()
        self.adjust_member.setObjectName("adjustMember")
        self.points_label = QtWidgets.QLabel()
        self.points_edit = QtWidgets.QLineEdit()
        self.points_edit.setObjectName("adjustPoints")
        self.points_label.setBuddy(self.points_edit)
        self.reason_label = QtWidgets.QLabel()
        self.reason_edit = QtWidgets.QLineEdit()
        self.reason_edit.setObjectName("adjustReason")
        self.reason_edit.setMaxLength(200)
        self.reason_label.setBuddy(self.reason_edit)
        self.adjust_button = QtWidgets.QPushButton()
        self.adjust_button.setObjectName("adjustButton")
        self.adjust_note = QtWidgets.QLabel()
        self.adjust_note.setObjectName("keyHint")
        self.adjust_note.setWordWrap(True)
        form = QtWidgets.QFormLayout(adjust_page)
        form.addRow(self.adjust_member)
        form.addRow(self.points_label, self.points_edit)
        form.addRow(self.reason_label, self.reason_edit)
        form.addRow(self.adjust_button)
        form.addRow(self.adjust_note)
        # overdrafts
        overdraft_page = QtWidgets.QWidget()
        self.overdraft_table = table("overdraftTable")
        self.write_off_label = QtWidgets.QLabel()
        self.write_off_reason = QtWidgets.QLineEdit()
        self.write_off_reason.setObjectName("writeOffReason")
        self.write_off_reason.setMaxLength(200)
        self.write_off_label.setBuddy(self.write_off_reason)
        self.write_off_button = QtWidgets.QPushButton()
        self.write_off_button.setObjectName("writeOffButton")
        self.overdraft_note = QtWidgets.QLabel()
        self.overdraft_note.setObjectName("keyHint")
        self.overdraft_note.setWordWrap(True)
        column = QtWidgets.QVBoxLayout(overdraft_page)
        column.addWidget(self.overdraft_table, 1)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.write_off_label)
        row.addWidget(self.write_off_reason, 1)
        row.addWidget(self.write_off_button)
        column.addLayout(row)
        column.addWidget(self.overdraft_note)

        self.tabs.addTab(self.history_table, "")
        self.tabs.addTab(adjust_page, "")
        self.tabs.addTab(overdraft_page, "")
        # the ledger's flags
        actor = controller.actor
        self.flags_page = LedgerFlagsPage(
            flag_source or ledger_source(controller.terminal.settings.data_dir),
            actor.name if actor is not None and controller.is_supervisor else None,
            self,
        )
        self.flags_page.changed.connect(self._flags_counted)
        self._flag_count: int | None = None
        self.tabs.addTab(self.flags_page, "")
        # the member's bound phones (the member page)
        self.phones_page = PhonesPage(
            phone_source or ledger_phones(controller.terminal.settings.data_dir), self
        )
        self.tabs.addTab(self.phones_page, "")
        self.growth_page = GrowthDeskPage(
            controller, self, lambda: self.history.member_id if self.history else None
        )
        self.growth_page.changed.connect(
            lambda: self._reload(self.history.member_id) if self.history else None
        )
        self.tabs.addTab(self.growth_page, "")
        self.keys = QtWidgets.QLabel()
        self.keys.setObjectName("keyHint")
        self.keys.setWordWrap(True)

        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.member_label)
        top.addWidget(self.member_edit, 1)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(top)
        standing = QtWidgets.QHBoxLayout()  # one line: a short screen keeps its table rows
        standing.addWidget(self.summary, 1)
        standing.addWidget(self.scope)
        layout.addLayout(standing)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.keys)

        for button in (self.adjust_button, self.write_off_button):
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.member_edit.returnPressed.connect(self.load_history)
        self.points_edit.returnPressed.connect(self.reason_edit.setFocus)
        self.reason_edit.returnPressed.connect(self.confirm_adjust)
        self.adjust_button.clicked.connect(self.confirm_adjust)
        self.write_off_reason.returnPressed.connect(self.confirm_write_off)
        self.write_off_button.clicked.connect(self.confirm_write_off)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.shortcut("Ctrl+1", lambda: self.show_tab(0))
        self.shortcut("Ctrl+2", lambda: self.show_tab(1))
        self.shortcut("Ctrl+3", lambda: self.show_tab(2))
        self.shortcut("Ctrl+4", lambda: self.show_tab(3))
        self.shortcut("Ctrl+5", lambda: self.show_tab(4))
        self.shortcut("Ctrl+6", lambda: self.show_tab(5))
        self.shortcut("Ctrl+Return", self._confirm_current)
        self.shortcut("Ctrl+Enter", self._confirm_current)

        # Anyone types the change; a supervisor approves it in place with their PIN (pick).
        fit_to_window(self, 1100, 760)
        self.retranslate()

    # ------------------------------------------------------------------ navigation
    def start(self, member_id: str | None = None) -> None:
        """Open on the member at the counter (if any), with the member field armed."""
        self.refresh_overdrafts()
        if member_id:
            self.member_edit.setText(member_id)
            self.load_history()
        self.member_edit.setFocus()
        self.member_edit.selectAll()

    def scan_arrived(self, code: str) -> None:
        """A member code scanned while the desk is open (wherever its focus is) shows that
        member's history; the counter does not look it up behind the dialog."""
        self.member_edit.setText(code)
        self.load_history()

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

    def _tab_changed(self, index: int) -> None:
        if index == 1 and self.points_edit.isEnabled():
            self.points_edit.setFocus()
        elif index == 2:
            self.refresh_overdrafts()
            if self.overdraft_table.rowCount():
                self.overdraft_table.selectRow(0)
            self.overdraft_table.setFocus()
        elif index == 3:
            self.flags_page.load(self.history.member_id if self.history else None)
            self.flags_page.flag_table.setFocus()
        elif index == 4:
            self.phones_page.load(self.history.member_id if self.history else None)
            self.phones_page.phone_table.setFocus()
        else:
            self.member_edit.setFocus()

    def _confirm_current(self) -> None:
        if self.tabs.currentIndex() == 1:
            self.confirm_adjust()
        elif self.tabs.currentIndex() == 2:
            self.confirm_write_off()
        elif self.tabs.currentIndex() == 3:
            self.flags_page.resolve_selected()
        elif self.tabs.currentIndex() == 4:
            self.phones_page.remove_selected()
        else:
            self.load_history()

    # ------------------------------------------------------------------ history
    def load_history(self) -> None:
        query = self.member_edit.text().strip()
        if not query:
            return
        found = self.run(lambda: self.controller.desk_history(query))
        if not isinstance(found, MemberHistory):
            return
        if self.history is None or self.history.member_id != found.member_id:
            self._adjust_request = None
        self.history = found
        self.set_message(None)
        self._render_history()
        self.show_tab(0)
        self.history_table.setFocus()

    def _render_history(self) -> None:
        history = self.history
        if history is None:
            self.scope.setText("")
            self.summary.setText(self.tr("Type a member number or phone, then Enter."))
            fill(self.history_table, self._history_headers(), [])
            self.adjust_member.setText(self.tr("Show a member's history first (Ctrl+1)."))
            return
        owed = (
            self.tr(" · owes {n} points").format(n=num(history.open_overdraft))
            if history.open_overdraft
            else ""
        )
        self.summary.setText(
            self.tr("{name} ({member_id}) · balance {points} points").format(
                name=history.name, member_id=history.member_id, points=num(history.balance)
            )
            + owed
        )
        self.adjust_member.setText(
            self.tr("Adjust the points of {name} ({member_id})").format(
                name=history.name, member_id=history.member_id
            )
        )
        self.scope.setText(self._scope_text(history))

        def row(at: str, points: int, who: str, words: str) -> tuple[str, list[str]]:
            return at, [when(at), signed(points) if points else "", who, words]

        rows = [
            row(line.at, line.points, line.cashier_id or "", say(line)) for line in history.timeline
        ]
        own = self.controller.terminal_id
        rows += [  # this counter's own events are among its lines already
            row(event.at, event.points, "", say_elsewhere(event))
            for event in history.mall
            if event.terminal_id != own
        ]
        rows.sort(key=lambda item: datetime.fromisoformat(item[0]), reverse=True)
        fill(self.history_table, self._history_headers(), [cells for _, cells in rows])
        self._wrap_sentences()

    def _wrap_sentences(self) -> None:
        """The sentence column takes the width that is left and wraps there: a long line
        never pushes the points out of sight."""
        table = self.history_table
        table.setWordWrap(True)
        table.horizontalHeader().setSectionResizeMode(3, QtWidgets.QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()

    def _scope_text(self, history: MemberHistory) -> str:
        if history.scope == SCOPE_MALL:
            return self.tr("Every counter of the mall, as the ledger has it.")
        if history.scope == SCOPE_OFFLINE:
            return self.tr("This counter only: the ledger does not answer now.")
        return self.tr("This counter only.")

    def _history_headers(self) -> list[str]:
        return [self.tr("Time"), self.tr("Points"), self.tr("Cashier"), self.tr("What happened")]

    # ------------------------------------------------------------------ adjust
    def confirm_adjust(self) -> None:
        self._adjust(None)

    def _adjust(self, approver: Actor | None) -> None:
        """``approver``: the supervisor who approved in place (None: the one signed in)."""
        history = self.history
        if history is None:
            self.set_message("error", lambda: self.tr("Show a member's history first (Ctrl+1)."))
            self.show_tab(0)
            return
        text = self.points_edit.text().strip().replace("−", "-")
        try:
            points = int(text)
        except ValueError:
            self.set_message(
                "error",
                lambda: self.tr(
                    "Points: {text} is not a whole number; type e.g. 200 or -150."
                ).format(text=repr(text)),
            )
            self.points_edit.setFocus()
            return
        reason = self.reason_edit.text()
        if approver is None and not self.controller.is_supervisor:
            with_supervisor(
                self.controller,
                self,
                lambda: self.tr("A points adjustment"),
                self._adjust,
            )
            return
        if self._adjust_request is None:
            self._adjust_request = self.controller.new_request_id()
        request = self._adjust_request
        result = self.run(
            lambda: self.controller.adjust(request, history.member_id, points, reason, approver)
        )
        if not isinstance(result, AdjustResult):
            return
        self._adjust_request = None
        self.points_edit.clear()
        self.reason_edit.clear()
        self.set_message(
            "success",
            lambda: self.tr("Adjusted {points} points for {member_id}; balance {balance}.").format(
                points=signed(result.points),
                member_id=result.member_id,
                balance=num(result.balance),
            ),
        )
        self._reload(history.member_id)

    def _reload(self, member_id: str) -> None:
        found = self.run(lambda: self.controller.history(member_id))
        if isinstance(found, MemberHistory):
            self.history = found
            self._render_history()
        self.refresh_overdrafts()
        self.changed.emit()

    # ------------------------------------------------------------------ overdrafts
    def refresh_overdrafts(self) -> None:
        found = self.run(self.controller.overdrafts)
        if isinstance(found, list):
            self.items = found
        self._render_overdrafts()

    def _render_overdrafts(self) -> None:
        fill(
            self.overdraft_table,
            [
                self.tr("Member"),
                self.tr("Name"),
                self.tr("Points owed"),
                self.tr("Flagged"),
                self.tr("Why"),
            ],
            [
                [
                    item.member_id,
                    item.name,
                    num(item.points_owed),
                    when(item.flagged_at),
                    item.reason,
                ]
                for item in self.items
            ],
        )
        self.tabs.setTabText(2, self.tr("&3 Overdrafts ({n})").format(n=num(len(self.items))))

    def selected_overdraft(self) -> OverdraftItem | None:
        row = self.overdraft_table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def confirm_write_off(self) -> None:
        self._write_off(None)

    def _write_off(self, approver: Actor | None) -> None:
        item = self.selected_overdraft()
        if item is None:
            self.set_message("error", lambda: self.tr("Choose an overdraft with ↑ ↓ first."))
            self.overdraft_table.setFocus()
            return
        if approver is None and not self.controller.is_supervisor:
            with_supervisor(
                self.controller,
                self,
                lambda: self.tr("Writing off an overdraft"),
                self._write_off,
            )
            return
        if self._write_off_request is None:
            self._write_off_request = self.controller.new_request_id()
        request = self._write_off_request
        reason = self.write_off_reason.text()
        result = self.run(
            lambda: self.controller.write_off_overdraft(request, item.member_id, reason, approver)
        )
        if not isinstance(result, AdjustResult):
            return
        self._write_off_request = None
        self.write_off_reason.clear()
        self.set_message(
            "success",
            lambda: self.tr("Wrote off {points} points owed by {member_id}.").format(
                points=num(result.points), member_id=result.member_id
            ),
        )
        if self.history is not None and self.history.member_id == item.member_id:
            self._reload(item.member_id)
        else:
            self.refresh_overdrafts()
            self.changed.emit()

    # ------------------------------------------------------------------ the ledger's flags
    def _flags_counted(self, count: int) -> None:
        self._flag_count = count
        self._render_flag_tab()

    def _render_flag_tab(self) -> None:
        self.tabs.setTabText(
            3,
            self.tr("&4 Ledger flags")
            if self._flag_count is None
            else self.tr("&4 Ledger flags ({n})").format(n=num(self._flag_count)),
        )

    # ------------------------------------------------------------------ words
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Service desk"))
        self.title.setText(self.tr("Service desk (Ctrl+H)"))
        self.member_label.setText(self.tr("&Member"))
        self.member_edit.setPlaceholderText(self.tr("Member number or phone, then Enter"))
        self.tabs.setTabText(0, self.tr("&1 History"))
        self.tabs.setTabText(1, self.tr("&2 Adjust points"))
        self.points_label.setText(self.tr("&Points (+ or −)"))
        self.points_edit.setPlaceholderText(self.tr("e.g. 200 or -150"))
        self.reason_label.setText(self.tr("&Reason"))
        self.reason_edit.setPlaceholderText(self.tr("Why, in a few words (required)"))
        self.adjust_button.setText(self.tr("Adjust (Enter)"))
        self.write_off_label.setText(self.tr("R&eason"))
        self.write_off_reason.setPlaceholderText(self.tr("Why the member need not pay"))
        self.write_off_button.setText(self.tr("Write off (Enter)"))
        supervisor = self.controller.is_supervisor
        self.adjust_note.setText(
            self.tr("An adjustment is recorded with your name and the reason.")
            if supervisor
            else self.tr(
                "A supervisor approves an adjustment: Enter asks for their PIN here; nobody "
                "signs out."
            )
        )
        self.overdraft_note.setText(
            self.tr(
                "A write-off credits exactly what is owed; the ledger applies it as an "
                "adjustment. Otherwise the member's next points pay it off."
            )
            if supervisor
            else self.tr("A supervisor approves a write-off: Enter asks for their PIN here.")
        )
        self.keys.setText(
            self.tr(
                "Ctrl+1 History · Ctrl+2 Adjust · Ctrl+3 Overdrafts · Ctrl+4 Ledger flags · "
                "Ctrl+5 Phones · Ctrl+6 Growth · Enter confirms · Esc closes"
            )
        )
        self._render_history()
        self._render_overdrafts()
        self._render_flag_tab()
        self.flags_page.retranslate()
        self.tabs.setTabText(4, self.tr("&5 Phones"))
        self.phones_page.retranslate()
        self.tabs.setTabText(5, self.tr("&6 Growth"))
        self.growth_page.retranslate()
        super().retranslate()

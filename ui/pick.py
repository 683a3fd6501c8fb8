"""Find and pick at the counter: members by name or phone (recent ones first), and the
member's own coupons, so nobody types a code.

Keys: type, Enter searches; ↑ ↓ choose; Enter on a chosen line picks it; Esc backs out.
"""

from __future__ import annotations

from app.domain.errors import MemberDeskError
from app.services.search import MemberHit
from app.services.views import CouponView
from ui.controller import CounterController
from ui.flows import FlowDialog, label
from ui.i18n import rule_text
from ui.qt import QtCore, QtGui, QtWidgets

Qt = QtCore.Qt


class ListKeysEdit(QtWidgets.QLineEdit):
    """A line edit whose ↑ ↓ move a list below it (the hands stay where they type)."""

    stepped = QtCore.Signal(int)

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.stepped.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)


def move_row(widget: QtWidgets.QListWidget, step: int) -> None:
    row = widget.currentRow() + step
    if 0 <= row < widget.count():
        widget.setCurrentRow(row)
    elif widget.count() and widget.currentRow() < 0:
        widget.setCurrentRow(0)


class MemberSearchDialog(FlowDialog):
    """F11: the members served last, or those a name or phone finds; ``picked`` names one."""

    picked = QtCore.Signal(str)  # member id

    def __init__(self, controller: CounterController, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("memberSearchDialog")
        self.controller = controller
        self.hits: list[MemberHit] = []
        self.searched: str | None = None  # None: the recent members are listed
        self.query_label = QtWidgets.QLabel()
        self.query = ListKeysEdit()
        self.query.setObjectName("searchQuery")
        self.query_label.setBuddy(self.query)
        self.list_label = label("searchListLabel")
        self.list = QtWidgets.QListWidget()
        self.list.setObjectName("searchResults")
        self.query.stepped.connect(lambda step: move_row(self.list, step))
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.query_label)
        row.addWidget(self.query, 1)
        self.body.addLayout(row)
        self.body.addWidget(self.list_label)
        self.body.addWidget(self.list, 1)
        self.setMinimumSize(760, 560)
        self._show(self._recent(), None)
        self.query.setFocus()

    def _recent(self) -> list[MemberHit]:
        found = self.call(self.controller.recent_members)
        return found if isinstance(found, list) else []

    def _show(self, hits: list[MemberHit], searched: str | None) -> None:
        self.hits, self.searched = hits, searched
        self.retranslate()
        if hits:
            self.list.setCurrentRow(0)

    def confirm(self) -> None:
        text = self.query.text().strip()
        if text and text != self.searched:
            try:
                hits = self.controller.search_members(text)
            except MemberDeskError as error:
                self.show_error(error)
                return
            self.set_message(None)
            self._show(hits, text)
            return
        row = self.list.currentRow()
        if not 0 <= row < len(self.hits):
            self.set_message("error", lambda: self.tr("Nobody to pick: type a name or a phone."))
            return
        member_id = self.hits[row].member_id
        self.accept()
        self.picked.emit(member_id)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Find a member"))
        self.title.setText(self.tr("Find a member (F11)"))
        self.query_label.setText(self.tr("&Name or phone"))
        self.query.setPlaceholderText(
            self.tr("the beginning of the name, the phone, or its last 4 digits")
        )
        searched = self.searched
        if searched is None:
            self.list_label.setText(
                self.tr("Served last at this counter:")
                if self.hits
                else self.tr("Nobody served at this counter yet.")
            )
        elif self.hits:
            self.list_label.setText(
                self.tr("{n} found for {query}:").format(n=len(self.hits), query=repr(searched))
            )
        else:
            self.list_label.setText(
                self.tr("Nobody found for {query}. Check the spelling, or enroll (F2).").format(
                    query=repr(searched)
                )
            )
        row = self.list.currentRow()
        self.list.clear()
        for hit in self.hits:
            self.list.addItem(f"{hit.name}   {hit.phone}   {hit.member_id}")
        if row >= 0:
            self.list.setCurrentRow(min(row, self.list.count() - 1))
        self.keys.setText(self.tr("Enter search, then ↑ ↓ and Enter pick · Esc back"))
        super().retranslate()


class CouponPickerDialog(FlowDialog):
    """Ctrl+Shift+K at checkout: the member's coupons; ``picked`` names the chosen one's code."""

    picked = QtCore.Signal(str)

    def __init__(
        self, coupons: list[CouponView], name: str, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("couponPickerDialog")
        self.coupons = coupons
        self.member_name = name
        self.list = QtWidgets.QListWidget()
        self.list.setObjectName("couponList")
        self.body.addWidget(self.list, 1)
        self.setMinimumSize(700, 420)
        self.retranslate()
        if coupons:
            self.list.setCurrentRow(0)
        self.list.setFocus()

    def confirm(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.coupons):
            self.reject()
            return
        code = self.coupons[row].code
        self.accept()
        self.picked.emit(code)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Coupons"))
        self.title.setText(
            self.tr("{name}'s coupons").format(name=self.member_name)
            if self.coupons
            else self.tr("{name} has no coupons").format(name=self.member_name)
        )
        row = self.list.currentRow()
        self.list.clear()
        for coupon in self.coupons:
            self.list.addItem(
                self.tr("{name} · {code} · valid until {date}").format(
                    name=rule_text(coupon.name), code=coupon.code, date=coupon.valid_until
                )
            )
        if row >= 0:
            self.list.setCurrentRow(row)
        self.keys.setText(self.tr("↑ ↓ choose · Enter use this coupon · Esc back"))
        super().retranslate()

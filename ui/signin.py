"""Sign-in: pick a cashier with the arrow keys, type the PIN, Enter. Esc clears the PIN."""

from __future__ import annotations

from app.domain.errors import MemberDeskError
from app.services.context import Actor
from ui.controller import CounterController
from ui.messages import error_text
from ui.qt import QtCore, QtGui, QtWidgets

Qt = QtCore.Qt


class PinEdit(QtWidgets.QLineEdit):
    """The PIN field; Up/Down move the cashier list so the hands stay on the keypad."""

    move_selection = QtCore.Signal(int)
    escaped = QtCore.Signal()

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Up:
            self.move_selection.emit(-1)
        elif key == Qt.Key.Key_Down:
            self.move_selection.emit(1)
        elif key == Qt.Key.Key_Escape:
            self.escaped.emit()
        else:
            super().keyPressEvent(event)


class SignInPage(QtWidgets.QWidget):
    signed_in = QtCore.Signal(object)  # Actor

    def __init__(self, controller: CounterController, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("signInPage")
        self.title = QtWidgets.QLabel()
        self.title.setObjectName("pageTitle")
        self.list_label = QtWidgets.QLabel()
        self.cashier_list = QtWidgets.QListWidget()
        self.cashier_list.setObjectName("cashierList")
        self.pin_label = QtWidgets.QLabel()
        self.pin = PinEdit()
        self.pin.setObjectName("pinEdit")
        self.pin.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.list_label.setBuddy(self.cashier_list)
        self.pin_label.setBuddy(self.pin)
        self.hint = QtWidgets.QLabel()
        self.hint.setObjectName("keyHint")
        self.hint.setWordWrap(True)
        self.message = QtWidgets.QLabel()
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        self.message.setProperty("kind", "none")
        self.message.setMargin(4)
        self.sign_in_button = QtWidgets.QPushButton()
        self.sign_in_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        box = QtWidgets.QFrame()
        box.setObjectName("signInBox")
        form = QtWidgets.QVBoxLayout(box)
        form.setSpacing(12)
        form.addWidget(self.title)
        form.addWidget(self.list_label)
        form.addWidget(self.cashier_list, 1)
        form.addWidget(self.pin_label)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.pin, 1)
        row.addWidget(self.sign_in_button)
        form.addLayout(row)
        form.addWidget(self.message)
        form.addWidget(self.hint)
        box.setMinimumWidth(560)
        box.setMaximumWidth(760)

        outer = QtWidgets.QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 3)
        outer.addStretch(1)

        self.pin.returnPressed.connect(self.confirm)
        self.pin.move_selection.connect(self._move)
        self.pin.escaped.connect(self.clear_pin)
        self.cashier_list.itemActivated.connect(lambda _item: self.pin.setFocus())
        self.sign_in_button.clicked.connect(self.confirm)
        self._error: MemberDeskError | None = None
        self._scanned = False  # a member code was scanned before anyone signed in
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Sign in"))
        self.list_label.setText(self.tr("&Cashier (↑ ↓ to choose)"))
        self.pin_label.setText(self.tr("&PIN"))
        self.pin.setPlaceholderText(self.tr("Type your PIN"))
        self.sign_in_button.setText(self.tr("Sign in (Enter)"))
        self.hint.setText(self.tr("Enter signs in · Esc clears the PIN · F12 changes the language"))
        self._show_error()
        for row in range(self.cashier_list.count()):
            item = self.cashier_list.item(row)
            actor = item.data(Qt.ItemDataRole.UserRole)
            item.setText(self._cashier_text(actor))

    def _cashier_text(self, actor: Actor) -> str:
        roles = {
            "cashier": self.tr("cashier"),
            "supervisor": self.tr("supervisor"),
            "admin": self.tr("admin"),
        }
        return self.tr("{name} — {role}").format(
            name=actor.name, role=roles.get(actor.role, actor.role)
        )

    def load(self) -> None:
        """Fill the list of cashiers and arm the PIN field."""
        current = self.selected_cashier_id()
        self.cashier_list.clear()
        for actor in self.controller.cashiers():
            item = QtWidgets.QListWidgetItem(self._cashier_text(actor))
            item.setData(Qt.ItemDataRole.UserRole, actor)
            self.cashier_list.addItem(item)
        row = 0
        for i in range(self.cashier_list.count()):
            if self.cashier_list.item(i).data(Qt.ItemDataRole.UserRole).cashier_id == current:
                row = i
        if self.cashier_list.count():
            self.cashier_list.setCurrentRow(row)
        self.pin.clear()
        self._error = None
        self._scanned = False
        self._show_error()
        self.pin.setFocus()

    def select_cashier(self, cashier_id: str) -> bool:
        for i in range(self.cashier_list.count()):
            if self.cashier_list.item(i).data(Qt.ItemDataRole.UserRole).cashier_id == cashier_id:
                self.cashier_list.setCurrentRow(i)
                return True
        return False

    def selected_cashier_id(self) -> str | None:
        item = self.cashier_list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole).cashier_id)

    def _move(self, step: int) -> None:
        count = self.cashier_list.count()
        if count:
            row = max(0, min(count - 1, self.cashier_list.currentRow() + step))
            self.cashier_list.setCurrentRow(row)

    def clear_pin(self) -> None:
        self.pin.clear()
        self._error = None
        self._scanned = False
        self._show_error()
        self.pin.setFocus()

    def confirm(self) -> None:
        cashier_id = self.selected_cashier_id()
        if cashier_id is None:
            return
        try:
            actor = self.controller.sign_in(cashier_id, self.pin.text())
        except MemberDeskError as error:
            self._error = error
            self._scanned = False
            self._show_error()
            self.pin.clear()
            self.pin.setFocus()
            return
        self.pin.clear()
        self._error = None
        self._scanned = False
        self._show_error()
        self.signed_in.emit(actor)

    def scan_before_sign_in(self) -> None:
        """A member code was scanned on this page: say what to do first."""
        self._error = None
        self._scanned = True
        self._show_error()
        self.pin.setFocus()

    def _show_error(self) -> None:
        if self._error is None and self._scanned:
            self.message.setText(self.tr("Sign in first, then scan the member code again."))
            self.message.setProperty("kind", "error")
        elif self._error is None:
            self.message.setText("")
            self.message.setProperty("kind", "none")
        else:
            self.message.setText(
                self.tr("Not signed in: {message}").format(message=error_text(self._error))
            )
            self.message.setProperty("kind", "error")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

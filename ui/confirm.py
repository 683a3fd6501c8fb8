"""Asking before something cannot be taken back, and a supervisor's PIN in place.

- ``ConfirmDialog``: names the member and the amount; Enter confirms, Esc backs out. It is
  opened (not exec'd) over the dialog that asks, and calls back on Enter only.
- ``SupervisorDialog``: a supervisor picks themselves with ↑ ↓ and types their PIN at the
  cashier's counter; nobody signs out. The approval (and every wrong PIN, which counts
  towards the lockout) is in the audit log, naming both.
"""

from __future__ import annotations

from collections.abc import Callable

from app.services.context import Actor
from ui.controller import CounterController
from ui.flows import FlowDialog, label
from ui.qt import QtCore, QtGui, QtWidgets

Qt = QtCore.Qt


class ConfirmDialog(FlowDialog):
    """One question; ``on_yes`` runs after the dialog has closed with Enter."""

    def __init__(
        self,
        parent: QtWidgets.QWidget | None,
        title: Callable[[], str],
        question: Callable[[], str],
        on_yes: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("confirmDialog")
        self._title, self._question, self._on_yes = title, question, on_yes
        self.question = label("confirmQuestion")
        self.question.setObjectName("flowBig")
        self.body.addWidget(self.question)
        self.body.addStretch(1)
        self.setMinimumWidth(640)
        self.retranslate()

    def confirm(self) -> None:
        self.accept()
        self._on_yes()

    def retranslate(self) -> None:
        self.setWindowTitle(self._title())
        self.title.setText(self._title())
        self.question.setText(self._question())
        self.keys.setText(self.tr("Enter yes, go ahead · Esc no, back"))
        super().retranslate()


def ask(
    parent: QtWidgets.QWidget,
    title: Callable[[], str],
    question: Callable[[], str],
    on_yes: Callable[[], None],
) -> ConfirmDialog:
    """Open the question over ``parent``; it deletes itself when closed."""
    dialog = ConfirmDialog(parent, title, question, on_yes)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.finished.connect(lambda _code: parent.activateWindow())  # the keys go back there
    dialog.open()
    dialog.activateWindow()
    return dialog


class _PinEdit(QtWidgets.QLineEdit):
    """Up/Down move the supervisor list, so the hands stay on the keypad."""

    stepped = QtCore.Signal(int)

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.stepped.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)


class SupervisorDialog(FlowDialog):
    """A supervisor approves ``action`` with their PIN; ``approved`` carries them."""

    approved = QtCore.Signal(object)  # Actor

    def __init__(
        self,
        controller: CounterController,
        parent: QtWidgets.QWidget | None,
        action: Callable[[], str],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("supervisorDialog")
        self.controller = controller
        self._action = action
        # supervisors first, then admins (who may approve too)
        self.supervisors = sorted(
            (a for a in controller.cashiers() if a.role in ("supervisor", "admin")),
            key=lambda a: a.role != "supervisor",
        )
        self.what = label("supervisorWhat")
        self.list_label = QtWidgets.QLabel()
        self.list = QtWidgets.QListWidget()
        self.list.setObjectName("supervisorList")
        self.list_label.setBuddy(self.list)
        self.pin_label = QtWidgets.QLabel()
        self.pin = _PinEdit()
        self.pin.setObjectName("supervisorPin")
        self.pin.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin_label.setBuddy(self.pin)
        self.pin.stepped.connect(self._move)
        for widget in (self.what, self.list_label, self.list, self.pin_label, self.pin):
            self.body.addWidget(widget)
        for supervisor in self.supervisors:
            self.list.addItem(f"{supervisor.name} ({supervisor.cashier_id})")
        self.list.setCurrentRow(0)
        self.setMinimumSize(640, 480)
        self.retranslate()
        self.pin.setFocus()

    def _move(self, step: int) -> None:
        row = self.list.currentRow() + step
        if 0 <= row < self.list.count():
            self.list.setCurrentRow(row)

    def confirm(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.supervisors):
            self.set_message("error", lambda: self.tr("There is no supervisor on this terminal."))
            return
        supervisor_id, pin = self.supervisors[row].cashier_id, self.pin.text()
        self.pin.clear()
        found = self.call(lambda: self.controller.approve(supervisor_id, pin, self._action()))
        if isinstance(found, Actor):
            self.accept()
            self.approved.emit(found)
        else:
            self.pin.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Supervisor approval"))
        self.title.setText(self.tr("A supervisor approves"))
        self.what.setText(
            self.tr("{action}: a supervisor types their PIN here; nobody signs out.").format(
                action=self._action()
            )
        )
        self.list_label.setText(self.tr("&Supervisor (↑ ↓)"))
        self.pin_label.setText(self.tr("&PIN"))
        self.keys.setText(self.tr("↑ ↓ supervisor · type the PIN · Enter approve · Esc cancel"))
        super().retranslate()


def with_supervisor(
    controller: CounterController,
    parent: QtWidgets.QWidget,
    action: Callable[[], str],
    then: Callable[[Actor], None],
) -> None:
    """Run ``then`` with the signed-in supervisor, or with one who approves in place."""
    actor = controller.actor
    if actor is not None and controller.is_supervisor:
        then(actor)
        return
    dialog = SupervisorDialog(controller, parent, action)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.finished.connect(lambda _code: parent.activateWindow())
    dialog.approved.connect(then)
    dialog.open()
    dialog.activateWindow()

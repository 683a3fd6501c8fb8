"""The service desk's growth page (Ctrl+6): a check-in, a review of a purchase, real-name
verification by a supervisor, and the win-back coupon, for the member the desk shows."""

from __future__ import annotations

from collections.abc import Callable

from app.services.views import Given
from ui.card import num
from ui.controller import CounterController
from ui.dialogs import DeskDialog
from ui.qt import QtCore, QtWidgets

Qt = QtCore.Qt


class GrowthDeskPage(QtWidgets.QWidget):
    changed = QtCore.Signal()  # points or coupons moved: the desk re-reads the member

    def __init__(
        self,
        controller: CounterController,
        desk: DeskDialog,
        member_id: Callable[[], str | None],
    ) -> None:
        super().__init__(desk)
        self.setObjectName("growthPage")
        self.controller = controller
        self.desk = desk
        self.member_id = member_id
        self._requests: dict[str, str] = {}  # action -> request id, kept until it succeeds

        self.checkin_button = self._button("checkinButton", lambda: self._record("checkin"))
        self.receipt_label = QtWidgets.QLabel()
        self.receipt_edit = QtWidgets.QLineEdit()
        self.receipt_edit.setObjectName("reviewReceipt")
        self.receipt_edit.setMaxLength(40)
        self.receipt_label.setBuddy(self.receipt_edit)
        self.review_button = self._button("reviewButton", lambda: self._record("review"))
        self.id_label = QtWidgets.QLabel()
        self.id_edit = QtWidgets.QLineEdit()
        self.id_edit.setObjectName("idNumber")
        self.id_edit.setMaxLength(22)
        self.id_label.setBuddy(self.id_edit)
        self.doc_name_label = QtWidgets.QLabel()
        self.doc_name_edit = QtWidgets.QLineEdit()
        self.doc_name_edit.setObjectName("documentName")
        self.doc_name_edit.setMaxLength(80)
        self.doc_name_label.setBuddy(self.doc_name_edit)
        self.verify_button = self._button("verifyButton", self.verify)
        self.winback_button = self._button("winbackButton", self.winback)
        self.note = QtWidgets.QLabel()
        self.note.setObjectName("keyHint")
        self.note.setWordWrap(True)

        form = QtWidgets.QFormLayout(self)
        form.addRow(self.checkin_button)
        form.addRow(self.receipt_label, self.receipt_edit)
        form.addRow(self.review_button)
        form.addRow(self.id_label, self.id_edit)
        form.addRow(self.doc_name_label, self.doc_name_edit)
        form.addRow(self.verify_button)
        form.addRow(self.winback_button)
        form.addRow(self.note)
        self.receipt_edit.returnPressed.connect(lambda: self._record("review"))
        self.id_edit.returnPressed.connect(self.doc_name_edit.setFocus)
        self.doc_name_edit.returnPressed.connect(self.verify)
        supervisor = controller.is_supervisor
        for widget in (self.id_edit, self.doc_name_edit, self.verify_button):
            widget.setEnabled(supervisor)
        self.retranslate()

    def _button(self, name: str, handler: Callable[[], object]) -> QtWidgets.QPushButton:
        button = QtWidgets.QPushButton()
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(handler)
        return button

    def _member(self) -> str | None:
        member = self.member_id()
        if member is None:
            self.desk.set_message("error", lambda: self.tr("Show a member first (Ctrl+1)."))
        return member

    def _request(self, action: str) -> str:
        return self._requests.setdefault(action, self.controller.new_request_id())

    def _call(self, action: str, work: Callable[[str, str], Given]) -> Given | None:
        member = self._member()
        actor = self.controller.actor
        if member is None or actor is None:
            return None
        request = self._request(action)
        done = self.desk.run(lambda: work(request, member))
        if not isinstance(done, Given):
            return None
        del self._requests[action]
        self.changed.emit()
        return done

    # ------------------------------------------------------------------ actions
    def _record(self, activity: str) -> None:
        controller = self.controller
        receipt = self.receipt_edit.text().strip() or None if activity == "review" else None
        done = self._call(
            f"{activity}:{receipt}",
            lambda request, member: controller.record_activity(request, member, activity, receipt),
        )
        if done is not None:
            self.receipt_edit.clear()
            self.desk.set_message("success", lambda: self._said(done))

    def verify(self) -> None:
        controller = self.controller
        number, name = self.id_edit.text(), self.doc_name_edit.text()
        done = self._call(
            "verify",
            lambda request, member: controller.verify_real_name(request, member, number, name),
        )
        if done is not None:
            self.id_edit.clear()
            self.doc_name_edit.clear()
            self.desk.set_message("success", lambda: self.tr("Real name verified."))

    def winback(self) -> None:
        controller = self.controller
        done = self._call("winback", controller.issue_winback)
        if done is not None:
            self.desk.set_message("success", lambda: self._said(done))

    def _said(self, done: Given) -> str:
        names = {
            "checkin": self.tr("Check-in recorded"),
            "review": self.tr("Review recorded"),
            "winback": self.tr("Win-back coupon given"),
        }
        text = names.get(done.what, done.what)
        if done.points:
            text += ": " + self.tr("+{points} points").format(points=num(done.points))
        if done.coupons:
            text += " · " + self.tr("coupon {code}").format(code=", ".join(done.coupons))
        return text

    def retranslate(self) -> None:
        self.checkin_button.setText(self.tr("Record a chec&k-in"))
        self.receipt_label.setText(self.tr("Re&ceipt reviewed"))
        self.receipt_edit.setPlaceholderText(self.tr("Receipt number of the purchase"))
        self.review_button.setText(self.tr("Record the review"))
        self.id_label.setText(self.tr("&ID number"))
        self.id_edit.setPlaceholderText(self.tr("18 characters, from the document"))
        self.doc_name_label.setText(self.tr("&Name on the document"))
        self.verify_button.setText(self.tr("Verify the real name"))
        self.winback_button.setText(self.tr("Give the &win-back coupon"))
        self.note.setText(
            self.tr(
                "Check the document in person. Only the last 4 characters of the ID number "
                "are kept. Reviews and check-ins count a few a day at most."
            )
            if self.controller.is_supervisor
            else self.tr("Only a supervisor can verify a real name. Ask a supervisor to sign in.")
        )

"""Find and recover at the counter, wired into the window: F11 find a member (recent ones
first), Ctrl+Shift+U undo the last redemption (asked first), and at checkout Ctrl+Shift+A
use all the points the sale allows and Ctrl+Shift+K pick one of the member's coupons.

(Not Ctrl+Z, Ctrl+U, Ctrl+K: a line edit takes those for its own undo and line deletion.)"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from app.domain.errors import MemberDeskError
from app.services.undo import LastRedemption, UndoResult
from ui.card import num
from ui.confirm import ask
from ui.flows import FlowDialog
from ui.i18n import rule_text
from ui.pick import CouponPickerDialog, MemberSearchDialog
from ui.qt import QtCore, QtGui, QtWidgets

if TYPE_CHECKING:
    from ui.window import CounterWindow

Qt = QtCore.Qt


class CounterPicks(QtCore.QObject):
    def __init__(self, window: CounterWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.dialog: FlowDialog | None = None
        self.search_action = window._action(self.find_member, "F11")
        self.undo_action = window._action(self.undo_redemption, "Ctrl+Shift+U")
        checkout = window.counter.checkout
        self.all_points = self._checkout_key(checkout, "Ctrl+Shift+A", self.use_all_points)
        self.coupons = self._checkout_key(checkout, "Ctrl+Shift+K", self.pick_coupon)
        window.counter_menu.insertAction(window.checkout_action, self.search_action)
        window.counter_menu.addAction(self.undo_action)
        self.keys = QtWidgets.QLabel()
        self.keys.setObjectName("keyHint")  # styled as the counter's own key hint
        self.keys.setWordWrap(True)
        window.counter.bottom.addWidget(self.keys)

    @staticmethod
    def _checkout_key(
        panel: QtWidgets.QWidget, key: str, handler: Callable[[], None]
    ) -> QtGui.QShortcut:
        shortcut = QtGui.QShortcut(QtGui.QKeySequence(key), panel)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(handler)
        return shortcut

    def _free(self) -> bool:
        window = self.window
        return (
            window.on_counter()
            and self.dialog is None
            and window.flows.dialog is None
            and QtWidgets.QApplication.activeModalWidget() is None
        )

    def _open(self, dialog: FlowDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _code: self._closed(dialog))
        dialog.open()
        dialog.activateWindow()

    def _closed(self, dialog: FlowDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        self.window.activateWindow()

    # ------------------------------------------------------------------ find a member
    def find_member(self) -> None:
        if not self._free():
            return
        dialog = MemberSearchDialog(self.controller, self.window)
        dialog.picked.connect(self._picked)
        dialog.finished.connect(lambda _code: self.window.arm_scan())
        self._open(dialog)

    def _picked(self, member_id: str) -> None:
        self.window.counter.scan.setText(member_id)
        self.window.look_up()

    # ------------------------------------------------------------------ undo
    def undo_redemption(self) -> None:
        if not self._free():
            return
        window = self.window
        try:
            last = self.controller.last_redemption()
        except MemberDeskError as error:
            window.show_error(error)
            return
        if last is None:
            window.set_message("error", lambda: self.tr("There is no redemption to undo."))
            return
        ask(
            window,
            lambda: self.tr("Undo the redemption?"),
            lambda: self._undo_question(last),
            self._undo,
        )

    def _undo_question(self, last: LastRedemption) -> str:
        what = (
            self.tr("the gift {name}").format(name=rule_text(self._gift_name(last.item)))
            if last.kind == "gift"
            else self.tr("points off an order")
        )
        question = self.tr("Give {points} points back to {name} ({member_id}) for {what}?").format(
            points=num(last.points), name=last.name, member_id=last.member_id, what=what
        )
        if last.kind == "gift":
            question += " " + self.tr("Take the gift back first.")
        return question

    def _gift_name(self, code: str | None) -> str:
        for gift in self.controller.gifts():
            if gift.code == code:
                return gift.name
        return code or ""

    def _undo(self) -> None:
        window = self.window
        try:
            result = self.controller.undo_redemption()
        except MemberDeskError as error:
            window.show_error(error)
            window.arm_scan()
            return
        except Exception as error:
            window.show_unexpected(error)
            return
        if self.controller.card is not None:
            window.counter.card.show_card(self.controller.card)
        window.set_message("success", lambda: self._undone_text(result))
        window._update_status()
        window.arm_scan()

    def _undone_text(self, result: UndoResult) -> str:
        return self.tr(
            "Redemption undone: {points} points are back with {member_id}; balance {balance} "
            "points."
        ).format(points=num(result.points), member_id=result.member_id, balance=num(result.balance))

    # ------------------------------------------------------------------ at checkout
    def use_all_points(self) -> None:
        window, panel, card = self.window, self.window.counter.checkout, self.controller.card
        if card is None:
            return
        panel.points_edit.clear()
        panel.update_quote()
        quote = panel.quote
        if quote is None:
            window.set_message(
                "error",
                lambda: self.tr(
                    "Type the amounts first; then Ctrl+Shift+A uses all the points allowed."
                ),
            )
            return
        points = max(0, min(quote.max_points_usable, card.points))
        panel.points_edit.setText(str(points))
        panel.points_edit.textEdited.emit(str(points))  # re-quotes, as typing would
        panel.points_edit.setFocus()
        window.set_message(
            "info",
            lambda: self.tr("{n} points used: all this sale allows.").format(n=num(points)),
        )

    def pick_coupon(self) -> None:
        card = self.controller.card
        if card is None or self.dialog is not None:
            return
        dialog = CouponPickerDialog(list(card.coupons), card.name, self.window)
        dialog.picked.connect(self._coupon_picked)
        dialog.finished.connect(lambda _code: self.window.counter.checkout.coupon_edit.setFocus())
        self._open(dialog)

    def _coupon_picked(self, code: str) -> None:
        edit = self.window.counter.checkout.coupon_edit
        edit.setText(code)
        edit.textEdited.emit(code)

    def retranslate(self) -> None:
        self.search_action.setText(self.tr("Find a member by name or phone"))
        self.undo_action.setText(self.tr("Undo the last redemption"))
        if self.dialog is not None:
            self.dialog.retranslate()
        self.keys.setText(
            self.tr(
                "F11 Find by name/phone · Ctrl+Shift+U Undo redemption · at checkout: "
                "Ctrl+Shift+A all points, Ctrl+Shift+K coupons"
            )
        )

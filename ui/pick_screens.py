"""Screenshots of find, pick, confirm and approve (called by ``ui.screenshots``): the member
search (recent members, then a search), the coupon picker, the questions before a
redemption, a full refund and an undo, and a supervisor's PIN in place."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ui.confirm import ConfirmDialog, SupervisorDialog
from ui.flows import FlowDialog
from ui.pick import CouponPickerDialog, MemberSearchDialog
from ui.qt import QtCore, QtWidgets
from ui.redeem import RedeemDialog
from ui.refund import RefundDialog

if TYPE_CHECKING:
    from ui.window import CounterWindow


def _show(dialog: FlowDialog, app: QtCore.QCoreApplication) -> FlowDialog:
    dialog.show()
    dialog.adjustSize()
    dialog.resize(max(dialog.width(), 900), max(dialog.height(), 560))
    for _ in range(5):
        app.processEvents()
    return dialog


def _small(dialog: FlowDialog, app: QtCore.QCoreApplication) -> FlowDialog:
    """A question at the size the cashier sees it."""
    dialog.adjustSize()
    for _ in range(5):
        app.processEvents()
    return dialog


def _question(owner: QtWidgets.QWidget) -> ConfirmDialog:
    """The confirmation ``owner`` has just opened."""
    found = [d for d in owner.findChildren(ConfirmDialog) if d.isVisible()]
    assert found, "no question was asked"
    return found[-1]


def render_picks(window: CounterWindow, save: Callable[[str, object], Path]) -> None:
    app = QtCore.QCoreApplication.instance()
    assert app is not None
    controller = window.controller
    terminal = controller.terminal

    search = MemberSearchDialog(controller, window)
    save("find_recent", _show(search, app))
    search.query.setText("8005")
    search.confirm()
    save("find_member", _show(search, app))
    search.close()

    actor = terminal.actor("lin")
    if not terminal.card("M000003").coupons:
        terminal.redeem("shots-coupon", actor, "M000003", "coupon", item="DINE10P")
    card = terminal.card("M000003")
    coupons = CouponPickerDialog(list(card.coupons), card.name, window)
    save("coupons", _show(coupons, app))
    coupons.close()

    # the questions, asked as the cashier meets them
    window.counter.scan.setText("M000005")
    window.look_up()
    redeem = RedeemDialog(controller, window, online=False)
    redeem.list.setCurrentRow(0)
    _show(redeem, app)
    redeem.confirm()
    question = _question(redeem)
    save("confirm_redeem", _small(question, app))
    question.reject()
    redeem.close()

    refund = RefundDialog(controller, window)
    _show(refund, app)
    refund.receipt.setText("T01-0000044")
    refund.confirm()  # shows the purchase
    refund.confirm()  # the amount empty: all that is left, asked first
    question = _question(refund)
    save("confirm_refund", _small(question, app))
    question.reject()
    refund.close()

    terminal.redeem("shots-undo", actor, "M000005", "gift", item="tote")
    window.picks.undo_redemption()
    question = _question(window)
    save("confirm_undo", _small(question, app))
    question.reject()

    approve = SupervisorDialog(
        controller,
        window,
        lambda: QtCore.QCoreApplication.translate("ServiceDeskDialog", "A points adjustment"),
    )
    approve.pin.setText("12")
    save("supervisor", _show(approve, app))
    approve.close()

"""Screenshots of the counter flows (called by ``ui.screenshots``): enroll, the member card
QR, PLUS, redeem, refund and the customer display, in the current language."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app.services.context import FixedClock
from ui.enroll import CardCodeDialog, EnrollDialog
from ui.flows import FlowDialog
from ui.phone_binding import PhoneBindingDialog
from ui.plus import PlusDialog
from ui.qt import QtCore, QtWidgets
from ui.redeem import RedeemDialog
from ui.refund import RefundDialog

if TYPE_CHECKING:
    from ui.window import CounterWindow

# A binding link of the shape the ledger gives (docs/member-phone.md).
SAMPLE_BINDING = "https://members.example-mall.com/phone/#bind=QK3VZ7MN2XRT5LWP4HYD6CJ8AB"
# A card code of the documented shape (docs/member-codes.md); it only has to look real here.
SAMPLE_CODE = "MD1C.K1.JUYDAMBQGAZQ.7QGNBRXHKMH4TT3JSPZ2BQ6H5QDE3D6BJUW3L4QJ5HVNFQX4M2AQ"


def _show(dialog: FlowDialog, app: QtCore.QCoreApplication) -> FlowDialog:
    dialog.show()
    dialog.adjustSize()
    dialog.resize(max(dialog.width(), 900), max(dialog.height(), 560))
    for _ in range(5):
        app.processEvents()
    return dialog


def render_flows(window: CounterWindow, save: Callable[[str, object], Path]) -> None:
    app = QtCore.QCoreApplication.instance()
    assert app is not None
    controller = window.controller
    flows = window.flows

    enroll = EnrollDialog(controller, window)
    dialog: FlowDialog = enroll
    enroll.phone.setText("13912345678")
    enroll.name.setText("陈静")
    enroll.birthday.setText("1990-05-17")
    dialog.confirm()  # without consent: shows what the cashier must ask
    save("enroll", _show(dialog, app))
    dialog.close()

    window.counter.scan.setText("M000003")
    window.look_up()
    card = controller.card
    assert card is not None
    flows.codes.codes[card.member_id] = SAMPLE_CODE
    dialog = CardCodeDialog(card, flows.codes, window, just_enrolled=True)
    save("card_code", _show(dialog, app))
    dialog.close()

    # Ctrl+B from the card: the phone's binding QR, as the ledger's answer shows it.
    binding = PhoneBindingDialog(card, None, flows.customer_display, window)
    binding._ready((SAMPLE_BINDING, "2026-11-24T02:05:00+00:00"))
    save("phone_binding", _show(binding, app))
    binding.close()

    dialog = PlusDialog(controller, window)
    save("plus", _show(dialog, app))
    dialog.close()

    window.counter.scan.setText("M000002")
    window.look_up()
    redeem = RedeemDialog(controller, window, online=False)
    redeem.list.setCurrentRow(2)
    redeem.caps.setVisible(True)  # as on a paired terminal that is offline
    save("redeem", _show(redeem, app))
    redeem.close()

    refund = RefundDialog(controller, window)
    refund.receipt.setText("T01-0000044")
    refund.confirm()  # shows the purchase
    refund.amount.setText("100")
    save("refund", _show(refund, app))
    refund.close()

    display = flows.customer_display
    checkout = window.counter.checkout
    window.counter.scan.setText("M000003")
    window.look_up()
    checkout.amount_edits["grocery"].setText("128.50")
    checkout.update_quote()
    window.confirm_award()
    display.refresh()
    display.show()
    for _ in range(5):
        app.processEvents()
    save("customer_display", display)
    display.hide()
    QtWidgets.QApplication.processEvents()
    _render_plus_renewal(window, save, app)


def _render_plus_renewal(
    window: CounterWindow, save: Callable[[str, object], Path], app: QtCore.QCoreApplication
) -> None:
    """A PLUS member 17 days before the end of the term: the saving this term and the renewal
    prompt, in the PLUS dialog and on the customer display (the demo's clock, moved and put
    back: the other pictures keep their day)."""
    clock = window.controller.terminal.ctx.clock
    if not isinstance(clock, FixedClock):
        return
    was = clock.current
    try:
        clock.advance(days=147)  # 2027-04-20; M000001's PLUS ends 2027-05-07
        window.counter.scan.setText("M000001")
        window.look_up()
        dialog = PlusDialog(window.controller, window)
        save("plus_renewal", _show(dialog, app))
        dialog.close()
        display = window.flows.customer_display
        display.refresh()
        display.show()
        for _ in range(5):
            app.processEvents()
        save("customer_display_plus", display)
        display.hide()
        window.controller.clear_member()
        QtWidgets.QApplication.processEvents()
    finally:
        clock.current = was

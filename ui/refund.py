"""Refund a purchase by its receipt number, in full or in part.

Today's receipts are listed: ↑ ↓ in the receipt field pick one (or type or scan its number).
Enter on the receipt number shows the purchase; Enter again refunds (the amount empty: all
that is left, asked first). The result says the points taken back and given back, and warns
when earned points were already spent (an overdraft the service desk follows up).
"""

from __future__ import annotations

from app.domain.errors import MemberDeskError
from app.services.lookups import RefundPreview, TodayReceipt
from app.services.views import RefundResult
from ui.amounts import parse_yuan
from ui.card import money, num
from ui.confirm import ask
from ui.controller import CounterController
from ui.flows import FlowDialog, label
from ui.i18n import rule_text
from ui.pick import ListKeysEdit, move_row
from ui.qt import QtCore, QtWidgets

Qt = QtCore.Qt


class RefundDialog(FlowDialog):
    refunded = QtCore.Signal(object)  # a function giving the success text

    def __init__(self, controller: CounterController, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("refundDialog")
        self.controller = controller
        self.preview: RefundPreview | None = None
        self.result_: RefundResult | None = None
        self.receipt_label = QtWidgets.QLabel()
        self.receipt = ListKeysEdit()
        self.receipt.setObjectName("refundReceipt")
        self.receipt.stepped.connect(self._move_receipt)
        self.receipt.textEdited.connect(self._receipt_edited)
        self.amount_label = QtWidgets.QLabel()
        self.amount = QtWidgets.QLineEdit()
        self.amount.setObjectName("refundAmount")
        self.receipt_label.setBuddy(self.receipt)
        self.amount_label.setBuddy(self.amount)
        form = QtWidgets.QFormLayout()
        form.addRow(self.receipt_label, self.receipt)
        form.addRow(self.amount_label, self.amount)
        self.details = label("refundDetails")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.outcome = label("refundOutcome")
        self.outcome.setObjectName("flowBig")
        self.warning = label("refundWarning")
        self.today_label = label("refundTodayLabel")
        self.today = QtWidgets.QListWidget()
        self.today.setObjectName("refundToday")
        self.today.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # ↑ ↓ in the receipt field move it
        self.today.setMaximumHeight(150)
        found = self.call(controller.receipts_today)
        self.receipts: list[TodayReceipt] = found if isinstance(found, list) else []
        self.body.addLayout(form)
        self.body.addWidget(self.today_label)
        self.body.addWidget(self.today)
        self.body.addWidget(self.details, 1)
        self.body.addWidget(self.outcome)
        self.body.addWidget(self.warning)
        self.setMinimumSize(820, 600)
        self.retranslate()
        self.receipt.setFocus()

    def _move_receipt(self, step: int) -> None:
        if self.finished_ok or not self.receipts:
            return
        move_row(self.today, step)
        row = self.today.currentRow()
        if 0 <= row < len(self.receipts):
            self.receipt.setText(self.receipts[row].receipt_no)
            self._receipt_edited(self.receipt.text())

    def _receipt_edited(self, _text: str) -> None:
        if self.preview is not None and not self.finished_ok:
            self.preview = None  # another receipt: show it before refunding anything
            self.retranslate()

    def _amount_fen(self) -> int | None:
        text = self.amount.text().strip()
        if not text:
            return None
        return parse_yuan(text, self.tr("Refund amount"))

    def confirm(self) -> None:
        if self.finished_ok:
            self.accept()
            return
        receipt_no = self.receipt.text().strip()
        if not receipt_no:
            self.set_message("error", lambda: self.tr("Type or scan the receipt number."))
            self.receipt.setFocus()
            return
        if self.preview is None or self.preview.receipt.receipt_no != receipt_no:
            preview = self.call(lambda: self.controller.refund_preview(receipt_no))
            if not isinstance(preview, RefundPreview):
                self.receipt.selectAll()
                return
            self.preview = preview
            self.set_message(
                "info",
                lambda: self.tr(
                    "Check the purchase. Type an amount for a part refund, or leave it empty "
                    "for all that is left; Enter refunds."
                ),
            )
            self.retranslate()
            self.amount.setFocus()
            return
        try:
            amount = self._amount_fen()
        except MemberDeskError as error:
            self.show_error(error)
            self.amount.setFocus()
            self.amount.selectAll()
            return
        if amount is None:  # all that is left: asked first
            receipt, left = self.preview.receipt, self.preview.refundable_fen
            ask(
                self,
                lambda: self.tr("Refund in full?"),
                lambda: self.tr(
                    "Refund all {amount} of receipt {receipt} to {name} ({member_id})?"
                ).format(
                    amount=money(left),
                    receipt=receipt.receipt_no,
                    name=receipt.member_name,
                    member_id=receipt.member_id,
                ),
                lambda: self._refund(receipt_no, None),
            )
            return
        self._refund(receipt_no, amount)

    def _refund(self, receipt_no: str, amount: int | None) -> None:
        if self.finished_ok:
            return
        try:
            result = self.controller.refund(receipt_no, amount)
        except MemberDeskError as error:
            self.show_error(error)
            self.amount.setFocus()
            self.amount.selectAll()
            return
        except Exception as error:
            self.show_unexpected(error)
            return
        self.result_ = result
        self.finished_ok = True
        self.receipt.setEnabled(False)
        self.amount.setEnabled(False)
        self.set_message("success", self._result_text)
        self.retranslate()
        self.refunded.emit(self._result_text)
        self.setFocus()

    def _result_text(self) -> str:
        result = self.result_
        if result is None:
            return ""
        text = self.tr(
            "Refunded {amount} of receipt {receipt}: {clawed} points taken back, {returned} "
            "points given back; balance {balance} points."
        ).format(
            amount=money(result.amount_fen),
            receipt=result.receipt_no,
            clawed=num(result.points_clawed_back),
            returned=num(result.points_returned),
            balance=num(result.balance),
        )
        if result.overdraft_points:
            text += " " + self.tr(
                "{n} earned points were already spent: the member owes them (overdraft)."
            ).format(n=num(result.overdraft_points))
        return text

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Refund"))
        self.title.setText(self.tr("Refund a receipt (F7)"))
        self.receipt_label.setText(self.tr("&Receipt number"))
        self.receipt.setPlaceholderText(
            self.tr("↑ ↓ today's receipts, or type or scan one, then Enter")
        )
        self.today_label.setText(
            self.tr("Today's receipts here (newest first):")
            if self.receipts
            else self.tr("No receipts here today.")
        )
        row = self.today.currentRow()
        self.today.clear()
        for listed in self.receipts:
            line = self.tr("{receipt} · {time} · {name} {member_id} · {paid}").format(
                receipt=listed.receipt_no,
                time=listed.at[11:16],
                name=listed.member_name,
                member_id=listed.member_id,
                paid=money(listed.payable_fen),
            )
            if listed.refunded_fen:
                line += " · " + self.tr("refunded {amount}").format(
                    amount=money(listed.refunded_fen)
                )
            self.today.addItem(line)
        if row >= 0:
            self.today.setCurrentRow(row)
        self.amount_label.setText(self.tr("&Amount ¥"))
        self.amount.setPlaceholderText(self.tr("empty: refund all that is left"))
        self.amount.setEnabled(self.preview is not None and not self.finished_ok)
        preview = self.preview
        if preview is None:
            self.details.setText(self.tr("Type the receipt number and press Enter."))
        else:
            r = preview.receipt
            rows = [
                self.tr("Receipt {receipt} · {at} · cashier {cashier}").format(
                    receipt=r.receipt_no, at=r.at[:16].replace("T", " "), cashier=r.cashier
                ),
                self.tr("Member {member_id} {name}").format(
                    member_id=r.member_id, name=r.member_name
                ),
                *(f"  {rule_text(line.category)}  {money(line.amount_fen)}" for line in r.lines),
                self.tr("Paid {paid} (subtotal {subtotal}, saved {saved})").format(
                    paid=money(r.payable_fen),
                    subtotal=money(r.subtotal_fen),
                    saved=money(r.savings_fen),
                ),
                self.tr("Points earned {earned} · points used {used}").format(
                    earned=num(r.points_earned), used=num(r.points_used)
                ),
            ]
            if r.coupon_code:
                rows.append(self.tr("Coupon used: {code}").format(code=r.coupon_code))
            if preview.refunds:
                rows.append(
                    self.tr("Refunded before: {amount} in {n} refunds").format(
                        amount=money(preview.refunded_fen), n=preview.refunds
                    )
                )
            self.details.setText("\n".join(rows))
        if preview is not None and not self.finished_ok:
            self.outcome.setText(
                self.tr("Can still be refunded: {amount}").format(
                    amount=money(preview.refundable_fen)
                )
            )
        elif self.result_ is not None:
            self.outcome.setText(
                self.tr("Refunded {amount}").format(amount=money(self.result_.amount_fen))
            )
        else:
            self.outcome.setText("")
        overdraft = self.result_.overdraft_points if self.result_ else 0
        self.warning.setVisible(bool(overdraft))
        self.warning.setText(
            self.tr(
                "Overdraft: {n} points the member had already spent; the service desk "
                "follows it up."
            ).format(n=num(overdraft))
        )
        self.keys.setText(
            self.tr("Enter show the purchase, then Enter refund · Esc close")
            if not self.finished_ok
            else self.tr("Enter or Esc close")
        )
        super().retranslate()

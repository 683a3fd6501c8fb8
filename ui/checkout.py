"""The checkout panel: amounts per category, points, coupon, and a live quote."""

from __future__ import annotations

from app.domain.errors import MemberDeskError
from app.domain.quote import Quote
from ui.card import money, num
from ui.controller import CounterController, SaleInput
from ui.fit import scrolling, wrapping
from ui.i18n import rule_text
from ui.messages import error_text
from ui.qt import QtCore, QtGui, QtWidgets

Qt = QtCore.Qt


class CheckoutField(QtWidgets.QLineEdit):
    """A checkout input: Enter moves to the next field, Esc hands back to the scan field."""

    escaped = QtCore.Signal()

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.focusNextChild()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)


class CheckoutPanel(QtWidgets.QFrame):
    escaped = QtCore.Signal()
    changed = QtCore.Signal()

    def __init__(self, controller: CounterController, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("checkoutPanel")
        self.title = QtWidgets.QLabel()
        self.title.setObjectName("panelTitle")
        # Two label/field pairs a row, in typing (Tab) order, so the panel fits a short screen.
        self.form = QtWidgets.QGridLayout()
        self.form.setHorizontalSpacing(8)
        self.form.setVerticalSpacing(4)
        self.amount_edits: dict[str, CheckoutField] = {}
        self.amount_labels: dict[str, QtWidgets.QLabel] = {}
        pairs: list[tuple[QtWidgets.QLabel, CheckoutField]] = []
        for category in controller.categories():
            edit = self._field(f"amount_{category.code}")
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            label = QtWidgets.QLabel()
            self.amount_edits[category.code] = edit
            self.amount_labels[category.code] = label
            pairs.append((label, edit))
        self.points_edit = self._field("pointsEdit")
        self.points_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.points_label = QtWidgets.QLabel()
        self.coupon_edit = self._field("couponEdit")
        self.coupon_label = QtWidgets.QLabel()
        pairs += [(self.points_label, self.points_edit), (self.coupon_label, self.coupon_edit)]
        for i, (label, edit) in enumerate(pairs):
            label.setBuddy(edit)
            row, col = divmod(i, 2)
            self.form.addWidget(label, row, col * 2)
            self.form.addWidget(edit, row, col * 2 + 1)
        self.form.setColumnStretch(1, 1)
        self.form.setColumnStretch(3, 1)

        self.payable = QtWidgets.QLabel()
        self.payable.setObjectName("quotePayable")
        self.quote_lines = wrapping(QtWidgets.QLabel())
        self.quote_lines.setObjectName("quoteLines")
        self.quote_lines.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # On a short screen the quote's details scroll; the button stays in view.
        self.quote_area = scrolling(self.quote_lines)
        self.quote_area.setObjectName("quoteArea")
        self.confirm_button = QtWidgets.QPushButton()
        self.confirm_button.setObjectName("confirmButton")
        self.confirm_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # the member the button (and F9) records on; it never widens the window
        self.confirm_member: str | None = None
        self.confirm_button.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Fixed
        )

        layout = QtWidgets.QVBoxLayout(self)
        layout.setSpacing(8)
        head = QtWidgets.QHBoxLayout()  # one row: the title and what the customer pays
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.payable)
        layout.addLayout(head)
        layout.addLayout(self.form)
        layout.addWidget(self.quote_area, 1)
        layout.addWidget(self.confirm_button)

        self.quote: Quote | None = None
        self.error: MemberDeskError | None = None
        self.retranslate()
        self.set_member_present(False)

    def _field(self, name: str) -> CheckoutField:
        edit = CheckoutField()
        edit.setObjectName(name)
        edit.textEdited.connect(self._edited)
        edit.escaped.connect(self.escaped)
        return edit

    def fields(self) -> list[CheckoutField]:
        return [*self.amount_edits.values(), self.points_edit, self.coupon_edit]

    def first_field(self) -> CheckoutField:
        return next(iter(self.amount_edits.values()))

    def set_member_present(self, present: bool) -> None:
        for edit in self.fields():
            edit.setEnabled(present)
        self.confirm_button.setEnabled(present)
        self._render_confirm()
        self.update_quote()

    def _render_confirm(self) -> None:
        """F9 names the member it records on: the one on screen now, or no one."""
        card = self.controller.card
        self.confirm_member = card.member_id if card is not None else None
        if card is None:
            self.confirm_button.setText(self.tr("Confirm and award points (F9)"))
        else:
            self.confirm_button.setText(
                self.tr("Award points to {member_id} (F9)").format(member_id=card.member_id)
            )

    def clear(self) -> None:
        for edit in self.fields():
            edit.clear()
        self.quote = None
        self.error = None
        self.update_quote()

    def is_empty(self) -> bool:
        return not any(edit.text().strip() for edit in self.fields())

    def _edited(self, _text: str) -> None:
        if self.controller.card is not None:
            self.controller.start_sale()  # typing after a recorded sale starts the next one
        self.update_quote()
        self.changed.emit()

    def sale_input(self) -> SaleInput:
        """What is typed, parsed; raises the core's InvalidInput for a bad amount."""
        amounts = [
            (code, rule_text(self._category_name(code)), edit.text())
            for code, edit in self.amount_edits.items()
        ]
        return self.controller.parse_sale(amounts, self.points_edit.text(), self.coupon_edit.text())

    def _category_name(self, code: str) -> str:
        for category in self.controller.categories():
            if category.code == code:
                return category.name
        return code

    def update_quote(self) -> None:
        """Recompute the live quote from what is typed (cheap: a local read)."""
        self.quote = None
        self.error = None
        if self.controller.card is not None and not self.is_empty():
            try:
                sale = self.sale_input()
                if sale.lines:
                    self.quote = self.controller.quote(sale)
            except MemberDeskError as error:
                self.error = error
        self._render_quote()

    def _render_quote(self) -> None:
        quote = self.quote
        if self.controller.card is None:
            self.payable.setText(self.tr("Payable: —"))
            self.quote_lines.setText(self.tr("Scan a member first."))
            return
        if quote is None:
            self.payable.setText(self.tr("Payable: —"))
            if self.error is not None:
                self.quote_lines.setText(
                    self.tr("Cannot quote: {message}").format(message=error_text(self.error))
                )
            else:
                self.quote_lines.setText(self.tr("Type an amount for a category (F4)."))
            return
        self.payable.setText(self.tr("Payable: {amount}").format(amount=money(quote.payable_fen)))
        earn = quote.earn
        rows = [
            self.tr("Subtotal {subtotal} · savings {savings}").format(
                subtotal=money(quote.subtotal_fen), savings=money(quote.savings_fen)
            ),
            self.tr("Points to earn: {total}").format(total=num(earn.total)),
            self.tr("  = base {base} + tier {tier} + PLUS {plus} + campaign {campaign}").format(
                base=earn.base,
                tier=earn.tier,
                plus=earn.plus,
                campaign=earn.campaign,
            ),
        ]
        if quote.points_used:
            rows.append(
                self.tr("Points used: {points} (−{amount})").format(
                    points=quote.points_used, amount=money(quote.points_deduction_fen)
                )
            )
        rows.append(self.tr("Points usable: up to {n}").format(n=num(quote.max_points_usable)))
        if quote.coupon_code:
            rows.append(
                self.tr("Coupon {code}: −{amount}").format(
                    code=quote.coupon_code, amount=money(quote.coupon_discount_fen)
                )
            )
        if quote.plus_saved_fen:
            rows.append(self.tr("PLUS saved {amount}").format(amount=money(quote.plus_saved_fen)))
        if quote.plus_would_save_fen:
            rows.append(
                self.tr("PLUS would have saved {amount}").format(
                    amount=money(quote.plus_would_save_fen)
                )
            )
        self.quote_lines.setText("\n".join(rows))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Checkout (F4)"))
        for code, label in self.amount_labels.items():
            label.setText(
                self.tr("{category} ¥").format(category=rule_text(self._category_name(code)))
            )
        self.points_label.setText(self.tr("Points to use"))
        self.coupon_label.setText(self.tr("Coupon code"))
        for edit in self.amount_edits.values():
            edit.setPlaceholderText(money(0).lstrip("¥"))  # 0.00, es 0,00
        self.points_edit.setPlaceholderText("0")
        self.coupon_edit.setPlaceholderText(self.tr("optional"))
        self._render_confirm()
        self._render_quote()  # re-render only: a language switch never calls the core

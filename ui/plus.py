"""Sell or renew PLUS: the fee and the term from the rule book, Enter to confirm."""

from __future__ import annotations

from app.services.views import PlusResult
from ui.card import money, num
from ui.confirm import ask
from ui.controller import CounterController
from ui.flows import FlowDialog, label
from ui.i18n import rule_text
from ui.qt import QtCore, QtWidgets


class PlusDialog(FlowDialog):
    sold = QtCore.Signal(object)  # a function giving the success text in the current language

    def __init__(self, controller: CounterController, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("plusDialog")
        self.controller = controller
        self.card = controller.card
        self.result_: PlusResult | None = None
        self.offer = controller.plus_offer()
        self.rules = controller.plus_rules()
        self.who = label("plusWho")
        self.fee = label("plusFee")
        self.fee.setObjectName("flowBig")
        self.term = label("plusTerm")
        self.benefits = label("plusBenefits")
        for widget in (self.who, self.fee, self.term, self.benefits):
            self.body.addWidget(widget)
        self.body.addStretch(1)
        self.setMinimumWidth(720)
        self.retranslate()

    @property
    def renewal(self) -> bool:
        return self.card is not None and self.card.plus_active

    def confirm(self) -> None:
        if self.finished_ok:
            self.accept()
            return
        card = self.card
        if card is None:
            return
        fee = self.offer.fee_fen
        ask(
            self,
            lambda: self.tr("Sell PLUS?"),
            lambda: self.tr("Sell PLUS to {name} ({member_id}) for {fee}?").format(
                name=card.name, member_id=card.member_id, fee=money(fee)
            ),
            self._sell,
        )

    def _sell(self) -> None:
        if self.finished_ok:
            return
        result = self.call(self.controller.sell_plus)
        if not isinstance(result, PlusResult):
            return
        self.result_ = result
        self.finished_ok = True

        def text() -> str:
            words = (
                self.tr("PLUS renewed until {date}; take the fee of {fee}.")
                if result.renewal
                else self.tr("PLUS sold, valid until {date}; take the fee of {fee}.")
            ).format(date=result.ends_on, fee=money(result.fee_fen))
            if result.coupons_issued:
                words += " " + self.tr("Coupons given: {codes}").format(
                    codes=", ".join(result.coupons_issued)
                )
            return words

        self.sold.emit(text)
        self.accept()

    def retranslate(self) -> None:
        card = self.card
        name = card.name if card else ""
        self.setWindowTitle(self.tr("PLUS membership"))
        self.title.setText(
            self.tr("Renew PLUS (F5)") if self.renewal else self.tr("Sell PLUS (F5)")
        )
        if card is not None and card.plus_active:
            self.who.setText(
                self.tr("{name} ({member_id}) has PLUS until {date}.").format(
                    name=name, member_id=card.member_id, date=card.plus_expires_on or "—"
                )
            )
        elif card is not None:
            self.who.setText(
                self.tr("{name} ({member_id}) has no PLUS.").format(
                    name=name, member_id=card.member_id
                )
            )
        self.fee.setText(self.tr("Fee: {fee}").format(fee=money(self.offer.fee_fen)))
        self.term.setText(
            self.tr("Valid {days} days: from {start} to {end}").format(
                days=num(self.rules.validity_days),
                start=self.offer.starts_on.isoformat(),
                end=self.offer.ends_on.isoformat(),
            )
        )
        benefits = [
            self.tr("Points at {percent}% of the base rate").format(
                percent=self.rules.points_multiplier_percent
            ),
            self.tr("{percent}% off every purchase").format(
                percent=self.rules.extra_discount_percent
            ),
            *(rule_text(b) for b in self.rules.partner_benefits),
        ]
        self.benefits.setText(self.tr("Benefits:") + "\n" + "\n".join(f"• {b}" for b in benefits))
        self.keys.setText(self.tr("Enter confirm (take the fee) · Esc cancel"))
        super().retranslate()

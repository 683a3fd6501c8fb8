"""Sell or renew PLUS: what PLUS saves this member (the figure the customer display and the
receipt show), their fee (by growth) and the term from the rule book, Enter to confirm. An
activation code bought elsewhere (bank, airline, card, company) typed in the code field
grants PLUS instead of the fee: the ledger is asked off the GUI thread."""

from __future__ import annotations

from app.domain.errors import MemberDeskError
from app.services.views import PlusResult
from ui.card import money, num
from ui.confirm import ask
from ui.controller import CounterController
from ui.flows import FlowDialog, label, run_in_background
from ui.i18n import rule_text
from ui.plus_words import PlusWords
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
        self.saving = label("plusSaving")
        self.saving.setObjectName("flowBig")
        self.prompt = label("plusPrompt")
        self.term = label("plusTerm")
        self.benefits = label("plusBenefits")
        self.words = PlusWords(self)
        self.code_label = label("plusCodeLabel")
        self.code_edit = QtWidgets.QLineEdit()
        self.code_edit.setObjectName("plusCode")
        self.code_label.setBuddy(self.code_edit)
        for widget in (self.who, self.saving, self.prompt, self.fee, self.term, self.benefits):
            self.body.addWidget(widget)
        self.body.addWidget(self.code_label)
        self.body.addWidget(self.code_edit)
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
        if self.busy:
            return
        code = self.code_edit.text().strip()
        if code:
            job = self.call(lambda: self.controller.activate_plus_job(code))
            if job is None or not callable(job):
                return
            self.busy = True
            self.set_message("info", lambda: self.tr("Asking the ledger…"))
            run_in_background(job, self._activated, self._failed)
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
        if self.finished_ok or self.busy:
            return
        result = self.call(self.controller.sell_plus)
        if isinstance(result, PlusResult):
            self._done(result)

    def _failed(self, error: Exception) -> None:
        self.busy = False
        if isinstance(error, MemberDeskError):
            self.show_error(error)
        else:
            self.show_unexpected(error)
        self.code_edit.setFocus()

    def _activated(self, result: object) -> None:
        self.busy = False
        if not isinstance(result, PlusResult):
            return
        self.call(self.controller.plus_activated)
        self._done(result)

    def _channel(self, channel: str) -> str:
        names = {
            "bank": self.tr("bank"),
            "airline": self.tr("airline"),
            "cobrand": self.tr("co-branded card"),
            "corporate": self.tr("corporate"),
        }
        return names.get(channel, channel)

    def _done(self, result: PlusResult) -> None:
        self.result_ = result
        self.finished_ok = True

        def text() -> str:
            if result.channel != "counter":
                words = self.tr(
                    "PLUS activated with a code ({channel}), valid until {date}; no fee to take."
                ).format(channel=self._channel(result.channel), date=result.ends_on)
            else:
                words = (
                    self.tr("PLUS renewed until {date}; take the fee of {fee}.")
                    if result.renewal
                    else self.tr("PLUS sold, valid until {date}; take the fee of {fee}.")
                ).format(date=result.ends_on, fee=money(result.fee_fen))
            for given in result.entitlements:
                words += " " + self.tr("{benefit}: code {code}, until {date}.").format(
                    benefit=rule_text(given["name"]), code=given["code"], date=given["valid_until"]
                )
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
        if card is not None:
            self.saving.setText(
                self.words.saving(card.plus_saving_kind, money(card.plus_saving_fen))
            )
            self.prompt.setText(self.words.prompt(card.plus_prompt, card.plus_prompt_days))
        self.prompt.setVisible(bool(self.prompt.text()))
        standard = self.rules.fee_fen
        if self.offer.fee_fen < standard:
            self.fee.setText(
                self.tr("Fee: {fee} (your price for growth {growth}; standard {standard})").format(
                    fee=money(self.offer.fee_fen),
                    growth=num(card.growth if card else 0),
                    standard=money(standard),
                )
            )
        else:
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
        self.code_label.setText(
            self.tr("Activation code from a bank, airline, card or company (or leave empty):")
        )
        self.code_edit.setPlaceholderText("ABCD-EFGH-JKLM-NPQR")
        self.keys.setText(self.tr("Enter confirm (take the fee, or redeem the code) · Esc cancel"))
        super().retranslate()

"""Redeem points: a gift from the catalogue (with its stock) or a coupon bought with points.

Points off an order are taken at checkout (F4, "Points to use"). Offline on a paired terminal
the rule book's offline caps are shown; a redemption by printed card code above the rule
book's threshold asks for proof that the holder is the member (``needs_verification``).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.errors import MemberDeskError
from app.services.views import RedeemResult
from ui.card import money, num
from ui.confirm import ask
from ui.controller import CounterController
from ui.flows import FlowDialog, label, run_in_background
from ui.i18n import rule_text
from ui.qt import QtCore, QtWidgets

Qt = QtCore.Qt
QT_TRANSLATE_NOOP = QtCore.QT_TRANSLATE_NOOP

# The default rule book's gift names, for lupdate (shown through ``rule_text``).
GIFT_NAMES = (
    QT_TRANSLATE_NOOP("RuleBook", "Canvas tote bag"),
    QT_TRANSLATE_NOOP("RuleBook", "Folding umbrella"),
    QT_TRANSLATE_NOOP("RuleBook", "2 hours parking"),
)


@dataclass(frozen=True)
class Offer:
    kind: str  # gift or coupon
    code: str
    name: str
    points: int
    stock: int | None  # gifts only


class RedeemDialog(FlowDialog):
    redeemed = QtCore.Signal(object)  # a function giving the success text

    def __init__(
        self,
        controller: CounterController,
        parent: QtWidgets.QWidget | None = None,
        *,
        online: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("redeemDialog")
        self.controller = controller
        self.card = controller.card
        self.online = online
        self.result_: RedeemResult | None = None
        self.verified = False
        stock = controller.gift_stock()
        self.offers = [
            Offer("gift", g.code, g.name, g.points_cost, stock.get(g.code, 0))
            for g in controller.gifts()
        ] + [
            Offer("coupon", t.code, t.name, t.points_cost, None)
            for t in controller.exchange_coupons()
        ]
        self.balance = label("redeemBalance")
        self.balance.setObjectName("flowBig")
        self.list_label = QtWidgets.QLabel()
        self.list = QtWidgets.QListWidget()
        self.list.setObjectName("redeemList")
        self.list_label.setBuddy(self.list)
        self.verify_label = QtWidgets.QLabel()
        self.verify_edit = QtWidgets.QLineEdit()
        self.verify_edit.setObjectName("verifyEdit")
        self.verify_label.setBuddy(self.verify_edit)
        self.verify_row = QtWidgets.QWidget()
        row = QtWidgets.QHBoxLayout(self.verify_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.verify_label)
        row.addWidget(self.verify_edit, 1)
        self.caps = QtWidgets.QFrame()
        self.caps.setObjectName("capsBox")
        self.caps_text = label("capsText")
        QtWidgets.QVBoxLayout(self.caps).addWidget(self.caps_text)
        self.order_note = label("orderNote")
        self.body.addWidget(self.balance)
        self.body.addWidget(self.list_label)
        self.body.addWidget(self.list, 1)
        self.body.addWidget(self.verify_row)
        self.body.addWidget(self.caps)
        self.body.addWidget(self.order_note)
        self.list.currentRowChanged.connect(lambda _row: self._selection_changed())
        self.setMinimumSize(860, 640)
        self.retranslate()
        self._select_first_usable()
        self.list.setFocus()

    # -- state
    @property
    def offline_caps_apply(self) -> bool:
        """Shown when a paired terminal is (or may be) out of the ledger's reach."""
        return self.online is not True and self.controller.is_paired()

    def selected(self) -> Offer | None:
        row = self.list.currentRow()
        return self.offers[row] if 0 <= row < len(self.offers) else None

    def _usable(self, offer: Offer) -> bool:
        return offer.stock is None or offer.stock > 0

    def _select_first_usable(self) -> None:
        for row, offer in enumerate(self.offers):
            if self._usable(offer):
                self.list.setCurrentRow(row)
                return

    def needs_verification(self) -> bool:
        offer = self.selected()
        return (
            offer is not None
            and self.card is not None
            and not self.verified
            and self.controller.needs_verification(self.card, offer.points)
        )

    def _selection_changed(self) -> None:
        self.verify_row.setVisible(self.needs_verification())
        self.set_message(None)

    def scan_arrived(self, code: str) -> bool:
        return super().scan_arrived(code)

    # -- confirm
    def confirm(self) -> None:
        if self.finished_ok:
            self.accept()
            return
        if self.busy:
            return  # the ledger is being asked: this Enter is the same request
        offer = self.selected()
        if offer is None or self.card is None:
            self.set_message("error", lambda: self.tr("Choose a gift or coupon with ↑ ↓ first."))
            self.list.setFocus()
            return
        if self.needs_verification():
            self.verify_row.setVisible(True)
            answer = self.verify_edit.text()
            if not answer.strip():
                self.set_message(
                    "info",
                    lambda: self.tr(
                        "This member was identified by a printed card code: ask for their "
                        "PIN or the last 4 digits of their phone, type it and press Enter."
                    ),
                )
                self.verify_edit.setFocus()
                return
            if not self.controller.verify_member(self.card, answer):
                self.verify_edit.clear()
                self.set_message(
                    "error",
                    lambda: self.tr(
                        "That does not match this member. Ask again, or redeem without the "
                        "card code (type the member's phone number at the scan field)."
                    ),
                )
                self.verify_edit.setFocus()
                return
            self.verified = True
        card = self.card
        if offer.points > card.points:
            self._redeem(offer)  # cannot be done: the core says why, nothing to confirm
            return
        ask(
            self,
            lambda: self.tr("Redeem points?"),
            lambda: self.tr("Redeem {points} points of {name} ({member_id}) for {item}?").format(
                points=num(offer.points),
                name=card.name,
                member_id=card.member_id,
                item=rule_text(offer.name),
            ),
            lambda: self._redeem(offer),
        )

    def _redeem(self, offer: Offer) -> None:
        """Asked and answered: redeem ``offer`` for the member on this dialog."""
        if self.card is None or self.busy or self.finished_ok:
            return
        if self.controller.redeem_asks_ledger():
            actor = self.controller.actor
            member_id = self.card.member_id
            if actor is None:
                return
            self.busy = True
            self.set_message("info", lambda: self.tr("Asking the ledger…"))
            run_in_background(
                lambda: self.controller.redeem_for(actor, member_id, offer.kind, offer.code, 0),
                self._done,
                self._failed,
            )
            return
        try:
            result = self.controller.redeem(offer.kind, offer.code, 0)
        except Exception as error:
            self._failed(error)
            return
        self._done(result)

    def _failed(self, error: Exception) -> None:
        self.busy = False
        if isinstance(error, MemberDeskError):
            self.show_error(error)
        else:
            self.show_unexpected(error)
        self.list.setFocus()

    def _done(self, result: object) -> None:
        self.busy = False
        if not isinstance(result, RedeemResult):
            return
        self.result_ = result
        self.finished_ok = True
        offer = next((o for o in self.offers if o.code == result.item), None)
        name = offer.name if offer else (result.item or "")

        def text() -> str:
            if result.kind == "coupon":
                words = self.tr(
                    "{points} points exchanged for the coupon {name} ({code}); balance "
                    "{balance} points."
                ).format(
                    points=num(result.points),
                    name=rule_text(name),
                    code=result.coupon_code or "",
                    balance=num(result.balance),
                )
            else:
                words = self.tr(
                    "{points} points redeemed for {name}: hand it over. Balance {balance} points."
                ).format(
                    points=num(result.points), name=rule_text(name), balance=num(result.balance)
                )
            return words

        self.redeemed.emit(text)
        self.accept()

    # -- words
    def _offer_text(self, offer: Offer) -> str:
        kind = self.tr("Gift") if offer.kind == "gift" else self.tr("Coupon")
        text = self.tr("{kind}: {name} — {points} points").format(
            kind=kind, name=rule_text(offer.name), points=num(offer.points)
        )
        if offer.stock is not None:
            text += " · " + (
                self.tr("{n} in stock").format(n=num(offer.stock))
                if offer.stock > 0
                else self.tr("out of stock")
            )
        if self.card is not None and offer.points > self.card.points:
            text += " · " + self.tr("needs {n} more points").format(
                n=num(offer.points - self.card.points)
            )
        return text

    def retranslate(self) -> None:
        card = self.card
        self.setWindowTitle(self.tr("Redeem points"))
        self.title.setText(self.tr("Redeem points (F6)"))
        if card is not None:
            self.balance.setText(
                self.tr("{name} has {points} points (worth {value})").format(
                    name=card.name, points=num(card.points), value=money(card.points_value_fen)
                )
            )
        self.list_label.setText(self.tr("&Gifts and coupons (↑ ↓ to choose)"))
        row = self.list.currentRow()
        self.list.clear()
        for offer in self.offers:
            item = QtWidgets.QListWidgetItem(self._offer_text(offer))
            if not self._usable(offer):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
        if row >= 0:
            self.list.setCurrentRow(row)
        threshold = self.controller.offline_caps().card_code_pin_threshold_points
        self.verify_label.setText(self.tr("&PIN or phone digits"))
        self.verify_edit.setPlaceholderText(
            self.tr("a card code above {n} points needs the member's proof").format(
                n=num(threshold)
            )
        )
        self.verify_row.setVisible(self.needs_verification())
        caps = self.controller.offline_caps()
        self.caps.setVisible(self.offline_caps_apply)
        self.caps_text.setText(
            self.tr(
                "Offline limits until the next sync: at most {one} points a redemption, "
                "{day} points per member a day, {total} points on this terminal; offline for "
                "at most {hours} hours."
            ).format(
                one=num(caps.per_redemption_points),
                day=num(caps.per_member_per_day_points),
                total=num(caps.per_terminal_total_points),
                hours=caps.max_offline_hours,
            )
        )
        self.order_note.setText(
            self.tr("Points off a purchase: Esc, then F4 Checkout and “Points to use”.")
        )
        self.keys.setText(self.tr("↑ ↓ choose · Enter redeem · Esc cancel"))
        super().retranslate()

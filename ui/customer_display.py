"""The customer display: a second window facing the customer, in the cashier's language.

It shows the member's name (privacy-masked, as on the card), their points, what the last
sale earned and saved, and PLUS's pitch: what it saves them (the card's and the receipt's
figure) and the renewal prompt when one is due. It only reads the controller; the window
asks it to ``refresh``.
"""

from __future__ import annotations

from ui.card import money, num
from ui.controller import CounterController
from ui.plus_words import PlusWords
from ui.qt import QtCore, QtGui, QtWidgets

Qt = QtCore.Qt

STYLE = """
QWidget#customerDisplay { background: #10243e; }
QLabel { color: white; background: transparent; }
QLabel#displayWelcome { font-size: 40px; font-weight: bold; }
QLabel#displayName { font-size: 48px; font-weight: bold; }
QLabel#displayPoints { font-size: 36px; }
QLabel#displaySale { font-size: 34px; color: #ffe08a; }
QLabel#displayPlus { font-size: 30px; color: #ffd36b; }
QLabel#displayPrompt { font-size: 30px; font-weight: bold; }
"""


class CustomerDisplay(QtWidgets.QWidget):
    def __init__(self, controller: CounterController) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("customerDisplay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # It faces the customer: it never takes the keyboard from the cashier.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setStyleSheet(STYLE)
        self.controller = controller
        self.welcome = self._label("displayWelcome")
        self.name = self._label("displayName")
        self.points = self._label("displayPoints")
        self.sale = self._label("displaySale")
        self.plus = self._label("displayPlus")
        self.prompt = self._label("displayPrompt")
        self.words = PlusWords(self)
        # A phone binding QR while the cashier shows one (ui/phone_binding.py).
        self.binding: QtGui.QPixmap | None = None
        self.qr = self._label("displayQr")
        self.qr.setVisible(False)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addWidget(self.welcome)
        layout.addStretch(1)
        layout.addWidget(self.name)
        layout.addWidget(self.points)
        layout.addWidget(self.sale)
        layout.addWidget(self.plus)
        layout.addWidget(self.prompt)
        layout.addWidget(self.qr)
        layout.addStretch(2)
        self.resize(1024, 600)
        self.refresh()

    def _label(self, name: str) -> QtWidgets.QLabel:
        label = QtWidgets.QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label

    def show_binding(self, pixmap: QtGui.QPixmap | None) -> None:
        """Show (or, with None, take away) the phone binding QR for the member's camera."""
        self.binding = pixmap
        self.refresh()

    def refresh(self) -> None:
        """Show what the counter shows now (cheap: no call into the core)."""
        self.qr.setVisible(self.binding is not None)
        if self.binding is not None:
            self.qr.setPixmap(self.binding)
        card = self.controller.card
        award = self.controller.last_award
        self.setWindowTitle(self.tr("MemberDesk — welcome"))
        self.welcome.setText(self.tr("Welcome!"))
        finished = self.controller.finished_sale
        if card is None and finished is not None:
            # the sale just recorded, for the customer still at the counter
            self.name.setText(self.tr("Thank you!"))
            self.points.setText(
                self.tr("You have {points} points").format(points=num(finished.balance))
            )
            self.sale.setText(
                self.tr("This purchase: +{earned} points · you saved {saved}").format(
                    earned=num(finished.points_earned), saved=money(finished.savings_fen)
                )
            )
            self._pitch(finished.plus_saving_kind, finished.plus_saving_fen, None, 0)
            return
        if card is None:
            self.name.setText(self.tr("Scan your member code"))
            self.points.setText("")
            self.sale.setText("")
            self._pitch(None, 0, None, 0)
            return
        self._pitch(
            card.plus_saving_kind, card.plus_saving_fen, card.plus_prompt, card.plus_prompt_days
        )
        self.name.setText(card.name)
        self.points.setText(self.tr("You have {points} points").format(points=num(card.points)))
        if self.binding is not None:
            self.sale.setText(self.tr("Scan this code with your phone's camera to bind your phone"))
        elif award is not None and award.member_id == card.member_id:
            self.sale.setText(
                self.tr("This purchase: +{earned} points · you saved {saved}").format(
                    earned=num(award.points_earned), saved=money(award.savings_fen)
                )
            )
        else:
            self.sale.setText("")

    def _pitch(self, kind: str | None, fen: int, prompt: str | None, days: int) -> None:
        """PLUS's saving (nothing before a member is known, or from an older result) and the
        renewal prompt."""
        self.plus.setText(self.words.saving(kind, money(fen)) if kind else "")
        self.prompt.setText(self.words.prompt(prompt, days))

    def visible_texts(self) -> list[str]:
        return [
            label.text()
            for label in (self.welcome, self.name, self.points, self.sale, self.plus, self.prompt)
            if label.text()
        ]

    def changeEvent(self, event: QtCore.QEvent) -> None:
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)

"""The counter window: scan or type a member, see their card."""

from __future__ import annotations

from app.bootstrap import Terminal
from app.domain.errors import MemberDeskError
from app.domain.money import format_fen
from ui.qt import QtWidgets


class CounterWindow(QtWidgets.QMainWindow):
    def __init__(self, terminal: Terminal) -> None:
        super().__init__()
        self.terminal = terminal
        self.setWindowTitle(self.tr("MemberDesk"))
        central = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(central)
        self.query = QtWidgets.QLineEdit()
        self.query.setPlaceholderText(self.tr("Scan a member code or type a phone number"))
        self.query.returnPressed.connect(self.look_up)
        self.card = QtWidgets.QLabel()
        self.card.setWordWrap(True)
        layout.addWidget(self.query)
        layout.addWidget(self.card, 1)
        self.setCentralWidget(central)
        self.resize(900, 600)

    def look_up(self) -> None:
        try:
            card = self.terminal.card(self.query.text())
        except MemberDeskError as error:
            self.card.setText(error.message)
            return
        self.card.setText(
            self.tr("{name} · {tier} · {points} points ({value})").format(
                name=card.name,
                tier=card.tier_name,
                points=card.points,
                value=format_fen(card.points_value_fen),
            )
        )
        self.query.clear()

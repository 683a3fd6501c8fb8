"""The words of PLUS's own sales pitch, one wording for the card, the customer display, the
PLUS dialog and the receipt: the same figure reads the same everywhere."""

from __future__ import annotations

from ui.qt import QtCore


class PlusWords(QtCore.QObject):
    def saving(self, kind: str | None, amount: str) -> str:
        """ "PLUS has saved you ¥Y this term" or "... would have saved you ¥X" (``amount``:
        the figure as the screen writes money)."""
        if kind == "saved_this_term":
            return self.tr("PLUS has saved you {amount} this term").format(amount=amount)
        return self.tr("In the last 12 months PLUS would have saved you {amount}").format(
            amount=amount
        )

    def prompt(self, kind: str | None, days: int) -> str:
        """The renewal prompt, or "" when there is none."""
        if kind == "renew_soon":
            if days == 0:
                return self.tr("Your PLUS ends today: renew now and lose no day")
            if days == 1:
                return self.tr("Your PLUS ends tomorrow: renew now and lose no day")
            return self.tr("Your PLUS ends in {days} days: renew now and lose no day").format(
                days=days
            )
        if kind == "lapsed":
            return self.tr("Your PLUS has lapsed: join again to keep your benefits")
        return ""

"""Bind the member's phone at the counter: a one-time binding QR from the ledger, on the
counter's screen and on the customer display, for the member's phone camera. The phone's
page then makes its key (docs/member-phone.md). Asked for on the thread pool; the answer
comes back by signal. The QR works once and for minutes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import cast

from app.services.views import MemberCard
from ui.customer_display import CustomerDisplay
from ui.enroll import qr_pixmap
from ui.flows import FlowDialog, label, run_in_background
from ui.qt import QtCore, QtWidgets

Qt = QtCore.Qt


class BindingLater(Exception):
    """The ledger cannot give a binding code now; ``reason``: offline or refused."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(detail or reason)
        self.reason = reason


Fetch = Callable[[str], tuple[str, str]]  # member id -> (link, expires at ISO); BindingLater


def binding_fetcher(data_dir: Path) -> Fetch:
    """The paired ledger's binding codes (the credential read at each request, as the card
    codes' fetcher does)."""
    from sync.client import credentials

    def fetch(member_id: str) -> tuple[str, str]:
        credential = credentials.load(data_dir)
        if credential is None:
            raise BindingLater("offline", "pairing with the ledger has not finished yet")
        from sync.client.http import LedgerClient, LedgerRefused, TransientError

        client = LedgerClient(credential.ledger_url, credential.secret)
        try:
            reply = client.phone_binding(member_id)
        except TransientError as error:
            raise BindingLater("offline", str(error)) from error
        except LedgerRefused as error:
            raise BindingLater("refused", error.refusal.message) from error
        finally:
            client.close()
        return reply.url, reply.expires_at

    return fetch


class PhoneBindingDialog(FlowDialog):
    """The binding QR for the member on screen; the customer display shows it too."""

    def __init__(
        self,
        card: MemberCard,
        fetch: Fetch | None,
        display: CustomerDisplay,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("phoneBindingDialog")
        self.card = card
        self.display = display
        self.state = "asking" if fetch is not None else "not_paired"
        self.until = ""  # the code's last minute, in the counter's local time
        self.finished_ok = True  # nothing to record: Enter and Esc both close
        self.who = label("phoneBindingWho")
        self.who.setObjectName("flowBig")
        self.qr = QtWidgets.QLabel()
        self.qr.setObjectName("phoneBindingQr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setMinimumSize(340, 340)
        self.status = label("phoneBindingStatus")
        self.body.addWidget(self.who)
        self.body.addWidget(self.qr, 1)
        self.body.addWidget(self.status)
        self.setMinimumWidth(720)
        self.finished.connect(lambda _code: display.show_binding(None))
        self.retranslate()
        if fetch is not None:
            member_id = card.member_id
            run_in_background(lambda: fetch(member_id), self._ready, self._failed)

    def confirm(self) -> None:
        self.accept()

    def _ready(self, result: object) -> None:
        link, expires_at = cast(tuple[str, str], result)
        self.state = "ready"
        self.until = datetime.fromisoformat(expires_at).astimezone().strftime("%H:%M")
        pixmap = qr_pixmap(link)
        self.qr.setPixmap(pixmap)
        if self.isVisible():
            self.display.show_binding(pixmap)
        self.retranslate()

    def _failed(self, error: Exception) -> None:
        self.state = error.reason if isinstance(error, BindingLater) else "refused"
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Bind the member's phone"))
        self.title.setText(self.tr("Bind the phone of {name}").format(name=self.card.name))
        self.who.setText(self.tr("Member number {member_id}").format(member_id=self.card.member_id))
        texts = {
            "asking": self.tr("Asking the ledger for a binding code…"),
            "ready": self.tr(
                "The member scans this code with the phone's camera and opens the page. It "
                "works once, until {until}."
            ).format(until=self.until),
            "offline": self.tr(
                "Offline: phones are bound with the ledger. Try again when the terminal is online."
            ),
            "not_paired": self.tr(
                "This terminal is not paired with a ledger, so it cannot bind phones."
            ),
            "refused": self.tr(
                "The ledger refused to bind a phone for this member; call the service desk."
            ),
        }
        self.status.setText(texts.get(self.state, ""))
        if self.state != "ready":
            self.qr.setText(self.tr("No QR yet") if self.state == "asking" else self.tr("No QR"))
        self.keys.setText(self.tr("Enter or Esc close"))
        super().retranslate()

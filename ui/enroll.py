"""Enroll a member at the counter, and give them their member card QR at once.

The card code is signed by the ledger (``LedgerClient.card_code``): asked for on the thread
pool, the answer back by signal. Offline, or before the ledger has the new member, the member
is remembered and the card is printed (a PDF in the cards folder) after the next sync.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import qrcode

from app import codes_render
from app.domain.errors import InvalidInput, MemberDeskError
from app.services.views import EnrollResult, MemberCard
from ui.controller import CounterController
from ui.flows import FlowDialog, label, run_in_background
from ui.qt import QtCore, QtGui, QtWidgets

Qt = QtCore.Qt
log = logging.getLogger(__name__)

# ---------------------------------------------------------------------------- card codes


class CardCodeLater(Exception):
    """The ledger cannot sign the card now; ``reason`` says why (the screen words it)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(detail or reason)
        self.reason = reason  # offline, not_synced, refused


Fetch = Callable[[str], str]  # member id -> signed card code; raises CardCodeLater


def ledger_fetcher(data_dir: Path) -> Fetch:
    """The paired ledger's card-code signer.

    The credential is read at each request, not when the window is built: on the very first
    start the window pairs with the embedded ledger in the background, after the counter is
    up (and the embedded ledger's port may change between starts). Until a pairing exists
    the code waits like an offline one and is fetched after the next good sync round.
    """
    from sync.client import credentials

    def fetch(member_id: str) -> str:
        credential = credentials.load(data_dir)
        if credential is None:
            raise CardCodeLater("offline", "pairing with the ledger has not finished yet")
        # The HTTP client loads on the first card printed, not while the counter starts.
        from sync.client.http import LedgerClient, LedgerRefused, TransientError

        client = LedgerClient(credential.ledger_url, credential.secret)
        try:
            return client.card_code(member_id).code
        except TransientError as error:
            raise CardCodeLater("offline", str(error)) from error
        except LedgerRefused as error:
            if error.refusal.code == "unknown_member":
                raise CardCodeLater("not_synced", error.refusal.message) from error
            raise CardCodeLater("refused", error.refusal.message) from error
        finally:
            client.close()

    return fetch


def qr_pixmap(text: str, side: int = 320) -> QtGui.QPixmap:
    """The QR code of ``text`` drawn for the screen (qrcode -> PNG bytes -> QPixmap)."""
    image = qrcode.make(text, error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    buffer = io.BytesIO()
    image.save(buffer)  # PNG: the kind of both of qrcode's image factories
    pixmap = QtGui.QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap.scaled(
        side,
        side,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.FastTransformation,  # sharp modules
    )


@dataclass
class CardRequest:
    member_id: str
    name: str  # as printed: privacy-masked


class CardCodes(QtCore.QObject):
    """Card codes for the counter: asked for in the background, remembered while the ledger
    cannot sign them, printed after the next sync."""

    ready = QtCore.Signal(str, str)  # member id, code
    later = QtCore.Signal(str, str)  # member id, reason: offline, not_synced, refused, not_paired
    printed = QtCore.Signal(str, str)  # member id, PDF path

    def __init__(
        self, fetch: Fetch | None, cards_dir: Path, parent: QtCore.QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.fetch = fetch
        self.cards_dir = cards_dir
        self.codes: dict[str, str] = {}
        self.pending: dict[str, CardRequest] = {}  # printed once the ledger signs them
        self.asking: set[str] = set()

    @property
    def paired(self) -> bool:
        return self.fetch is not None

    def request(self, member_id: str, name: str, *, print_when_ready: bool = False) -> None:
        if member_id in self.codes:
            self.ready.emit(member_id, self.codes[member_id])
            return
        if self.fetch is None:
            self.later.emit(member_id, "not_paired")
            return
        if print_when_ready:
            self.pending[member_id] = CardRequest(member_id, name)
        if member_id in self.asking:
            return
        self.asking.add(member_id)
        fetch = self.fetch
        run_in_background(
            lambda: fetch(member_id),
            lambda code: self._got(member_id, str(code)),
            lambda error: self._failed(member_id, name, error),
        )

    def _got(self, member_id: str, code: str) -> None:
        self.asking.discard(member_id)
        self.codes[member_id] = code
        self.ready.emit(member_id, code)
        waiting = self.pending.pop(member_id, None)
        if waiting is not None:
            try:
                path = self.write_pdf(member_id, waiting.name)
            except OSError:
                log.exception("the member card of %s could not be written", member_id)
                return
            self.printed.emit(member_id, str(path))

    def _failed(self, member_id: str, name: str, error: Exception) -> None:
        self.asking.discard(member_id)
        reason = error.reason if isinstance(error, CardCodeLater) else "refused"
        if not isinstance(error, CardCodeLater):
            log.error("card code for %s failed", member_id, exc_info=error)
        if reason in ("offline", "not_synced"):
            self.pending[member_id] = CardRequest(member_id, name)  # print after the next sync
        self.later.emit(member_id, reason)

    def sync_succeeded(self) -> None:
        """After a good sync round: ask again for the cards the ledger could not sign."""
        for waiting in list(self.pending.values()):
            self.request(waiting.member_id, waiting.name, print_when_ready=True)

    def default_path(self, member_id: str) -> Path:
        return self.cards_dir / f"{member_id}.pdf"

    def write_pdf(self, member_id: str, name: str, path: Path | None = None) -> Path:
        code = self.codes[member_id]
        target = path or self.default_path(member_id)
        target.parent.mkdir(parents=True, exist_ok=True)
        return codes_render.write_card_pdf(code, member_id, name, target)


# ---------------------------------------------------------------------------- enroll


class EnrollDialog(FlowDialog):
    """Phone, name, optional birthday, consent (required). Enter enrolls."""

    enrolled = QtCore.Signal(object)  # EnrollResult

    def __init__(self, controller: CounterController, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("enrollDialog")
        self.controller = controller
        self.result_: EnrollResult | None = None
        self.phone = QtWidgets.QLineEdit()
        self.phone.setObjectName("enrollPhone")
        self.name = QtWidgets.QLineEdit()
        self.name.setObjectName("enrollName")
        self.name.setMaxLength(80)
        self.birthday = QtWidgets.QLineEdit()
        self.birthday.setObjectName("enrollBirthday")
        self.birthday.setInputMask("")
        self.consent = QtWidgets.QCheckBox()
        self.consent.setObjectName("enrollConsent")
        self.phone_label, self.name_label, self.birthday_label = (
            QtWidgets.QLabel(),
            QtWidgets.QLabel(),
            QtWidgets.QLabel(),
        )
        form = QtWidgets.QFormLayout()
        form.setVerticalSpacing(10)
        for lbl, edit in (
            (self.phone_label, self.phone),
            (self.name_label, self.name),
            (self.birthday_label, self.birthday),
        ):
            lbl.setBuddy(edit)
            form.addRow(lbl, edit)
        self.body.addLayout(form)
        self.consent_note = label("enrollConsentNote")
        self.body.addWidget(self.consent)
        self.body.addWidget(self.consent_note)
        self.body.addStretch(1)
        self.setMinimumWidth(760)
        self.retranslate()
        self.phone.setFocus()

    def scan_arrived(self, code: str) -> bool:
        # The customer has a member code already: no enrolment; show their card.
        self.reject()
        return True

    def _birthday(self) -> date | None:
        text = self.birthday.text().strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise InvalidInput("The birthday is not a plausible date.", field="birthday") from None

    def confirm(self) -> None:
        if self.finished_ok:
            self.accept()
            return
        if not self.consent.isChecked():
            self.set_message(
                "error",
                lambda: self.tr(
                    "Ask the customer to agree to the membership terms and privacy notice, "
                    "then tick the box (Space)."
                ),
            )
            self.consent.setFocus()
            return
        try:
            birthday = self._birthday()
            result = self.controller.enroll(
                self.phone.text(), self.name.text(), birthday, consent=True
            )
        except MemberDeskError as error:
            self.show_error(error)
            field = error.params.get("field")
            target = {"phone": self.phone, "name": self.name, "birthday": self.birthday}
            widget = target.get(str(field)) or (
                self.phone if error.code == "duplicate_member" else None
            )
            if widget is not None:
                widget.setFocus()
                widget.selectAll()
            return
        except Exception as error:
            self.show_unexpected(error)
            return
        self.result_ = result
        self.finished_ok = True
        self.enrolled.emit(result)
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Enroll a member"))
        self.title.setText(self.tr("Enroll a member (F2)"))
        self.phone_label.setText(self.tr("&Phone"))
        self.name_label.setText(self.tr("&Name"))
        self.birthday_label.setText(self.tr("&Birthday"))
        self.phone.setPlaceholderText(self.tr("mobile number, e.g. 13800138000"))
        self.name.setPlaceholderText(self.tr("as the customer writes it"))
        self.birthday.setPlaceholderText(self.tr("optional, YYYY-MM-DD"))
        self.consent.setText(
            self.tr("The customer &agrees to the membership terms and the privacy notice")
        )
        self.consent_note.setText(self.tr("Required. Read the notice to the customer if they ask."))
        self.keys.setText(self.tr("Tab next field · Space tick · Enter enroll · Esc cancel"))
        super().retranslate()


# ---------------------------------------------------------------------------- the card QR


class CardCodeDialog(FlowDialog):
    """The member card QR on screen, and Ctrl+P to print it (a PDF card); Ctrl+B goes on to
    bind the member's phone (``bind_phone``)."""

    bind_phone = QtCore.Signal()

    def __init__(
        self,
        card: MemberCard,
        codes: CardCodes,
        parent: QtWidgets.QWidget | None = None,
        *,
        just_enrolled: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cardCodeDialog")
        self.card = card
        self.codes = codes
        self.just_enrolled = just_enrolled
        self.state = "asking"  # asking, ready, offline, not_synced, not_paired, refused
        self.printed_to: str | None = None
        self.finished_ok = True  # nothing to record: Enter and Esc both close
        self.who = label("cardCodeWho")
        self.who.setObjectName("flowBig")
        self.qr = QtWidgets.QLabel()
        self.qr.setObjectName("cardQr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setMinimumSize(340, 340)
        self.status = label("cardCodeStatus")
        self.body.addWidget(self.who)
        self.body.addWidget(self.qr, 1)
        self.body.addWidget(self.status)
        self.print_button = QtWidgets.QPushButton()
        self.print_button.setObjectName("printCardButton")
        self.print_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.print_button.clicked.connect(self.print_now)
        self.body.addWidget(self.print_button)
        self.shortcut("Ctrl+P", self.print_now)
        self.shortcut("Ctrl+S", self.save_card_as)
        self.shortcut("Ctrl+B", self._bind_phone)
        codes.ready.connect(self._ready)
        codes.later.connect(self._later)
        codes.printed.connect(self._printed)
        self.setMinimumWidth(720)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # nothing to type: keys come here
        self.retranslate()
        self.setFocus()
        codes.request(card.member_id, card.name)

    def confirm(self) -> None:
        self.accept()

    def _bind_phone(self) -> None:
        self.accept()
        self.bind_phone.emit()

    def _ready(self, member_id: str, code: str) -> None:
        if member_id != self.card.member_id:
            return
        self.state = "ready"
        self.qr.setPixmap(qr_pixmap(code))
        self.retranslate()

    def _later(self, member_id: str, reason: str) -> None:
        if member_id != self.card.member_id:
            return
        self.state = reason
        self.retranslate()

    def _printed(self, member_id: str, path: str) -> None:
        if member_id == self.card.member_id:
            self.printed_to = path
            self.set_message(
                "success", lambda: self.tr("Member card printed to {path}.").format(path=path)
            )

    def print_now(self) -> None:
        self.print_card()

    def print_card(self, path: Path | None = None) -> None:
        if self.state != "ready":
            if self.state != "asking" and self.codes.paired:
                self.codes.request(self.card.member_id, self.card.name, print_when_ready=True)
                self.set_message(
                    "info",
                    lambda: self.tr("The card will be printed after the next sync."),
                )
            return
        try:
            written = self.codes.write_pdf(self.card.member_id, self.card.name, path)
        except OSError as error:
            reason = str(error)
            self.set_message(
                "error",
                lambda: self.tr("The card could not be written: {reason}").format(reason=reason),
            )
            return
        self._printed(self.card.member_id, str(written))

    def save_card_as(self) -> None:
        if self.state != "ready":
            return
        chosen, _filter = QtWidgets.QFileDialog.getSaveFileName(
            self,
            self.tr("Save the member card"),
            str(self.codes.default_path(self.card.member_id)),
            self.tr("PDF files (*.pdf)"),
        )
        if chosen:
            self.print_card(Path(chosen))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Member card"))
        self.title.setText(
            self.tr("Welcome! Member card for {name}").format(name=self.card.name)
            if self.just_enrolled
            else self.tr("Member card for {name}").format(name=self.card.name)
        )
        self.who.setText(self.tr("Member number {member_id}").format(member_id=self.card.member_id))
        texts = {
            "asking": self.tr("Asking the ledger to sign the card code…"),
            "ready": self.tr(
                "The member can photograph this code, or scan it from the printed card."
            ),
            "offline": self.tr(
                "Offline: the card code will be printed after the next sync. The member "
                "number works at the counter meanwhile."
            ),
            "not_synced": self.tr(
                "The ledger does not know this member yet: the card code will be printed "
                "after the next sync."
            ),
            "not_paired": self.tr(
                "This terminal is not paired with a ledger, so it cannot sign card codes. "
                "The member number works at this counter."
            ),
            "refused": self.tr(
                "The ledger refused to sign a card code for this member; call the service desk."
            ),
        }
        self.status.setText(texts.get(self.state, ""))
        if self.state != "ready":
            self.qr.setText(
                self.tr("No QR yet") if self.state != "not_paired" else self.tr("No QR")
            )
        self.print_button.setText(self.tr("Print card (Ctrl+P)"))
        self.print_button.setEnabled(self.state == "ready")
        self.keys.setText(
            self.tr(
                "Ctrl+P print card · Ctrl+S save as… · Ctrl+B bind the phone · Enter or Esc close"
            )
        )
        super().retranslate()

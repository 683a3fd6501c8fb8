"""A camera scans member codes too: a code anywhere in a 640x480 frame is read, the same code
held in front of the camera counts once, and a camera scan shows the member like any scan."""

from __future__ import annotations

import io

import pytest
import qrcode
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from test_counter_window import sign_in

from app.domain import codes
from app.services.member_codes import CARD_CODE, PublishedKey, install_keys
from ui.camera import CameraScanner, decode_frame
from ui.qt import QtCore, QtGui

pytestmark = pytest.mark.gui
LEDGER = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))


def frame_with(text: str | None, at: tuple[int, int] = (200, 90)) -> QtGui.QImage:
    """A grey 640x480 camera frame, with the QR code of ``text`` (if any) somewhere in it."""
    frame = QtGui.QImage(640, 480, QtGui.QImage.Format.Format_RGB32)
    frame.fill(QtGui.QColor(170, 170, 160))
    if text is not None:
        buffer = io.BytesIO()
        qrcode.make(text, box_size=4, border=2).save(buffer)
        code = QtGui.QImage.fromData(buffer.getvalue())
        painter = QtGui.QPainter(frame)
        painter.drawImage(QtCore.QPoint(*at), code)
        painter.end()
    return frame


def test_a_code_anywhere_in_the_frame_is_read(qapp) -> None:
    text = codes.card_code(LEDGER, "K1", "M000001")
    assert decode_frame(frame_with(text)) == text
    assert decode_frame(frame_with(text, at=(10, 10))) == text


def test_a_frame_without_a_code_reads_nothing(qapp) -> None:
    assert decode_frame(frame_with(None)) is None
    assert decode_frame(QtGui.QImage()) is None


def test_the_same_code_held_in_front_of_the_camera_counts_once(qapp, qtbot) -> None:
    scanner = CameraScanner()
    seen: list[str] = []
    scanner.scanned.connect(seen.append)
    first, second = frame_with("MD1C.A"), frame_with("MD1C.B")

    for _ in range(5):
        scanner.take_image(first)
    scanner.take_image(second)

    assert seen == ["MD1C.A", "MD1C.B"]


def test_a_camera_scan_shows_the_member(qtbot, window) -> None:
    terminal = window.controller.terminal
    public = LEDGER.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    with terminal.ctx.write() as session:
        install_keys(session, [PublishedKey("K1", public, False)], terminal.ctx.now())
    sign_in(qtbot, window)

    window.camera.take_image(frame_with(codes.card_code(LEDGER, "K1", "M000002")))

    assert window.controller.card is not None
    assert window.controller.card.member_id == "M000002"
    assert window.controller.identified_by == CARD_CODE
    assert window.counter.card.isVisible()

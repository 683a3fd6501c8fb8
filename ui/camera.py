"""Scanning member codes with a camera: Qt Multimedia frames decoded with zxing-cpp.

Where the computer has no camera (or Qt Multimedia cannot load) there is no camera scanner and
the wedge scanner and typed entry work as before. A frame is decoded only when the previous
one is done and at most every ``DECODE_INTERVAL_MS``, so a 30 fps camera never queues work on
the event loop; the same code held in front of the camera is reported once.
"""

from __future__ import annotations

import logging
import time
from typing import Any

import zxingcpp

from ui.qt import QtCore, QtGui, multimedia

log = logging.getLogger(__name__)

DECODE_INTERVAL_MS = 150
REPEAT_AFTER_S = 3.0  # the same code again only after the member took the phone away


def decode_frame(image: QtGui.QImage) -> str | None:
    """The text of the first QR code in ``image``, or None."""
    if image.isNull():
        return None
    gray = image.convertToFormat(QtGui.QImage.Format.Format_Grayscale8)
    only_qr = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    found = zxingcpp.read_barcodes(gray, formats=only_qr)
    for barcode in found:
        if barcode.valid and barcode.text:
            return str(barcode.text)
    return None


class CameraScanner(QtCore.QObject):
    """Emits ``scanned(text)`` for each new code the camera sees."""

    scanned = QtCore.Signal(str)

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._last_decode = 0.0
        self._last_text: str | None = None
        self._last_seen = 0.0
        self._camera: Any = None
        self._session: Any = None
        self._sink: Any = None

    @staticmethod
    def cameras() -> list[str]:
        media = multimedia()
        if media is None:
            return []
        return [device.description() for device in media.QMediaDevices.videoInputs()]

    def start(self) -> bool:
        """Start the default camera; False when there is none."""
        media = multimedia()
        if media is None or not media.QMediaDevices.videoInputs():
            return False
        self._camera = media.QCamera(media.QMediaDevices.defaultVideoInput(), self)
        self._session = media.QMediaCaptureSession(self)
        self._sink = media.QVideoSink(self)
        self._session.setCamera(self._camera)
        self._session.setVideoSink(self._sink)
        self._sink.videoFrameChanged.connect(self.take_frame)
        self._camera.errorOccurred.connect(
            lambda _error, text: log.warning("camera error: %s", text)
        )
        self._camera.start()
        log.info("camera scanning on %s", self._camera.cameraDevice().description())
        return True

    def stop(self) -> None:
        if self._camera is not None:
            self._camera.stop()

    def take_frame(self, frame: Any) -> None:
        now = time.monotonic()
        if (now - self._last_decode) * 1000 < DECODE_INTERVAL_MS:
            return
        self._last_decode = now
        self.take_image(frame.toImage())

    def take_image(self, image: QtGui.QImage) -> None:
        text = decode_frame(image)
        if text is None:
            return
        now = time.monotonic()
        if text == self._last_text and now - self._last_seen < REPEAT_AFTER_S:
            self._last_seen = now
            return
        self._last_text, self._last_seen = text, now
        self.scanned.emit(text)

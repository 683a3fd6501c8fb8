"""qr_decode: milliseconds to find and decode a member's phone code in a 640x480 camera frame.

The frame is what ``ui.camera`` gets from Qt Multimedia: a grey scene with the QR code of a real
dynamic member code (the longest code) somewhere in it, at a different place each time. The
baseline is zxing-cpp decoding the bare QR code image alone (``is_pure``: no search), the least
any decoder must do for the same code, timed interleaved in the same run.
"""

from __future__ import annotations

import io
import os
import random
import time
from datetime import timedelta

import qrcode
import zxingcpp
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from app.domain import codes
from bench.common import BENCH_NOW, Figure, note, percentile
from ui.camera import decode_frame
from ui.qt import QtCore, QtGui, QtWidgets


def _code_text() -> str:
    ledger, phone = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    public = phone.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    credential = codes.issue_credential(
        ledger, "K1", "M000001", public, BENCH_NOW.date() + timedelta(days=30)
    )
    return codes.dynamic_code(credential, phone, BENCH_NOW)


def run(quick: bool) -> Figure:
    # A QApplication (not only a QGuiApplication): figures run after this one in the same
    # process (scan_to_card) make widgets, which need it.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(["bench"])
    count = 30 if quick else 300
    text = _code_text()
    buffer = io.BytesIO()
    qrcode.make(text, box_size=3, border=2).save(buffer)
    code = QtGui.QImage.fromData(buffer.getvalue())
    pure = code.convertToFormat(QtGui.QImage.Format.Format_Grayscale8)
    rng = random.Random(3)
    frames = []
    for _ in range(count):
        frame = QtGui.QImage(640, 480, QtGui.QImage.Format.Format_RGB32)
        frame.fill(QtGui.QColor(150 + rng.randrange(40), 150, 140))
        painter = QtGui.QPainter(frame)
        painter.drawImage(
            QtCore.QPoint(rng.randrange(640 - code.width()), rng.randrange(480 - code.height())),
            code,
        )
        painter.end()
        frames.append(frame)
    frame_ms: list[float] = []
    pure_ms: list[float] = []
    clock = time.perf_counter_ns
    for frame in frames:
        t0 = clock()
        found = decode_frame(frame)
        t1 = clock()
        bare = zxingcpp.read_barcodes(pure, formats=zxingcpp.BarcodeFormat.QRCode, is_pure=True)
        t2 = clock()
        if found != text or not bare or bare[0].text != text:
            raise AssertionError("the frame's code was not read")
        frame_ms.append((t1 - t0) / 1e6)
        pure_ms.append((t2 - t1) / 1e6)
    value, base = percentile(frame_ms, 50), percentile(pure_ms, 50)
    note(
        f"qr_decode: {count} frames 640x480 with a {len(text)}-character code "
        f"({code.width()}px): p50={value:.2f} ms p99={percentile(frame_ms, 99):.2f} ms; "
        f"bare code alone p50={base:.2f} ms"
    )
    return Figure("qr_decode", value, "ms", base)

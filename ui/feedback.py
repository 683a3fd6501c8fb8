"""Good and bad scan feedback: a short sound and a flash that also says itself in words.

A good scan: a high short beep, a green frame and "✔ Member found". A bad one: two low beeps, a
red frame and "✘ Not found". The sounds are small WAV files in resources/sounds/ (made by
``python -m ui.feedback``); where QtMultimedia cannot load or there is no audio output (and
offscreen), ``QApplication.beep`` stands in.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path
from typing import Any

from app.paths import resources_dir
from ui.qt import QtCore, QtWidgets, multimedia

RATE = 22_050
FLASH_MS = 900


def sounds_dir() -> Path:
    return resources_dir() / "sounds"


def _tone(frequencies: list[tuple[float, float]], path: Path) -> Path:
    """(Hz, seconds) pieces, 0 Hz for silence; 16-bit mono with 5 ms fades (no clicks)."""
    frames = bytearray()
    for hz, seconds in frequencies:
        count = int(RATE * seconds)
        fade = int(RATE * 0.005)
        for i in range(count):
            level = min(1.0, i / fade, (count - i) / fade) if hz else 0.0
            sample = 0.5 * level * math.sin(2 * math.pi * hz * i / RATE)
            frames += struct.pack("<h", int(sample * 32767))
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))
    return path


def write_sounds(folder: Path) -> list[Path]:
    return [
        _tone([(1760.0, 0.08)], folder / "good.wav"),
        _tone([(330.0, 0.12), (0.0, 0.06), (247.0, 0.18)], folder / "bad.wav"),
    ]


class ScanFeedback(QtCore.QObject):
    """Shows a scan's outcome on ``frame`` (a widget with a ``flash`` property) and
    ``label`` (the words), and plays its sound."""

    sound_requested = QtCore.Signal(str)  # "good" or "bad"

    def __init__(
        self,
        frame: QtWidgets.QWidget,
        label: QtWidgets.QLabel,
        parent: QtCore.QObject | None = None,
        *,
        enable_sound: bool = True,
    ) -> None:
        super().__init__(parent)
        self.frame = frame
        self.label = label
        self.state = "none"
        self.requested: list[str] = []
        self._kind_text: str = ""
        self._effects: dict[str, Any] = {}
        if enable_sound:
            self._load_effects()
        self.timer = QtCore.QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(FLASH_MS)
        self.timer.timeout.connect(self.clear)
        self.clear()

    def _load_effects(self) -> None:
        if QtWidgets.QApplication.platformName() in ("offscreen", "minimal"):
            return  # no sound card to speak of: QtMultimedia would only warn; beep instead
        module = multimedia()
        if module is None or not module.QMediaDevices.audioOutputs():
            return
        for kind in ("good", "bad"):
            path = sounds_dir() / f"{kind}.wav"
            if not path.exists():
                continue
            effect = module.QSoundEffect(self)
            effect.setSource(QtCore.QUrl.fromLocalFile(str(path)))
            effect.setVolume(0.6)
            self._effects[kind] = effect

    def good(self) -> None:
        self._show("good")

    def bad(self) -> None:
        self._show("bad")

    def _show(self, kind: str) -> None:
        self.state = kind
        self._set_property(kind)
        self.retranslate()
        self.requested.append(kind)
        self.sound_requested.emit(kind)
        effect = self._effects.get(kind)
        if effect is not None:
            effect.play()
        else:
            QtWidgets.QApplication.beep()
        self.timer.start()

    def clear(self) -> None:
        self.state = "none"
        self._set_property("none")
        self.label.setText("")

    def _set_property(self, kind: str) -> None:
        for widget in (self.frame, self.label):
            widget.setProperty("flash", kind)
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def retranslate(self) -> None:
        if self.state == "good":
            self.label.setText(self.tr("✔ Member found"))
        elif self.state == "bad":
            self.label.setText(self.tr("✘ Not found — check the code"))


STYLE = """
QLineEdit#scanEdit[flash="good"] { border: 4px solid #2e7d32; background: #e6f4e7; }
QLineEdit#scanEdit[flash="bad"] { border: 4px solid #b00020; background: #fde8ec; }
QLabel#scanFlash { font-size: 22px; font-weight: bold; padding: 4px 10px; }
QLabel#scanFlash[flash="good"] { border: 3px solid #2e7d32; color: #1b4d1e; background: #e6f4e7; }
QLabel#scanFlash[flash="bad"] { border: 3px solid #b00020; color: #6b0013; background: #fde8ec; }
"""


def main() -> int:
    for path in write_sounds(Path(sys.argv[1]) if len(sys.argv) > 1 else sounds_dir()):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

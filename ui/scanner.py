"""Keyboard-wedge scanners: a scan is a burst of keystrokes ending in Enter.

A scanner types a character every 1–10 ms; a person every 80 ms or more. The detector watches
every key press in the application; when Enter ends a burst (each key within ``gap_ms`` of the
last) that looks like a member code, it takes the burst back out of whatever field had the
focus and emits ``scanned`` instead — so a scan works wherever the focus is and never leaves
a code typed into a price field. Keys are never held back: typing stays instant.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from ui.qt import QtCore, QtGui, QtWidgets

Qt = QtCore.Qt

# A signed member code, or a printed member number.
MEMBER_CODE = re.compile(r"^(MD1[CD]\.[A-Z0-9.]+|M[A-Z0-9]{6,})$")


def looks_like_member_code(text: str) -> bool:
    return MEMBER_CODE.match(text) is not None


class ScanDetector(QtCore.QObject):
    scanned = QtCore.Signal(str)

    def __init__(
        self,
        *,
        gap_ms: float = 30.0,
        min_length: int = 6,
        prefix: str = "",
        suffix: str = "",
        accept: Callable[[str], bool] = looks_like_member_code,
        parent: QtCore.QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.gap_ms = gap_ms
        self.min_length = min_length
        self.prefix = prefix  # some scanners send a prefix; it is removed
        self.suffix = suffix  # and some a suffix before the Enter; removed too
        self.accept = accept
        self._burst = ""
        self._last = 0.0
        self._widget: QtWidgets.QWidget | None = None
        self._snapshot: tuple[str, int] | None = None

    def configure(self, *, gap_ms: float, min_length: int, prefix: str, suffix: str) -> None:
        """New timing and framing (the settings dialog); takes effect with the next key."""
        self.gap_ms = gap_ms
        self.min_length = min_length
        self.prefix = prefix
        self.suffix = suffix
        self._reset()

    def strip(self, burst: str) -> str:
        """The code inside a burst: the scanner's prefix and suffix removed when present."""
        if self.prefix and burst.startswith(self.prefix):
            burst = burst[len(self.prefix) :]
        if self.suffix and burst.endswith(self.suffix):
            burst = burst[: -len(self.suffix)]
        return burst

    def _reset(self) -> None:
        self._burst = ""
        self._widget = None
        self._snapshot = None

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if event.type() != QtCore.QEvent.Type.KeyPress or not isinstance(event, QtGui.QKeyEvent):
            return False
        focus = QtWidgets.QApplication.focusWidget()
        if focus is None or watched is not focus:
            return False  # the same key seen again on its way up the parents
        now = time.monotonic() * 1000
        in_burst = bool(self._burst) and now - self._last <= self.gap_ms and focus is self._widget
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            text = self.strip(self._burst) if in_burst else ""
            if len(text) >= self.min_length and self.accept(text) and not _is_secret(focus):
                self._restore(focus)
                self._reset()
                self.scanned.emit(text)
                return True
            self._reset()
            return False
        char = event.text()
        if len(char) == 1 and char.isprintable():
            if not in_burst:
                self._reset()
                self._widget = focus
                if isinstance(focus, QtWidgets.QLineEdit):
                    self._snapshot = (focus.text(), focus.cursorPosition())
            self._burst += char
            self._last = now
        else:
            self._reset()
        return False

    def _restore(self, focus: QtWidgets.QWidget) -> None:
        if isinstance(focus, QtWidgets.QLineEdit) and self._snapshot is not None:
            text, cursor = self._snapshot
            focus.setText(text)
            focus.setCursorPosition(cursor)


def _is_secret(widget: QtWidgets.QWidget) -> bool:
    """A PIN field is never a scan target."""
    return (
        isinstance(widget, QtWidgets.QLineEdit)
        and widget.echoMode() != QtWidgets.QLineEdit.EchoMode.Normal
    )

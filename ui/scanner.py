"""Keyboard-wedge scanners: a scan is a burst of keystrokes ending in Enter.

A scanner types a character every 1–10 ms; a person every 80 ms or more. The detector is an
application-wide event filter: it watches every key press, in every window and dialog. When
Enter ends a burst (each key within ``gap_ms`` of the last) that looks like a member code, it
takes the burst back out of whatever field had the focus and emits ``scanned`` instead — so a
scan works wherever the focus is and never leaves a code typed into a price field. Keys are
never held back: typing stays instant.

A scanner is a keyboard: it presses and releases Shift around every capital letter (and some
send Caps Lock, Ctrl or Alt). Modifier keys type no text and never break a burst; any other
key that types no text (an arrow, a function key, Tab) does.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from ui.qt import QtCore, QtGui, QtWidgets

Qt = QtCore.Qt

# A signed member code, or a printed member number (either case: a scanner with Caps Lock on
# types the code in lower case; the core reads it either way).
MEMBER_CODE = re.compile(r"^(MD1[CD]\.[A-Z0-9.]+|M[A-Z0-9]{6,})$", re.IGNORECASE)

# Keys that only change what the next key types: pressed around capitals inside a burst.
MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
        Qt.Key.Key_Hyper_L,
        Qt.Key.Key_Hyper_R,
        Qt.Key.Key_Mode_switch,
    }
)
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


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
        self._snapshot: tuple[QtWidgets.QLineEdit, str, int] | None = None

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
        target = QtWidgets.QApplication.focusWidget() or QtWidgets.QApplication.activeWindow()
        if target is None or watched is not target:
            return False  # the same key seen again on its way up the parents
        now = _when(event)
        gap = now - self._last
        in_burst = bool(self._burst) and 0 <= gap <= self.gap_ms and target is self._widget
        key = event.key()
        if key in MODIFIER_KEYS:
            if in_burst:
                self._last = now  # Shift around a capital is part of the burst
            return False
        if key in ENTER_KEYS:
            text = self.strip(self._burst) if in_burst else ""
            if len(text) >= self.min_length and self.accept(text) and not _is_secret(target):
                self._restore()
                self._reset()
                self.scanned.emit(text)
                return True
            self._reset()
            return False
        char = event.text()
        if len(char) == 1 and char.isprintable():
            if not in_burst:
                self._reset()
                self._widget = target
                edit = _line_edit(target)
                if edit is not None:
                    self._snapshot = (edit, edit.text(), edit.cursorPosition())
            self._burst += char
            self._last = now
        else:
            self._reset()
        return False

    def _restore(self) -> None:
        """Take the burst back out of the field it was typed into."""
        if self._snapshot is None:
            return
        edit, text, cursor = self._snapshot
        if edit.text() != text:
            edit.setText(text)
            edit.setCursorPosition(cursor)


def _when(event: QtGui.QKeyEvent) -> float:
    """When the key was pressed, in ms: the window system's time stamp (a busy event loop
    does not stretch a burst), or now for a synthetic event without one."""
    stamp = event.timestamp()
    return float(stamp) if stamp > 0 else time.monotonic() * 1000


def _line_edit(widget: QtWidgets.QWidget) -> QtWidgets.QLineEdit | None:
    """The line edit a key typed into: the field itself, or a spin box's or combo box's."""
    if isinstance(widget, QtWidgets.QLineEdit):
        return widget
    if isinstance(widget, QtWidgets.QComboBox):
        return widget.lineEdit()
    if isinstance(widget, QtWidgets.QAbstractSpinBox):
        return widget.findChild(QtWidgets.QLineEdit)
    return None


def _is_secret(widget: QtWidgets.QWidget) -> bool:
    """A PIN field is never a scan target."""
    edit = _line_edit(widget)
    return edit is not None and edit.echoMode() != QtWidgets.QLineEdit.EchoMode.Normal

"""Input as a keyboard-wedge scanner sends it (docs: ../shared/STACK.md, "Scanner input").

Per character a key press and a key release, with Shift pressed before and released after
every capital letter, 3 ms apart, then Return — into whatever has the focus at that moment, as
a USB scanner does. ``qtbot.keyClicks`` sends no Shift and cannot stand for it.

``scanner_types`` stamps each event with the time the scanner sent it (as the window system
does for a real keyboard), so a busy test machine cannot stretch a burst into a person's
typing; ``scanner_types_live`` sends the same keys through ``QTest`` in real time.
"""

from __future__ import annotations

import itertools

from PySide6 import QtTest

from ui.qt import QtCore, QtGui, QtWidgets

Qt = QtCore.Qt
KEY_MS = 3  # between two key events: a scanner's 2–5 ms
_clock = itertools.count(10_000_000, KEY_MS)  # the scanner's own time line, in ms


def _target(window: QtWidgets.QWidget) -> QtWidgets.QWidget:
    return QtWidgets.QApplication.focusWidget() or window


def _send(
    window: QtWidgets.QWidget,
    kind: QtCore.QEvent.Type,
    key: Qt.Key,
    text: str = "",
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    key_ms: int = KEY_MS,
) -> None:
    event = QtGui.QKeyEvent(kind, key, modifiers, text)
    stamp = next(_clock)
    for _ in range(key_ms // KEY_MS - 1):
        stamp = next(_clock)
    event.setTimestamp(stamp)
    QtWidgets.QApplication.sendEvent(_target(window), event)


def _keys(code: str, caps_lock: bool) -> list[tuple[Qt.Key, str, bool]]:
    """(key, text, with Shift) per character: a scanner is a keyboard with a US layout."""
    keys = []
    for char in code:
        capital = char.isalpha() and char.isupper()
        text = char.lower() if caps_lock and capital else char
        key = Qt.Key(QtGui.QKeySequence(char.upper())[0].key())
        keys.append((key, text, capital))
    return keys


def scanner_types(
    window: QtWidgets.QWidget, code: str, *, caps_lock: bool = False, key_ms: int = KEY_MS
) -> None:
    """``code`` then Return as a wedge scanner types it, ``key_ms`` between key events.
    ``caps_lock``: the counter's Caps Lock is on, so the scanner's Shift makes lower case."""
    QtTest.QTest.qWait(40)  # the cashier's last key was a moment ago: a new burst starts
    for _ in range(40):
        next(_clock)
    shift = Qt.KeyboardModifier.ShiftModifier
    press, release = QtCore.QEvent.Type.KeyPress, QtCore.QEvent.Type.KeyRelease
    for key, text, capital in _keys(code, caps_lock):
        if capital:
            _send(window, press, Qt.Key.Key_Shift, "", shift, key_ms)
            _send(window, press, key, text, shift, key_ms)
            _send(window, release, key, text, shift, key_ms)
            _send(window, release, Qt.Key.Key_Shift, "", Qt.KeyboardModifier.NoModifier, key_ms)
        else:
            _send(window, press, key, text, Qt.KeyboardModifier.NoModifier, key_ms)
            _send(window, release, key, text, Qt.KeyboardModifier.NoModifier, key_ms)
    _send(window, press, Qt.Key.Key_Return, "\r", Qt.KeyboardModifier.NoModifier, key_ms)
    _send(window, release, Qt.Key.Key_Return, "\r", Qt.KeyboardModifier.NoModifier, key_ms)
    for _ in range(40):  # a person's next key comes much later than the scanner's last
        next(_clock)
    QtTest.QTest.qWait(5)


def scanner_types_live(window: QtWidgets.QWidget, code: str) -> None:
    """The same keys through ``QTest.keyPress``/``keyRelease``, really 2–5 ms apart."""
    QtTest.QTest.qWait(40)
    for key, text, capital in _keys(code, caps_lock=False):
        if capital:
            QtTest.QTest.keyPress(_target(window), Qt.Key.Key_Shift)
            QtTest.QTest.keyPress(_target(window), text, Qt.KeyboardModifier.ShiftModifier)
            QtTest.QTest.keyRelease(_target(window), text, Qt.KeyboardModifier.ShiftModifier)
            QtTest.QTest.keyRelease(_target(window), Qt.Key.Key_Shift)
        else:
            QtTest.QTest.keyPress(_target(window), key)
            QtTest.QTest.keyRelease(_target(window), key)
        QtTest.QTest.qSleep(KEY_MS)
    QtTest.QTest.keyPress(_target(window), Qt.Key.Key_Return)
    QtTest.QTest.keyRelease(_target(window), Qt.Key.Key_Return)
    QtTest.QTest.qWait(5)


def person_types(window: QtWidgets.QWidget, text: str, *, delay_ms: int = 90) -> None:
    """A person at the keyboard: Shift for capitals too, but 90 ms or more between keys."""
    for char in text:
        if char.isalpha() and char.isupper():
            QtTest.QTest.keyPress(_target(window), Qt.Key.Key_Shift)
            QtTest.QTest.keyClick(_target(window), char, Qt.KeyboardModifier.ShiftModifier)
            QtTest.QTest.keyRelease(_target(window), Qt.Key.Key_Shift)
        else:
            QtTest.QTest.keyClick(_target(window), char)
        QtTest.QTest.qWait(delay_ms)

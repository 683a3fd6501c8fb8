"""A second window on the same data directory, started from its icon, says why it does not
start in a message box, in the terminal's language (the command line prints the English
line: tests/mall/test_one_window.py), and changes nothing there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.domain.errors import WindowAlreadyOpen
from app.window_lock import hold_window_lock
from ui.composition import PARTS
from ui.qt import QtCore, QtWidgets

pytestmark = pytest.mark.gui


def close_the_box(shown: list[str]) -> None:
    box = QtWidgets.QApplication.activeModalWidget()
    if isinstance(box, QtWidgets.QMessageBox):
        shown.append(box.text())
        box.done(0)
    else:
        QtCore.QTimer.singleShot(20, lambda: close_the_box(shown))


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "A MemberDesk window is already open"), ("zh_CN", "已经打开"), ("es", "ya hay")],
)
def test_a_second_window_says_why_in_a_message_box(
    qtbot, qapp, tmp_path: Path, language: str, words: str
) -> None:
    from ui.main import run_window

    data = tmp_path / "data"
    data.mkdir()
    (data / "memberdesk.toml").write_text(f'[terminal]\nlanguage = "{language}"\n')
    first = hold_window_lock(data)  # the window already open (the lock is per open file)
    try:
        shown: list[str] = []
        QtCore.QTimer.singleShot(20, lambda: close_the_box(shown))
        with pytest.raises(WindowAlreadyOpen):
            run_window(data, PARTS.connect)
        assert len(shown) == 1
        assert words in shown[0].lower() if language == "es" else words in shown[0]
        assert str(os.getpid()) in shown[0]
        assert not (data / "terminal.db").exists()  # nothing opened, nothing made
    finally:
        first.release()

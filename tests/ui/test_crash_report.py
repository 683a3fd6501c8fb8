"""An unexpected error: its traceback in the log, a short message with the log's place on
screen, in the cashier's language."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from app import logs
from ui import crash
from ui.qt import QtCore

pytestmark = pytest.mark.gui


@pytest.fixture
def log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(tmp_path / "logs"))
    path = logs.setup_logging(tmp_path / "data")
    yield path
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_memberdesk", False):
            root.removeHandler(handler)
            handler.close()


def _read(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def test_an_error_is_logged_with_its_traceback_and_told_briefly(qtbot, window, log_file):
    reporter = crash.install(window)
    try:
        try:
            {}["no such key"]
        except KeyError:
            sys.excepthook(*sys.exc_info())
        box = reporter.box
        assert box is not None and box.isVisible()
        assert box.text().startswith("Something went wrong and MemberDesk could not finish")
        assert box.text().endswith(f"The details are in {log_file}")
        assert "Traceback" not in box.text()
        text = _read(log_file)
        assert "CRITICAL memberdesk.crash: unexpected error in the window" in text
        assert "Traceback (most recent call last)" in text and "KeyError: 'no such key'" in text

        window.set_language("es")
        qtbot.waitUntil(lambda: window.counter_menu.title() == "&Mostrador")
        reporter.show("KeyError")
        assert box.text().startswith("Algo salió mal")
        assert str(log_file) in box.text()
    finally:
        window.set_language("en")
        crash.uninstall(reporter)
    assert sys.excepthook is not reporter


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_reaches_the_cashier(qtbot, window, log_file):
    reporter = crash.install(window)
    try:

        def broken() -> None:
            raise RuntimeError("a slot broke")

        QtCore.QTimer.singleShot(0, broken)
        qtbot.waitUntil(lambda: reporter.box is not None and reporter.box.isVisible())
        assert "RuntimeError: a slot broke" in _read(log_file)
    finally:
        crash.uninstall(reporter)

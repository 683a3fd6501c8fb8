"""Start the Qt application with the counter window."""

from __future__ import annotations

import sys
from pathlib import Path

from app.bootstrap import open_terminal
from app.demo import seed_demo
from ui.i18n import LanguageSwitcher
from ui.qt import QtWidgets
from ui.window import CounterWindow


def run_window(data_dir: Path, language: str | None = None) -> int:
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv)
    terminal = open_terminal(data_dir)
    if not terminal.cashiers():
        seed_demo(terminal)
    switcher = LanguageSwitcher(app)
    switcher.switch(language or terminal.settings.language)
    window = CounterWindow(terminal, switcher)
    window.show()
    code = app.exec()
    terminal.close()
    return int(code)

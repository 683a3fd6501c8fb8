"""The screen's part of ``memberdesk --self-test`` (handed in by ui.composition):
render the counter window offscreen and load every translation."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from app.selftest import Check

if TYPE_CHECKING:
    from ui.qt import QtWidgets


def _application() -> QtWidgets.QApplication:
    # Headless by design: the self-test never needs (or opens) a window on a real screen.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.qt import QtWidgets

    running = QtWidgets.QApplication.instance()
    if isinstance(running, QtWidgets.QApplication):
        return running
    return QtWidgets.QApplication(["memberdesk-selftest"])


def check_window(scratch: Path) -> str:
    app = _application()
    from app.bootstrap import open_terminal
    from app.services.staff import SYSTEM
    from ui.i18n import LanguageSwitcher
    from ui.window import CounterWindow

    terminal = open_terminal(scratch / "data")
    window = None
    try:
        terminal.add_cashier(SYSTEM, "selftest", "Self Test", "cashier", "1234")
        switcher = LanguageSwitcher(app)
        switcher.switch("en")
        window = CounterWindow(terminal, switcher)
        window.show()
        app.processEvents()
        image = window.grab().toImage()
        if image.isNull() or image.width() < 400 or image.height() < 300:
            raise RuntimeError(f"the window rendered as {image.width()}x{image.height()}")
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 37)
            for y in range(0, image.height(), 29)
        }
        if len(colours) < 3:
            raise RuntimeError("the rendered window is blank")
        title = window.windowTitle()
        return (
            f"rendered {image.width()}x{image.height()} on the "
            f"{app.platformName()} platform: {title!r}"
        )
    finally:
        if window is not None:
            window.close()
            window.deleteLater()
            app.processEvents()
        terminal.close()


def check_translations(scratch: Path) -> str:
    _application()
    from ui.i18n import LANGUAGES, qm_path
    from ui.qt import QtCore

    loaded = []
    for language in LANGUAGES:
        if language.code == "en":  # the source language has no .qm
            continue
        translator = QtCore.QTranslator()
        if not translator.load(qm_path(language.code)):
            raise RuntimeError(f"{qm_path(language.code)} does not load")
        text = translator.translate("CounterWindow", "Sign out")
        if not text or text == "Sign out":
            raise RuntimeError(f"{language.code}: 'Sign out' has no translation")
        loaded.append(f"{language.code} ({text})")
    return "loaded " + ", ".join(loaded)


def checks() -> list[Check]:
    return [Check("window", check_window), Check("translations", check_translations)]

"""Start the Qt application with the counter window, and sync beside it."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from app.bootstrap import open_terminal
from app.demo import seed_demo
from sync.client.embedded import start_embedded
from sync.client.worker import SyncWorker, WorkerState
from ui.i18n import LanguageSwitcher
from ui.qt import QtWidgets
from ui.sync_bridge import SyncBridge
from ui.window import CounterWindow

log = logging.getLogger(__name__)


def run_window(data_dir: Path, language: str | None = None) -> int:
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv)
    terminal = open_terminal(data_dir)
    if not terminal.cashiers():
        seed_demo(terminal)
    terminal.expire()  # once per business day; safe to repeat
    switcher = LanguageSwitcher(app)
    switcher.switch(language or terminal.settings.language)
    window = CounterWindow(terminal, switcher)

    bridge = SyncBridge()
    bridge.changed.connect(window.set_sync_state)
    embedded = worker = None
    try:
        embedded, syncer = start_embedded(terminal)
    except Exception:  # the counter works offline; sync problems must not stop a sale
        log.exception("sync could not start; the terminal works offline")
        syncer = None
    if syncer is not None:

        def publish(state: WorkerState) -> None:
            bridge.publish_state(state)  # the status bar's values and the panel's details

        worker = SyncWorker(syncer, on_state=publish)
        window.desk.attach_sync(bridge, worker.sync_now)  # the panel's "Sync now"
        worker.start()
    window.show()
    code = app.exec()
    if worker is not None:
        worker.stop()
    if embedded is not None:
        embedded.stop()
    terminal.close()
    return int(code)

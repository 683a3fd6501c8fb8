"""Start the Qt application with the counter window, and sync beside it."""

from __future__ import annotations

import contextlib
import logging
import sys
import time
from pathlib import Path

from app.bootstrap import Connect, open_terminal
from app.config import load_settings
from app.demo import seed_demo
from app.domain.errors import MemberDeskError, WindowAlreadyOpen
from app.window_lock import WindowLock, hold_window_lock
from sync.client.fresh_pairing import apply_staged
from ui import crash
from ui.background_sync import BackgroundSync
from ui.i18n import LanguageSwitcher
from ui.messages import error_text
from ui.qt import QtCore, QtWidgets
from ui.sync_bridge import SyncBridge
from ui.window import CounterWindow

log = logging.getLogger(__name__)
RESTART = 0x4D44  # the exit code of one window that asks for a fresh start (after pairing)
READY_LINE = "memberdesk: ready, scan armed"


def run_window(
    data_dir: Path,
    connect: Connect,
    language: str | None = None,
    *,
    exit_when_ready: bool = False,
) -> int:
    """The window's loop: ``connect`` (from the composition root) wires the ledger link into
    the terminal it opens, at every start and restart."""
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv)
    assert isinstance(app, QtWidgets.QApplication)
    started = time.perf_counter()
    lock = _one_window(app, data_dir, exit_when_ready)
    try:
        while True:
            code = _run_once(app, data_dir, connect, language, exit_when_ready, started)
            if code != RESTART:
                return code
            log.info("restarting the window on the newly paired ledger")
    finally:
        lock.release()


def _one_window(app: QtWidgets.QApplication, data_dir: Path, quiet: bool) -> WindowLock:
    """The data directory's window lock, before anything is opened or changed there. A
    second window says why it does not start, in a message box (for a counter started from
    its icon) and on the command line (the caller prints the same line and exits 1)."""
    try:
        return hold_window_lock(data_dir)
    except MemberDeskError as error:  # another window, or a data directory it cannot write
        log.warning("%s", error.message)
        if not quiet:
            QtWidgets.QMessageBox.critical(None, "MemberDesk", _in_language(app, error, data_dir))
        raise


def _in_language(app: QtWidgets.QApplication, error: MemberDeskError, data_dir: Path) -> str:
    if not isinstance(error, WindowAlreadyOpen):
        return error.message  # as a damaged database is said (below)
    switcher = LanguageSwitcher(app)
    with contextlib.suppress(MemberDeskError):  # a broken settings file: said in English
        switcher.switch(load_settings(data_dir).language)
    text = error_text(error)
    switcher.switch("en")
    return text


def _announce_when_ready(
    app: QtWidgets.QApplication, window: CounterWindow, started: float, exit_when_ready: bool
) -> None:
    """Print (and log) one line when the window is on screen with its input field focused."""
    timer = QtCore.QTimer(window)

    def poll() -> None:
        handle = window.windowHandle()
        if handle is None or not handle.isExposed():
            return
        window.activateWindow()
        window.arm_scan()
        timer.stop()
        seconds = time.perf_counter() - started
        log.info("scan armed %.3f s after start", seconds)
        print(f"{READY_LINE} ({seconds:.3f} s)", flush=True)
        if exit_when_ready:
            QtCore.QTimer.singleShot(0, window.close)

    timer.timeout.connect(poll)
    timer.start(5)


def _run_once(
    app: QtWidgets.QApplication,
    data_dir: Path,
    connect: Connect,
    language: str | None,
    exit_when_ready: bool,
    started: float,
) -> int:
    aside = apply_staged(data_dir)  # a pairing the wizard made last time takes over now
    if aside is not None:
        log.info("switched to the newly paired terminal; the old files are in %s", aside)
    try:
        terminal = open_terminal(data_dir, connect=connect)
    except MemberDeskError as error:
        # A damaged, vanished or read-only database: said on screen too, for a counter
        # started from its icon (the command line prints the same line and exits 1).
        if not exit_when_ready:
            QtWidgets.QMessageBox.critical(None, "MemberDesk", error.message)
        raise
    if not terminal.cashiers() and not terminal.sync_state().paired:
        seed_demo(terminal)  # a paired terminal never gets demo data
    terminal.expire()  # once per business day; safe to repeat
    switcher = LanguageSwitcher(app)
    switcher.switch(language or terminal.settings.language)
    window = CounterWindow(terminal, switcher)
    reporter = crash.install(window)

    bridge = SyncBridge()
    bridge.changed.connect(window.set_sync_state)
    sync = BackgroundSync(terminal, bridge)
    sync.started.connect(window.desk.attach_worker)  # the panel's "Sync now", once it runs
    restart = False

    def restart_now() -> None:
        nonlocal restart
        restart = True
        window.close()

    window.first_run.restart_requested.connect(restart_now)
    window.showMaximized()  # the counter's whole screen, whatever its size
    _announce_when_ready(app, window, started, exit_when_ready)
    QtCore.QTimer.singleShot(0, sync.start)  # after the window's first paint
    code = app.exec()
    sync.stop()
    crash.uninstall(reporter)
    window.deleteLater()
    terminal.close()
    return RESTART if restart else int(code)

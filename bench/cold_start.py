"""cold_start: seconds from launching the terminal to an armed scan, against launching an
empty PySide6 window, both in fresh Python processes in the same run.

The terminal child runs the real ``memberdesk run`` path (``ui.main.run_window``: open the
database, the embedded ledger and the sync worker, the counter window) on a seeded demo
terminal; as soon as the window is up it signs the first cashier in (the PIN is a person's
time, not the program's) and reports when the scan field holds the focus. The baseline child
imports PySide6, shows an empty ``QWidget`` and reports when it is exposed. Runs alternate;
the figure is the median of each.

Both children run with Python's bytecode cache on, as an installed terminal does (pip writes
it at install, the bundle ships it): the project's packages are compiled once before the
runs, and ``PYTHONDONTWRITEBYTECODE`` (set in some shells and CI images) is dropped for the
children, so the figure is the program's start, not the compiler's.
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.common import BENCH_NOW, Figure, note, scratch_dir

TERMINAL_CHILD = r"""
import sys
from pathlib import Path
from ui.qt import QtCore, QtWidgets
app = QtWidgets.QApplication(sys.argv[:1])

def poll():
    for w in app.topLevelWidgets():
        if type(w).__name__ == "CounterWindow" and w.isVisible():
            if w.controller.actor is None:
                actor = w.controller.cashiers()[0]
                w.controller.actor = actor
                w._signed_in(actor)
            if QtWidgets.QApplication.focusWidget() is w.counter.scan:
                print("ARMED", flush=True)
                app.quit()
                return
    QtCore.QTimer.singleShot(2, poll)

QtCore.QTimer.singleShot(0, poll)
from ui.composition import PARTS
from ui.main import run_window
run_window(Path(sys.argv[1]), PARTS.connect)
"""

EMPTY_CHILD = r"""
import sys
from PySide6 import QtCore, QtWidgets
app = QtWidgets.QApplication(sys.argv[:1])
w = QtWidgets.QWidget()
w.resize(1440, 900)
w.show()

def poll():
    handle = w.windowHandle()
    if handle is not None and handle.isExposed():
        print("ARMED", flush=True)
        app.quit()
        return
    QtCore.QTimer.singleShot(2, poll)

QtCore.QTimer.singleShot(0, poll)
app.exec()
"""


def _launch(code: str, *args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    while line and line.strip() != "ARMED":  # the program may say other things first
        line = child.stdout.readline()
    elapsed = time.perf_counter() - started
    child.wait(60)
    if line.strip() != "ARMED":
        raise AssertionError(f"the child did not arm: {line!r}")
    return elapsed


def run(quick: bool) -> Figure:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.bootstrap import open_terminal
    from app.demo import seed_demo
    from app.services.context import FixedClock

    rounds = 3 if quick else 7
    root = Path(__file__).resolve().parents[1]
    for package in ("app", "ui", "sync"):
        compileall.compile_dir(root / package, quiet=1)
    with scratch_dir("cold-start") as scratch:
        data = scratch / "data"
        terminal = open_terminal(data, clock=FixedClock(BENCH_NOW))
        seed_demo(terminal)
        terminal.close()
        _launch(TERMINAL_CHILD, str(data))  # first start: pairs with the embedded ledger
        _launch(EMPTY_CHILD)  # and warms the OS file cache for both
        terminal_s: list[float] = []
        empty_s: list[float] = []
        for _ in range(rounds):
            terminal_s.append(_launch(TERMINAL_CHILD, str(data)))
            empty_s.append(_launch(EMPTY_CHILD))
    value = statistics.median(terminal_s)
    base = statistics.median(empty_s)
    note(
        f"cold_start: {rounds} launches each: terminal to an armed scan median={value:.3f} s "
        f"(min {min(terminal_s):.3f}, max {max(terminal_s):.3f}); empty PySide6 window "
        f"median={base:.3f} s; ratio {value / base:.2f} (target <= 2)"
    )
    return Figure("cold_start", value, "s", base)

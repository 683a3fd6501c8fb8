"""``bundle_cold_start``: seconds from launching the bundle to an armed scan.

The bundle (``make bundle``) is started as a cashier's launcher would start it, on a terminal
that has been started once (demo data seeded, so the one-time first start is not measured),
with ``memberdesk run --exit-when-ready``: it prints ``memberdesk: ready, scan armed`` when
the counter window is exposed on screen with the input focus in its field, and exits. The
figure is the wall time from ``Popen`` to that line (median of 3 launches, offscreen platform).

Baseline, in the same run: the venv's Python launching an empty PySide6 window and waiting for
it to be exposed (the least any Qt window costs here). The bundle's size is printed to stderr
and is also the figure ``bundle_size`` (MiB; baseline: the PySide6 Qt libraries it carries).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.common import Figure, Skipped, note, scratch_dir

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "memberdesk"
EXECUTABLE = BUNDLE / ("memberdesk.exe" if sys.platform == "win32" else "memberdesk")
READY = "memberdesk: ready, scan armed"
EMPTY_WINDOW = """
import sys, time
from PySide6 import QtWidgets, QtCore
app = QtWidgets.QApplication(sys.argv)
w = QtWidgets.QMainWindow(); w.resize(1440, 900); w.show()
def poll():
    h = w.windowHandle()
    if h is not None and h.isExposed():
        print("ready", flush=True); app.quit()
t = QtCore.QTimer(); t.timeout.connect(poll); t.start(5)
app.exec()
"""


class BundleMissing(Skipped):
    pass


def _env(data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEMBERDESK_")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        MEMBERDESK_DATA_DIR=str(data / "data"),
        MEMBERDESK_CONFIG_DIR=str(data / "config"),
        MEMBERDESK_LOG_DIR=str(data / "logs"),
    )
    return env


def _launch(argv: list[str], env: dict[str, str], ready: str) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(
        argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith(ready):
            elapsed = time.perf_counter() - started
            break
    else:
        process.wait(60)
        raise RuntimeError(f"{argv[0]} exited ({process.returncode}) without '{ready}'")
    process.wait(60)
    return elapsed


def _size_mib(folder: Path) -> float:
    return (
        sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
        / 2**20
    )


def check_bundle() -> None:
    if not EXECUTABLE.exists():
        raise BundleMissing(
            f"{EXECUTABLE} is missing: build the bundle first with 'make bundle' "
            "(bundle_cold_start and bundle_size need it)"
        )


def run_cold_start(quick: bool) -> Figure:
    check_bundle()
    rounds = 1 if quick else 3
    with scratch_dir("bundle") as scratch:
        env = _env(scratch)
        _launch([str(EXECUTABLE), "run", "--exit-when-ready"], env, READY)  # first start: seeds
        bundle = [
            _launch([str(EXECUTABLE), "run", "--exit-when-ready"], env, READY)
            for _ in range(rounds)
        ]
        empty = [_launch([sys.executable, "-c", EMPTY_WINDOW], env, "ready") for _ in range(rounds)]
    note(
        f"bundle launches {', '.join(f'{s:.2f}' for s in bundle)} s; empty PySide6 window "
        f"{', '.join(f'{s:.2f}' for s in empty)} s"
    )
    return Figure("bundle_cold_start", statistics.median(bundle), "s", statistics.median(empty))


def run_size(quick: bool) -> Figure:
    check_bundle()
    total = _size_mib(BUNDLE)
    qt = _size_mib(BUNDLE / "_internal" / "PySide6")
    note(f"bundle {BUNDLE}: {total:.1f} MiB, of which PySide6/Qt {qt:.1f} MiB")
    return Figure("bundle_size", total, "MiB", qt)

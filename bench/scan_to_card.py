"""scan_to_card: p99 milliseconds from the last keystroke of a scan burst to the member card
painted, in the counter window (offscreen) on a 1,000,000-member replica.

Each sample types a member number into the focused scan field as a burst (no delay between
keys, as a scanner does), then sends Enter: the clock starts just before Enter and stops when
the card's name label has been painted with the new member (a paint event filter). Half the
members have a purchase history, half are drawn from the whole population, as in
``member_lookup_1m``. The baseline is ``Terminal.card`` for the same member, called directly
(the core's share of the work), timed interleaved with the scans.
"""

from __future__ import annotations

import os
import random
import sys
import time

from bench.build_db import Population, ensure_database, history_members
from bench.common import BENCH_NOW, Figure, note, percentile
from bench.lookup import warm_file


def run(quick: bool) -> Figure:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import QtTest

    from app.bootstrap import open_terminal
    from app.config import DATABASE_NAME
    from app.services.context import Actor, FixedClock
    from ui.i18n import LanguageSwitcher
    from ui.qt import QtCore, QtWidgets
    from ui.window import CounterWindow

    population = Population(20_000, 1_000) if quick else Population(1_000_000, 20_000)
    count, warmup = (150, 30) if quick else (1000, 100)
    data_dir = ensure_database(population)
    warm_file(data_dir / DATABASE_NAME)
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    terminal = open_terminal(data_dir, clock=FixedClock(BENCH_NOW))
    switcher = LanguageSwitcher(app)
    switcher.switch("en")
    window = CounterWindow(terminal, switcher)
    window.resize(1366, 768)  # the most common counter monitor
    window.show()
    QtTest.QTest.qWaitForWindowExposed(window)
    actor = Actor("bench", "Bench Cashier", "cashier")
    window.controller.actor = actor
    window._signed_in(actor)
    scan = window.counter.scan
    name = window.counter.card.name
    painted: list[int] = []

    class PaintWatch(QtCore.QObject):
        def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:  # noqa: N802
            if event.type() == QtCore.QEvent.Type.Paint:
                painted.append(time.perf_counter_ns())
            return False

    watch = PaintWatch()
    name.installEventFilter(watch)
    rng = random.Random(11)
    regulars = history_members(population)

    def pick(i: int) -> str:
        n = rng.choice(regulars) if i % 2 == 0 else rng.randrange(population.members)
        return population.member_id(n)

    scan_ms: list[float] = []
    core_ms: list[float] = []
    try:
        for i in range(warmup + count):
            member_id = pick(i)
            scan.setFocus()
            QtTest.QTest.keyClicks(scan, member_id)
            painted.clear()
            t0 = time.perf_counter_ns()
            QtTest.QTest.keyClick(scan, QtCore.Qt.Key.Key_Return)
            deadline = time.monotonic() + 5
            while not painted and time.monotonic() < deadline:
                app.processEvents()
            if not painted or window.controller.card is None:
                raise AssertionError(f"the card of {member_id} was not painted")
            if window.controller.card.member_id != member_id:
                raise AssertionError(f"scan of {member_id} showed {window.controller.card}")
            t1 = time.perf_counter_ns()
            terminal.card(member_id)
            t2 = time.perf_counter_ns()
            if i >= warmup:
                scan_ms.append((painted[0] - t0) / 1e6)
                core_ms.append((t2 - t1) / 1e6)
            window.clear_member()
            app.processEvents()
    finally:
        window.close()
        terminal.close()
    p99 = percentile(scan_ms, 99)
    base = percentile(core_ms, 99)
    note(
        f"scan_to_card: {population.members} members, {count} scans: p50="
        f"{percentile(scan_ms, 50):.2f} ms p99={p99:.2f} ms max={max(scan_ms):.2f} ms; "
        f"core card p50={percentile(core_ms, 50):.2f} ms p99={base:.2f} ms (target p99 <= 50 ms)"
    )
    return Figure("scan_to_card", p99, "ms", base)

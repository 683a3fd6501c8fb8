"""The one way the screen calls the core: off the GUI thread, results back on it.

Every call runs on one worker thread, one after another (the core's unit of work is not
shared between threads, and a second call never overtakes the first). Two ways in:

- ``submit(work, on_done, on_error)``: the result or the error arrives later on the GUI
  thread (a queued signal), as Anki's ``CollectionOp`` hands back its outcome;
- ``wait(work)``: for the screen's calls written as plain calls. A call that takes long
  (the database busy with a sync, a slow ledger) turns the GUI thread's event loop
  meanwhile (timers fire, the window repaints, the sync status moves) but keeps the
  keyboard and mouse for later: Qt delivers what was pressed once the call is done, so a
  key is neither lost nor applied to a half-finished screen.

``working`` says when a call is under way, so the window can say "Working…" when one takes
long (the database busy with a sync, a slow link to the ledger).
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from typing import TypeVar, cast

from ui.qt import QtCore

Qt = QtCore.Qt
T = TypeVar("T")
log = logging.getLogger(__name__)
QUICK_S = 0.02  # a call done within this is waited for without turning the event loop


class _Relay(QtCore.QObject):
    finished = QtCore.Signal()


class _Job(QtCore.QRunnable):
    """``work`` run once on the worker: its outcome kept, ``done`` set, ``relay`` told."""

    def __init__(self, work: Callable[[], object]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # its outcome is read after it ran
        self.work = work
        self.relay = _Relay()  # made on the GUI thread: its signal queues to it
        self.done = threading.Event()
        self.ok = False
        self.value: object = None

    def run(self) -> None:
        try:
            self.value = self.work()
            self.ok = True
        except Exception as error:  # handed to the GUI thread, which decides what to say
            self.value = error
        self.done.set()
        self.relay.finished.emit()  # after ``done``: a waiter that saw it unset gets this


class CoreExecutor(QtCore.QObject):
    """One worker thread for every call of the screen into the core."""

    working = QtCore.Signal(bool)  # True when a call takes long, False when none is left

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QtCore.QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one at a time, in the order asked
        self.pool.setExpiryTimeout(-1)  # the thread stays: no start-up cost per call
        self._open: set[_Job] = set()  # asked and not yet reported on the GUI thread
        # The last jobs reported, kept a while: the worker may still be leaving their run().
        self._recent: deque[_Job] = deque(maxlen=8)
        self._said_working = False

    @property
    def busy(self) -> bool:
        return bool(self._open)

    def on_gui_thread(self) -> bool:
        return QtCore.QThread.currentThread() is self.thread()

    def _start(self, job: _Job) -> _Job:
        self._open.add(job)
        self.pool.start(job)
        return job

    def _close(self, job: _Job) -> None:
        self._open.discard(job)
        self._recent.append(job)
        if not self._open and self._said_working:
            self._said_working = False
            self.working.emit(False)

    def _say_working(self) -> None:
        if not self._said_working:
            self._said_working = True
            self.working.emit(True)

    def submit(
        self,
        work: Callable[[], object],
        on_done: Callable[[object], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        """Run ``work`` on the worker; ``on_done``/``on_error`` run later on the GUI thread."""
        job = _Job(work)

        def report() -> None:
            self._close(job)
            if job.ok:
                on_done(job.value)
            else:
                on_error(_as_exception(job.value))

        job.relay.finished.connect(report, Qt.ConnectionType.QueuedConnection)
        self._start(job)  # connected first: a quick job's signal is never missed
        self._say_working()

    def wait(self, work: Callable[[], T]) -> T:
        """``work()`` run on the worker, its result (or its error) here. A call done within
        ``QUICK_S`` is simply waited for; a longer one turns the event loop meanwhile,
        without user input. Called off the GUI thread (a job calling the controller), it
        simply runs there."""
        if not self.on_gui_thread():
            return work()
        job = self._start(_Job(work))
        if not job.done.wait(QUICK_S):
            loop = QtCore.QEventLoop()
            job.relay.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
            if not job.done.is_set():  # else its signal may have gone before the connection
                self._say_working()
                loop.exec(QtCore.QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        self._close(job)
        if not job.ok:
            raise _as_exception(job.value)
        return cast(T, job.value)

    def wait_briefly(self, work: Callable[[], T]) -> T:
        """``work()`` run on the worker while the GUI thread simply waits (no event loop
        turned): for reads that never wait for a writer (SQLite's WAL), called while the
        status bar is drawn or the language changes, where a turning loop could delete the
        very window that asked."""
        if not self.on_gui_thread():
            return work()
        job = self._start(_Job(work))
        job.done.wait()
        self._close(job)
        if not job.ok:
            raise _as_exception(job.value)
        return cast(T, job.value)


def _as_exception(error: object) -> Exception:
    return error if isinstance(error, Exception) else RuntimeError(str(error))


_SHARED: list[CoreExecutor] = []


def core_executor() -> CoreExecutor:
    """The process's executor, made on first use on the GUI thread (one for every screen)."""
    if not _SHARED:
        app = QtCore.QCoreApplication.instance()
        _SHARED.append(CoreExecutor(app))
    return _SHARED[0]

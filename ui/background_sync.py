"""Start sync after the counter window is up, on a thread of its own.

Loading the HTTP client, the embedded ledger (FastAPI, uvicorn, its database) and pairing
with it takes longer than everything the counter needs to take a scan. The cashier does not
wait for it: the window opens offline, and the status bar turns online when the first round
is done.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from ui.qt import QtCore
from ui.sync_bridge import SyncBridge

if TYPE_CHECKING:
    from app.bootstrap import Terminal
    from sync.client.embedded import EmbeddedLedger
    from sync.client.worker import SyncWorker

log = logging.getLogger(__name__)


class BackgroundSync(QtCore.QObject):
    """Owns the embedded ledger and the sync worker; ``stop`` is safe at any moment, even
    while they are still starting."""

    # (bridge, the running SyncWorker): connect it to a QObject's method so that Qt delivers
    # it on that object's (the GUI) thread.
    started = QtCore.Signal(object, object)

    def __init__(self, terminal: Terminal, bridge: SyncBridge) -> None:
        super().__init__()
        self.terminal = terminal
        self.bridge = bridge
        self.embedded: EmbeddedLedger | None = None
        self.worker: SyncWorker | None = None
        self._lock = threading.Lock()
        self._stopping = False
        self._thread = threading.Thread(target=self._start, name="memberdesk-sync-start")

    def start(self) -> None:
        self._thread.start()

    def _start(self) -> None:
        try:
            from sync.client.startup import start_sync
            from sync.client.worker import SyncWorker

            embedded, syncer = start_sync(self.terminal)
        except Exception:  # the counter works offline; sync problems must not stop a sale
            log.exception("sync could not start; the terminal works offline")
            return
        worker = None if syncer is None else SyncWorker(syncer, on_state=self.bridge.publish_state)
        with self._lock:
            if self._stopping:  # the window closed while sync was starting
                if embedded is not None:
                    embedded.stop()
                return
            self.embedded = embedded
            self.worker = worker
            if worker is not None:
                worker.start()
        if worker is not None:
            self.started.emit(self.bridge, worker)

    def stop(self) -> None:
        with self._lock:
            self._stopping = True
        if self._thread.is_alive():
            self._thread.join(30)
        if self.worker is not None:
            self.worker.stop()
        if self.embedded is not None:
            self.embedded.stop()

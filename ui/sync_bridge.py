"""Carries the sync worker's state from its thread to the GUI thread (a queued signal)."""

from __future__ import annotations

from ui.qt import QtCore


class SyncBridge(QtCore.QObject):
    changed = QtCore.Signal(bool, object, object)  # online, problem, last success
    # The worker's whole state (sync.client.worker.WorkerState), for the sync panel.
    details = QtCore.Signal(object)

    def publish(self, online: bool, problem: str | None, last_success: str | None) -> None:
        """Safe from any thread: Qt queues the signal to the receiver's thread."""
        self.changed.emit(online, problem, last_success)

    def publish_state(self, state: object) -> None:
        """The status bar's three values and the panel's details, from any thread."""
        online = bool(getattr(state, "online", False))
        self.changed.emit(
            online, getattr(state, "blocked", None), getattr(state, "last_success", None)
        )
        self.details.emit(state)

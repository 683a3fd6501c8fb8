"""Carries the sync worker's state from its thread to the GUI thread (a queued signal)."""

from __future__ import annotations

from ui.qt import QtCore


class SyncBridge(QtCore.QObject):
    changed = QtCore.Signal(bool, object, object)  # online, problem, last success

    def publish(self, online: bool, problem: str | None, last_success: str | None) -> None:
        """Safe from any thread: Qt queues the signal to the receiver's thread."""
        self.changed.emit(online, problem, last_success)

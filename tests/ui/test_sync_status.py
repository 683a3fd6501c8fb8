"""The status bar always says where sync stands, fed from the worker thread by a signal."""

from __future__ import annotations

import threading

import pytest

from ui.sync_bridge import SyncBridge

pytestmark = pytest.mark.gui


def test_status_bar_follows_the_sync_worker(qtbot, window, demo_terminal) -> None:
    window.set_language("en")  # another test on this worker may have left Chinese on
    waiting = demo_terminal.outbox_waiting()
    assert waiting > 0  # the demo's events were never sent
    assert window.sync_status.text() == f"Offline — {waiting} events waiting"

    bridge = SyncBridge()
    bridge.changed.connect(window.set_sync_state)
    # The worker publishes from its own thread; the window must update on the GUI thread.
    worker = threading.Thread(target=bridge.publish, args=(True, None, "2026-11-24T02:05:09+00:00"))
    with qtbot.waitSignal(bridge.changed, timeout=5000):
        worker.start()
    worker.join()
    qtbot.waitUntil(lambda: window.sync_status.text().startswith("Online"), timeout=5000)
    assert window.sync_status.text() == f"Online — {waiting} events waiting · last sync 02:05"

    window.set_sync_state(False, "409 hash_chain_broken: history was changed", None)
    assert window.sync_status.text() == (
        f"Sync stopped — {waiting} events waiting; call the service desk"
    )
    assert "hash_chain_broken" in window.sync_status.toolTip()

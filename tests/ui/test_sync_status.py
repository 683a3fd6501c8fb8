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


def test_sync_starts_behind_the_open_window_and_goes_online(qtbot, window, demo_terminal) -> None:
    """ui.main opens the window first and starts the embedded ledger and the worker on a
    thread: the window is usable offline at once and turns online when sync is up."""
    from ui.background_sync import BackgroundSync

    window.set_language("en")
    waiting = demo_terminal.outbox_waiting()
    bridge = SyncBridge()
    bridge.changed.connect(window.set_sync_state)
    sync = BackgroundSync(demo_terminal, bridge)
    sync.started.connect(window.desk.attach_worker)
    try:
        with qtbot.waitSignal(sync.started, timeout=30_000):
            sync.start()
            assert window.sync_status.text() == f"Offline — {waiting} events waiting"
        assert window.desk.sync_now is not None  # the sync panel's "Sync now" is wired
        qtbot.waitUntil(
            lambda: window.sync_status.text().startswith("Online — 0 events waiting"),
            timeout=30_000,
        )
    finally:
        sync.stop()
    assert demo_terminal.outbox_waiting() == 0
    assert not sync._thread.is_alive()


def test_closing_while_sync_still_starts_leaves_nothing_running(qtbot, demo_terminal) -> None:
    from ui.background_sync import BackgroundSync

    sync = BackgroundSync(demo_terminal, SyncBridge())
    sync.start()
    sync.stop()  # at once, while the ledger is still loading
    assert not sync._thread.is_alive()
    if sync.embedded is not None:
        assert not sync.embedded.thread.is_alive()
    assert sync.worker is None or not sync.worker._thread or not sync.worker._thread.is_alive()


def test_the_embedded_ledger_takes_another_port_when_its_own_is_taken(
    demo_terminal, monkeypatch
) -> None:
    """Another program bound the preferred port between the probe and the bind: the ledger
    starts on a free port and the credential follows it."""
    import socket

    from sync.client import credentials, embedded

    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    taken = holder.getsockname()[1]
    monkeypatch.setattr(embedded, "PREFERRED_PORT", taken)
    monkeypatch.setattr(embedded, "_free", lambda _port: True)  # the probe saw it free
    try:
        ledger, syncer = embedded.start_embedded(demo_terminal)
        assert ledger is not None and syncer is not None
        try:
            assert not ledger.url.endswith(f":{taken}")
            saved = credentials.load(demo_terminal.settings.data_dir)
            assert saved is not None and saved.ledger_url == ledger.url
            syncer.round()
            assert demo_terminal.outbox_waiting() == 0
        finally:
            ledger.stop()
    finally:
        holder.close()

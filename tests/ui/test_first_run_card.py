"""The first run shows the card QR (issue 15): the window is built before it has paired with
the embedded ledger (that happens in the background, after the window is up), so the card
code must not be taken for "this terminal is not paired" until the next start: a code asked
before the pairing waits like an offline one and arrives after the first sync."""

from __future__ import annotations

import pytest

from sync.client import credentials

pytestmark = pytest.mark.gui


def test_the_card_code_arrives_after_the_first_background_pairing(
    qtbot, window, demo_terminal
) -> None:
    from sync.client import embedded

    data_dir = demo_terminal.settings.data_dir
    assert credentials.load(data_dir) is None  # a first start: not paired yet
    codes = window.flows.codes  # made with the window, before any pairing
    assert codes.paired

    with qtbot.waitSignal(codes.later, timeout=10_000) as later:
        codes.request("M000001", "Z**** W**")
    assert later.args == ["M000001", "offline"]  # waits for sync; never "not_paired"

    ledger, syncer = embedded.start_embedded(demo_terminal)  # what the window does behind
    assert ledger is not None and syncer is not None
    try:
        syncer.round()  # the ledger learns the demo members
        with qtbot.waitSignal(codes.ready, timeout=20_000) as ready:
            codes.sync_succeeded()  # the status bar's first "online"
        member_id, code = ready.args
        assert member_id == "M000001" and code.startswith("MD1C.")
    finally:
        ledger.stop()

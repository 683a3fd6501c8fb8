"""The window, started through the program's own composition root on a terminal that a
separate ``memberdesk pair`` process paired, asks the ledger for a hold on a redemption."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ui import composition
from ui.qt import QtCore, QtWidgets
from ui.window import CounterWindow

from .conftest import CounterFactory
from .harness import Ledger

pytestmark = pytest.mark.gui


def test_the_window_of_a_paired_terminal_redeems_through_a_ledger_hold(
    ledger: Ledger,
    paired_counter: CounterFactory,
    tmp_path: Path,
    qapp: QtWidgets.QApplication,
    monkeypatch: pytest.MonkeyPatch,
):
    ledger.import_members(
        [{"member_id": "M100001", "phone": "13900000001", "name": "Wang Fang", "points": 3000}],
        tmp_path,
    )
    counter = paired_counter("T01")
    counter.run("sync", "--once")
    for name, value in counter.env.items():  # the window reads the PC's own folders
        if name.startswith("XDG_") or name == "HOME":
            monkeypatch.setenv(name, value)
    seen: dict[str, object] = {}

    def drive() -> None:
        windows = [w for w in qapp.topLevelWidgets() if isinstance(w, CounterWindow)]
        if not windows or not windows[0].isVisible():
            QtCore.QTimer.singleShot(20, drive)
            return
        window = windows[0]
        try:
            seen["asks_ledger"] = window.controller.redeem_asks_ledger()
            window.controller.sign_in("lin", "1111")
            window.controller.look_up("13900000001")
            seen["result"] = window.controller.redeem("coupon", "DINE10P", 0)
        except Exception as error:  # reported by the assertions below
            seen["error"] = error
        finally:
            window.close()

    QtCore.QTimer.singleShot(0, drive)
    code = composition.main(["--data-dir", str(counter.data_dir), "run"])
    assert code == 0
    assert "error" not in seen, seen.get("error")
    assert seen["asks_ledger"] is True
    # held at the ledger (and maybe used up already: the window syncs in the background)
    holds = ledger.rows("SELECT terminal_id, points FROM holds WHERE member_id = 'M100001'")
    assert holds == [{"terminal_id": "T01", "points": 800}]
    assert os.environ.get("QT_QPA_PLATFORM") == "offscreen"

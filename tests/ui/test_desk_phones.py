"""The service desk's phones tab (Ctrl+5): the member's bound phones from the ledger, asked
for off the GUI thread, and a lost phone removed by keyboard with a second Enter to confirm."""

from __future__ import annotations

import threading

import pytest
from test_counter_window import scan, sign_in
from test_desk import ctrl, open_dialog

from sync.protocol import PhoneView
from ui.desk_phones import PhoneSource
from ui.dialogs import table_texts
from ui.qt import QtCore

Qt = QtCore.Qt
pytestmark = pytest.mark.gui
KEY = "ab" * 32


class StandInLedger:
    """The ledger's phones of one member; notes which thread asked and what was removed."""

    def __init__(self) -> None:
        self.phones = {
            "M000003": [
                PhoneView(
                    device_id=KEY,
                    label="Android",
                    bound_at="2026-11-20T09:15:00+00:00",
                    last_seen_at="2026-11-24T01:58:00+00:00",
                ),
            ]
        }
        self.removed: list[tuple[str, str]] = []
        self.threads: list[int] = []

    def fetch(self, member_id: str) -> list[PhoneView]:
        self.threads.append(threading.get_ident())
        return list(self.phones.get(member_id, []))

    def remove(self, member_id: str, device_id: str) -> None:
        self.threads.append(threading.get_ident())
        self.removed.append((member_id, device_id))
        self.phones[member_id] = [p for p in self.phones[member_id] if p.device_id != device_id]

    def source(self) -> PhoneSource:
        return PhoneSource(self.fetch, self.remove)


def test_the_desk_removes_a_lost_phone_by_keyboard(qtbot, window) -> None:
    from ui.service_desk import ServiceDeskDialog

    ledger = StandInLedger()
    window.desk.phone_source = ledger.source()
    sign_in(qtbot, window)
    scan(qtbot, window, "M000003")
    desk = open_dialog(qtbot, window, Qt.Key.Key_H, ServiceDeskDialog)
    ctrl(qtbot, desk.history_table, Qt.Key.Key_5)
    page = desk.phones_page
    assert desk.tabs.tabText(4) == "&5 Phones"
    qtbot.waitUntil(lambda: page.phone_table.rowCount() == 1)
    assert table_texts(page.phone_table)[0] == [
        "Android", "2026-11-20 09:15", "2026-11-24 01:58", KEY[:12]
    ]  # fmt: skip
    assert threading.get_ident() not in ledger.threads
    qtbot.keyClick(page.phone_table, Qt.Key.Key_Return)  # asks first
    assert "Remove the phone “Android”?" in page.status.text()
    assert ledger.removed == []
    qtbot.keyClick(page.phone_table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.status.text().startswith("Removed the phone “Android”."))
    assert ledger.removed == [("M000003", KEY)]
    assert page.phone_table.rowCount() == 0
    assert "Ctrl+5 Phones" in desk.keys.text()


def test_without_a_member_the_tab_says_what_to_do(qtbot, window) -> None:
    from ui.service_desk import ServiceDeskDialog

    ledger = StandInLedger()
    window.desk.phone_source = ledger.source()
    sign_in(qtbot, window)
    desk = open_dialog(qtbot, window, Qt.Key.Key_H, ServiceDeskDialog)
    ctrl(qtbot, desk.member_edit, Qt.Key.Key_5)
    assert desk.phones_page.status.text() == "Look a member up first (the Member field above)."
    assert ledger.threads == []

"""The service desk's history covers every counter when the ledger answers (naming the store
and counter of each event) and says it shows this counter only when it does not."""

from __future__ import annotations

import pytest
from test_counter_window import scan, sign_in
from test_desk import open_dialog

from app.services.servicedesk import MallEventView
from ui.dialogs import table_texts
from ui.qt import QtCore

Qt = QtCore.Qt
pytestmark = pytest.mark.gui


def elsewhere(member_id: str, terminal_id: str) -> list[MallEventView]:
    return [
        MallEventView(
            at="2026-11-24T10:00:00+08:00",
            business_day="2026-11-24",
            kind="purchase",
            points=300,
            store_code="S003",
            terminal_id=terminal_id,
            event_id="01a20b48-0900-7266-9b2b-4b1fa70b2a7f",
        )
    ]


SAID = {
    "en": ("A purchase at S003 · T03", "Every counter of the mall, as the ledger has it."),
    "zh_CN": ("在 S003 · T03 消费", "全商场所有柜台的记录（以总账为准）。"),
    "es": ("Una compra en S003 · T03", "Todos los mostradores del centro, según el libro mayor."),
}


@pytest.mark.parametrize("language", ["en", "zh_CN", "es"])
def test_the_history_shows_other_counters_events_and_names_them(qtbot, window, language) -> None:
    from ui.service_desk import ServiceDeskDialog

    asked: list[str] = []

    def mall(member_id: str) -> list[MallEventView]:
        asked.append(member_id)
        own = window.controller.terminal_id
        return elsewhere(member_id, "T03") + elsewhere(member_id, own)  # its own: shown once

    window.controller.terminal.mall_history = mall
    window.set_language(language)
    sign_in(qtbot, window, "sam", "2222")
    scan(qtbot, window, "M000003")
    desk = open_dialog(qtbot, window, Qt.Key.Key_H, ServiceDeskDialog)
    assert asked == ["M000003"]
    sentence, scope = SAID[language]
    assert desk.scope.text() == scope
    rows = [row for row in table_texts(desk.history_table) if sentence in row[-1]]
    assert len(rows) == 1 and rows[0][1] == "+300"
    own_rows = [row for row in table_texts(desk.history_table) if "S003 · " in row[-1]]
    assert len(own_rows) == 1  # the counter's own event is among its own lines, not twice


def test_offline_the_history_says_it_shows_this_counter_only(qtbot, window) -> None:
    from ui.service_desk import ServiceDeskDialog

    def offline(member_id: str) -> list[MallEventView]:
        raise ConnectionError("the ledger does not answer")

    window.controller.terminal.mall_history = offline
    sign_in(qtbot, window, "sam", "2222")
    scan(qtbot, window, "M000003")
    desk = open_dialog(qtbot, window, Qt.Key.Key_H, ServiceDeskDialog)
    assert desk.scope.text() == "This counter only: the ledger does not answer now."
    assert desk.history_table.rowCount() > 0  # this counter's lines all the same

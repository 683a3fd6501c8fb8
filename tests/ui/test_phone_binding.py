"""F8 then Ctrl+B: the member's phone binding QR on the counter and on the customer display,
asked for off the GUI thread; offline it says so. Keys as a cashier presses them."""

from __future__ import annotations

import threading

import pytest
import zxingcpp
from test_flows import (  # noqa: F401 - no_dialog_left: its autouse fixture
    FakeLedger,
    close_flow,
    flow,
    no_dialog_left,
    press,
    scan,
    sign_in,
)

from ui.phone_binding import BindingLater
from ui.qt import QtCore

Qt = QtCore.Qt
pytestmark = pytest.mark.gui
LINK = "https://members.example-mall.com/phone/#bind=ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class FakeBindings:
    """The ledger's binding codes, or a ledger out of reach; notes the thread it ran on."""

    def __init__(self, reachable: bool = True) -> None:
        self.reachable = reachable
        self.threads: list[int] = []

    def __call__(self, member_id: str) -> tuple[str, str]:
        self.threads.append(threading.get_ident())
        if not self.reachable:
            raise BindingLater("offline", "connection refused")
        return LINK, "2026-11-24T02:05:00+00:00"


def qr_text(pixmap) -> str:
    [found] = zxingcpp.read_barcodes(pixmap.toImage())
    return str(found.text)


@pytest.fixture
def bindings(window, tmp_path) -> FakeBindings:
    from ui.enroll import CardCodes

    ledger = FakeLedger()
    ledger.reachable = True
    window.flows.set_card_codes(CardCodes(ledger, tmp_path / "cards", window.flows))
    fake = FakeBindings()
    window.flows.bindings = fake
    return fake


def test_the_cashier_shows_the_binding_qr_on_both_screens(qtbot, window, bindings) -> None:
    sign_in(qtbot, window)
    press(qtbot, window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    display = window.flows.customer_display
    scan(qtbot, window, "M000003")
    press(qtbot, window, Qt.Key.Key_F8)
    card = flow(window)
    assert "Ctrl+B bind the phone" in card.keys.text()
    press(qtbot, window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.flows.dialog is not None and window.flows.dialog is not card)
    dialog = flow(window)
    qtbot.waitUntil(lambda: dialog.state == "ready", timeout=3000)
    assert bindings.threads and bindings.threads[0] != threading.get_ident()
    assert qr_text(dialog.qr.pixmap()) == LINK
    assert "scans this code with the phone's camera" in dialog.status.text()
    assert "It works once, until" in dialog.status.text()
    assert display.qr.isVisible() and qr_text(display.qr.pixmap()) == LINK
    assert "Scan this code with your phone's camera to bind your phone" in display.visible_texts()
    close_flow(qtbot, window)
    assert not display.qr.isVisible()
    assert not any("bind your phone" in text for text in display.visible_texts())


def test_offline_the_binding_says_so_and_shows_no_qr(qtbot, window, bindings) -> None:
    bindings.reachable = False
    sign_in(qtbot, window)
    scan(qtbot, window, "M000003")
    press(qtbot, window, Qt.Key.Key_F8)
    flow(window)
    press(qtbot, window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.flows.dialog is not None and window.flows.dialog.state
                    == "offline", timeout=3000)  # fmt: skip
    dialog = flow(window)
    assert dialog.qr.pixmap().isNull() and dialog.qr.text() == "No QR"
    assert "Offline: phones are bound with the ledger" in dialog.status.text()
    assert not window.flows.customer_display.qr.isVisible()
    close_flow(qtbot, window)

"""Scanner framing and timing, receipts to ESC/POS and PDF, and the [counter] settings table."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_scanner import open_checkout
from wedge import scanner_types

from app.counter_config import CounterSettings, read_counter, save_counter
from app.domain.errors import InvalidInput
from app.services.receipts import ReceiptLine, ReceiptView
from ui.qt import QtCore

Qt = QtCore.Qt
pytestmark = pytest.mark.gui

VIEW = ReceiptView(
    store_code="S001",
    terminal_id="T01",
    receipt_no="T01-0000042",
    at="2026-11-24T10:00:00+08:00",
    timezone="Asia/Shanghai",
    cashier="Lin Cashier",
    member_id="M000003",
    member_name="L* N*",
    lines=[ReceiptLine("Grocery", 12_850), ReceiptLine("Dining", 8_600)],
    subtotal_fen=21_450,
    savings_fen=1_000,
    payable_fen=20_450,
    points_used=500,
    points_deduction_fen=500,
    points_earned=204,
    balance=8_099,
    expiring_points=300,
    expiring_on="2026-12-31",
)


@pytest.mark.parametrize("delay", [3, 12])
def test_a_framed_scan_at_scanner_speed_is_found(qtbot, window, delay: int) -> None:
    # 50 ms: room for a busy test machine, still well under a person's 80 ms and more
    window.scanner.configure(gap_ms=50, min_length=6, prefix="]Q", suffix="#")
    field = open_checkout(qtbot, window)
    # time-stamped as the window system does, so a busy test machine cannot stretch it
    scanner_types(window, "]QM000002#", key_ms=delay)
    assert window.controller.card.member_id == "M000002"
    assert "M000002" not in field.text() and "]Q" not in field.text()


def test_a_person_typing_a_framed_code_at_80ms_is_not_a_scan(qtbot, window) -> None:
    window.scanner.configure(gap_ms=50, min_length=6, prefix="]Q", suffix="#")
    field = open_checkout(qtbot, window)
    qtbot.keyClicks(field, "]QM000002#", delay=80)
    qtbot.keyClick(field, Qt.Key.Key_Return, delay=80)
    assert window.controller.card.member_id == "M000001"


def test_a_longer_shortest_code_turns_short_bursts_away(qtbot, window) -> None:
    window.scanner.configure(gap_ms=30, min_length=9, prefix="", suffix="")
    field = open_checkout(qtbot, window)
    qtbot.keyClicks(field, "M000002")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.controller.card.member_id == "M000001"


def test_receipt_words_and_escpos_text(qapp) -> None:
    from escpos.printer import Dummy

    from ui.receipts import ReceiptText, needs_image, send

    lines = ReceiptText().lines(VIEW)
    assert lines[1] == "Receipt T01-0000042"
    assert lines[2] == "2026-11-24 10:00 Asia/Shanghai (UTC+08:00)"
    text = "\n".join(lines)
    for words in (
        "Cashier: Lin Cashier",
        "500 points used",
        "You saved",
        "Points earned: 204",
        "Points spent: 500",
        "Balance: 8,099 points",
        "Expiring soon: 300 points on 2026-12-31",
    ):
        assert words in text
    assert not needs_image(lines)
    device = Dummy()
    send(device, lines)
    assert b"Receipt T01-0000042" in device.output
    assert b"\x9d204.50" in device.output  # the yen sign in the printer's code page
    assert b"\x1dV" in device.output  # cut


def test_a_chinese_receipt_prints_as_an_image(qapp, window) -> None:
    from escpos.printer import Dummy

    from ui.receipts import ReceiptText, needs_image, render_image, send, to_pil

    window.set_language("zh_CN")
    qapp.processEvents()
    lines = ReceiptText().lines(VIEW)
    window.set_language("en")
    assert needs_image(lines)
    image = render_image(lines)
    assert image.width() == 576 and image.height() > 20 * len(lines)
    device = Dummy()
    send(device, lines, to_pil(image))
    assert b"\x1dv0" in device.output  # a raster image, not text


def test_a_pdf_receipt(qapp, tmp_path: Path) -> None:
    from ui.receipts import ReceiptText, write_pdf

    path = write_pdf(ReceiptText().lines(VIEW), VIEW.receipt_no, tmp_path / "r.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"T01-0000042" in data


def test_counter_settings_round_trip_keep_other_tables(tmp_path: Path) -> None:
    path = tmp_path / "memberdesk.toml"
    path.write_text('# mine\n[terminal]\nterminal_id = "T07"\n', encoding="utf-8")
    assert read_counter(path) == CounterSettings()
    chosen = CounterSettings(
        scan_gap_ms=20, scan_suffix="#", printer="usb", printer_target="04b8:0202"
    )
    save_counter(path, chosen)
    save_counter(path, chosen)  # again: one table, not two
    text = path.read_text(encoding="utf-8")
    assert text.startswith('# mine\n[terminal]\nterminal_id = "T07"\n')
    assert text.count("[counter]") == 1
    assert read_counter(path) == chosen
    with pytest.raises(InvalidInput, match="vendor:product"):
        save_counter(path, CounterSettings(printer="usb", printer_target="lp0"))
    path.write_text('[counter]\nscan_gap_ms = "fast"\n', encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"counter\.scan_gap_ms must be a int"):
        read_counter(path)

"""The back office, keyboard only: service desk, shift close and end of day, sync panel,
settings, receipts, and scan feedback."""

from __future__ import annotations

import re
import threading
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
from answers import answer, closed
from test_counter_window import scan, sign_in

from app.domain.quote import Line
from ui.dialogs import table_texts
from ui.qt import QtCore, QtWidgets
from ui.sync_bridge import SyncBridge

Qt = QtCore.Qt
CTRL = Qt.KeyboardModifier.ControlModifier
pytestmark = pytest.mark.gui


def ctrl(qtbot, widget, key) -> None:
    qtbot.keyClick(widget, key, CTRL)


def open_dialog(qtbot, window, key, kind):
    ctrl(qtbot, window.counter.scan, key)
    dialog = window.desk.dialog
    assert isinstance(dialog, kind)
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is dialog)
    return dialog


# ---------------------------------------------------------------- service desk
def test_a_supervisor_adjusts_points_by_keyboard(qtbot, window) -> None:
    from ui.service_desk import ServiceDeskDialog

    sign_in(qtbot, window, "sam", "2222")
    scan(qtbot, window, "M000003")
    before = window.controller.card.points
    desk = open_dialog(qtbot, window, Qt.Key.Key_H, ServiceDeskDialog)
    assert desk.history is not None and desk.history.member_id == "M000003"
    assert "M000003" in desk.summary.text()
    assert desk.history_table.rowCount() > 0
    ctrl(qtbot, desk.history_table, Qt.Key.Key_2)
    assert desk.tabs.currentIndex() == 1
    assert desk.points_edit.hasFocus()
    qtbot.keyClicks(desk.points_edit, "150")
    qtbot.keyClick(desk.points_edit, Qt.Key.Key_Return)
    assert desk.reason_edit.hasFocus()
    qtbot.keyClicks(desk.reason_edit, "birthday goodwill")
    qtbot.keyClick(desk.reason_edit, Qt.Key.Key_Return)
    assert desk.message.text().startswith("Done: Adjusted +150 points for M000003")
    assert desk.message.property("kind") == "success"
    assert desk.history.movements[0].kind == "adjust"
    qtbot.keyClick(desk.reason_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.desk.dialog is None)
    assert window.controller.card.points == before + 150
    qtbot.waitUntil(window.counter.scan.hasFocus)


def test_a_bad_adjustment_shows_the_core_message_and_changes_nothing(qtbot, window) -> None:
    from ui.service_desk import ServiceDeskDialog

    sign_in(qtbot, window, "sam", "2222")
    scan(qtbot, window, "M000003")
    desk = open_dialog(qtbot, window, Qt.Key.Key_H, ServiceDeskDialog)
    ctrl(qtbot, desk.history_table, Qt.Key.Key_2)
    qtbot.keyClicks(desk.points_edit, "12x")
    qtbot.keyClick(desk.points_edit, Qt.Key.Key_Return)
    qtbot.keyClick(desk.reason_edit, Qt.Key.Key_Return)
    assert "'12x' is not a whole number" in desk.message.text()
    desk.points_edit.setFocus()
    desk.points_edit.selectAll()
    qtbot.keyClicks(desk.points_edit, "50")
    qtbot.keyClick(desk.points_edit, Qt.Key.Key_Return)
    qtbot.keyClick(desk.reason_edit, Qt.Key.Key_Return)  # no reason
    assert "Give the reason for the adjustment" in desk.message.text()
    assert desk.history.movements[0].kind != "adjust"


def test_a_cashier_adjusts_only_with_a_supervisors_pin_in_place(
    qtbot, window, demo_terminal
) -> None:
    from ui.confirm import SupervisorDialog
    from ui.service_desk import ServiceDeskDialog

    sign_in(qtbot, window)
    desk = open_dialog(qtbot, window, Qt.Key.Key_H, ServiceDeskDialog)
    assert desk.member_edit.hasFocus()
    qtbot.keyClicks(desk.member_edit, "13800138002")
    qtbot.keyClick(desk.member_edit, Qt.Key.Key_Return)
    assert desk.history.member_id == "M000002"
    assert "Enter asks for their PIN here" in desk.adjust_note.text()
    ctrl(qtbot, desk.history_table, Qt.Key.Key_Return)  # Ctrl+Enter on history: reload only
    assert "Problem" not in desk.message.text()
    before = demo_terminal.card("M000002").points
    ctrl(qtbot, desk.member_edit, Qt.Key.Key_2)
    desk.points_edit.setFocus()
    qtbot.keyClicks(desk.points_edit, "200")
    qtbot.keyClick(desk.points_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(desk.reason_edit, "goodwill")
    qtbot.keyClick(desk.reason_edit, Qt.Key.Key_Return)
    # a supervisor approves at the cashier's counter: a wrong PIN first, then the right one
    qtbot.waitUntil(
        lambda: isinstance(QtWidgets.QApplication.activeModalWidget(), SupervisorDialog),
        timeout=2000,
    )
    prompt = QtWidgets.QApplication.activeModalWidget()
    assert "A points adjustment" in prompt.what.text()
    qtbot.waitUntil(prompt.pin.hasFocus, timeout=2000)  # the PIN field, ready
    qtbot.keyClicks(prompt.pin, "0000")
    qtbot.keyClick(prompt.pin, Qt.Key.Key_Return)
    assert "PIN is not right" in prompt.message_text()
    assert demo_terminal.card("M000002").points == before
    qtbot.keyClicks(prompt.pin, "2222")  # sam, the only supervisor listed first
    qtbot.keyClick(prompt.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: closed(prompt), timeout=2000)
    assert demo_terminal.card("M000002").points == before + 200
    assert window.controller.actor.cashier_id == "lin"  # nobody signed out
    with demo_terminal.ctx.read() as session:
        from sqlalchemy import select

        from app.store.models import AuditEntry

        approvals = session.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "approve")
        ).all()
        adjusts = session.scalars(
            select(AuditEntry.cashier_id).where(AuditEntry.action == "adjust")
        ).all()
    assert approvals == ['{"at_counter_of":"lin","what":"A points adjustment"}']
    assert adjusts[-1] == "sam"


def test_a_supervisor_writes_off_an_overdraft(qtbot, window, demo_terminal) -> None:
    from ui.service_desk import ServiceDeskDialog

    lin = demo_terminal.actor("lin")
    sale = demo_terminal.award("od-buy", lin, "M000002", [Line("grocery", 50_000)])
    balance = demo_terminal.card("M000002").points
    demo_terminal.redeem("od-use", lin, "M000002", "order", points=balance, amount_fen=balance * 10)
    demo_terminal.refund("od-refund", lin, sale.receipt_no)
    owed = demo_terminal.card("M000002").open_overdraft
    assert owed > 0

    sign_in(qtbot, window, "sam", "2222")
    desk = open_dialog(qtbot, window, Qt.Key.Key_H, ServiceDeskDialog)
    ctrl(qtbot, desk.member_edit, Qt.Key.Key_3)
    assert desk.tabs.currentIndex() == 2
    rows = table_texts(desk.overdraft_table)
    assert rows[0][0] == "M000002" and rows[0][2] == f"{owed:,}"
    assert "Refund of" in rows[0][4]
    desk.write_off_reason.setFocus()
    qtbot.keyClicks(desk.write_off_reason, "till error, agreed with the customer")
    qtbot.keyClick(desk.write_off_reason, Qt.Key.Key_Return)
    assert desk.message.text() == f"Done: Wrote off {owed:,} points owed by M000002."
    assert desk.overdraft_table.rowCount() == 0
    assert demo_terminal.card("M000002").open_overdraft == 0


# ---------------------------------------------------------------- shift and end of day
def test_shift_close_exports_prints_and_signs_out(qtbot, window, tmp_path: Path) -> None:
    from ui.day_report import DayReportDialog

    sign_in(qtbot, window)
    scan(qtbot, window, "M000003")
    qtbot.keyClick(window.counter.scan, Qt.Key.Key_F4)
    qtbot.keyClicks(window.counter.checkout.first_field(), "120")
    qtbot.keyClick(window.counter.checkout.first_field(), Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not window.recording)
    report = open_dialog(qtbot, window, Qt.Key.Key_R, DayReportDialog)
    assert report.title.text() == "End of day so far (Ctrl+R)"
    headers = [report.table.horizontalHeaderItem(c).text() for c in range(3)]
    assert headers == ["Figure", "lin", "Total"], (headers, window.message_text())
    assert report.chart.series()  # the chart of the day is drawn

    chosen: list[Path] = []

    def choose(suggested: Path, _filter: str) -> Path:
        assert suggested.parent == window.controller.terminal.settings.data_dir / "reports"
        chosen.append(tmp_path / suggested.name)
        return chosen[-1]

    report.choose_path = choose  # the file dialog, answered
    window.controller.terminal.ctx.clock.advance(hours=8)  # the shift ends later that day
    ctrl(qtbot, report.table, Qt.Key.Key_E)  # asks first; Esc keeps the shift open
    assert report.confirm_box.isVisible() and "Close your shift now?" in report.confirm_text.text()
    qtbot.keyClick(report.confirm_yes, Qt.Key.Key_Escape)
    assert not report.confirm_box.isVisible() and report.isVisible()
    assert report.message.text() == "Note: Your shift stays open."
    assert report.title.text() == "End of day so far (Ctrl+R)"
    ctrl(qtbot, report.table, Qt.Key.Key_E)
    qtbot.keyClick(report.confirm_yes, Qt.Key.Key_Return)  # Enter closes it
    assert report.title.text() == "Shift report (Ctrl+R)"
    rows = {row[0]: row[1:] for row in table_texts(report.table)}
    assert rows["Points awarded"] == ["140", "140"]
    assert rows["Sales"] == ["¥117.60", "¥117.60"]  # what the customer paid (tier discount)
    ctrl(qtbot, report.table, Qt.Key.Key_S)
    text = chosen[-1].read_text(encoding="utf-8")
    assert chosen[-1].name.startswith("shift-lin-") and chosen[-1].suffix == ".csv"
    lines = text.splitlines()
    assert lines[0] == "report,shift"
    assert lines[6].startswith("cashier,purchases,sales_yuan,plus_sold,plus_fees_yuan,gross_yuan")
    assert lines[7].startswith("lin,1,117.60,")
    assert lines[8].startswith("TOTAL,1,117.60,")
    ctrl(qtbot, report.table, Qt.Key.Key_P)
    pdf = chosen[-1].read_bytes()
    assert chosen[-1].suffix == ".pdf" and pdf.startswith(b"%PDF")
    assert "Saved" in report.message.text() or "Printed" in report.message.text()
    ctrl(qtbot, report.table, Qt.Key.Key_E)  # again: already closed
    assert "closed already" in report.message.text()
    qtbot.keyClick(report.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.sign_in_page)
    assert window.controller.actor is None


# ---------------------------------------------------------------- sync panel
def test_sync_panel_details_and_a_supervisors_sync_now(qtbot, window, demo_terminal) -> None:
    from sync.client.worker import WorkerState
    from ui.sync_panel import SyncPanel

    bridge = SyncBridge()
    bridge.changed.connect(window.set_sync_state)
    waiting = demo_terminal.outbox_waiting()
    rounds: list[threading.Thread] = []

    def sync_now() -> None:  # the worker's round, on its own thread
        state = WorkerState(online=True, events_waiting=0, last_success="2026-11-24T02:05:09+00:00")
        rounds.append(threading.Thread(target=bridge.publish_state, args=(state,)))
        rounds[-1].start()

    window.desk.attach_sync(bridge, sync_now)
    sign_in(qtbot, window, "sam", "2222")
    panel = open_dialog(qtbot, window, Qt.Key.Key_L, SyncPanel)
    assert panel.value("waiting") == f"{waiting:,}"
    assert panel.value("terminal") == "T01 · store S001"
    assert panel.value("ledger") == "not paired"
    assert panel.value("state").startswith("Not started yet")
    ctrl(qtbot, panel, Qt.Key.Key_N)
    assert panel.message.text().startswith("Note: Sync requested")
    qtbot.waitUntil(lambda: panel.message.text() == "Done: Sync round finished.", timeout=5000)
    assert panel.value("state") == "Online"
    assert panel.value("last_error") == "none"
    assert window.sync_status.text().startswith("Online")


def test_only_a_supervisor_forces_a_sync(qtbot, window) -> None:
    from ui.sync_panel import SyncPanel

    calls: list[int] = []
    window.desk.attach_sync(SyncBridge(), lambda: calls.append(1))
    sign_in(qtbot, window)
    panel = open_dialog(qtbot, window, Qt.Key.Key_L, SyncPanel)
    assert not panel.sync_button.isEnabled()
    ctrl(qtbot, panel, Qt.Key.Key_N)
    assert panel.message.text() == "Problem: Only a supervisor can force a sync."
    assert calls == []


# ---------------------------------------------------------------- settings
def test_settings_saved_to_the_counter_table_and_applied(qtbot, window) -> None:
    from ui.settings_dialog import SettingsDialog

    path = window.desk.settings_path
    path.write_text('[terminal]\nlanguage = "en"  # kept\n', encoding="utf-8")
    sign_in(qtbot, window)
    dialog = open_dialog(qtbot, window, Qt.Key.Key_Comma, SettingsDialog)
    assert dialog.terminal_value.text() == "Store S001 · terminal T01"
    assert dialog.gap.hasFocus()
    dialog.gap.selectAll()
    qtbot.keyClicks(dialog.gap, "45")
    qtbot.keyClick(dialog.gap, Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.min_length, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.prefix, "]Q")
    dialog.theme.setFocus()
    qtbot.keyClick(dialog.theme, Qt.Key.Key_Down)  # light -> dark
    ctrl(qtbot, dialog.theme, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.desk.dialog is None)
    qtbot.waitUntil(window.counter.scan.hasFocus)
    text = path.read_text(encoding="utf-8")
    assert 'language = "en"  # kept' in text
    saved = tomllib.loads(text)["counter"]
    assert (saved["scan_gap_ms"], saved["scan_prefix"], saved["theme"]) == (45, "]Q", "dark")
    assert window.scanner.gap_ms == 45 and window.scanner.prefix == "]Q"
    assert "#1e1f22" in window.styleSheet()  # the dark theme


def test_the_language_chosen_in_settings_is_the_one_the_next_start_uses(qtbot, window) -> None:
    from app.config import load_settings
    from ui.settings_dialog import SettingsDialog

    path = window.desk.settings_path
    path.write_text('# the mall\'s settings\n[terminal]\nstore_code = "S001"\n', encoding="utf-8")
    sign_in(qtbot, window)
    dialog = open_dialog(qtbot, window, Qt.Key.Key_Comma, SettingsDialog)
    dialog.language.setFocus()
    qtbot.keyClick(dialog.language, Qt.Key.Key_End)  # English -> ... -> Español (the last)
    assert dialog.language.currentText() == "Español"
    ctrl(qtbot, dialog.language, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.desk.dialog is None)
    assert window.switcher.code == "es"
    qtbot.waitUntil(lambda: window.language_menu.title() == "&Idioma")  # what the cashier sees
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# the mall's settings\n[terminal]\n")
    assert 'store_code = "S001"' in text
    data_dir = window.controller.terminal.settings.data_dir
    assert load_settings(data_dir).language == "es"  # what the next start reads


def test_a_network_printer_needs_an_address(qtbot, window) -> None:
    from ui.settings_dialog import SettingsDialog

    sign_in(qtbot, window)
    dialog = open_dialog(qtbot, window, Qt.Key.Key_Comma, SettingsDialog)
    dialog.printer.setFocus()
    qtbot.keyClick(dialog.printer, Qt.Key.Key_Down)  # none -> pdf
    qtbot.keyClick(dialog.printer, Qt.Key.Key_Down)  # pdf -> network
    dialog.target.setFocus()
    qtbot.keyClick(dialog.target, Qt.Key.Key_Return)
    assert "Say where the printer is" in dialog.message.text()
    assert window.desk.dialog is dialog
    qtbot.keyClick(dialog.target, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.desk.dialog is None)
    assert window.desk.counter.printer == "none"


# ---------------------------------------------------------------- receipts and feedback
def test_a_receipt_prints_after_a_sale_and_reprints(qtbot, window, tmp_path: Path) -> None:
    out = tmp_path / "printer.bin"
    window.desk.apply(
        replace(
            window.desk.counter, printer="file", printer_target=str(out), print_after_award=True
        ),
        None,
    )
    sign_in(qtbot, window)
    scan(qtbot, window, "M000003")
    qtbot.keyClick(window.counter.scan, Qt.Key.Key_F4)
    qtbot.keyClicks(window.counter.checkout.first_field(), "88")
    with qtbot.waitSignal(window.desk.printer.done, timeout=5000):
        qtbot.keyClick(window.counter.checkout.first_field(), Qt.Key.Key_F9)
        qtbot.waitUntil(lambda: not window.recording)
    receipt_no = window.controller.last_award.receipt_no
    printed = out.read_bytes()
    assert receipt_no.encode() in printed
    assert b"Points earned: " in printed and b"Balance: " in printed
    assert printed.endswith(b"\x1dVA\x00") or b"\x1dV" in printed  # the cut
    assert "Sale recorded" in window.message_text()
    out.unlink()
    with qtbot.waitSignal(window.desk.printer.done, timeout=5000):
        ctrl(qtbot, window.counter.scan, Qt.Key.Key_P)
    assert receipt_no.encode() in out.read_bytes()


def test_any_receipt_reprints_by_its_number(qtbot, window, tmp_path: Path) -> None:
    out = tmp_path / "printer.bin"
    window.desk.apply(replace(window.desk.counter, printer="file", printer_target=str(out)), None)
    sign_in(qtbot, window)
    receipts = []
    for member in ("M000003", "M000004"):
        scan(qtbot, window, member)
        qtbot.keyClick(window.counter.scan, Qt.Key.Key_F4)
        qtbot.keyClicks(window.counter.checkout.first_field(), "120")
        qtbot.keyClick(window.counter.checkout.first_field(), Qt.Key.Key_F9)
        qtbot.waitUntil(lambda: "Sale recorded" in window.message_text())
        receipts.append(window.controller.last_award.receipt_no)
    qtbot.keyClick(
        window.counter.scan,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    prompt = window.desk.receipt_prompt
    assert prompt is not None and prompt.textValue() == receipts[1]  # the last one offered
    field = prompt.findChild(QtWidgets.QLineEdit)
    field.selectAll()
    qtbot.keyClicks(field, receipts[0])
    out.unlink(missing_ok=True)
    with qtbot.waitSignal(window.desk.printer.done, timeout=5000):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    printed = out.read_bytes()
    assert receipts[0].encode() in printed and receipts[1].encode() not in printed
    qtbot.waitUntil(window.counter.scan.hasFocus)


def test_a_receipt_number_that_does_not_exist_is_said_plainly(qtbot, window) -> None:
    sign_in(qtbot, window)
    qtbot.keyClick(
        window.counter.scan,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    prompt = window.desk.receipt_prompt
    field = prompt.findChild(QtWidgets.QLineEdit)
    qtbot.keyClicks(field, "T01-NOPE")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "T01-NOPE" in window.message_text())


def test_reprint_without_a_sale_says_so(qtbot, window) -> None:
    sign_in(qtbot, window)
    ctrl(qtbot, window.counter.scan, Qt.Key.Key_P)
    assert "No sale on screen to reprint" in window.message_text()


def test_good_and_bad_scans_flash_and_sound(qtbot, window) -> None:
    feedback = window.desk.feedback
    sign_in(qtbot, window)
    scan(qtbot, window, "M000001")
    assert feedback.state == "good"
    assert window.counter.scan.property("flash") == "good"
    assert window.desk.flash.text() == "✔ Member found"  # words, not colour alone
    scan(qtbot, window, "M999999")
    assert feedback.state == "bad"
    assert window.desk.flash.text() == "✘ Not found — check the code"
    assert feedback.requested == ["good", "bad"]
    qtbot.waitUntil(lambda: feedback.state == "none", timeout=3000)
    assert window.desk.flash.text() == ""


# ---------------------------------------------------------------- the ledger's flags
class StandInLedger:
    """The ledger's flag endpoints as the desk sees them (the HTTP path is proven in
    tests/sync/test_flags.py); ``offline`` makes every call fail as an unreachable ledger."""

    def __init__(self) -> None:
        from sync.protocol import FlagView

        at = "2026-11-24T10:00:00+00:00"
        self.flags = [
            FlagView(
                flag_id=7,
                kind="overdraft",
                member_id="M000003",
                event_id=None,
                points=300,
                detail="redeem: 300 points more than the member had",
                created_at=at,
            ),
            FlagView(
                flag_id=5,
                kind="code_replay",
                member_id="M000004",
                event_id=None,
                points=0,
                detail="phone code step taken at T01 and T02",
                created_at=at,
            ),
        ]
        self.offline = False
        self.resolved: list[tuple[int, str, str]] = []

    def source(self):
        from ui.ledger_flags import FlagSource

        return FlagSource(self.fetch, self.resolve)

    def fetch(self, member_id):
        from sync.client.http import TransientError

        if self.offline:
            raise TransientError("connection refused")
        return [f for f in self.flags if f.resolved_at is None and member_id in (None, f.member_id)]

    def resolve(self, flag_id, note, who):
        index = next(i for i, f in enumerate(self.flags) if f.flag_id == flag_id)
        flag = self.flags[index]
        if flag.resolved_at is None:
            self.resolved.append((flag_id, note, who))
            flag = flag.model_copy(
                update={
                    "resolved_at": "2026-11-24T11:00:00+00:00",
                    "resolved_by": who,
                    "note": note,
                }
            )
            self.flags[index] = flag
        return flag


def test_a_supervisor_resolves_a_ledger_flag_by_keyboard(qtbot, window) -> None:
    from ui.service_desk import ServiceDeskDialog

    ledger = StandInLedger()
    window.desk.flag_source = ledger.source()
    sign_in(qtbot, window, "sam", "2222")
    scan(qtbot, window, "M000003")
    desk = open_dialog(qtbot, window, Qt.Key.Key_H, ServiceDeskDialog)
    ctrl(qtbot, desk.history_table, Qt.Key.Key_4)
    page = desk.flags_page
    qtbot.waitUntil(lambda: page.flag_table.rowCount() == 1)  # the member's own flags
    assert table_texts(page.flag_table)[0][:4] == ["7", "Overdraft", "M000003", "300"]
    assert desk.tabs.tabText(3) == "&4 Ledger flags (1)"
    page.note_edit.setFocus()
    qtbot.keyClick(page.note_edit, Qt.Key.Key_Return)  # no note: asked for one
    assert page.status.text() == "Say in the note what was checked and done."
    assert ledger.resolved == []
    qtbot.keyClicks(page.note_edit, "Member paid back in cash")
    qtbot.keyClick(page.note_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.status.text() == "No open flags for member M000003.")
    assert ledger.resolved == [(7, "Member paid back in cash", "Sam Supervisor")]
    assert desk.tabs.tabText(3) == "&4 Ledger flags (0)"


def test_a_cashier_sees_flags_but_cannot_resolve_them(qtbot, window) -> None:
    from ui.service_desk import ServiceDeskDialog

    ledger = StandInLedger()
    window.desk.flag_source = ledger.source()
    sign_in(qtbot, window)
    desk = open_dialog(qtbot, window, Qt.Key.Key_H, ServiceDeskDialog)
    ctrl(qtbot, desk.member_edit, Qt.Key.Key_4)
    page = desk.flags_page
    qtbot.waitUntil(lambda: page.flag_table.rowCount() == 2)  # no member chosen: every one
    assert not page.note_edit.isEnabled()
    ctrl(qtbot, page.flag_table, Qt.Key.Key_Return)
    assert page.status.text() == "Only a supervisor can resolve a flag."
    assert ledger.resolved == []


def test_offline_the_flags_tab_says_so_in_the_cashier_s_language(qtbot, window) -> None:
    from ui.service_desk import ServiceDeskDialog

    ledger = StandInLedger()
    ledger.offline = True
    window.desk.flag_source = ledger.source()
    sign_in(qtbot, window, "sam", "2222")
    desk = open_dialog(qtbot, window, Qt.Key.Key_H, ServiceDeskDialog)
    ctrl(qtbot, desk.member_edit, Qt.Key.Key_4)
    page = desk.flags_page
    qtbot.waitUntil(lambda: page.status.text().startswith("The ledger cannot be reached"))
    window.set_language("es")
    qtbot.waitUntil(lambda: page.status.text().startswith("No se puede contactar"))
    assert page.flag_table.rowCount() == 0


def test_a_plus_sale_prints_the_partner_benefits_codes(qtbot, window, tmp_path: Path) -> None:
    out = tmp_path / "printer.bin"
    window.desk.apply(replace(window.desk.counter, printer="file", printer_target=str(out)), None)
    sign_in(qtbot, window)
    scan(qtbot, window, "M000003")
    qtbot.keyClick(window.counter.scan, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.flows.dialog is not None, timeout=2000)
    with qtbot.waitSignal(window.desk.printer.done, timeout=5000):
        qtbot.keyClick(window.flows.dialog, Qt.Key.Key_Return)
        answer(qtbot, "M000003")  # the sale is asked first (pick)
    shown = re.search(r"code (E[A-Z2-9]{12})", window.message_text())  # on screen ...
    assert shown is not None
    printed = out.read_bytes()  # ... and on paper, with the partner
    assert shown.group(1).encode() in printed and b"Star Cinemas" in printed

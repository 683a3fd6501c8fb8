"""First run: the demo banner says so on screen, and the wizard pairs with a real ledger."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.bootstrap import open_terminal
from sync.client import credentials
from sync.client.authorizer import connect
from sync.client.fresh_pairing import apply_staged, staged
from sync.server import ledger as ledger_rules
from sync.server.api import create_app
from sync.server.cli import open_ledger
from sync.server.models import Terminal as LedgerTerminal
from ui.qt import QtCore

pytestmark = pytest.mark.gui


class Ledger:
    def __init__(self, database: Path) -> None:
        self.engine = open_ledger(f"sqlite+pysqlite:///{database}")
        config = uvicorn.Config(
            create_app(self.engine), host="127.0.0.1", port=0, log_level="warning", lifespan="off"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            assert time.monotonic() < deadline, "the ledger did not start"
            time.sleep(0.02)
        self.url = f"http://127.0.0.1:{self.server.servers[0].sockets[0].getsockname()[1]}"

    def add_terminal(self, terminal_id: str, store: str) -> str:
        with Session(self.engine) as session, session.begin():
            return ledger_rules.add_terminal(
                session, terminal_id, store, ledger_rules.rule_book(session)
            )

    def paired(self, terminal_id: str) -> bool:
        with Session(self.engine) as session:
            row = session.scalar(
                select(LedgerTerminal).where(LedgerTerminal.terminal_id == terminal_id)
            )
            return row is not None and row.paired_at is not None

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.engine.dispose()


@pytest.fixture
def real_ledger(tmp_path: Path) -> Iterator[Ledger]:
    ledger = Ledger(tmp_path / "ledger.db")
    yield ledger
    ledger.stop()


def test_a_demo_terminal_says_so_in_every_language(qtbot, window):
    first_run = window.first_run
    assert first_run.toolbar.isVisible()
    assert first_run.banner.text().startswith("Demo mode: a local ledger on this computer")
    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: first_run.banner.text().startswith("演示模式：使用本机上的本地账本"))
    assert first_run.menu.title() == "设置(&S)"
    window.set_language("es")
    qtbot.waitUntil(lambda: first_run.banner.text().startswith("Modo de demostración"))
    assert first_run.pair_action.text() == "Emparejar con el libro mayor del centro comercial…"


def test_a_terminal_on_a_real_ledger_shows_no_banner(qtbot, qapp, demo_terminal):
    from ui.window import CounterWindow

    credentials.save(
        demo_terminal.settings.data_dir,
        credentials.Credential("https://ledger.mall.example:8470", "T01", "secret"),
    )
    win = CounterWindow(demo_terminal)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert not win.first_run.toolbar.isVisible()


def test_the_wizard_pairs_with_a_real_ledger_and_the_next_start_uses_it(
    qtbot, window, demo_terminal, real_ledger
):
    data_dir = demo_terminal.settings.data_dir
    code = real_ledger.add_terminal("T07", "S002")
    wizard = window.first_run.open_wizard()
    qtbot.waitExposed(wizard)
    page = wizard.pair_page
    assert not page.isComplete()
    qtbot.keyClicks(page.url, real_ledger.url)
    qtbot.keyClicks(page.code, code)
    page.terminal.clear()
    qtbot.keyClicks(page.terminal, "T07")
    qtbot.mouseClick(page.pair_button, QtCore.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=20_000)
    assert "terminal T07 of store S002" in wizard.done_page.summary.text()
    assert real_ledger.paired("T07")
    # the demo terminal still runs until the restart; the banner says what happens next
    with qtbot.waitSignal(window.first_run.restart_requested, timeout=5_000):
        wizard.accept()
    assert "restart MemberDesk" in window.first_run.banner.text()
    assert staged(data_dir) is not None

    aside = apply_staged(data_dir)  # what the next start does before opening the terminal
    assert aside is not None and (aside / "terminal.db").exists()
    fresh = open_terminal(data_dir, create=False, connect=connect)
    try:
        state = fresh.sync_state()
        assert state.paired and state.ledger_url == real_ledger.url
        assert (fresh.ctx.terminal_id, fresh.ctx.store_code) == ("T07", "S002")
        assert fresh.outbox_waiting() == 0  # no demo sale goes to the real ledger
        assert credentials.load(data_dir).embedded is False
    finally:
        fresh.close()


def test_a_wrong_code_or_address_is_said_plainly_and_nothing_changes(
    qtbot, window, demo_terminal, real_ledger
):
    data_dir = demo_terminal.settings.data_dir
    real_ledger.add_terminal("T01", "S001")
    wizard = window.first_run.open_wizard()
    page = wizard.pair_page
    page.url.setText(real_ledger.url)
    page.code.setText("0000-0000-0000")
    page.start_pairing()
    qtbot.waitUntil(page.pair_button.isEnabled, timeout=20_000)
    assert page.status.text().startswith("The ledger refused: ")
    assert not page.isComplete() and staged(data_dir) is None

    page.url.setText("http://127.0.0.1:9")  # nothing listens on the discard port
    page.code.setText("3F2A-91C0-7B44")
    page.start_pairing()
    qtbot.waitUntil(page.pair_button.isEnabled, timeout=30_000)
    assert page.status.text().startswith("Cannot reach a ledger at http://127.0.0.1:9.")
    assert staged(data_dir) is None
    wizard.reject()


def test_the_wizard_s_own_buttons_speak_the_cashier_s_language(qtbot, window):
    """Back, Next and Cancel are Qt's own texts: they come from Qt's translations."""
    from ui.qt import QtWidgets

    window.set_language("zh_CN")
    wizard = window.first_run.open_wizard()
    qtbot.waitUntil(wizard.isVisible)
    cancel = wizard.button(QtWidgets.QWizard.WizardButton.CancelButton).text()
    assert cancel == "取消"
    window.set_language("es")
    qtbot.waitUntil(
        lambda: wizard.button(QtWidgets.QWizard.WizardButton.CancelButton).text() == "Cancelar"
    )
    wizard.reject()

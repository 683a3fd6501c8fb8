"""Render the counter screens to PNG files, offscreen, in every shipped language.

    python -m ui.screenshots docs/screenshots

Uses a fresh temporary terminal seeded with the demo data at a fixed time, so the pictures
are the same on every run and machine (given the same fonts).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

# A Tuesday morning in Shanghai, the same moment the tests use.
FIXED_NOW = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)
SIZE = (1366, 768)  # the most common counter monitor
# A card code of another mall's ledger, as a scanner types it: no member here.
LONG_SCAN = "MD1C.K7.JVKDAMBQGAZQ.7QGNBRXHKMH4TT3JSPZ2BQ6H5QDE3D6BJUW3L4QJ5HVNFQX4M2AQ"


def _settle(app: object) -> None:
    for _ in range(5):
        app.processEvents()  # type: ignore[attr-defined]


def render(out_dir: Path, languages: tuple[str, ...] | None = None) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.bootstrap import open_terminal
    from app.demo import seed_demo
    from app.services.context import FixedClock
    from ui.desk_screens import render_desk
    from ui.flow_screens import render_flows
    from ui.i18n import LANGUAGE_CODES, LanguageSwitcher
    from ui.pick_screens import render_picks
    from ui.qt import QtCore, QtWidgets
    from ui.window import CounterWindow

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="memberdesk-shots-") as tmp:
        terminal = open_terminal(Path(tmp) / "data", clock=FixedClock(FIXED_NOW))
        switcher = LanguageSwitcher(app)
        try:
            seed_demo(terminal)
            for code in languages or LANGUAGE_CODES:
                switcher.switch(code)
                window = CounterWindow(terminal, switcher)
                window.resize(*SIZE)
                window.show()
                _settle(app)

                def shot(name: str, window: CounterWindow = window, code: str = code) -> None:
                    _settle(app)
                    path = out_dir / f"{name}_{code}.png"
                    window.grab().save(str(path))
                    written.append(path)

                page = window.sign_in_page
                page.select_cashier("lin")
                page.pin.setText("1")
                page.confirm()  # a wrong PIN, to show the message
                page.pin.setText("11")
                shot("signin")

                page.pin.setText("1111")
                page.confirm()
                window.counter.scan.setText("M000001")
                window.look_up()
                shot("counter")

                # a member with points in other stores' scopes: where each can be spent
                window.counter.scan.setText("M000008")
                window.look_up()
                shot("counter_scopes")

                window.counter.scan.setText("M000003")
                window.look_up()
                checkout = window.counter.checkout
                checkout.amount_edits["grocery"].setText("128.50")
                checkout.amount_edits["dining"].setText("86")
                checkout.points_edit.setText("500")
                checkout.update_quote()
                checkout.first_field().setFocus()
                shot("checkout")

                # F9: the sale's summary, and the counter waits for the next customer
                window.confirm_award()
                window.desk.feedback.timer.stop()
                shot("sale_done")

                # a scan that is no member: the long code wraps, the window keeps its size
                window.counter.scan.setText(LONG_SCAN)
                window.look_up()
                shot("scan_failed")

                def save(name: str, widget: object, code: str = code) -> Path:
                    _settle(app)
                    path = out_dir / f"{name}_{code}.png"
                    widget.grab().save(str(path))  # type: ignore[attr-defined]
                    written.append(path)
                    return path

                render_desk(window, save)  # service desk, day report, sync, settings
                render_flows(window, save)  # enroll, card QR, PLUS, redeem, refund, display
                render_picks(window, save)  # find, coupons, questions, supervisor PIN

                window.close()
                window.deleteLater()
                QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)
                _settle(app)
        finally:
            switcher.switch("en")  # translators are global: leave the application in English
            terminal.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render the counter screens to PNG files.")
    parser.add_argument("out_dir", type=Path, nargs="?", default=Path("docs/screenshots"))
    parser.add_argument("--language", action="append", help="only this language (repeatable)")
    args = parser.parse_args(argv)
    for path in render(args.out_dir, tuple(args.language) if args.language else None):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
